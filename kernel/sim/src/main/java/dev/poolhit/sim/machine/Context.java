package dev.poolhit.sim.machine;

/**
 * One processor's CONTEXT as the debugger sees it (the values; the KD adapter encodes the 0x4D0-byte
 * AMD64 CONTEXT of kd-protocol.md 6). General registers are in x64 encoding order (0 RAX, 1 RCX,
 * 2 RDX, 3 RBX, 4 RSP, 5 RBP, 6 RSI, 7 RDI, 8..15 R8..R15), the numbering unwind codes use. On the
 * x86 machine the same record holds the x86 CONTEXT: slots 0-7 are EAX..EDI (same encoding order),
 * {@code rip} is EIP, R8-R15 stay 0 and the adapter encodes the 0x2CC-byte x86 CONTEXT.
 */
public record Context(long rax, long rcx, long rdx, long rbx, long rsp, long rbp, long rsi, long rdi,
                      long r8, long r9, long r10, long r11, long r12, long r13, long r14, long r15,
                      long rip, int eflags, int segCs, int segDs, int segEs, int segFs, int segGs, int segSs,
                      long dr0, long dr1, long dr2, long dr3, long dr6, long dr7, int mxCsr) {
    /** EFLAGS.TF: single step after the next instruction. */
    public static final int EFLAGS_TRAP = 0x100;
    /** Kernel code selector KGDT64_R0_CODE (the state change sets REPORT_STANDARD_CS for it). */
    public static final int KERNEL_CS = 0x10;
    public static final int KERNEL_DS = 0x2b;
    public static final int KERNEL_FS = 0x53;
    public static final int KERNEL_SS = 0x18;
    /** x86 kernel selectors (KGDT_R0_CODE, R0_DATA, R3_DATA for DS/ES, R0_PCR for FS): the 32-bit machine's. */
    public static final int X86_KERNEL_CS = 0x08;
    public static final int X86_KERNEL_SS = 0x10;
    public static final int X86_KERNEL_DS = 0x23;
    public static final int X86_KERNEL_FS = 0x30;

    /** An x86 kernel-mode context (EAX..EDI in the first eight slots, R8-R15 unused, EIP in rip). */
    public static Context x86Kernel(long eip, long esp) {
        return new Context(0, 0, 0, 0, esp, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, eip, 0x202, X86_KERNEL_CS, X86_KERNEL_DS,
                X86_KERNEL_DS, X86_KERNEL_FS, 0, X86_KERNEL_SS, 0, 0, 0, 0, 0xffff0ff0L, 0x400, 0x1f80);
    }

    /** A kernel-mode context with every register zero, interrupts enabled, kernel selectors. */
    public static Context kernel(long rip, long rsp) {
        return new Context(0, 0, 0, 0, rsp, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, rip, 0x202, KERNEL_CS, KERNEL_DS,
                KERNEL_DS, KERNEL_FS, KERNEL_DS, KERNEL_SS, 0, 0, 0, 0, 0xffff0ff0L, 0x400, 0x1f80);
    }

    /** General register {@code index} in x64 encoding order. */
    public long gpr(int index) {
        return gprs()[index];
    }

    public long[] gprs() {
        return new long[] {rax, rcx, rdx, rbx, rsp, rbp, rsi, rdi, r8, r9, r10, r11, r12, r13, r14, r15};
    }

    public Context withGprs(long[] g) {
        return new Context(g[0], g[1], g[2], g[3], g[4], g[5], g[6], g[7], g[8], g[9], g[10], g[11], g[12], g[13],
                g[14], g[15], rip, eflags, segCs, segDs, segEs, segFs, segGs, segSs, dr0, dr1, dr2, dr3, dr6, dr7,
                mxCsr);
    }

    public Context withGpr(int index, long value) {
        long[] g = gprs();
        g[index] = value;
        return withGprs(g);
    }

    public Context withRip(long value) {
        return new Context(rax, rcx, rdx, rbx, rsp, rbp, rsi, rdi, r8, r9, r10, r11, r12, r13, r14, r15, value,
                eflags, segCs, segDs, segEs, segFs, segGs, segSs, dr0, dr1, dr2, dr3, dr6, dr7, mxCsr);
    }

    public Context withEflags(int value) {
        return new Context(rax, rcx, rdx, rbx, rsp, rbp, rsi, rdi, r8, r9, r10, r11, r12, r13, r14, r15, rip,
                value, segCs, segDs, segEs, segFs, segGs, segSs, dr0, dr1, dr2, dr3, dr6, dr7, mxCsr);
    }

    public Context withDebugRegisters(long d0, long d1, long d2, long d3, long d6, long d7) {
        return new Context(rax, rcx, rdx, rbx, rsp, rbp, rsi, rdi, r8, r9, r10, r11, r12, r13, r14, r15, rip,
                eflags, segCs, segDs, segEs, segFs, segGs, segSs, d0, d1, d2, d3, d6, d7, mxCsr);
    }
}
