package dev.poolhit.kd.protocol;

import java.util.Arrays;

/**
 * The AMD64 CONTEXT (1232 = 0x4D0 bytes) that GetContext returns and SetContext sends
 * (kd-protocol.md 6). Kept as its exact bytes so it round-trips; registers are read and replaced
 * through {@link Amd64Register}. Immutable: {@link #with} returns a copy.
 *
 * <pre>
 *   0x00 P1Home..P6Home   0x30 ContextFlags   0x34 MxCsr   0x38 SegCs..SegSs   0x44 EFlags
 *   0x48 Dr0..Dr3, Dr6, Dr7   0x78 Rax Rcx Rdx Rbx Rsp Rbp Rsi Rdi R8..R15   0xF8 Rip
 *   0x100 FltSave (FXSAVE, Xmm0 at 0x1A0)   0x300 VectorRegister[26]   0x4A0 VectorControl ...
 * </pre>
 */
public record Amd64Context(byte[] bytes) {
    public static final int BYTES = 0x4D0;
    public static final int XMM0_OFFSET = 0x1A0;
    public static final int CONTEXT_AMD64 = 0x00100000;
    /** CONTEXT_AMD64 | CONTROL | INTEGER | SEGMENTS | FLOATING_POINT | DEBUG_REGISTERS. */
    public static final int CONTEXT_ALL = 0x0010001F;

    public Amd64Context {
        Structs.requireLength(bytes, BYTES, "AMD64 CONTEXT");
        bytes = bytes.clone();
    }

    /** All zero except ContextFlags. */
    public static Amd64Context empty(int contextFlags) {
        return new Amd64Context(new byte[BYTES]).with(Amd64Register.CONTEXT_FLAGS, contextFlags & 0xffffffffL);
    }

    public static Amd64Context decode(byte[] b) throws KdProtocolException {
        Structs.requireExactly(b, BYTES, "AMD64 CONTEXT");
        return new Amd64Context(b);
    }

    public byte[] encode() {
        return bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public long get(Amd64Register r) {
        return RawFields.read(bytes, r.offset(), r.width());
    }

    public Amd64Context with(Amd64Register r, long value) {
        return new Amd64Context(RawFields.write(bytes, r.offset(), r.width(), value));
    }

    public long rip() {
        return get(Amd64Register.RIP);
    }

    public long rsp() {
        return get(Amd64Register.RSP);
    }

    /** XMM register {@code n} (0-15), 16 bytes from the FXSAVE area. */
    public byte[] xmm(int n) {
        if (n < 0 || n > 15) {
            throw new IllegalArgumentException("xmm register out of range: " + n);
        }
        return Arrays.copyOfRange(bytes, XMM0_OFFSET + 16 * n, XMM0_OFFSET + 16 * n + 16);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Amd64Context c && Arrays.equals(c.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return String.format("Amd64Context[rip=0x%016x rsp=0x%016x]", rip(), rsp());
    }
}
