package dev.poolhit.jupyter.kernel;

import io.github.spencerpark.jupyter.kernel.JupyterIO;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Owns System.out and System.err for the whole process (and System.in while a cell runs). Output
 * goes through a {@link BatchingOutput}, which forwards to the running cell's Jupyter streams and is drained
 * every {@value #DRAIN_MILLIS} ms by a daemon timer, so long cells show output as it comes.
 */
final class StdStreams {
    static final long DRAIN_MILLIS = 50;

    private final BatchingOutput out;
    private final BatchingOutput err;
    private final ScheduledExecutorService timer;
    private final InputStream processIn = System.in;

    StdStreams() {
        this.out = new BatchingOutput(System.out);
        this.err = new BatchingOutput(System.err);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "poolhit-output-drain");
            t.setDaemon(true);
            return t;
        });
    }

    /** Makes System.out/err the batching streams and starts the drain timer. */
    void install() {
        System.setOut(new PrintStream(out, false, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, false, StandardCharsets.UTF_8));
        timer.scheduleWithFixedDelay(this::drain, DRAIN_MILLIS, DRAIN_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Routes output to the cell's streams and System.in to Jupyter's stdin (input_request). */
    void attach(JupyterIO io) {
        out.attach(io.out);
        err.attach(io.err);
        System.setIn(io.in);
    }

    void detach() {
        System.out.flush(); // moves PrintStream-internal characters into the batch
        System.err.flush();
        out.detach();
        err.detach();
        System.setIn(processIn);
    }

    /** Sends everything buffered now, e.g. before a display_data so ordering is kept. */
    void drain() {
        System.out.flush();
        System.err.flush();
        out.drain();
        err.drain();
    }

    void close() {
        timer.shutdownNow();
        drain();
    }
}
