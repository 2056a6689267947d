package dev.poolhit.kd.transport.kdnet;

import dev.poolhit.kd.protocol.HexText;
import dev.poolhit.kd.protocol.KdProtocolException;

/**
 * The 8-byte big-endian KDNET data header at the start of every decrypted datagram
 * (kd-protocol.md 8.5): bits 63..8 sequence number, bit 7 direction (1 = host to target),
 * bits 3..0 number of zero pad bytes after the body.
 */
public record KdnetHeader(long sequence, boolean hostToTarget, int padLength) {
    public static final int BYTES = 8;
    public static final long MAX_SEQUENCE = (1L << 56) - 1;

    public KdnetHeader {
        if (sequence < 0 || sequence > MAX_SEQUENCE || padLength < 0 || padLength > 15) {
            throw new IllegalArgumentException("sequence must fit 56 bits and pad 0..15");
        }
    }

    /** The header for a body of {@code bodyLength} bytes: pad = -(8 + length) mod 16. */
    public static KdnetHeader forBody(long sequence, boolean hostToTarget, int bodyLength) {
        return new KdnetHeader(sequence, hostToTarget, -(BYTES + bodyLength) & 0xF);
    }

    public byte[] encode() {
        long v = sequence << 8 | (hostToTarget ? 0x80 : 0) | padLength;
        byte[] b = new byte[BYTES];
        for (int i = 0; i < BYTES; i++) {
            b[i] = (byte) (v >>> (56 - 8 * i));
        }
        return b;
    }

    public static KdnetHeader decode(byte[] b, int off) throws KdProtocolException {
        if (b.length - off < BYTES) {
            throw new KdProtocolException("KDNET data header too short: expected 8 bytes, got " + (b.length - off));
        }
        long v = 0;
        for (int i = 0; i < BYTES; i++) {
            v = v << 8 | (b[off + i] & 0xff);
        }
        int bits = (int) (v & 0x7f);
        if ((bits & 0x70) != 0) {
            throw new KdProtocolException("KDNET header reserved bits set: byte 7 is " + HexText.hex8((int) v));
        }
        return new KdnetHeader(v >>> 8, (v & 0x80) != 0, bits & 0xF);
    }
}
