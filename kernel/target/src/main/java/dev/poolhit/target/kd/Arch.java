package dev.poolhit.target.kd;

import dev.poolhit.kd.protocol.StateChange64;
import dev.poolhit.kd.protocol.TargetMachine;
import dev.poolhit.target.AddressStyle;
import dev.poolhit.target.memory.VirtualMemory;

/**
 * The target's machine as GetVersion's MachineType states it (kd-protocol.md 12.1), shared by the
 * classes that talk to the target: it alone decides pointer width and how addresses travel. Never
 * guessed from addresses. AMD64 until GetVersion has answered (attach asks it before anything else
 * is read).
 *
 * <p>Address model on x86 (as dbgeng's, and as the x86 walker's {@code X86Registers}): a 32-bit
 * address is held sign-extended from bit 31, so kernel addresses are negative as on x64
 * ({@code 0x82800000} is {@code 0xFFFFFFFF82800000}; user {@code 0x00400000} stays as is). That is
 * also the wire form WinDbg sends. Received address fields are reduced to their low 32 bits and
 * sign-extended again, since targets differ in how they extend (kd-protocol.md 12.1).
 */
final class Arch {
    private volatile TargetMachine machine = TargetMachine.AMD64;

    void adopt(TargetMachine value) {
        machine = value;
    }

    boolean x86() {
        return machine == TargetMachine.I386;
    }

    /** How this machine's addresses print: 8 digits on x86. */
    AddressStyle style() {
        return x86() ? AddressStyle.X86 : AddressStyle.X64;
    }

    /** A model address as it goes into a request. */
    long toWire(long address) {
        return machine.toWireVirtual(address);
    }

    /** The stop a state change announces, its thread and program counter in this machine's width. */
    Stop stopOf(StateChange64 change) {
        return new Stop(Stop.kindOf(change.exceptionRecord().code()), change.exceptionRecord().code(),
                change.processor(), fromWire(change.thread()), fromWire(change.programCounter()), change.firstChance());
    }

    /** The model address a received address field means (x86: low 32 bits, sign-extended). */
    long fromWire(long wireValue) {
        return x86() ? canonical32(wireValue) : wireValue;
    }

    /** The low 32 bits of {@code value} sign-extended from bit 31: the x86 model form of an address. */
    static long canonical32(long value) {
        return (int) value;
    }

    /** A pointer stored in target memory, in the model form. */
    long pointer(VirtualMemory memory, long address) {
        return x86() ? canonical32(memory.u32(address)) : memory.u64(address);
    }
}
