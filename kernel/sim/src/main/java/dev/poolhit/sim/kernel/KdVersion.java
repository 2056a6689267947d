package dev.poolhit.sim.kernel;

/**
 * DBGKD_GET_VERSION64 as plain values (kd-protocol.md 4.3); the KD adapter encodes them.
 * {@link #win7(long, long, long)} gives what a Windows 7 SP1 x64 free build reports, {@link #win7x86} the x86 one.
 */
public record KdVersion(int majorVersion, int minorVersion, int protocolVersion, int kdSecondaryVersion,
                        int flags, int machineType, int maxPacketType, int maxStateChange, int maxManipulate,
                        int simulation, long kernBase, long psLoadedModuleList, long debuggerDataList) {
    public static final int FLAG_MP = 0x1;
    public static final int FLAG_DATA = 0x2;
    public static final int FLAG_PTR64 = 0x4;
    public static final int MACHINE_AMD64 = 0x8664;
    public static final int MACHINE_I386 = 0x014c;
    public static final int BUILD_7601 = 7601;

    public static KdVersion win7(long kernBase, long psLoadedModuleList, long debuggerDataList) {
        return new KdVersion(0xf, BUILD_7601, 6, 2, FLAG_MP | FLAG_DATA | FLAG_PTR64, MACHINE_AMD64, 0x0c, 3, 0x31, 0,
                kernBase, psLoadedModuleList, debuggerDataList);
    }

    /**
     * What a Windows 7 SP1 x86 kernel reports (kd-protocol.md 12.1): MachineType 0x014c, no PTR64 flag,
     * KdSecondaryVersion 0, the three addresses sign-extended from bit 31 as the kernel's casts give.
     */
    public static KdVersion win7x86(long kernBase, long psLoadedModuleList, long debuggerDataList) {
        return new KdVersion(0xf, BUILD_7601, 6, 0, FLAG_MP | FLAG_DATA, MACHINE_I386, 0x0c, 3, 0x31, 0,
                (int) kernBase, (int) psLoadedModuleList, (int) debuggerDataList);
    }

    /** True for a 32-bit x86 target (MachineType 0x014c): the wire then uses the x86 layouts. */
    public boolean x86() {
        return machineType == MACHINE_I386;
    }

    /** The 40-byte structure as the kernel keeps it in {@code KdVersionBlock}. */
    public byte[] encode() {
        byte[] b = new byte[40];
        dev.poolhit.common.LittleEndian.put16(b, 0, majorVersion);
        dev.poolhit.common.LittleEndian.put16(b, 2, minorVersion);
        b[4] = (byte) protocolVersion;
        b[5] = (byte) kdSecondaryVersion;
        dev.poolhit.common.LittleEndian.put16(b, 6, flags);
        dev.poolhit.common.LittleEndian.put16(b, 8, machineType);
        b[10] = (byte) maxPacketType;
        b[11] = (byte) maxStateChange;
        b[12] = (byte) maxManipulate;
        b[13] = (byte) simulation;
        dev.poolhit.common.LittleEndian.put64(b, 16, kernBase);
        dev.poolhit.common.LittleEndian.put64(b, 24, psLoadedModuleList);
        dev.poolhit.common.LittleEndian.put64(b, 32, debuggerDataList);
        return b;
    }
}
