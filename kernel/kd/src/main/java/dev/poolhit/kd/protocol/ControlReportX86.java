package dev.poolhit.kd.protocol;

import dev.poolhit.common.LittleEndian;
import java.util.Arrays;

/**
 * X86_DBGKD_CONTROL_REPORT in the 48-byte report area (0xC0-0xEF) of a state change from a 32-bit
 * target (kd-protocol.md 12.2): 40 bytes of report and 8 unused bytes, which are kept so junk
 * re-encodes exactly. Field order differs from {@link ControlReportAmd64}: decide by GetVersion's
 * MachineType ({@link TargetMachine}), never by the bytes.
 *
 * <pre>
 *   0x00 u32 Dr6   0x04 u32 Dr7   0x08 u16 InstructionCount   0x0A u16 ReportFlags
 *   0x0C u8[16] InstructionStream   0x1C u16 SegCs   0x1E u16 SegDs   0x20 u16 SegEs   0x22 u16 SegFs
 *   0x24 u32 EFlags   0x28 u64 unused (zero from ReactOS and XP)
 * </pre>
 */
public record ControlReportX86(int dr6, int dr7, int instructionCount, int reportFlags, byte[] instructionStream,
                               int segCs, int segDs, int segEs, int segFs, int eflags, long unused) {
    /** The whole report area of the state change (the union is sized by the AMD64 report). */
    public static final int BYTES = ControlReportAmd64.BYTES;
    /** The X86_DBGKD_CONTROL_REPORT itself. */
    public static final int REPORT_BYTES = 0x28;
    public static final int STREAM_BYTES = 16;
    public static final int REPORT_INCLUDES_SEGS = 0x1;
    /** Set when CS is KGDT_R0_CODE (0x08) on x86. */
    public static final int REPORT_STANDARD_CS = 0x2;

    public ControlReportX86 {
        Structs.requireLength(instructionStream, STREAM_BYTES, "instruction stream");
        instructionStream = instructionStream.clone();
    }

    public static ControlReportX86 decode(byte[] b) throws KdProtocolException {
        Structs.requireExactly(b, BYTES, "X86_DBGKD_CONTROL_REPORT area");
        return new ControlReportX86(LittleEndian.i32(b, 0), LittleEndian.i32(b, 4), LittleEndian.u16(b, 8),
                LittleEndian.u16(b, 0x0A), Structs.slice(b, 0x0C, STREAM_BYTES), LittleEndian.u16(b, 0x1C),
                LittleEndian.u16(b, 0x1E), LittleEndian.u16(b, 0x20), LittleEndian.u16(b, 0x22),
                LittleEndian.i32(b, 0x24), LittleEndian.u64(b, 0x28));
    }

    public byte[] encode() {
        byte[] b = new byte[BYTES];
        LittleEndian.put32(b, 0, dr6);
        LittleEndian.put32(b, 4, dr7);
        LittleEndian.put16(b, 8, instructionCount);
        LittleEndian.put16(b, 0x0A, reportFlags);
        System.arraycopy(instructionStream, 0, b, 0x0C, STREAM_BYTES);
        LittleEndian.put16(b, 0x1C, segCs);
        LittleEndian.put16(b, 0x1E, segDs);
        LittleEndian.put16(b, 0x20, segEs);
        LittleEndian.put16(b, 0x22, segFs);
        LittleEndian.put32(b, 0x24, eflags);
        LittleEndian.put64(b, 0x28, unused);
        return b;
    }

    @Override
    public byte[] instructionStream() {
        return instructionStream.clone();
    }

    /** The valid instruction bytes ({@code instructionCount}, capped at 16). */
    public byte[] instructions() {
        return Arrays.copyOf(instructionStream, Math.min(instructionCount, STREAM_BYTES));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ControlReportX86 r && Arrays.equals(r.encode(), encode());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encode());
    }

    @Override
    public String toString() {
        return String.format("ControlReportX86[dr6=0x%08x dr7=0x%08x cs=0x%x eflags=0x%x count=%d]", dr6, dr7, segCs,
                eflags, instructionCount);
    }
}
