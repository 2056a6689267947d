package dev.poolhit.pool.faults;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolhit.kd.protocol.KdException;
import dev.poolhit.kd.transport.ForwardingPacketLink;
import dev.poolhit.kd.transport.KdClock;
import dev.poolhit.kd.transport.LinkEvent;
import dev.poolhit.kd.transport.PacketLink;
import dev.poolhit.kd.transport.kdcom.KdcomLink;
import dev.poolhit.pool.live.RestoreReport;
import dev.poolhit.pool.live.Restorer;
import dev.poolhit.sim.kd.SimConfig;
import dev.poolhit.sim.kd.SimulatedTarget;
import dev.poolhit.target.kd.BreakIn;
import dev.poolhit.target.kd.KdTarget;
import dev.poolhit.target.kd.KdTargetOptions;
import dev.poolhit.target.kd.TargetState;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A break-in lost on the wire must not leave PoolHitTag armed: restore sends another before it gives up. */
class LostBreakInRestoreTest {
    private static final Duration STOP_WAIT = Duration.ofMillis(500);
    private static final byte[] IDLE = {0x0f, (byte) 0xff, (byte) 0xff, (byte) 0xff};
    /** A tag no simulated driver uses: armed, yet the target never stops by itself. */
    private static final byte[] ARMED = {'N', 'o', 'n', 'e'};

    /**
     * The host's link gone deaf from {@link #deafFor}: the next {@code n} break-in bytes are lost and
     * nothing the target sends arrives until one more break-in went out (a cable pulled and plugged
     * back in, a console server restarting). The target's stop announcements are lost with the rest,
     * and kdcom repeats them until they are acknowledged.
     */
    private static final class DeafLink extends ForwardingPacketLink {
        private final AtomicInteger toLose = new AtomicInteger();
        private final AtomicInteger breakIns = new AtomicInteger();
        private volatile boolean deaf;

        DeafLink(PacketLink inner) {
            super(inner);
        }

        void deafFor(int lostBreakIns) {
            toLose.set(lostBreakIns);
            breakIns.set(0);
            deaf = true;
        }

        int breakInsSent() {
            return breakIns.get();
        }

        @Override
        public void sendBreakIn() throws KdException {
            breakIns.incrementAndGet();
            if (toLose.getAndDecrement() <= 0) {
                deaf = false;
                super.sendBreakIn();
            }
        }

        @Override
        public LinkEvent receive(long deadlineNanos) throws KdException {
            LinkEvent e = super.receive(deadlineNanos);
            while (deaf && e != null) {
                e = super.receive(deadlineNanos);
            }
            return deaf ? null : e;
        }
    }

    @Test
    void aLostBreakInIsSentAgainAndTheTargetIsRestored() {
        RestoreReport r = restoreRunningTargetLosing(1, true);
        assertTrue(r.restored(), r.leftBehind().toString());
        assertTrue(r.resumed());
    }

    @Test
    void aTargetDeafToEveryBreakInIsReportedAsStillArmed() {
        RestoreReport r = restoreRunningTargetLosing(BreakIn.ATTEMPTS, false);
        assertFalse(r.restored());
        assertEquals("target did not stop within 500 ms of each of 2 break-ins", r.leftBehind().get(0));
    }

    private static RestoreReport restoreRunningTargetLosing(int lostBreakIns, boolean restoredAfter) {
        try (SimulatedTarget sim = SimulatedTarget.start(SimConfig.DEFAULT.withEventsPerSecond(0));
             DeafLink link = new DeafLink(KdcomLink.open(sim.hostEnd(), KdClock.system()));
             KdTarget target = KdTarget.attach(link, KdTargetOptions.defaults().withConnectTimeout(Duration.ofSeconds(20)))) {
            long poolHitTag = sim.machine().kernel().globals().poolHitTag();
            target.write(poolHitTag, ARMED);
            Restorer restorer = new Restorer(target, STOP_WAIT);
            restorer.savePoolHitTag(poolHitTag, 0xffffff0f);
            target.resume();
            assertEquals(TargetState.RUNNING, target.state());
            link.deafFor(lostBreakIns);
            RestoreReport r = restorer.restore();
            byte[] now = new byte[4];
            sim.machine().readVirtual(poolHitTag, now, 0, 4);
            assertArrayEquals(restoredAfter ? IDLE : ARMED, now, "PoolHitTag on the simulator's side");
            assertEquals(BreakIn.ATTEMPTS, link.breakInsSent());
            return r;
        }
    }
}
