package dev.poolhit.kd.protocol;

/**
 * The target's architecture as GetVersion's MachineType states it (kd-protocol.md 4.3, 12.1): the one
 * thing that chooses the control report, CONTEXT, control space, Continue2 and list layouts. Never
 * guess it from addresses (a 32-bit target sends sign-extended ones that look like x64 kernel
 * addresses) or from the PTR64 flag alone.
 */
public enum TargetMachine {
    /** MachineType 0x8664. */
    AMD64(GetVersion64.MACHINE_AMD64, 8, ControlReportAmd64.BYTES, Amd64Context.BYTES),
    /** MachineType 0x014C: 32-bit x86. */
    I386(GetVersion64.MACHINE_I386, 4, ControlReportX86.REPORT_BYTES, X86Context.BYTES);

    private final int machineType;
    private final int pointerBytes;
    private final int controlReportBytes;
    private final int contextBytes;

    TargetMachine(int machineType, int pointerBytes, int controlReportBytes, int contextBytes) {
        this.machineType = machineType;
        this.pointerBytes = pointerBytes;
        this.controlReportBytes = controlReportBytes;
        this.contextBytes = contextBytes;
    }

    /** The machine for a GetVersion MachineType; other machines (ARM64, IA64...) are not supported. */
    public static TargetMachine of(int machineType) throws KdProtocolException {
        return WireNumbers.find(values(), TargetMachine::machineType, machineType)
                .orElseThrow(() -> new KdProtocolException(String.format(
                        "unsupported MachineType: expected 0x8664 (AMD64) or 0x014c (i386), got 0x%04x", machineType)));
    }

    public int machineType() {
        return machineType;
    }

    /** Width of target pointers in memory (LIST_ENTRY links, UNICODE_STRING.Buffer, DebuggerDataList). */
    public int pointerBytes() {
        return pointerBytes;
    }

    /** Bytes of the control report proper (AMD64 0x30; x86 0x28 inside the 0x30 area). */
    public int controlReportBytes() {
        return controlReportBytes;
    }

    /** GetContext/SetContext data size (AMD64 0x4D0, x86 0x2CC). */
    public int contextBytes() {
        return contextBytes;
    }

    /** A virtual address as it goes on the wire (x86: sign-extended from bit 31; AMD64: as is). */
    public long toWireVirtual(long address) {
        return this == I386 ? X86Pointers.toWireVirtual(address) : address;
    }

    /** The address a received wire field means (x86: low 32 bits; AMD64: as is). */
    public long fromWire(long wireValue) {
        return this == I386 ? X86Pointers.fromWire(wireValue) : wireValue;
    }
}
