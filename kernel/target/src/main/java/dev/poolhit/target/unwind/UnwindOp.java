package dev.poolhit.target.unwind;

/**
 * UNWIND_CODE operations with their wire number and Microsoft name (rule R2), and how many 16-bit
 * slots each occupies. A version 2 UWOP_EPILOG is one slot each (a header code, then one code per
 * epilog, offset 0 being padding, as LLVM's readobj documents the format); the .NET unwinder's
 * table says 2, which agrees whenever the compiler pads the epilog codes to an even count, so one
 * slot is right in both cases. SPARE_CODE keeps that table's 3 slots.
 */
public enum UnwindOp {
    PUSH_NONVOL(0, "UWOP_PUSH_NONVOL"),
    ALLOC_LARGE(1, "UWOP_ALLOC_LARGE"),
    ALLOC_SMALL(2, "UWOP_ALLOC_SMALL"),
    SET_FPREG(3, "UWOP_SET_FPREG"),
    SAVE_NONVOL(4, "UWOP_SAVE_NONVOL"),
    SAVE_NONVOL_FAR(5, "UWOP_SAVE_NONVOL_FAR"),
    EPILOG(6, "UWOP_EPILOG"),
    SPARE_CODE(7, "UWOP_SPARE_CODE"),
    SAVE_XMM128(8, "UWOP_SAVE_XMM128"),
    SAVE_XMM128_FAR(9, "UWOP_SAVE_XMM128_FAR"),
    PUSH_MACHFRAME(10, "UWOP_PUSH_MACHFRAME");

    private static final UnwindOp[] BY_CODE = values();
    private final int code;
    private final String msName;

    UnwindOp(int code, String msName) {
        this.code = code;
        this.msName = msName;
    }

    public int code() {
        return code;
    }

    public String msName() {
        return msName;
    }

    /** The op for a 4-bit code, or null for 11..15 (undefined). */
    static UnwindOp ofCode(int code) {
        return code < BY_CODE.length ? BY_CODE[code] : null;
    }

    /** Slots used, including the first; ALLOC_LARGE depends on its OpInfo. */
    int slots(int opInfo) {
        return switch (this) {
            case ALLOC_LARGE -> opInfo == 0 ? 2 : 3;
            case SAVE_NONVOL, SAVE_XMM128 -> 2;
            case SAVE_NONVOL_FAR, SAVE_XMM128_FAR, SPARE_CODE -> 3;
            default -> 1;
        };
    }

    @Override
    public String toString() {
        return name() + "(" + code + ", " + msName + ")";
    }
}
