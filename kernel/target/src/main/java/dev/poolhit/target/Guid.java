package dev.poolhit.target;

import dev.poolhit.common.LittleEndian;

/**
 * A Windows GUID as stored in RSDS records and the PDB info stream: Data1 u32, Data2 u16, Data3 u16
 * little-endian, then Data4 as 8 bytes in order ({@code data4} holds them big-endian so that the
 * printed form is just {@code %016X}).
 */
public record Guid(int data1, short data2, short data3, long data4) {
    public static final int BYTES = 16;

    public static Guid decode(byte[] b, int off) {
        long d4 = 0;
        for (int i = 0; i < 8; i++) {
            d4 = d4 << 8 | (b[off + 8 + i] & 0xff);
        }
        return new Guid(LittleEndian.i32(b, off), (short) LittleEndian.u16(b, off + 4),
                (short) LittleEndian.u16(b, off + 6), d4);
    }

    public byte[] encode() {
        byte[] b = new byte[BYTES];
        LittleEndian.put32(b, 0, data1);
        LittleEndian.put16(b, 4, data2);
        LittleEndian.put16(b, 6, data3);
        for (int i = 0; i < 8; i++) {
            b[8 + i] = (byte) (data4 >>> (56 - 8 * i));
        }
        return b;
    }

    /** The 32 upper-case hex digits symbol servers use: {@code %08X%04X%04X} then Data4 byte by byte. */
    public String symbolServerText() {
        return String.format("%08X%04X%04X%016X", data1, data2 & 0xffff, data3 & 0xffff, data4);
    }

    /** Registry form, {@code {72E103A8-5CB2-4907-8B76-B2E7C06257B1}}. */
    @Override
    public String toString() {
        String d4 = String.format("%016X", data4);
        return String.format("{%08X-%04X-%04X-%s-%s}", data1, data2 & 0xffff, data3 & 0xffff,
                d4.substring(0, 4), d4.substring(4));
    }
}
