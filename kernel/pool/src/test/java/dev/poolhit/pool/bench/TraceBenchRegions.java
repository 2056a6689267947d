package dev.poolhit.pool.bench;

import dev.poolhit.common.LittleEndian;
import dev.poolhit.sim.machine.Machine;
import dev.poolhit.target.module.Module;
import java.util.ArrayList;
import java.util.List;

/**
 * Names what a ReadVirtualMemory request read: a module's headers or one of its sections (from
 * the PE section table, read from the simulator's ground truth, not through the debugger), the
 * loaded-module list (entries and name buffers, walked in the ground truth), or anything else
 * (stacks, thread and process objects, pool, globals).
 */
final class TraceBenchRegions {
    static final String OTHER = "other (stack, pool, globals)";
    static final String MODULE_LIST = "loaded-module list (KLDR_DATA_TABLE_ENTRY and its names)";
    /** x64 KLDR_DATA_TABLE_ENTRY: bytes read of an entry, and its FullDllName/BaseDllName UNICODE_STRINGs. */
    private static final int LDR_ENTRY_BYTES = 0xA0;
    private static final int[] LDR_NAMES = {0x48, 0x58};

    private record Section(Module module, String name, long start, long end) {
    }

    private final List<Module> modules;
    private final List<Section> sections = new ArrayList<>();
    private final List<long[]> moduleList = new ArrayList<>();

    /** {@code listHead}: nt!PsLoadedModuleList, walked in the simulator's ground truth. */
    TraceBenchRegions(List<Module> modules, Machine machine, long listHead) {
        this.modules = modules;
        modules.forEach(m -> addSections(m, machine));
        long entry = u64(machine, listHead);
        for (int i = 0; i < 1000 && entry != listHead; i++, entry = u64(machine, entry)) {
            moduleList.add(new long[] {entry, entry + LDR_ENTRY_BYTES});
            for (int name : LDR_NAMES) {
                byte[] s = new byte[16];
                machine.readVirtual(entry + name, s, 0, s.length);
                long buffer = LittleEndian.u64(s, 8);
                moduleList.add(new long[] {buffer, buffer + Math.max(1, LittleEndian.u16(s, 2))});
            }
        }
    }

    private static long u64(Machine machine, long address) {
        byte[] b = new byte[8];
        machine.readVirtual(address, b, 0, b.length);
        return LittleEndian.u64(b, 0);
    }

    String label(TraceBenchTally.Read read) {
        long a = read.address();
        Module m = module(a);
        if (m != null) {
            for (Section s : sections) {
                if (s.module() == m && Long.compareUnsigned(a, s.start()) >= 0 && Long.compareUnsigned(a, s.end()) < 0) {
                    return m.name() + " " + s.name();
                }
            }
            return m.name() + " headers";
        }
        for (long[] r : moduleList) {
            if (Long.compareUnsigned(a + read.length(), r[0]) > 0 && Long.compareUnsigned(a, r[1]) < 0) {
                return MODULE_LIST;
            }
        }
        return OTHER;
    }

    private Module module(long address) {
        for (Module m : modules) {
            if (m.range().contains(address)) {
                return m;
            }
        }
        return null;
    }

    /** IMAGE_SECTION_HEADERs: 40 bytes each after the optional header; name at 0, VirtualSize at 8, VirtualAddress at 12. */
    private void addSections(Module m, Machine machine) {
        byte[] h = new byte[0x1000];
        machine.readVirtual(m.base(), h, 0, h.length);
        int nt = LittleEndian.i32(h, 0x3c);
        int count = LittleEndian.u16(h, nt + 6);
        int table = nt + 24 + LittleEndian.u16(h, nt + 20);
        for (int i = 0; i < count && table + 40 * (i + 1) <= h.length; i++) {
            int at = table + 40 * i;
            String name = new String(h, at, 8, java.nio.charset.StandardCharsets.US_ASCII).replace("\0", "");
            long size = LittleEndian.u32(h, at + 8);
            long va = LittleEndian.u32(h, at + 12);
            sections.add(new Section(m, name, m.base() + va, m.base() + va + Math.max(size, 1)));
        }
    }
}
