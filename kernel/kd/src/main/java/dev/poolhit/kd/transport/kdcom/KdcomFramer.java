package dev.poolhit.kd.transport.kdcom;

import dev.poolhit.common.LittleEndian;
import dev.poolhit.kd.protocol.HexText;
import dev.poolhit.kd.protocol.KdPacket;
import dev.poolhit.kd.protocol.Leader;
import dev.poolhit.kd.transport.FramingError;
import dev.poolhit.kd.transport.FramingError.Reason;
import dev.poolhit.kd.transport.LinkEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Push decoder for the KDCOM byte stream: fed arbitrary slices, it emits whole packets, break-in
 * bytes and framing errors (kd-protocol.md 1.6). Not thread-safe: one reader feeds it.
 *
 * <pre>
 *   "0000" | "iiii"   4 identical leader bytes; any other byte restarts the count
 *   u16 type  u16 byteCount  u32 id  u32 checksum
 *   payload[byteCount]  0xAA        (data packets only; control packets end after the header)
 * </pre>
 *
 * <p>Resynchronisation: outside a packet, bytes are skipped (reported once per run as
 * {@link Reason#SKIPPED_BYTES}) and a lone 0x62 is a break-in. When a header announces too many
 * bytes, or the trailer is wrong, the frame boundary was evidently wrong, so the bytes after the
 * bad leader are scanned again: a packet cut short by a lost byte does not swallow the next one.
 * A checksum error keeps the boundary (the trailer matched) and drops the packet.
 */
public final class KdcomFramer {
    /** Largest ByteCount accepted by default (QEMU's 4096; Windows sends at most 4000). */
    public static final int DEFAULT_MAX_PAYLOAD = 4096;

    private static final int LEADER_DATA = Leader.DATA.leaderByte();
    private static final int LEADER_CONTROL = Leader.CONTROL.leaderByte();

    private enum State { HUNT, HEADER, PAYLOAD, TRAILER }

    private final int maxPayload;
    private final byte[] frame;
    /** Input still to scan: the caller's slice, with re-scans of rejected frames pushed in front. */
    private final ArrayDeque<Cursor> sources = new ArrayDeque<>();
    private State state = State.HUNT;
    private int leaderByte = -1;
    private int leaderCount;
    private long skipped;
    private int have;
    private int byteCount;

    public KdcomFramer() {
        this(DEFAULT_MAX_PAYLOAD);
    }

    public KdcomFramer(int maxPayload) {
        if (maxPayload < 1 || maxPayload > 0xffff) {
            throw new IllegalArgumentException("maxPayload out of range 1..65535: " + maxPayload);
        }
        this.maxPayload = maxPayload;
        this.frame = new byte[KdPacket.HEADER_BYTES + maxPayload];
    }

    /** Feeds {@code length} bytes; events go to {@code sink} in stream order. */
    public void feed(byte[] bytes, int offset, int length, Consumer<LinkEvent> sink) {
        pushSource(bytes, offset, offset + length);
        while (!sources.isEmpty()) {
            Cursor c = sources.peekFirst();
            if (c.pos == c.end) {
                sources.removeFirst();
                continue;
            }
            step(c.bytes[c.pos++] & 0xff, sink);
        }
    }

    /** Convenience for tests and simple callers: feeds all of {@code bytes}, returns the events. */
    public List<LinkEvent> feed(byte[] bytes) {
        List<LinkEvent> out = new ArrayList<>();
        feed(bytes, 0, bytes.length, out::add);
        return out;
    }

    /** The stream ended: reports a packet cut short or skipped bytes still pending. */
    public void endOfStream(Consumer<LinkEvent> sink) {
        if (state != State.HUNT) {
            int expected = KdPacket.HEADER_BYTES + (state == State.HEADER ? 0 : byteCount + 1);
            sink.accept(error(Reason.TRUNCATED,
                    "truncated packet at end of stream: expected " + expected + " bytes, got " + have));
        } else {
            flushSkipped(sink, leaderCount);
        }
        reset();
    }

    /** Forgets any partial packet (e.g. after the transport reconnects). */
    public void reset() {
        state = State.HUNT;
        leaderByte = -1;
        leaderCount = 0;
        skipped = 0;
        have = 0;
    }

    private void pushSource(byte[] bytes, int from, int to) {
        sources.addFirst(new Cursor(bytes, from, to));
    }

    private void step(int b, Consumer<LinkEvent> sink) {
        switch (state) {
            case HUNT -> hunt(b, sink);
            case HEADER -> {
                frame[have++] = (byte) b;
                if (have == KdPacket.HEADER_BYTES) {
                    headerComplete(sink);
                }
            }
            case PAYLOAD -> {
                frame[have++] = (byte) b;
                if (have == KdPacket.HEADER_BYTES + byteCount) {
                    state = State.TRAILER;
                }
            }
            case TRAILER -> trailer(b, sink);
        }
    }

    private void hunt(int b, Consumer<LinkEvent> sink) {
        if (b == LEADER_DATA || b == LEADER_CONTROL) {
            if (b == leaderByte) {
                leaderCount++;
            } else {
                skipped += leaderCount;
                leaderByte = b;
                leaderCount = 1;
            }
            if (leaderCount == 4) {
                flushSkipped(sink, 0);
                Arrays.fill(frame, 0, 4, (byte) b);
                have = 4;
                leaderByte = -1;
                leaderCount = 0;
                state = State.HEADER;
            }
            return;
        }
        skipped += leaderCount;
        leaderCount = 0;
        leaderByte = -1;
        if (b == KdPacket.BREAKIN_BYTE) {
            flushSkipped(sink, 0);
            sink.accept(new LinkEvent.BreakIn());
        } else {
            skipped++;
        }
    }

    private void flushSkipped(Consumer<LinkEvent> sink, int extra) {
        long n = skipped + extra;
        skipped = 0;
        if (n > 0) {
            sink.accept(error(Reason.SKIPPED_BYTES, "skipped " + n + " bytes outside any packet"));
        }
    }

    private void headerComplete(Consumer<LinkEvent> sink) {
        Leader leader = (frame[0] & 0xff) == LEADER_CONTROL ? Leader.CONTROL : Leader.DATA;
        int type = LittleEndian.u16(frame, 4);
        int id = LittleEndian.i32(frame, 8);
        if (leader == Leader.CONTROL) {
            // Control packets have no payload whatever ByteCount says (kdcom ignores it too).
            sink.accept(new LinkEvent.Packet(new KdPacket(Leader.CONTROL, type, id, new byte[0])));
            state = State.HUNT;
            return;
        }
        byteCount = LittleEndian.u16(frame, 6);
        if (byteCount > maxPayload) {
            sink.accept(error(Reason.OVERSIZE, "byte count too large: " + byteCount + ", max " + maxPayload
                    + " (packet id " + HexText.hex32(id) + ")"));
            rescanAfterLeader(KdPacket.HEADER_BYTES);
            return;
        }
        state = byteCount == 0 ? State.TRAILER : State.PAYLOAD;
    }

    private void trailer(int b, Consumer<LinkEvent> sink) {
        int id = LittleEndian.i32(frame, 8);
        if (b != KdPacket.TRAILER_BYTE) {
            sink.accept(error(Reason.BAD_TRAILER, "missing trailer: expected 0xaa, got " + HexText.hex8(b)
                    + " (packet id " + HexText.hex32(id) + ")"));
            frame[have++] = (byte) b;
            rescanAfterLeader(have);
            return;
        }
        byte[] payload = Arrays.copyOfRange(frame, KdPacket.HEADER_BYTES, have);
        int headerSum = LittleEndian.i32(frame, 12);
        int computed = KdPacket.checksum(payload, 0, payload.length);
        state = State.HUNT;
        if (computed != headerSum) {
            sink.accept(error(Reason.BAD_CHECKSUM, "checksum mismatch: header " + HexText.hex32(headerSum)
                    + ", computed " + HexText.hex32(computed) + " (packet id " + HexText.hex32(id) + ")"));
            return;
        }
        sink.accept(new LinkEvent.Packet(new KdPacket(Leader.DATA, LittleEndian.u16(frame, 4), id, payload)));
    }

    /** Scans frame[4..end) again before the rest of the input. */
    private void rescanAfterLeader(int end) {
        byte[] again = Arrays.copyOfRange(frame, 4, end);
        state = State.HUNT;
        have = 0;
        pushSource(again, 0, again.length);
    }

    private static final class Cursor {
        final byte[] bytes;
        int pos;
        final int end;

        Cursor(byte[] bytes, int pos, int end) {
            this.bytes = bytes;
            this.pos = pos;
            this.end = end;
        }
    }

    private static LinkEvent error(Reason reason, String message) {
        return new LinkEvent.Garbage(new FramingError(reason, message));
    }
}
