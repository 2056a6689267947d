package dev.poolhit.kd.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolhit.common.Hex;
import dev.poolhit.common.LittleEndian;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Size and field offsets of the x86 layouts (kd-protocol.md 12), and the pointer rules of 12.1. */
class X86LayoutTest {
    @Test
    void controlReportIs40BytesInA48ByteAreaWithEflagsAt0x24() throws Exception {
        ControlReportX86 r = new ControlReportX86(0xffff0ff0, 0x400, 2, 3, new byte[16], 0x08, 0x23, 0x23, 0x30, 0x246,
                0);
        byte[] b = r.encode();
        assertEquals(0x30, b.length);
        assertEquals(0x28, ControlReportX86.REPORT_BYTES);
        assertEquals(0x246, LittleEndian.i32(b, 0x24));
        assertEquals(0x08, LittleEndian.u16(b, 0x1C));
        assertEquals(r, ControlReportX86.decode(b));
        assertEquals("X86_DBGKD_CONTROL_REPORT area has wrong size: expected 48 bytes, got 40",
                assertThrows(KdProtocolException.class, () -> ControlReportX86.decode(new byte[40])).getMessage());
    }

    @Test
    void contextIs716BytesWithEipAt0xB8() throws Exception {
        X86Context c = X86Context.empty(X86Context.CONTEXT_ALL).with(X86Register.EIP, 0x8052f4c4L)
                .with(X86Register.ESP, 0xf8a3bd00L).with(X86Register.EBP, 0xf8a3bd20L);
        byte[] b = c.encode();
        assertEquals(716, b.length);
        assertEquals(0x1003F, LittleEndian.i32(b, 0));
        assertEquals(0x8052f4c4L, LittleEndian.u32(b, 0xB8));
        assertEquals(0xf8a3bd00L, LittleEndian.u32(b, 0xC4));
        assertEquals(0xf8a3bd20L, c.ebp());
        assertEquals(c, X86Context.decode(b));
        assertEquals(0x304, ManipulateState.BYTES + X86Context.BYTES);
        assertEquals("x86 CONTEXT has wrong size: expected 716 bytes, got 204",
                assertThrows(KdProtocolException.class, () -> X86Context.decode(new byte[0xCC])).getMessage());
    }

    @Test
    void contextFlagsAreTheI386Ones() {
        assertEquals(0x10007, X86Context.CONTEXT_CONTROL | X86Context.CONTEXT_INTEGER | X86Context.CONTEXT_SEGMENTS);
        assertEquals(X86Context.CONTEXT_FULL, X86Context.CONTEXT_FULL & X86Context.CONTEXT_ALL);
        assertEquals(0x1003F, X86Context.CONTEXT_FULL | X86Context.CONTEXT_FLOATING_POINT
                | X86Context.CONTEXT_DEBUG_REGISTERS | X86Context.CONTEXT_EXTENDED_REGISTERS);
        assertEquals(0x10017, X86Context.CONTEXT_FULL | X86Context.CONTEXT_DEBUG_REGISTERS);
    }

    @Test
    void contextXmmComesFromTheFxsaveImage() {
        byte[] raw = new byte[X86Context.BYTES];
        raw[0x16C + 16 * 7] = 0x77;
        X86Context c = new X86Context(raw);
        assertEquals(0x77, c.xmm(7)[0]);
        assertEquals(0xE4, X86Register.MXCSR.offset());
        assertEquals("x86 xmm register out of range: expected 0-7, got 8",
                assertThrows(IllegalArgumentException.class, () -> c.xmm(8)).getMessage());
    }

    @Test
    void specialRegistersAre84BytesAtControlSpace0x2CC() throws Exception {
        X86SpecialRegisters k = X86SpecialRegisters.empty().with(X86SpecialRegister.CR3, 0x39000)
                .with(X86SpecialRegister.KERNEL_DR7, 0x400).with(X86SpecialRegister.GDTR_LIMIT, 0x3ff);
        byte[] b = k.encode();
        assertEquals(0x54, b.length);
        assertEquals(0x39000, LittleEndian.u32(b, 0x08));
        assertEquals(0x400, LittleEndian.u32(b, 0x24));
        assertEquals(0x3ff, LittleEndian.u16(b, 0x2A));
        assertEquals(k, X86SpecialRegisters.decode(b));
        assertEquals(0x2CC, X86SpecialRegisters.CONTROL_SPACE_OFFSET);
        assertEquals(0x2DC, X86SpecialRegister.KERNEL_DR0.controlSpaceOffset());
        assertEquals(0x2F0, X86SpecialRegister.KERNEL_DR7.controlSpaceOffset());
        assertEquals(0x306, X86SpecialRegister.LDTR.controlSpaceOffset());
        assertEquals(0x320, X86SpecialRegisters.PROCESSOR_STATE_BYTES);
    }

    @Test
    void controlSpaceBoundsFollowReactOs() {
        assertTrue(X86SpecialRegisters.readable(0x31F));
        assertFalse(X86SpecialRegisters.readable(0x320));
        assertFalse(X86SpecialRegisters.readable(-1L));
        assertTrue(X86SpecialRegisters.writable(0x2CC, 0x54));
        assertFalse(X86SpecialRegisters.writable(0x2CC, 0x55));
        assertFalse(X86SpecialRegisters.writable(-1L, 1));
    }

    @Test
    void continue2X86PutsDr7At0x18AndTheRangeAt0x1C() throws Exception {
        byte[] b = ManipulateState.request(ManipulateApi.CONTINUE2, 0,
                Continue2X86Args.of(0x10002, true, Continue2X86Args.DR7_NONE), new byte[0]).encode();
        byte[] expected = Hex.decode("""
                02000100   # 0x10 ContinueStatus DBG_CONTINUE
                01000000   # 0x14 TraceFlag
                00040000   # 0x18 Dr7 0x400 (u32)
                01000000   # 0x1C CurrentSymbolStart 1 = no range
                00000000   # 0x20 CurrentSymbolEnd
                """);
        assertArrayEquals(expected, Arrays.copyOfRange(b, 0x10, 0x24));
        assertEquals(new Continue2X86Args(0x10002, 1, 0x400, 1, 0),
                Continue2X86Args.of(ManipulateState.decode(b)));
    }

    @Test
    void ldrEntryIs0x48BytesWithDllBaseAt0x18AndEightByteNames() throws Exception {
        LdrDataTableEntry32 e = LdrDataTableEntry32.of(0x8055a4e0L, 0x80560000L, 0x804d8000L, 0x806b7000L, 0x1f8480,
                new UnicodeString32(0x3c, 0x3e, 0xe1001000L), new UnicodeString32(0x18, 0x1a, 0xe1001020L),
                0x0c004000, 1, 0x2050d3);
        byte[] b = e.encode();
        assertEquals(0x48, b.length);
        assertEquals(0x804d8000L, LittleEndian.u32(b, LdrDataTableEntry32.DLL_BASE_OFFSET));
        assertEquals(0x1f8480, LittleEndian.i32(b, LdrDataTableEntry32.SIZE_OF_IMAGE_OFFSET));
        assertEquals(0x18, LittleEndian.u16(b, LdrDataTableEntry32.BASE_DLL_NAME_OFFSET));
        assertEquals(0xe1001020L, LittleEndian.u32(b, LdrDataTableEntry32.BASE_DLL_NAME_OFFSET + 4));
        assertEquals(0x2050d3, LittleEndian.i32(b, 0x40));
        assertEquals(e, LdrDataTableEntry32.decode(b));
        assertEquals(8, new UnicodeString32(1, 2, 3).encode().length);
        assertEquals("LDR_DATA_TABLE_ENTRY32 too short: expected at least 72 bytes, got 71",
                assertThrows(KdProtocolException.class, () -> LdrDataTableEntry32.decode(new byte[71])).getMessage());
    }

    @Test
    void listEntry32HasFourByteLinksAndComparesAs32Bit() throws Exception {
        ListEntry32 head = ListEntry32.decode(Hex.decode("""
                e0a45580   # Flink 0x8055A4E0
                e0a45580   # Blink
                """));
        assertEquals(0x8055a4e0L, head.flink());
        assertTrue(head.pointsTo(0xffffffff8055a4e0L));
        assertTrue(head.pointsTo(0x8055a4e0L));
        assertFalse(head.pointsTo(0x8055a4e4L));
        assertEquals(0x8055a4e0L, ListEntry32.flinkOf(Hex.decode("e0a45580 ffffffff")));
        assertEquals("LIST_ENTRY32.Flink too short: expected at least 4 bytes, got 3",
                assertThrows(KdProtocolException.class, () -> ListEntry32.flinkOf(new byte[3])).getMessage());
    }

    /** kd-protocol.md 12.6: the 64-bit block on a 32-bit kernel; only Header.List is a LIST_ENTRY32. */
    @Test
    void debuggerDataOnX86KeepsItsOffsetsWithA32BitHeaderList() throws Exception {
        byte[] block = KdDebuggerData64.blank(KdDebuggerData64.SIZE_WIN7)
                .with(KdDebuggerDataField.KERN_BASE, 0x804d8000L)
                .with(KdDebuggerDataField.PS_LOADED_MODULE_LIST, 0x8055a4e0L).encode();
        System.arraycopy(new ListEntry32(0x80553e48L, 0x80553e48L).encode(), 0, block, 0, ListEntry32.BYTES);
        java.util.Arrays.fill(block, 8, 0x10, (byte) 0);
        KdDebuggerData64 d = KdDebuggerData64.decode(block);
        assertEquals(0x8055a4e0L, X86Pointers.fromWire(d.get(KdDebuggerDataField.PS_LOADED_MODULE_LIST)));
        assertEquals(0x804d8000L, LittleEndian.u32(block, 0x18));
        assertTrue(ListEntry32.decode(Arrays.copyOf(block, 8)).pointsTo(0xffffffff80553e48L));
    }

    @Test
    void machineTypeAloneChoosesTheLayouts() throws Exception {
        GetVersion64 x86 = new GetVersion64(0xf, 2600, 6, 0, GetVersion64.FLAG_DATA, 0x014c, 0xc, 3, 0x31, 0, 0,
                0xffffffff804d8000L, 0xffffffff8055a4e0L, 0xffffffff80553e48L);
        assertEquals(TargetMachine.I386, x86.targetMachine());
        assertEquals(4, x86.targetMachine().pointerBytes());
        assertEquals(0x2CC, x86.targetMachine().contextBytes());
        assertEquals(TargetMachine.AMD64, TargetMachine.of(0x8664));
        assertEquals(0x4D0, TargetMachine.AMD64.contextBytes());
        assertEquals("unsupported MachineType: expected 0x8664 (AMD64) or 0x014c (i386), got 0xaa64",
                assertThrows(KdProtocolException.class, () -> TargetMachine.of(0xaa64)).getMessage());
    }

    @Test
    void virtualAddressesAreSignExtendedOnSendAndTruncatedOnReceive() {
        assertEquals(0xFFFFFFFF8059CEC8L, X86Pointers.toWireVirtual(0x8059CEC8L));
        assertEquals(0x000000000012F930L, X86Pointers.toWireVirtual(0x0012F930L));
        assertEquals(0x8059CEC8L, X86Pointers.fromWire(0xFFFFFFFF8059CEC8L));
        assertEquals(0x8059CEC8L, X86Pointers.fromWire(0x000000008059CEC8L));
        assertTrue(X86Pointers.sameAddress(0xFFFFFFFF8059CEC8L, 0x8059CEC8L));
        assertEquals(0xFFFFFFFF8059CEC8L, TargetMachine.I386.toWireVirtual(0x8059CEC8L));
        assertEquals(0xfffff80002a00000L, TargetMachine.AMD64.fromWire(0xfffff80002a00000L));
        assertEquals(0x80553740L, TargetMachine.I386.fromWire(0xFFFFFFFF80553740L));
    }
}
