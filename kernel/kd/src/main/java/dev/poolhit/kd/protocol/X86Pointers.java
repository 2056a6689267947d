package dev.poolhit.kd.protocol;

/**
 * Pointer rules for 32-bit targets, which still speak the "64" protocol (kd-protocol.md 12.1).
 *
 * <p>Send: virtual addresses are sign-extended as WinDbg does (bit 31 set gives
 * {@code 0xFFFFFFFF_xxxxxxxx}): Read/WriteVirtual, WriteBreakPoint, Search/QueryMemory. Receive: use
 * only the low 32 bits of every address field (Thread, ProgramCounter, BaseOfDll, KernBase,
 * PsLoadedModuleList, DebuggerDataList, exception addresses, list links), since targets differ in
 * whether they sign- or zero-extend. Never sign-extend physical addresses (PAE reaches 64 GiB),
 * control-space offsets or LoadSymbols.ProcessId (XP sends -1 as {@code 0x00000000FFFFFFFF}).
 */
public final class X86Pointers {
    private X86Pointers() {}

    /** A 32-bit virtual address as it goes on the wire: sign-extended from bit 31. */
    public static long toWireVirtual(long address) {
        return (int) address;
    }

    /** The 32-bit address a wire field carries: its low 32 bits, zero-extended. */
    public static long fromWire(long wireValue) {
        return wireValue & 0xffffffffL;
    }

    /** True when both wire values name the same 32-bit address, whatever their extension. */
    public static boolean sameAddress(long a, long b) {
        return fromWire(a) == fromWire(b);
    }
}
