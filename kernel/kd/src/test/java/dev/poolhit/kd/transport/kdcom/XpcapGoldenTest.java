package dev.poolhit.kd.transport.kdcom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.poolhit.common.Hex;
import dev.poolhit.kd.protocol.KdPacket;
import dev.poolhit.kd.protocol.LoadSymbols64;
import dev.poolhit.kd.protocol.NewState;
import dev.poolhit.kd.protocol.PacketType;
import dev.poolhit.kd.protocol.StateChange64;
import dev.poolhit.kd.transport.LinkEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Windows XP serial session of kd-protocol.md 12.2 (XPCAP): the host's RESET followed by the
 * target's first LoadSymbols state change, written out field by field from the published layout.
 * The header checksum 0x3344 is the independent check that the layout is right.
 */
class XpcapGoldenTest {
    static final byte[] SESSION = Hex.decode("""
            69696969 0600 0000 00000000 00000000   # host RESET, id 0
            30303030         # data leader
            0700             # STATE_CHANGE64
            0f01             # byte count 0x10f = 240 + 31
            00088080         # id 0x80800800 (INITIAL | SYNC)
            44330000         # checksum 0x3344
            31300000         # 0x00 NewState DbgKdLoadSymbolsStateChange
            0000 0000        # 0x04 ProcessorLevel 0, Processor 0
            01000000         # 0x08 NumberProcessors 1
            00000000         # 0x0C padding
            40375580ffffffff # 0x10 Thread (sign-extended x86 pointer)
            c4f45280ffffffff # 0x18 ProgramCounter
            1f000000         # 0x20 PathNameLength 31 (with NUL)
            00000000         # 0x24 padding
            00804d80ffffffff # 0x28 BaseOfDll
            ffffffff00000000 # 0x30 ProcessId -1, not sign-extended on x86
            d3502000         # 0x38 CheckSum
            80841f00         # 0x3C SizeOfImage
            00               # 0x40 UnloadSymbols
            000000 00000000 0000000000000000 0000000000000000 0000000000000000 0000000000000000   # 0x41-0x67
            0000000000000000 0000000000000000 0000000000000000 0000000000000000 0000000000000000  # 0x68-0x8f
            0000000000000000 0000000000000000 0000000000000000 0000000000000000 0000000000000000  # 0x90-0xb7
            10000000bcfa0500 # 0xB8 stale union tail (never interpreted)
            f00fffff         # 0xC0 x86 report: Dr6
            00040000         # 0xC4 Dr7
            1000             # 0xC8 InstructionCount 16
            0300             # 0xCA ReportFlags INCLUDES_SEGS | STANDARD_CS
            cc5dc20c00cccccccccc8bff558becff   # 0xCC InstructionStream
            0800 2300 2300 3000                # 0xDC SegCs, SegDs, SegEs, SegFs
            82000000         # 0xE4 EFlags
            0000000000000000 # 0xE8 unused
            5c57494e444f57535c73797374656d33325c6e746b726e6c70612e65786500   # \\WINDOWS\\system32\\ntkrnlpa.exe NUL
            aa               # trailer
            """);

    @Test
    void decodesTheXpSessionAndReEncodesIt() throws Exception {
        List<LinkEvent> events = new KdcomFramer().feed(SESSION);
        assertEquals(2, events.size());
        assertEquals(new LinkEvent.Packet(KdPacket.reset()), events.get(0));
        KdPacket p = ((LinkEvent.Packet) events.get(1)).packet();
        assertEquals(PacketType.STATE_CHANGE64.value(), p.type());
        assertEquals(0x80800800, p.id());
        assertEquals(0x3344, p.checksum());
        StateChange64 s = StateChange64.decode(p.payload());
        assertEquals(NewState.LOAD_SYMBOLS, s.kind().orElseThrow());
        assertEquals(0xFFFFFFFF8052F4C4L, s.programCounter());
        LoadSymbols64 l = s.loadSymbols();
        assertEquals(new LoadSymbols64(31, 0, 0xFFFFFFFF804D8000L, 0xFFFFFFFFL, 0x002050D3, 0x001F8480, false), l);
        assertEquals("\\WINDOWS\\system32\\ntkrnlpa.exe", s.loadSymbolsPath());
        assertFalse(s.loadSymbols().unloadSymbols());
        byte[] reencoded = KdcomEncoder.encode(KdPacket.data(PacketType.STATE_CHANGE64, p.id(), s.encode()));
        assertArrayEquals(java.util.Arrays.copyOfRange(SESSION, 16, SESSION.length), reencoded);
    }
}
