package dev.poolhit.sim.kd.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.poolhit.kd.transport.ManualClock;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Pokes follow the injected clock: one at start, the next only when the interval has passed on it. */
class PokerTest {
    @Test
    void pokesOncePerIntervalOfTheInjectedClock() throws Exception {
        ManualClock clock = new ManualClock();
        LinkedBlockingQueue<Long> pokes = new LinkedBlockingQueue<>();
        Poker poker = new Poker(clock, Duration.ofSeconds(3).toNanos(), () -> pokes.add(clock.nanoTime()));
        poker.start("test-poker");
        try {
            assertEquals(0L, pokes.poll(10, TimeUnit.SECONDS));
            clock.advanceWhenWaiting(Duration.ofSeconds(3));
            assertEquals(3_000_000_000L, pokes.poll(10, TimeUnit.SECONDS));
            clock.advanceWhenWaiting(Duration.ofSeconds(3));
            assertEquals(6_000_000_000L, pokes.poll(10, TimeUnit.SECONDS));
        } finally {
            poker.stop();
        }
    }
}
