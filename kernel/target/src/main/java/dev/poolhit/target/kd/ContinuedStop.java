package dev.poolhit.target.kd;

import dev.poolhit.common.Hex;
import dev.poolhit.kd.protocol.KdException;
import dev.poolhit.kd.session.ReportedStop;
import java.util.OptionalLong;

/**
 * Sends every continue and remembers what it left behind, to tell a stop that repeats the continued
 * one after a RESET probe ({@link ReportedStop#repeatsContinuedStop()}) as its echo or a new stop.
 * A stopped kdcom target re-sends the state change it built at the stop (original PC) while its live
 * context keeps our edits (kd-protocol.md 1.8, 12.9). So where the continue left a stop by moving the
 * instruction pointer past a hard-coded {@code int 3} (pc to pc + 1), the live IP decides: still where
 * we moved it means the continue was lost (send it again, without moving the IP again); back at the
 * stop's PC means the target ran and stopped at that {@code int 3} again (a new stop). Where the IP
 * was not moved the repeat is the echo: a single step or the step off a removed breakpoint cannot
 * produce the same stop again, and a stop left in place would re-execute where it stands anyway.
 */
final class ContinuedStop {
    private static final System.Logger LOG = System.getLogger(ContinuedStop.class.getName());

    /** One continue: its status and trace flag, and where it left the IP when it moved it. */
    private record Left(int status, boolean trace, OptionalLong movedIp) {}

    private final MachineCalls calls;
    private final CpuContexts registers;
    private final Runnable newEpoch;
    private OptionalLong movedIp = OptionalLong.empty();
    private Left left;

    /** @param newEpoch drops what was read in the stop being left (contexts, memory) */
    ContinuedStop(MachineCalls calls, CpuContexts registers, Runnable newEpoch) {
        this.calls = calls;
        this.registers = registers;
        this.newEpoch = newEpoch;
    }

    /** The current stop's instruction pointer was set to {@code ip}. */
    void ipMoved(long ip) {
        movedIp = OptionalLong.of(ip);
    }

    /** A stop went up to the caller: what the next continue leaves starts from here. */
    void stopped() {
        movedIp = OptionalLong.empty();
    }

    /** Continues the current stop; the break epoch ends. */
    void resume(int status, boolean trace) throws KdException {
        left = new Left(status, trace, movedIp);
        movedIp = OptionalLong.empty();
        send();
    }

    /** Whether {@code stop} is the echo of the stop we continued: that continue was lost. Reads the live IP. */
    boolean isEcho(ReportedStop stop) throws KdException {
        if (!stop.repeatsContinuedStop() || left == null) {
            return false;
        }
        if (left.movedIp().isEmpty()) {
            LOG.log(System.Logger.Level.DEBUG, "continued stop repeated after a probe: its echo");
            return true;
        }
        long live = registers.registers(stop.change().processor()).rip();
        boolean echo = live == left.movedIp().getAsLong();
        LOG.log(System.Logger.Level.DEBUG, () -> "continued stop repeated after a probe, live IP " + Hex.u64(live)
                + ", moved to " + Hex.u64(left.movedIp().getAsLong()) + ": " + (echo ? "its echo" : "a new stop"));
        return echo;
    }

    /** The echo came: the target never took the continue; the same continue again (the IP is already moved). */
    void resendContinue() throws KdException {
        send();
    }

    private void send() throws KdException {
        try {
            calls.continue2(left.status(), left.trace());
        } finally {
            newEpoch.run();
        }
    }
}
