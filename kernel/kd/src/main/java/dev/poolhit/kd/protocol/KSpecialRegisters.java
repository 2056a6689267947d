package dev.poolhit.kd.protocol;

import java.util.Arrays;

/**
 * AMD64 KSPECIAL_REGISTERS (224 = 0xE0 bytes): what ReadControlSpace selector 2 returns and
 * WriteControlSpace selector 2 takes (kd-protocol.md 4.2, 6.2). Exact bytes, fields through
 * {@link SpecialRegister}; immutable.
 */
public record KSpecialRegisters(byte[] bytes) {
    public static final int BYTES = 0xE0;
    /** Read/WriteControlSpace selector (TargetBaseAddress) of this block on AMD64. */
    public static final long CONTROL_SPACE_SELECTOR = 2;

    public KSpecialRegisters {
        Structs.requireLength(bytes, BYTES, "KSPECIAL_REGISTERS");
        bytes = bytes.clone();
    }

    public static KSpecialRegisters empty() {
        return new KSpecialRegisters(new byte[BYTES]);
    }

    public static KSpecialRegisters decode(byte[] b) throws KdProtocolException {
        Structs.requireExactly(b, BYTES, "KSPECIAL_REGISTERS");
        return new KSpecialRegisters(b);
    }

    public byte[] encode() {
        return bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public long get(SpecialRegister r) {
        return RawFields.read(bytes, r.offset(), r.width());
    }

    public KSpecialRegisters with(SpecialRegister r, long value) {
        return new KSpecialRegisters(RawFields.write(bytes, r.offset(), r.width(), value));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KSpecialRegisters k && Arrays.equals(k.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return String.format("KSpecialRegisters[cr3=0x%x dr7=0x%x]", get(SpecialRegister.CR3),
                get(SpecialRegister.KERNEL_DR7));
    }
}
