package dev.poolhit.target.kd;

/**
 * The control and kernel debug registers of one processor from its KSPECIAL_REGISTERS (AMD64:
 * control-space selector 2; x86: control-space offset 0x2CC, kd-protocol.md 12.4). x86 values are
 * 32-bit, zero-extended (they are register contents, not addresses of the model).
 *
 * @param cr0        CR0
 * @param cr2        CR2 (the last page-fault address)
 * @param cr3        CR3 (page-directory base; on PAE x86 the PDPT)
 * @param cr4        CR4 (bit 5 PAE)
 * @param kernelDr6  KernelDr6
 * @param kernelDr7  KernelDr7 (0x400: no hardware breakpoint enabled)
 */
public record ControlRegisters(long cr0, long cr2, long cr3, long cr4, long kernelDr6, long kernelDr7) {}
