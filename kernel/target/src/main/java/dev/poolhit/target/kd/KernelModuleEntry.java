package dev.poolhit.target.kd;

import dev.poolhit.kd.protocol.KdProtocolException;
import dev.poolhit.kd.protocol.KldrDataTableEntry;
import dev.poolhit.kd.protocol.LdrDataTableEntry32;
import dev.poolhit.target.memory.VirtualMemory;

/**
 * The fields of one PsLoadedModuleList node the debugger uses, whatever the machine's layout:
 * AMD64 {@link KldrDataTableEntry} (0x80 bytes, 64-bit pointers) or the x86
 * {@link LdrDataTableEntry32} (0x48 bytes, 32-bit pointers sign-extended as {@link Arch} holds
 * addresses, no exception table: x86 has no .pdata).
 *
 * @param flink              the next node (InLoadOrderLinks.Flink)
 * @param dllBase            image base
 * @param sizeOfImage        image size in bytes
 * @param nameBuffer         BaseDllName.Buffer
 * @param nameLength         BaseDllName.Length in bytes
 * @param exceptionTable     absolute address of .pdata, 0 on x86
 * @param exceptionTableSize its size in bytes, 0 on x86
 */
record KernelModuleEntry(long flink, long dllBase, long sizeOfImage, long nameBuffer, int nameLength,
                         long exceptionTable, long exceptionTableSize) {
    /** Reads the node at {@code address} in the layout of {@code arch}'s machine. */
    static KernelModuleEntry read(VirtualMemory memory, long address, Arch arch) throws KdProtocolException {
        if (arch.x86()) {
            LdrDataTableEntry32 e = LdrDataTableEntry32.decode(memory.read(address, LdrDataTableEntry32.BYTES));
            return new KernelModuleEntry(Arch.canonical32(e.flink()), Arch.canonical32(e.dllBase()),
                    e.sizeOfImage() & 0xffffffffL, Arch.canonical32(e.baseDllName().buffer()), e.baseDllName().length(), 0, 0);
        }
        KldrDataTableEntry e = KldrDataTableEntry.decode(memory.read(address, KldrDataTableEntry.BYTES));
        return new KernelModuleEntry(e.flink(), e.dllBase(), e.sizeOfImage() & 0xffffffffL, e.baseDllName().buffer(),
                e.baseDllName().length(), e.exceptionTable(), e.exceptionTableSize() & 0xffffffffL);
    }
}
