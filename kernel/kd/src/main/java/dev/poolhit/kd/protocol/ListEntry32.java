package dev.poolhit.kd.protocol;

import dev.poolhit.common.LittleEndian;

/**
 * A 32-bit LIST_ENTRY (8 bytes: Flink u32, Blink u32), as found at a 32-bit kernel's
 * DebuggerDataList, PsLoadedModuleList head, each module entry's InLoadOrderLinks and the first 8
 * bytes of KDDEBUGGER_DATA64.Header (kd-protocol.md 12.6). Links are zero-extended u32: compare
 * them with a 32-bit head via {@link #pointsTo}, never with a sign-extended wire address.
 */
public record ListEntry32(long flink, long blink) {
    public static final int BYTES = 8;
    /** Bytes to read at DebuggerDataList to learn KdDebuggerDataBlock (the Flink alone). */
    public static final int FLINK_BYTES = 4;

    public static ListEntry32 decode(byte[] b) throws KdProtocolException {
        Structs.requireExactly(b, BYTES, "LIST_ENTRY32");
        return new ListEntry32(LittleEndian.u32(b, 0), LittleEndian.u32(b, 4));
    }

    /** The Flink from a 4-byte (or longer) read at a list head; only the low 4 bytes count. */
    public static long flinkOf(byte[] b) throws KdProtocolException {
        Structs.requireAtLeast(b, FLINK_BYTES, "LIST_ENTRY32.Flink");
        return LittleEndian.u32(b, 0);
    }

    public byte[] encode() {
        byte[] b = new byte[BYTES];
        LittleEndian.put32(b, 0, flink);
        LittleEndian.put32(b, 4, blink);
        return b;
    }

    /** True when Flink is {@code address} compared as 32-bit values (a walk is back at its head). */
    public boolean pointsTo(long address) {
        return flink == X86Pointers.fromWire(address);
    }
}
