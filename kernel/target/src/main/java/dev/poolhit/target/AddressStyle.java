package dev.poolhit.target;

import dev.poolhit.common.Hex;

/**
 * How addresses of one target are written, decided by its pointer width: WinDbg prints
 * {@code fffff800`02a00000} on x64 and {@code 82800000} on a 32-bit target. Values stay u64
 * everywhere (x86 addresses sign-extended from bit 31, as the kd protocol carries them); only
 * the text changes, so tables of both machines stay joinable and sortable.
 */
public enum AddressStyle {
    /** 64-bit pointers: 16 digits with a backtick between the halves. */
    X64(64),
    /** 32-bit pointers: 8 digits, as WinDbg prints them on an x86 target. */
    X86(32);

    private final int pointerBits;

    AddressStyle(int pointerBits) {
        this.pointerBits = pointerBits;
    }

    /** 64 or 32: what the trace file's manifest records. */
    public int pointerBits() {
        return pointerBits;
    }

    /** The style of {@code bits}-wide pointers. */
    public static AddressStyle ofPointerBits(int bits) {
        return switch (bits) {
            case 64 -> X64;
            case 32 -> X86;
            default -> throw new IllegalArgumentException("pointer width: expected 32 or 64, actual " + bits);
        };
    }

    /**
     * The address as WinDbg prints it on this machine. On x86 a value that is not a sign-extended
     * 32-bit number (garbage read from memory, a corrupt file) keeps its 16 digits, so nothing
     * is hidden by the narrow form.
     */
    public String text(long address) {
        if (this == X86 && isSignExtended32(address)) {
            return Hex.u32(address);
        }
        return Hex.u64(address);
    }

    /**
     * An address as a person types it for this machine. On x86 both {@code 82800000} and
     * {@code ffffffff`82800000} mean the same sign-extended value; on x64 this is
     * {@link Hex#parseAddress}.
     *
     * @throws NumberFormatException with a message naming the rule that was broken
     */
    public long parse(String text) {
        long value = Hex.parseAddress(text);
        try {
            return canonical(value);
        } catch (NumberFormatException e) {
            throw new NumberFormatException(e.getMessage() + " (typed as '" + text + "')");
        }
    }

    /**
     * The model form of an address typed for this machine: on x86 a 32-bit value is
     * sign-extended from bit 31 ({@code 82800000} becomes {@code ffffffff`82800000}), a wider
     * value must already be a sign extension; on x64 every value is itself.
     *
     * @throws NumberFormatException for a wider x86 value that is not a sign extension
     */
    public long canonical(long value) {
        if (this == X64 || isSignExtended32(value)) {
            return value;
        }
        if (Long.compareUnsigned(value, 0xffffffffL) <= 0) {
            return (int) value;
        }
        throw new NumberFormatException("address wider than 32 bits on an x86 target: " + Hex.u64(value)
                + ", expected 8 hex digits or 16 whose upper 8 copy bit 31");
    }

    private static boolean isSignExtended32(long value) {
        return value == (int) value;
    }
}
