package dev.poolhit.jupyter.java;

/**
 * Open while no cell runs. Background work that only makes later cells faster (the compiler
 * warm-up) waits here, so it never takes a core from the cell the user is waiting for.
 */
final class CellGate {
    private int running;
    private int waiters;

    synchronized void cellStarted() {
        running++;
    }

    synchronized void cellEnded() {
        if (running > 0) {
            running--;
        }
        if (running == 0) {
            notifyAll();
        }
    }

    /** Returns once no cell runs. */
    synchronized void awaitIdle() throws InterruptedException {
        waiters++;
        try {
            while (running > 0) {
                wait();
            }
        } finally {
            waiters--;
        }
    }

    /** Threads blocked in {@link #awaitIdle()} right now (for tests that must not sleep). */
    synchronized int waiters() {
        return running > 0 ? waiters : 0;
    }
}
