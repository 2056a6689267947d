package dev.poolhit.kd.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolhit.common.LittleEndian;
import org.junit.jupiter.api.Test;

/** Size and one field offset per struct: the Java form of AssertCompileSize / ct_assert. */
class StructLayoutTest {
    @Test
    void manipulateStateIs56BytesWithUnionAt0x10() {
        ManipulateState s = ManipulateState.request(ManipulateApi.READ_VIRTUAL_MEMORY, 0,
                new MemoryArgs(0xfffff80012345678L, 0x10, 0), new byte[0]);
        byte[] b = s.encode();
        assertEquals(56, b.length);
        assertEquals(0xfffff80012345678L, LittleEndian.u64(b, 0x10));
        assertEquals(0x10, LittleEndian.i32(b, MemoryArgs.TRANSFER_COUNT_OFFSET));
    }

    @Test
    void getVersionIs40BytesWithKernBaseAt0x20() {
        GetVersion64 v = new GetVersion64(0xf, 9600, 6, 2, 7, 0x8664, 0xc, 3, 0x31, 0, 0, 0xfffff8026bc18000L,
                0xfffff8026bee22d0L, 0xfffff8026bef91f0L);
        byte[] b = ManipulateState.request(ManipulateApi.GET_VERSION, 0, v, new byte[0]).encode();
        assertEquals(GetVersion64.BYTES, ManipulateState.UNION_BYTES);
        assertEquals(0xfffff8026bc18000L, LittleEndian.u64(b, 0x20));
        assertEquals(0x8664, LittleEndian.u16(b, 0x18));
        assertEquals(v, GetVersion64.decode(java.util.Arrays.copyOfRange(b, 0x10, 0x38)));
    }

    @Test
    void continue2PutsDr7At0x18() {
        byte[] b = ManipulateState.request(ManipulateApi.CONTINUE2, 0, Continue2Args.of(0x10002, false, 0x400),
                new byte[0]).encode();
        assertEquals(0x400, LittleEndian.u64(b, 0x18));
        assertEquals(1, LittleEndian.u64(b, 0x20));
    }

    @Test
    void stateChangeIs240BytesWithControlReportAt0xC0() {
        ControlReportAmd64 r = new ControlReportAmd64(0xfffe0ff0L, 0x400, 0x82, 2, 1, new byte[16], 0x10, 0x30, 0x30,
                0x30);
        assertEquals(48, r.encode().length);
        StateChange64 s = StateChange64.exception(new StateChange64.Cpu(6, 0, 1, 0xfffff80000001000L, 0x1234),
                ExceptionRecord64.of(0x80000003, 0x1234, 0), true, r);
        byte[] b = s.encode();
        assertEquals(240, b.length);
        assertEquals(0xfffe0ff0L, LittleEndian.u64(b, 0xC0));
        assertEquals(0x80000003, LittleEndian.i32(b, 0x20));
        assertEquals(1, LittleEndian.i32(b, 0xB8));
        assertEquals(0x10, LittleEndian.u16(b, 0xE8));
        assertEquals(ExceptionRecord64.BYTES, 0x98);
    }

    @Test
    void loadSymbolsPathFollowsTheStruct() throws Exception {
        ControlReportAmd64 r = new ControlReportAmd64(0, 0x400, 0, 0, 0, new byte[16], 0, 0, 0, 0);
        StateChange64 s = StateChange64.loadSymbols(new StateChange64.Cpu(0, 0, 1, 0, 0xa79685),
                new LoadSymbols64(0, 0, 0x96f000, -1, 0x149e3f, 0x17d000, false), "winload.efi", r);
        byte[] b = s.encode();
        assertEquals(252, b.length);
        assertEquals(12, LittleEndian.i32(b, 0x20));
        assertEquals(0x96f000, LittleEndian.u64(b, 0x28));
        StateChange64 back = StateChange64.decode(b);
        assertEquals("winload.efi", back.loadSymbolsPath());
        assertTrue(back.is(NewState.LOAD_SYMBOLS));
    }

    @Test
    void contextIs1232BytesWithRipAt0xF8() {
        Amd64Context c = Amd64Context.empty(Amd64Context.CONTEXT_ALL).with(Amd64Register.RIP, 0xfffff80011112222L);
        byte[] b = c.encode();
        assertEquals(1232, b.length);
        assertEquals(0xfffff80011112222L, LittleEndian.u64(b, 0xF8));
        assertEquals(0x10001F, LittleEndian.i32(b, 0x30));
    }

    @Test
    void specialRegistersAre224BytesWithCr3At0x10() {
        KSpecialRegisters k = KSpecialRegisters.empty().with(SpecialRegister.CR3, 0x1ab000);
        assertEquals(224, k.encode().length);
        assertEquals(0x1ab000, LittleEndian.u64(k.encode(), 0x10));
        assertEquals(0x7f, KSpecialRegisters.empty().with(SpecialRegister.GDTR_LIMIT, 0x7f).encode()[0x56]);
    }

    @Test
    void debuggerDataAtEachSizeKeepsItsBytes() throws Exception {
        for (int size : new int[] {KdDebuggerData64.SIZE_WIN7, KdDebuggerData64.SIZE_WIN81, KdDebuggerData64.SIZE_RS1}) {
            KdDebuggerData64 d = KdDebuggerData64.blank(size).with(KdDebuggerDataField.KERN_BASE, 0xfffff8026bc18000L)
                    .with(KdDebuggerDataField.PS_LOADED_MODULE_LIST, 0xfffff8026bee22d0L)
                    .with(KdDebuggerDataField.MM_PAGE_SIZE, 0x1000);
            byte[] b = d.encode();
            assertEquals(size, b.length);
            assertEquals(0x4742444B, LittleEndian.i32(b, 0x10));
            assertEquals(0xfffff8026bee22d0L, LittleEndian.u64(b, 0x48));
            KdDebuggerData64 back = KdDebuggerData64.decode(b);
            assertArrayEquals(b, back.encode());
            assertEquals(0x1000, back.get(KdDebuggerDataField.MM_PAGE_SIZE));
            assertEquals(size >= 0x368, back.has(KdDebuggerDataField.PTE_BASE));
        }
    }

    @Test
    void debuggerDataRejectsAWrongTag() {
        byte[] b = KdDebuggerData64.blank(0x340).encode();
        b[0x10] = 'X';
        KdProtocolException e = assertThrows(KdProtocolException.class, () -> KdDebuggerData64.decode(b));
        assertEquals("KDDEBUGGER_DATA64 bad OwnerTag: expected 0x4742444b ('KDBG'), got 0x47424458", e.getMessage());
        assertFalse(KdDebuggerData64.blank(0x340).has(KdDebuggerDataField.PTE_BASE));
    }

    @Test
    void ldrEntryIs0x80BytesWithDllBaseAt0x30() throws Exception {
        KldrDataTableEntry e = KldrDataTableEntry.of(0xffffe0014d038280L, 0xfffff8026bee22d0L, 0xfffff8026bc18000L, 0,
                0x789000, UnicodeString64.of(0x42, 0x44, 0x1000), UnicodeString64.of(0x18, 0x1a, 0x2000), 0x804000,
                0x57, 0x71c6d7);
        byte[] b = e.encode();
        assertEquals(0x80, b.length);
        assertEquals(0xfffff8026bc18000L, LittleEndian.u64(b, KldrDataTableEntry.DLL_BASE_OFFSET));
        assertEquals(0x18, LittleEndian.u16(b, KldrDataTableEntry.BASE_DLL_NAME_OFFSET));
        assertEquals(0x2000, LittleEndian.u64(b, 0x60));
        assertEquals(e, KldrDataTableEntry.decode(b));
        assertEquals(16, UnicodeString64.of(1, 2, 3).encode().length);
    }

    @Test
    void debugIoIs16AndFileIo64Bytes() throws Exception {
        assertEquals(16 + 2, DebugIo.print(0, "hi").encode().length);
        byte[] f = FileIo.reply(0x3430, NtStatus.STATUS_NO_SUCH_FILE.code()).encode();
        assertEquals(64, f.length);
        assertEquals(0xC000000F, LittleEndian.i32(f, 4));
        assertEquals(FileIo.reply(0x3430, 0xC000000F), FileIo.decode(f));
    }

    @Test
    void decodersRejectShortInput() {
        assertEquals("DBGKD_MANIPULATE_STATE64 too short: expected at least 56 bytes, got 55",
                assertThrows(KdProtocolException.class, () -> ManipulateState.decode(new byte[55])).getMessage());
        assertEquals("DBGKD_ANY_WAIT_STATE_CHANGE too short: expected at least 240 bytes, got 0",
                assertThrows(KdProtocolException.class, () -> StateChange64.decode(new byte[0])).getMessage());
        assertEquals("AMD64 CONTEXT has wrong size: expected 1232 bytes, got 1231",
                assertThrows(KdProtocolException.class, () -> Amd64Context.decode(new byte[1231])).getMessage());
    }

    @Test
    void statusNamesAreReadable() {
        KdStatusException e = new KdStatusException(ManipulateApi.READ_VIRTUAL_MEMORY.toString(), 0xC0000001);
        assertEquals("DbgKdReadVirtualMemoryApi (0x3130) failed: STATUS_UNSUCCESSFUL (0xc0000001)", e.getMessage());
        assertEquals("STATUS_UNSUCCESSFUL", e.statusName());
        assertEquals("0x12345678", NtStatus.describe(0x12345678));
    }
}
