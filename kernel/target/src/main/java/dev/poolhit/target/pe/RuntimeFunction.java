package dev.poolhit.target.pe;

import dev.poolhit.common.LittleEndian;

/** RUNTIME_FUNCTION (12 bytes): a function's [begin, end) RVAs and the RVA of its UNWIND_INFO. */
public record RuntimeFunction(long beginAddress, long endAddress, long unwindInfoAddress) {
    public static final int BYTES = 12;

    public static RuntimeFunction decode(byte[] b, int off) {
        return new RuntimeFunction(LittleEndian.u32(b, off), LittleEndian.u32(b, off + 4), LittleEndian.u32(b, off + 8));
    }

    public byte[] encode() {
        byte[] b = new byte[BYTES];
        LittleEndian.put32(b, 0, beginAddress);
        LittleEndian.put32(b, 4, endAddress);
        LittleEndian.put32(b, 8, unwindInfoAddress);
        return b;
    }

    public boolean containsRva(long rva) {
        return rva >= beginAddress && rva < endAddress;
    }
}
