package dev.poolhit.kd.protocol;

import java.util.Arrays;

/**
 * x86 KSPECIAL_REGISTERS (84 = 0x54 bytes, kd-protocol.md 12.4). On x86, Read/WriteControlSpace
 * take a byte offset into the CPU's KPROCESSOR_STATE (CONTEXT 0x2CC + this block = 0x320 bytes), not
 * the AMD64 selectors: this block is offset {@link #CONTROL_SPACE_OFFSET}, length {@link #BYTES}.
 * Exact bytes, fields through {@link X86SpecialRegister}; immutable.
 */
public record X86SpecialRegisters(byte[] bytes) {
    public static final int BYTES = 0x54;
    /** Control-space offset of this block (= sizeof x86 CONTEXT); never sign-extended. */
    public static final long CONTROL_SPACE_OFFSET = X86Context.BYTES;
    /** Size of the x86 KPROCESSOR_STATE: reads start below it, writes end within it. */
    public static final int PROCESSOR_STATE_BYTES = X86Context.BYTES + BYTES;

    public X86SpecialRegisters {
        Structs.requireLength(bytes, BYTES, "x86 KSPECIAL_REGISTERS");
        bytes = bytes.clone();
    }

    public static X86SpecialRegisters empty() {
        return new X86SpecialRegisters(new byte[BYTES]);
    }

    public static X86SpecialRegisters decode(byte[] b) throws KdProtocolException {
        Structs.requireExactly(b, BYTES, "x86 KSPECIAL_REGISTERS");
        return new X86SpecialRegisters(b);
    }

    public byte[] encode() {
        return bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public long get(X86SpecialRegister r) {
        return RawFields.read(bytes, r.offset(), r.width());
    }

    public X86SpecialRegisters with(X86SpecialRegister r, long value) {
        return new X86SpecialRegisters(RawFields.write(bytes, r.offset(), r.width(), value));
    }

    /**
     * Whether a control-space read of {@code length} bytes at {@code offset} is served on x86 (ROS-KDX86:
     * offset below 0x320; the length is clamped) - hosts use it to reject requests a target would fail.
     */
    public static boolean readable(long offset) {
        return Long.compareUnsigned(offset, PROCESSOR_STATE_BYTES) < 0;
    }

    /** Whether a control-space write fits entirely inside KPROCESSOR_STATE (offset + length <= 0x320). */
    public static boolean writable(long offset, int length) {
        return length >= 0 && Long.compareUnsigned(offset, PROCESSOR_STATE_BYTES) <= 0
                && offset + length <= PROCESSOR_STATE_BYTES;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof X86SpecialRegisters k && Arrays.equals(k.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return String.format("X86SpecialRegisters[cr3=0x%x dr7=0x%x]", get(X86SpecialRegister.CR3),
                get(X86SpecialRegister.KERNEL_DR7));
    }
}
