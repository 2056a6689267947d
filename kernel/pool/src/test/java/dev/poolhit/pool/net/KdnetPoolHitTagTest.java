package dev.poolhit.pool.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolhit.kd.session.SessionOptions;
import dev.poolhit.kd.transport.KdClock;
import dev.poolhit.kd.transport.Transports;
import dev.poolhit.kd.transport.kdnet.KdnetDrop;
import dev.poolhit.kd.transport.kdnet.KdnetLink;
import dev.poolhit.kd.transport.kdnet.KdnetStats;
import dev.poolhit.pool.live.PoolHitTagSession;
import dev.poolhit.pool.live.RestoreReport;
import dev.poolhit.pool.live.TraceEnd;
import dev.poolhit.pool.live.TraceRequest;
import dev.poolhit.pool.live.TraceResult;
import dev.poolhit.pool.record.TraceRecorder;
import dev.poolhit.pool.tag.PoolTag;
import dev.poolhit.pool.trace.HitKind;
import dev.poolhit.pool.trace.Missing;
import dev.poolhit.pool.trace.TraceInfo;
import dev.poolhit.pool.trace.TraceSnapshot;
import dev.poolhit.sim.images.SimImages;
import dev.poolhit.sim.kd.SimConfig;
import dev.poolhit.sim.kd.net.DatagramFaults;
import dev.poolhit.sim.kd.net.KdnetSimOptions;
import dev.poolhit.sim.kd.net.KdnetSimTarget;
import dev.poolhit.sim.machine.Machine;
import dev.poolhit.sim.workload.ExpectedFrame;
import dev.poolhit.sim.workload.GroundTruthEntry;
import dev.poolhit.sim.workload.PoolEventKind;
import dev.poolhit.target.kd.KdTarget;
import dev.poolhit.target.kd.KdTargetOptions;
import dev.poolhit.target.symbol.SymbolPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole PoolHitTag flow (attach, arm 'Lea2', trace 200 or 500, restore) against the simulator over
 * KDNET on real loopback UDP, perfect and with lost, reordered and duplicated datagrams; hits
 * must match the simulator's ground truth exactly.
 */
class KdnetPoolHitTagTest {
    private static final PoolTag LEA2 = PoolTag.parse("Lea2");
    private static final Duration ACK = Duration.ofMillis(100);
    @TempDir
    Path symbols;

    @Test
    void theFlowMatchesTheGroundTruthOverAPerfectNetwork() throws Exception {
        KdnetStats stats = attachTraceRestore(DatagramFaults.NONE, 200);
        assertEquals(0, stats.droppedTotal(), stats.summary());
    }

    /**
     * A lost datagram may be the target's ACK of the last Continue2 (the restore's): the target runs
     * and ignores the resends; the session's RESET probe (kd ContinueGuard) settles it.
     */
    @Test
    void theFlowMatchesTheGroundTruthWithTwoPercentLossAndReorderingAndDuplicates() throws Exception {
        KdnetStats stats = attachTraceRestore(new DatagramFaults(0.02, 0.01, 0.01, 7), 500);
        assertTrue(stats.dropped(KdnetDrop.REPLAYED) > 0, "duplicates and late datagrams are dropped: " + stats.summary());
        assertEquals(0, stats.dropped(KdnetDrop.BAD_HMAC), stats.summary());
    }

    /** The long run of the same (install/bench.sh): 5,000 hits for each of three seeds. */
    @Test
    @Tag("fuzz-long")
    void fiveThousandHitsWithTwoPercentLossForSeveralSeeds() throws Exception {
        for (long seed = 1; seed <= 3; seed++) {
            KdnetStats stats = attachTraceRestore(new DatagramFaults(0.02, 0.01, 0.01, seed), 5_000);
            assertEquals(0, stats.dropped(KdnetDrop.BAD_HMAC), stats.summary());
        }
    }

    private KdnetStats attachTraceRestore(DatagramFaults faults, int hits) throws Exception {
        KdnetSimOptions options = KdnetSimOptions.loopback(KdnetSimOptions.freeLoopbackPort())
                .withPokeInterval(Duration.ofMillis(200)).withFaults(faults);
        SimConfig config = SimConfig.DEFAULT.withEventsPerSecond(0).withAckTimeout(ACK);
        try (KdnetSimTarget sim = KdnetSimTarget.start(config, options)) {
            KdnetLink link = (KdnetLink) Transports.openLink(sim.hostSpec(), Duration.ofSeconds(5), KdClock.system());
            try (KdTarget target = KdTarget.attach(link, targetOptions())) {
                Machine machine = sim.machine();
                PoolHitTagSession session = PoolHitTagSession.locate(target);
                byte[] nt = simBytes(machine, target.info().kernBase(), 0x3000);
                assertEquals(PoolTag.IDLE, session.arm(LEA2));
                TraceRecorder recorder = TraceRecorder.inMemory(new TraceInfo("kdnet sim", Missing.TEXT, LEA2,
                        Missing.LONG), Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
                TraceResult result = session.trace(TraceRequest.of(hits).withTimeout(Duration.ofMinutes(30))).run(recorder);
                assertEquals(TraceEnd.COMPLETED, result.end(), result.message());
                compareWithGroundTruth(recorder.trace().snapshot(), machine, hits);
                RestoreReport report = session.restorer().restore();
                assertTrue(report.restored(), report.summary());
                long tag = machine.kernel().globals().poolHitTag();
                assertArrayEquals(new byte[] {0x0f, (byte) 0xff, (byte) 0xff, (byte) 0xff}, simBytes(machine, tag, 4));
                assertArrayEquals(nt, simBytes(machine, target.info().kernBase(), nt.length), "kernel code as before");
                assertEquals(0, machine.breakpointCount());
                KdnetStats stats = link.stats();
                assertEquals(1, stats.handshakes(), stats.summary());
                return stats;
            }
        }
    }

    private KdTargetOptions targetOptions() throws Exception {
        for (String f : SimImages.x64().fileNames()) {
            if (f.endsWith(".pdb")) {
                Files.write(symbols.resolve(f), SimImages.x64().bytes(f));
            }
        }
        KdTargetOptions d = KdTargetOptions.defaults();
        return new KdTargetOptions(java.util.Optional.of(SymbolPath.parse(symbols.toString(), symbols)),
                d.symbolServer(), Duration.ofSeconds(30), Duration.ofSeconds(30), true,
                new SessionOptions(ACK, 100, Duration.ofMillis(300)), d.listener());
    }

    private static byte[] simBytes(Machine machine, long address, int length) {
        byte[] out = new byte[length];
        machine.readVirtual(address, out, 0, length);
        return out;
    }

    private static void compareWithGroundTruth(TraceSnapshot hits, Machine machine, int hitCount) {
        assertEquals(hitCount, hits.size());
        List<GroundTruthEntry> truth = machine.groundTruth().entries().stream().filter(GroundTruthEntry::broke).toList();
        for (int i = 0; i < hits.size(); i++) {
            GroundTruthEntry e = truth.get(i);
            String at = "hit " + i + " (" + e + ")";
            boolean alloc = e.kind() == PoolEventKind.ALLOC;
            assertEquals(alloc ? HitKind.ALLOC : HitKind.FREE, hits.kind(i), at);
            assertEquals(e.tag() & 0x7fffffff, hits.tagValue(i) & 0x7fffffff, at);
            assertEquals(e.thread(), hits.thread(i), at);
            assertEquals(e.processor(), hits.processor(i), at);
            assertEquals(alloc ? e.size() : e.address(), alloc ? hits.size(i) : hits.address(i), at);
            List<ExpectedFrame> expected = new ArrayList<>(e.stack());
            Collections.reverse(expected);
            int stack = hits.stackId(i);
            for (int f = 0; f < Math.min(expected.size(), hits.stackDepth(stack)); f++) {
                assertEquals(expected.get(f).ip(), hits.ip(stack, f), at + " frame " + f);
            }
        }
    }
}
