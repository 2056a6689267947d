/**
 * The host side of a KD conversation: {@link dev.poolhit.kd.session.KdSession} (reliability,
 * synchronisation, state table) and {@link dev.poolhit.kd.session.KdClient} (typed calls).
 *
 * <p>Global exceptions: {@link dev.poolhit.kd.protocol.KdTimeoutException} when the ACK retries or
 * a call's deadline run out; {@link dev.poolhit.kd.protocol.KdStatusException} when the target
 * answers with a failing NTSTATUS; {@link dev.poolhit.kd.protocol.KdProtocolException} for
 * malformed answers; {@link dev.poolhit.kd.protocol.LinkClosedException} when the link goes away
 * (the session is then DISCONNECTED). Calling a method in the wrong state is a programming error:
 * {@link java.lang.IllegalStateException}.
 */
package dev.poolhit.kd.session;
