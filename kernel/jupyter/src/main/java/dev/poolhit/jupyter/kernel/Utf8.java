package dev.poolhit.jupyter.kernel;

/** UTF-8 boundary helper, so a batch never ends in the middle of a multi-byte character. */
final class Utf8 {
    private Utf8() {
    }

    /** Length of the longest prefix of {@code bytes} that ends on a character boundary. */
    static int completePrefix(byte[] bytes) {
        int n = bytes.length;
        int i = n - 1;
        int continuation = 0;
        while (i >= 0 && continuation < 3 && (bytes[i] & 0xC0) == 0x80) {
            i--;
            continuation++;
        }
        if (i < 0) {
            return n;
        }
        int lead = bytes[i] & 0xFF;
        int needed = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : 0;
        return needed > continuation ? i : n;
    }
}
