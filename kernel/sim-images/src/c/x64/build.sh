#!/usr/bin/env bash
# Builds the simulated target's x64 images (ntoskrnl.exe, myfault.sys, ntdll.dll, leakyapp.exe),
# their PDBs and manifest.json, byte-for-byte reproducibly, with Debian clang/lld/llvm 14.
#
#   build.sh [--out DIR]     default DIR: ../../main/resources/dev/poolhit/sim/images/x64
#
# Reproducibility: everything is compiled and linked inside a scratch copy of this directory
# using relative paths only (-ffile-compilation-dir=., /pdbsourcepath:/build, /Brepro), so
# neither the checkout location nor --out leaks into the images or PDBs.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$here/../../main/resources/dev/poolhit/sim/images/x64"
while [ $# -gt 0 ]; do
    case "$1" in
        --out) out="$2"; shift 2 ;;
        *) echo "usage: build.sh [--out DIR]" >&2; exit 2 ;;
    esac
done
mkdir -p "$out"
out="$(cd "$out" && pwd)"

for tool in clang lld-link llvm-dlltool llvm-readobj llvm-objdump llvm-pdbutil; do
    command -v "$tool" >/dev/null || { echo "build.sh: $tool not found (apt-get install clang lld llvm)" >&2; exit 3; }
done

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
cp -r "$here/include" "$here/nt" "$here/myfault" "$here/ntdll" "$here/leakyapp" "$here/manifest.py" "$here/scenarios.py" "$here/pechecksum.py" \
      "$here/scenarios.json" "$here/groundtruth" "$scratch/"
cd "$scratch"
mkdir obj bin

target=(--target=x86_64-pc-windows-msvc)
cflags=("${target[@]}" -O1 -g -gcodeview -ffreestanding -fno-stack-protector -fasynchronous-unwind-tables
        -mno-stack-arg-probe -mno-red-zone -fno-optimize-sibling-calls -ffile-compilation-dir=. -Iinclude)
asflags=("${target[@]}" -masm=intel)
common_link=(/nodefaultlib /debug /Brepro /pdbsourcepath:/build /opt:noref,noicf /machine:x64)

cc() { clang "${cflags[@]}" "${@:3}" -c "$1" -o "$2"; }
as() { clang "${asflags[@]}" -c "$1" -o "$2"; }

# ntoskrnl.exe + ntkrnlmp.pdb (the PDB name the real multiprocessor kernel's RSDS record carries)
as nt/pool.s obj/nt_pool.obj
as nt/trap.s obj/nt_trap.obj
as nt/iof.s obj/nt_iof.obj
as nt/worker.s obj/nt_worker.obj
cc nt/io.c obj/nt_io.obj -DNTSIM_KERNEL
cc nt/ke.c obj/nt_ke.obj -DNTSIM_KERNEL
cc nt/globals.c obj/nt_globals.obj -DNTSIM_KERNEL
lld-link "${common_link[@]}" /driver /subsystem:native /entry:KiSystemStartup /base:0xfffff80002a00000 \
    /def:nt/nt.def /pdb:bin/ntkrnlmp.pdb /pdbaltpath:ntkrnlmp.pdb /implib:obj/ntoskrnl.lib /out:bin/ntoskrnl.exe \
    obj/nt_pool.obj obj/nt_trap.obj obj/nt_iof.obj obj/nt_worker.obj obj/nt_io.obj obj/nt_ke.obj obj/nt_globals.obj

/usr/bin/python3 pechecksum.py bin/ntoskrnl.exe

# myfault.sys + myfault.pdb, importing from ntoskrnl through the import library of nt.def
cc myfault/myfault.c obj/myfault.obj
lld-link "${common_link[@]}" /driver /subsystem:native /entry:DriverEntry /base:0xfffff88004e00000 \
    /opt:ref /pdb:bin/myfault.pdb /pdbaltpath:myfault.pdb /out:bin/myfault.sys obj/myfault.obj obj/ntoskrnl.lib
/usr/bin/python3 pechecksum.py bin/myfault.sys

# ntdll.dll + ntdll.pdb, leakyapp.exe + leakyapp.pdb (user mode)
as ntdll/ntdll.s obj/ntdll.obj
lld-link "${common_link[@]}" /dll /noentry /subsystem:console /base:0x7ffd2f400000 /def:ntdll/ntdll.def \
    /pdb:bin/ntdll.pdb /pdbaltpath:ntdll.pdb /implib:obj/ntdll.lib /out:bin/ntdll.dll obj/ntdll.obj
cc leakyapp/leakyapp.c obj/leakyapp.obj
lld-link "${common_link[@]}" /subsystem:console /entry:LeakyMain /base:0x7ff7b2d00000 \
    /opt:ref /pdb:bin/leakyapp.pdb /pdbaltpath:leakyapp.pdb /out:bin/leakyapp.exe obj/leakyapp.obj obj/ntdll.lib

/usr/bin/python3 manifest.py bin scenarios.json > bin/manifest.json

# Native ground truth: run the kernel and driver code on this (Linux x86-64) host and record the
# registers and raw stack at every int 3 (groundtruth/gt.c).
/usr/bin/python3 groundtruth/symbols.py bin/manifest.json > obj/gt_symbols.h
clang -O1 -Wall -Iobj -o obj/gt groundtruth/gt.c groundtruth/gtcall.s
obj/gt bin > bin/groundtruth.json

# files.txt lets Java list the resources without scanning the classpath.
files=(ntoskrnl.exe ntkrnlmp.pdb myfault.sys myfault.pdb ntdll.dll ntdll.pdb leakyapp.exe leakyapp.pdb manifest.json groundtruth.json)
printf '%s\n' "${files[@]}" > bin/files.txt
for f in "${files[@]}" files.txt; do cp "bin/$f" "$out/"; done
echo "build.sh: wrote $((${#files[@]} + 1)) files to $out"
