package dev.poolhit.target.unwind;

/** x64 general-purpose registers in UNWIND_CODE / ModRM numbering (0 = RAX ... 15 = R15). */
public enum Reg {
    RAX, RCX, RDX, RBX, RSP, RBP, RSI, RDI, R8, R9, R10, R11, R12, R13, R14, R15;

    private static final Reg[] BY_NUMBER = values();

    public int number() {
        return ordinal();
    }

    public static Reg of(int number) {
        return BY_NUMBER[number & 15];
    }
}
