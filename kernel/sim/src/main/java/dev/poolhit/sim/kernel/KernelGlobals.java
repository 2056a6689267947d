package dev.poolhit.sim.kernel;

/**
 * Addresses of the kernel variables the debugger finds through GetVersion and KDDEBUGGER_DATA64.
 *
 * @param kernBase              ntoskrnl base
 * @param psLoadedModuleList    LIST_ENTRY head of the loaded-module list
 * @param psActiveProcessHead   LIST_ENTRY head of EPROCESS.ActiveProcessLinks
 * @param debuggerDataList      {@code KdpDebuggerDataListHead}
 * @param debuggerDataBlock     {@code KdDebuggerDataBlock}
 * @param breakpointWithStatus  the {@code int 3} break-ins stop at
 * @param poolHitTag            {@code nt!PoolHitTag}
 * @param kiProcessorBlock      array of KPRCB pointers, one per processor
 * @param mmHighestUserAddress  variable holding the highest user address
 * @param mmSystemRangeStart    variable holding the start of system space
 */
public record KernelGlobals(long kernBase, long psLoadedModuleList, long psActiveProcessHead,
                            long debuggerDataList, long debuggerDataBlock, long breakpointWithStatus,
                            long poolHitTag, long kiProcessorBlock, long mmHighestUserAddress,
                            long mmSystemRangeStart) {}
