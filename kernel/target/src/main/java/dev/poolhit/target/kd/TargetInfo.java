package dev.poolhit.target.kd;

import dev.poolhit.target.AddressStyle;
import java.util.List;

/**
 * What the kernel reported about itself at attach (DBGKD_GET_VERSION64 and KDDEBUGGER_DATA64).
 *
 * @param majorVersion          0xf for a free build, 0xc for checked
 * @param build                 the build number ({@code 7601})
 * @param machineType           0x8664 for x64
 * @param processors            number of processors (from the first state change)
 * @param kernBase              ntoskrnl's base address
 * @param psLoadedModuleList    address of the loaded-module list head
 * @param debuggerDataBlock     address of KdDebuggerDataBlock, 0 when unknown
 * @param breakpointWithStatus  RtlpBreakWithStatusInstruction (where break-ins stop), 0 when unknown
 * @param notes                 what could not be read and what was used instead
 */
public record TargetInfo(int majorVersion, int build, int machineType, int processors, long kernBase,
                         long psLoadedModuleList, long debuggerDataBlock, long breakpointWithStatus,
                         List<String> notes) {
    public TargetInfo {
        notes = List.copyOf(notes);
    }

    /** True for a 32-bit x86 kernel (MachineType 0x014c): 32-bit pointers, addresses sign-extended from bit 31. */
    public boolean x86() {
        return machineType == 0x14c;
    }

    /** How this target's addresses are written: 8 digits on x86, WinDbg's 16 with a backtick on x64. */
    public AddressStyle addressStyle() {
        return x86() ? AddressStyle.X86 : AddressStyle.X64;
    }

    /** Width of a target pointer in memory: 4 on x86, 8 on x64. */
    public int pointerBytes() {
        return x86() ? 4 : 8;
    }

    /** {@code Windows build 7601 x64 (free), 2 processors, kernel base fffff800`02a00000} ({@code 82800000} on x86). */
    public String versionLine() {
        String machine = machineType == 0x8664 ? "x64" : machineType == 0x14c ? "x86" : String.format("machine 0x%x", machineType);
        String flavour = majorVersion == 0xf ? "free" : majorVersion == 0xc ? "checked" : "major 0x" + Integer.toHexString(majorVersion);
        return "Windows build " + build + " " + machine + " (" + flavour + "), " + processors + " processor"
                + (processors == 1 ? "" : "s") + ", kernel base " + addressStyle().text(kernBase);
    }
}
