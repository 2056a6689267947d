package dev.poolhit.sim.memory;

import dev.poolhit.common.LittleEndian;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Sparse 64-bit virtual memory of 4 KiB pages. Addresses are unsigned; a page exists once
 * {@link #map mapped} and reads of unmapped pages stop short, reporting how many bytes were
 * readable, exactly what the KD adapter needs for a partial {@code ReadVirtualMemory}
 * ({@code STATUS_UNSUCCESSFUL} with {@code ActualBytesRead}). Not thread-safe: the machine owns it
 * and serialises access (see {@code Machine}).
 */
public final class SparseMemory {
    public static final int PAGE_SIZE = 4096;
    private static final int PAGE_SHIFT = 12;

    private final Map<Long, byte[]> pages = new HashMap<>();

    /** Maps zero-filled pages covering {@code [address, address + length)}; already mapped pages keep their bytes. */
    public void map(long address, long length) {
        if (length <= 0) {
            return;
        }
        long first = address >>> PAGE_SHIFT;
        long last = (address + length - 1) >>> PAGE_SHIFT;
        for (long page = first; Long.compareUnsigned(page, last) <= 0; page++) {
            pages.computeIfAbsent(page, p -> new byte[PAGE_SIZE]);
            if (page == -1L >>> PAGE_SHIFT) {
                break;
            }
        }
    }

    public boolean isMapped(long address) {
        return pages.containsKey(address >>> PAGE_SHIFT);
    }

    public int mappedPageCount() {
        return pages.size();
    }

    /** Copies up to {@code length} bytes; returns how many were readable before the first unmapped page. */
    public int read(long address, byte[] into, int offset, int length) {
        return copy(address, into, offset, length, false);
    }

    /** Writes up to {@code length} bytes; returns how many landed before the first unmapped page. */
    public int write(long address, byte[] from, int offset, int length) {
        return copy(address, from, offset, length, true);
    }

    private int copy(long address, byte[] buffer, int offset, int length, boolean write) {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        int done = 0;
        while (done < length) {
            long at = address + done;
            byte[] page = pages.get(at >>> PAGE_SHIFT);
            if (page == null) {
                break;
            }
            int inPage = (int) (at & (PAGE_SIZE - 1));
            int chunk = Math.min(length - done, PAGE_SIZE - inPage);
            if (write) {
                System.arraycopy(buffer, offset + done, page, inPage, chunk);
            } else {
                System.arraycopy(page, inPage, buffer, offset + done, chunk);
            }
            done += chunk;
        }
        return done;
    }

    /** Reads exactly {@code length} bytes or throws. */
    public byte[] readFully(long address, int length) {
        byte[] out = new byte[length];
        int got = read(address, out, 0, length);
        if (got != length) {
            throw new MemoryAccessException("read", address + got, length);
        }
        return out;
    }

    /** Writes all of {@code data} or throws (bytes before the hole are written). */
    public void writeFully(long address, byte[] data) {
        int put = write(address, data, 0, data.length);
        if (put != data.length) {
            throw new MemoryAccessException("write", address + put, data.length);
        }
    }

    public int u8(long address) {
        return readFully(address, 1)[0] & 0xff;
    }

    public long u32(long address) {
        return LittleEndian.u32(readFully(address, 4), 0);
    }

    public long u64(long address) {
        return LittleEndian.u64(readFully(address, 8), 0);
    }

    public void put8(long address, int value) {
        writeFully(address, new byte[] {(byte) value});
    }

    public void put16(long address, int value) {
        byte[] b = new byte[2];
        LittleEndian.put16(b, 0, value);
        writeFully(address, b);
    }

    public void put32(long address, long value) {
        byte[] b = new byte[4];
        LittleEndian.put32(b, 0, value);
        writeFully(address, b);
    }

    public void put64(long address, long value) {
        byte[] b = new byte[8];
        LittleEndian.put64(b, 0, value);
        writeFully(address, b);
    }

    /** Drops every page (reboot). */
    public void clear() {
        pages.clear();
    }
}
