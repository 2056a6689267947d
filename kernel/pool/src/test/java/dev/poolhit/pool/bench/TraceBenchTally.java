package dev.poolhit.pool.bench;

import dev.poolhit.kd.protocol.KdException;
import dev.poolhit.kd.protocol.KdPacket;
import dev.poolhit.kd.protocol.ManipulateApi;
import dev.poolhit.kd.protocol.ManipulateState;
import dev.poolhit.kd.protocol.MemoryArgs;
import dev.poolhit.kd.protocol.PacketType;
import dev.poolhit.kd.transport.ForwardingPacketLink;
import dev.poolhit.kd.transport.PacketLink;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link PacketLink} decorator on the host side that counts KD requests (state-manipulate
 * packets the host sends: each is one round trip) and logs every ReadVirtualMemory request's
 * address and length, so a benchmark can say how many requests and which reads a hit costs.
 */
final class TraceBenchTally extends ForwardingPacketLink {
    /** One ReadVirtualMemory request as sent. */
    record Read(long address, int length) {
    }

    private final List<Read> reads = new ArrayList<>();
    private long requests;

    TraceBenchTally(PacketLink inner) {
        super(inner);
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
        super.send(packet);
    }
}
