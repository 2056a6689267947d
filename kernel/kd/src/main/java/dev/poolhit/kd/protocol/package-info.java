/**
 * KD wire records and their codecs, for both directions (host and simulated target).
 *
 * <p>Global exceptions (documented here once, JDI style): every decoder that reads untrusted bytes
 * throws {@link dev.poolhit.kd.protocol.KdProtocolException} with a "what, expected, actual,
 * context" message and never another exception; factories and {@code with} methods given
 * impossible values by their caller throw {@link java.lang.IllegalArgumentException}. All kd
 * exceptions extend the checked {@link dev.poolhit.kd.protocol.KdException}.
 *
 * <p>Byte order is little-endian throughout, through {@code dev.poolhit.common.LittleEndian}.
 * Section numbers in the javadoc refer to {@code docs/kd-protocol.md}.
 */
package dev.poolhit.kd.protocol;
