package dev.poolhit.sim;

import dev.poolhit.common.LittleEndian;
import dev.poolhit.sim.machine.Machine;

/** Little-endian reads through the machine's debugger-facing read, failing on unmapped memory. */
public final class TestReader {
    private final Machine machine;

    public TestReader(Machine machine) {
        this.machine = machine;
    }

    public byte[] bytes(long address, int length) {
        byte[] b = new byte[length];
        int got = machine.readVirtual(address, b, 0, length);
        if (got != length) {
            throw new AssertionError("unreadable at 0x" + Long.toHexString(address + got));
        }
        return b;
    }

    public long u64(long address) {
        return LittleEndian.u64(bytes(address, 8), 0);
    }

    public long u32(long address) {
        return LittleEndian.u32(bytes(address, 4), 0);
    }

    public int u16(long address) {
        return LittleEndian.u16(bytes(address, 2), 0);
    }

    public String utf16(long address, int bytes) {
        return new String(bytes(address, bytes), java.nio.charset.StandardCharsets.UTF_16LE);
    }

    public String ascii(long address, int max) {
        byte[] b = bytes(address, max);
        int n = 0;
        while (n < max && b[n] != 0) {
            n++;
        }
        return new String(b, 0, n, java.nio.charset.StandardCharsets.US_ASCII);
    }
}
