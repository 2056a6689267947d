package dev.poolhit.sim.machine;

import dev.poolhit.common.AddressRange;
import dev.poolhit.sim.image.CodeMap;
import dev.poolhit.sim.image.X86Code;
import dev.poolhit.sim.kernel.SimThread;
import dev.poolhit.sim.kernel.Win7X86Offsets;
import dev.poolhit.sim.memory.SparseMemory;
import dev.poolhit.sim.workload.ExpectedFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lays an x86 call chain out from the images manifest (sim-images x86 README): each call pushes its
 * return address at ESP_call - 4 and the caller's own return address sits at ESP_call + espDelta;
 * registers a function saves are stored where its FrameData program restores them from
 * ({@code $reg $T0 N - ^ =}, T0 = the return-address slot), so EBP frames chain through [EBP] and
 * FPO frames are found by .raSearch; sysenter and the clock interrupt get a KTRAP_FRAME (with
 * DbgEbp/DbgEip) and the trap entry's EBP points at it. Stdcall arguments sit above each return slot.
 */
final class X86StackWriter implements StackBuilder {
    /** One mapped image's frame facts. */
    record Region(AddressRange range, long base, X86Code code) {}

    private static final long USER_LIMIT = 0x80000000L;
    private static final int EAX = 0, EDX = 2, EBX = 3, ESP = 4, EBP = 5, ESI = 6, EDI = 7;
    /** {@code $reg $Tn N - ^ =}: every program here bases its register slots on the return-address slot. */
    private static final Pattern SAVED = Pattern.compile("\\$(e[a-z]{2}) \\$T\\d (\\d+) - \\^ =");
    private static final List<String> NAMES = List.of("eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi");
    private static final int TRAP_FRAME_BYTES = 0x8c;
    /** Locals assumed below an EBP frame whose depth at the call the manifest cannot give (and esp,-8). */
    private static final long UNKNOWN_DEPTH = 0x40;

    private final SparseMemory memory;
    private final CodeMap names;
    private final List<Region> regions;

    X86StackWriter(SparseMemory memory, CodeMap names, List<Region> regions) {
        this.memory = memory;
        this.names = names;
        this.regions = List.copyOf(regions);
    }

    @Override
    public StackWriter.Layout write(SimThread thread, long userStackTop, List<Long> ips, boolean innermostEntered,
                                    List<long[]> args, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] regs = initialRegisters(random, thread);
        List<ExpectedFrame> frames = new ArrayList<>();
        List<Long> childSps = new ArrayList<>();
        long espCall = 0;
        long esp = 0;
        for (int i = 0; i < ips.size(); i++) {
            long ip = ips.get(i);
            Region region = region(ip);
            long rva = ip - region.base();
            X86Code.Function fn = region.code().functionAt(rva).orElse(null);
            boolean innermost = i == ips.size() - 1;
            if (fn != null && fn.trap() && i > 0) {
                espCall = enterTrap(thread, fn, ips, i, regs, esp);
                childSps.add(espCall);
                frames.add(new ExpectedFrame(names.describe(ip), ip));
                continue;
            }
            long entry = returnSlot(thread, userStackTop, ips, i, fn, espCall);
            long[] own = args == null || i >= args.size() ? null : args.get(i);
            for (int a = 0; own != null && a < own.length; a++) {
                memory.put32(entry + 4 + 4L * a, own[a]);
            }
            boolean established = !innermost || innermostEntered;
            if (established && fn != null) {
                saveRegisters(region, innermost ? ip : ip - 1, entry, regs, random, thread);
                if ("ebp".equals(fn.frameKind())) {
                    regs[EBP] = entry - 4;
                }
            }
            esp = innermost ? innermostEsp(region, rva, fn, entry, established) : interruptedEsp(region, rva, fn,
                    entry);
            if (!innermost) {
                espCall = callEsp(region, rva, fn, entry);
            }
            childSps.add(innermost ? esp : espCall);
            frames.add(new ExpectedFrame(names.describe(ip), ip));
        }
        regs[ESP] = esp;
        return new StackWriter.Layout(regs, frames, childSps);
    }

    private static long[] initialRegisters(SplittableRandom random, SimThread thread) {
        long[] regs = new long[16];
        for (int r = 0; r < 8; r++) {
            regs[r] = plausible(random, thread);
        }
        regs[EBP] = 0; // the outermost frame saves EBP 0: an EBP walk ends there
        return regs;
    }

    /** Frame i's return-address slot (its entry ESP), holding the return into frame i - 1. */
    private long returnSlot(SimThread thread, long userStackTop, List<Long> ips, int i, X86Code.Function fn,
                            long callerEspCall) {
        if (i == 0) {
            return outermostEntry(thread, userStackTop, ips.get(0), fn);
        }
        long entry = callerEspCall - 4;
        memory.put32(entry, ips.get(i - 1));
        return entry;
    }

    /** The outermost frame's return slot: user stack top, or just below InitialStack (its return address 0). */
    private long outermostEntry(SimThread thread, long userStackTop, long ip, X86Code.Function fn) {
        long top = Long.compareUnsigned(ip, USER_LIMIT) < 0 ? userStackTop : thread.initialStack();
        long entry = top - 0x10;
        memory.put32(entry, 0);
        if (fn != null && fn.name().equals("KiThreadStartup")) {
            // the creator leaves {StartRoutine, StartContext} at KiThreadStartup's entry ESP
            memory.put32(entry, memory.u32(thread.ethread() + Win7X86Offsets.ETHREAD_START_ADDRESS.offset()));
        }
        return entry;
    }

    /** Stores the caller's registers where this frame's FrameData program restores them, then gives fresh values. */
    private void saveRegisters(Region region, long address, long entry, long[] regs, SplittableRandom random,
                               SimThread thread) {
        X86Code.FrameData fd = region.code().frameDataAt(address - region.base()).orElse(null);
        if (fd == null) {
            return;
        }
        Matcher m = SAVED.matcher(fd.program());
        List<Integer> saved = new ArrayList<>();
        while (m.find()) {
            int reg = NAMES.indexOf(m.group(1));
            if (reg >= 0 && reg != ESP) {
                memory.put32(entry - Long.parseLong(m.group(2)), regs[reg]);
                saved.add(reg);
            }
        }
        saved.forEach(r -> regs[r] = plausible(random, thread));
    }

    /** ESP when this frame calls the next one: from espDelta, else a realigned guess below EBP. */
    private long callEsp(Region region, long rva, X86Code.Function fn, long entry) {
        X86Code.CallSite site = region.code().callSitesByReturn().get(rva);
        if (site != null && site.espDelta() != null) {
            return entry - site.espDelta();
        }
        long below = fn != null && "ebp".equals(fn.frameKind()) ? entry - 4 : entry;
        return (below - UNKNOWN_DEPTH) & ~7L;
    }

    /** ESP of a frame interrupted by sysenter or an interrupt (the previous frame of a trap entry). */
    private long interruptedEsp(Region region, long rva, X86Code.Function fn, long entry) {
        if (fn == null || "leaf".equals(fn.frameKind())) {
            return entry;
        }
        X86Code.FrameData fd = region.code().frameDataAt(rva).orElse(null);
        return fd == null ? entry - 4 : entry - fd.savedRegsSize() - fd.localSize();
    }

    /** Innermost ESP: at entry, in a leaf, past a returned call, or in the body (cold stubs included). */
    private long innermostEsp(Region region, long rva, X86Code.Function fn, long entry, boolean established) {
        if (!established || fn == null || "leaf".equals(fn.frameKind())) {
            return entry;
        }
        X86Code.CallSite site = region.code().callSitesByReturn().get(rva);
        if (site != null) {
            return callEsp(region, rva, fn, entry) + site.calleePops();
        }
        return interruptedEsp(region, rva, fn, entry);
    }

    /**
     * Builds the KTRAP_FRAME a trap entry pushed (sysenter from user mode: at the top of the kernel
     * stack with HardwareEsp/SegSs; interrupt from kernel mode: below the interrupted ESP) and returns
     * the entry's ESP when it calls the next frame.
     */
    private long enterTrap(SimThread thread, X86Code.Function fn, List<Long> ips, int i, long[] regs,
                           long interruptedEsp) {
        long interruptedIp = ips.get(i - 1);
        boolean fromUser = Long.compareUnsigned(interruptedIp, USER_LIMIT) < 0;
        long tf = fromUser ? thread.initialStack() - TRAP_FRAME_BYTES : interruptedEsp - 0x74;
        memory.writeFully(tf, new byte[fromUser ? TRAP_FRAME_BYTES : 0x74]);
        memory.put32(tf, regs[EBP]);
        memory.put32(tf + 0x04, interruptedIp);
        memory.put32(tf + 0x34, 0x23);
        memory.put32(tf + 0x38, 0x23);
        memory.put32(tf + 0x3c, fromUser ? interruptedEsp : regs[EDX]);
        memory.put32(tf + 0x44, fromUser ? 0x42 : regs[EAX]);
        memory.put32(tf + 0x48, fromUser ? 1 : 0);
        memory.put32(tf + 0x4c, 0xffffffffL);
        memory.put32(tf + 0x50, fromUser ? 0x3b : 0x30);
        memory.put32(tf + 0x54, regs[EDI]);
        memory.put32(tf + 0x58, regs[ESI]);
        memory.put32(tf + 0x5c, regs[EBX]);
        memory.put32(tf + 0x60, regs[EBP]);
        memory.put32(tf + 0x68, interruptedIp);
        memory.put32(tf + 0x6c, fromUser ? 0x1b : Context.X86_KERNEL_CS);
        memory.put32(tf + 0x70, 0x202);
        if (fromUser) {
            memory.put32(tf + 0x74, interruptedEsp);
            memory.put32(tf + 0x78, 0x23);
        }
        regs[EBP] = tf;
        Region region = region(ips.get(i));
        X86Code.CallSite site = region.code().callSitesByReturn().get(ips.get(i) - region.base());
        if (site != null && site.espDelta() != null) {
            long espCall = tf + fn.trapFrameEntryOffset() - site.espDelta();
            memory.put32(espCall, tf); // the handler passes its trap frame (KeClockInterruptNotify(TrapFrame))
            return espCall;
        }
        long service = i + 1 < ips.size() ? ips.get(i + 1) : 0;
        int argBytes = service == 0 ? 0 : paramsSizeOf(service);
        long espCall = tf - argBytes;
        // KiSystemService copies the caller's arguments from the user stack (above the two return addresses)
        memory.writeFully(espCall, memory.readFully(interruptedEsp + 8, argBytes));
        return espCall;
    }

    private int paramsSizeOf(long ip) {
        Region region = region(ip);
        return region.code().functionAt(ip - region.base()).map(f -> region.code().paramsSize(f.begin())).orElse(0);
    }

    private Region region(long address) {
        return regions.stream().filter(r -> r.range().contains(address)).findFirst()
                .orElseThrow(() -> new MachineStateException("no x86 image holds " + dev.poolhit.common.Hex.u64(address)
                        + ": expected an address inside a mapped image (stack layout)"));
    }

    /** A 32-bit register value: a non-paged pool pointer, the thread, or a small integer. */
    private static long plausible(SplittableRandom random, SimThread thread) {
        return switch (random.nextInt(3)) {
            case 0 -> 0x85000000L | (random.nextLong(0x01000000L) & ~0x7L);
            case 1 -> thread.ethread();
            default -> random.nextInt(0x1000);
        };
    }
}
