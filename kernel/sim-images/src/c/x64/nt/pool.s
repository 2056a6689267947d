# Executive pool allocator of the simulated ntoskrnl (x64, Intel syntax).
#
# Shaped like the legacy (pre-19H1) Windows 10 / Windows 7 pool code as a debugger sees it:
#  - ExAllocatePoolWithTag and ExFreePoolWithTag spill their register arguments to their home
#    slots first (mov [rsp+8],rcx ...), MSVC-style, so a debugger can recover them from the
#    caller's Child-SP (domain.md 4.5).
#  - Every PoolHitTag check is `btr/and tag,7fffffff; cmp tag,[PoolHitTag]; je cold`, and the
#    `int 3; jmp back` lives out of line in .text$zz, far below the hot code and past a string
#    blob, with its own RUNTIME_FUNCTION whose unwind info is chained (UNW_FLAG_CHAININFO) to
#    the parent function. The unwind data of those functions is hand-written (.pdata/.xdata
#    below) because the assembler's .seh_* directives cannot express chaining.
#
# Register contract at the check sites (the simulator relies on it, README "Break sites"):
#   alloc sites: RAX = address returned to the caller, RBX = NumberOfBytes,
#                EDI = Tag as passed (protected bit included), ESI = PoolType
#   free sites:  RBX = P (the caller's pointer), EDI = tag of the block, RSI = block bytes
    .intel_syntax noprefix

# ---------------------------------------------------------------------------------------------
# PVOID ExAllocatePoolWithTag(POOL_TYPE PoolType /*ecx*/, SIZE_T NumberOfBytes /*rdx*/, ULONG Tag /*r8d*/)
    .text
    .globl ExAllocatePoolWithTag
    .def ExAllocatePoolWithTag; .scl 2; .type 32; .endef
    .p2align 4, 0x90
ExAllocatePoolWithTag:
    .seh_proc ExAllocatePoolWithTag
    mov qword ptr [rsp+8], rcx
    mov qword ptr [rsp+0x10], rdx
    mov dword ptr [rsp+0x18], r8d
    push rbx
    .seh_pushreg rbx
    push rsi
    .seh_pushreg rsi
    push rdi
    .seh_pushreg rdi
    sub rsp, 0x30
    .seh_stackalloc 0x30
    .seh_endprologue
    mov edi, r8d
    mov rbx, rdx
    mov esi, ecx
    test rdx, rdx
    jz .Leapwt_fail
    mov r8d, edi
    mov rdx, rbx
    mov ecx, esi
    cmp rbx, 0x1000
    jae .Leapwt_big
    call ExpAllocateSmallPool
    jmp .Leapwt_done
.Leapwt_big:
    call ExpAllocateBigPool
.Leapwt_done:
    add rsp, 0x30
    pop rdi
    pop rsi
    pop rbx
    ret
.Leapwt_fail:
    xor eax, eax
    jmp .Leapwt_done
    .seh_endproc

# PVOID ExAllocatePool(POOL_TYPE PoolType, SIZE_T NumberOfBytes): tag 'None', a frameless tail jump
    .globl ExAllocatePool
    .def ExAllocatePool; .scl 2; .type 32; .endef
    .p2align 4, 0x90
ExAllocatePool:
    mov r8d, 0x656e6f4e
    jmp ExAllocatePoolWithTag

# PVOID ExAllocatePool2(POOL_FLAGS Flags /*rcx*/, SIZE_T NumberOfBytes /*rdx*/, ULONG Tag /*r8d*/)
# POOL_FLAG_NON_PAGED (0x40) selects NonPagedPoolNx, anything else PagedPool.
    .globl ExAllocatePool2
    .def ExAllocatePool2; .scl 2; .type 32; .endef
    .p2align 4, 0x90
ExAllocatePool2:
    .seh_proc ExAllocatePool2
    mov qword ptr [rsp+8], rcx
    mov qword ptr [rsp+0x10], rdx
    mov dword ptr [rsp+0x18], r8d
    sub rsp, 0x28
    .seh_stackalloc 0x28
    .seh_endprologue
    mov eax, 1
    mov r9d, 0x200
    test cl, 0x40
    cmovnz eax, r9d
    mov ecx, eax
    call ExAllocatePoolWithTag
    add rsp, 0x28
    ret
    .seh_endproc

# ---------------------------------------------------------------------------------------------
# PVOID ExpAllocateSmallPool(POOL_TYPE PoolType /*ecx*/, SIZE_T NumberOfBytes /*rdx*/, ULONG Tag /*r8d*/)
# Carves a POOL_HEADER (0x10 bytes) plus the body from [ExpSmallPoolCursor, ExpSmallPoolLimit),
# which the simulator sets up. Unwind: SAVE_NONVOL rbx/rsi into the home slots, PUSH rdi, ALLOC_SMALL.
    .globl ExpAllocateSmallPool
    .def ExpAllocateSmallPool; .scl 2; .type 32; .endef
    .p2align 4, 0x90
ExpAllocateSmallPool:
    mov qword ptr [rsp+8], rbx
.Lsmall_p1:
    mov qword ptr [rsp+0x10], rsi
.Lsmall_p2:
    push rdi
.Lsmall_p3:
    sub rsp, 0x20
.Lsmall_p4:
    mov rbx, rdx
    mov edi, r8d
    mov esi, ecx
    lea rcx, [rdx+0x1f]
    and rcx, -16
    mov rax, qword ptr [rip+ExpSmallPoolCursor]
    lea rdx, [rax+rcx]
    cmp rdx, qword ptr [rip+ExpSmallPoolLimit]
    ja .Lsmall_fail
    mov qword ptr [rip+ExpSmallPoolCursor], rdx
    shr ecx, 4
    shl ecx, 16
    mov edx, esi
    and edx, 0x7f
    inc edx
    shl edx, 24
    or ecx, edx
    mov dword ptr [rax], ecx
    mov dword ptr [rax+4], edi
    mov qword ptr [rax+8], 0
    add rax, 0x10
    mov ecx, edi
    btr ecx, 31
    cmp ecx, dword ptr [rip+PoolHitTag]
    je .Lsmall_hit
.Lsmall_hit_back:
    inc qword ptr [rip+ExpSmallPoolAllocations]
.Lsmall_done:
    mov rbx, qword ptr [rsp+0x30]
    mov rsi, qword ptr [rsp+0x38]
    add rsp, 0x20
    pop rdi
    ret
.Lsmall_fail:
    xor eax, eax
    jmp .Lsmall_done
.Lsmall_end:

# ---------------------------------------------------------------------------------------------
# PVOID ExpAllocateBigPool(POOL_TYPE PoolType /*ecx*/, SIZE_T NumberOfBytes /*rdx*/, ULONG Tag /*r8d*/)
# Whole pages from [ExpBigPoolCursor, ExpBigPoolLimit); the tag goes to PoolBigPageTable
# (256 entries of {Va, Key, PoolType, NumberOfBytes}, 0x18 bytes, indexed by (Va >> 12) & 0xff).
# Unwind: four PUSH_NONVOL and ALLOC_LARGE (16-bit scaled form, 0xa8 bytes).
    .globl ExpAllocateBigPool
    .def ExpAllocateBigPool; .scl 2; .type 32; .endef
    .p2align 4, 0x90
ExpAllocateBigPool:
    push rbx
.Lbig_p1:
    push rsi
.Lbig_p2:
    push rdi
.Lbig_p3:
    push r12
.Lbig_p4:
    sub rsp, 0xa8
.Lbig_p5:
    mov rbx, rdx
    mov edi, r8d
    mov esi, ecx
    lea r12, [rdx+0xfff]
    and r12, -4096
    mov rax, qword ptr [rip+ExpBigPoolCursor]
    lea rdx, [rax+r12]
    cmp rdx, qword ptr [rip+ExpBigPoolLimit]
    ja .Lbig_fail
    mov qword ptr [rip+ExpBigPoolCursor], rdx
    mov rcx, rax
    shr rcx, 12
    and ecx, 0xff
    lea rcx, [rcx+rcx*2]
    lea rdx, [rip+PoolBigPageTable]
    lea rdx, [rdx+rcx*8]
    mov qword ptr [rdx], rax
    mov dword ptr [rdx+8], edi
    mov dword ptr [rdx+0xc], esi
    mov qword ptr [rdx+0x10], rbx
    mov ecx, edi
    and ecx, 0x7fffffff
    cmp ecx, dword ptr [rip+PoolHitTag]
    je .Lbig_hit
.Lbig_hit_back:
    inc qword ptr [rip+ExpBigPoolAllocations]
.Lbig_done:
    add rsp, 0xa8
    pop r12
    pop rdi
    pop rsi
    pop rbx
    ret
.Lbig_fail:
    xor eax, eax
    jmp .Lbig_done
.Lbig_end:

# ---------------------------------------------------------------------------------------------
# VOID ExFreePoolWithTag(PVOID P /*rcx*/, ULONG Tag /*edx*/)
# Page-aligned blocks are big-pool blocks (ExpFreeBigPool); the others carry a POOL_HEADER at P-0x10.
    .globl ExFreePoolWithTag
    .def ExFreePoolWithTag; .scl 2; .type 32; .endef
    .p2align 4, 0x90
ExFreePoolWithTag:
    mov qword ptr [rsp+8], rcx
    mov dword ptr [rsp+0x10], edx
    push rbx
.Lfree_p1:
    push rsi
.Lfree_p2:
    push rdi
.Lfree_p3:
    sub rsp, 0x30
.Lfree_p4:
    mov rbx, rcx
    test rcx, rcx
    jz .Lfree_done
    test ecx, 0xfff
    jz .Lfree_big
    mov edi, dword ptr [rbx-0xc]
    movzx esi, byte ptr [rbx-0xe]
    shl esi, 4
    mov eax, edi
    and eax, 0x7fffffff
    cmp eax, dword ptr [rip+PoolHitTag]
    je .Lfree_hit
.Lfree_hit_back:
    mov byte ptr [rbx-0xd], 0
    inc qword ptr [rip+ExpSmallPoolFrees]
    jmp .Lfree_done
.Lfree_big:
    mov rcx, rbx
    call ExpFreeBigPool
.Lfree_done:
    add rsp, 0x30
    pop rdi
    pop rsi
    pop rbx
    ret
.Lfree_end:

# VOID ExFreePool(PVOID P): ExFreePoolWithTag(P, 0) through a real call, so it has a frame.
    .globl ExFreePool
    .def ExFreePool; .scl 2; .type 32; .endef
    .p2align 4, 0x90
ExFreePool:
    .seh_proc ExFreePool
    sub rsp, 0x28
    .seh_stackalloc 0x28
    .seh_endprologue
    xor edx, edx
    call ExFreePoolWithTag
    add rsp, 0x28
    ret
    .seh_endproc

# ---------------------------------------------------------------------------------------------
# VOID ExpFreeBigPool(PVOID P /*rcx*/): looks the tag up in PoolBigPageTable.
# Unwind: SAVE_NONVOL rbx into its home slot, two PUSH_NONVOL, ALLOC_SMALL.
    .globl ExpFreeBigPool
    .def ExpFreeBigPool; .scl 2; .type 32; .endef
    .p2align 4, 0x90
ExpFreeBigPool:
    mov qword ptr [rsp+8], rbx
.Lbfree_p1:
    push rsi
.Lbfree_p2:
    push rdi
.Lbfree_p3:
    sub rsp, 0x28
.Lbfree_p4:
    mov rbx, rcx
    mov rax, rcx
    shr rax, 12
    and eax, 0xff
    lea rax, [rax+rax*2]
    lea rdx, [rip+PoolBigPageTable]
    lea rdx, [rdx+rax*8]
    mov edi, dword ptr [rdx+8]
    mov rsi, qword ptr [rdx+0x10]
    mov ecx, edi
    and ecx, 0x7fffffff
    cmp ecx, dword ptr [rip+PoolHitTag]
    je .Lbfree_hit
.Lbfree_hit_back:
    mov qword ptr [rdx], 0
    inc qword ptr [rip+ExpBigPoolFrees]
    mov rbx, qword ptr [rsp+0x40]
    add rsp, 0x28
    pop rdi
    pop rsi
    ret
.Lbfree_end:

# ---------------------------------------------------------------------------------------------
# Strings placed between the hot code and the cold stubs: the nearest public symbol below every
# stub is this MSVC string literal, not the stub's parent (as Win7's `?? ::FNODOBFM::`string'`).
    .section .text$zy,"xr"
    .globl "??_C@_0CG@FNODOBFM@Pool?5corruption?5in?5pool?5block?5?$CFp?4?6?$AA@"
    .p2align 4
"??_C@_0CG@FNODOBFM@Pool?5corruption?5in?5pool?5block?5?$CFp?4?6?$AA@":
    .asciz "Pool corruption in pool block %p.\n"
    .p2align 3
    .asciz "ExpAllocateBigPool: PoolBigPageTable is full\n"
    .p2align 3
    .asciz "ExFreePoolWithTag: bad pool caller, block %p tag %08x\n"
    .p2align 3
    .asciz "*** Pool tag hit: PoolHitTag %08x (block %p)\n"
    .p2align 4
    .fill 0x5c0, 1, 0

# Cold `int 3; jmp back` stubs (6 bytes each, like the Win10 ExFreePoolWithTag+0x1002/+0x1008 stubs).
    .section .text$zz,"xr"
.Lsmall_hit:
    int3
    jmp .Lsmall_hit_back
.Lsmall_hit_end:
.Lbig_hit:
    int3
    jmp .Lbig_hit_back
.Lbig_hit_end:
.Lfree_hit:
    int3
    jmp .Lfree_hit_back
.Lfree_hit_end:
.Lbfree_hit:
    int3
    jmp .Lbfree_hit_back
.Lbfree_hit_end:

# ---------------------------------------------------------------------------------------------
# Hand-written unwind data. UNWIND_INFO: version|flags<<3, prolog size, code count, frame reg;
# UNWIND_CODE: prolog offset, op | info<<4 (op 0 PUSH_NONVOL, 1 ALLOC_LARGE, 2 ALLOC_SMALL,
# 4 SAVE_NONVOL); registers rbx=3 rsi=6 rdi=7 r12=12. Codes are in reverse prolog order.
# The code count is the number of slots the ops use (ALLOC_LARGE 16-bit form and SAVE_NONVOL
# take two), not the number of ops; an odd count is followed by one padding slot (not counted),
# so the next UNWIND_INFO (or a chained RUNTIME_FUNCTION) stays DWORD-aligned.
    .section .xdata,"dr"
    .p2align 2
.Lxd_small:
    .byte 1, .Lsmall_p4-ExpAllocateSmallPool, 6, 0
    .byte .Lsmall_p4-ExpAllocateSmallPool, 0x32       # ALLOC_SMALL 0x20
    .byte .Lsmall_p3-ExpAllocateSmallPool, 0x70       # PUSH_NONVOL rdi
    .byte .Lsmall_p2-ExpAllocateSmallPool, 0x64       # SAVE_NONVOL rsi, [rsp+0x38]
    .short 7
    .byte .Lsmall_p1-ExpAllocateSmallPool, 0x34       # SAVE_NONVOL rbx, [rsp+0x30]
    .short 6
.Lxd_big:
    .byte 1, .Lbig_p5-ExpAllocateBigPool, 6, 0
    .byte .Lbig_p5-ExpAllocateBigPool, 0x01           # ALLOC_LARGE 0xa8 (size/8 in next slot)
    .short 0xa8/8
    .byte .Lbig_p4-ExpAllocateBigPool, 0xc0           # PUSH_NONVOL r12
    .byte .Lbig_p3-ExpAllocateBigPool, 0x70           # PUSH_NONVOL rdi
    .byte .Lbig_p2-ExpAllocateBigPool, 0x60           # PUSH_NONVOL rsi
    .byte .Lbig_p1-ExpAllocateBigPool, 0x30           # PUSH_NONVOL rbx
.Lxd_free:
    .byte 1, .Lfree_p4-ExFreePoolWithTag, 4, 0
    .byte .Lfree_p4-ExFreePoolWithTag, 0x52           # ALLOC_SMALL 0x30
    .byte .Lfree_p3-ExFreePoolWithTag, 0x70           # PUSH_NONVOL rdi
    .byte .Lfree_p2-ExFreePoolWithTag, 0x60           # PUSH_NONVOL rsi
    .byte .Lfree_p1-ExFreePoolWithTag, 0x30           # PUSH_NONVOL rbx
.Lxd_bfree:
    .byte 1, .Lbfree_p4-ExpFreeBigPool, 5, 0         # 5 slots: SAVE_NONVOL takes two
    .byte .Lbfree_p4-ExpFreeBigPool, 0x42             # ALLOC_SMALL 0x28
    .byte .Lbfree_p3-ExpFreeBigPool, 0x70             # PUSH_NONVOL rdi
    .byte .Lbfree_p2-ExpFreeBigPool, 0x60             # PUSH_NONVOL rsi
    .byte .Lbfree_p1-ExpFreeBigPool, 0x34             # SAVE_NONVOL rbx, [rsp+0x40]
    .short 8
    .short 0                                          # padding slot: the array has an even count
# Cold stubs: no codes of their own, UNW_FLAG_CHAININFO (4 << 3), then the parent's RUNTIME_FUNCTION.
.Lxd_small_hit:
    .byte 0x21, 0, 0, 0
    .rva ExpAllocateSmallPool
    .rva .Lsmall_end
    .rva .Lxd_small
.Lxd_big_hit:
    .byte 0x21, 0, 0, 0
    .rva ExpAllocateBigPool
    .rva .Lbig_end
    .rva .Lxd_big
.Lxd_free_hit:
    .byte 0x21, 0, 0, 0
    .rva ExFreePoolWithTag
    .rva .Lfree_end
    .rva .Lxd_free
.Lxd_bfree_hit:
    .byte 0x21, 0, 0, 0
    .rva ExpFreeBigPool
    .rva .Lbfree_end
    .rva .Lxd_bfree

    .section .pdata,"dr"
    .p2align 2
    .rva ExpAllocateSmallPool
    .rva .Lsmall_end
    .rva .Lxd_small
    .rva ExpAllocateBigPool
    .rva .Lbig_end
    .rva .Lxd_big
    .rva ExFreePoolWithTag
    .rva .Lfree_end
    .rva .Lxd_free
    .rva ExpFreeBigPool
    .rva .Lbfree_end
    .rva .Lxd_bfree
    .rva .Lsmall_hit
    .rva .Lsmall_hit_end
    .rva .Lxd_small_hit
    .rva .Lbig_hit
    .rva .Lbig_hit_end
    .rva .Lxd_big_hit
    .rva .Lfree_hit
    .rva .Lfree_hit_end
    .rva .Lxd_free_hit
    .rva .Lbfree_hit
    .rva .Lbfree_hit_end
    .rva .Lxd_bfree_hit
