package dev.poolhit.kd.protocol;

import java.util.Arrays;

/** Length checks shared by the struct decoders, so every "too short" message reads the same. */
final class Structs {
    private Structs() {}

    static void requireAtLeast(byte[] bytes, int minimum, String struct) throws KdProtocolException {
        if (bytes.length < minimum) {
            throw new KdProtocolException(struct + " too short: expected at least " + minimum + " bytes, got "
                    + bytes.length);
        }
    }

    static void requireExactly(byte[] bytes, int size, String struct) throws KdProtocolException {
        if (bytes.length != size) {
            throw new KdProtocolException(struct + " has wrong size: expected " + size + " bytes, got " + bytes.length);
        }
    }

    static byte[] slice(byte[] bytes, int from, int length) {
        return Arrays.copyOfRange(bytes, from, from + length);
    }

    static byte[] tail(byte[] bytes, int from) {
        return Arrays.copyOfRange(bytes, Math.min(from, bytes.length), bytes.length);
    }

    /** Programming errors in callers building structs (not wire input): unchecked. */
    static void requireLength(byte[] bytes, int size, String what) {
        if (bytes == null || bytes.length != size) {
            throw new IllegalArgumentException(what + " must be " + size + " bytes, got "
                    + (bytes == null ? "null" : bytes.length));
        }
    }
}
