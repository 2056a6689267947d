package dev.poolhit.target.unwind;

import dev.poolhit.common.Hex;
import dev.poolhit.common.LittleEndian;
import dev.poolhit.target.UnwindException;
import dev.poolhit.target.memory.VirtualMemory;
import dev.poolhit.target.pe.RuntimeFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * UNWIND_INFO: Version:3|Flags:5, SizeOfProlog, CountOfCodes, FrameRegister:4|FrameOffset:4, the
 * codes (array padded to an even count), then an optional chained RUNTIME_FUNCTION. Handler data is
 * not needed for stack walking and is not read.
 */
public record UnwindInfo(int version, int flags, int sizeOfProlog, int frameRegister, int frameOffset,
        List<UnwindCode> codes, Optional<RuntimeFunction> chained) {
    public static final int FLAG_EHANDLER = 1;
    public static final int FLAG_UHANDLER = 2;
    public static final int FLAG_CHAININFO = 4;
    static final int HEADER_BYTES = 4;

    public UnwindInfo {
        codes = List.copyOf(codes);
    }

    /** The frame register's value minus FrameOffset*16 is the RSP the prolog established. */
    public long scaledFrameOffset() {
        return frameOffset * 16L;
    }

    public static UnwindInfo read(VirtualMemory memory, long address) {
        byte[] header = memory.read(address, HEADER_BYTES);
        int count = LittleEndian.u8(header, 2);
        int paddedSlots = (count + 1) & ~1;
        int flags = LittleEndian.u8(header, 0) >>> 3;
        int chainBytes = (flags & FLAG_CHAININFO) != 0 ? RuntimeFunction.BYTES : 0;
        byte[] all = memory.read(address, HEADER_BYTES + paddedSlots * 2 + chainBytes);
        return decode(all, address);
    }

    /** Decodes from {@code b} (header at 0); {@code address} only names the record in errors. */
    static UnwindInfo decode(byte[] b, long address) {
        int version = LittleEndian.u8(b, 0) & 7;
        if (version != 1 && version != 2) {
            throw new UnwindException("unwind info at " + Hex.u64(address) + ": version " + version + ", expected 1 or 2");
        }
        int flags = LittleEndian.u8(b, 0) >>> 3;
        int count = LittleEndian.u8(b, 2);
        List<UnwindCode> codes = decodeCodes(b, count, version, address);
        Optional<RuntimeFunction> chained = (flags & FLAG_CHAININFO) != 0
                ? Optional.of(RuntimeFunction.decode(b, HEADER_BYTES + ((count + 1) & ~1) * 2))
                : Optional.empty();
        return new UnwindInfo(version, flags, LittleEndian.u8(b, 1), LittleEndian.u8(b, 3) & 15,
                LittleEndian.u8(b, 3) >>> 4, codes, chained);
    }

    private static List<UnwindCode> decodeCodes(byte[] b, int count, int version, long address) {
        List<UnwindCode> codes = new ArrayList<>();
        int i = 0;
        while (i < count) {
            int at = HEADER_BYTES + 2 * i;
            int offset = LittleEndian.u8(b, at);
            int opCode = LittleEndian.u8(b, at + 1) & 15;
            int info = LittleEndian.u8(b, at + 1) >>> 4;
            UnwindOp op = UnwindOp.ofCode(opCode);
            if (op == null || (op == UnwindOp.ALLOC_LARGE && info > 1) || (op == UnwindOp.PUSH_MACHFRAME && info > 1)) {
                throw new UnwindException(String.format("unwind info at %s: code %d has op %d info %d, not a defined UWOP",
                        Hex.u64(address), i, opCode, info));
            }
            int slots = op.slots(info);
            if (i + slots > count) {
                throw new UnwindException(String.format("unwind info at %s: code %d (%s) needs %d slots, only %d of %d left",
                        Hex.u64(address), i, op.msName(), slots, count - i, count));
            }
            codes.add(new UnwindCode(offset, op, info, operand(b, at, op, info)));
            i += slots;
        }
        return codes;
    }

    private static long operand(byte[] b, int at, UnwindOp op, int info) {
        return switch (op) {
            case ALLOC_LARGE -> info == 0 ? LittleEndian.u16(b, at + 2) * 8L : LittleEndian.u32(b, at + 2);
            case ALLOC_SMALL -> info * 8L + 8;
            case SAVE_NONVOL -> LittleEndian.u16(b, at + 2) * 8L;
            case SAVE_XMM128 -> LittleEndian.u16(b, at + 2) * 16L;
            case SAVE_NONVOL_FAR, SAVE_XMM128_FAR -> LittleEndian.u32(b, at + 2);
            default -> 0;
        };
    }
}
