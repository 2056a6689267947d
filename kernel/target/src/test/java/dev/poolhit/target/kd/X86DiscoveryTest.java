package dev.poolhit.target.kd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolhit.common.LittleEndian;
import dev.poolhit.kd.protocol.GetVersion64;
import dev.poolhit.kd.protocol.KdDebuggerData64;
import dev.poolhit.kd.protocol.KdDebuggerDataField;
import dev.poolhit.kd.protocol.LdrDataTableEntry32;
import dev.poolhit.kd.protocol.TargetMachine;
import dev.poolhit.kd.protocol.UnicodeString32;
import dev.poolhit.kd.protocol.X86Context;
import dev.poolhit.kd.protocol.X86Register;
import dev.poolhit.target.memory.SparseMemory;
import dev.poolhit.target.module.Module;
import dev.poolhit.target.module.ModuleList;
import dev.poolhit.target.unwind.Reg;
import dev.poolhit.target.unwind.Registers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A 32-bit kernel's discovery over hand-built memory (kd-protocol.md 12.6): DebuggerDataList is a
 * 32-bit LIST_ENTRY, KDDEBUGGER_DATA64 keeps 64-bit fields, PsLoadedModuleList holds 32-bit entries.
 */
class X86DiscoveryTest {
    /** Model addresses: 32-bit, sign-extended from bit 31. */
    private static final long PAGE = 0xffffffff82b00000L;
    private static final long LIST = PAGE;
    private static final long HEAD = PAGE + 0x100;
    private static final long BLOCK = PAGE + 0x200;
    private static final long ENTRY_NT = PAGE + 0x1000;
    private static final long ENTRY_DRV = PAGE + 0x1100;
    private static final long NAMES = PAGE + 0x2000;
    private final byte[] page = new byte[0x3000];
    private final Arch arch = new Arch();

    X86DiscoveryTest() {
        arch.adopt(TargetMachine.I386);
    }

    @Test
    void theDebuggerDataListIsReadAsAThirtyTwoBitLink() {
        LittleEndian.put32(page, 0, BLOCK);           // Flink only: 4 bytes
        LittleEndian.put32(page, 4, 0xdeadbeefL);     // Blink: would corrupt a 64-bit read
        byte[] block = KdDebuggerData64.blank(KdDebuggerData64.SIZE_WIN7)
                .with(KdDebuggerDataField.PS_LOADED_MODULE_LIST, HEAD & 0xffffffffL).encode(); // zero-extended, as ReactOS
        System.arraycopy(block, 0, page, 0x200, block.length);
        KernelDiscovery d = new KernelDiscovery(new SparseMemory().map(PAGE, page), arch);
        KdDebuggerData64 kdbg = d.debuggerData(version(LIST & 0xffffffffL));
        assertEquals(HEAD, arch.fromWire(kdbg.get(KdDebuggerDataField.PS_LOADED_MODULE_LIST)));
        assertEquals(List.of(), d.notes());
    }

    @Test
    void theModuleListHoldsThirtyTwoBitEntries() {
        LittleEndian.put32(page, 0x100, ENTRY_NT);
        put(0x1000, entry(ENTRY_DRV, 0x82800000L, "ntoskrnl.exe", 0));
        put(0x1100, entry(HEAD, 0x8f600000L, "myfault.sys", 0x40));
        KernelDiscovery d = new KernelDiscovery(new SparseMemory().map(PAGE, page), arch);
        ModuleList modules = d.modulesShallow(HEAD, 0xffffffff82800000L);
        assertEquals(List.of("nt ntoskrnl.exe ffffffff82800000 9000", "myfault myfault.sys ffffffff8f600000 9000"),
                modules.all().stream().map(m -> m.name() + " " + m.imageName() + " " + Long.toHexString(m.base())
                        + " " + Long.toHexString(m.size())).toList());
        Module nt = modules.all().get(0);
        assertEquals(0, nt.exceptionTable(), "x86 has no .pdata");
        assertEquals(List.of(), d.notes());
    }

    @Test
    void wireAddressesBecomeSignExtendedModelAddresses() {
        assertEquals(0xffffffff8059cec8L, arch.fromWire(0x000000008059cec8L), "zero-extended by the target");
        assertEquals(0xffffffff8059cec8L, arch.fromWire(0xffffffff8059cec8L));
        assertEquals(0x0012f930L, arch.fromWire(0x0012f930L));
        assertEquals(0xffffffff8059cec8L, arch.toWire(0xffffffff8059cec8L));
        Arch amd64 = new Arch();
        assertEquals(0x000000008059cec8L, amd64.fromWire(0x000000008059cec8L), "x64 values stay as they are");
    }

    @Test
    void x86ContextRegistersSitInTheirX64NamesakesSlots() {
        X86Context c = X86Context.empty(X86Context.CONTEXT_FULL).with(X86Register.EAX, 0x85a10008L)
                .with(X86Register.EBX, 0x100).with(X86Register.ESP, 0x8d007f00L).with(X86Register.EBP, 0x8d007f20L)
                .with(X86Register.EDI, 0x3261654cL).with(X86Register.EIP, 0x82801234L);
        Registers r = X86ContextAccess.registersOf(c);
        assertEquals(0xffffffff82801234L, r.rip());
        assertEquals(0xffffffff85a10008L, r.get(Reg.RAX));
        assertEquals(0x100, r.get(Reg.RBX));
        assertEquals(0xffffffff8d007f00L, r.rsp());
        assertEquals(0xffffffff8d007f20L, r.get(Reg.RBP));
        assertEquals(0x3261654cL, r.get(Reg.RDI));
        assertTrue(r.get(Reg.R8) == 0 && r.get(Reg.R15) == 0);
    }

    private static GetVersion64 version(long debuggerDataList) {
        return new GetVersion64(0xf, 7601, 6, 0, GetVersion64.FLAG_DATA, GetVersion64.MACHINE_I386, 0xc, 3, 0x31,
                0, 0, 0x82800000L, 0, debuggerDataList);
    }

    private byte[] entry(long flink, long base, String name, int nameOffset) {
        byte[] utf16 = name.getBytes(StandardCharsets.UTF_16LE);
        UnicodeString32 s = new UnicodeString32(utf16.length, utf16.length, (NAMES + nameOffset) & 0xffffffffL);
        byte[] e = LdrDataTableEntry32.of(flink & 0xffffffffL, HEAD & 0xffffffffL, base, base, 0x9000, s, s, 0, 1, 0)
                .encode();
        System.arraycopy(utf16, 0, page, (int) (NAMES - PAGE) + nameOffset, utf16.length);
        return e;
    }

    private void put(int offset, byte[] bytes) {
        System.arraycopy(bytes, 0, page, offset, bytes.length);
    }
}
