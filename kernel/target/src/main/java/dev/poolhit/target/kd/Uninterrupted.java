package dev.poolhit.target.kd;

import dev.poolhit.kd.protocol.KdException;
import dev.poolhit.kd.protocol.KdInterruptedException;

/**
 * Runs one manipulate request so that a {@link Thread#interrupt()} cannot cut it in half: an
 * interrupted wait is repeated with the same request (the first request's response, still on its
 * way, then answers the repeat, being identical), and the interrupt flag is set again afterwards
 * so the caller still sees it. Interrupts are meant for the waits between stops, not for requests.
 */
final class Uninterrupted {
    /** A request that may throw wire errors. */
    @FunctionalInterface
    interface Call<T> {
        T run() throws KdException;
    }

    /** How often one request is repeated after interrupts before the interrupt wins. */
    static final int MAX_REPEATS = 3;

    private Uninterrupted() {}

    static <T> T call(Call<T> call) throws KdException {
        boolean interrupted = false;
        try {
            for (int attempt = 0; ; attempt++) {
                try {
                    return call.run();
                } catch (KdInterruptedException e) {
                    interrupted = true;
                    Thread.interrupted(); // clear, so the repeat can wait
                    if (attempt >= MAX_REPEATS) {
                        throw e;
                    }
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static void run(Call<Void> call) throws KdException {
        call(call);
    }
}
