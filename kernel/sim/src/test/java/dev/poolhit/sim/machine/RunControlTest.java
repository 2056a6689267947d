package dev.poolhit.sim.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolhit.common.LittleEndian;
import dev.poolhit.sim.FakeTicker;
import dev.poolhit.sim.ManifestView;
import dev.poolhit.sim.TestImages;
import dev.poolhit.sim.TestReader;
import dev.poolhit.sim.workload.GroundTruthEntry;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RunControlTest {
    @Test
    void breakInFromAnotherThreadStopsAtBreakpointWithStatusOnTheIdleThread() throws Exception {
        Machine machine = Machine.boot(MachineConfig.DEFAULT, TestImages.load(), new FakeTicker());
        CompletableFuture<Optional<StopEvent>> running = CompletableFuture.supplyAsync(() -> machine.run(Long.MAX_VALUE));
        machine.requestBreakIn();
        StopEvent stop = running.get(30, TimeUnit.SECONDS).orElseThrow();
        assertTrue(stop.breakIn());
        assertEquals(StopEvent.STATUS_BREAKPOINT, stop.exceptionCode());
        assertEquals(ManifestView.ntPublic("RtlpBreakWithStatusInstruction"), stop.programCounter());
        assertEquals(machine.kernel().idleThreads().get(0).ethread(), stop.thread());
        assertEquals(stop.thread(), machine.currentThread(0));
        assertEquals((byte) 0xcc, stop.instructionStream()[0]);
        assertEquals(MachineState.BROKEN, machine.state());
        List<Long> ips = new ManifestUnwinder(new TestReader(machine)).walk(stop.context());
        assertEquals(List.of("nt!DbgBreakPointWithStatus", "nt!KdCheckForDebugBreak",
                "nt!KeClockInterruptNotify", "nt!KiInterruptDispatchNoLock", "nt!KiIdleLoop"),
                ips.stream().map(machine::describe).map(s -> s.replaceAll("\\+.*", "")).toList());
    }

    @Test
    void pacedRunWaitsOnTheInjectedTickerAndBreaksInWhileWaiting() {
        FakeTicker ticker = new FakeTicker();
        Machine machine = Machine.boot(MachineConfig.DEFAULT.withEventsPerSecond(100), TestImages.load(), ticker);
        long start = ticker.nanoTime();
        assertTrue(machine.run(50).isEmpty());
        assertTrue(ticker.nanoTime() - start >= 480_000_000L, "50 events at 100/s took simulated time");
        AtomicInteger parks = new AtomicInteger();
        ticker.onPark(() -> {
            if (parks.incrementAndGet() == 3) {
                machine.requestBreakIn();
            }
        });
        StopEvent stop = machine.run(Long.MAX_VALUE).orElseThrow();
        assertTrue(stop.breakIn());
    }

    @Test
    void unchangedRipAtBreakInBreaksAgain() {
        Machine machine = Machine.boot(MachineConfig.DEFAULT, TestImages.load(), new FakeTicker());
        StopEvent first = new Debugger(machine).breakIn();
        machine.resume(false, 0x400);
        StopEvent again = machine.run(5).orElseThrow();
        assertEquals(first.programCounter(), again.programCounter());
        assertTrue(again.breakIn());
    }

    @Test
    void entryBreakpointShowsArgumentsAndSingleStepReachesTheNextPoint() {
        Machine machine = Machine.boot(MachineConfig.DEFAULT, TestImages.load(), new FakeTicker());
        Debugger debugger = new Debugger(machine);
        debugger.breakIn();
        long entry = ManifestView.ntPublic("ExAllocatePoolWithTag");
        int handle = machine.writeBreakpoint(entry).orElseThrow();
        assertTrue(machine.writeBreakpoint(entry).isEmpty(), "duplicate address fails");
        debugger.skipAndGo();
        StopEvent stop = machine.run(1000).orElseThrow();
        GroundTruthEntry truth = last(machine);
        assertEquals(entry, stop.programCounter());
        assertEquals(truth.size(), stop.context().rdx(), "NumberOfBytes in RDX");
        assertEquals(truth.tag() & 0xffffffffL, stop.context().r8(), "Tag in R8");
        assertEquals(0x48, stop.instructionStream()[0] & 0xff, "stream hides the breakpoint: mov [rsp+8],rcx");
        long returnAddress = new TestReader(machine).u64(stop.context().rsp());
        assertEquals(truth.stack().get(truth.stack().size() - 3).ip(), returnAddress, "caller's return address");
        assertTrue(machine.restoreBreakpoint(handle));
        assertFalse(machine.restoreBreakpoint(handle), "restoring a free handle fails");
        machine.resume(true, 0x400);
        StopEvent step = machine.run(10).orElseThrow();
        assertEquals(StopEvent.STATUS_SINGLE_STEP, step.exceptionCode());
        assertTrue(machine.describe(step.programCounter()).startsWith("nt!ExpAllocate"), machine.describe(step.programCounter()));
        assertEquals(Context.EFLAGS_TRAP, step.context().eflags() & Context.EFLAGS_TRAP);
    }

    @Test
    void returnBreakpointSeesTheBlockInRax() {
        Machine machine = Machine.boot(MachineConfig.DEFAULT, TestImages.load(), new FakeTicker());
        Debugger debugger = new Debugger(machine);
        debugger.breakIn();
        JsonReturn site = JsonReturn.myfaultLeakReturn();
        machine.writeBreakpoint(site.address()).orElseThrow();
        debugger.skipAndGo();
        StopEvent stop = machine.run(10_000).orElseThrow();
        assertEquals(site.address(), stop.programCounter());
        GroundTruthEntry truth = last(machine);
        assertEquals(truth.address(), stop.context().rax());
        assertEquals(0x3261654c, truth.tag());
    }

    /** The return address after MyfaultLeakPool's call to ExAllocatePoolWithTag, from the manifest call sites. */
    private record JsonReturn(long address) {
        static JsonReturn myfaultLeakReturn() {
            var myfault = ManifestView.image("myfault");
            for (var site : myfault.path("callSites")) {
                if (site.path("callerName").asText().equals("MyfaultLeakPool")) {
                    return new JsonReturn(ManifestView.base(myfault) + site.path("returnRva").asLong());
                }
            }
            throw new AssertionError("no call site in MyfaultLeakPool");
        }
    }

    @Test
    void callsThatNeedABrokenMachineFailWhileRunning() {
        Machine machine = Machine.boot(MachineConfig.DEFAULT, TestImages.load(), new FakeTicker());
        MachineStateException e = assertThrows(MachineStateException.class, () -> machine.resume(false, 0));
        assertEquals("Continue while RUNNING: expected BROKEN (break in first)", e.getMessage());
        new Debugger(machine).breakIn();
        assertEquals("run while BROKEN: expected RUNNING (resume first)",
                assertThrows(MachineStateException.class, () -> machine.run(1)).getMessage());
        assertEquals("processor out of range: expected 0..1, actual 2",
                assertThrows(MachineStateException.class, () -> machine.context(2)).getMessage());
    }

    @Test
    void sameSeedSameGroundTruthOtherSeedOther() {
        List<GroundTruthEntry> a = armedRun(MachineConfig.DEFAULT.withSeed(99));
        List<GroundTruthEntry> b = armedRun(MachineConfig.DEFAULT.withSeed(99));
        List<GroundTruthEntry> c = armedRun(MachineConfig.DEFAULT.withSeed(100));
        assertEquals(a, b);
        assertNotEquals(a, c);
    }

    private static List<GroundTruthEntry> armedRun(MachineConfig config) {
        Machine machine = Machine.boot(config, TestImages.load(), new FakeTicker());
        Debugger debugger = new Debugger(machine);
        debugger.breakIn();
        debugger.setPoolHitTag(0x3261654c);
        debugger.skipAndGo();
        debugger.runUntil(1500);
        return machine.groundTruth().entries();
    }

    @Test
    void rebootGivesAFreshMachine() {
        Machine machine = Machine.boot(MachineConfig.DEFAULT, TestImages.load(), new FakeTicker());
        Debugger debugger = new Debugger(machine);
        debugger.breakIn();
        debugger.setPoolHitTag(0x3261654c);
        machine.writeBreakpoint(ManifestView.ntPublic("ExFreePool")).orElseThrow();
        machine.reboot();
        assertEquals(2, machine.bootCount());
        assertEquals(MachineState.RUNNING, machine.state());
        assertEquals(0, machine.groundTruth().size());
        assertEquals(0, machine.breakpointCount());
        byte[] tag = new byte[4];
        machine.readVirtual(ManifestView.ntPublic("PoolHitTag"), tag, 0, 4);
        assertEquals(0xffffff0fL, LittleEndian.u32(tag, 0), "PoolHitTag back to its idle value");
    }

    @Test
    void rebootKnobRebootsAfterThatManyEvents() {
        Machine machine = Machine.boot(new MachineConfig(3, dev.poolhit.sim.workload.WorkloadMix.DEFAULT, 0, 2, 300),
                TestImages.load(), new FakeTicker());
        assertTrue(machine.run(1000).isEmpty());
        assertEquals(300, machine.groundTruth().size(), "stopped at the reboot point");
        assertTrue(machine.run(1000).isEmpty());
        assertEquals(2, machine.bootCount());
        assertEquals(0, machine.groundTruth().size());
    }

    private static GroundTruthEntry last(Machine machine) {
        List<GroundTruthEntry> entries = machine.groundTruth().entries();
        return entries.get(entries.size() - 1);
    }
}
