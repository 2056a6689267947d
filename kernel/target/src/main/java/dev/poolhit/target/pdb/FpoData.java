package dev.poolhit.target.pdb;

import dev.poolhit.common.LittleEndian;
import java.util.Optional;

/**
 * One old-style FPO_DATA record (16 bytes; DBI debug stream 0 or PE debug type 3): ulOffStart,
 * cbProcSize, cdwLocals (dwords), cdwParams u16 (dwords), then a u16 of bit fields: cbProlog 0-7,
 * cbRegs 8-10, fHasSEH 11, fUseBP 12, reserved 13, cbFrame 14-15 (kd-protocol.md 12.7).
 */
public record FpoData(long offStart, long procSize, long localDwords, int paramDwords, int attributes) {
    public static final int BYTES = 16;
    public static final int FRAME_FPO = 0;
    public static final int FRAME_TRAP = 1;
    public static final int FRAME_TSS = 2;
    public static final int FRAME_NONFPO = 3;

    public static FpoData decode(byte[] b, int at) {
        return new FpoData(LittleEndian.u32(b, at), LittleEndian.u32(b, at + 4), LittleEndian.u32(b, at + 8),
                LittleEndian.u16(b, at + 12), LittleEndian.u16(b, at + 14));
    }

    public byte[] encode() {
        byte[] b = new byte[BYTES];
        LittleEndian.put32(b, 0, offStart);
        LittleEndian.put32(b, 4, procSize);
        LittleEndian.put32(b, 8, localDwords);
        LittleEndian.put16(b, 12, paramDwords);
        LittleEndian.put16(b, 14, attributes);
        return b;
    }

    public int prologBytes() {
        return attributes & 0xff;
    }

    public int savedRegs() {
        return (attributes >> 8) & 7;
    }

    public boolean hasSeh() {
        return (attributes & 0x800) != 0;
    }

    /** The function uses EBP for its own purposes and saved the caller's in its register area. */
    public boolean usesBasePointer() {
        return (attributes & 0x1000) != 0;
    }

    public int frameType() {
        return (attributes >> 14) & 3;
    }

    /**
     * The equivalent FRAMEDATA record and program (breakpad's rules for FPO_DATA): an FPO frame
     * finds its return address at {@code .raSearch}; with fUseBP the caller's EBP sits 8 bytes
     * below the locals ({@code .raSearchStart - LocalSize - 8}); a NONFPO frame is an EBP frame.
     * Trap and TSS records give none (trap code is recognised by the unwinder itself).
     */
    public Optional<FrameDataEntry> asFrameData() {
        String program = switch (frameType()) {
            case FRAME_FPO -> "$T0 .raSearch = $eip $T0 ^ = $esp $T0 4 + ="
                    + (usesBasePointer() ? " $ebp .raSearchStart .cbLocals - 8 - ^ =" : "");
            case FRAME_NONFPO -> "$T0 $ebp 4 + = $eip $T0 ^ = $esp $T0 4 + = $ebp $T0 4 - ^ =";
            default -> null;
        };
        if (program == null) {
            return Optional.empty();
        }
        FrameData d = new FrameData(offStart, procSize, 4 * localDwords, 4L * paramDwords, 0, 0, prologBytes(),
                4 * savedRegs(), (hasSeh() ? FrameData.FLAG_SEH : 0) | FrameData.FLAG_FUNCTION_START);
        return Optional.of(new FrameDataEntry(d, program));
    }
}
