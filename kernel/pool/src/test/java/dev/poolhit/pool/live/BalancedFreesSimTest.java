package dev.poolhit.pool.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolhit.pool.record.TraceRecorder;
import dev.poolhit.pool.tag.PoolTag;
import dev.poolhit.pool.trace.HitKind;
import dev.poolhit.pool.trace.TraceSnapshot;
import dev.poolhit.sim.workload.GroundTruthEntry;
import dev.poolhit.sim.workload.PoolEventKind;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * myfault's balanced 'Lea1' traffic frees what it allocates, and its frees break in the cold stub
 * chained to {@code nt!ExFreePoolWithTag}: every free must still carry the block it frees (from the
 * function's home slot), or pairing reports balanced traffic as a leak.
 */
class BalancedFreesSimTest {
    private static final PoolTag LEA1 = PoolTag.parse("Lea1");
    @TempDir
    Path symbols;
    private LiveSim live;
    private PoolHitTagSession session;

    @BeforeEach
    void armLea1() {
        live = LiveSim.start(symbols);
        session = PoolHitTagSession.locate(live.target);
        session.arm(LEA1);
    }

    @AfterEach
    void close() {
        live.close();
    }

    @Test
    void everyFreeCarriesTheBlockTheGroundTruthFreed() {
        TraceRecorder recorder = LiveSim.recorder(LEA1);
        TraceResult result = session.trace(TraceRequest.of(200).withPair(true)).run(recorder);
        assertEquals(TraceEnd.COMPLETED, result.end(), result.message());
        TraceSnapshot hits = recorder.trace().snapshot();
        List<GroundTruthEntry> truth = live.machine.groundTruth().entries().stream().filter(GroundTruthEntry::broke).toList();
        int frees = 0;
        for (int i = 0; i < hits.size(); i++) {
            GroundTruthEntry e = truth.get(i);
            String at = "hit " + i + " (" + e + ")";
            assertEquals(e.kind() == PoolEventKind.ALLOC ? HitKind.ALLOC : HitKind.FREE, hits.kind(i), at);
            assertEquals(e.address(), hits.address(i), at);
            frees += hits.kind(i) == HitKind.FREE ? 1 : 0;
        }
        assertTrue(frees > 0, "the balanced traffic freed something");
        assertTrue(session.restorer().restore().restored());
    }
}
