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
    private volatile Thread running;
    private volatile boolean stopRequested;

    Object takeValue(String key) {
        return key == null ? null : values.remove(key);
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
        stopRequested = false;
        running = cell;
        cell.start();
        try {
            cell.join();
        } finally {
            running = null;
        }
        if (stopRequested) {
            throw new UserException("cell interrupted", STOPPED_CLASS, new StackTraceElement[0]);
        }
        if (failure[0] != null) {
            throw new InvocationTargetException(failure[0]);
        }
        if (result[0] == null) {
            return null;
        }
        String key = "poolhit-value-" + keys.incrementAndGet();
        values.put(key, result[0]);
        return key;
    }

    /**
     * Interrupts the running snippet; a snippet that ignores the interrupt (a busy loop) is
     * stopped hard after a short grace period, because JDK 17 JShell offers nothing else.
     */
    @Override
    @SuppressWarnings({"deprecation", "removal"})
    public void stop() {
        Thread cell = running;
        if (cell == null) {
            return;
        }
        stopRequested = true;
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
