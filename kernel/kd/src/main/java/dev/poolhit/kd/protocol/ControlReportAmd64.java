package dev.poolhit.kd.protocol;

import dev.poolhit.common.LittleEndian;
import java.util.Arrays;

/**
 * AMD64_DBGKD_CONTROL_REPORT, the last 48 bytes (0xC0-0xEF) of a state change (kd-protocol.md 3).
 *
 * <pre>
 *   0x00 u64 Dr6   0x08 u64 Dr7   0x10 u32 EFlags   0x14 u16 InstructionCount
 *   0x16 u16 ReportFlags (1 INCLUDES_SEGS, 2 STANDARD_CS)   0x18 u8[16] InstructionStream
 *   0x28 u16 SegCs   0x2A u16 SegDs   0x2C u16 SegEs   0x2E u16 SegFs
 * </pre>
 */
public record ControlReportAmd64(long dr6, long dr7, int eflags, int instructionCount, int reportFlags,
                                 byte[] instructionStream, int segCs, int segDs, int segEs, int segFs) {
    public static final int BYTES = 0x30;
    public static final int STREAM_BYTES = 16;
    public static final int REPORT_INCLUDES_SEGS = 0x1;
    public static final int REPORT_STANDARD_CS = 0x2;

    public ControlReportAmd64 {
        Structs.requireLength(instructionStream, STREAM_BYTES, "instruction stream");
    }

    public static ControlReportAmd64 decode(byte[] b) throws KdProtocolException {
        Structs.requireExactly(b, BYTES, "AMD64_DBGKD_CONTROL_REPORT");
        return new ControlReportAmd64(LittleEndian.u64(b, 0), LittleEndian.u64(b, 8), LittleEndian.i32(b, 0x10),
                LittleEndian.u16(b, 0x14), LittleEndian.u16(b, 0x16), Structs.slice(b, 0x18, STREAM_BYTES),
                LittleEndian.u16(b, 0x28), LittleEndian.u16(b, 0x2A), LittleEndian.u16(b, 0x2C),
                LittleEndian.u16(b, 0x2E));
    }

    public byte[] encode() {
        byte[] b = new byte[BYTES];
        LittleEndian.put64(b, 0, dr6);
        LittleEndian.put64(b, 8, dr7);
        LittleEndian.put32(b, 0x10, eflags);
        LittleEndian.put16(b, 0x14, instructionCount);
        LittleEndian.put16(b, 0x16, reportFlags);
        System.arraycopy(instructionStream, 0, b, 0x18, STREAM_BYTES);
        LittleEndian.put16(b, 0x28, segCs);
        LittleEndian.put16(b, 0x2A, segDs);
        LittleEndian.put16(b, 0x2C, segEs);
        LittleEndian.put16(b, 0x2E, segFs);
        return b;
    }

    /** The valid instruction bytes ({@code instructionCount}, capped at 16). */
    public byte[] instructions() {
        return Arrays.copyOf(instructionStream, Math.min(instructionCount, STREAM_BYTES));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ControlReportAmd64 r && Arrays.equals(r.encode(), encode());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encode());
    }
}
