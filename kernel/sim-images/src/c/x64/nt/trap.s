# Trap, system-call, thread-start and debugger-break entry points of the simulated ntoskrnl.
# The unwind data comes from .seh_* directives; the frames that begin in another privilege
# context (system call, interrupt) describe it with PUSH_MACHFRAME (.seh_pushframe), so an
# unwinder walks from the kernel frame into the interrupted user-mode or idle code.
    .intel_syntax noprefix

# ---------------------------------------------------------------------------------------------
# KiSystemCall64: SYSCALL lands here with RCX = user RIP, R11 = user RFLAGS, R10 = first argument,
# EAX = service number, the user RSP unchanged. It builds the hardware-style machine frame
# (SS, RSP, RFLAGS, CS, RIP) on the kernel stack itself, then a KTRAP_FRAME-like area (0x168
# bytes below the machine frame) and 0x70 bytes of outgoing arguments, saves the nonvolatiles it
# uses into the trap area (SAVE_NONVOL), copies arguments 5..10 from the user stack and calls the
# service through the service table: `call r10` right after the label KiSystemServiceCopyEnd.
#   Layout after the prologue (RSP = body RSP):
#     [rsp+0x000] home slots / arguments 5..10 for the service (0x70 bytes)
#     [rsp+0x070] trap area (0x168 bytes; rbx/rsi/rdi/rbp saved at +0x140/+0x148/+0x150/+0x158
#                 relative to the trap area, i.e. body RSP + 0x1b0/0x1b8/0x1c0/0x1c8)
#     [rsp+0x1d8] machine frame: RIP, CS, RFLAGS, RSP, SS (user mode)
    .text
    .globl KiSystemCall64
    .def KiSystemCall64; .scl 2; .type 32; .endef
    .p2align 6, 0x90
KiSystemCall64:
    .seh_proc KiSystemCall64
    swapgs
    mov qword ptr gs:[0x10], rsp
    mov rsp, qword ptr gs:[0x1a8]
    push 0x2b
    push qword ptr gs:[0x10]
    push r11
    push 0x33
    push rcx
    .seh_pushframe
    sub rsp, 0x1d8
    .seh_stackalloc 0x1d8
    mov qword ptr [rsp+0x1b0], rbx
    .seh_savereg rbx, 0x1b0
    mov qword ptr [rsp+0x1b8], rsi
    .seh_savereg rsi, 0x1b8
    mov qword ptr [rsp+0x1c0], rdi
    .seh_savereg rdi, 0x1c0
    mov qword ptr [rsp+0x1c8], rbp
    .seh_savereg rbp, 0x1c8
    .seh_endprologue
    sti
    mov rcx, r10
    cmp eax, 8
    jae .Lsvc_invalid
    lea r11, [rip+KiServiceTable]
    mov r10, qword ptr [r11+rax*8]
    .globl KiSystemServiceCopyStart
KiSystemServiceCopyStart:
    mov r11, qword ptr gs:[0x10]
    mov rax, qword ptr [r11+0x28]
    mov qword ptr [rsp+0x20], rax
    mov rax, qword ptr [r11+0x30]
    mov qword ptr [rsp+0x28], rax
    mov rax, qword ptr [r11+0x38]
    mov qword ptr [rsp+0x30], rax
    mov rax, qword ptr [r11+0x40]
    mov qword ptr [rsp+0x38], rax
    mov rax, qword ptr [r11+0x48]
    mov qword ptr [rsp+0x40], rax
    mov rax, qword ptr [r11+0x50]
    mov qword ptr [rsp+0x48], rax
    .globl KiSystemServiceCopyEnd
KiSystemServiceCopyEnd:
    call r10
    .globl KiSystemServiceExit
KiSystemServiceExit:
    mov rbx, qword ptr [rsp+0x1b0]
    mov rsi, qword ptr [rsp+0x1b8]
    mov rdi, qword ptr [rsp+0x1c0]
    mov rbp, qword ptr [rsp+0x1c8]
    add rsp, 0x1d8
    cli
    pop rcx
    add rsp, 8
    pop r11
    pop rsp
    swapgs
    sysretq
.Lsvc_invalid:
    mov eax, 0xc000001c
    jmp KiSystemServiceExit
    .seh_endproc

# NTSTATUS KiServiceInvalid(void): STATUS_INVALID_SYSTEM_SERVICE for the unused table slots.
    .globl KiServiceInvalid
    .def KiServiceInvalid; .scl 2; .type 32; .endef
    .p2align 4, 0x90
KiServiceInvalid:
    mov eax, 0xc000001c
    ret

# ---------------------------------------------------------------------------------------------
# Interrupt path of the break-in scenario: the clock interrupt arrives while the idle loop halts.
# The CPU pushed the machine frame (no error code) before the first instruction, so
# .seh_pushframe comes first, at prolog offset 0.
    .globl KiInterruptDispatchNoLock
    .def KiInterruptDispatchNoLock; .scl 2; .type 32; .endef
    .p2align 6, 0x90
KiInterruptDispatchNoLock:
    .seh_proc KiInterruptDispatchNoLock
    .seh_pushframe
    push rbp
    .seh_pushreg rbp
    sub rsp, 0x150
    .seh_stackalloc 0x150
    lea rbp, [rsp+0x80]
    .seh_setframe rbp, 0x80
    .seh_endprologue
    mov qword ptr [rbp-0x50], rax
    mov qword ptr [rbp-0x48], rcx
    mov qword ptr [rbp-0x40], rdx
    mov qword ptr [rbp-0x38], r8
    mov qword ptr [rbp-0x30], r9
    mov qword ptr [rbp-0x28], r10
    mov qword ptr [rbp-0x20], r11
    lea rcx, [rbp-0x80]
    call KeClockInterruptNotify
    mov r11, qword ptr [rbp-0x20]
    mov r10, qword ptr [rbp-0x28]
    mov r9, qword ptr [rbp-0x30]
    mov r8, qword ptr [rbp-0x38]
    mov rdx, qword ptr [rbp-0x40]
    mov rcx, qword ptr [rbp-0x48]
    mov rax, qword ptr [rbp-0x50]
    lea rsp, [rbp+0xd0]
    pop rbp
    iretq
    .seh_endproc

# VOID KiIdleLoop(void): the idle thread's outermost routine (its return-address slot holds 0).
    .globl KiIdleLoop
    .def KiIdleLoop; .scl 2; .type 32; .endef
    .p2align 4, 0x90
KiIdleLoop:
    .seh_proc KiIdleLoop
    sub rsp, 0x28
    .seh_stackalloc 0x28
    .seh_endprologue
.Lidle_again:
    call PoIdle
    sti
    hlt
    jmp .Lidle_again
    .seh_endproc

# VOID PoIdle(void): a leaf with nothing to do in the simulation.
    .globl PoIdle
    .def PoIdle; .scl 2; .type 32; .endef
    .p2align 4, 0x90
PoIdle:
    pause
    ret

# ---------------------------------------------------------------------------------------------
# System threads start here with RDI = StartRoutine, RSI = StartContext (set up by the thread
# creator). The return-address slot above this frame holds 0, which ends every stack walk.
    .globl KiStartSystemThread
    .def KiStartSystemThread; .scl 2; .type 32; .endef
    .p2align 4, 0x90
KiStartSystemThread:
    .seh_proc KiStartSystemThread
    sub rsp, 0x28
    .seh_stackalloc 0x28
    .seh_endprologue
    mov rcx, rdi
    mov rdx, rsi
    call PspSystemThreadStartup
    int3
    .seh_endproc

# VOID PspExitSystemThread(void): the simulated thread parks forever.
    .globl PspExitSystemThread
    .def PspExitSystemThread; .scl 2; .type 32; .endef
    .p2align 4, 0x90
PspExitSystemThread:
    cli
.Lexit_park:
    hlt
    jmp .Lexit_park

# ---------------------------------------------------------------------------------------------
# Debugger breaks. KDDEBUGGER_DATA64.BreakpointWithStatus points at RtlpBreakWithStatusInstruction,
# which shares its address with DbgBreakPointWithStatus (both leaves, no .pdata).
    .globl DbgBreakPoint
    .def DbgBreakPoint; .scl 2; .type 32; .endef
    .p2align 4, 0x90
DbgBreakPoint:
    int3
    ret

    .globl DbgBreakPointWithStatus
    .def DbgBreakPointWithStatus; .scl 2; .type 32; .endef
    .globl RtlpBreakWithStatusInstruction
    .def RtlpBreakWithStatusInstruction; .scl 2; .type 32; .endef
    .p2align 4, 0x90
DbgBreakPointWithStatus:
RtlpBreakWithStatusInstruction:
    int3
    ret

# VOID KeBugCheckEx(ULONG BugCheckCode, ULONG_PTR P1, P2, P3, P4): spills, breaks with status
# DBG_STATUS_BUGCHECK_FIRST (3) into the debugger, then parks the processor.
    .globl KeBugCheckEx
    .def KeBugCheckEx; .scl 2; .type 32; .endef
    .p2align 4, 0x90
KeBugCheckEx:
    .seh_proc KeBugCheckEx
    mov qword ptr [rsp+8], rcx
    mov qword ptr [rsp+0x10], rdx
    mov qword ptr [rsp+0x18], r8
    mov qword ptr [rsp+0x20], r9
    sub rsp, 0x28
    .seh_stackalloc 0x28
    .seh_endprologue
    mov dword ptr [rip+KiBugCheckData], ecx
    mov ecx, 3
    call DbgBreakPointWithStatus
    cli
.Lbugcheck_park:
    hlt
    jmp .Lbugcheck_park
    .seh_endproc

# ---------------------------------------------------------------------------------------------
# The system service table: full pointers (real kernels store compact offsets). Index 4 is
# NtDeviceIoControlFile as on Windows 7 x64.
    .section .rdata,"dr"
    .globl KiServiceTable
    .p2align 3
KiServiceTable:
    .quad KiServiceInvalid
    .quad KiServiceInvalid
    .quad KiServiceInvalid
    .quad KiServiceInvalid
    .quad NtDeviceIoControlFile
    .quad KiServiceInvalid
    .quad KiServiceInvalid
    .quad KiServiceInvalid
    .globl KiServiceLimit
    .p2align 2
KiServiceLimit:
    .long 8
