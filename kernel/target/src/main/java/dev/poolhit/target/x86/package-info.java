/**
 * The 32-bit (x86) stack unwinder, as WinDbg/dbghelp walk x86 stacks (kd-protocol.md 12.7).
 *
 * <h2>Per frame ({@link dev.poolhit.target.x86.X86Unwinder})</h2>
 * <ol>
 *   <li>FRAMEDATA ({@link dev.poolhit.target.pdb.PdbFile#frameData()}): the record at EIP (exact
 *       context: frame 0 or the frame a trap interrupted) or EIP-1 (a return address), program run by
 *       {@link dev.poolhit.target.x86.FrameProgram} with {@code .raSearch} = ESP + callee ParamsSize +
 *       LocalSize + SavedRegsSize and a rescan of up to 3 dwords. A cold stub ({@code int 3; jmp back}, no
 *       record) uses its parent's record at the jump target.</li>
 *   <li>Trap entry code ({@link dev.poolhit.target.x86.TrapCode}, by name): EBP is a KTRAP_FRAME
 *       ({@link dev.poolhit.target.x86.KTrapFrame32}); the caller is the interrupted EIP/EBP/ESP
 *       (HardwareEsp from user mode, frame+0x74 kernel to kernel), and that frame is an exact context.</li>
 *   <li>No record at an exact context, or a function whose prologue builds no EBP frame: the return
 *       address at [ESP] (LEAF), if it is one.</li>
 *   <li>The EBP chain (EBP 0 below a frame ends the walk: thread start code clears it).</li>
 *   <li>A scan of up to 160 (frame 0) or 40 dwords for a value in a known module right after a CALL
 *       ({@code UnwindMethod.SCAN}; {@code k} prints WinDbg's warning after that row).</li>
 * </ol>
 * Addresses are {@code long}s holding 32-bit values as the wire has them: bit 31 set is
 * sign-extended ({@link dev.poolhit.target.x86.X86Registers#canonical}); module bases must be given
 * the same way ({@code 0xffffffff82800000}).
 *
 * <h2>Host side</h2>
 * <pre>{@code
 * ModuleFrameData kernelFrames = new ModuleFrameData(kernelModules, m -> pdbFor(m).map(PdbFile::unwindData)
 *         .orElse(FrameDataTable.empty()));
 * LongFunction<Location> names = X86Names.describer(symbolizer::describe, kernelFrames); // nt!Name, cold stubs module+rva
 * X86StackWalker walker = new X86StackWalker(X86Unwinder.of(kernelMemory, kernelFrames, names), names,
 *         stackLimits, eip -> userWalkerFor(process));    // optional: user frames after the sysenter trap
 * StackTrace trace = walker.trace(new X86Registers(eip, esp, ebp, ebx, esi, edi), 64); // from the x86 CONTEXT
 * String k = StackRenderer.k(trace.frames());             // ChildEBP RetAddr + call site, 8-digit columns
 * }</pre>
 * The user walker is another {@code X86StackWalker} whose memory reads the process's address
 * space and whose {@code ModuleFrameData} covers its user modules (ntdll, the exe). Frames are
 * {@link dev.poolhit.target.stack.StackFrame}s with {@code machine() == X86}, ChildEBP in
 * {@code childSp()} and the unwind method in {@code method()}. Break kind and site come from
 * frame 0 and its return address, as on x64.
 */
package dev.poolhit.target.x86;
