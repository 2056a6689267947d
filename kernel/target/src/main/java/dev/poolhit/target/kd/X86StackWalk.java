package dev.poolhit.target.kd;

import dev.poolhit.target.stack.StackTrace;
import dev.poolhit.target.unwind.Registers;

/**
 * "Walk this x86 stack": the seam where the x86 walker of {@code target.stack} (FrameData, EBP
 * chain, trap frames) plugs in; {@link FramePointerWalk} until then. Registers hold the x86
 * registers in their x64 namesakes' slots ({@link X86RegisterCache}).
 */
interface X86StackWalk {
    StackTrace trace(Registers registers, int maxFrames);
}
