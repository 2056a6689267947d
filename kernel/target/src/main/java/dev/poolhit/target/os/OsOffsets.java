package dev.poolhit.target.os;

import java.util.Optional;

/**
 * Field offsets of the kernel and loader structures one Windows build lays out, for naming a
 * thread's process, bounding its kernel stack and finding its user-mode modules.
 *
 * <p>Windows 7 SP1 x64 (build 7601), from the public symbol-derived headers of ntdiff/headers
 * ({@code Win7_SP1/x64/System32/ntoskrnl.exe/Standalone/_KTHREAD.h}: InitialStack 0x28,
 * StackLimit 0x30, ApcState 0x50 with KAPC_STATE.Process at +0x20, StackBase 0x278;
 * {@code _ETHREAD.h}: Cid 0x3b0 (CLIENT_ID UniqueProcess, UniqueThread);
 * {@code _EPROCESS.h}: UniqueProcessId 0x180, ImageFileName[15] 0x2e0, Peb 0x338;
 * {@code ntdll.dll/Standalone/_PEB.h}: Ldr 0x18; x64 {@code _PEB_LDR_DATA}: InLoadOrderModuleList
 * 0x10). The EPROCESS values agree with Bitdefender hvmi's Windows 7 SP1 x64 field file (Id 0x180,
 * Name 0x2e0) and KDDEBUGGER_DATA64.OffsetKThreadApcProcess (0x70) of that build.
 *
 * <p>Windows 7 SP1 x86 (build 7601, 32-bit pointers), from the same headers under
 * {@code Win7_SP1/x86/System32/ntoskrnl.exe/Standalone}: {@code _KTHREAD.h} InitialStack 0x28,
 * StackLimit 0x2c, ApcState 0x40 with KAPC_STATE.Process at +0x10, StackBase 0x190;
 * {@code _ETHREAD.h} Cid 0x22c (UniqueThread +4); {@code _EPROCESS.h} UniqueProcessId 0xb4,
 * ImageFileName 0x16c, Peb 0x1a8; x86 {@code _PEB}: Ldr 0x0c; {@code _PEB_LDR_DATA}:
 * InLoadOrderModuleList 0x0c. Id 0xb4 and Name 0x16c agree with hvmi's Windows 7 SP1 x86 field file.
 *
 * @param build                    the NT build number (GetVersion's MinorVersion)
 * @param kthreadInitialStack      KTHREAD.InitialStack
 * @param kthreadStackLimit        KTHREAD.StackLimit (lowest byte of the kernel stack)
 * @param kthreadApcStateProcess   KTHREAD.ApcState.Process (the process whose address space is current)
 * @param kthreadStackBase         KTHREAD.StackBase (one past the highest byte)
 * @param ethreadCidUniqueThread   ETHREAD.Cid.UniqueThread
 * @param eprocessUniqueProcessId  EPROCESS.UniqueProcessId
 * @param eprocessImageFileName    EPROCESS.ImageFileName (15 bytes, NUL padded)
 * @param eprocessPeb              EPROCESS.Peb (0 for system processes)
 * @param pebLdr                   PEB.Ldr
 * @param ldrInLoadOrderModuleList PEB_LDR_DATA.InLoadOrderModuleList (a LIST_ENTRY head)
 * @param pointerBytes             8 on x64, 4 on x86 (pointers in these structures, LDR entry layout)
 */
public record OsOffsets(int build, int kthreadInitialStack, int kthreadStackLimit, int kthreadApcStateProcess,
                        int kthreadStackBase, int ethreadCidUniqueThread, int eprocessUniqueProcessId,
                        int eprocessImageFileName, int eprocessPeb, int pebLdr, int ldrInLoadOrderModuleList,
                        int pointerBytes) {
    /** EPROCESS.ImageFileName is UCHAR[15]. */
    public static final int IMAGE_FILE_NAME_BYTES = 15;
    /** IMAGE_FILE_MACHINE_AMD64. */
    public static final int MACHINE_AMD64 = 0x8664;
    /** IMAGE_FILE_MACHINE_I386. */
    public static final int MACHINE_I386 = 0x14c;

    static final OsOffsets WIN7_SP1_X64 = new OsOffsets(7601, 0x28, 0x30, 0x70, 0x278, 0x3b8, 0x180, 0x2e0, 0x338,
            0x18, 0x10, 8);
    static final OsOffsets WIN7_SP1_X86 = new OsOffsets(7601, 0x28, 0x2c, 0x50, 0x190, 0x230, 0xb4, 0x16c, 0x1a8,
            0x0c, 0x0c, 4);

    /** The table for a build and machine type; empty when not known (then nothing is read, nothing guessed). */
    public static Optional<OsOffsets> forBuild(int build, int machineType) {
        if (machineType == MACHINE_AMD64 && build == WIN7_SP1_X64.build()) {
            return Optional.of(WIN7_SP1_X64);
        }
        if (machineType == MACHINE_I386 && build == WIN7_SP1_X86.build()) {
            return Optional.of(WIN7_SP1_X86);
        }
        return Optional.empty();
    }

    /** The status note for a build without a table. */
    public static String unknownBuildNote(int build, int machineType) {
        return String.format("no kernel structure offsets for build %d (machine 0x%x): process names and thread stack"
                + " limits stay missing and stacks stop at user mode", build, machineType);
    }
}
