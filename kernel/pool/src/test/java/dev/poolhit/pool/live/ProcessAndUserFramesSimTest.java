package dev.poolhit.pool.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolhit.pool.record.TraceRecorder;
import dev.poolhit.pool.tag.PoolTag;
import dev.poolhit.pool.trace.TraceSnapshot;
import dev.poolhit.sim.kernel.SimProcess;
import dev.poolhit.sim.workload.ExpectedFrame;
import dev.poolhit.sim.workload.GroundTruthEntry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code process} column and user-mode frames of traced hits, against the simulator's ground
 * truth: IOCTL hits belong to leakyapp.exe and their stacks run through KiSystemCall64 into
 * ntdll/leakyapp up to RtlUserThreadStart; worker hits belong to System and stay in the kernel.
 */
class ProcessAndUserFramesSimTest {
    @TempDir
    Path symbols;
    private LiveSim live;
    private PoolHitTagSession session;

    @BeforeEach
    void start() {
        live = LiveSim.start(symbols);
        session = PoolHitTagSession.locate(live.target);
    }

    @AfterEach
    void close() {
        session.restorer().restore();
        live.close();
    }

    @Test
    void ioctlHitsAreLeakyappsWithFramesDownToRtlUserThreadStart() {
        TraceSnapshot hits = trace("Irp ", 20);
        List<GroundTruthEntry> truth = broke();
        for (int i = 0; i < hits.size(); i++) {
            GroundTruthEntry e = truth.get(i);
            assertEquals("leakyapp.exe", e.process());
            assertEquals(eprocessOf(e), hits.process(i), "hit " + i);
            List<String> user = compareFrames(e, hits, i);
            assertEquals(List.of("ntdll!NtDeviceIoControlFile", "leakyapp!LeakyIssueIoctl", "leakyapp!LeakyMain",
                    "ntdll!RtlUserThreadStart"), user, "hit " + i);
        }
        assertEquals("leakyapp.exe (2500)", live.target.thread().orElseThrow().process().text(),
                "the thread at the last stop");
    }

    @Test
    void workerHitsAreTheSystemProcessAndStayInTheKernel() {
        TraceSnapshot hits = trace("CM31", 10);
        List<GroundTruthEntry> truth = broke();
        for (int i = 0; i < hits.size(); i++) {
            GroundTruthEntry e = truth.get(i);
            assertEquals("System", e.process());
            assertEquals(eprocessOf(e), hits.process(i), "hit " + i);
            assertTrue(compareFrames(e, hits, i).isEmpty(), "hit " + i + " has no user frames");
        }
        assertEquals("System (4)", live.target.thread().orElseThrow().process().text());
    }

    private TraceSnapshot trace(String tag, int n) {
        PoolTag armed = PoolTag.parse(tag);
        session.arm(armed);
        TraceRecorder recorder = LiveSim.recorder(armed);
        TraceResult result = session.trace(TraceRequest.of(n)).run(recorder);
        assertEquals(TraceEnd.COMPLETED, result.end(), result.message());
        TraceSnapshot hits = recorder.trace().snapshot();
        assertEquals(n, hits.size());
        return hits;
    }

    private List<GroundTruthEntry> broke() {
        return live.machine.groundTruth().entries().stream().filter(GroundTruthEntry::broke).toList();
    }

    private long eprocessOf(GroundTruthEntry e) {
        return live.machine.kernel().processes().stream().filter(p -> p.pid() == e.processId())
                .mapToLong(SimProcess::eprocess).findFirst().orElseThrow();
    }

    /** Every frame's ip and return address as the truth has them; returns the user frames' names. */
    private static List<String> compareFrames(GroundTruthEntry e, TraceSnapshot hits, int i) {
        List<ExpectedFrame> expected = new ArrayList<>(e.stack());
        Collections.reverse(expected);
        int stack = hits.stackId(i);
        assertEquals(expected.size(), hits.stackDepth(stack), () -> "hit " + i + " depth; truth " + expected);
        List<String> user = new ArrayList<>();
        for (int f = 0; f < expected.size(); f++) {
            assertEquals(expected.get(f).ip(), hits.ip(stack, f), "hit " + i + " frame " + f);
            long ret = f + 1 < expected.size() ? expected.get(f + 1).ip() : 0;
            assertEquals(ret, hits.returnAddress(stack, f), "hit " + i + " frame " + f + " return");
            if (expected.get(f).ip() >= 0) {
                String name = hits.module(stack, f) + "!" + hits.function(stack, f);
                assertEquals(expected.get(f).function(), name, "hit " + i + " frame " + f);
                user.add(name);
            }
        }
        return user;
    }
}
