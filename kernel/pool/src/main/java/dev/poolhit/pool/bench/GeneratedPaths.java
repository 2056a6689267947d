package dev.poolhit.pool.bench;

import dev.poolhit.pool.trace.Frame;
import dev.poolhit.pool.trace.Missing;
import dev.poolhit.pool.trace.ModuleInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The call paths of the generated workload, shaped like the Windows 7 log: the pool routine's
 * break site, {@code nt!ExAllocatePoolWithTag} (or {@code nt!ExFreePoolWithTag}), a driver, the
 * I/O manager, the system-call entry and a user-mode program. Every eighth allocation path leaks.
 */
final class GeneratedPaths {
    private static final int ALLOC_PATHS = 400;
    private static final int FREE_PATHS = 100;
    private static final String[] DRIVERS = {"myfault", "ndis", "tcpip", "fltmgr", "ntfs", "afd"};
    private static final String[] KERNEL = {"IopXxxControlFile", "NtDeviceIoControlFile",
        "KiSystemServiceCopyEnd", "IofCallDriver", "IopSynchronousServiceTail", "ObpCreateHandle"};
    private final List<ModuleInfo> modules = new ArrayList<>();
    private final List<List<Frame>> alloc = new ArrayList<>();
    private final List<List<Frame>> free = new ArrayList<>();

    GeneratedPaths(int depth, SplittableRandom random) {
        modules.add(module("nt", 0xfffff80001610000L, 0x5e5000));
        for (int i = 0; i < DRIVERS.length; i++) {
            modules.add(module(DRIVERS[i], 0xfffff8800496e000L + 0x100000L * i, 0x20000));
        }
        modules.add(module("ntdll", 0x0000000077540000L, 0x1a9000));
        modules.add(module("NotMyfault", 0x00000000ff220000L, 0x40000));
        for (int p = 0; p < ALLOC_PATHS; p++) {
            alloc.add(path(depth, random, "ExAllocatePoolWithTag", 0x82e));
        }
        for (int p = 0; p < FREE_PATHS; p++) {
            free.add(path(depth, random, "ExFreePoolWithTag", 0x167));
        }
    }

    List<ModuleInfo> modules() {
        return modules;
    }

    List<List<Frame>> allocPaths() {
        return alloc;
    }

    List<List<Frame>> freePaths() {
        return free;
    }

    boolean leaky(int allocPath) {
        return allocPath % 8 == 0;
    }

    private static ModuleInfo module(String name, long base, long size) {
        return new ModuleInfo(name, base, size, 0x4ce7951aL, name + ".pdb",
                String.format("%032X", (long) name.hashCode() & 0xffffffffL), 1);
    }

    private List<Frame> path(int depth, SplittableRandom random, String poolRoutine, long routineOffset) {
        List<String[]> sites = new ArrayList<>(); // module, function, offset
        sites.add(new String[] {"nt", poolRoutine.startsWith("ExAllocate") ? "ExpAllocateBigPool" : "ExDeferredFreePool",
            Long.toHexString(0x100 + random.nextInt(0x800))});
        sites.add(new String[] {"nt", poolRoutine, Long.toHexString(routineOffset)});
        String driver = DRIVERS[random.nextInt(DRIVERS.length)];
        while (sites.size() < depth - 3) {
            boolean inDriver = sites.size() < 4 || random.nextBoolean();
            sites.add(inDriver
                    ? new String[] {driver, "", Long.toHexString(0x1000 + random.nextInt(0xf000))}
                    : new String[] {"nt", KERNEL[random.nextInt(KERNEL.length)], Long.toHexString(random.nextInt(0x700))});
        }
        sites.add(new String[] {"ntdll", "ZwDeviceIoControlFile", "a"});
        sites.add(new String[] {"NotMyfault", "", Long.toHexString(0x2000 + random.nextInt(0x1000))});
        sites.add(new String[] {"NotMyfault", "", Long.toHexString(0x3000 + random.nextInt(0x1000))});
        long[] ip = new long[sites.size()];
        for (int i = 0; i < ip.length; i++) {
            ip[i] = base(sites.get(i)[0]) + (sites.get(i)[1].isEmpty() ? 0 : 0x10000 + 0x40L * Math.abs(sites.get(i)[1].hashCode() % 0x1000))
                    + Long.parseLong(sites.get(i)[2], 16);
        }
        List<Frame> frames = new ArrayList<>(ip.length);
        for (int i = 0; i < ip.length; i++) {
            String[] s = sites.get(i);
            long ret = i + 1 < ip.length ? ip[i + 1] : 0;
            frames.add(Frame.of(Missing.LONG, ret, ip[i], s[0], s[1].isEmpty() ? Missing.TEXT : s[1], Long.parseLong(s[2], 16)));
        }
        return frames;
    }

    private long base(String module) {
        for (ModuleInfo m : modules) {
            if (m.name().equals(module)) {
                return m.base();
            }
        }
        throw new IllegalStateException("no module " + module);
    }
}
