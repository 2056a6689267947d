package dev.poolhit.kd.protocol;

import dev.poolhit.common.LittleEndian;

/**
 * DBGKD_GET_VERSION64, the whole 40-byte union of a GetVersion response (kd-protocol.md 4.3).
 * Offsets below are absolute in the 56-byte manipulate struct.
 *
 * <pre>
 *   0x10 u16 MajorVersion     0x12 u16 MinorVersion (build)   0x14 u8 ProtocolVersion
 *   0x15 u8  KdSecondaryVersion  0x16 u16 Flags   0x18 u16 MachineType   0x1A u8 MaxPacketType
 *   0x1B u8  MaxStateChange   0x1C u8 MaxManipulate   0x1D u8 Simulation   0x1E u16 Unused
 *   0x20 u64 KernBase         0x28 u64 PsLoadedModuleList   0x30 u64 DebuggerDataList
 * </pre>
 */
public record GetVersion64(int majorVersion, int minorVersion, int protocolVersion, int kdSecondaryVersion,
                           int flags, int machineType, int maxPacketType, int maxStateChange,
                           int maxManipulate, int simulation, int unused, long kernBase,
                           long psLoadedModuleList, long debuggerDataList) implements ManipulateArgs {
    public static final int BYTES = 40;
    public static final int MACHINE_AMD64 = 0x8664;
    public static final int MACHINE_I386 = 0x014C;
    public static final int FLAG_MP = 0x1;
    public static final int FLAG_DATA = 0x2;
    public static final int FLAG_PTR64 = 0x4;

    public static GetVersion64 of(ManipulateState state) {
        return decode(state.union());
    }

    /** Decodes from the 40-byte union (offset 0 here = 0x10 in the manipulate struct). */
    public static GetVersion64 decode(byte[] u) {
        return new GetVersion64(LittleEndian.u16(u, 0), LittleEndian.u16(u, 2), LittleEndian.u8(u, 4),
                LittleEndian.u8(u, 5), LittleEndian.u16(u, 6), LittleEndian.u16(u, 8), LittleEndian.u8(u, 10),
                LittleEndian.u8(u, 11), LittleEndian.u8(u, 12), LittleEndian.u8(u, 13), LittleEndian.u16(u, 14),
                LittleEndian.u64(u, 16), LittleEndian.u64(u, 24), LittleEndian.u64(u, 32));
    }

    @Override
    public void writeTo(byte[] u) {
        LittleEndian.put16(u, 0, majorVersion);
        LittleEndian.put16(u, 2, minorVersion);
        u[4] = (byte) protocolVersion;
        u[5] = (byte) kdSecondaryVersion;
        LittleEndian.put16(u, 6, flags);
        LittleEndian.put16(u, 8, machineType);
        u[10] = (byte) maxPacketType;
        u[11] = (byte) maxStateChange;
        u[12] = (byte) maxManipulate;
        u[13] = (byte) simulation;
        LittleEndian.put16(u, 14, unused);
        LittleEndian.put64(u, 16, kernBase);
        LittleEndian.put64(u, 24, psLoadedModuleList);
        LittleEndian.put64(u, 32, debuggerDataList);
    }

    /**
     * The architecture that chooses every machine-specific layout (kd-protocol.md 12.1), from
     * MachineType only.
     *
     * @throws KdProtocolException for a MachineType other than 0x8664 and 0x014C
     */
    public TargetMachine targetMachine() throws KdProtocolException {
        return TargetMachine.of(machineType);
    }

    public boolean is64Bit() {
        return (flags & FLAG_PTR64) != 0 || machineType == MACHINE_AMD64;
    }
}
