/** Stack walks from a register context and WinDbg {@code k} rendering. */
package dev.poolhit.target.stack;
