/**
 * Views of Windows kernel objects read from target memory: per-build field offsets
 * ({@link dev.poolhit.target.os.OsOffsets}), a thread's process and kernel stack
 * ({@link dev.poolhit.target.os.OsStructures}) and a process's user-mode modules from its PEB loader
 * list ({@link dev.poolhit.target.os.LoaderList}). Unknown builds have no offsets: their values stay
 * missing, never guessed.
 */
package dev.poolhit.target.os;
