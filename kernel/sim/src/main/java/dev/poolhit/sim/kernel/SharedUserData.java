package dev.poolhit.sim.kernel;

import dev.poolhit.sim.memory.SparseMemory;

/**
 * KUSER_SHARED_DATA, which debuggers and user code read for the OS version: mapped at its kernel
 * address and its user-mode alias (the flat simulated memory holds two copies). Offsets from the
 * symbol-derived {@code _KUSER_SHARED_DATA} headers of ntdiff/headers (identical from Vista to 11).
 */
final class SharedUserData {
    static final long USER_ADDRESS = 0x000000007ffe0000L;
    /** x86: SystemCall (ntdll!KiFastSystemCall, `call [7ffe0300h]`) and SystemCallReturn (KiFastCallEntry's Eip). */
    private static final int SYSTEM_CALL = 0x300;
    private static final int SYSTEM_CALL_RETURN = 0x304;
    private static final int NT_PRODUCT_TYPE = 0x264;
    private static final int PRODUCT_TYPE_IS_VALID = 0x268;
    private static final int NT_MAJOR_VERSION = 0x26c;
    private static final int NT_MINOR_VERSION = 0x270;
    private static final int NT_PRODUCT_WIN_NT = 1;

    private SharedUserData() {}

    /** Windows 7 = NT 6.1, a workstation product. */
    static void write(KernelLayout layout, SparseMemory memory, long systemCall, long systemCallReturn) {
        for (long at : new long[] {layout.sharedUserData(), USER_ADDRESS}) {
            memory.map(at, SparseMemory.PAGE_SIZE);
            memory.put32(at + NT_PRODUCT_TYPE, NT_PRODUCT_WIN_NT);
            memory.put8(at + PRODUCT_TYPE_IS_VALID, 1);
            memory.put32(at + NT_MAJOR_VERSION, 6);
            memory.put32(at + NT_MINOR_VERSION, 1);
            if (layout.x86()) {
                memory.put32(at + SYSTEM_CALL, systemCall);
                memory.put32(at + SYSTEM_CALL_RETURN, systemCallReturn);
            }
        }
    }
}
