package dev.poolhit.sim.kd.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolhit.kd.protocol.GetVersion64;
import dev.poolhit.kd.protocol.NtStatus;
import dev.poolhit.kd.protocol.StateChange64;
import dev.poolhit.kd.session.KdClient;
import dev.poolhit.kd.session.KdSession;
import dev.poolhit.kd.session.SessionOptions;
import dev.poolhit.kd.transport.KdClock;
import dev.poolhit.kd.transport.kdnet.KdnetLink;
import dev.poolhit.kd.transport.kdnet.KdnetSpec;
import dev.poolhit.kd.transport.kdnet.KdnetStats;
import dev.poolhit.sim.kd.SimConfig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The simulated target over real loopback UDP against the kd module's host link and session. */
class KdnetSimTargetTest {
    private static final SessionOptions FAST = new SessionOptions(Duration.ofMillis(100), 50, Duration.ofMillis(200));

    @Test
    void aHostSessionAttachesBreaksInAndReadsOverKdnet() throws Exception {
        KdnetSimOptions options = KdnetSimOptions.loopback(KdnetSimOptions.freeLoopbackPort())
                .withPokeInterval(Duration.ofMillis(100));
        SimConfig config = SimConfig.DEFAULT.withEventsPerSecond(0).withAckTimeout(Duration.ofMillis(100));
        try (KdnetLink link = KdnetLink.open(KdnetSpec.parse(options.hostSpec()), KdClock.system());
             KdnetSimTarget sim = KdnetSimTarget.start(config, options)) {
            KdSession session = new KdSession(link, FAST, null);
            session.breakIn();
            StateChange64 stop = session.connect(Duration.ofSeconds(20));
            KdClient kd = new KdClient(session, Duration.ofSeconds(10));
            GetVersion64 v = kd.getVersion();
            assertEquals(7601, v.minorVersion());
            assertEquals(NtStatus.STATUS_BREAKPOINT.code(), stop.exceptionRecord().code());
            KdnetStats host = link.stats();
            assertEquals(1, host.handshakes());
            assertEquals(0, host.droppedTotal(), host.summary());
            assertEquals(1, sim.stats().handshakes());
            session.close();
        }
    }

    @Test
    void theX86TargetAnswersOverKdnetWithItsMachineTypeAndSignExtendedPc() throws Exception {
        KdnetSimOptions options = KdnetSimOptions.loopback(KdnetSimOptions.freeLoopbackPort())
                .withPokeInterval(Duration.ofMillis(100));
        SimConfig config = SimConfig.DEFAULT.withEventsPerSecond(0).withAckTimeout(Duration.ofMillis(100))
                .withArchitecture(dev.poolhit.sim.Architecture.X86);
        try (KdnetLink link = KdnetLink.open(KdnetSpec.parse(options.hostSpec()), KdClock.system());
             KdnetSimTarget sim = KdnetSimTarget.start(config, options)) {
            KdSession session = new KdSession(link, FAST, null);
            session.breakIn();
            StateChange64 stop = session.connect(Duration.ofSeconds(20));
            KdClient kd = new KdClient(session, Duration.ofSeconds(10));
            assertEquals(0x014c, kd.getVersion().machineType());
            assertEquals(0xffffffff82801314L, stop.programCounter(), "RtlpBreakWithStatusInstruction, sign-extended");
            assertEquals(0x08, stop.controlReportX86().segCs());
            byte[] mz = kd.readVirtual(0xffffffff82800000L, 2);
            assertEquals("MZ", new String(mz, StandardCharsets.US_ASCII), "nt's headers at the sign-extended base");
            session.close();
        }
    }

    @Test
    void faultDiceAreSeededAndLoseReorderAndDuplicate() {
        FaultDice a = new FaultDice(new DatagramFaults(0.2, 0.2, 0.2, 42), 1);
        FaultDice b = new FaultDice(new DatagramFaults(0.2, 0.2, 0.2, 42), 1);
        int delivered = 0;
        boolean reordered = false;
        for (int i = 0; i < 1000; i++) {
            byte[] d = {(byte) i, (byte) (i >> 8)};
            List<byte[]> x = a.pass(d);
            List<byte[]> y = b.pass(d);
            assertEquals(x.size(), y.size(), "same seed, same decisions");
            delivered += x.size();
            reordered |= x.size() >= 2 && x.get(0) != x.get(1) && x.get(1)[0] != (byte) i;
        }
        assertTrue(a.lost() > 100 && a.lost() < 300, "lost " + a.lost());
        assertTrue(reordered);
        assertTrue(delivered > 800, "delivered " + delivered);
    }
}
