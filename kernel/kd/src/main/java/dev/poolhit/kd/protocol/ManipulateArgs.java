package dev.poolhit.kd.protocol;

/**
 * The API-specific fields of the 40-byte union inside DBGKD_MANIPULATE_STATE64 (kd-protocol.md
 * 4.1). Each record decodes from and writes only its own fields into the union, so bytes it does
 * not own (WinDbg's stack junk) survive a decode/encode round trip.
 */
public sealed interface ManipulateArgs
        permits MemoryArgs, ContextArgs, ContextExArgs, BreakpointArgs, RestoreBreakpointArgs,
                ContinueArgs, Continue2Args, Continue2X86Args, GetVersion64 {

    /** Writes this record's fields at their offsets into {@code union} (40 bytes, offset 0 = 0x10). */
    void writeTo(byte[] union);
}
