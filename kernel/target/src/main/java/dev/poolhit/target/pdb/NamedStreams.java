package dev.poolhit.target.pdb;

import dev.poolhit.common.LittleEndian;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The named-stream map after the PDB info stream header: {StringsBytes, strings}, then a hash table
 * {Size, Capacity, Present bit vector, Deleted bit vector, Size x (name offset, stream index)}.
 * Only the (name, stream) pairs are kept; every count is checked against the stream length.
 */
final class NamedStreams {
    private final Map<String, Integer> streams;

    private NamedStreams(Map<String, Integer> streams) {
        this.streams = streams;
    }

    static NamedStreams parse(byte[] info, String label) {
        Reader r = new Reader(info, PdbInfo.BYTES, label);
        long stringBytes = r.u32("StringsBytes");
        int strings = r.skip(stringBytes, "strings");
        long size = r.u32("hash table Size");
        r.u32("hash table Capacity");
        r.skip(r.u32("Present word count") * 4, "Present bit vector");
        r.skip(r.u32("Deleted word count") * 4, "Deleted bit vector");
        Map<String, Integer> out = new HashMap<>();
        for (long i = 0; i < size; i++) {
            long nameOffset = r.u32("entry name offset");
            long stream = r.u32("entry stream index");
            out.put(name(info, strings, stringBytes, nameOffset, label), (int) Math.min(stream, Integer.MAX_VALUE));
        }
        return new NamedStreams(Map.copyOf(out));
    }

    Optional<Integer> stream(String name) {
        return Optional.ofNullable(streams.get(name));
    }

    private static String name(byte[] info, int start, long length, long offset, String label) {
        if (offset >= length) {
            throw MsfFile.fail(label, "PDB info stream: named stream offset 0x%x outside the 0x%x string bytes", offset, length);
        }
        int end = start + (int) offset;
        while (end < start + length && info[end] != 0) {
            end++;
        }
        return new String(info, start + (int) offset, end - start - (int) offset, StandardCharsets.UTF_8);
    }

    /** A bounds-checked cursor: every read names the field that would run past the stream end. */
    private static final class Reader {
        private final byte[] b;
        private final String label;
        private int at;

        Reader(byte[] b, int at, String label) {
            this.b = b;
            this.at = at;
            this.label = label;
        }

        long u32(String field) {
            need(4, field);
            long v = LittleEndian.u32(b, at);
            at += 4;
            return v;
        }

        int skip(long bytes, String field) {
            need(bytes, field);
            int start = at;
            at += (int) bytes;
            return start;
        }

        private void need(long bytes, String field) {
            if (bytes > b.length - at) {
                throw MsfFile.fail(label, "PDB info stream: %s (0x%x bytes at 0x%x) runs past the stream end 0x%x",
                        field, bytes, at, b.length);
            }
        }
    }
}
