# x86 entries, threads and debugger breaks of the simulated ntoskrnl.
# KTRAP_FRAME (0x8c bytes, kd-protocol.md 12.7): DbgEbp 0x00, DbgEip 0x04, ..., SegFs 0x50,
# Edi 0x54, Esi 0x58, Ebx 0x5c, Ebp 0x60, ErrCode 0x64, Eip 0x68, SegCs 0x6c, EFlags 0x70,
# HardwareEsp 0x74, HardwareSegSs 0x78 (only on a privilege change), V86 segments 0x7c-0x8b.
# Both entries point EBP at the trap frame and copy the interrupted Ebp/Eip into DbgEbp/DbgEip,
# so a plain EBP walk passes the trap: [ebp] = interrupted EBP, [ebp+4] = interrupted EIP.
    .intel_syntax noprefix
    .def @feat.00; .scl 3; .type 0; .endef
    .globl @feat.00
    .set @feat.00, 1

    .text
# SYSENTER entry (KiFastCallEntry). The simulator enters with ESP = the thread's kernel stack top
# (KTRAP_FRAME + 0x7c: V86 fields not pushed), EAX = service number, EDX = user ESP at the
# sysenter, which points at {return into ntdll!NtDeviceIoControlFile, return into its caller,
# arguments...}. Trap Eip = SharedUserData->SystemCallReturn (ntdll!KiFastSystemCallRet).
    .globl _KiFastCallEntry
    .def _KiFastCallEntry; .scl 2; .type 32; .endef
    .p2align 4, 0xcc
_KiFastCallEntry:
    push 0x23
    push edx
    pushfd
    push 0x1b
    push dword ptr [0xffdf0304]
    push 0
    push ebp
    push ebx
    push esi
    push edi
    push 0x3b
    push -1
    push 1
    sub esp, 0x48
    .byte 0x8b, 0xec  # mov ebp,esp as MSVC encodes it (8b ec; clang emits 89 e5 for the C files)
    mov ecx, dword ptr [ebp+0x60]
    mov dword ptr [ebp+0x00], ecx
    mov ecx, dword ptr [ebp+0x68]
    mov dword ptr [ebp+0x04], ecx
    .globl _KiSystemService
    .def _KiSystemService; .scl 2; .type 32; .endef
_KiSystemService:
    cmp eax, dword ptr [_KiServiceLimit]
    jae .Lservice_invalid
    mov ebx, dword ptr [_KiServiceTable+eax*4]
    movzx ecx, byte ptr [_KiArgumentTable+eax]
    lea esi, [edx+8]
    sub esp, ecx
    mov edi, esp
    shr ecx, 2
    rep movsd
    .globl _KiSystemServiceCopyEnd
    .def _KiSystemServiceCopyEnd; .scl 2; .type 32; .endef
_KiSystemServiceCopyEnd:
    call ebx
    .globl _KiServiceExit
    .def _KiServiceExit; .scl 2; .type 32; .endef
_KiServiceExit:
    mov esp, ebp
    add esp, 0x54
    pop edi
    pop esi
    pop ebx
    pop ebp
    add esp, 4
    pop edx
    add esp, 8
    pop ecx
    sti
    sysexit
.Lservice_invalid:
    mov eax, 0xc000001c
    jmp _KiServiceExit

# Clock interrupt entry (kernel to kernel: no HardwareEsp/SegSs pushed, interrupted ESP =
# trap frame + 0x74). The simulator enters with ESP just below the CPU-pushed {Eip, SegCs,
# EFlags}; the interrupted code is KiIdleLoop after its hlt.
    .globl _KiClockInterrupt
    .def _KiClockInterrupt; .scl 2; .type 32; .endef
    .p2align 4, 0xcc
_KiClockInterrupt:
    push 0
    push ebp
    push ebx
    push esi
    push edi
    push 0x30
    push -1
    push 0
    sub esp, 0x48
    .byte 0x8b, 0xec  # mov ebp,esp as MSVC encodes it (8b ec; clang emits 89 e5 for the C files)
    mov ecx, dword ptr [ebp+0x60]
    mov dword ptr [ebp+0x00], ecx
    mov ecx, dword ptr [ebp+0x68]
    mov dword ptr [ebp+0x04], ecx
    push ebp
    call _KeClockInterruptNotify@4
    add esp, 0x54
    pop edi
    pop esi
    pop ebx
    pop ebp
    add esp, 4
    iretd

# VOID KiIdleLoop(void): the idle thread; the clock interrupt arrives at its hlt. EBP frame with
# EBP = 0 above it, so walks end here.
    .globl _KiIdleLoop@0
    .def _KiIdleLoop@0; .scl 2; .type 32; .endef
    .p2align 4, 0xcc
_KiIdleLoop@0:
    .cv_fpo_proc _KiIdleLoop@0 0
    push ebp
    .cv_fpo_pushreg ebp
    .byte 0x8b, 0xec  # mov ebp,esp as MSVC encodes it (8b ec; clang emits 89 e5 for the C files)
    .cv_fpo_setframe ebp
    .cv_fpo_endprologue
.Lidle:
    sti
    hlt
    call _PoIdle@0
    jmp .Lidle
    .cv_fpo_endproc

# VOID PoIdle(void): a leaf.
    .globl _PoIdle@0
    .def _PoIdle@0; .scl 2; .type 32; .endef
    .p2align 4, 0xcc
_PoIdle@0:
    pause
    ret

# System threads start here with EBP = 0 and {StartRoutine, StartContext} on the stack (set up by
# the thread creator); PspSystemThreadStartup pops them (stdcall). Outermost frame.
    .globl _KiThreadStartup@0
    .def _KiThreadStartup@0; .scl 2; .type 32; .endef
    .p2align 4, 0xcc
_KiThreadStartup@0:
    xor ebp, ebp
    call _PspSystemThreadStartup@8
    call _PspExitSystemThread@0
    int3

# VOID PspExitSystemThread(void): the simulated thread parks forever.
    .globl _PspExitSystemThread@0
    .def _PspExitSystemThread@0; .scl 2; .type 32; .endef
    .p2align 4, 0xcc
_PspExitSystemThread@0:
    cli
.Lexit_park:
    hlt
    jmp .Lexit_park

# Debugger breaks: leaves without frames, as on the real x86 kernel. KDDEBUGGER_DATA64
# .BreakpointWithStatus points at RtlpBreakWithStatusInstruction (status in EAX).
    .globl _DbgBreakPoint@0
    .def _DbgBreakPoint@0; .scl 2; .type 32; .endef
    .p2align 4, 0xcc
_DbgBreakPoint@0:
    int3
    ret

    .globl _DbgBreakPointWithStatus@4
    .def _DbgBreakPointWithStatus@4; .scl 2; .type 32; .endef
    .p2align 4, 0xcc
_DbgBreakPointWithStatus@4:
    mov eax, dword ptr [esp+4]
    .globl _RtlpBreakWithStatusInstruction@0
    .def _RtlpBreakWithStatusInstruction@0; .scl 2; .type 32; .endef
_RtlpBreakWithStatusInstruction@0:
    int3
    ret 4

# VOID KeBugCheckEx(Code, P1, P2, P3, P4): EBP frame; stores the code and parameters, then breaks.
    .globl _KeBugCheckEx@20
    .def _KeBugCheckEx@20; .scl 2; .type 32; .endef
    .p2align 4, 0xcc
_KeBugCheckEx@20:
    .cv_fpo_proc _KeBugCheckEx@20 20
    .byte 0x8b, 0xff  # mov edi,edi in the 8b ff encoding of the MSVC hot-patch point (the assembler picks 89 ff)
    push ebp
    .cv_fpo_pushreg ebp
    .byte 0x8b, 0xec  # mov ebp,esp as MSVC encodes it (8b ec; clang emits 89 e5 for the C files)
    .cv_fpo_setframe ebp
    .cv_fpo_endprologue
    mov eax, dword ptr [ebp+8]
    mov dword ptr [_KiBugCheckData], eax
    mov eax, dword ptr [ebp+12]
    mov dword ptr [_KiBugCheckData+4], eax
    push 3
    call _DbgBreakPointWithStatus@4
.Lbugcheck_park:
    cli
    hlt
    jmp .Lbugcheck_park
    .cv_fpo_endproc

# NTSTATUS FASTCALL IofCallDriver(PDEVICE_OBJECT DeviceObject /*ecx*/, PIRP Irp /*edx*/): EBP
# frame; advances the IRP stack location and calls DriverObject->MajorFunction[major]
# indirectly (`call dword ptr [eax+ecx*4+38h]`), pushing (DeviceObject, Irp) for the stdcall
# dispatch routine.
    .globl @IofCallDriver@8
    .def @IofCallDriver@8; .scl 2; .type 32; .endef
    .p2align 4, 0xcc
@IofCallDriver@8:
    .cv_fpo_proc @IofCallDriver@8 0
    .byte 0x8b, 0xff  # mov edi,edi in the 8b ff encoding of the MSVC hot-patch point (the assembler picks 89 ff)
    push ebp
    .cv_fpo_pushreg ebp
    .byte 0x8b, 0xec  # mov ebp,esp as MSVC encodes it (8b ec; clang emits 89 e5 for the C files)
    .cv_fpo_setframe ebp
    .cv_fpo_endprologue
    dec byte ptr [edx+0x23]
    mov eax, dword ptr [edx+0x60]
    sub eax, 0x24
    mov dword ptr [edx+0x60], eax
    mov dword ptr [eax+0x14], ecx
    push edx
    push ecx
    movzx ecx, byte ptr [eax]
    mov eax, dword ptr [esp]
    mov eax, dword ptr [eax+8]
    call dword ptr [eax+ecx*4+0x38]
    pop ebp
    ret
    .cv_fpo_endproc

# VOID ExpWorkerThread(PVOID StartContext): EBP frame + EBX/ESI; dequeues WORK_QUEUE_ITEMs and
# calls WorkerRoutine(Parameter) indirectly (`call dword ptr [ebx+8]`).
    .globl _ExpWorkerThread@4
    .def _ExpWorkerThread@4; .scl 2; .type 32; .endef
    .p2align 4, 0xcc
_ExpWorkerThread@4:
    .cv_fpo_proc _ExpWorkerThread@4 4
    .byte 0x8b, 0xff  # mov edi,edi in the 8b ff encoding of the MSVC hot-patch point (the assembler picks 89 ff)
    push ebp
    .cv_fpo_pushreg ebp
    .byte 0x8b, 0xec  # mov ebp,esp as MSVC encodes it (8b ec; clang emits 89 e5 for the C files)
    .cv_fpo_setframe ebp
    push ebx
    .cv_fpo_pushreg ebx
    push esi
    .cv_fpo_pushreg esi
    .cv_fpo_endprologue
    mov esi, offset _ExpWorkerQueueHead
.Lworker_loop:
    mov ebx, dword ptr [esi]
    cmp ebx, esi
    je .Lworker_wait
    mov ecx, dword ptr [ebx]
    mov dword ptr [esi], ecx
    mov dword ptr [ecx+4], esi
    push dword ptr [ebx+12]
    call dword ptr [ebx+8]
    add dword ptr [_ExpWorkerItemsProcessed], 1
    adc dword ptr [_ExpWorkerItemsProcessed+4], 0
    jmp .Lworker_loop
.Lworker_wait:
    call _ExpWaitForWork@0
    jmp .Lworker_loop
    .cv_fpo_endproc

    .globl _ExpWaitForWork@0
    .def _ExpWaitForWork@0; .scl 2; .type 32; .endef
    .p2align 4, 0xcc
_ExpWaitForWork@0:
    hlt
    ret

    .data
# KiServiceTable: 0x43 entries as on Windows XP x86, where NtDeviceIoControlFile is service 0x42;
# KiArgumentTable holds each service's argument bytes.
    .globl _KiServiceTable
    .p2align 2
_KiServiceTable:
    .rept 0x42
    .long .Lservice_invalid
    .endr
    .long _NtDeviceIoControlFile@40
    .globl _KiServiceLimit
_KiServiceLimit:
    .long 0x43
    .globl _KiArgumentTable
_KiArgumentTable:
    .rept 0x42
    .byte 0
    .endr
    .byte 0x28

    .section .debug$S,"dr"
    .p2align 2
    .long 4
    .cv_fpo_data _KiIdleLoop@0
    .cv_fpo_data _KeBugCheckEx@20
    .cv_fpo_data @IofCallDriver@8
    .cv_fpo_data _ExpWorkerThread@4
    .cv_stringtable
