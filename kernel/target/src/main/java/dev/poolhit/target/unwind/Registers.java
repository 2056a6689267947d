package dev.poolhit.target.unwind;

import dev.poolhit.common.Hex;
import java.util.Arrays;

/**
 * An immutable x64 integer register set plus RIP: the part of a CONTEXT that stack walking needs.
 * Values are unsigned 64-bit.
 */
public final class Registers {
    private final long[] gpr;
    private final long rip;

    private Registers(long[] gpr, long rip) {
        this.gpr = gpr;
        this.rip = rip;
    }

    /** All general-purpose registers zero except RIP and RSP. */
    public static Registers of(long rip, long rsp) {
        long[] g = new long[16];
        g[Reg.RSP.number()] = rsp;
        return new Registers(g, rip);
    }

    /** From 16 values in {@link Reg} order. */
    public static Registers of(long rip, long[] gpr) {
        if (gpr.length != 16) {
            throw new IllegalArgumentException("expected 16 registers, got " + gpr.length);
        }
        return new Registers(gpr.clone(), rip);
    }

    public long get(Reg reg) {
        return gpr[reg.number()];
    }

    public long rip() {
        return rip;
    }

    public long rsp() {
        return gpr[Reg.RSP.number()];
    }

    public Registers with(Reg reg, long value) {
        long[] g = gpr.clone();
        g[reg.number()] = value;
        return new Registers(g, rip);
    }

    public Registers withRip(long value) {
        return new Registers(gpr, value);
    }

    public Registers withRsp(long value) {
        return with(Reg.RSP, value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Registers r && r.rip == rip && Arrays.equals(r.gpr, gpr);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(rip) * 31 + Arrays.hashCode(gpr);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("rip=").append(Hex.u64(rip));
        for (Reg r : Reg.values()) {
            s.append(' ').append(r.name().toLowerCase(java.util.Locale.ROOT)).append('=').append(Hex.u64(get(r)));
        }
        return s.toString();
    }
}
