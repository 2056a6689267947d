package dev.poolhit.kd.protocol;

import dev.poolhit.common.LittleEndian;

/**
 * DBGKD_READ_MEMORY64 / DBGKD_WRITE_MEMORY64: the union for Read/WriteVirtualMemory,
 * Read/WritePhysicalMemory and Read/WriteControlSpace.
 *
 * <pre>
 *   0x10 u64 TargetBaseAddress   (control space: selector 0 KPCR, 1 KPRCB, 2 KSPECIAL, 3 KTHREAD)
 *   0x18 u32 TransferCount
 *   0x1C u32 ActualBytesRead / ActualBytesWritten (physical requests: caching flag)
 * </pre>
 */
public record MemoryArgs(long targetBaseAddress, int transferCount, int actualBytes) implements ManipulateArgs {
    /** Offset of TransferCount inside the 56-byte manipulate struct. */
    public static final int TRANSFER_COUNT_OFFSET = 0x18;

    public static MemoryArgs of(ManipulateState state) {
        byte[] u = state.union();
        return new MemoryArgs(LittleEndian.u64(u, 0), LittleEndian.i32(u, 8), LittleEndian.i32(u, 12));
    }

    @Override
    public void writeTo(byte[] union) {
        LittleEndian.put64(union, 0, targetBaseAddress);
        LittleEndian.put32(union, 8, transferCount);
        LittleEndian.put32(union, 12, actualBytes);
    }
}
