package dev.poolhit.pool.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolhit.pool.record.TraceRecorder;
import dev.poolhit.pool.tag.PoolTag;
import dev.poolhit.pool.trace.HitKind;
import dev.poolhit.pool.trace.TraceSnapshot;
import dev.poolhit.sim.kd.SimMain;
import dev.poolhit.target.kd.KdTarget;
import dev.poolhit.target.kd.KdTargetOptions;
import dev.poolhit.target.kd.TargetState;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole flow over real loopback TCP to the standalone simulator process (SimMain), with load-symbols announcements. */
class TcpSimMainTest {
    @TempDir
    Path dir;

    @Test
    void attachArmTraceAndRestoreOverTcp() throws Exception {
        Path pdbs = Files.createDirectory(dir.resolve("symbols"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), SimMain.class.getName(),
                "--port", "0", "--seed", "7", "--events-per-second", "0", "--load-symbols")
                .redirectError(dir.resolve("stderr.txt").toFile()).start();
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            BufferedReader stdout = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            Future<String> line = executor.submit(stdout::readLine);
            int port = Integer.parseInt(line.get(60, TimeUnit.SECONDS).trim());
            KdTargetOptions options = KdTargetOptions.defaults().withSymbolPath(LiveSim.pdbFolder(pdbs));
            try (KdTarget target = KdTarget.open("tcp:127.0.0.1:" + port, options)) {
                assertEquals(7601, target.info().build());
                assertEquals(2, target.modules().all().size(), target.modules().all().toString());
                PoolHitTagSession session = PoolHitTagSession.locate(target);
                assertEquals(PoolTag.IDLE, session.arm(PoolTag.parse("Lea2")));
                TraceRecorder recorder = LiveSim.recorder(PoolTag.parse("Lea2"));
                TraceResult result = session.trace(TraceRequest.of(100)).run(recorder);
                assertEquals(TraceEnd.COMPLETED, result.end(), result.message());
                TraceSnapshot hits = recorder.trace().snapshot();
                assertEquals(100, hits.size());
                for (int i = 0; i < hits.size(); i++) {
                    assertNotEquals(HitKind.UNKNOWN, hits.kind(i), "hit " + i);
                    assertTrue(hits.depth(i) >= 5, "hit " + i + " depth " + hits.depth(i));
                }
                assertTrue(session.restorer().restore().restored());
                target.breakIn();
                target.awaitStop(Duration.ofSeconds(20)).orElseThrow();
                assertEquals(PoolTag.IDLE, session.current());
                assertEquals(TargetState.BROKEN, target.state());
            }
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the simulator exits after the host hangs up");
        } finally {
            p.destroyForcibly();
            executor.shutdownNow();
        }
    }
}
