package dev.poolhit.target.pdb;

import dev.poolhit.common.LittleEndian;
import java.nio.charset.StandardCharsets;

/**
 * The PDB {@code /names} string table: header {Signature 0xEFFEEFFE, HashVersion, ByteSize}, then
 * ByteSize bytes of NUL-terminated strings addressed by offset (the hash buckets after them are
 * not needed to read a string by offset).
 */
final class NamesTable {
    static final long SIGNATURE = 0xeffeeffeL;
    static final int HEADER_BYTES = 12;
    private final byte[] strings;
    private final String label;

    private NamesTable(byte[] strings, String label) {
        this.strings = strings;
        this.label = label;
    }

    static NamesTable parse(byte[] stream, String label) {
        if (stream.length < HEADER_BYTES) {
            throw MsfFile.fail(label, "/names: %d bytes, expected at least %d", stream.length, HEADER_BYTES);
        }
        long signature = LittleEndian.u32(stream, 0);
        if (signature != SIGNATURE) {
            throw MsfFile.fail(label, "/names: signature 0x%08x, expected 0x%08x", signature, SIGNATURE);
        }
        long size = LittleEndian.u32(stream, 8);
        if (size > stream.length - HEADER_BYTES) {
            throw MsfFile.fail(label, "/names: ByteSize 0x%x runs past the stream end 0x%x", size, stream.length);
        }
        byte[] strings = new byte[(int) size];
        System.arraycopy(stream, HEADER_BYTES, strings, 0, (int) size);
        return new NamesTable(strings, label);
    }

    /** The NUL-terminated string at {@code offset}; {@code what} names the referrer for errors. */
    String at(long offset, String what) {
        if (offset < 0 || offset >= strings.length) {
            throw MsfFile.fail(label, "%s: /names offset 0x%x outside the 0x%x string bytes", what, offset, strings.length);
        }
        int end = (int) offset;
        while (end < strings.length && strings[end] != 0) {
            end++;
        }
        if (end == strings.length) {
            throw MsfFile.fail(label, "%s: /names string at 0x%x has no NUL before the end 0x%x", what, offset, strings.length);
        }
        return new String(strings, (int) offset, end - (int) offset, StandardCharsets.UTF_8);
    }
}
