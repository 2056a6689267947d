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
