# ntdll.dll of the simulated x86 user mode (Windows XP style system calls): the stub loads the
# service number, calls through SharedUserData->SystemCall (0x7ffe0300, = KiFastSystemCall) and
# pops its ten arguments. KiFastSystemCall does `mov edx,esp; sysenter`; the kernel returns to
# KiFastSystemCallRet (SharedUserData->SystemCallReturn). All frameless leaves.
    .intel_syntax noprefix
    .def @feat.00; .scl 3; .type 0; .endef
    .globl @feat.00
    .set @feat.00, 1

    .text
    .globl _NtDeviceIoControlFile@40
    .def _NtDeviceIoControlFile@40; .scl 2; .type 32; .endef
    .globl _ZwDeviceIoControlFile@40
    .def _ZwDeviceIoControlFile@40; .scl 2; .type 32; .endef
    .p2align 4, 0x90
_NtDeviceIoControlFile@40:
_ZwDeviceIoControlFile@40:
    mov eax, 0x42
    mov edx, 0x7ffe0300
    call dword ptr [edx]
    ret 0x28

    .globl _KiFastSystemCall@0
    .def _KiFastSystemCall@0; .scl 2; .type 32; .endef
    .p2align 4, 0x90
_KiFastSystemCall@0:
    mov edx, esp
    sysenter
    .globl _KiFastSystemCallRet@0
    .def _KiFastSystemCallRet@0; .scl 2; .type 32; .endef
_KiFastSystemCallRet@0:
    ret

# VOID RtlUserThreadStart(PTHREAD_START_ROUTINE StartAddress, PVOID Argument): the outermost user
# frame (EBP frame, EBP = 0 above it); calls the start address indirectly.
    .globl _RtlUserThreadStart@8
    .def _RtlUserThreadStart@8; .scl 2; .type 32; .endef
    .p2align 4, 0x90
_RtlUserThreadStart@8:
    .cv_fpo_proc _RtlUserThreadStart@8 8
    push ebp
    .cv_fpo_pushreg ebp
    .byte 0x8b, 0xec  # mov ebp,esp as MSVC encodes it (8b ec; clang emits 89 e5 for the C files)
    .cv_fpo_setframe ebp
    .cv_fpo_endprologue
    push dword ptr [ebp+12]
    call dword ptr [ebp+8]
    push eax
    call _RtlExitUserThread@4
    int3
    .cv_fpo_endproc

    .globl _RtlExitUserThread@4
    .def _RtlExitUserThread@4; .scl 2; .type 32; .endef
    .p2align 4, 0x90
_RtlExitUserThread@4:
    pause
    jmp _RtlExitUserThread@4

    .section .debug$S,"dr"
    .p2align 2
    .long 4
    .cv_fpo_data _RtlUserThreadStart@8
    .cv_stringtable
