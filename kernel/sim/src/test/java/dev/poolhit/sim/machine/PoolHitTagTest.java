package dev.poolhit.sim.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.poolhit.sim.FakeTicker;
import dev.poolhit.sim.ManifestView;
import dev.poolhit.sim.TestImages;
import dev.poolhit.sim.workload.GroundTruthEntry;
import dev.poolhit.sim.workload.PoolEventKind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PoolHitTagTest {
    private final Machine machine = Machine.boot(MachineConfig.DEFAULT, TestImages.load(), new FakeTicker());
    private final Debugger debugger = new Debugger(machine);

    /** Check-site address to kind ("alloc"/"free") from the manifest's break sites. */
    private static Map<Long, String> poolSites() {
        JsonNode nt = ManifestView.image("nt");
        Map<Long, String> sites = new HashMap<>();
        for (JsonNode site : nt.path("breakSites")) {
            String kind = site.path("kind").asText();
            if (kind.equals("alloc") || kind.equals("free")) {
                sites.put(ManifestView.base(nt) + site.path("rva").asLong(), kind);
            }
        }
        return sites;
    }

    @Test
    void idleValueNeverStops() {
        assertTrue(machine.run(5000).isEmpty());
        assertEquals(5000, machine.groundTruth().size());
        assertTrue(machine.groundTruth().entries().stream().noneMatch(GroundTruthEntry::broke));
        assertEquals(MachineState.RUNNING, machine.state());
    }

    @Test
    void armedLea2StopsOncePerLea2EventInOrderOnTheInt3() {
        StopEvent in = debugger.breakIn();
        assertTrue(in.breakIn());
        debugger.setPoolHitTag(Debugger.LEA2);
        debugger.skipAndGo();
        debugger.runUntil(4000);
        List<GroundTruthEntry> lea2 = machine.groundTruth().withTag(Debugger.LEA2);
        assertTrue(lea2.size() > 50, "workload made " + lea2.size() + " Lea2 events");
        assertEquals(lea2.size(), debugger.stops.size());
        Map<Long, String> sites = poolSites();
        for (int i = 0; i < lea2.size(); i++) {
            GroundTruthEntry truth = lea2.get(i);
            StopEvent stop = debugger.stops.get(i);
            assertEquals(StopEvent.STATUS_BREAKPOINT, stop.exceptionCode());
            assertEquals(truth.kind().label(), sites.get(stop.programCounter()), "site kind of stop " + i);
            assertEquals((byte) 0xcc, stop.instructionStream()[0]);
            assertEquals(truth.tag() & 0xffffffffL, stop.context().rdi(), "EDI = tag");
            assertEquals(truth.address(), truth.kind() == PoolEventKind.ALLOC ? stop.context().rax()
                    : stop.context().rbx(), "block address register");
            assertEquals(truth.thread(), stop.thread());
            assertEquals(truth.processor(), stop.processor());
            assertTrue(truth.broke());
        }
        assertEquals(lea2.size(), machine.groundTruth().entries().stream().filter(GroundTruthEntry::broke).count());
    }

    @Test
    void unchangedRipBreaksAgainAndRipPlusOneContinues() {
        debugger.breakIn();
        debugger.setPoolHitTag(Debugger.LEA2);
        debugger.skipAndGo();
        StopEvent first = machine.run(10_000).orElseThrow();
        int events = machine.groundTruth().size();
        machine.resume(false, 0x400);
        StopEvent again = machine.run(10_000).orElseThrow();
        assertEquals(first.programCounter(), again.programCounter());
        assertEquals(first.thread(), again.thread());
        assertEquals(events, machine.groundTruth().size(), "re-executing the int 3 starts no new event");
        debugger.skipAndGo();
        StopEvent next = machine.run(10_000).orElseThrow();
        assertTrue(machine.groundTruth().size() > events, "RIP + 1 went on to a later event");
        assertEquals(StopEvent.STATUS_BREAKPOINT, next.exceptionCode());
    }

    @Test
    void nopPatchedSitesStopOnlyAtADebuggerBreakpoint() {
        debugger.breakIn();
        debugger.setPoolHitTag(Debugger.LEA2);
        for (Map.Entry<Long, String> site : poolSites().entrySet()) {
            assertEquals(1, machine.writeVirtual(site.getKey(), new byte[] {(byte) 0x90}, 0, 1));
        }
        debugger.skipAndGo();
        assertTrue(machine.run(3000).isEmpty(), "nop-patched sites do not break");
        assertFalse(machine.groundTruth().withTag(Debugger.LEA2).isEmpty());
        debugger.breakIn();
        long small = ManifestView.base(ManifestView.image("nt")) + 8736;
        int handle = machine.writeBreakpoint(small).orElseThrow();
        debugger.skipAndGo();
        StopEvent hit = machine.run(10_000).orElseThrow();
        assertEquals(small, hit.programCounter());
        assertEquals((byte) 0x90, hit.instructionStream()[0], "stream shows the original byte, not the breakpoint");
        assertTrue(machine.restoreBreakpoint(handle));
        machine.resume(true, 0x400);
        StopEvent step = machine.run(10).orElseThrow();
        assertEquals(StopEvent.STATUS_SINGLE_STEP, step.exceptionCode());
        assertEquals(small + 1, step.programCounter(), "the jmp after the patched int 3");
        machine.writeBreakpoint(small).orElseThrow();
        machine.resume(false, 0x400);
        assertEquals(small, machine.run(10_000).orElseThrow().programCounter());
    }

    @Test
    void workerStopsNameTheirThreadAndProcessThroughWin7Offsets() {
        debugger.breakIn();
        debugger.setPoolHitTag(0x656c6946); // 'File': system worker threads
        debugger.skipAndGo();
        dev.poolhit.sim.TestReader read = new dev.poolhit.sim.TestReader(machine);
        for (int i = 0; i < 5; i++) {
            StopEvent stop = machine.run(20_000).orElseThrow();
            long process = read.u64(stop.thread() + 0x70); // KTHREAD.ApcState.Process
            assertEquals("System", read.ascii(process + 0x2e0, 15));
            assertEquals(4, read.u64(stop.thread() + 0x3b0), "Cid.UniqueProcess");
            assertEquals(stop.thread(), machine.currentThread(stop.processor()));
            long stackLimit = read.u64(stop.thread() + 0x30);
            long initialStack = read.u64(stop.thread() + 0x28);
            assertTrue(Long.compareUnsigned(stop.context().rsp(), stackLimit) > 0
                    && Long.compareUnsigned(stop.context().rsp(), initialStack) < 0, "RSP inside the kernel stack");
            debugger.skipAndGo();
        }
    }

    @Test
    void compareIgnoresTheProtectedBitOfTheBlockTag() {
        debugger.breakIn();
        debugger.setPoolHitTag(0x31334d43); // 'CM31': the workload passes it with bit 31 set
        debugger.skipAndGo();
        StopEvent stop = machine.run(20_000).orElseThrow();
        assertEquals(0xb1334d43L, stop.context().rdi(), "EDI = tag as passed, protected bit included");
        debugger.setPoolHitTag(0x31334d43 | 0x80000000);
        debugger.skipAndGo();
        int before = machine.groundTruth().withTag(0x31334d43).size();
        assertTrue(machine.run(3000).isEmpty(), "a PoolHitTag with bit 31 set matches nothing");
        assertTrue(machine.groundTruth().withTag(0x31334d43).size() > before);
    }
}
