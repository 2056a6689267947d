package dev.poolhit.jupyter.java;

import java.time.Duration;
import java.util.List;
import jdk.jshell.JShell;
import jdk.jshell.SnippetEvent;

/**
 * Warms the JIT for javac and JShell on a background thread, with a throwaway JShell of its own,
 * while the user reads the notebook. A cell costs about 35 ms while javac's code is still
 * interpreted and about 15 ms once it is compiled, which takes a few hundred snippets; the
 * compiled code is shared by every JShell in the JVM, so the user's shell gets it without its own
 * cells waiting behind these (the throwaway shell never touches the user's one). Bounded in
 * snippets and time, daemon, lowest priority; any failure just ends the warm-up.
 */
final class CompilerWarmUp implements Runnable {
    private static final System.Logger LOG = System.getLogger(CompilerWarmUp.class.getName());
    static final int SNIPPETS = 400;
    static final Duration LIMIT = Duration.ofSeconds(30);

    private final List<String> imports;

    private CompilerWarmUp(List<String> imports) {
        this.imports = List.copyOf(imports);
    }

    /** Starts the warm-up on a daemon thread of minimum priority. */
    static Thread start(List<String> imports) {
        Thread t = new Thread(new CompilerWarmUp(imports), "jshell-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
        return t;
    }

    @Override
    public void run() {
        long end = System.nanoTime() + LIMIT.toNanos();
        int done = 0;
        try (JShell js = JShell.builder().executionEngine("local").build()) {
            imports.forEach(js::eval);
            for (; done < SNIPPETS && System.nanoTime() - end < 0 && !Thread.currentThread().isInterrupted(); done++) {
                // the shape cells take (ExpressionHolder), dropped so the throwaway shell stays small
                for (SnippetEvent e : js.eval("Object $warm" + done + " = (" + done + " + 1\n);")) {
                    if (e.status().isActive()) {
                        js.drop(e.snippet());
                    }
                }
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.log(System.Logger.Level.DEBUG, "JShell warm-up ended early: " + e);
        }
        LOG.log(System.Logger.Level.DEBUG, "JShell warm-up: " + done + " snippets");
    }
}
