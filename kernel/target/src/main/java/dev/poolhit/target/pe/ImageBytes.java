package dev.poolhit.target.pe;

import dev.poolhit.target.memory.VirtualMemory;

/**
 * Where a PE image's bytes come from: a file on disk (file layout: sections at their raw file
 * offsets) or target memory (mapped layout: everything at its RVA). The same parser reads both.
 */
public interface ImageBytes {
    /** Bytes at {@code offset} (a file offset, or an RVA when {@link #mapped()}). */
    byte[] read(long offset, int length);

    /** True when offsets are RVAs (the image as the loader mapped it). */
    boolean mapped();

    /** A name for error messages, e.g. {@code dump_syms_regtest64.exe}. */
    String label();

    static ImageBytes ofFile(byte[] contents, String label) {
        return new FileImageBytes(contents, label);
    }

    static ImageBytes ofMemory(VirtualMemory memory, long imageBase, String label) {
        return new MemoryImageBytes(memory, imageBase, label);
    }
}
