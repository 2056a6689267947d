package dev.poolhit.kd.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolhit.common.Hex;
import dev.poolhit.kd.protocol.Amd64Context;
import dev.poolhit.kd.protocol.Amd64Register;
import dev.poolhit.kd.protocol.Continue2Args;
import dev.poolhit.kd.protocol.ContextExArgs;
import dev.poolhit.kd.protocol.ControlReportAmd64;
import dev.poolhit.kd.protocol.DebugIo;
import dev.poolhit.kd.protocol.FileIo;
import dev.poolhit.kd.protocol.GetVersion64;
import dev.poolhit.kd.protocol.KSpecialRegisters;
import dev.poolhit.kd.protocol.KdPacket;
import dev.poolhit.kd.protocol.LoadSymbols64;
import dev.poolhit.kd.protocol.ManipulateApi;
import dev.poolhit.kd.protocol.ManipulateState;
import dev.poolhit.kd.protocol.MemoryArgs;
import dev.poolhit.kd.protocol.NewState;
import dev.poolhit.kd.protocol.PacketType;
import dev.poolhit.kd.protocol.RestoreBreakpointArgs;
import dev.poolhit.kd.protocol.SpecialRegister;
import dev.poolhit.kd.protocol.StateChange64;
import dev.poolhit.kd.transport.LinkEvent;
import dev.poolhit.kd.transport.kdcom.KdcomEncoder;
import dev.poolhit.kd.transport.kdcom.KdcomFramer;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every KD packet of a real WinDbg session (kd-protocol.md 8.8 capture) decodes and re-encodes to
 * the same bytes, and the values the doc quotes (DECODE) come out of our decoders.
 */
class CapturedPacketsTest {
    static List<KdnetCapture.Body> bodies;
    static List<KdPacket> packets = new ArrayList<>();

    @BeforeAll
    static void load() throws Exception {
        Assumptions.assumeTrue(KdnetCapture.fixture().isPresent(), "shared fixture " + KdnetCapture.FIXTURE + " absent");
        bodies = KdnetCapture.bodies();
        for (KdnetCapture.Body b : bodies) {
            if (b.bytes().length != 12) { // the first target datagram: 8 zero bytes + host IPv4 (8.7)
                packets.add(KdPacket.decode(b.bytes()));
            }
        }
    }

    @Test
    void handshakeAndCountsMatchTheCapture() throws Exception {
        assertArrayEquals(Hex.decode("c19792dfac7aa1dfe007010018000b00240005000000070088f7570043a12600"),
                KdnetCapture.clientRandomOfFirstPoke());
        assertEquals(Hex.decode("00000000 00000000 0102a8c0").length, bodies.get(0).bytes().length);
        assertArrayEquals(Hex.decode("0000000000000000 0102a8c0"), bodies.get(0).bytes());
        assertEquals(bodies.size() - 1, packets.size());
        assertTrue(packets.size() > 500, "packets: " + packets.size());
    }

    @Test
    void everyPacketReEncodesExactlyAtPacketAndStructLevel() throws Exception {
        Map<String, Integer> kinds = new TreeMap<>();
        for (int i = 0; i < packets.size(); i++) {
            KdPacket p = packets.get(i);
            byte[] original = bodies.get(i + 1).bytes();
            assertArrayEquals(original, p.encode(), "packet " + p);
            byte[] again = reEncodePayload(p);
            assertArrayEquals(p.payload(), again, "payload of " + p);
            kinds.merge(PacketType.describe(p.type()), 1, Integer::sum);
        }
        assertEquals(Map.of("ACKNOWLEDGE", 259, "DEBUG_IO", 7, "FILE_IO", 66, "RESEND", 2, "RESET", 2,
                "STATE_CHANGE64", 3, "STATE_MANIPULATE", 187), kinds);
    }

    static byte[] reEncodePayload(KdPacket p) throws Exception {
        return switch (p.packetType().orElseThrow()) {
            case STATE_MANIPULATE -> ManipulateState.decode(p.payload()).encode();
            case STATE_CHANGE64 -> StateChange64.decode(p.payload()).encode();
            case DEBUG_IO -> DebugIo.decode(p.payload()).encode();
            case FILE_IO -> FileIo.decode(p.payload()).encode();
            default -> p.payload();
        };
    }

    @Test
    void theWholeSessionSurvivesKdcomFramingAtRandomSplits() {
        ByteArrayOutputStream serial = new ByteArrayOutputStream();
        packets.forEach(p -> serial.writeBytes(KdcomEncoder.encode(p)));
        byte[] stream = serial.toByteArray();
        java.util.Random random = new java.util.Random(42);
        KdcomFramer framer = new KdcomFramer();
        List<KdPacket> out = new ArrayList<>();
        for (int at = 0; at < stream.length; ) {
            int n = Math.min(stream.length - at, 1 + random.nextInt(700));
            framer.feed(stream, at, n, e -> out.add(((LinkEvent.Packet) e).packet()));
            at += n;
        }
        assertEquals(packets, out);
    }

    @Test
    void firstPacketIsTheBootDebuggerPrint() throws Exception {
        DebugIo io = DebugIo.decode(packets.get(0).payload());
        assertEquals("BD: Boot Debugger Initialized\n", io.text());
        assertEquals(0xbdf, packets.get(0).checksum());
    }

    @Test
    void loadSymbolsStateChangeCarriesWinload() throws Exception {
        StateChange64 s = StateChange64.decode(first(p -> p.is(PacketType.STATE_CHANGE64)
                && p.byteCount() == 252).payload());
        assertTrue(s.is(NewState.LOAD_SYMBOLS));
        assertEquals(1, s.numberProcessors());
        assertEquals(0xA79685L, s.programCounter());
        LoadSymbols64 l = s.loadSymbols();
        assertEquals(12, l.pathNameLength());
        assertEquals(0x96F000L, l.baseOfDll());
        assertEquals(-1L, l.processId());
        assertEquals(0x149E3F, l.checkSum());
        assertEquals(0x17D000, l.sizeOfImage());
        assertEquals("winload.efi", s.loadSymbolsPath());
        ControlReportAmd64 r = s.controlReport();
        assertEquals(0xFFFE0FF0L, r.dr6());
        assertEquals(0x400L, r.dr7());
        assertEquals(1, r.reportFlags());
        assertEquals(0x10, r.segCs());
        assertEquals(0x30, r.segDs());
        assertArrayEquals(Hex.decode("cc c3"), java.util.Arrays.copyOf(r.instructionStream(), 2));
    }

    @Test
    void exceptionStateChangeIsExactly240Bytes() throws Exception {
        StateChange64 s = StateChange64.decode(first(p -> p.is(PacketType.STATE_CHANGE64)
                && StateChange64ExceptionFilter.isException(p)).payload());
        assertEquals(0, s.extra().length);
        assertTrue(s.programCounter() != 0);
        assertTrue(s.exceptionRecord().code() < 0, "exception code " + Integer.toHexString(s.exceptionRecord().code()));
    }

    @Test
    void getVersionResponseOfTheBootDebugger() throws Exception {
        GetVersion64 v = GetVersion64.of(response(ManipulateApi.GET_VERSION, 0));
        assertEquals(new GetVersion64(0x040F, 0x295A, 6, 2, 0x0002, 0x8664, 0x0C, 0x32, 0x59, 0, 0,
                0x96F000L, 0xAD5E60L, 0L), v);
    }

    @Test
    void readVirtualOfTheModuleListHead() throws Exception {
        ManipulateState r = response(ManipulateApi.READ_VIRTUAL_MEMORY, 0);
        MemoryArgs a = MemoryArgs.of(r);
        assertEquals(0xAD5E60L, a.targetBaseAddress());
        assertEquals(0x10, a.transferCount());
        assertEquals(0x10, a.actualBytes());
        assertEquals(0x10, r.data().length);
    }

    @Test
    void restoreBreakpointsOneTo32AreRefused() throws Exception {
        List<ManipulateState> responses = all(ManipulateApi.RESTORE_BREAKPOINT, false);
        assertEquals(32, responses.size());
        for (int i = 0; i < 32; i++) {
            assertEquals(i + 1, RestoreBreakpointArgs.of(responses.get(i)).handle());
            assertEquals(0xC0000001, responses.get(i).returnStatus());
        }
    }

    @Test
    void getContextExFailsAndGetContextReturnsTheContext() throws Exception {
        ManipulateState ex = response(ManipulateApi.GET_CONTEXT_EX, 0);
        assertEquals(0xC0000001, ex.returnStatus());
        ManipulateState exRequest = all(ManipulateApi.GET_CONTEXT_EX, true).get(0);
        assertEquals(new ContextExArgs(0, 0x4D0, 0).byteCount(), ContextExArgs.of(exRequest).byteCount());
        ManipulateState r = response(ManipulateApi.GET_CONTEXT, 0);
        Amd64Context c = Amd64Context.decode(r.data());
        assertEquals(1288, r.encode().length);
        assertEquals(0x10001B, c.get(Amd64Register.CONTEXT_FLAGS));
        assertEquals(0xA79685L, c.rip());
        assertArrayEquals(r.data(), c.encode());
    }

    @Test
    void specialRegistersReadThroughControlSpace() throws Exception {
        ManipulateState r = response(ManipulateApi.READ_CONTROL_SPACE, 0);
        assertEquals(2, MemoryArgs.of(r).targetBaseAddress());
        KSpecialRegisters k = KSpecialRegisters.decode(r.data());
        assertEquals(0x80000013L, k.get(SpecialRegister.CR0));
        assertEquals(0x1AB000L, k.get(SpecialRegister.CR3));
        assertEquals(0xFFFE0FF0L, k.get(SpecialRegister.KERNEL_DR6));
        assertEquals(0x400L, k.get(SpecialRegister.KERNEL_DR7));
        assertEquals(0x7F, k.get(SpecialRegister.GDTR_LIMIT));
        ManipulateState write = all(ManipulateApi.WRITE_CONTROL_SPACE, true).get(0);
        assertEquals(KSpecialRegisters.BYTES, write.data().length);
    }

    @Test
    void continue2AsWinDbgSendsIt() throws Exception {
        List<ManipulateState> c = all(ManipulateApi.CONTINUE2, true);
        assertEquals(2, c.size());
        assertEquals(Continue2Args.of(0x10002, false, 0x400), Continue2Args.of(c.get(0)));
        assertEquals(Continue2Args.of(0x10001, false, 0x400), Continue2Args.of(c.get(1)));
    }

    @Test
    void fileIoCreateFileIsRefusedWithNoSuchFile() throws Exception {
        KdPacket request = first(p -> p.is(PacketType.FILE_IO) && p.byteCount() == 144);
        assertTrue(FileIo.decode(request.payload()).path().endsWith(".MUI"),
                FileIo.decode(request.payload()).path());
        int index = packets.indexOf(request);
        KdPacket reply = packets.subList(index, packets.size()).stream()
                .filter(p -> p.is(PacketType.FILE_IO) && p.byteCount() == 64).findFirst().orElseThrow();
        FileIo f = FileIo.decode(reply.payload());
        assertEquals(0x3430, f.apiNumber());
        assertEquals(0xC000000F, f.status());
    }

    static KdPacket first(Predicate<KdPacket> test) {
        return packets.stream().filter(test).findFirst().orElseThrow();
    }

    /** The n-th response (target to host) for {@code api}. */
    static ManipulateState response(ManipulateApi api, int n) throws Exception {
        return all(api, false).get(n);
    }

    static List<ManipulateState> all(ManipulateApi api, boolean fromHost) throws Exception {
        List<ManipulateState> out = new ArrayList<>();
        for (int i = 0; i < packets.size(); i++) {
            KdPacket p = packets.get(i);
            if (p.is(PacketType.STATE_MANIPULATE) && bodies.get(i + 1).fromHost() == fromHost) {
                ManipulateState m = ManipulateState.decode(p.payload());
                if (m.is(api)) {
                    out.add(m);
                }
            }
        }
        return out;
    }
}
