package dev.poolhit.sim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.poolhit.common.AddressRange;
import dev.poolhit.common.LittleEndian;
import dev.poolhit.sim.FakeTicker;
import dev.poolhit.sim.ManifestView;
import dev.poolhit.sim.TestImages;
import dev.poolhit.sim.TestReader;
import dev.poolhit.sim.machine.Machine;
import dev.poolhit.sim.machine.MachineConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reads the boot-time structures the way a debugger does, with offsets written here from
 * kd-protocol.md 7 and the Win7 headers (not from the simulator's Win7Offsets).
 */
class KernelStructuresTest {
    private final Machine machine = Machine.boot(MachineConfig.DEFAULT, TestImages.load(), new FakeTicker());
    private final TestReader read = new TestReader(machine);

    @Test
    void moduleListFromPsLoadedModuleListMatchesManifest() {
        long head = ManifestView.ntPublic("PsLoadedModuleList");
        List<String> seen = new ArrayList<>();
        for (long entry = read.u64(head); entry != head; entry = read.u64(entry)) {
            int nameLength = read.u16(entry + 0x58);
            String name = read.utf16(read.u64(entry + 0x60), nameLength);
            seen.add(name + " " + Long.toHexString(read.u64(entry + 0x30)) + " " + read.u32(entry + 0x40));
            assertEquals(entry, read.u64(read.u64(entry + 8)), "Blink->Flink of " + name);
        }
        List<String> expected = new ArrayList<>();
        for (JsonNode image : ManifestView.images()) {
            if (!image.path("kind").asText().equals("user")) {
                expected.add(image.path("file").asText() + " " + Long.toHexString(ManifestView.base(image)) + " "
                        + image.path("sizeOfImage").asLong());
            }
        }
        assertEquals(expected, seen);
    }

    @Test
    void moduleEntryCarriesExceptionTableFullNameChecksumAndTimestamp() {
        long entry = read.u64(ManifestView.ntPublic("PsLoadedModuleList"));
        byte[] pe = ManifestView.file(ManifestView.image("nt"));
        int opt = LittleEndian.i32(pe, 0x3c) + 24;
        assertEquals(ManifestView.base(ManifestView.image("nt")) + LittleEndian.u32(pe, opt + 112 + 3 * 8),
                read.u64(entry + 0x10), "ExceptionTable");
        assertEquals(LittleEndian.u32(pe, opt + 112 + 3 * 8 + 4), read.u32(entry + 0x18), "ExceptionTableSize");
        assertEquals(LittleEndian.u32(pe, opt + 64), read.u32(entry + 0x78), "CheckSum");
        assertEquals(LittleEndian.u32(pe, opt - 16), read.u32(entry + 0x80), "TimeDateStamp");
        assertEquals("\\SystemRoot\\system32\\ntoskrnl.exe", read.utf16(read.u64(entry + 0x50), read.u16(entry + 0x48)));
    }

    @Test
    void everyImageEqualsItsFileForHeadersAndSectionsOutsideBootWrites() {
        for (JsonNode image : ManifestView.images()) {
            byte[] pe = ManifestView.file(image);
            long base = ManifestView.base(image);
            int peHeader = LittleEndian.i32(pe, 0x3c);
            int sections = LittleEndian.u16(pe, peHeader + 6);
            int opt = peHeader + 24;
            int table = opt + LittleEndian.u16(pe, peHeader + 20);
            compare(base, pe, 0, 0, (int) LittleEndian.u32(pe, opt + 60));
            for (int s = 0; s < sections; s++) {
                int at = table + 40 * s;
                long virtualSize = LittleEndian.u32(pe, at + 8);
                long rawSize = LittleEndian.u32(pe, at + 16);
                int length = (int) Math.min(virtualSize, rawSize);
                compare(base, pe, LittleEndian.u32(pe, at + 12), (int) LittleEndian.u32(pe, at + 20), length);
            }
        }
    }

    private void compare(long base, byte[] pe, long rva, int fileOffset, int length) {
        byte[] memory = read.bytes(base + rva, length);
        for (int i = 0; i < length; i++) {
            long address = base + rva + i;
            boolean rewritten = machine.bootWrites().stream().anyMatch(r -> r.contains(address));
            if (!rewritten && memory[i] != pe[fileOffset + i]) {
                throw new AssertionError("image byte differs at 0x" + Long.toHexString(address));
            }
        }
    }

    @Test
    void iatSlotsHoldNtoskrnlExportAddresses() {
        JsonNode myfault = ManifestView.image("myfault");
        JsonNode nt = ManifestView.image("nt");
        long slot = ManifestView.base(myfault) + myfault.path("publics").path("__imp_ExAllocatePoolWithTag").asLong();
        assertEquals(ManifestView.base(nt) + nt.path("exports").path("ExAllocatePoolWithTag").asLong(), read.u64(slot));
        assertTrue(machine.bootWrites().contains(AddressRange.ofSize(slot, 8)));
    }

    @Test
    void debuggerDataBlockReadsBackThroughDebuggerDataList() {
        KdVersion version = machine.version();
        assertEquals(ManifestView.ntPublic("KdpDebuggerDataListHead"), version.debuggerDataList());
        long block = read.u64(version.debuggerDataList());
        assertEquals(ManifestView.ntPublic("KdDebuggerDataBlock"), block);
        assertEquals(version.debuggerDataList(), read.u64(block + 8), "Header.List.Blink");
        assertEquals("KDBG", read.ascii(block + 0x10, 4));
        assertEquals(0x368, read.u32(block + 0x14), "Header.Size");
        assertEquals(ManifestView.base(ManifestView.image("nt")), read.u64(block + 0x18), "KernBase");
        assertEquals(ManifestView.ntPublic("RtlpBreakWithStatusInstruction"), read.u64(block + 0x20));
        assertEquals(ManifestView.ntPublic("PsLoadedModuleList"), read.u64(block + 0x48));
        assertEquals(ManifestView.ntPublic("PsActiveProcessHead"), read.u64(block + 0x50));
        assertEquals(0x1000, read.u64(block + 0x138), "MmPageSize");
        assertEquals(ManifestView.ntPublic("KiProcessorBlock"), read.u64(block + 0x218));
        assertEquals(0x70, read.u16(block + 0x2a0), "OffsetKThreadApcProcess");
        assertEquals(0x3b0 + 0xe8, read.u16(block + 0x2c0), "SizeEThread 0x498");
    }

    @Test
    void versionIsWindows7Sp1X64() {
        KdVersion v = machine.version();
        assertEquals(0xf, v.majorVersion());
        assertEquals(7601, v.minorVersion());
        assertEquals(6, v.protocolVersion());
        assertEquals(2, v.kdSecondaryVersion());
        assertEquals(7, v.flags());
        assertEquals(0x8664, v.machineType());
        assertEquals(ManifestView.ntPublic("PsLoadedModuleList"), v.psLoadedModuleList());
        assertEquals(v.kernBase(), ManifestView.base(ManifestView.image("nt")));
        byte[] block = read.bytes(ManifestView.ntPublic("KdVersionBlock"), 40);
        assertEquals(7601, LittleEndian.u16(block, 2));
        assertEquals(v.debuggerDataList(), LittleEndian.u64(block, 32));
    }

    @Test
    void sharedUserDataSaysNt61AtBothAddresses() {
        for (long at : new long[] {0xfffff78000000000L, 0x7ffe0000L}) {
            assertEquals(6, read.u32(at + 0x26c), "NtMajorVersion");
            assertEquals(1, read.u32(at + 0x270), "NtMinorVersion");
        }
    }

    @Test
    void processesAndThreadsCarryWin7Offsets() {
        long head = ManifestView.ntPublic("PsActiveProcessHead");
        List<String> processes = new ArrayList<>();
        for (long link = read.u64(head); link != head; link = read.u64(link)) {
            long eprocess = link - 0x188;
            processes.add(read.u64(eprocess + 0x180) + ":" + read.ascii(eprocess + 0x2e0, 15));
        }
        assertEquals(List.of("4:System", "2500:leakyapp.exe"), processes);
        long thread = machine.kernel().appThread().ethread();
        assertEquals(0x9c4, read.u64(thread + 0x3b0), "Cid.UniqueProcess");
        assertEquals(0xa10, read.u64(thread + 0x3b8), "Cid.UniqueThread");
        assertEquals("leakyapp.exe", read.ascii(read.u64(thread + 0x70) + 0x2e0, 15), "ApcState.Process name");
        long initial = read.u64(thread + 0x28);
        assertEquals(0x6000 - 0x200, initial - read.u64(thread + 0x30), "InitialStack - StackLimit");
    }

    @Test
    void processorsHaveSelfPointingKpcrAndKiProcessorBlock() {
        long processorBlock = ManifestView.ntPublic("KiProcessorBlock");
        for (int p = 0; p < machine.processorCount(); p++) {
            long kpcr = machine.kpcr(p);
            assertEquals(kpcr, read.u64(kpcr + 0x18), "KPCR.Self");
            assertEquals(kpcr + 0x180, read.u64(kpcr + 0x20), "KPCR.CurrentPrcb");
            assertEquals(kpcr + 0x180, read.u64(processorBlock + 8L * p));
            assertEquals(p, read.u32(kpcr + 0x180 + 0x24), "KPRCB.Number");
            assertEquals(machine.kernel().idleThreads().get(p).ethread(), read.u64(kpcr + 0x180 + 0x18));
        }
    }
}
