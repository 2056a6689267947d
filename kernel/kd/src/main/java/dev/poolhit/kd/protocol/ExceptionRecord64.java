package dev.poolhit.kd.protocol;

import dev.poolhit.common.LittleEndian;
import java.util.Arrays;

/**
 * EXCEPTION_RECORD64 (0x98 bytes). Offsets relative to the record (it sits at 0x20 of a state change).
 *
 * <pre>
 *   0x00 u32 ExceptionCode   0x04 u32 ExceptionFlags   0x08 u64 ExceptionRecord (chained)
 *   0x10 u64 ExceptionAddress   0x18 u32 NumberParameters   0x1C u32 __unusedAlignment
 *   0x20 u64[15] ExceptionInformation
 * </pre>
 */
public record ExceptionRecord64(int code, int flags, long chainedRecord, long address, int numberParameters,
                                int unusedAlignment, long[] information) {
    public static final int BYTES = 0x98;
    public static final int MAX_PARAMETERS = 15;

    public ExceptionRecord64 {
        if (information == null || information.length != MAX_PARAMETERS) {
            throw new IllegalArgumentException("ExceptionInformation must have 15 entries");
        }
    }

    /** A breakpoint-style record with no parameters beyond {@code info0}. */
    public static ExceptionRecord64 of(int code, long address, long info0) {
        long[] info = new long[MAX_PARAMETERS];
        info[0] = info0;
        return new ExceptionRecord64(code, 0, 0, address, 1, 0, info);
    }

    static ExceptionRecord64 decode(byte[] b, int off) {
        long[] info = new long[MAX_PARAMETERS];
        for (int i = 0; i < MAX_PARAMETERS; i++) {
            info[i] = LittleEndian.u64(b, off + 0x20 + 8 * i);
        }
        return new ExceptionRecord64(LittleEndian.i32(b, off), LittleEndian.i32(b, off + 4),
                LittleEndian.u64(b, off + 8), LittleEndian.u64(b, off + 0x10), LittleEndian.i32(b, off + 0x18),
                LittleEndian.i32(b, off + 0x1C), info);
    }

    void writeTo(byte[] b, int off) {
        LittleEndian.put32(b, off, code);
        LittleEndian.put32(b, off + 4, flags);
        LittleEndian.put64(b, off + 8, chainedRecord);
        LittleEndian.put64(b, off + 0x10, address);
        LittleEndian.put32(b, off + 0x18, numberParameters);
        LittleEndian.put32(b, off + 0x1C, unusedAlignment);
        for (int i = 0; i < MAX_PARAMETERS; i++) {
            LittleEndian.put64(b, off + 0x20 + 8 * i, information[i]);
        }
    }

    public byte[] encode() {
        byte[] b = new byte[BYTES];
        writeTo(b, 0);
        return b;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExceptionRecord64 r && Arrays.equals(r.encode(), encode());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encode());
    }

    @Override
    public String toString() {
        return String.format("ExceptionRecord64[%s at 0x%016x, %d params]", NtStatus.describe(code), address,
                numberParameters);
    }
}
