package dev.poolhit.kd.transport.kdnet;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The KDNET keys (kd-protocol.md 8.3). The key string {@code w.x.y.z} is four base-36 numbers
 * (0-9, a-z, at most 13 digits each, fitting a u64); the 32-byte control key is their LE64
 * encodings in order. The HMAC key is the bitwise NOT of the control key; the data key is
 * SHA-256(controlKey || the host's 322-byte handshake response body).
 */
public record KdnetKey(byte[] controlKey) {
    public static final int BYTES = 32;

    public KdnetKey {
        if (controlKey == null || controlKey.length != BYTES) {
            throw new IllegalArgumentException("KDNET control key must be 32 bytes");
        }
        controlKey = controlKey.clone();
    }

    /** Parses a bcdedit key string such as {@code 1m770ts6ru0p.3671...} or {@code 8.8.8.8}. */
    public static KdnetKey parse(String key) {
        String[] parts = key.split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("KDNET key needs 4 dot-separated parts, got " + parts.length
                    + ": '" + key + "'");
        }
        ByteBuffer out = ByteBuffer.allocate(BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (String part : parts) {
            out.putLong(parsePart(part, key));
        }
        return new KdnetKey(out.array());
    }

    private static long parsePart(String part, String key) {
        if (part.isEmpty() || part.length() > 13) {
            throw new IllegalArgumentException("KDNET key part must have 1 to 13 base-36 digits, got '" + part
                    + "' in '" + key + "'");
        }
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'z')) {
                throw new IllegalArgumentException("KDNET key digit must be 0-9 or a-z, got '" + c + "' in '" + key + "'");
            }
        }
        try {
            return Long.parseUnsignedLong(part, 36);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("KDNET key part does not fit 64 bits: '" + part + "' in '" + key + "'");
        }
    }

    @Override
    public byte[] controlKey() {
        return controlKey.clone();
    }

    public byte[] hmacKey() {
        byte[] k = new byte[BYTES];
        for (int i = 0; i < BYTES; i++) {
            k[i] = (byte) ~controlKey[i];
        }
        return k;
    }

    /** The data-channel AES key after a handshake whose response body is {@code responseBody}. */
    public byte[] dataKey(byte[] responseBody) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(controlKey);
            sha.update(responseBody);
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KdnetKey k && Arrays.equals(k.controlKey, controlKey);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(controlKey);
    }

    @Override
    public String toString() {
        return "KdnetKey[redacted]";
    }
}
