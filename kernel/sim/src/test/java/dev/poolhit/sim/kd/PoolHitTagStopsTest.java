package dev.poolhit.sim.kd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolhit.common.LittleEndian;
import dev.poolhit.kd.protocol.Amd64Context;
import dev.poolhit.kd.protocol.Amd64Register;
import dev.poolhit.kd.protocol.Continue2Args;
import dev.poolhit.kd.protocol.NtStatus;
import dev.poolhit.kd.protocol.StateChange64;
import dev.poolhit.kd.session.KdClient;
import dev.poolhit.sim.machine.Machine;
import dev.poolhit.sim.workload.GroundTruthEntry;
import dev.poolhit.sim.workload.PoolEventKind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The PoolHitTag technique over the wire, in process: the stops the host sees match the machine's
 * ground-truth log one for one, and the idle value never stops the machine.
 */
class PoolHitTagStopsTest {
    private static final int STOPS = 6;
    private static final byte[] LEA2 = "Lea2".getBytes(StandardCharsets.US_ASCII);

    /** One stop as the host saw it: where, which tag (EDI), which block (alloc RAX, free RBX). */
    private record SeenStop(long pc, int tag, long rax, long rbx) {}

    private SimulatedTarget target;
    private Host host;
    private Machine machine;
    private KdClient client;

    @BeforeEach
    void connect() throws Exception {
        target = SimulatedTarget.start(SimConfig.DEFAULT.withEventsPerSecond(0));
        machine = target.machine();
        host = new Host(target.hostEnd());
        client = host.client;
        host.breakInAndConnect();
    }

    @AfterEach
    void close() throws Exception {
        host.close();
        assertTrue(target.awaitTermination(Host.CALL));
        assertTrue(target.failure().isEmpty(), () -> "target failed: " + target.failure());
    }

    @Test
    void stopsMatchTheGroundTruthOneForOne() throws Exception {
        long poolHitTag = machine.kernel().globals().poolHitTag();
        client.writeVirtual(poolHitTag, LEA2);
        List<SeenStop> seen = new ArrayList<>();
        while (seen.size() < STOPS) {
            StateChange64 stop = stepPastInt3AndContinue();
            assertEquals(NtStatus.STATUS_BREAKPOINT.code(), stop.exceptionRecord().code());
            assertEquals(stop.programCounter(), stop.exceptionRecord().address());
            assertEquals((byte) 0xcc, client.readVirtual(stop.programCounter(), 1)[0], "RIP on the int 3");
            Amd64Context c = client.getContext(stop.processor());
            assertEquals(stop.programCounter(), c.rip());
            seen.add(new SeenStop(c.rip(), (int) c.get(Amd64Register.RDI), c.get(Amd64Register.RAX),
                    c.get(Amd64Register.RBX)));
        }

        List<GroundTruthEntry> broke = machine.groundTruth().entries().stream().filter(GroundTruthEntry::broke).toList();
        List<GroundTruthEntry> lea2 = machine.groundTruth().withTag(LittleEndian.i32(LEA2, 0));
        assertEquals(STOPS, broke.size(), "one stop per event that broke");
        assertEquals(lea2, broke, "every Lea2 event broke, and only those");
        for (int i = 0; i < STOPS; i++) {
            SeenStop s = seen.get(i);
            GroundTruthEntry e = broke.get(i);
            assertEquals("Lea2", e.tagText());
            assertEquals(e.tag() & 0x7fffffff, s.tag() & 0x7fffffff, "tag in EDI at stop " + i);
            boolean free = machine.describe(s.pc()).contains("Free");
            assertEquals(e.kind(), free ? PoolEventKind.FREE : PoolEventKind.ALLOC, "kind at stop " + i);
            assertEquals(e.address(), free ? s.rbx() : s.rax(), "block at stop " + i);
        }
    }

    @Test
    void theIdleValueNeverStops() throws Exception {
        long idle = LittleEndian.u32(client.readVirtual(machine.kernel().globals().poolHitTag(), 4), 0);
        skipInt3();
        client.continue2(NtStatus.DBG_EXCEPTION_HANDLED.code(), false, Continue2Args.DR7_NONE);
        awaitEvents(3000);
        StateChange64 stop = host.breakIn();
        assertEquals(machine.kernel().globals().breakpointWithStatus(), stop.programCounter(),
                "the only stop is the break-in (PoolHitTag 0x" + Long.toHexString(idle) + ")");
        assertTrue(machine.groundTruth().size() >= 3000);
        assertTrue(machine.groundTruth().entries().stream().noneMatch(GroundTruthEntry::broke));
    }

    @Test
    void traceFlagStopsWithSingleStep() throws Exception {
        skipInt3();
        client.continue2(NtStatus.DBG_EXCEPTION_HANDLED.code(), true, Continue2Args.DR7_NONE);
        StateChange64 step = client.awaitStateChange(Host.CALL);
        assertEquals(NtStatus.STATUS_SINGLE_STEP.code(), step.exceptionRecord().code());
        assertEquals(step.programCounter(), step.exceptionRecord().address());
        assertEquals(step.programCounter(), client.getContext(step.processor()).rip());
    }

    /** As WinDbg after a hard-coded int 3: SetContext with RIP + 1, then Continue2 (kd-protocol.md 10.3). */
    private StateChange64 stepPastInt3AndContinue() throws Exception {
        skipInt3();
        client.continue2(NtStatus.DBG_EXCEPTION_HANDLED.code(), false, Continue2Args.DR7_NONE);
        return client.awaitStateChange(Host.CALL);
    }

    private void skipInt3() throws Exception {
        StateChange64 last = host.session.lastStateChange();
        Amd64Context c = client.getContext(last.processor());
        client.setContext(last.processor(), c.with(Amd64Register.RIP, c.rip() + 1));
    }

    /** Waits (bounded, real time) for the running machine to have performed {@code n} workload events. */
    private void awaitEvents(int n) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (machine.groundTruth().size() < n) {
            assertTrue(System.nanoTime() < end, "machine performed only " + machine.groundTruth().size() + " events");
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }
}
