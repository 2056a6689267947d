package dev.poolhit.sim.kd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.poolhit.kd.transport.ByteTransport;
import dev.poolhit.kd.transport.InProcessPipe;
import dev.poolhit.kd.transport.KdClock;
import dev.poolhit.kd.transport.ManualClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The link knobs one by one, on an in-process pipe; time only moves when the test moves it. */
class FaultyTransportTest {
    private static final byte[] PACKET = "0000 twenty bytes!!!".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final InProcessPipe.Pair pipe = InProcessPipe.pair();
    private final ExecutorService executor = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void baudRatePacesWritesOnTheInjectedClock() throws Exception {
        ManualClock clock = new ManualClock();
        ByteTransport line = FaultyTransport.wrap(pipe.target(), clock, 1000, ByteFaults.NONE, ByteFaults.NONE, 0, 1);
        Future<?> write = executor.submit(() -> {
            line.write(new byte[100]);   // 100 bytes * 10 bits at 1000 baud = 1 s
            return null;
        });
        clock.advanceWhenWaiting(Duration.ofMillis(500));
        assertFalse(write.isDone(), "half the time is not enough for 100 bytes at 1000 baud");
        clock.advanceWhenWaiting(Duration.ofMillis(500));
        write.get(10, TimeUnit.SECONDS);
        line.close();
        assertEquals(100, drain(pipe.host()).length);
    }

    @Test
    void dropLosesOneByte() throws Exception {
        byte[] got = sendOnce(new ByteFaults(1, 0, 0, 0, Duration.ZERO));
        assertEquals(PACKET.length - 1, got.length);
        assertEquals(1, differences(PACKET, got, true));
    }

    @Test
    void corruptFlipsOneByte() throws Exception {
        byte[] got = sendOnce(new ByteFaults(0, 1, 0, 0, Duration.ZERO));
        assertEquals(PACKET.length, got.length);
        assertEquals(1, differences(PACKET, got, false));
    }

    @Test
    void duplicateDeliversTheWriteTwice() throws Exception {
        byte[] got = sendOnce(new ByteFaults(0, 0, 1, 0, Duration.ZERO));
        byte[] twice = Arrays.copyOf(PACKET, 2 * PACKET.length);
        System.arraycopy(PACKET, 0, twice, PACKET.length, PACKET.length);
        assertArrayEquals(twice, got);
    }

    @Test
    void readSideFaultsHitWhatArrives() throws Exception {
        ByteTransport end = FaultyTransport.wrap(pipe.target(), KdClock.system(), 0, ByteFaults.NONE,
                new ByteFaults(1, 0, 0, 0, Duration.ZERO), 0, 1);
        pipe.host().write(PACKET);
        pipe.host().close();
        assertEquals(PACKET.length - 1, drain(end).length);
    }

    @Test
    void cutAfterPacketsClosesTheLink() throws Exception {
        ByteTransport end = FaultyTransport.wrap(pipe.target(), KdClock.system(), 0, ByteFaults.NONE,
                ByteFaults.NONE, 2, 1);
        end.write(PACKET);
        end.write(new byte[] {0x62});   // a break-in byte is not a packet
        end.write(PACKET);
        assertThrows(IOException.class, () -> end.write(PACKET));
        assertEquals(2 * PACKET.length + 1, drain(pipe.host()).length);
    }

    @Test
    void ratesOutsideZeroToOneAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ByteFaults.uniform(1.5));
        assertEquals("fault rate must be within [0, 1], actual 1.5", e.getMessage());
    }

    private byte[] sendOnce(ByteFaults faults) throws Exception {
        ByteTransport end = FaultyTransport.wrap(pipe.target(), KdClock.system(), 0, faults, ByteFaults.NONE, 0, 42);
        end.write(PACKET);
        end.close();
        return drain(pipe.host());
    }

    private static byte[] drain(ByteTransport t) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] b = new byte[256];
        for (int n = t.read(b, 0, b.length); n >= 0; n = t.read(b, 0, b.length)) {
            out.write(b, 0, n);
        }
        return out.toByteArray();
    }

    /** Positions where {@code got} differs from {@code sent}; with {@code dropped}, bytes skipped. */
    private static int differences(byte[] sent, byte[] got, boolean dropped) {
        int diff = 0;
        for (int i = 0, j = 0; i < sent.length; i++) {
            if (j < got.length && sent[i] == got[j]) {
                j++;
            } else {
                diff++;
                if (!dropped) {
                    j++;
                }
            }
        }
        return diff;
    }
}
