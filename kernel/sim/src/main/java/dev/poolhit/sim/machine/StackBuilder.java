package dev.poolhit.sim.machine;

import dev.poolhit.sim.kernel.SimThread;
import java.util.List;

/**
 * Lays a call chain out on a thread's stacks the way the architecture's code would have left it,
 * so that a debugger's unwinder recovers the same frames: {@link StackWriter} (x64, from unwind
 * data) and {@link X86StackWriter} (x86, from the manifest's call-site depths and FrameData).
 */
interface StackBuilder {
    /**
     * @param ips              instruction pointers, outermost first; each but the last is a return address
     * @param innermostEntered false when the innermost function is at its first instruction
     * @param args             per ip index, values the frame's function received (x64: spilled to home
     *                         slots; x86: the stack arguments above its return address); may be null
     */
    StackWriter.Layout write(SimThread thread, long userStackTop, List<Long> ips, boolean innermostEntered,
                             List<long[]> args, long seed);
}
