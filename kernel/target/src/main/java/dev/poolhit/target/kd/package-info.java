/**
 * The live target over KD: {@link dev.poolhit.target.kd.KdTarget} joins the wire client
 * ({@code dev.poolhit.kd}) and the debugger model ({@code dev.poolhit.target}). This package is the
 * only code that sees both, and the one place where {@code KdException}s become
 * {@link dev.poolhit.target.TargetException}s (style rule R5).
 *
 * <p>Global exceptions: every {@code KdTarget} call may throw
 * {@link dev.poolhit.target.TargetDisconnectedException} (link closed, target silent, protocol
 * error) and {@link dev.poolhit.target.TargetRunningException} (the call needs a broken-in
 * target); memory and breakpoint calls throw {@link dev.poolhit.target.MemoryAccessException}
 * naming the address.
 *
 * <p>32-bit targets: GetVersion's MachineType (asked right after the first state change, before
 * any continue) picks every layout ({@code Arch}): Continue2, CONTEXT ({@code X86ContextAccess}:
 * EAX..EDI in the {@code Reg.RAX..RDI} slots of {@code Registers}, EIP as {@code rip()}),
 * KSPECIAL_REGISTERS ({@link dev.poolhit.target.kd.KdTarget#controlRegisters()}), the 32-bit
 * DebuggerDataList link and PsLoadedModuleList entries, Win7 SP1 x86 OS offsets, and the x86
 * walker ({@code X86Walks}: FRAMEDATA from each module's PDB, trap frames, into user mode through
 * the PEB loader list). x86 addresses are held sign-extended from bit 31 ({@code ffffffff`82800000},
 * kernel addresses negative as on x64), which is also the wire form; received address fields are
 * cut to 32 bits and sign-extended again. {@link dev.poolhit.target.kd.TargetInfo#x86()} and
 * {@link dev.poolhit.target.kd.TargetInfo#pointerBytes()} tell callers which machine they drive.
 */
package dev.poolhit.target.kd;
