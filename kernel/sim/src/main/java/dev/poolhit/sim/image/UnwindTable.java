package dev.poolhit.sim.image;

import dev.poolhit.common.LittleEndian;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The simulator's own reader of a PE32+ exception directory: RUNTIME_FUNCTION entries (12 bytes)
 * and their UNWIND_INFO (version, flags, SizeOfProlog, CountOfCodes, FrameRegister/Offset, codes,
 * then a chained RUNTIME_FUNCTION when UNW_FLAG_CHAININFO is set). Layout per MicrosoftDocs
 * cpp-docs "x64 exception handling" (domain.md 4.1).
 */
public final class UnwindTable {
    private static final int UNW_FLAG_CHAININFO = 4;
    private static final int MAX_CHAIN = 32;

    private final List<UnwindInfo> functions;

    private UnwindTable(List<UnwindInfo> functions) {
        this.functions = functions;
    }

    public static UnwindTable read(PeFile pe) {
        long[] dir = pe.directory(PeFile.DIR_EXCEPTION);
        List<UnwindInfo> out = new ArrayList<>();
        PeReader in = new PeReader(pe.name(), pe.bytes());
        for (long at = 0; at + 12 <= dir[1]; at += 12) {
            int entry = pe.fileOffset(dir[0] + at);
            out.add(decode(pe, in, in.u32(entry), in.u32(entry + 4), in.u32(entry + 8)));
        }
        return new UnwindTable(Collections.unmodifiableList(out));
    }

    public List<UnwindInfo> functions() {
        return functions;
    }

    /** The function whose range holds {@code rva} (a binary search, as an unwinder does). */
    public Optional<UnwindInfo> lookup(long rva) {
        int lo = 0;
        int hi = functions.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            UnwindInfo f = functions.get(mid);
            if (rva < f.beginRva()) {
                hi = mid - 1;
            } else if (rva >= f.endRva()) {
                lo = mid + 1;
            } else {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    private static UnwindInfo decode(PeFile pe, PeReader in, long begin, long end, long unwindRva) {
        List<UnwindOp> unwindOrder = new ArrayList<>();
        int prologSize = 0;
        long info = unwindRva;
        for (int depth = 0; ; depth++) {
            if (depth == MAX_CHAIN) {
                throw new ImageFormatException("unwind chain too long: more than " + MAX_CHAIN + " links from RVA 0x"
                        + Long.toHexString(begin) + " (" + pe.name() + ")");
            }
            int at = pe.fileOffset(info);
            byte[] head = in.slice(at, 4);
            int flags = (head[0] & 0xff) >>> 3;
            int count = head[2] & 0xff;
            // Two slack slots: a multi-slot code whose operand lies past CountOfCodes (a defect seen in
            // hand-written xdata) is read the way llvm-readobj and dbghelp read it, not rejected.
            byte[] codes = in.slice(at + 4, Math.min(count + 2, (pe.bytes().length - at - 4) / 2) * 2);
            prologSize = head[1] & 0xff;
            unwindOrder.addAll(UnwindCodes.decode(codes, count, (head[3] & 0xff) >>> 4, head[3] & 0x0f, pe.name()));
            if ((flags & UNW_FLAG_CHAININFO) == 0) {
                break;
            }
            int chained = at + 4 + ((count + 1) & ~1) * 2;
            info = LittleEndian.u32(in.slice(chained + 8, 4), 0);
        }
        List<UnwindOp> prolog = new ArrayList<>(unwindOrder);
        Collections.reverse(prolog);
        return new UnwindInfo(begin, end, prologSize, prolog);
    }
}
