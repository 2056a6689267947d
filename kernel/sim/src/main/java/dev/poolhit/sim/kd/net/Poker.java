package dev.poolhit.sim.kd.net;

import dev.poolhit.kd.transport.KdClock;
import java.io.IOException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** A daemon thread that runs an action every interval of an injected {@link KdClock} until stopped. */
final class Poker {
    private static final System.Logger LOG = System.getLogger(Poker.class.getName());

    /** The periodic action. */
    interface Action {
        void run() throws IOException;
    }

    private final KdClock clock;
    private final long intervalNanos;
    private final Action action;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition stopped = lock.newCondition();
    private volatile boolean running = true;

    Poker(KdClock clock, long intervalNanos, Action action) {
        this.clock = clock;
        this.intervalNanos = intervalNanos;
        this.action = action;
    }

    void start(String name) {
        Thread t = new Thread(this::loop, name);
        t.setDaemon(true);
        t.start();
    }

    private void loop() {
        try {
            while (running) {
                action.run();
                long deadline = clock.deadlineAfter(intervalNanos);
                lock.lock();
                try {
                    while (running && clock.nanoTime() - deadline < 0) {
                        clock.awaitUntil(lock, stopped, deadline);
                    }
                } finally {
                    lock.unlock();
                }
            }
        } catch (IOException e) {
            if (running) {
                LOG.log(System.Logger.Level.WARNING, "poke failed, poker stops: " + e.getMessage());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void stop() {
        running = false;
        lock.lock();
        try {
            stopped.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
