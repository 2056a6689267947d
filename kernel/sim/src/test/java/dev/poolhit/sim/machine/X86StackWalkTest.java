package dev.poolhit.sim.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.poolhit.sim.Architecture;
import dev.poolhit.sim.image.ImageSet;
import dev.poolhit.sim.workload.ExpectedFrame;
import dev.poolhit.sim.workload.GroundTruthEntry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A host-style x86 walk (FrameData, EBP chain, trap frames, [ESP] at leaves; {@link X86Walker})
 * from each stop's CONTEXT recovers the ground truth's frames exactly, for all six pool stacks of
 * the x86 images and the clock-interrupt break-in.
 */
class X86StackWalkTest {
    private static final ImageSet X86 = ImageSet.fromClasspath(Architecture.X86);

    @Test
    void walkingEveryPoolStopGivesTheGroundTruthFrames() {
        Machine m = Machine.boot(MachineConfig.DEFAULT.withArchitecture(Architecture.X86).withSeed(11), X86,
                Ticker.system());
        X86Walker walker = new X86Walker(m);
        Set<List<String>> stacksSeen = new LinkedHashSet<>();
        for (int round = 0; round < 40 && stacksSeen.size() < 6; round++) {
            for (String tag : List.of("Lea2", "Lea1", "CM31", "MmSt")) {
                m.writeVirtual(m.kernel().globals().poolHitTag(), tag.getBytes(StandardCharsets.US_ASCII), 0, 4);
                StopEvent stop = runToStop(m);
                GroundTruthEntry hit = m.groundTruth().entries().stream().filter(GroundTruthEntry::broke)
                        .reduce((a, c) -> c).orElseThrow();
                List<Long> expected = new ArrayList<>(hit.stack().stream().map(ExpectedFrame::ip).toList());
                Collections.reverse(expected);
                Context c = stop.context();
                assertEquals(hex(expected), hex(walker.walk(c.rip(), c.rsp(), c.rbp())),
                        () -> tag + " stack " + hit.stack());
                stacksSeen.add(hit.stack().stream().map(ExpectedFrame::function).toList());
                m.setContext(stop.processor(), c.withRip(c.rip() + 1));
                m.resume(false, 0x400);
            }
        }
        assertEquals(6, stacksSeen.size(), () -> "distinct x86 pool stacks walked: " + stacksSeen);
    }

    @Test
    void steppingOutOfDbgBreakPointLandsInTheAllocatorWithAWalkableStack() {
        Machine m = Machine.boot(MachineConfig.DEFAULT.withArchitecture(Architecture.X86), X86, Ticker.system());
        m.writeVirtual(m.kernel().globals().poolHitTag(), "CM31".getBytes(StandardCharsets.US_ASCII), 0, 4);
        StopEvent hit = runToStop(m);
        GroundTruthEntry entry = m.groundTruth().entries().stream().filter(GroundTruthEntry::broke)
                .reduce((a, c) -> c).orElseThrow();
        assertEquals("nt!DbgBreakPoint", entry.stack().get(entry.stack().size() - 1).function());
        m.setContext(hit.processor(), hit.context().withRip(hit.programCounter() + 1));
        m.resume(true, 0x400);
        StopEvent ret = runToStop(m);
        assertEquals(StopEvent.STATUS_SINGLE_STEP, ret.exceptionCode());
        assertEquals(hit.programCounter() + 1, ret.programCounter(), "the ret of DbgBreakPoint");
        m.resume(true, 0x400);
        StopEvent back = runToStop(m);
        List<Long> expected = new ArrayList<>(entry.stack().stream().map(ExpectedFrame::ip).toList());
        expected.remove(expected.size() - 1);
        assertEquals(expected.get(expected.size() - 1), back.programCounter(), "back after the call in the allocator");
        assertEquals(hit.context().rsp() + 4, back.context().rsp(), "the ret popped the return address");
        Collections.reverse(expected);
        Context c = back.context();
        assertEquals(hex(expected), hex(new X86Walker(m).walk(c.rip(), c.rsp(), c.rbp())));
    }

    @Test
    void walkingTheBreakInGivesTheClockInterruptPath() {
        Machine m = Machine.boot(MachineConfig.DEFAULT.withArchitecture(Architecture.X86), X86, Ticker.system());
        m.requestBreakIn();
        StopEvent stop = runToStop(m);
        Context c = stop.context();
        long nt = 0x82800000L;
        // breakin-clock (x86 README): KiIdleLoop after hlt, KiClockInterrupt, KeClockInterruptNotify,
        // KdCheckForDebugBreak, the int 3 of DbgBreakPointWithStatus (manifest RVAs)
        List<Long> expected = List.of(nt + 4884, nt + 6338, nt + 6371, nt + 4787, nt + 4805);
        assertEquals(hex(expected), hex(new X86Walker(m).walk(c.rip(), c.rsp(), c.rbp())));
        assertEquals(1, c.rax(), "DbgBreakPointWithStatus status (DBG_STATUS_CONTROL_C) in EAX");
    }

    private static StopEvent runToStop(Machine m) {
        for (int i = 0; i < 5000; i++) {
            Optional<StopEvent> stop = m.run(50);
            if (stop.isPresent()) {
                return stop.get();
            }
        }
        throw new AssertionError("no stop in 250000 events");
    }

    private static List<String> hex(List<Long> values) {
        return values.stream().map(Long::toHexString).toList();
    }
}
