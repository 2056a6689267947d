package dev.poolhit.kd.transport.kdcom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.poolhit.common.Hex;
import dev.poolhit.kd.protocol.KdPacket;
import dev.poolhit.kd.protocol.PacketType;
import dev.poolhit.kd.transport.FramingError.Reason;
import dev.poolhit.kd.transport.LinkEvent;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KdcomFramerTest {
    /** XPCAP-style RESET (kd-protocol.md 1.4, 12.2): 16 bytes, no trailer. */
    static final byte[] RESET = Hex.decode("""
            69 69 69 69   # control leader
            06 00         # type 6 RESET
            00 00         # byte count 0
            00 00 00 00   # id 0 (ignored)
            00 00 00 00   # checksum 0
            """);
    /** A DbgPrint "hi" as a serial data packet. */
    static final byte[] PRINT = Hex.decode("""
            30 30 30 30   # data leader
            03 00         # DEBUG_IO
            12 00         # byte count 18
            00 08 80 80   # id 0x80800800 (first target packet, sync bit)
            35 01 00 00   # checksum 0x135
            30 32 00 00 00 00 00 00 02 00 00 00 00 00 00 00   # DBGKD_DEBUG_IO PrintString, length 2
            68 69         # "hi"
            aa            # trailer
            """);

    static List<LinkEvent> feedSplit(byte[] stream, int... cuts) {
        KdcomFramer f = new KdcomFramer();
        List<LinkEvent> out = new ArrayList<>();
        int from = 0;
        for (int cut : cuts) {
            f.feed(stream, from, cut - from, out::add);
            from = cut;
        }
        f.feed(stream, from, stream.length - from, out::add);
        return out;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            b.writeBytes(p);
        }
        return b.toByteArray();
    }

    static KdPacket packet(LinkEvent e) {
        return ((LinkEvent.Packet) e).packet();
    }

    static String error(LinkEvent e) {
        return ((LinkEvent.Garbage) e).error().message();
    }

    @Test
    void encoderWritesTheGoldenBytes() {
        KdPacket print = KdPacket.data(PacketType.DEBUG_IO, 0x80800800,
                Hex.decode("30320000 0000 0000 02000000 00000000 6869"));
        assertArrayEquals(PRINT, KdcomEncoder.encode(print));
        assertArrayEquals(RESET, KdcomEncoder.encode(KdPacket.reset()));
        assertArrayEquals(new byte[] {0x62}, KdcomEncoder.breakIn());
    }

    @Test
    void decodesAtEverySplitOffsetAndOneByteAtATime() {
        byte[] stream = concat(RESET, PRINT, RESET);
        for (int cut = 0; cut <= stream.length; cut++) {
            List<LinkEvent> events = feedSplit(stream, cut);
            assertEquals(3, events.size(), "cut at " + cut);
            assertEquals(KdPacket.reset(), packet(events.get(0)));
            assertArrayEquals(PRINT, KdcomEncoder.encode(packet(events.get(1))), "cut at " + cut);
        }
        int[] everyByte = new int[stream.length];
        for (int i = 0; i < stream.length; i++) {
            everyByte[i] = i;
        }
        assertEquals(3, feedSplit(stream, everyByte).size());
    }

    @Test
    void skipsGarbageAndReportsBreakIn() {
        byte[] stream = concat(Hex.decode("00 01 30 30 30 62"), PRINT);
        List<LinkEvent> events = new KdcomFramer().feed(stream);
        assertEquals("skipped 5 bytes outside any packet", error(events.get(0)));
        assertEquals(new LinkEvent.BreakIn(), events.get(1));
        assertArrayEquals(PRINT, KdcomEncoder.encode(packet(events.get(2))));
        assertEquals(3, events.size());
    }

    @Test
    void rejectsABadChecksumAndResynchronises() {
        byte[] bad = PRINT.clone();
        bad[33] = 0x6a;
        List<LinkEvent> events = new KdcomFramer().feed(concat(bad, PRINT));
        assertEquals("checksum mismatch: header 0x00000135, computed 0x00000136 (packet id 0x80800800)",
                error(events.get(0)));
        assertEquals(Reason.BAD_CHECKSUM, ((LinkEvent.Garbage) events.get(0)).error().reason());
        assertArrayEquals(PRINT, KdcomEncoder.encode(packet(events.get(1))));
    }

    @Test
    void truncatedPacketDoesNotSwallowTheNextOne() {
        byte[] cut = java.util.Arrays.copyOf(PRINT, 20);
        List<LinkEvent> events = new KdcomFramer().feed(concat(cut, PRINT));
        assertEquals("missing trailer: expected 0xaa, got 0x00 (packet id 0x80800800)", error(events.get(0)));
        assertEquals("skipped 16 bytes outside any packet", error(events.get(1)));
        assertArrayEquals(PRINT, KdcomEncoder.encode(packet(events.get(2))));
        assertEquals(3, events.size());
    }

    @Test
    void rejectsOversizeByteCountAndRescans() {
        byte[] huge = Hex.decode("30303030 0300 0110 01000000 00000000");
        List<LinkEvent> events = new KdcomFramer().feed(concat(huge, RESET));
        assertEquals("byte count too large: 4097, max 4096 (packet id 0x00000001)", error(events.get(0)));
        assertEquals("skipped 12 bytes outside any packet", error(events.get(1)));
        assertEquals(KdPacket.reset(), packet(events.get(2)));
    }

    @Test
    void reportsTruncationAtEndOfStream() {
        KdcomFramer f = new KdcomFramer();
        List<LinkEvent> events = new ArrayList<>();
        f.feed(PRINT, 0, 25, events::add);
        f.endOfStream(events::add);
        assertEquals(List.of("truncated packet at end of stream: expected 35 bytes, got 25"),
                events.stream().map(KdcomFramerTest::error).toList());
    }
}
