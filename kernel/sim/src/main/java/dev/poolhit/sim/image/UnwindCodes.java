package dev.poolhit.sim.image;

import java.util.ArrayList;
import java.util.List;

/** Decodes an UNWIND_CODE array (2-byte slots, unwind order) into {@link UnwindOp}s. */
final class UnwindCodes {
    private UnwindCodes() {}

    static List<UnwindOp> decode(byte[] codes, int count, int frameOffset, int frameRegister, String image) {
        List<UnwindOp> out = new ArrayList<>();
        int i = 0;
        while (i < count) {
            int op = codes[i * 2 + 1] & 0x0f;
            int info = (codes[i * 2 + 1] & 0xff) >>> 4;
            switch (op) {
                case 0 -> out.add(new UnwindOp(UnwindOp.Kind.PUSH_NONVOL, info, 8));
                case 1 -> {
                    long size = info == 0 ? slot(codes, i + 1, count, image) * 8L
                            : slot(codes, i + 1, count, image) | (long) slot(codes, i + 2, count, image) << 16;
                    out.add(new UnwindOp(UnwindOp.Kind.ALLOC, 0, size));
                    i += info == 0 ? 1 : 2;
                }
                case 2 -> out.add(new UnwindOp(UnwindOp.Kind.ALLOC, 0, info * 8L + 8));
                case 3 -> out.add(new UnwindOp(UnwindOp.Kind.SET_FPREG, frameRegister, frameOffset * 16L));
                case 4 -> {
                    out.add(new UnwindOp(UnwindOp.Kind.SAVE_NONVOL, info, slot(codes, i + 1, count, image) * 8L));
                    i += 1;
                }
                case 5 -> {
                    long off = slot(codes, i + 1, count, image) | (long) slot(codes, i + 2, count, image) << 16;
                    out.add(new UnwindOp(UnwindOp.Kind.SAVE_NONVOL, info, off));
                    i += 2;
                }
                case 6, 7 -> { } // v2 epilog descriptors / spare: no prolog effect
                case 8 -> {
                    out.add(new UnwindOp(UnwindOp.Kind.SAVE_XMM, info, slot(codes, i + 1, count, image) * 16L));
                    i += 1;
                }
                case 9 -> {
                    long off = slot(codes, i + 1, count, image) | (long) slot(codes, i + 2, count, image) << 16;
                    out.add(new UnwindOp(UnwindOp.Kind.SAVE_XMM, info, off));
                    i += 2;
                }
                case 10 -> out.add(new UnwindOp(UnwindOp.Kind.PUSH_MACHFRAME, 0, info == 1 ? 8 : 0));
                default -> throw new ImageFormatException("unknown unwind op: " + op + " at code slot " + i
                        + " (" + image + ")");
            }
            i++;
        }
        return out;
    }

    private static int slot(byte[] codes, int index, int count, String image) {
        if (index * 2 + 1 >= codes.length) {
            throw new ImageFormatException("truncated unwind codes: slot " + index + " of " + count + " (" + image + ")");
        }
        return (codes[index * 2] & 0xff) | (codes[index * 2 + 1] & 0xff) << 8;
    }
}
