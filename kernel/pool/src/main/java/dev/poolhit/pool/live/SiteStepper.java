package dev.poolhit.pool.live;

import dev.poolhit.target.kd.BreakIn;
import dev.poolhit.target.kd.KdTarget;
import dev.poolhit.target.kd.Stop;
import java.util.Optional;

/**
 * Gets the target going again from a stop without re-executing an {@code int 3}: past a hard-coded
 * one by moving RIP (one byte; a {@code nop} patched over it falls through the same way), past our
 * own breakpoint by remove, single-step, re-insert.
 */
final class SiteStepper {
    private static final byte INT3 = (byte) 0xcc;

    /** The target stopped for something else while we single-stepped. */
    static final class UnexpectedStop extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Stop stop;

        UnexpectedStop(Stop stop) {
            super("single step reported " + stop);
            this.stop = stop;
        }

        Stop stop() {
            return stop;
        }
    }

    private final KdTarget target;

    SiteStepper(KdTarget target) {
        this.target = target;
    }

    /** Leaves the current stop: past our breakpoint or a hard-coded int 3 when RIP is on it; then resumes. */
    void resumeFromCurrentStop(Stop stop) {
        if (stop.kind() == Stop.Kind.BREAKPOINT && target.breakpoints().containsKey(stop.pc())) {
            stepOverOurBreakpoint(stop.pc());
        } else if (stop.kind() == Stop.Kind.BREAKPOINT && target.registers().rip() == stop.pc()
                && target.read(stop.pc(), 1)[0] == INT3) {
            target.setInstructionPointer(stop.pc() + 1);
        }
        target.resume();
    }

    /** Remove, single-step, re-insert: how a debugger gets past its own breakpoint. */
    void stepOverOurBreakpoint(long address) {
        target.removeBreakpoint(address);
        Optional<Stop> step = target.step(PoolHitTagSession.STOP_TIMEOUT);
        if (step.isEmpty()) {
            throw new UnexpectedStop(BreakIn.andWait(target, PoolHitTagSession.STOP_TIMEOUT).orElseThrow(() ->
                    new dev.poolhit.target.TargetDisconnectedException("target neither finished a single step nor"
                            + " stopped within " + PoolHitTagSession.STOP_TIMEOUT.toSeconds() + " s of each of "
                            + BreakIn.ATTEMPTS + " break-ins")));
        }
        if (step.get().kind() != Stop.Kind.SINGLE_STEP) {
            throw new UnexpectedStop(step.get());
        }
        target.setBreakpoint(address);
    }
}
