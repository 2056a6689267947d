package dev.poolhit.sim.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolhit.sim.FakeTicker;
import dev.poolhit.sim.ManifestView;
import dev.poolhit.sim.TestImages;
import dev.poolhit.sim.TestReader;
import dev.poolhit.sim.workload.ExpectedFrame;
import dev.poolhit.sim.workload.GroundTruthEntry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Stacks at stops, walked by the test's own manifest-driven unwinder, equal the ground truth. */
class StackUnwindTest {
    private static final int[] TAGS = {0x3261654c, 0x2070724c, 0x20707249, 0x74636f49, 0x31334d43, 0x656c6946,
            0x74536d4d, 0x3161654c};

    @Test
    void unwindingRandomCheckSiteStopsRecoversGroundTruthReturnAddresses() {
        Machine machine = Machine.boot(MachineConfig.DEFAULT.withSeed(42), TestImages.load(), new FakeTicker());
        Debugger debugger = new Debugger(machine);
        ManifestUnwinder unwinder = new ManifestUnwinder(new TestReader(machine));
        debugger.breakIn();
        int checked = 0;
        for (int round = 0; round < 40 && checked < 300; round++) {
            debugger.setPoolHitTag(TAGS[round % TAGS.length]);
            debugger.skipAndGo();
            for (int i = 0; i < 10; i++) {
                Optional<StopEvent> stop = machine.run(5000);
                if (stop.isEmpty()) {
                    break;
                }
                GroundTruthEntry truth = lastBroke(machine);
                List<Long> expected = new ArrayList<>(truth.stack().stream().map(ExpectedFrame::ip).toList());
                Collections.reverse(expected);
                assertEquals(expected, unwinder.walk(stop.get().context()), "stack of event " + truth.sequence());
                checked++;
                if (i < 9) {
                    debugger.skipAndGo();
                }
            }
            if (machine.state() == MachineState.RUNNING) {
                debugger.breakIn();
            }
        }
        assertTrue(checked >= 300, "checked " + checked + " stops");
    }

    @Test
    void entryBreakpointStacksUnwindToTheGroundTruthCallers() {
        Machine machine = Machine.boot(MachineConfig.DEFAULT.withSeed(5), TestImages.load(), new FakeTicker());
        Debugger debugger = new Debugger(machine);
        ManifestUnwinder unwinder = new ManifestUnwinder(new TestReader(machine));
        debugger.breakIn();
        List<Long> entries = List.of(ManifestView.ntPublic("ExAllocatePoolWithTag"),
                ManifestView.ntPublic("ExFreePoolWithTag"));
        entries.forEach(a -> machine.writeBreakpoint(a).orElseThrow());
        debugger.skipAndGo();
        for (int i = 0; i < 200; i++) {
            StopEvent stop = machine.run(100).orElseThrow();
            GroundTruthEntry truth = machine.groundTruth().entries().get(machine.groundTruth().size() - 1);
            String function = machine.describe(stop.programCounter());
            int index = truth.stack().stream().map(ExpectedFrame::function).toList().indexOf(function);
            List<Long> expected = new ArrayList<>(truth.stack().subList(0, index).stream().map(ExpectedFrame::ip).toList());
            expected.add(stop.programCounter());
            Collections.reverse(expected);
            assertEquals(expected, unwinder.walk(stop.context()), "entry stack of event " + truth.sequence());
            int handle = entries.indexOf(stop.programCounter()) + 1;
            machine.restoreBreakpoint(handle);
            machine.resume(true, 0x400);
            assertEquals(StopEvent.STATUS_SINGLE_STEP, machine.run(1).orElseThrow().exceptionCode());
            assertEquals(handle, machine.writeBreakpoint(stop.programCounter()).orElseThrow());
            machine.resume(false, 0x400);
        }
    }

    @Test
    void homeSlotsHoldSizeAndFreedAddress() {
        Machine machine = Machine.boot(MachineConfig.DEFAULT, TestImages.load(), new FakeTicker());
        Debugger debugger = new Debugger(machine);
        TestReader read = new TestReader(machine);
        debugger.breakIn();
        debugger.setPoolHitTag(0x3161654c); // 'Lea1': allocated and freed through myfault
        debugger.skipAndGo();
        int allocs = 0;
        int frees = 0;
        while (allocs < 5 || frees < 5) {
            StopEvent stop = machine.run(10_000).orElseThrow();
            GroundTruthEntry truth = lastBroke(machine);
            long childSp = callerChildSp(machine, stop, truth);
            if (truth.kind().label().equals("alloc")) {
                assertEquals(truth.size(), read.u64(childSp + 8), "NumberOfBytes home slot");
                assertEquals(truth.tag(), (int) read.u32(childSp + 0x10), "Tag home slot");
                allocs++;
            } else {
                assertEquals(truth.address(), read.u64(childSp), "P home slot");
                frees++;
            }
            debugger.skipAndGo();
        }
    }

    /** Child-SP of the frame that called ExAllocatePoolWithTag / ExFreePoolWithTag, from the test unwinder's view. */
    private static long callerChildSp(Machine machine, StopEvent stop, GroundTruthEntry truth) {
        String api = truth.kind().label().equals("alloc") ? "nt!ExAllocatePoolWithTag" : "nt!ExFreePoolWithTag";
        int apiIndex = truth.stack().stream().map(ExpectedFrame::function).toList().indexOf(api);
        long returnAddress = truth.stack().get(apiIndex - 1).ip();
        TestReader read = new TestReader(machine);
        for (long slot = stop.context().rsp(); ; slot += 8) {
            if (read.u64(slot) == returnAddress) {
                return slot + 8;
            }
        }
    }

    private static GroundTruthEntry lastBroke(Machine machine) {
        List<GroundTruthEntry> entries = machine.groundTruth().entries();
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (entries.get(i).broke()) {
                return entries.get(i);
            }
        }
        throw new AssertionError("no entry broke; manifest " + ManifestView.root().path("schemaVersion"));
    }
}
