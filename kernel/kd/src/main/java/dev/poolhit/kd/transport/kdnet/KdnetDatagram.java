package dev.poolhit.kd.transport.kdnet;

import dev.poolhit.kd.protocol.HexText;
import dev.poolhit.kd.protocol.KdProtocolException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * One KDNET UDP payload, decrypted (kd-protocol.md 8.2, 8.4).
 *
 * <pre>
 *   "MDBG" u8 version u8 channel (0 data, 1 control)   cleartext, 6 bytes
 *   AES-256-CBC(key, IV = tag, header8 || body || zero pad)   N * 16 bytes
 *   tag = HMAC-SHA256(~controlKey, first 6 bytes || plaintext)[0..16)
 * </pre>
 * Control datagrams use the control key, data datagrams the data key.
 */
public record KdnetDatagram(int version, int channel, KdnetHeader header, byte[] body) {
    public static final int MAGIC = 0x4D444247;
    public static final int CHANNEL_DATA = 0;
    public static final int CHANNEL_CONTROL = 1;
    public static final int TAG_BYTES = 16;
    static final int OUTER_BYTES = 6;

    /** Encrypts and authenticates into the UDP payload. */
    public byte[] encrypt(byte[] aesKey, byte[] hmacKey) {
        int plainLength = KdnetHeader.BYTES + body.length + header.padLength();
        if (plainLength % 16 != 0) {
            throw new IllegalArgumentException("pad length " + header.padLength() + " does not align a body of "
                    + body.length + " bytes");
        }
        byte[] plain = new byte[plainLength];
        System.arraycopy(header.encode(), 0, plain, 0, KdnetHeader.BYTES);
        System.arraycopy(body, 0, plain, KdnetHeader.BYTES, body.length);
        byte[] outer = outer(version, channel);
        byte[] tag = tag(hmacKey, outer, plain);
        byte[] cipher = aes(Cipher.ENCRYPT_MODE, aesKey, tag, plain);
        byte[] out = new byte[OUTER_BYTES + cipher.length + TAG_BYTES];
        System.arraycopy(outer, 0, out, 0, OUTER_BYTES);
        System.arraycopy(cipher, 0, out, OUTER_BYTES, cipher.length);
        System.arraycopy(tag, 0, out, OUTER_BYTES + cipher.length, TAG_BYTES);
        return out;
    }

    /** The channel of a datagram without decrypting it (to pick the key). */
    public static int channelOf(byte[] udpPayload) throws KdProtocolException {
        checkOuter(udpPayload);
        return udpPayload[5] & 0xff;
    }

    public static KdnetDatagram decrypt(byte[] udp, byte[] aesKey, byte[] hmacKey) throws KdProtocolException {
        checkOuter(udp);
        int cipherLength = udp.length - OUTER_BYTES - TAG_BYTES;
        byte[] tag = Arrays.copyOfRange(udp, udp.length - TAG_BYTES, udp.length);
        byte[] plain = aes(Cipher.DECRYPT_MODE, aesKey, tag,
                Arrays.copyOfRange(udp, OUTER_BYTES, OUTER_BYTES + cipherLength));
        if (!MessageDigest.isEqual(tag, tag(hmacKey, Arrays.copyOf(udp, OUTER_BYTES), plain))) {
            throw new KdProtocolException("KDNET HMAC mismatch: datagram of " + udp.length
                    + " bytes fails authentication (wrong key or corrupted)");
        }
        KdnetHeader header = KdnetHeader.decode(plain, 0);
        int bodyLength = plain.length - KdnetHeader.BYTES - header.padLength();
        if (bodyLength < 0) {
            throw new KdProtocolException("KDNET pad length " + header.padLength() + " exceeds plaintext of "
                    + plain.length + " bytes");
        }
        return new KdnetDatagram(udp[4] & 0xff, udp[5] & 0xff, header,
                Arrays.copyOfRange(plain, KdnetHeader.BYTES, KdnetHeader.BYTES + bodyLength));
    }

    private static void checkOuter(byte[] udp) throws KdProtocolException {
        if (udp.length < OUTER_BYTES + 16 + TAG_BYTES || (udp.length - OUTER_BYTES - TAG_BYTES) % 16 != 0) {
            throw new KdProtocolException("KDNET datagram length invalid: expected 6 + 16n + 16 bytes (n >= 1), got "
                    + udp.length);
        }
        int magic = (udp[0] & 0xff) << 24 | (udp[1] & 0xff) << 16 | (udp[2] & 0xff) << 8 | (udp[3] & 0xff);
        if (magic != MAGIC) {
            throw new KdProtocolException("KDNET bad magic: expected 0x4d444247 (\"MDBG\"), got " + HexText.hex32(magic));
        }
    }

    private static byte[] outer(int version, int channel) {
        return new byte[] {'M', 'D', 'B', 'G', (byte) version, (byte) channel};
    }

    private static byte[] tag(byte[] hmacKey, byte[] outer, byte[] plain) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(hmacKey, "HmacSHA256"));
            mac.update(outer);
            return Arrays.copyOf(mac.doFinal(plain), TAG_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 with a 32-byte key is always available", e);
        }
    }

    private static byte[] aes(int mode, byte[] key, byte[] iv, byte[] data) {
        try {
            Cipher c = Cipher.getInstance("AES/CBC/NoPadding");
            c.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
            return c.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("AES-256-CBC needs a 32-byte key and 16-byte blocks", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KdnetDatagram d && d.version == version && d.channel == channel && d.header.equals(header)
                && Arrays.equals(d.body, body);
    }

    @Override
    public int hashCode() {
        return (version * 31 + channel) * 31 + header.hashCode() * 31 + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return "KdnetDatagram[v" + version + " channel " + channel + " " + header + " body " + body.length + " bytes]";
    }
}
