#!/usr/bin/env bash
# Builds the simulated target's x86 (32-bit) images (ntoskrnl.exe, myfault.sys, ntdll.dll,
# leakyapp.exe), their PDBs and manifest.json, byte-for-byte reproducibly, with Debian
# clang/lld/llvm 14. The C sources are the x64 ones (../x64/nt, myfault, leakyapp) compiled
# against include/ntsim.h here; the assembly is x86-specific (nt/, ntdll/).
#
#   build.sh [--out DIR]     default DIR: ../../main/resources/dev/poolhit/sim/images/x86
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
x64="$here/../x64"
out="$here/../../main/resources/dev/poolhit/sim/images/x86"
while [ $# -gt 0 ]; do
    case "$1" in
        --out) out="$2"; shift 2 ;;
        *) echo "usage: build.sh [--out DIR]" >&2; exit 2 ;;
    esac
done
mkdir -p "$out"
out="$(cd "$out" && pwd)"

for tool in clang lld-link llvm-readobj llvm-objdump llvm-pdbutil; do
    command -v "$tool" >/dev/null || { echo "build.sh: $tool not found (apt-get install clang lld llvm)" >&2; exit 3; }
done

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
cp -r "$here/include" "$here/nt" "$here/ntdll" "$here/manifest.py" "$here/scenarios.py" "$here/scenarios.json" "$scratch/"
cp "$x64/manifest.py" "$scratch/x64manifest.py"
mkdir -p "$scratch/myfault" "$scratch/leakyapp"
cp "$x64/nt/io.c" "$x64/nt/ke.c" "$x64/nt/globals.c" "$scratch/nt/"
cp "$x64/myfault/myfault.c" "$scratch/myfault/"
cp "$x64/leakyapp/leakyapp.c" "$scratch/leakyapp/"
cp "$x64/pechecksum.py" "$scratch/"
cd "$scratch"
mkdir obj bin

# -mrtd: every function __stdcall (NTAPI) unless declared otherwise, as the real 32-bit kernel.
# EBP frames by default (-fno-omit-frame-pointer); ke.c is built with -fomit-frame-pointer so
# its functions are FPO functions (the mix a real x86 kernel has).
target=(--target=i686-pc-windows-msvc)
cflags=("${target[@]}" -mrtd -O1 -g -gcodeview -ffreestanding -fno-stack-protector -mno-stack-arg-probe
        -fno-optimize-sibling-calls -ffile-compilation-dir=. -Iinclude)
asflags=("${target[@]}")
common_link=(/nodefaultlib /debug /Brepro /pdbsourcepath:/build /opt:noref,noicf /machine:x86)

cc() { clang "${cflags[@]}" "${@:3}" -c "$1" -o "$2"; }
as() { clang "${asflags[@]}" -c "$1" -o "$2"; }

as nt/pool.s obj/nt_pool.obj
as nt/trap.s obj/nt_trap.obj
cc nt/io.c obj/nt_io.obj -DNTSIM_KERNEL -fno-omit-frame-pointer
cc nt/ke.c obj/nt_ke.obj -DNTSIM_KERNEL -fomit-frame-pointer
cc nt/globals.c obj/nt_globals.obj -DNTSIM_KERNEL
lld-link "${common_link[@]}" /driver /subsystem:native /entry:KiSystemStartup /base:0x82800000 \
    /def:nt/nt.def /pdb:bin/ntkrnlpa.pdb /pdbaltpath:ntkrnlpa.pdb /implib:obj/ntoskrnl.lib /out:bin/ntoskrnl.exe \
    obj/nt_pool.obj obj/nt_trap.obj obj/nt_io.obj obj/nt_ke.obj obj/nt_globals.obj
/usr/bin/python3 pechecksum.py bin/ntoskrnl.exe

cc myfault/myfault.c obj/myfault.obj -fno-omit-frame-pointer
lld-link "${common_link[@]}" /driver /subsystem:native /entry:DriverEntry /base:0x8f600000 \
    /opt:ref /pdb:bin/myfault.pdb /pdbaltpath:myfault.pdb /out:bin/myfault.sys obj/myfault.obj obj/ntoskrnl.lib
/usr/bin/python3 pechecksum.py bin/myfault.sys

as ntdll/ntdll.s obj/ntdll.obj
lld-link "${common_link[@]}" /dll /noentry /subsystem:console /base:0x7c900000 /def:ntdll/ntdll.def \
    /pdb:bin/ntdll.pdb /pdbaltpath:ntdll.pdb /implib:obj/ntdll.lib /out:bin/ntdll.dll obj/ntdll.obj
cc leakyapp/leakyapp.c obj/leakyapp.obj -fno-omit-frame-pointer
lld-link "${common_link[@]}" /subsystem:console /entry:LeakyMain /base:0x00400000 \
    /opt:ref /pdb:bin/leakyapp.pdb /pdbaltpath:leakyapp.pdb /out:bin/leakyapp.exe obj/leakyapp.obj obj/ntdll.lib

/usr/bin/python3 manifest.py bin scenarios.json > bin/manifest.json

files=(ntoskrnl.exe ntkrnlpa.pdb myfault.sys myfault.pdb ntdll.dll ntdll.pdb leakyapp.exe leakyapp.pdb manifest.json)
printf '%s\n' "${files[@]}" > bin/files.txt
for f in "${files[@]}" files.txt; do cp "bin/$f" "$out/"; done
echo "build.sh: wrote $((${#files[@]} + 1)) files to $out"
