package dev.poolhit.target.os;

import dev.poolhit.target.memory.VirtualMemory;

/**
 * Reads threads and processes from target memory with one build's {@link OsOffsets}. Unreadable
 * memory surfaces as the target layer's {@code MemoryAccessException}; odd values are returned as
 * read (a non-ASCII image name byte shows as {@code ?}).
 */
public final class OsStructures {
    private final VirtualMemory memory;
    private final OsOffsets offsets;

    public OsStructures(VirtualMemory memory, OsOffsets offsets) {
        this.memory = memory;
        this.offsets = offsets;
    }

    public OsOffsets offsets() {
        return offsets;
    }

    public ThreadInfo thread(long kthread) {
        long eprocess = pointer(kthread + offsets.kthreadApcStateProcess());
        return new ThreadInfo(kthread, pointer(kthread + offsets.ethreadCidUniqueThread()), process(eprocess),
                pointer(kthread + offsets.kthreadInitialStack()), pointer(kthread + offsets.kthreadStackLimit()),
                pointer(kthread + offsets.kthreadStackBase()));
    }

    public ProcessInfo process(long eprocess) {
        byte[] name = memory.read(eprocess + offsets.eprocessImageFileName(), OsOffsets.IMAGE_FILE_NAME_BYTES);
        return new ProcessInfo(eprocess, pointer(eprocess + offsets.eprocessUniqueProcessId()), ascii(name),
                pointer(eprocess + offsets.eprocessPeb()));
    }

    /** A pointer-sized field; on x86 sign-extended from bit 31 (the model form of a 32-bit address). */
    public long pointer(long address) {
        return offsets.pointerBytes() == 4 ? (int) memory.u32(address) : memory.u64(address);
    }

    private static String ascii(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length);
        for (byte b : bytes) {
            if (b == 0) {
                break;
            }
            out.append(b >= 0x20 && b < 0x7f ? (char) b : '?');
        }
        return out.toString();
    }
}
