package dev.poolhit.kd.session;

import dev.poolhit.kd.protocol.KdException;
import dev.poolhit.kd.protocol.KdPacket;
import dev.poolhit.kd.protocol.KdTimeoutException;
import dev.poolhit.kd.protocol.ManipulateApi;
import dev.poolhit.kd.protocol.ManipulateState;
import dev.poolhit.kd.protocol.PacketType;
import java.util.Arrays;

/**
 * Makes a continue stick when the wire cannot confirm it. Two failures look like success or like
 * death to the host:
 * <ul>
 *   <li>the target ACKs the continue and runs, but the ACK is lost: the target no longer listens to
 *       the resends, so the host runs out of retries although the target resumed;</li>
 *   <li>a byte flip in the continue's type field: kdcom ACKs the packet and drops it (wrong type), so
 *       the target stays stopped while the host waits for a stop that never comes.</li>
 * </ul>
 * A RESET tells the two apart (kd-protocol.md 1.6-1.7): a running target ignores every byte but the
 * break-in byte, a stopped one answers RESET and repeats its stop. A repeat byte-identical to the stop
 * we continued, seen after such a probe, is its echo (the continue was lost: send it again); anything
 * else is a new stop. Single-threaded, driven by {@link KdSession}.
 */
final class ContinueGuard {
    private static final System.Logger LOG = System.getLogger(ContinueGuard.class.getName());
    /** Probe rounds after a continue ran out of ACK retries, before giving up. */
    static final int CONFIRM_ROUNDS = 3;
    /** Reset intervals of silence after a continue before the host asks whether it landed. */
    static final int SILENCE_PROBE_RESETS = 3;

    private enum Verdict { RUNNING, STILL_STOPPED, STOPPED_AGAIN }

    private final PacketPump pump;
    private final SessionOptions options;
    private ManipulateState lastContinue;
    private byte[] continuedStop = new byte[0];
    private boolean probed;
    /** A probe since the continue was answered with RESET: the target was in its debugger loop. */
    private boolean answeredSinceContinue;
    private boolean settled = true;
    private long heardAt;

    ContinueGuard(PacketPump pump, SessionOptions options) {
        this.pump = pump;
        this.options = options;
    }

    /** The target reported a stop: the next continue leaves this one. */
    void stopped(KdPacket stateChange) {
        continuedStop = stateChange.payload().clone();
        lastContinue = null;
        settled = true;
    }

    /** Sends a continue; if its ACK never comes, finds out whether it landed before reporting failure. */
    void send(ManipulateState request) throws KdException {
        lastContinue = request;
        probed = false;
        answeredSinceContinue = false;
        settled = false;
        heardAt = pump.clock().nanoTime();
        try {
            pump.sendReliable(request::toPacket);
        } catch (KdTimeoutException unacked) {
            confirm(unacked);
        }
    }

    /**
     * Something arrived: silence starts again. It does not prove the continue landed: a stop whose
     * type byte was flipped arrives as some other packet, is ACKed and skipped, and the target then
     * waits for us; only a probe answered by silence settles that.
     */
    void heard() {
        heardAt = pump.clock().nanoTime();
    }

    /** Whether a state change repeats the stop we continued because our probe asked it to. */
    boolean isEcho(KdPacket stateChange) {
        // settled (a silent probe) can be wrong when that RESET was lost; a RESET answer since is not
        return (answeredSinceContinue || (probed && !settled)) && Arrays.equals(stateChange.payload(), continuedStop);
    }

    /**
     * The time after which silence is worth a probe, or {@code farDeadline} when none is needed. A
     * running target is probed on every silent interval, even after the continue was confirmed: a
     * later stop may have reached us mangled, and the probe makes the target announce it again.
     */
    long probeDue(long farDeadline) {
        if (lastContinue == null) {
            return farDeadline;
        }
        long due = heardAt + options.resetInterval().toNanos() * SILENCE_PROBE_RESETS;
        return due - farDeadline <= 0 ? due : farDeadline;
    }

    /**
     * The target has been silent: ask. Before the continue is confirmed, a stopped target means it
     * never landed (send it again); after, a stopped target is at a stop we have not seen yet, which
     * the probe made it announce again.
     */
    void onSilence() throws KdException {
        Verdict v = probe();
        if (v == Verdict.RUNNING) {
            settled = true;
        } else if (v == Verdict.STILL_STOPPED && !settled) {
            LOG.log(System.Logger.Level.DEBUG, "continue was ACKed but not taken: sending it again");
            resendContinue();
        }
    }

    /** An echo of the continued stop arrived: the continue did not land. */
    void resendContinue() throws KdException {
        try {
            pump.sendAgain(lastContinue::toPacket);
        } catch (KdTimeoutException unacked) {
            confirm(unacked);
        }
    }

    private void confirm(KdTimeoutException unacked) throws KdException {
        LOG.log(System.Logger.Level.DEBUG, "continue unconfirmed, probing: " + unacked.getMessage());
        for (int round = 0; round < CONFIRM_ROUNDS; round++) {
            Verdict v = probe();
            if (v != Verdict.STILL_STOPPED) {
                LOG.log(System.Logger.Level.DEBUG, "continue unacknowledged but the target " + v);
                settled = v == Verdict.RUNNING;
                return;
            }
            try {
                pump.sendAgain(lastContinue::toPacket);
                return;
            } catch (KdTimeoutException again) {
                LOG.log(System.Logger.Level.DEBUG, "continue resent after a probe, still no ACK: " + again.getMessage());
            }
        }
        throw new KdTimeoutException(String.format("%s did not reach the target: no ACK after %d retries"
                + " (ACK timeout %d ms), and it still answers RESET (stopped) after %d probes",
                ManipulateApi.describe(lastContinue.apiNumber()), options.maxRetries(), options.ackTimeout().toMillis(),
                CONFIRM_ROUNDS));
    }

    /**
     * Sends RESET and listens: silence means running; a RESET answer or an echo of the continued stop
     * means still stopped; a different stop goes back to the inbox for the caller.
     */
    private Verdict probe() throws KdException {
        probed = true;
        try {
            return listenAfterReset();
        } finally {
            heardAt = pump.clock().nanoTime(); // the next silent interval counts from this exchange
        }
    }

    private Verdict listenAfterReset() throws KdException {
        int resetsBefore = pump.resets();
        pump.sendResetProbe();
        long deadline = pump.clock().deadlineAfter(probeWindowNanos());
        while (true) {
            KdPacket p = pump.nextDelivered(deadline);
            if (pump.resets() != resetsBefore) {
                answeredSinceContinue = true;
            }
            if (p == null) {
                return pump.resets() != resetsBefore ? Verdict.STILL_STOPPED : Verdict.RUNNING;
            }
            if (p.is(PacketType.STATE_CHANGE64)) {
                if (isEcho(p)) {
                    if (pump.resets() == resetsBefore) {
                        pump.assumePeerReset();
                    }
                    return Verdict.STILL_STOPPED;
                }
                pump.requeueFirst(p);
                return Verdict.STOPPED_AGAIN;
            }
            pump.requeueFirst(p);
            return Verdict.RUNNING;
        }
    }

    /** Long enough for a RESET answer and the repeated stop, even if one of them is resent once. */
    private long probeWindowNanos() {
        return Math.max(options.resetInterval().toNanos(), 2 * options.ackTimeout().toNanos());
    }
}
