/**
 * Moving KD packets: the {@link dev.poolhit.kd.transport.PacketLink} seam, byte transports (TCP,
 * named pipe, serial, in-process), the wire-log decorator and the injectable clock.
 *
 * <p>Global exceptions: a closed or failed transport surfaces as
 * {@link dev.poolhit.kd.protocol.LinkClosedException} from {@code send} and (after queued events
 * are drained) from {@code receive}; an interrupted wait as
 * {@link dev.poolhit.kd.protocol.KdInterruptedException}. Malformed input never throws here: it
 * arrives as a {@link dev.poolhit.kd.transport.LinkEvent.Garbage} event.
 */
package dev.poolhit.kd.transport;
