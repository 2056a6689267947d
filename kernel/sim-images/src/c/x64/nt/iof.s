# NTSTATUS IofCallDriver(PDEVICE_OBJECT DeviceObject /*rcx*/, PIRP Irp /*rdx*/)
# Advances the IRP to the next stack location and calls the driver's dispatch routine through
# DriverObject->MajorFunction[IrpSp->MajorFunction]: an indirect call, `call [r9+r8*8+0x70]`,
# with a real frame (not a tail jump), so the dispatch routine's return address points here.
    .intel_syntax noprefix
    .text
    .globl IofCallDriver
    .def IofCallDriver; .scl 2; .type 32; .endef
    .p2align 4, 0x90
IofCallDriver:
    .seh_proc IofCallDriver
    sub rsp, 0x38
    .seh_stackalloc 0x38
    .seh_endprologue
    dec byte ptr [rdx+0x43]
    mov rax, qword ptr [rdx+0xb8]
    sub rax, 0x48
    mov qword ptr [rdx+0xb8], rax
    mov qword ptr [rax+0x28], rcx
    movzx r8d, byte ptr [rax]
    mov r9, qword ptr [rcx+8]
    call qword ptr [r9+r8*8+0x70]
    add rsp, 0x38
    ret
    .seh_endproc
