package dev.poolhit.kd.protocol;

import java.util.Arrays;

/**
 * The x86 CONTEXT (716 = 0x2CC bytes) that GetContext returns and SetContext sends on a 32-bit
 * target (kd-protocol.md 12.3); it is also the first 0x2CC bytes of x86 control space. Kept as its
 * exact bytes; registers through {@link X86Register}. Immutable: {@link #with} returns a copy.
 *
 * <pre>
 *   0x00 ContextFlags   0x04 Dr0..Dr3, Dr6, Dr7   0x1C FloatSave (112, FNSAVE-style)
 *   0x8C SegGs SegFs SegEs SegDs   0x9C Edi Esi Ebx Edx Ecx Eax   0xB4 Ebp   0xB8 Eip
 *   0xBC SegCs   0xC0 EFlags   0xC4 Esp   0xC8 SegSs   0xCC ExtendedRegisters (512, FXSAVE; Xmm0 at 0x16C)
 * </pre>
 */
public record X86Context(byte[] bytes) {
    public static final int BYTES = 0x2CC;
    public static final int FLOAT_REGISTER_AREA_OFFSET = 0x38;
    public static final int EXTENDED_REGISTERS_OFFSET = 0xCC;
    public static final int XMM0_OFFSET = 0x16C;
    public static final int CONTEXT_I386 = 0x00010000;
    public static final int CONTEXT_CONTROL = CONTEXT_I386 | 0x01;
    public static final int CONTEXT_INTEGER = CONTEXT_I386 | 0x02;
    public static final int CONTEXT_SEGMENTS = CONTEXT_I386 | 0x04;
    public static final int CONTEXT_FLOATING_POINT = CONTEXT_I386 | 0x08;
    public static final int CONTEXT_DEBUG_REGISTERS = CONTEXT_I386 | 0x10;
    public static final int CONTEXT_EXTENDED_REGISTERS = CONTEXT_I386 | 0x20;
    /** CONTROL | INTEGER | SEGMENTS = 0x10007. */
    public static final int CONTEXT_FULL = 0x00010007;
    /** FULL | FLOATING_POINT | DEBUG_REGISTERS | EXTENDED_REGISTERS = 0x1003F (what RZ requests). */
    public static final int CONTEXT_ALL = 0x0001003F;

    public X86Context {
        Structs.requireLength(bytes, BYTES, "x86 CONTEXT");
        bytes = bytes.clone();
    }

    /** All zero except ContextFlags. */
    public static X86Context empty(int contextFlags) {
        return new X86Context(new byte[BYTES]).with(X86Register.CONTEXT_FLAGS, contextFlags & 0xffffffffL);
    }

    public static X86Context decode(byte[] b) throws KdProtocolException {
        Structs.requireExactly(b, BYTES, "x86 CONTEXT");
        return new X86Context(b);
    }

    public byte[] encode() {
        return bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The field as an unsigned 32-bit value. */
    public long get(X86Register r) {
        return RawFields.read(bytes, r.offset(), r.width());
    }

    public X86Context with(X86Register r, long value) {
        return new X86Context(RawFields.write(bytes, r.offset(), r.width(), value));
    }

    public long eip() {
        return get(X86Register.EIP);
    }

    public long esp() {
        return get(X86Register.ESP);
    }

    public long ebp() {
        return get(X86Register.EBP);
    }

    /** XMM register {@code n} (0-7), 16 bytes from the FXSAVE image. */
    public byte[] xmm(int n) {
        if (n < 0 || n > 7) {
            throw new IllegalArgumentException("x86 xmm register out of range: expected 0-7, got " + n);
        }
        return Arrays.copyOfRange(bytes, XMM0_OFFSET + 16 * n, XMM0_OFFSET + 16 * n + 16);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof X86Context c && Arrays.equals(c.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return String.format("X86Context[eip=0x%08x esp=0x%08x ebp=0x%08x]", eip(), esp(), ebp());
    }
}
