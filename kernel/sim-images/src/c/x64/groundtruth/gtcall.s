# Host (Linux x86-64, SysV) trampoline into the Windows x64 images (MS ABI) for ground truth.
# gt_invoke(fn /*rdi*/, args /*rsi*/, nargs /*edx*/, stack_top /*rcx*/) switches to the fixed
# stack, lays out arguments 5.. above the 0x20-byte home area, loads rcx/rdx/r8/r9, sets every
# other register to a fixed sentinel (so the images save deterministic values), and calls fn
# with the return address GT_RETURN_STUB: a page at a fixed address whose code jumps to
# gt_resume, so no address of this (ASLR-placed) program lands on the recorded stack.
    .intel_syntax noprefix
    .text
    .globl gt_invoke
gt_invoke:
    push rbp
    push rbx
    push r12
    push r13
    push r14
    push r15
    mov qword ptr [rip+gt_saved_rsp], rsp
    mov r11, rdi
    mov rsp, rcx
    sub rsp, 0x60
    mov r10d, 4
.Lcopy:
    cmp r10d, edx
    jae .Lcopied
    mov rax, qword ptr [rsi+r10*8]
    mov qword ptr [rsp+r10*8], rax
    inc r10d
    jmp .Lcopy
.Lcopied:
    mov rcx, qword ptr [rsi]
    mov rdx, qword ptr [rsi+8]
    mov r8, qword ptr [rsi+16]
    mov r9, qword ptr [rsi+24]
    movabs rbx, 0x0b0b0b0b0b0b0b0b
    movabs rbp, 0x0b9b9b9b9b9b9b9b
    movabs rsi, 0x0516051605160516
    movabs rdi, 0x0d1d0d1d0d1d0d1d
    movabs r12, 0x1212121212121212
    movabs r13, 0x1313131313131313
    movabs r14, 0x1414141414141414
    movabs r15, 0x1515151515151515
    xor eax, eax
    xor r10d, r10d
    movabs rax, 0x2f000000
    push rax
    xor eax, eax
    jmp r11

    .globl gt_resume
gt_resume:
    mov rsp, qword ptr [rip+gt_saved_rsp]
    pop r15
    pop r14
    pop r13
    pop r12
    pop rbx
    pop rbp
    ret

    .bss
    .p2align 3
gt_saved_rsp:
    .quad 0
    .section .note.GNU-stack,"",@progbits
