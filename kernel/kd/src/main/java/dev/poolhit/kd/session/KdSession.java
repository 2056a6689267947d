package dev.poolhit.kd.session;

import dev.poolhit.kd.protocol.DebugIo;
import dev.poolhit.kd.protocol.DebugIoApi;
import dev.poolhit.kd.protocol.FileIo;
import dev.poolhit.kd.protocol.KdException;
import dev.poolhit.kd.protocol.KdPacket;
import dev.poolhit.kd.protocol.KdProtocolException;
import dev.poolhit.kd.protocol.KdTimeoutException;
import dev.poolhit.kd.protocol.LinkClosedException;
import dev.poolhit.kd.protocol.ManipulateApi;
import dev.poolhit.kd.protocol.ManipulateState;
import dev.poolhit.kd.protocol.NtStatus;
import dev.poolhit.kd.protocol.PacketType;
import dev.poolhit.kd.protocol.StateChange64;
import dev.poolhit.kd.transport.LinkEvent;
import dev.poolhit.kd.transport.PacketLink;
import dev.poolhit.kd.transport.PacketSummary;
import java.io.Closeable;
import java.time.Duration;

/**
 * The host side of a KD conversation over a {@link PacketLink}: synchronisation, the state
 * table below, and request/response matching. Reliability (ids, ACK, RESEND, RESET, duplicates)
 * lives in {@link PacketPump}; typed calls live in {@link KdClient}.
 *
 * <pre>
 *   state         who owns the link              allowed calls
 *   DISCONNECTED  nobody                         connect
 *   RUNNING       the target (it runs)           awaitStateChange; breakIn (any thread)
 *   BROKEN        the host                       request, resume (breakIn does nothing)
 *   any           -                              close (any thread) -> DISCONNECTED
 * </pre>
 *
 * <p>Threads: one thread drives the session (one outstanding request at a time); only
 * {@link #breakIn()}, {@link #state()} and {@link #close()} may be called from another thread.
 * While waiting, DbgPrint output goes to the {@link SessionListener} and FILE_IO requests are
 * refused with STATUS_NO_SUCH_FILE. Per-packet ACK timeouts come from {@link SessionOptions};
 * each call takes its own whole-operation timeout, measured on the link's clock.
 */
public final class KdSession implements Closeable {
    private static final System.Logger LOG = System.getLogger(KdSession.class.getName());
    /** ACK timeouts to wait for a response before asking again (with a fresh id). */
    static final int RESPONSE_PATIENCE_ACKS = 10;

    private final PacketPump pump;
    private final ContinueGuard continues;
    private final SessionListener listener;
    private final SessionOptions options;
    private volatile SessionState state = SessionState.DISCONNECTED;
    private volatile StateChange64 lastStateChange;
    private volatile int restarts;

    public KdSession(PacketLink link, SessionOptions options, SessionListener listener) {
        this.pump = new PacketPump(link, options);
        this.continues = new ContinueGuard(pump, options);
        this.options = options;
        this.listener = listener == null ? SessionListener.NONE : listener;
    }

    public SessionState state() {
        return state;
    }

    /** How hard the link works: resends, bad checksums, duplicates dropped so far. Any thread. */
    public WireCounters wireCounters() {
        return pump.counters();
    }

    /**
     * Times the target announced a different stop while it should have answered a request: it
     * rebooted (or restarted its debugger) under us, and what we set up there is gone. Any thread.
     */
    public int targetRestarts() {
        return restarts;
    }

    /** The state change that put the target into BROKEN (null before the first). */
    public StateChange64 lastStateChange() {
        return lastStateChange;
    }

    /**
     * Synchronises (RESET every {@code resetInterval} until the target answers with RESET or any
     * data packet) and waits for the first state change; the target is then BROKEN.
     */
    public StateChange64 connect(Duration timeout) throws KdException {
        return connect(timeout, false);
    }

    /**
     * As {@link #connect(Duration)}; with {@code breakInWhileSilent}, a break-in byte goes out with
     * each repeated RESET while the target stays silent: a running target ignores RESETs and only
     * stops for 0x62, so a break-in lost on a noisy line would otherwise leave the attach waiting
     * for nothing. A broken-in target is never silent for a whole interval (it repeats its state
     * change on every ACK timeout), so it does not get a second break-in.
     */
    public StateChange64 connect(Duration timeout, boolean breakInWhileSilent) throws KdException {
        long deadline = pump.clock().deadlineAfter(timeout.toNanos());
        pump.sendReset();
        while (true) {
            long nextReset = pump.clock().deadlineAfter(options.resetInterval().toNanos());
            LinkEvent e = pump.pollRaw(earlier(deadline, nextReset));
            if (e instanceof LinkEvent.Packet p && p.packet().is(PacketType.RESET)) {
                pump.onReset();
                break;
            }
            if (e instanceof LinkEvent.Packet p && !p.packet().isControl()) {
                pump.pushBack(e);
                break;
            }
            if (e == null) {
                if (pump.clock().nanoTime() - deadline >= 0) {
                    throw new KdTimeoutException("target did not answer RESET within " + timeout.toMillis() + " ms");
                }
                if (breakInWhileSilent) {
                    pump.link().sendBreakIn();
                }
                pump.sendReset();
            }
        }
        state = SessionState.RUNNING;
        return firstStateChange(deadline, timeout, breakInWhileSilent);
    }

    /** After sync (a DbgPrint may have been the sign of life): the first state change, breaking in again on silence. */
    private StateChange64 firstStateChange(long deadline, Duration timeout, boolean breakInWhileSilent)
            throws KdException {
        while (true) {
            long left = Math.max(0, deadline - pump.clock().nanoTime());
            if (!breakInWhileSilent || left <= options.resetInterval().toNanos()) {
                return awaitStateChange(Duration.ofNanos(left));
            }
            try {
                return awaitStateChange(options.resetInterval());
            } catch (KdTimeoutException e) {
                LOG.log(System.Logger.Level.DEBUG, "target silent after sync: break-in again (" + timeout + " overall)");
                pump.link().sendBreakIn();
            }
        }
    }

    /**
     * Waits for the target to stop (RUNNING to BROKEN); prints and file requests are served meanwhile.
     * Silence after our continue is probed ({@link ContinueGuard}), so a continue the target never
     * took shows up as its stop announced again. Callers that move the instruction pointer before
     * continuing use {@link #awaitStop} to tell that echo from a new stop.
     */
    public StateChange64 awaitStateChange(Duration timeout) throws KdException {
        return awaitStop(timeout).change();
    }

    /**
     * As {@link #awaitStateChange}, saying whether the stop repeats the one we continued from after
     * a RESET probe: then it is that stop's echo (continue again) or a new stop just like it, which
     * only the caller can tell ({@link ReportedStop}).
     */
    public ReportedStop awaitStop(Duration timeout) throws KdException {
        long deadline = pump.clock().deadlineAfter(timeout.toNanos());
        while (true) {
            long probeDue = continues.probeDue(deadline);
            KdPacket p = next(probeDue, "state change", timeout, deadline);
            if (p == null) {
                continues.onSilence();
                continue;
            }
            continues.heard();
            if (p.is(PacketType.STATE_CHANGE64)) {
                boolean repeat = continues.repeatsContinuedStop(p);
                if (repeat) {
                    LOG.log(System.Logger.Level.DEBUG, "the continued stop was announced again after a probe");
                }
                return new ReportedStop(enterBroken(p), repeat);
            }
            serveAsync(p);
        }
    }

    /**
     * Sends a manipulate request and returns the response with the same ApiNumber (responses to
     * other APIs are stale repeats and dropped). Target must be BROKEN.
     */
    public ManipulateState request(ManipulateState request, Duration timeout) throws KdException {
        requireBroken(request);
        if (!ManipulateApi.of(request.apiNumber()).map(ManipulateApi::hasResponse).orElse(true)) {
            throw new IllegalArgumentException(ManipulateApi.describe(request.apiNumber()) + " has no response; use resume");
        }
        long deadline = pump.clock().deadlineAfter(timeout.toNanos());
        send(request);
        int resent = 0;
        int unanswered = 0;
        while (true) {
            long patience = pump.clock().deadlineAfter(options.ackTimeout().toNanos() * RESPONSE_PATIENCE_ACKS);
            KdPacket p = next(earlier(deadline, patience), "response to " + ManipulateApi.describe(request.apiNumber()),
                    timeout, deadline);
            if (p == null) {
                // ACKed but never answered: a byte flipped in our header's type makes kdcom ACK and ignore it
                if (++unanswered > options.maxRetries()) {
                    throw new KdTimeoutException("no response to " + ManipulateApi.describe(request.apiNumber())
                            + " after asking " + unanswered + " times");
                }
                LOG.log(System.Logger.Level.DEBUG, "no response: asking again " + request);
                pump.sendAgain(request::toPacket);
            } else if (p.is(PacketType.STATE_MANIPULATE)) {
                ManipulateState response = ManipulateState.decode(p.payload());
                if (Responses.answers(request, response)) {
                    return response;
                }
                LOG.log(System.Logger.Level.DEBUG, "stale response dropped: " + response);
            } else if (p.is(PacketType.STATE_CHANGE64)) {
                // The target resynchronised and reports its stop again: our request was lost with it.
                StateChange64 before = lastStateChange;
                StateChange64 change = enterBroken(p);
                if (!sameStop(before, change)) {
                    restarts++;
                    throw new KdProtocolException("target announced " + change + " instead of answering "
                            + ManipulateApi.describe(request.apiNumber()) + ", expected its current stop " + before
                            + " again: it rebooted or restarted its debugger");
                }
                if (++resent > options.maxRetries()) {
                    throw new KdProtocolException("target keeps re-reporting its stop instead of answering "
                            + ManipulateApi.describe(request.apiNumber()));
                }
                pump.sendReliable(request::toPacket);
            } else {
                serveAsync(p);
            }
        }
    }

    /** Sends a request the target only ACKs and that leaves it BROKEN (clear-all-internal-breakpoints). */
    public void sendWithoutResponse(ManipulateState request) throws KdException {
        requireBroken(request);
        send(request);
    }

    /**
     * Sends a request that has no response (continue, continue2): the target is then RUNNING. A
     * continue whose ACK never comes is not a failure yet: the target may have run at once (it then
     * ignores the resends); a RESET probe finds out ({@link ContinueGuard}).
     */
    public void resume(ManipulateState request) throws KdException {
        requireBroken(request);
        write(() -> continues.send(request));
        state = SessionState.RUNNING;
    }

    /**
     * Sends the break-in byte; callable from any thread while another waits for a state change.
     * Does nothing while BROKEN: a target in its debugger loop would remember the byte and stop
     * again right after the next continue.
     */
    public void breakIn() throws KdException {
        if (state == SessionState.BROKEN) {
            LOG.log(System.Logger.Level.DEBUG, "break-in ignored: target already broken in");
            return;
        }
        pump.link().sendBreakIn();
    }

    @Override
    public void close() {
        state = SessionState.DISCONNECTED;
        pump.link().close();
    }

    /** As below, but null when only {@code wait} (earlier than the overall {@code deadline}) passed. */
    private KdPacket next(long wait, String what, Duration timeout, long deadline) throws KdException {
        if (wait == deadline) {
            return next(deadline, what, timeout);
        }
        try {
            return pump.nextDelivered(wait);
        } catch (LinkClosedException e) {
            state = SessionState.DISCONNECTED;
            throw e;
        }
    }

    private KdPacket next(long deadline, String what, Duration timeout) throws KdException {
        try {
            KdPacket p = pump.nextDelivered(deadline);
            if (p == null) {
                throw new KdTimeoutException("no " + what + " within " + timeout.toMillis() + " ms");
            }
            return p;
        } catch (LinkClosedException e) {
            state = SessionState.DISCONNECTED;
            throw e;
        }
    }

    private StateChange64 enterBroken(KdPacket p) throws KdProtocolException {
        StateChange64 change = StateChange64.decode(p.payload());
        continues.stopped(p);
        lastStateChange = change;
        state = SessionState.BROKEN;
        return change;
    }

    private void serveAsync(KdPacket p) throws KdException {
        if (p.is(PacketType.DEBUG_IO)) {
            DebugIo io = DebugIo.decode(p.payload());
            if (io.is(DebugIoApi.PRINT_STRING)) {
                listener.debugPrint(io.processor(), io.text());
            } else {
                LOG.log(System.Logger.Level.DEBUG, "unanswered debug I/O: " + io);
            }
        } else if (p.is(PacketType.FILE_IO)) {
            FileIo request = FileIo.decode(p.payload());
            FileIo reply = FileIo.reply(request.apiNumber(), NtStatus.STATUS_NO_SUCH_FILE.code());
            pump.sendReliable(reply::toPacket);
            listener.fileRequestRefused(request);
        } else {
            LOG.log(System.Logger.Level.DEBUG, "skipped: " + PacketSummary.describe(p));
        }
    }

    private void send(ManipulateState request) throws KdException {
        write(() -> pump.sendReliable(request::toPacket));
    }

    /** A write that fails means the link is gone: the state says so at once, not at the next read. */
    private void write(LinkWrite write) throws KdException {
        try {
            write.run();
        } catch (LinkClosedException e) {
            state = SessionState.DISCONNECTED;
            throw e;
        }
    }

    /** One write to the link. */
    @FunctionalInterface
    private interface LinkWrite {
        void run() throws KdException;
    }

    /**
     * A call while RUNNING is the caller's mistake; a call after the link died is not (another
     * thread or a failed write may have noticed first), so it gets the link's own error.
     */
    private void requireBroken(ManipulateState request) throws LinkClosedException {
        if (state == SessionState.DISCONNECTED) {
            throw new LinkClosedException("link closed: cannot send " + ManipulateApi.describe(request.apiNumber()));
        }
        if (state != SessionState.BROKEN) {
            throw new IllegalStateException("cannot send " + ManipulateApi.describe(request.apiNumber())
                    + ": target is " + state + ", expected BROKEN");
        }
    }

    /** A resynchronised target repeats its stop: same kind, processor, thread and PC. */
    private static boolean sameStop(StateChange64 a, StateChange64 b) {
        return a != null && a.newState() == b.newState() && a.processor() == b.processor() && a.thread() == b.thread()
                && a.programCounter() == b.programCounter();
    }

    private static long earlier(long a, long b) {
        return a - b <= 0 ? a : b;
    }
}
