package dev.poolhit.pool.faults;

import dev.poolhit.kd.session.SessionOptions;
import dev.poolhit.pool.live.LiveSim;
import dev.poolhit.sim.kd.SimConfig;
import dev.poolhit.target.kd.KdTargetOptions;
import java.nio.file.Path;
import java.time.Duration;

/** The simulator set-ups of the fault tests: fast workload, short ACK timeouts on both sides. */
final class FaultSim {
    /** Per-packet ACK timeout on both ends: a lost packet costs this much, not a second. */
    static final Duration ACK = Duration.ofMillis(40);

    private FaultSim() {}

    static SimConfig config() {
        return SimConfig.DEFAULT.withEventsPerSecond(0).withAckTimeout(ACK);
    }

    /** Attach options for a noisy link: short ACK timeout and enough retries to outlast a bad spell. */
    static KdTargetOptions noisy(KdTargetOptions o) {
        return new KdTargetOptions(o.symbolPath(), o.symbolServer(), o.connectTimeout(), Duration.ofSeconds(20),
                o.breakInOnConnect(), new SessionOptions(ACK, 100, Duration.ofMillis(200)), o.listener());
    }

    static LiveSim start(SimConfig config, Path symbols) {
        return new LiveSim(config, symbols, FaultSim::noisy);
    }
}
