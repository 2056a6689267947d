package dev.poolhit.kd.transport;

import dev.poolhit.kd.protocol.KdException;
import dev.poolhit.kd.protocol.KdPacket;
import java.io.Closeable;

/**
 * The seam between the KD session and a transport: moves whole KD packets (the JDI
 * {@code Connection} idea). KDCOM over a byte stream ({@link dev.poolhit.kd.transport.kdcom.KdcomLink}) and KDNET differ only
 * below it. Works for either side of the conversation: a host session or a simulated target.
 *
 * <p>Threading: one thread calls {@link #receive}; {@link #send} and {@link #sendBreakIn} may be
 * called from any thread and never interleave their bytes; {@link #close} from any thread.
 */
public interface PacketLink extends Closeable {
    /** Sends one packet (with whatever framing the transport needs). */
    void send(KdPacket packet) throws KdException;

    /** Sends the break-in request (KDCOM: the single byte 0x62 outside any packet). */
    void sendBreakIn() throws KdException;

    /**
     * The next event, waiting until {@link #clock()} reaches {@code deadlineNanos}; {@code null} if
     * the deadline passed first. A deadline in the past polls without waiting.
     *
     * @throws dev.poolhit.kd.protocol.LinkClosedException once the link is closed and drained
     */
    LinkEvent receive(long deadlineNanos) throws KdException;

    /** The clock {@link #receive} deadlines refer to. */
    KdClock clock();

    /** For logs, e.g. {@code kdcom over tcp:127.0.0.1:50000}. */
    String description();

    boolean isOpen();

    @Override
    void close();
}
