package dev.poolhit.target.x86;

import dev.poolhit.target.UnwindException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongUnaryOperator;
import java.util.regex.Pattern;

/**
 * A FRAMEDATA program: RPN over 32-bit values ({@code $T0 .raSearch = $eip $T0 ^ = $esp $T0 4 + =}).
 * Operands are numbers and the variables {@link #VARIABLES}; operators {@code + - * / %}, {@code @}
 * (align down: {@code a & ~(b-1)}), {@code ^} (read the dword at the address) and {@code =}
 * (assign the value to the variable under it). Programs are bounded ({@link #MAX_CHARS}), and a
 * malformed one is an {@link UnwindException} naming the program, the token and the rule.
 */
public final class FrameProgram {
    public static final int MAX_CHARS = 4096;
    /** Every name a program may read or assign. */
    public static final Set<String> VARIABLES = Set.of("$eip", "$esp", "$ebp", "$ebx", "$esi", "$edi",
            "$T0", "$T1", "$T2", "$T3", "$T4", "$T5", "$T6", "$T7", "$T8", "$T9",
            ".raSearch", ".raSearchStart", ".cbLocals", ".cbParams", ".cbSavedRegs");
    private static final Pattern NUMBER = Pattern.compile("-?(0x[0-9a-fA-F]{1,8}|[0-9]{1,10})");
    private static final long MASK = 0xffffffffL;

    private final String text;
    private final List<String> tokens;

    private FrameProgram(String text, List<String> tokens) {
        this.text = text;
        this.tokens = tokens;
    }

    public static FrameProgram parse(String text) {
        if (text.length() > MAX_CHARS) {
            throw new UnwindException("frame program: " + text.length() + " characters, expected at most " + MAX_CHARS);
        }
        String trimmed = text.strip();
        return new FrameProgram(trimmed, trimmed.isEmpty() ? List.of() : List.of(trimmed.split("\\s+")));
    }

    public String text() {
        return text;
    }

    /**
     * Runs the program. {@code inputs} holds the starting values (registers, {@code .raSearch}...);
     * the result holds them plus every assignment, all as unsigned 32-bit values.
     *
     * @param dword reads the 32-bit value at an address (sign-extended kernel addresses as the wire has them)
     */
    public Map<String, Long> run(Map<String, Long> inputs, LongUnaryOperator dword) {
        Map<String, Long> vars = new HashMap<>();
        inputs.forEach((k, v) -> vars.put(k, v & MASK));
        Deque<Object> stack = new ArrayDeque<>();
        for (int i = 0; i < tokens.size(); i++) {
            step(tokens.get(i), i + 1, stack, vars, dword);
        }
        if (!stack.isEmpty()) {
            throw fail("%d operand(s) left on the stack at the end, expected none", stack.size());
        }
        return vars;
    }

    private void step(String token, int n, Deque<Object> stack, Map<String, Long> vars, LongUnaryOperator dword) {
        switch (token) {
            case "=" -> {
                long value = value(pop(stack, token, n, 2), vars, n);
                Object target = stack.pop();
                if (!(target instanceof String name)) {
                    throw fail("token %d '=' assigns to the number 0x%x, expected a variable", n, (Long) target);
                }
                vars.put(name, value);
            }
            case "^" -> stack.push(dword.applyAsLong(X86Registers.canonical(value(pop(stack, token, n, 1), vars, n))) & MASK);
            case "+", "-", "*", "/", "%", "@" -> {
                long b = value(pop(stack, token, n, 2), vars, n);
                long a = value(stack.pop(), vars, n);
                stack.push(binary(token, a, b, n) & MASK);
            }
            default -> stack.push(operand(token, n));
        }
    }

    private Object pop(Deque<Object> stack, String token, int n, int needed) {
        if (stack.size() < needed) {
            throw fail("token %d '%s' needs %d operand(s), the stack has %d", n, token, needed, stack.size());
        }
        return stack.pop();
    }

    private long binary(String op, long a, long b, int n) {
        return switch (op) {
            case "+" -> a + b;
            case "-" -> a - b;
            case "*" -> a * b;
            case "@" -> a & ~(b - 1);
            default -> {
                if (b == 0) {
                    throw fail("token %d '%s' divides by zero", n, op);
                }
                yield op.equals("/") ? a / b : a % b;
            }
        };
    }

    private Object operand(String token, int n) {
        if (VARIABLES.contains(token)) {
            return token;
        }
        if (NUMBER.matcher(token).matches()) {
            boolean negative = token.startsWith("-");
            String digits = negative ? token.substring(1) : token;
            long v = digits.startsWith("0x") ? Long.parseLong(digits.substring(2), 16) : Long.parseLong(digits);
            if (v > MASK) {
                throw fail("token %d '%s' does not fit in 32 bits", n, token);
            }
            return (negative ? -v : v) & MASK;
        }
        throw fail("token %d '%s' is not a number, a known variable or an operator", n, token);
    }

    private long value(Object operand, Map<String, Long> vars, int n) {
        if (operand instanceof Long v) {
            return v;
        }
        Long v = vars.get((String) operand);
        if (v == null) {
            throw fail("token %d reads %s before any assignment", n, operand);
        }
        return v;
    }

    private UnwindException fail(String format, Object... args) {
        return new UnwindException("frame program \"" + text + "\": " + String.format(format, args));
    }

    @Override
    public String toString() {
        return text;
    }
}
