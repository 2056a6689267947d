package dev.poolhit.pool.live;

import dev.poolhit.common.LittleEndian;
import dev.poolhit.target.TargetException;
import dev.poolhit.target.kd.BreakIn;
import dev.poolhit.target.kd.KdTarget;
import dev.poolhit.target.kd.Stop;
import dev.poolhit.target.kd.TargetState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Puts the target back as it was before we armed it: breaks in if it runs, removes every
 * breakpoint and code patch this debugger made, writes the saved PoolHitTag value back, steps past
 * a hard-coded {@code int 3} the target sits on, and resumes. Idempotent: a second call finds
 * nothing to undo. Best effort on a lost link: it says what was left behind instead of throwing.
 * Safe to call from a JVM shutdown hook ({@link #shutdownHook()}); calls are serialized.
 */
public final class Restorer {
    private static final System.Logger LOG = System.getLogger(Restorer.class.getName());
    private static final byte INT3 = (byte) 0xcc;

    private final KdTarget target;
    private final Duration stopTimeout;
    private long savedAddress;
    private Integer savedValue;
    private int rebootsAtSave;

    /** @param stopTimeout how long to wait for the target to stop after a break-in */
    public Restorer(KdTarget target, Duration stopTimeout) {
        this.target = target;
        this.stopTimeout = stopTimeout;
    }

    /** Remembers PoolHitTag's value before the first arming; later calls keep the first value. */
    public synchronized void savePoolHitTag(long address, int value) {
        if (savedValue == null) {
            savedAddress = address;
            savedValue = value;
            rebootsAtSave = target.reboots();
        }
    }

    /** The value PoolHitTag will be put back to, if we armed it. */
    public synchronized Optional<Integer> savedPoolHitTag() {
        return Optional.ofNullable(savedValue);
    }

    /** Restores and resumes the target. */
    public RestoreReport restore() {
        return restore(true);
    }

    /** Restores; {@code resume} false leaves the target broken in (e.g. at an unrelated stop the user should see). */
    public synchronized RestoreReport restore(boolean resume) {
        List<String> done = new ArrayList<>();
        List<String> left = new ArrayList<>();
        forgetOldBoot(done);
        try {
            if (!ensureBroken(left)) {
                return new RestoreReport(false, done, left, target.state() == TargetState.RUNNING);
            }
            undoEdits(done);
            restorePoolHitTag(done);
            if (resume) {
                stepPastHardcodedBreak();
                target.resume();
            }
            return new RestoreReport(true, done, left, resume);
        } catch (TargetException e) {
            LOG.log(System.Logger.Level.WARNING, "restore failed", e);
            left.add(e.getMessage());
            pending(left);
            return new RestoreReport(false, done, left, target.state() == TargetState.RUNNING);
        }
    }

    /** A thread for {@code Runtime.addShutdownHook} that restores once (best effort). */
    public Thread shutdownHook() {
        return new Thread(() -> {
            RestoreReport r = restore();
            LOG.log(r.restored() ? System.Logger.Level.INFO : System.Logger.Level.WARNING, "shutdown: " + r.summary());
        }, "poolhit-restore");
    }

    /** After a reboot PoolHitTag holds the new boot's value: writing the saved one back would arm something else. */
    private void forgetOldBoot(List<String> done) {
        if (savedValue != null && target.reboots() != rebootsAtSave) {
            savedValue = null;
            done.add("target rebooted since PoolHitTag was armed: the old boot took PoolHitTag, breakpoints and"
                    + " patches with it");
        }
    }

    private boolean ensureBroken(List<String> left) {
        if (target.state() == TargetState.RUNNING) {
            BreakIn.andWait(target, stopTimeout);
        }
        String why = switch (target.state()) {
            case BROKEN -> null;
            case DISCONNECTED -> "target is disconnected";
            case RUNNING -> "target did not stop within " + stopTimeout.toMillis() + " ms of each of "
                    + BreakIn.ATTEMPTS + " break-ins";
        };
        if (why != null) {
            left.add(why);
            pending(left);
        }
        return why == null;
    }

    private void undoEdits(List<String> done) {
        for (Long address : target.breakpoints().keySet()) {
            target.removeBreakpoint(address);
            done.add("removed breakpoint at " + target.addressStyle().text(address));
        }
        for (Map.Entry<Long, Byte> p : target.patches().entrySet()) {
            target.unpatch(p.getKey());
            done.add(String.format("put back %02x at %s", p.getValue(), target.addressStyle().text(p.getKey())));
        }
    }

    private void restorePoolHitTag(List<String> done) {
        if (savedValue == null) {
            return;
        }
        byte[] bytes = new byte[4];
        LittleEndian.put32(bytes, 0, savedValue);
        target.write(savedAddress, bytes);
        int back = (int) target.memory().u32(savedAddress);
        if (back != savedValue) {
            throw new dev.poolhit.target.MemoryAccessException(savedAddress, String.format(
                    "PoolHitTag restore did not stick: wrote 0x%08x, read back 0x%08x at %s", savedValue, back,
                    target.addressStyle().text(savedAddress)));
        }
        done.add(String.format("PoolHitTag back to 0x%08x", savedValue));
        savedValue = null;
    }

    /** A hard-coded int 3 (the code's own byte, now that our edits are gone) re-executes unless RIP moves past it. */
    private void stepPastHardcodedBreak() {
        Optional<Stop> stop = target.lastStop();
        if (stop.isPresent() && stop.get().kind() == Stop.Kind.BREAKPOINT
                && target.registers().rip() == stop.get().pc() && target.read(stop.get().pc(), 1)[0] == INT3) {
            target.setInstructionPointer(stop.get().pc() + 1);
        }
    }

    private void pending(List<String> left) {
        target.breakpoints().keySet().forEach(a -> left.add("breakpoint still at " + target.addressStyle().text(a)));
        target.patches().forEach((a, b) -> left.add(String.format("patched byte at %s (original %02x)",
                target.addressStyle().text(a), b)));
        if (savedValue != null) {
            left.add(String.format("PoolHitTag at %s still armed (saved 0x%08x)", target.addressStyle().text(savedAddress),
                    savedValue));
        }
    }
}
