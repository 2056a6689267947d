package dev.poolhit.pool.bench;

import dev.poolhit.kd.protocol.KdException;
import dev.poolhit.kd.protocol.KdPacket;
import dev.poolhit.kd.protocol.ManipulateApi;
import dev.poolhit.kd.protocol.ManipulateState;
import dev.poolhit.kd.protocol.MemoryArgs;
import dev.poolhit.kd.protocol.PacketType;
import dev.poolhit.kd.transport.KdClock;
import dev.poolhit.kd.transport.LinkEvent;
import dev.poolhit.kd.transport.PacketLink;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link PacketLink} decorator on the host side that counts KD requests (state-manipulate
 * packets the host sends: each is one round trip) and logs every ReadVirtualMemory request's
 * address and length, so a benchmark can say how many requests and which reads a hit costs.
 */
final class TraceBenchTally implements PacketLink {
    /** One ReadVirtualMemory request as sent. */
    record Read(long address, int length) {
    }

    private final PacketLink inner;
    private final List<Read> reads = new ArrayList<>();
    private long requests;

    TraceBenchTally(PacketLink inner) {
        this.inner = inner;
    }

    synchronized long requests() {
        return requests;
    }

    /** Reads logged so far, from index {@code from} on. */
    synchronized List<Read> readsFrom(int from) {
        return List.copyOf(reads.subList(from, reads.size()));
    }

    synchronized int readCount() {
        return reads.size();
    }

    @Override
    public void send(KdPacket packet) throws KdException {
        if (packet.is(PacketType.STATE_MANIPULATE)) {
            ManipulateState state = ManipulateState.decode(packet.payload());
            synchronized (this) {
                requests++;
                if (state.is(ManipulateApi.READ_VIRTUAL_MEMORY)) {
                    MemoryArgs args = MemoryArgs.of(state);
                    reads.add(new Read(args.targetBaseAddress(), args.transferCount()));
                }
            }
        }
        inner.send(packet);
    }

    @Override
    public void sendBreakIn() throws KdException {
        inner.sendBreakIn();
    }

    @Override
    public LinkEvent receive(long deadlineNanos) throws KdException {
        return inner.receive(deadlineNanos);
    }

    @Override
    public KdClock clock() {
        return inner.clock();
    }

    @Override
    public String description() {
        return inner.description();
    }

    @Override
    public boolean isOpen() {
        return inner.isOpen();
    }

    @Override
    public void close() {
        inner.close();
    }
}
