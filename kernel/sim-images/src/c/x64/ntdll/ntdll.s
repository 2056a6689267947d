# ntdll.dll of the simulated user mode: the system-call stubs a user thread enters the kernel
# through, and the thread start routine. The stubs are frameless leaves without .pdata, as in
# the real ntdll (`mov r10,rcx; mov eax,<service>; syscall; ret`).
    .intel_syntax noprefix
    .text
    .globl NtDeviceIoControlFile
    .def NtDeviceIoControlFile; .scl 2; .type 32; .endef
    .globl ZwDeviceIoControlFile
    .def ZwDeviceIoControlFile; .scl 2; .type 32; .endef
    .p2align 4, 0x90
NtDeviceIoControlFile:
ZwDeviceIoControlFile:
    mov r10, rcx
    mov eax, 4
    test byte ptr [0x7ffe0308], 1
    jnz .Lint2e
    syscall
    ret
.Lint2e:
    int 0x2e
    ret

# VOID RtlUserThreadStart(PTHREAD_START_ROUTINE StartAddress /*rcx*/, PVOID Argument /*rdx*/):
# the outermost user-mode frame; calls the start address indirectly.
    .globl RtlUserThreadStart
    .def RtlUserThreadStart; .scl 2; .type 32; .endef
    .p2align 4, 0x90
RtlUserThreadStart:
    .seh_proc RtlUserThreadStart
    sub rsp, 0x48
    .seh_stackalloc 0x48
    .seh_endprologue
    mov rax, rcx
    mov rcx, rdx
    call rax
    mov ecx, eax
    call RtlExitUserThread
    int3
    .seh_endproc

# VOID RtlExitUserThread(NTSTATUS Status): parks (the simulation never exits threads).
    .globl RtlExitUserThread
    .def RtlExitUserThread; .scl 2; .type 32; .endef
    .p2align 4, 0x90
RtlExitUserThread:
    pause
    jmp RtlExitUserThread
