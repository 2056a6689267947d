package dev.poolhit.pool.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolhit.kd.transport.KdClock;
import dev.poolhit.kd.transport.kdcom.KdcomLink;
import dev.poolhit.pool.record.TraceRecorder;
import dev.poolhit.pool.tag.PoolTag;
import dev.poolhit.pool.trace.HitKind;
import dev.poolhit.pool.trace.Missing;
import dev.poolhit.pool.trace.TraceSnapshot;
import dev.poolhit.sim.kd.SimulatedTarget;
import dev.poolhit.sim.kd.SimConfig;
import dev.poolhit.target.SymbolException;
import dev.poolhit.target.kd.KdTarget;
import dev.poolhit.target.kd.KdTargetOptions;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Arming PoolHitTag: symbols or an explicit address, the protected bit, and arguments never guessed. */
class PoolHitTagSessionSimTest {
    @TempDir
    Path symbols;

    @Test
    void withoutThePdbLocateSaysWhyAndAnExplicitAddressStillWorks() {
        try (SimulatedTarget sim = SimulatedTarget.start(SimConfig.DEFAULT.withEventsPerSecond(0));
             KdTarget target = KdTarget.attach(KdcomLink.open(sim.hostEnd(), KdClock.system()),
                     KdTargetOptions.defaults().withConnectTimeout(Duration.ofSeconds(20)))) {
            SymbolException e = assertThrows(SymbolException.class, () -> PoolHitTagSession.locate(target));
            assertTrue(e.getMessage().startsWith("nt!PoolHitTag not found: it is not exported, so the kernel's PDB is"
                    + " needed (symbol status: [nt: "), e.getMessage());
            long address = sim.machine().kernel().globals().poolHitTag();
            PoolHitTagSession session = PoolHitTagSession.at(target, address);
            assertEquals("explicit address " + dev.poolhit.common.Hex.u64(address), session.locatedBy());
            assertEquals(PoolTag.IDLE, session.arm(PoolTag.of(0xb261654c)));
            assertEquals(PoolTag.parse("Lea2"), session.current(), "the protected bit is stripped before writing");
            TraceRecorder recorder = LiveSim.recorder(session.armed());
            TraceResult r = session.trace(TraceRequest.of(20)).run(recorder);
            assertEquals(TraceEnd.COMPLETED, r.end(), r.message());
            assertTrue(session.restorer().restore().restored());
            byte[] now = new byte[4];
            sim.machine().readVirtual(address, now, 0, 4);
            assertArrayEquals(new byte[] {0x0f, (byte) 0xff, (byte) 0xff, (byte) 0xff}, now);
        }
    }

    @Test
    void sizesAreLeftMissingWhenTheAllocatorDoesNotSpillItsArguments() {
        try (LiveSim live = LiveSim.start(symbols)) {
            long allocator = live.target.resolve("nt!ExAllocatePoolWithTag").orElseThrow();
            byte[] original = live.target.read(allocator, 1);
            live.target.write(allocator, new byte[] {(byte) 0x90}); // no longer "mov [rsp+8],rcx": the slots prove nothing
            PoolHitTagSession session = PoolHitTagSession.locate(live.target);
            session.arm(PoolTag.parse("Lea2"));
            TraceRecorder recorder = LiveSim.recorder(session.armed());
            assertEquals(TraceEnd.COMPLETED, session.trace(TraceRequest.of(40)).run(recorder).end());
            TraceSnapshot hits = recorder.trace().snapshot();
            int allocs = 0;
            for (int i = 0; i < hits.size(); i++) {
                if (hits.kind(i) == HitKind.ALLOC) {
                    allocs++;
                    assertEquals(Missing.LONG, hits.size(i), "hit " + i);
                } else {
                    assertTrue(!Missing.is(hits.address(i)), "frees still have P: ExFreePoolWithTag spills");
                }
            }
            assertTrue(allocs > 0);
            assertTrue(session.restorer().restore().restored());
            live.target.breakIn();
            live.target.awaitStop(Duration.ofSeconds(10)).orElseThrow();
            live.target.write(allocator, original);
        }
    }
}
