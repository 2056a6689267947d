package dev.poolhit.sim.kd;

import dev.poolhit.kd.protocol.KdPacket;
import dev.poolhit.kd.transport.ByteTransport;
import dev.poolhit.kd.transport.KdClock;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A {@link ByteTransport} decorator that makes a link behave like a slow, noisy serial line:
 * baud-rate pacing, seeded drop / corrupt / duplicate / delay faults per direction, and a cut
 * after N packets. Works over any transport (in-process pipe, TCP, serial).
 *
 * <p>Writes carry one whole KDCOM packet each (KdcomLink writes a packet per call), so faults on
 * the write side hit one packet; on the read side they hit one chunk as read. Writers are
 * serialised by the caller; reads happen on one thread; each direction has its own dice.
 */
public final class FaultyTransport implements ByteTransport {
    private static final System.Logger LOG = System.getLogger(FaultyTransport.class.getName());

    private final ByteTransport inner;
    private final ByteFaults writeFaults;
    private final ByteFaults readFaults;
    private final long cutAfterPackets;
    private final LinePacer writePacer;
    private final LinePacer readPacer;
    private final SplittableRandom writeDice;
    private final SplittableRandom readDice;
    private byte[] backlog = new byte[0];
    private int backlogPos;
    private long packetsWritten;

    private FaultyTransport(ByteTransport inner, KdClock clock, long baud, ByteFaults writeFaults,
                            ByteFaults readFaults, long cutAfterPackets, long seed) {
        this.inner = inner;
        this.writeFaults = writeFaults;
        this.readFaults = readFaults;
        this.cutAfterPackets = cutAfterPackets;
        this.writePacer = new LinePacer(clock, baud);
        this.readPacer = new LinePacer(clock, baud);
        this.writeDice = new SplittableRandom(seed);
        this.readDice = new SplittableRandom(~seed);
    }

    /**
     * @param baud            0 = unlimited; paces both directions at baud / 10 bytes per second
     * @param writeFaults     faults on what this end sends
     * @param readFaults      faults on what this end receives
     * @param cutAfterPackets close the link after this end wrote this many packets; 0 = never
     */
    public static FaultyTransport wrap(ByteTransport inner, KdClock clock, long baud, ByteFaults writeFaults,
                                       ByteFaults readFaults, long cutAfterPackets, long seed) {
        return new FaultyTransport(inner, clock, baud, writeFaults, readFaults, cutAfterPackets, seed);
    }

    @Override
    public synchronized int read(byte[] buffer, int offset, int length) throws IOException {
        while (backlogPos >= backlog.length) {
            byte[] chunk = new byte[Math.max(1, length)];
            int n = inner.read(chunk, 0, chunk.length);
            if (n < 0) {
                return n;
            }
            readPacer.pass(n);
            backlog = concat(damage(Arrays.copyOf(chunk, n), readFaults, readDice, readPacer));
            backlogPos = 0;
        }
        int n = Math.min(length, backlog.length - backlogPos);
        System.arraycopy(backlog, backlogPos, buffer, offset, n);
        backlogPos += n;
        return n;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        byte[] data = Arrays.copyOfRange(bytes, offset, offset + length);
        List<byte[]> out;
        synchronized (writeDice) {
            out = damage(data, writeFaults, writeDice, writePacer);
        }
        for (byte[] chunk : out) {
            writePacer.pass(chunk.length);
            inner.write(chunk, 0, chunk.length);
        }
        if (length >= KdPacket.HEADER_BYTES && cutAfterPackets > 0 && ++packetsWritten >= cutAfterPackets) {
            LOG.log(System.Logger.Level.DEBUG, "link cut after " + packetsWritten + " packets: " + description());
            inner.close();
        }
    }

    /** Rolls each fault once for this unit; returns what actually crosses the line (possibly twice). */
    private static List<byte[]> damage(byte[] data, ByteFaults f, SplittableRandom dice, LinePacer pacer)
            throws IOException {
        if (f.isNone() || data.length == 0) {
            return List.of(data);
        }
        byte[] out = data;
        if (dice.nextDouble() < f.delayRate()) {
            pacer.hold(f.delay().toNanos());
        }
        if (dice.nextDouble() < f.dropRate()) {
            int at = dice.nextInt(out.length);
            byte[] shorter = new byte[out.length - 1];
            System.arraycopy(out, 0, shorter, 0, at);
            System.arraycopy(out, at + 1, shorter, at, out.length - at - 1);
            out = shorter;
        }
        if (out.length > 0 && dice.nextDouble() < f.corruptRate()) {
            out[dice.nextInt(out.length)] ^= (byte) (1 + dice.nextInt(255));
        }
        List<byte[]> result = new ArrayList<>(List.of(out));
        if (dice.nextDouble() < f.duplicateRate()) {
            result.add(out.clone());
        }
        return result;
    }

    private static byte[] concat(List<byte[]> parts) {
        int total = parts.stream().mapToInt(p -> p.length).sum();
        byte[] all = new byte[total];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }

    @Override
    public String description() {
        return "faulty " + inner.description();
    }

    @Override
    public void close() throws IOException {
        inner.close();
    }
}
