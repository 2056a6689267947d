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
 * A RESET tells the two apart (kd-protocol.md 1.6-1.8): a running target ignores every byte but the
 * break-in byte, a stopped one answers RESET and repeats its stop. Only while the continue itself is
 * unconfirmed ({@link #send}, before any stop went up) does this class take a repeat of the continued
 * stop as its echo and send the continue again: a target that ran would have announced a new stop
 * during the ACK wait, and at worst a resend re-executes the {@code int 3} it stands on, which stops
 * it there again. A repeat that arrives while the caller waits for a stop is delivered, marked
 * {@link ReportedStop#repeatsContinuedStop()}: a genuinely new stop can be byte-identical to the
 * continued one (same thread, site and registers), and only the caller, which knows what it changed
 * before continuing, can tell it from the echo (issue #10). Single-threaded, driven by {@link KdSession}.
 */
final class ContinueGuard {
    private static final System.Logger LOG = System.getLogger(ContinueGuard.class.getName());
    /** Probe rounds after a continue ran out of ACK retries, before giving up. */
    static final int CONFIRM_ROUNDS = 3;
    /** Reset intervals of silence after a continue before the host asks whether it landed. */
    static final int SILENCE_PROBE_RESETS = 3;

    /** What a probe found: silence, a RESET answer alone (or with the echo, consumed), or a stop queued for the caller. */
    private enum Verdict { RUNNING, STILL_STOPPED, ANNOUNCED }

    private final PacketPump pump;
    private final SessionOptions options;
    private ManipulateState lastContinue;
    private byte[] continuedStop = new byte[0];
    /** A RESET probe went out since the continue: the target may have re-sent the stop we continued. */
    private boolean probed;
    private long heardAt;

    ContinueGuard(PacketPump pump, SessionOptions options) {
        this.pump = pump;
        this.options = options;
    }

    /** The target reported a stop: the next continue leaves this one. */
    void stopped(KdPacket stateChange) {
        continuedStop = stateChange.payload().clone();
        lastContinue = null;
    }

    /** Sends a continue; if its ACK never comes, finds out whether it landed before reporting failure. */
    void send(ManipulateState request) throws KdException {
        lastContinue = request;
        probed = false;
        heardAt = pump.clock().nanoTime();
        try {
            pump.sendReliable(request::toPacket);
        } catch (KdTimeoutException unacked) {
            confirm(unacked);
        }
    }

    /** Something arrived: silence starts again. */
    void heard() {
        heardAt = pump.clock().nanoTime();
    }

    /**
     * Whether a state change is byte-identical to the stop we continued, after a probe since that
     * continue: its echo or a new stop just like it (see {@link ReportedStop}).
     */
    boolean repeatsContinuedStop(KdPacket stateChange) {
        return probed && Arrays.equals(stateChange.payload(), continuedStop);
    }

    /**
     * The time after which silence is worth a probe, or {@code farDeadline} when none is needed. A
     * running target is probed on every silent interval: a continue ACKed and dropped leaves the
     * target stopped and silent, and a stop that reached us mangled (ACKed and skipped) leaves it
     * waiting for us; either way the probe makes it announce its stop again.
     */
    long probeDue(long farDeadline) {
        if (lastContinue == null) {
            return farDeadline;
        }
        long due = heardAt + options.resetInterval().toNanos() * SILENCE_PROBE_RESETS;
        return due - farDeadline <= 0 ? due : farDeadline;
    }

    /**
     * The target has been silent: ask. Whatever it announces goes to the caller (a repeat of the
     * continued stop marked as such); nothing is resent here, since the target may be at a new stop
     * just like the continued one, where a continue would re-execute its {@code int 3}.
     */
    void onSilence() throws KdException {
        Verdict v = probe(false);
        LOG.log(System.Logger.Level.DEBUG, () -> "silence after a continue, probed: " + v);
    }

    private void confirm(KdTimeoutException unacked) throws KdException {
        LOG.log(System.Logger.Level.DEBUG, "continue unconfirmed, probing: " + unacked.getMessage());
        for (int round = 0; round < CONFIRM_ROUNDS; round++) {
            Verdict v = probe(true);
            if (v != Verdict.STILL_STOPPED) {
                LOG.log(System.Logger.Level.DEBUG, "continue unacknowledged but the target " + v);
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
     * Sends RESET and listens: silence means running; a RESET answer means stopped. A repeat of the
     * continued stop is consumed as its echo ({@code consumeEcho}, while the continue is unconfirmed)
     * or queued for the caller; any other stop, or other packet, is queued for the caller.
     */
    private Verdict probe(boolean consumeEcho) throws KdException {
        probed = true;
        try {
            return listenAfterReset(consumeEcho);
        } finally {
            heardAt = pump.clock().nanoTime(); // the next silent interval counts from this exchange
        }
    }

    private Verdict listenAfterReset(boolean consumeEcho) throws KdException {
        int resetsBefore = pump.resets();
        pump.sendResetProbe();
        KdPacket p = pump.nextDelivered(pump.clock().deadlineAfter(probeWindowNanos()));
        if (p == null) {
            return pump.resets() != resetsBefore ? Verdict.STILL_STOPPED : Verdict.RUNNING;
        }
        if (p.is(PacketType.STATE_CHANGE64) && repeatsContinuedStop(p)) {
            if (pump.resets() == resetsBefore) {
                pump.assumePeerReset(); // the repeat says it took our RESET; its answer was lost
            }
            if (consumeEcho) {
                return Verdict.STILL_STOPPED;
            }
        }
        pump.requeueFirst(p);
        return p.is(PacketType.STATE_CHANGE64) ? Verdict.ANNOUNCED : Verdict.RUNNING;
    }

    /** Long enough for a RESET answer and the repeated stop, even if one of them is resent once. */
    private long probeWindowNanos() {
        return Math.max(options.resetInterval().toNanos(), 2 * options.ackTimeout().toNanos());
    }
}
