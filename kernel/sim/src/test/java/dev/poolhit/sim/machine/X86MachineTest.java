package dev.poolhit.sim.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolhit.sim.Architecture;
import dev.poolhit.sim.image.ImageSet;
import dev.poolhit.sim.image.LoadedImage;
import dev.poolhit.sim.kernel.SimThread;
import dev.poolhit.sim.workload.ExpectedFrame;
import dev.poolhit.sim.workload.GroundTruthEntry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The 32-bit machine: images at the x86 README's bases, 32-bit kernel structures, and stops whose
 * stacks hold the ground truth's frames the way x86 code leaves them (return address at [ESP] for
 * DbgBreakPoint sites, EBP chains, KTRAP_FRAME of the sysenter). Offsets here are written from the
 * x86 README and kd-protocol.md 12, not read from the simulator's tables.
 */
class X86MachineTest {
    private static final ImageSet X86 = ImageSet.fromClasspath(Architecture.X86);

    private static Machine boot(int extraDrivers) {
        MachineConfig config = MachineConfig.DEFAULT.withArchitecture(Architecture.X86).withExtraDrivers(extraDrivers);
        return Machine.boot(config, X86, Ticker.system());
    }

    @Test
    void bootsTheX86ImagesWithA32BitModuleList() {
        Machine m = boot(3);
        assertEquals(Architecture.X86, m.architecture());
        assertEquals(0x014c, m.version().machineType());
        assertEquals(0xffffffff82800000L, m.version().kernBase(), "KernBase sign-extended as the kernel keeps it");
        long head = m.version().psLoadedModuleList() & 0xffffffffL;
        byte[] b = new byte[0x48];
        long entry = u32(m, head);
        StringBuilder names = new StringBuilder();
        for (int guard = 0; entry != head && guard < 64; guard++) {
            m.readVirtual(entry, b, 0, b.length);
            int length = dev.poolhit.common.LittleEndian.u16(b, 0x2c);
            long buffer = dev.poolhit.common.LittleEndian.u32(b, 0x30);
            byte[] name = new byte[length];
            m.readVirtual(buffer, name, 0, length);
            names.append(new String(name, StandardCharsets.UTF_16LE)).append(' ')
                    .append(Long.toHexString(dev.poolhit.common.LittleEndian.u32(b, 0x18))).append(';');
            entry = dev.poolhit.common.LittleEndian.u32(b, 0);
        }
        assertEquals("ntoskrnl.exe 82800000;myfault.sys 8f600000;simdrv01.sys 8f700000;simdrv02.sys 8f710000;"
                + "simdrv03.sys 8f720000;", names.toString());
        byte[] mz = new byte[2];
        m.readVirtual(0x8f710000L, mz, 0, 2);
        assertEquals("MZ", new String(mz, StandardCharsets.US_ASCII));
    }

    @Test
    void debuggerDataBlockIsThe32BitKernels() {
        Machine m = boot(0);
        long listHead = m.version().debuggerDataList() & 0xffffffffL;
        long block = u32(m, listHead);
        assertEquals(listHead, u32(m, block), "Header.List is a 32-bit LIST_ENTRY back to the head");
        assertEquals(0x4742444bL, u32(m, block + 0x10), "OwnerTag KDBG");
        assertEquals(0x368, u32(m, block + 0x14));
        assertEquals(0x82800000L, u32(m, block + 0x18));
        assertEquals(0xffffffffL, u32(m, block + 0x1c), "KernBase sign-extended");
        assertEquals(m.version().psLoadedModuleList() & 0xffffffffL, u32(m, block + 0x48));
        assertEquals(1, u32(m, block + 0x34) >>> 16 & 1, "PaeEnabled");
        assertEquals(0x28, u32(m, block + 0x29c) >>> 16, "OffsetKThreadInitialStack (x86)");
        assertEquals(0x08, u32(m, block + 0x2f4) & 0xffff, "GdtR0Code (x86)");
        long kprcb0 = u32(m, m.kernel().globals().kiProcessorBlock());
        assertEquals(m.kernel().idleThreads().get(0).ethread(), u32(m, kprcb0 + 4), "KPRCB.CurrentThread at +4");
        assertEquals(m.kernel().processors().get(0).kpcr() + 0x120, kprcb0);
    }

    @Test
    void threadProcessAndUserModulesAtTheWin7X86Offsets() {
        Machine m = boot(0);
        long thread = m.kernel().appThread().ethread();
        assertEquals(0xa10, u32(m, thread + 0x230), "ETHREAD.Cid.UniqueThread");
        assertEquals(0x9c4, u32(m, thread + 0x22c), "ETHREAD.Cid.UniqueProcess");
        long process = u32(m, thread + 0x150);
        assertEquals(process, u32(m, thread + 0x50), "KTHREAD.ApcState.Process = KTHREAD.Process");
        byte[] name = new byte[12];
        m.readVirtual(process + 0x16c, name, 0, name.length);
        assertEquals("leakyapp.exe", new String(name, StandardCharsets.US_ASCII));
        assertEquals(0x9c4, u32(m, process + 0xb4), "EPROCESS.UniqueProcessId");
        long peb = u32(m, process + 0x1a8);
        assertEquals(0x7ffdf000L, peb);
        assertEquals(0x00400000L, u32(m, peb + 0x8), "PEB.ImageBaseAddress");
        long ldr = u32(m, peb + 0xc);
        long head = ldr + 0xc;
        StringBuilder modules = new StringBuilder();
        for (long e = u32(m, head); e != head && modules.length() < 200; e = u32(m, e)) {
            int length = (int) (u32(m, e + 0x2c) & 0xffff);
            byte[] text = new byte[length];
            m.readVirtual(u32(m, e + 0x30), text, 0, length);
            modules.append(new String(text, StandardCharsets.UTF_16LE)).append('@')
                    .append(Long.toHexString(u32(m, e + 0x18))).append(' ');
        }
        assertEquals("leakyapp.exe@400000 ntdll.dll@7c900000 ", modules.toString());
        assertEquals(m.kernel().processors().get(0).kpcr(), u32(m, m.kernel().processors().get(0).kpcr() + 0x1c),
                "KPCR.SelfPcr");
    }

    @Test
    void everyX64OffsetRowHasAnX86Row() {
        for (dev.poolhit.sim.kernel.Win7Offsets row : dev.poolhit.sim.kernel.Win7Offsets.values()) {
            assertEquals(dev.poolhit.sim.kernel.Win7X86Offsets.valueOf(row.name()).offset(),
                    dev.poolhit.sim.kernel.KernelLayout.X86.offset(row));
        }
        assertEquals(0x2c0, dev.poolhit.sim.kernel.Win7X86Offsets.EPROCESS_SIZE.offset());
    }

    @Test
    void everyX86StopHasItsGroundTruthFramesOnTheStack() {
        Machine m = boot(0);
        for (String tag : List.of("Lea2", "Lea1", "CM31", "MmSt")) {
            m.writeVirtual(m.kernel().globals().poolHitTag(), tag.getBytes(StandardCharsets.US_ASCII), 0, 4);
            StopEvent stop = runToStop(m);
            GroundTruthEntry hit = m.groundTruth().entries().stream().filter(GroundTruthEntry::broke)
                    .reduce((a, c) -> c).orElseThrow();
            List<ExpectedFrame> frames = hit.stack();
            assertEquals(frames.get(frames.size() - 1).ip(), stop.programCounter(), tag + ": stop at the check site");
            Context c = stop.context();
            assertEquals(stop.programCounter(), c.rip());
            long esp = c.rsp();
            String innermost = frames.get(frames.size() - 1).function();
            if (innermost.equals("nt!DbgBreakPoint")) {
                assertEquals(frames.get(frames.size() - 2).ip(), u32(m, esp),
                        tag + ": [ESP] is the return address naming the check site");
            }
            SimThread thread = m.kernel().appThread().ethread() == stop.thread() ? m.kernel().appThread()
                    : m.kernel().workers().stream().filter(w -> w.ethread() == stop.thread()).findFirst().orElseThrow();
            for (int i = 0; i < frames.size() - 1; i++) {
                long ip = frames.get(i).ip();
                boolean trapReturn = frames.get(i).function().equals("ntdll!KiFastSystemCall");
                assertTrue(trapReturn || onStack(m, ip, esp, thread), tag + ": return address of "
                        + frames.get(i).function() + " on the stack");
            }
            if (thread == m.kernel().appThread()) {
                long trapFrame = thread.initialStack() - 0x8c;
                assertEquals(0x7c900000L + 4116, u32(m, trapFrame + 0x68), "KTRAP_FRAME.Eip = KiFastSystemCallRet");
                assertEquals(0x1b, u32(m, trapFrame + 0x6c), "KTRAP_FRAME.SegCs = user code");
                assertEquals(u32(m, trapFrame + 0x68), u32(m, trapFrame + 0x04), "DbgEip copies Eip");
            }
            m.setContext(stop.processor(), c.withRip(c.rip() + 1));
            m.resume(false, 0x400);
            m.writeVirtual(m.kernel().globals().poolHitTag(), new byte[4], 0, 4);
        }
    }

    @Test
    void aDriverLoadedMidRunJoinsTheModuleList() {
        MachineConfig config = MachineConfig.DEFAULT.withArchitecture(Architecture.X86).withExtraDrivers(2)
                .withLateDriverAfterEvents(5);
        Machine m = Machine.boot(config, X86, Ticker.system());
        assertFalse(m.images().stream().anyMatch(i -> i.name().equals("simdrv03.sys")));
        List<LoadedImage> loaded = List.of();
        for (int i = 0; i < 20 && loaded.isEmpty(); i++) {
            assertTrue(m.run(1).isEmpty());
            loaded = m.takeLoadedDrivers();
        }
        assertEquals(List.of("simdrv03.sys"), loaded.stream().map(LoadedImage::name).toList());
        assertEquals(5, m.groundTruth().entries().size(), "loaded at the event boundary the knob names");
        assertTrue(m.images().stream().anyMatch(i -> i.name().equals("simdrv03.sys")));
        assertTrue(m.takeLoadedDrivers().isEmpty(), "reported once");
    }

    private static StopEvent runToStop(Machine m) {
        for (int i = 0; i < 2000; i++) {
            Optional<StopEvent> stop = m.run(50);
            if (stop.isPresent()) {
                return stop.get();
            }
        }
        throw new AssertionError("no stop in 100000 events");
    }

    /** Whether {@code value} is stored between ESP and the kernel stack base, or anywhere on the user stack. */
    private static boolean onStack(Machine m, long value, long esp, SimThread thread) {
        return holds(m, value, esp, thread.stackBase())
                || holds(m, value, Boot.X86_USER_STACK_TOP - 0x10000, Boot.X86_USER_STACK_TOP);
    }

    private static boolean holds(Machine m, long value, long from, long to) {
        for (long at = from; at < to; at += 4) {
            if (u32(m, at) == value) {
                return true;
            }
        }
        return false;
    }

    private static long u32(Machine m, long address) {
        byte[] b = new byte[4];
        assertEquals(4, m.readVirtual(address, b, 0, 4), () -> "unmapped " + Long.toHexString(address));
        return dev.poolhit.common.LittleEndian.u32(b, 0);
    }
}
