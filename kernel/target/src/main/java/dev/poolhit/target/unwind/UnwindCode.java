package dev.poolhit.target.unwind;

/**
 * One decoded unwind operation: the prolog offset after its instruction, the op, its OpInfo
 * (register number, or a variant flag), and its operand already scaled: the allocation size for
 * the ALLOC ops, the displacement from the frame base for the SAVE ops, 0 otherwise.
 */
public record UnwindCode(int codeOffset, UnwindOp op, int opInfo, long operand) {
    public Reg register() {
        return Reg.of(opInfo);
    }
}
