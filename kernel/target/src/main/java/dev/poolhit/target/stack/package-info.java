/**
 * Stack walks from a register context and WinDbg {@code k} rendering: {@link dev.poolhit.target.stack.StackWalker}
 * (x64) and {@link dev.poolhit.target.stack.X86StackWalker} (x86, see {@code dev.poolhit.target.x86}) give the same
 * {@link dev.poolhit.target.stack.StackTrace}; {@link dev.poolhit.target.stack.StackRenderer#k} picks the columns
 * from the frames' {@link dev.poolhit.target.stack.Machine}.
 */
package dev.poolhit.target.stack;
