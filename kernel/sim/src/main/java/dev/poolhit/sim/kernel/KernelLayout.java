package dev.poolhit.sim.kernel;

import dev.poolhit.sim.Architecture;
import dev.poolhit.sim.memory.SparseMemory;

/**
 * What differs between the x64 and the x86 kernel when the simulator writes its structures: pointer
 * width, field offsets ({@link Win7Offsets} or {@link Win7X86Offsets}, same row names) and where
 * boot objects, processor blocks, kernel stacks, the PEB and KUSER_SHARED_DATA live.
 *
 * @param objectsStart      non-paged region of boot objects (loader entries, EPROCESS/ETHREAD, names)
 * @param kpcrStart         KPCR of processor 0; processor n at {@code kpcrStart + n * kpcrStride}
 * @param stacksStart       StackBase of the first kernel stack; the k-th at {@code + k * stackStride}
 * @param kernelStackSize   KERNEL_STACK_SIZE (24 KiB x64, 12 KiB x86)
 * @param fxSaveArea        bytes between InitialStack and StackBase (FX/NPX save area)
 * @param pebAddress        the user process's PEB
 * @param sharedUserData    KUSER_SHARED_DATA's kernel address (the user alias is 0x7ffe0000 on both)
 */
public record KernelLayout(Architecture architecture, long objectsStart, long kpcrStart, long kpcrStride,
                           long stacksStart, long stackStride, long kernelStackSize, long fxSaveArea,
                           long pebAddress, long sharedUserData, long highestUserAddress, long systemRangeStart) {
    public static final KernelLayout X64 = new KernelLayout(Architecture.X64, 0xfffffa8000c00000L,
            0xfffff880009e0000L, 0x8000, 0xfffff88004ec2000L, 0x8000, 0x6000, 0x200, 0x000007fffffdf000L,
            0xfffff78000000000L, 0x000007fffffeffffL, 0xffff080000000000L);
    /** Win7 x86 address ranges: boot objects and pool in 0x84..., stacks in 0x8d..., PEB 0x7ffdf000. */
    public static final KernelLayout X86 = new KernelLayout(Architecture.X86, 0x84a00000L, 0x807c0000L, 0x4000,
            0x8d004000L, 0x4000, 0x3000, 0x210, 0x7ffdf000L, 0xffdf0000L, 0x7ffeffffL, 0x80000000L);

    public static KernelLayout of(Architecture architecture) {
        return architecture == Architecture.X86 ? X86 : X64;
    }

    public boolean x86() {
        return architecture == Architecture.X86;
    }

    public int pointerBytes() {
        return architecture.pointerBytes();
    }

    /** Offset of {@code field} on this architecture (the x86 row of the same name). */
    public int offset(Win7Offsets field) {
        return x86() ? Win7X86Offsets.valueOf(field.name()).offset() : field.offset();
    }

    public void putPointer(SparseMemory memory, long at, long value) {
        if (x86()) {
            memory.put32(at, value & 0xffffffffL);
        } else {
            memory.put64(at, value);
        }
    }

    public long pointer(SparseMemory memory, long at) {
        return x86() ? memory.u32(at) : memory.u64(at);
    }

    /** UNICODE_STRING size (16 x64, 8 x86); its Buffer sits at the last pointer slot. */
    public int unicodeStringBytes() {
        return 2 * pointerBytes();
    }
}
