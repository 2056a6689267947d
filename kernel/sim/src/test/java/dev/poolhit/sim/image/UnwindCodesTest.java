package dev.poolhit.sim.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.poolhit.common.Hex;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Unwind code forms the compiled images do not contain, as hand-made slot arrays (unwind order). */
class UnwindCodesTest {
    @Test
    void decodesFarFormsAndMachineFrameWithErrorCode() {
        byte[] codes = Hex.decode("""
                20 11 00 00 01 00   # ALLOC_LARGE info 1: 32-bit size 0x00010000
                18 35 00 00 02 00   # SAVE_NONVOL_FAR rbx (3), offset 0x00020000
                10 18 04 00         # SAVE_XMM128 xmm1, scaled offset 4
                00 1a               # PUSH_MACHFRAME with error code
                """);
        List<UnwindOp> ops = UnwindCodes.decode(codes, 9, 0, 0, "hand");
        assertEquals(List.of(new UnwindOp(UnwindOp.Kind.ALLOC, 0, 0x10000),
                new UnwindOp(UnwindOp.Kind.SAVE_NONVOL, 3, 0x20000),
                new UnwindOp(UnwindOp.Kind.SAVE_XMM, 1, 0x40),
                new UnwindOp(UnwindOp.Kind.PUSH_MACHFRAME, 0, 8)), ops);
    }

    @Test
    void setFrameUsesTheHeadersRegisterAndScaledOffset() {
        byte[] codes = Hex.decode("""
                0b 03               # SET_FPREG
                06 42               # ALLOC_SMALL 0x28
                01 50               # PUSH_NONVOL rbp
                """);
        assertEquals(List.of(new UnwindOp(UnwindOp.Kind.SET_FPREG, 5, 0x20),
                new UnwindOp(UnwindOp.Kind.ALLOC, 0, 0x28), new UnwindOp(UnwindOp.Kind.PUSH_NONVOL, 5, 8)),
                UnwindCodes.decode(codes, 3, 2, 5, "hand"));
    }

    @Test
    void truncatedAndUnknownCodesAreTypedErrors() {
        assertEquals("truncated unwind codes: slot 1 of 1 (hand)", assertThrows(ImageFormatException.class,
                () -> UnwindCodes.decode(Hex.decode("04 01"), 1, 0, 0, "hand")).getMessage());
        assertEquals("unknown unwind op: 11 at code slot 0 (hand)", assertThrows(ImageFormatException.class,
                () -> UnwindCodes.decode(Hex.decode("04 0b"), 1, 0, 0, "hand")).getMessage());
    }
}
