# System worker thread of the simulated ntoskrnl and one work routine with a frame pointer.
# These two carry the prologue forms the C compiler does not produce here:
# SAVE_XMM128 and SAVE_NONVOL after the allocation (ExpWorkerThread), SET_FPREG with a
# dynamic alloca below it (IopDereferenceFileWorker).
    .intel_syntax noprefix

# VOID ExpWorkerThread(PVOID StartContext): drains ExpWorkerQueueHead (a LIST_ENTRY of
# WORK_QUEUE_ITEMs the simulator links in) and calls each item's WorkerRoutine(Parameter)
# indirectly: `call qword ptr [rbx+0x10]`.
#   Body RSP layout: [rsp+0x40] xmm6, [rsp+0x58..0x78] r14, rdi, rsi, rbx (pushed),
#   [rsp+0x78] return address, [rsp+0x80] home slot 1 = saved r15.
    .text
    .globl ExpWorkerThread
    .def ExpWorkerThread; .scl 2; .type 32; .endef
    .p2align 4, 0x90
ExpWorkerThread:
    .seh_proc ExpWorkerThread
    push rbx
    .seh_pushreg rbx
    push rsi
    .seh_pushreg rsi
    push rdi
    .seh_pushreg rdi
    push r14
    .seh_pushreg r14
    sub rsp, 0x58
    .seh_stackalloc 0x58
    movaps xmmword ptr [rsp+0x40], xmm6
    .seh_savexmm xmm6, 0x40
    mov qword ptr [rsp+0x80], r15
    .seh_savereg r15, 0x80
    .seh_endprologue
    mov r14, rcx
    xor r15d, r15d
    xorps xmm6, xmm6
    lea rsi, [rip+ExpWorkerQueueHead]
.Lworker_next:
    mov rbx, qword ptr [rsi]
    cmp rbx, rsi
    je .Lworker_idle
    mov rax, qword ptr [rbx]
    mov qword ptr [rsi], rax
    mov qword ptr [rax+8], rsi
    mov rcx, qword ptr [rbx+0x18]
    call qword ptr [rbx+0x10]
    inc r15
    cvtsi2sd xmm6, r15
    inc qword ptr [rip+ExpWorkerItemsProcessed]
    jmp .Lworker_next
.Lworker_idle:
    mov rcx, r14
    call ExpWaitForWork
    jmp .Lworker_next
    .seh_endproc

# VOID ExpWaitForWork(PVOID Queue): a frameless leaf (no .pdata), the idle wait of the worker.
    .globl ExpWaitForWork
    .def ExpWaitForWork; .scl 2; .type 32; .endef
    .p2align 4, 0x90
ExpWaitForWork:
    pause
    ret

# VOID IopDereferenceFileWorker(PVOID Parameter): a frame-pointer function. RBP = body RSP +
# 0x20 (SET_FPREG rbp, offset 0x20) is established before a dynamic alloca of
# ((Parameter & 0xf0) + 0x30) bytes, so after the alloca only RBP locates the frame.
# Allocates a 'File' block (0xd8 bytes, NonPagedPool) and frees it with ExFreePool.
    .globl IopDereferenceFileWorker
    .def IopDereferenceFileWorker; .scl 2; .type 32; .endef
    .p2align 4, 0x90
IopDereferenceFileWorker:
    .seh_proc IopDereferenceFileWorker
    push rbp
    .seh_pushreg rbp
    push rbx
    .seh_pushreg rbx
    sub rsp, 0x28
    .seh_stackalloc 0x28
    lea rbp, [rsp+0x20]
    .seh_setframe rbp, 0x20
    .seh_endprologue
    mov eax, ecx
    and eax, 0xf0
    add eax, 0x30
    sub rsp, rax
    mov qword ptr [rsp+0x20], rcx
    xor ecx, ecx
    mov edx, 0xd8
    mov r8d, 0x656c6946
    call ExAllocatePoolWithTag
    mov rbx, rax
    test rax, rax
    jz .Lfileworker_out
    mov qword ptr [rbx], 0
    mov rcx, rbx
    call ExFreePool
.Lfileworker_out:
    lea rsp, [rbp+8]
    pop rbx
    pop rbp
    ret
    .seh_endproc
