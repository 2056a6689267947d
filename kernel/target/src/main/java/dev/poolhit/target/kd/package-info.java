/**
 * The live target over KD: {@link dev.poolhit.target.kd.KdTarget} joins the wire client
 * ({@code dev.poolhit.kd}) and the debugger model ({@code dev.poolhit.target}). This package is the
 * only code that sees both, and the one place where {@code KdException}s become
 * {@link dev.poolhit.target.TargetException}s (style rule R5).
 *
 * <p>Global exceptions: every {@code KdTarget} call may throw
 * {@link dev.poolhit.target.TargetDisconnectedException} (link closed, target silent, protocol
 * error) and {@link dev.poolhit.target.TargetRunningException} (the call needs a broken-in
 * target); memory and breakpoint calls throw {@link dev.poolhit.target.MemoryAccessException}
 * naming the address.
 */
package dev.poolhit.target.kd;
