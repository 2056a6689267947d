package dev.poolhit.kd.transport.kdcom;

import dev.poolhit.kd.protocol.KdPacket;

/**
 * Writes KD packets as KDCOM puts them on a serial line: header, payload, and the 0xAA trailer
 * after data packets only (kd-protocol.md 1.2). Stateless; the inverse of {@link KdcomFramer}.
 */
public final class KdcomEncoder {
    private static final byte[] BREAK_IN = {(byte) KdPacket.BREAKIN_BYTE};

    private KdcomEncoder() {}

    public static byte[] encode(KdPacket packet) {
        byte[] core = packet.encode();
        if (packet.isControl()) {
            return core;
        }
        byte[] out = new byte[core.length + 1];
        System.arraycopy(core, 0, out, 0, core.length);
        out[core.length] = (byte) KdPacket.TRAILER_BYTE;
        return out;
    }

    /** The one-byte break-in request. */
    public static byte[] breakIn() {
        return BREAK_IN.clone();
    }
}
