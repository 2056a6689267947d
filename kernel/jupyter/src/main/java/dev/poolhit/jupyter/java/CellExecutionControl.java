package dev.poolhit.jupyter.java;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import jdk.jshell.execution.DirectExecutionControl;

/**
 * JShell execution inside the kernel's own JVM. Each snippet runs on a fresh "poolhit-cell"
 * thread so that the kernel can interrupt it without touching basekernel's shell thread, and
 * its value is kept as a live object (JShell itself only hands back strings), looked up by the
 * key that {@link #invoke(Method)} returns.
 */
final class CellExecutionControl extends DirectExecutionControl {
    /** Class name reported for a stopped cell, so the kernel can tell a stop from a user error. */
    static final String STOPPED_CLASS = "dev.poolhit.jupyter.java.CellStopped";
    private static final long CELL_STACK_BYTES = 16L << 20;
    private static final long STOP_GRACE_MILLIS = 300;

    private final Map<String, Object> values = new ConcurrentHashMap<>();
    private final AtomicLong keys = new AtomicLong();
    private final Object lock = new Object();
    private volatile Thread running;
    private boolean stopRequested;

    Object takeValue(String key) {
        return key == null ? null : values.remove(key);
    }

    /** Forgets an earlier stop request; called when a new cell starts. */
    void clearStop() {
        synchronized (lock) {
            stopRequested = false;
        }
    }

    /** True once {@link #stop()} was called for the current cell. */
    boolean stopRequested() {
        synchronized (lock) {
            return stopRequested;
        }
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        Object[] result = new Object[1];
        Throwable[] failure = new Throwable[1];
        Thread cell = new Thread(null, () -> {
            try {
                result[0] = doitMethod.invoke(null);
            } catch (InvocationTargetException e) {
                failure[0] = e.getCause();
            } catch (Throwable t) { // ThreadDeath from stop(), or reflection failures
                failure[0] = t;
            }
        }, "poolhit-cell", CELL_STACK_BYTES);
        synchronized (lock) { // a stop either sees this thread running or is seen here
            if (!stopRequested) {
                cell.start();
                running = cell;
            }
        }
        try {
            cell.join();
        } finally {
            running = null;
        }
        if (stopRequested()) {
            throw new UserException("cell interrupted", STOPPED_CLASS, new StackTraceElement[0]);
        }
        if (failure[0] != null) {
            throw new InvocationTargetException(failure[0]);
        }
        if (result[0] == null) {
            // JShell post-processes a declaration's value string (a null one throws inside
            // JShell: `String s = null;` failed); no key is stored, so takeValue gives null
            return "null";
        }
        String key = "poolhit-value-" + keys.incrementAndGet();
        values.put(key, result[0]);
        return key;
    }

    /**
     * Stops the current cell: the running snippet is interrupted, and one that ignores the
     * interrupt (a busy loop) is stopped hard after a short grace period, because JDK 17 JShell
     * offers nothing else; snippets not started yet do not run.
     */
    @Override
    @SuppressWarnings({"deprecation", "removal"})
    public void stop() {
        Thread cell;
        synchronized (lock) {
            stopRequested = true;
            cell = running;
        }
        if (cell == null) {
            return; // between snippets: the flag stops the cell before its next snippet runs
        }
        cell.interrupt();
        try {
            cell.join(STOP_GRACE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (cell.isAlive()) {
            cell.stop();
        }
    }
}
