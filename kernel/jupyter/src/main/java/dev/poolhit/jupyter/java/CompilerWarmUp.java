package dev.poolhit.jupyter.java;

import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;
import jdk.jshell.JShell;
import jdk.jshell.SnippetEvent;

/**
 * Warms the JIT for javac and JShell on a background thread, with throwaway JShells of its own,
 * while the user reads the notebook. The compiled code is shared by every JShell in the JVM, so
 * the user's shell gets it without its own cells waiting behind these. Measured per snippet (CPU
 * time of the cell's thread, the shape cells take): about 13 ms after 400 warm-up snippets, 9.7 ms
 * after 1,500, 8.1 ms after 3,000; javac is large and reaches its compiled steady state slowly.
 * A JShell gets slower with every snippet it has seen (it keeps each snippet's class and lists
 * them all in every javac run), so the throwaway shell is replaced every
 * {@link #SNIPPETS_PER_SHELL} snippets. The warm-up pauses while a cell runs ({@link CellGate}),
 * is bounded in snippets and time, runs as a daemon of lowest priority, and any failure just ends it.
 */
final class CompilerWarmUp implements Runnable {
    private static final System.Logger LOG = System.getLogger(CompilerWarmUp.class.getName());
    static final int SNIPPETS = 3_000;
    /** System property overriding {@link #SNIPPETS}; 0 turns the warm-up off. */
    static final String SNIPPETS_PROPERTY = "poolhit.warmup.snippets";
    static final int SNIPPETS_PER_SHELL = 500;
    static final Duration LIMIT = Duration.ofSeconds(180);

    private final List<String> imports;
    private final CellGate gate;
    private final int snippets;
    private final LongSupplier nanoTime;

    CompilerWarmUp(List<String> imports, CellGate gate, int snippets, LongSupplier nanoTime) {
        this.imports = List.copyOf(imports);
        this.gate = gate;
        this.snippets = snippets;
        this.nanoTime = nanoTime;
    }

    /**
     * Starts the warm-up on a daemon thread of minimum priority: {@link #SNIPPETS} snippets, or as
     * many as the {@value #SNIPPETS_PROPERTY} system property says (the test command runs dozens of
     * short-lived kernels, and their warm-ups would only compete with the tests for the cores).
     */
    static Thread start(List<String> imports, CellGate gate) {
        int snippets = Integer.getInteger(SNIPPETS_PROPERTY, SNIPPETS);
        Thread t = new Thread(new CompilerWarmUp(imports, gate, snippets, System::nanoTime), "jshell-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
        return t;
    }

    @Override
    public void run() {
        int done = warm();
        LOG.log(System.Logger.Level.DEBUG, "JShell warm-up: " + done + " snippets");
    }

    /** Runs the warm-up on this thread; returns how many snippets it evaluated. */
    int warm() {
        long end = nanoTime.getAsLong() + LIMIT.toNanos();
        int done = 0;
        try {
            while (done < snippets && nanoTime.getAsLong() - end < 0) {
                done += warmOneShell(Math.min(SNIPPETS_PER_SHELL, snippets - done), done, end);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | LinkageError e) {
            LOG.log(System.Logger.Level.DEBUG, "JShell warm-up ended early: " + e);
        }
        return done;
    }

    private int warmOneShell(int count, int first, long end) throws InterruptedException {
        int done = 0;
        try (JShell js = JShell.builder().executionEngine("local").build()) {
            imports.forEach(js::eval);
            for (; done < count && nanoTime.getAsLong() - end < 0; done++) {
                gate.awaitIdle();
                // the shape cells take (ExpressionHolder), dropped so the throwaway shell stays small
                for (SnippetEvent e : js.eval("Object $warm" + (first + done) + " = (" + done + " + 1\n);")) {
                    if (e.status().isActive()) {
                        js.drop(e.snippet());
                    }
                }
            }
        }
        return done;
    }
}
