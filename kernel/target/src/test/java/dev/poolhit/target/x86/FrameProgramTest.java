package dev.poolhit.target.x86;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.poolhit.target.UnwindException;
import java.util.Map;
import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FrameProgramTest {
    /** A stack where [0x1000] = 0x2000 (saved EBP) and [0x1004] = 0x82801025 (return address). */
    private static final LongUnaryOperator STACK = a -> switch ((int) a) {
        case 0x1000 -> 0x2000;
        case 0x1004 -> 0x82801025L;
        case 0x0ff8 -> 0xb0b;
        default -> throw new AssertionError("read of 0x" + Long.toHexString(a));
    };

    @Test
    void ebpFrameProgramOfClang() {
        Map<String, Long> out = FrameProgram.parse("$T0 $ebp 4 + = $eip $T0 ^ = $esp $T0 4 + = $ebp $T0 4 - ^ = ")
                .run(Map.of("$ebp", 0x1000L, "$eip", 0x1234L, "$esp", 0xff0L), STACK);
        assertEquals(0x82801025L, out.get("$eip"));
        assertEquals(0x1008L, out.get("$esp"));
        assertEquals(0x2000L, out.get("$ebp"));
        assertEquals(0x1004L, out.get("$T0"));
    }

    @Test
    void fpoProgramReadsRaSearchAndSavedRegisters() {
        Map<String, Long> out = FrameProgram.parse("$T0 .raSearch = $eip $T0 ^ = $esp $T0 4 + = $ebx $T0 12 - ^ =")
                .run(Map.of(".raSearch", 0x1004L, "$ebx", 1L), STACK);
        assertEquals(0x82801025L, out.get("$eip"));
        assertEquals(0x1008L, out.get("$esp"));
        assertEquals(0xb0bL, out.get("$ebx"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "$T1 7 3 - = ;4", "$T1 7 3 * = ;21", "$T1 7 3 / = ;2", "$T1 7 3 % = ;1", "$T1 0x1237 8 @ = ;4656",
            "$T1 1 2 - = ;4294967295", "$T1 -4 = ;4294967292", "$T1 .cbLocals .cbSavedRegs + = ;20"})
    void operatorsWorkOnUnsigned32BitValues(String program, long expected) {
        Map<String, Long> out = FrameProgram.parse(program).run(Map.of(".cbLocals", 8L, ".cbSavedRegs", 12L), STACK);
        assertEquals(expected, out.get("$T1"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "$T0 + ;frame program \"$T0 +\": token 2 '+' needs 2 operand(s), the stack has 1",
            "^ ;frame program \"^\": token 1 '^' needs 1 operand(s), the stack has 0",
            "4 5 = ;frame program \"4 5 =\": token 3 '=' assigns to the number 0x4, expected a variable",
            "$T0 $foo = ;frame program \"$T0 $foo =\": token 2 '$foo' is not a number, a known variable or an operator",
            "$T0 $T1 = ;frame program \"$T0 $T1 =\": token 3 reads $T1 before any assignment",
            "$T0 1 0 / = ;frame program \"$T0 1 0 / =\": token 4 '/' divides by zero",
            "$T0 1 0 % = ;frame program \"$T0 1 0 % =\": token 4 '%' divides by zero",
            "$T0 9999999999 = ;frame program \"$T0 9999999999 =\": token 2 '9999999999' does not fit in 32 bits",
            "$T0 1 = 2 ;frame program \"$T0 1 = 2\": 1 operand(s) left on the stack at the end, expected none"})
    void malformedProgramsGiveTheBrokenRule(String program, String message) {
        UnwindException e = assertThrows(UnwindException.class, () -> FrameProgram.parse(program).run(Map.of(), STACK));
        assertEquals(message, e.getMessage());
    }

    @Test
    void programsAreBounded() {
        String huge = "$T0 ".repeat(2000);
        assertEquals("frame program: 8000 characters, expected at most 4096",
                assertThrows(UnwindException.class, () -> FrameProgram.parse(huge)).getMessage());
    }
}
