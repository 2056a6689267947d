package dev.poolhit.target.x86;

import dev.poolhit.common.Hex;
import dev.poolhit.common.LittleEndian;
import dev.poolhit.target.TargetException;
import dev.poolhit.target.UnwindException;
import dev.poolhit.target.memory.VirtualMemory;
import dev.poolhit.target.symbol.Location;
import dev.poolhit.target.unwind.UnwindMethod;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongFunction;
import java.util.function.LongPredicate;

/**
 * Unwinds one x86 frame as WinDbg/dbghelp does (kd-protocol.md 12.7): the FRAMEDATA program of the
 * code (a cold stub {@code int 3; jmp back} borrows its parent's record at the jump target), a
 * KTRAP_FRAME at EBP in trap entry code, the return address at [ESP] for a leaf at an exact context
 * or a function whose prologue builds no EBP frame, the EBP chain, and last a bounded scan for a
 * return address. Lookups use EIP at an exact context (frame 0, after a trap)
 * and EIP-1 elsewhere (a return address follows its call).
 */
public final class X86Unwinder {
    /** Dwords the scan reads from ESP at frame 0 and at later frames (rust-minidump's and breakpad's bounds). */
    public static final int SCAN_WORDS_FIRST = 160;
    public static final int SCAN_WORDS = 40;
    /** Extra dwords tried above {@code .raSearch} when it holds no return address (breakpad). */
    public static final int RA_SEARCH_RESCAN = 3;
    /** A scanned frame takes [slot-4] as its EBP only when it points this close above (breakpad). */
    public static final long MAX_FRAME_GAP = 128 * 1024;

    /** Prologues that set up an EBP frame: MSVC's hot-patchable {@code mov edi,edi; push ebp; mov ebp,esp} and clang's. */
    private static final List<byte[]> EBP_PROLOGUES = List.of(Hex.decode("8b ff 55 8b ec"), Hex.decode("8b ff 55 89 e5"),
            Hex.decode("55 8b ec"), Hex.decode("55 89 e5"));

    private final VirtualMemory memory;
    private final FrameDataSource frames;
    private final LongPredicate trapCode;
    private final LongFunction<OptionalLong> functionStart;

    /**
     * @param trapCode      whether an address is trap entry code (e.g. {@link TrapCode#byName})
     * @param functionStart the start of the function holding an address, if known (from its symbol):
     *                      without FRAMEDATA its prologue tells an EBP frame from a frameless one
     */
    public X86Unwinder(VirtualMemory memory, FrameDataSource frames, LongPredicate trapCode,
                       LongFunction<OptionalLong> functionStart) {
        this.memory = memory;
        this.frames = frames;
        this.trapCode = trapCode;
        this.functionStart = functionStart;
    }

    /** Trap entries and function starts judged from a describer's names (e.g. {@code X86Names.describer(...)}). */
    public static X86Unwinder of(VirtualMemory memory, FrameDataSource frames, LongFunction<Location> describer) {
        return new X86Unwinder(memory, frames, TrapCode.byName(describer), address -> {
            Location l = describer.apply(address);
            return l.function().isPresent() && l.offset().isPresent()
                    ? OptionalLong.of(address - l.offset().getAsLong()) : OptionalLong.empty();
        });
    }

    public FrameDataSource frames() {
        return frames;
    }

    /**
     * @param exactContext the registers are exact (frame 0, or the frame a trap interrupted), not
     *                     recovered at a return address
     * @param calleeParams the callee frame's FRAMEDATA ParamsSize (0 at an exact context)
     * @throws UnwindException when no method finds a caller, listing why each failed
     */
    public X86UnwindStep unwind(X86Registers regs, boolean exactContext, long calleeParams) {
        long pc = exactContext ? regs.eip() : regs.eip() - 1;
        Optional<FrameDataHit> hit = frames.find(pc);
        if (hit.isEmpty() && exactContext) {
            hit = coldStubParent(regs.eip());
        }
        List<String> failures = new ArrayList<>();
        if (hit.isPresent()) {
            Optional<X86UnwindStep> step = new FrameDataUnwind(this, regs, hit.get()).run(calleeParams, failures);
            if (step.isPresent()) {
                return step.get();
            }
        } else if (!exactContext && trapCode.test(pc)) {
            return trap(regs);
        }
        long params = hit.map(h -> h.entry().data().paramsSize()).orElse(0L);
        if (hit.isEmpty() && (exactContext || frameless(pc))) {
            long ra = dwordOr(regs.esp(), -1);
            if (isReturnAddress(ra)) {
                return new X86UnwindStep(regs.withEip(ra).withEsp(regs.esp() + 4), UnwindMethod.LEAF, regs.esp() - 4, 0);
            }
            failures.add("no FRAMEDATA, frameless: [ESP " + Hex.u32(regs.esp()) + "] " + Hex.u32(ra) + " is no return address");
        }
        boolean threadStart = !exactContext && hit.isEmpty(); // EBP 0 ends the walk only where nothing else describes the frame
        Optional<X86UnwindStep> chained = framePointer(regs, threadStart, params, failures);
        return chained.orElseGet(() -> scan(regs, exactContext, params, failures));
    }

    /** A function whose start is known and does not begin with an EBP-frame prologue. */
    private boolean frameless(long pc) {
        OptionalLong start = functionStart.apply(pc);
        if (start.isEmpty()) {
            return false;
        }
        byte[] code;
        try {
            code = memory.read(start.getAsLong(), 5);
        } catch (TargetException e) {
            return false;
        }
        return EBP_PROLOGUES.stream().noneMatch(p -> Arrays.equals(code, 0, p.length, p, 0, p.length));
    }

    private Optional<X86UnwindStep> framePointer(X86Registers regs, boolean zeroEnds, long params, List<String> failures) {
        long ebp = regs.ebp();
        if (ebp == 0 && zeroEnds) {
            // thread start code clears EBP (KiThreadStartup's xor ebp,ebp): the bottom of the stack
            return Optional.of(new X86UnwindStep(regs.withEip(0), UnwindMethod.FRAME_POINTER, 0, params));
        }
        if ((ebp & 3) != 0 || Long.compareUnsigned(X86Registers.u32(ebp), X86Registers.u32(regs.esp())) < 0) {
            failures.add("EBP " + Hex.u32(ebp) + " is not an aligned frame pointer at or above ESP " + Hex.u32(regs.esp()));
            return Optional.empty();
        }
        long ra = dwordOr(ebp + 4, -1);
        if (ra != 0 && !isReturnAddress(ra)) {
            failures.add("EBP chain: [EBP+4] " + Hex.u32(ra) + " is no return address");
            return Optional.empty();
        }
        X86Registers caller = regs.withEip(ra).withEbp(dwordOr(ebp, 0)).withEsp(ebp + 8);
        return Optional.of(new X86UnwindStep(caller, UnwindMethod.FRAME_POINTER, ebp, params));
    }

    private X86UnwindStep trap(X86Registers regs) {
        long frame = regs.ebp();
        KTrapFrame32 tf;
        try {
            tf = KTrapFrame32.decode(memory.read(frame, KTrapFrame32.BYTES));
        } catch (TargetException e) {
            throw new UnwindException("trap frame at EBP " + Hex.u32(frame) + " (code " + Hex.u32(regs.eip())
                    + ") unreadable: " + e.getMessage(), e);
        }
        if (!tf.plausible()) {
            throw new UnwindException(String.format(
                    "trap frame at EBP %s (code %s): SegCs 0x%x, expected a kernel or user code selector",
                    Hex.u32(frame), Hex.u32(regs.eip()), tf.segCs()));
        }
        long esp = tf.fromUserMode() ? tf.hardwareEsp() : frame + KTrapFrame32.OFFSET_HARDWARE_ESP;
        X86Registers caller = new X86Registers(tf.eip(), esp, tf.ebp(), tf.ebx(), tf.esi(), tf.edi());
        return new X86UnwindStep(caller, UnwindMethod.TRAP_FRAME, frame, 0);
    }

    private X86UnwindStep scan(X86Registers regs, boolean exactContext, long params, List<String> failures) {
        int words = exactContext ? SCAN_WORDS_FIRST : SCAN_WORDS;
        long start = X86Registers.u32(regs.esp());
        for (int i = 0; i < words; i++) {
            long slot = start + 4L * i;
            long value = dwordOr(slot, -1);
            if (value == -1) {
                break; // off the readable stack
            }
            if (isReturnAddress(value)) {
                long savedEbp = X86Registers.u32(dwordOr(slot - 4, 0));
                boolean near = savedEbp > slot && savedEbp - slot < MAX_FRAME_GAP;
                X86Registers caller = regs.withEip(value).withEsp(slot + 4).withEbp(near ? savedEbp : regs.ebp());
                return new X86UnwindStep(caller, UnwindMethod.SCAN, slot - 4, params);
            }
        }
        failures.add("scan: no return address in " + words + " dwords from ESP " + Hex.u32(start));
        throw new UnwindException("EIP " + Hex.u32(regs.eip()) + ": " + String.join("; ", failures));
    }

    /** A cold stub ({@code int 3; jmp rel}) has no record: its parent's record at the jump target describes the stack. */
    private Optional<FrameDataHit> coldStubParent(long eip) {
        byte[] code;
        try {
            code = memory.read(eip, 6);
        } catch (TargetException e) {
            return Optional.empty();
        }
        int at = (code[0] & 0xff) == 0xcc ? 1 : 0;
        int op = code[at] & 0xff;
        if (op == 0xe9 && at + 5 <= code.length) {
            long rel = LittleEndian.i32(code, at + 1);
            return frames.find(eip + at + 5 + rel);
        }
        if (op == 0xeb) {
            return frames.find(eip + at + 2 + code[at + 1]);
        }
        return Optional.empty();
    }

    boolean isReturnAddress(long value) {
        return value != -1 && value != 0 && CallSites.isReturnAddress(memory, frames, value);
    }

    /** The dword at {@code address} as unsigned, or {@code fallback} when unreadable. */
    long dwordOr(long address, long fallback) {
        try {
            return dword(address);
        } catch (TargetException e) {
            return fallback;
        }
    }

    long dword(long address) {
        return X86Registers.u32(memory.u32(X86Registers.canonical(address)));
    }
}
