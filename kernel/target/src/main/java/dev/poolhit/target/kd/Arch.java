package dev.poolhit.target.kd;

import dev.poolhit.kd.protocol.TargetMachine;
import dev.poolhit.target.memory.VirtualMemory;

/**
 * The target's machine as GetVersion's MachineType states it (kd-protocol.md 12.1), shared by the
 * classes that talk to the target: it alone decides pointer width and how addresses travel. Never
 * guessed from addresses. AMD64 until GetVersion has answered (attach asks it before anything else
 * is read).
 *
 * <p>Address model on x86: the debugger model holds 32-bit addresses zero-extended
 * ({@code 0x82800000}); they are sign-extended only on the wire ({@code 0xFFFFFFFF82800000}) and
 * received wire values are cut to their low 32 bits, since targets differ in extension.
 */
final class Arch {
    private volatile TargetMachine machine = TargetMachine.AMD64;

    void adopt(TargetMachine value) {
        machine = value;
    }

    TargetMachine machine() {
        return machine;
    }

    boolean x86() {
        return machine == TargetMachine.I386;
    }

    /** A model address as it goes into a request. */
    long toWire(long address) {
        return machine.toWireVirtual(address);
    }

    /** The model address a received address field means. */
    long fromWire(long wireValue) {
        return machine.fromWire(wireValue);
    }

    int pointerBytes() {
        return machine.pointerBytes();
    }

    /** A pointer stored in target memory, zero-extended. */
    long pointer(VirtualMemory memory, long address) {
        return x86() ? memory.u32(address) : memory.u64(address);
    }
}
