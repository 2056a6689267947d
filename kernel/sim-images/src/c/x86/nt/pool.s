# x86 pool allocator of the simulated ntoskrnl with the four PoolHitTag check sites.
# Conventions as the real 32-bit kernel: __stdcall (callee pops), MSVC EBP frames with the
# `mov edi,edi` hot-patch prefix, FPO (frame-pointer-omitted) helpers, POOL_HEADER of 8 bytes
# (BlockSize in 8-byte units at +2, PoolType at +3, PoolTag at +4), big pages in PoolBigPageTable
# (256 x 0x10: Va, Key, PoolType, NumberOfBytes; index (Va >> 12) & 0xff).
# Check sites (`and tag,7fffffffh; cmp tag,[PoolHitTag]`):
#   ExpAllocateSmallPool (FPO)  -> call DbgBreakPoint   (break routine; site = return address)
#   ExFreePoolWithTag (EBP)     -> call DbgBreakPoint
#   ExpAllocateBigPool (EBP)    -> je cold stub `int 3; jmp back` in .text$zz
#   ExpFreeBigPool (FPO)        -> je cold stub `int 3; jmp back` in .text$zz
# Registers at every site: alloc EAX = address returned, EBX = NumberOfBytes, EDI = Tag,
# ESI = PoolType; free EBX = P, EDI = block tag, ESI = block bytes.
# The .cv_fpo_* directives give every function a FrameData record in the PDB (new FPO).
    .intel_syntax noprefix
    .def @feat.00; .scl 3; .type 0; .endef
    .globl @feat.00
    .set @feat.00, 1

    .text
# PVOID ExAllocatePoolWithTag(POOL_TYPE PoolType, SIZE_T NumberOfBytes, ULONG Tag): EBP frame.
    .globl _ExAllocatePoolWithTag@12
    .def _ExAllocatePoolWithTag@12; .scl 2; .type 32; .endef
    .p2align 4, 0xcc
_ExAllocatePoolWithTag@12:
    .cv_fpo_proc _ExAllocatePoolWithTag@12 12
    .byte 0x8b, 0xff  # mov edi,edi in the 8b ff encoding of the MSVC hot-patch point (the assembler picks 89 ff)
    push ebp
    .cv_fpo_pushreg ebp
    .byte 0x8b, 0xec  # mov ebp,esp as MSVC encodes it (8b ec; clang emits 89 e5 for the C files)
    .cv_fpo_setframe ebp
    .cv_fpo_endprologue
    push dword ptr [ebp+16]
    push dword ptr [ebp+12]
    push dword ptr [ebp+8]
    cmp dword ptr [ebp+12], 0x1000
    jae .Lalloc_big
    call _ExpAllocateSmallPool@12
    pop ebp
    ret 12
.Lalloc_big:
    call _ExpAllocateBigPool@12
    pop ebp
    ret 12
    .cv_fpo_endproc

# PVOID ExAllocatePool(POOL_TYPE PoolType, SIZE_T NumberOfBytes): FPO, pushes 'None' and calls.
    .globl _ExAllocatePool@8
    .def _ExAllocatePool@8; .scl 2; .type 32; .endef
    .p2align 4, 0xcc
_ExAllocatePool@8:
    .cv_fpo_proc _ExAllocatePool@8 8
    .cv_fpo_endprologue
    push 0x656e6f4e
    push dword ptr [esp+12]
    push dword ptr [esp+12]
    call _ExAllocatePoolWithTag@12
    ret 8
    .cv_fpo_endproc

# PVOID ExpAllocateSmallPool(PoolType, NumberOfBytes, Tag): FPO, three saved registers.
    .globl _ExpAllocateSmallPool@12
    .def _ExpAllocateSmallPool@12; .scl 2; .type 32; .endef
    .p2align 4, 0xcc
_ExpAllocateSmallPool@12:
    .cv_fpo_proc _ExpAllocateSmallPool@12 12
    push ebx
    .cv_fpo_pushreg ebx
    push esi
    .cv_fpo_pushreg esi
    push edi
    .cv_fpo_pushreg edi
    .cv_fpo_endprologue
    mov esi, dword ptr [esp+16]
    mov ebx, dword ptr [esp+20]
    mov edi, dword ptr [esp+24]
    lea ecx, [ebx+15]
    and ecx, -8
    mov eax, dword ptr [_ExpSmallPoolCursor]
    lea edx, [eax+ecx]
    cmp edx, dword ptr [_ExpSmallPoolLimit]
    ja .Lsmall_fail
    mov dword ptr [_ExpSmallPoolCursor], edx
    shr ecx, 3
    mov word ptr [eax], 0
    mov byte ptr [eax+2], cl
    mov ecx, esi
    mov byte ptr [eax+3], cl
    mov dword ptr [eax+4], edi
    add eax, 8
    add dword ptr [_ExpSmallPoolAllocations], 1
    adc dword ptr [_ExpSmallPoolAllocations+4], 0
    mov edx, edi
    and edx, 0x7fffffff
    cmp edx, dword ptr [_PoolHitTag]
    jne .Lsmall_done
    call _DbgBreakPoint@0
.Lsmall_done:
    pop edi
    pop esi
    pop ebx
    ret 12
.Lsmall_fail:
    xor eax, eax
    jmp .Lsmall_done
    .cv_fpo_endproc

# PVOID ExpAllocateBigPool(PoolType, NumberOfBytes, Tag): EBP frame + three saved registers;
# its check site is a cold stub (no symbol of its own).
    .globl _ExpAllocateBigPool@12
    .def _ExpAllocateBigPool@12; .scl 2; .type 32; .endef
    .p2align 4, 0xcc
_ExpAllocateBigPool@12:
    .cv_fpo_proc _ExpAllocateBigPool@12 12
    .byte 0x8b, 0xff  # mov edi,edi in the 8b ff encoding of the MSVC hot-patch point (the assembler picks 89 ff)
    push ebp
    .cv_fpo_pushreg ebp
    .byte 0x8b, 0xec  # mov ebp,esp as MSVC encodes it (8b ec; clang emits 89 e5 for the C files)
    .cv_fpo_setframe ebp
    push ebx
    .cv_fpo_pushreg ebx
    push esi
    .cv_fpo_pushreg esi
    push edi
    .cv_fpo_pushreg edi
    .cv_fpo_endprologue
    mov esi, dword ptr [ebp+8]
    mov ebx, dword ptr [ebp+12]
    mov edi, dword ptr [ebp+16]
    lea ecx, [ebx+0xfff]
    and ecx, -4096
    mov eax, dword ptr [_ExpBigPoolCursor]
    lea edx, [eax+ecx]
    cmp edx, dword ptr [_ExpBigPoolLimit]
    ja .Lbig_fail
    mov dword ptr [_ExpBigPoolCursor], edx
    mov ecx, eax
    shr ecx, 12
    and ecx, 0xff
    shl ecx, 4
    mov dword ptr [_PoolBigPageTable+ecx], eax
    mov dword ptr [_PoolBigPageTable+ecx+4], edi
    mov dword ptr [_PoolBigPageTable+ecx+8], esi
    mov dword ptr [_PoolBigPageTable+ecx+12], ebx
    add dword ptr [_ExpBigPoolAllocations], 1
    adc dword ptr [_ExpBigPoolAllocations+4], 0
    mov edx, edi
    and edx, 0x7fffffff
    cmp edx, dword ptr [_PoolHitTag]
    je .Lbig_poolhit
.Lbig_resume:
    pop edi
    pop esi
    pop ebx
    pop ebp
    ret 12
.Lbig_fail:
    xor eax, eax
    jmp .Lbig_resume
    .cv_fpo_endproc

# VOID ExFreePoolWithTag(PVOID P, ULONG Tag): EBP frame + three saved registers; small blocks
# checked here (break routine), page-aligned ones passed to ExpFreeBigPool.
    .globl _ExFreePoolWithTag@8
    .def _ExFreePoolWithTag@8; .scl 2; .type 32; .endef
    .p2align 4, 0xcc
_ExFreePoolWithTag@8:
    .cv_fpo_proc _ExFreePoolWithTag@8 8
    .byte 0x8b, 0xff  # mov edi,edi in the 8b ff encoding of the MSVC hot-patch point (the assembler picks 89 ff)
    push ebp
    .cv_fpo_pushreg ebp
    .byte 0x8b, 0xec  # mov ebp,esp as MSVC encodes it (8b ec; clang emits 89 e5 for the C files)
    .cv_fpo_setframe ebp
    push ebx
    .cv_fpo_pushreg ebx
    push esi
    .cv_fpo_pushreg esi
    push edi
    .cv_fpo_pushreg edi
    .cv_fpo_endprologue
    mov ebx, dword ptr [ebp+8]
    test ebx, 0xfff
    jz .Lfree_big
    movzx esi, byte ptr [ebx-6]
    shl esi, 3
    mov edi, dword ptr [ebx-4]
    add dword ptr [_ExpSmallPoolFrees], 1
    adc dword ptr [_ExpSmallPoolFrees+4], 0
    mov edx, edi
    and edx, 0x7fffffff
    cmp edx, dword ptr [_PoolHitTag]
    jne .Lfree_done
    call _DbgBreakPoint@0
.Lfree_done:
    pop edi
    pop esi
    pop ebx
    pop ebp
    ret 8
.Lfree_big:
    push ebx
    call _ExpFreeBigPool@4
    jmp .Lfree_done
    .cv_fpo_endproc

# VOID ExFreePool(PVOID P) = ExFreePoolWithTag(P, 0), a real call with an EBP frame.
    .globl _ExFreePool@4
    .def _ExFreePool@4; .scl 2; .type 32; .endef
    .p2align 4, 0xcc
_ExFreePool@4:
    .cv_fpo_proc _ExFreePool@4 4
    .byte 0x8b, 0xff  # mov edi,edi in the 8b ff encoding of the MSVC hot-patch point (the assembler picks 89 ff)
    push ebp
    .cv_fpo_pushreg ebp
    .byte 0x8b, 0xec  # mov ebp,esp as MSVC encodes it (8b ec; clang emits 89 e5 for the C files)
    .cv_fpo_setframe ebp
    .cv_fpo_endprologue
    push 0
    push dword ptr [ebp+8]
    call _ExFreePoolWithTag@8
    pop ebp
    ret 4
    .cv_fpo_endproc

# VOID ExpFreeBigPool(PVOID P): FPO, three saved registers; check site = cold stub.
    .globl _ExpFreeBigPool@4
    .def _ExpFreeBigPool@4; .scl 2; .type 32; .endef
    .p2align 4, 0xcc
_ExpFreeBigPool@4:
    .cv_fpo_proc _ExpFreeBigPool@4 4
    push ebx
    .cv_fpo_pushreg ebx
    push esi
    .cv_fpo_pushreg esi
    push edi
    .cv_fpo_pushreg edi
    .cv_fpo_endprologue
    mov ebx, dword ptr [esp+16]
    mov ecx, ebx
    shr ecx, 12
    and ecx, 0xff
    shl ecx, 4
    mov edi, dword ptr [_PoolBigPageTable+ecx+4]
    mov esi, dword ptr [_PoolBigPageTable+ecx+12]
    mov dword ptr [_PoolBigPageTable+ecx], 0
    add dword ptr [_ExpBigPoolFrees], 1
    adc dword ptr [_ExpBigPoolFrees+4], 0
    mov edx, edi
    and edx, 0x7fffffff
    cmp edx, dword ptr [_PoolHitTag]
    je .Lfreebig_poolhit
.Lfreebig_resume:
    pop edi
    pop esi
    pop ebx
    ret 4
    .cv_fpo_endproc

# Cold stubs at the end of .text, behind an MSVC string literal public, so the nearest public
# below a stub is not its parent. Each is `int 3; jmp back` (1 + 5 bytes) and runs on its parent's
# frame; they have no FrameData of their own (see README: the client uses the parent's record).
    .section .text$zz,"xr"
    .globl "??_C@_0CG@FNODOBFM@Pool?5corruption?5in?5pool?5block?5?$CFp?6?$AA@"
    .def "??_C@_0CG@FNODOBFM@Pool?5corruption?5in?5pool?5block?5?$CFp?6?$AA@"; .scl 2; .type 0; .endef
"??_C@_0CG@FNODOBFM@Pool?5corruption?5in?5pool?5block?5?$CFp?6?$AA@":
    .asciz "Pool corruption in pool block %p\n"
    .p2align 4, 0xcc
.Lbig_poolhit:
    int3
    jmp .Lbig_resume
    .p2align 4, 0xcc
.Lfreebig_poolhit:
    int3
    jmp .Lfreebig_resume

    .section .debug$S,"dr"
    .p2align 2
    .long 4
    .cv_fpo_data _ExAllocatePoolWithTag@12
    .cv_fpo_data _ExAllocatePool@8
    .cv_fpo_data _ExpAllocateSmallPool@12
    .cv_fpo_data _ExpAllocateBigPool@12
    .cv_fpo_data _ExFreePoolWithTag@8
    .cv_fpo_data _ExFreePool@4
    .cv_fpo_data _ExpFreeBigPool@4
    .cv_stringtable
