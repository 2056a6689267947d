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
        long eprocess = memory.u64(kthread + offsets.kthreadApcStateProcess());
        return new ThreadInfo(kthread, memory.u64(kthread + offsets.ethreadCidUniqueThread()), process(eprocess),
                memory.u64(kthread + offsets.kthreadInitialStack()), memory.u64(kthread + offsets.kthreadStackLimit()),
                memory.u64(kthread + offsets.kthreadStackBase()));
    }

    public ProcessInfo process(long eprocess) {
        byte[] name = memory.read(eprocess + offsets.eprocessImageFileName(), OsOffsets.IMAGE_FILE_NAME_BYTES);
        return new ProcessInfo(eprocess, memory.u64(eprocess + offsets.eprocessUniqueProcessId()), ascii(name),
                memory.u64(eprocess + offsets.eprocessPeb()));
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
