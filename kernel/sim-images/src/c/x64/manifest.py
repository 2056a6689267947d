#!/usr/bin/python3
"""Writes manifest.json for the simulated target's images, from the toolchain's own outputs.

Usage: manifest.py BIN_DIR SCENARIOS_JSON > manifest.json

Every number comes from llvm-readobj (--file-headers, --sections, --coff-exports,
--coff-imports, --coff-debug-directory, --unwind), llvm-objdump -d and llvm-pdbutil dump
(--summary, --publics). Only the scenario *shapes* (which function calls which) are written
by hand, in scenarios.json, by name; their addresses are resolved here from the call sites.

Derived fields (README "manifest.json"):
  frameSize  bytes from the body RSP (after the whole prologue, before any alloca) up to the
             return-address slot, following chained unwind info: the sum of ALLOC sizes and
             8 per PUSH_NONVOL. caller RSP = establisher RSP + frameSize + 8, where the
             establisher RSP is the body RSP, or FrameRegister - frameRegisterOffset when the
             function has a frame register. With machineFrame, [establisher + frameSize] is
             the machine frame (RIP, CS, RFLAGS, RSP, SS; +8 first when it has an error code).
  saves      where each nonvolatile lives, as a byte offset from the establisher RSP:
             PUSH_NONVOL at the running total when it is met in unwind order, SAVE_NONVOL and
             SAVE_XMM128 at their printed offset.
"""
import json
import re
import subprocess
import sys

IMAGES = [
    # name (debugger module name), file, pdb, kind
    ("nt", "ntoskrnl.exe", "ntkrnlmp.pdb", "kernel"),
    ("myfault", "myfault.sys", "myfault.pdb", "driver"),
    ("ntdll", "ntdll.dll", "ntdll.pdb", "user"),
    ("leakyapp", "leakyapp.exe", "leakyapp.pdb", "user"),
]


def run(*args):
    return subprocess.run(list(args), check=True, capture_output=True, text=True).stdout


def hexs(value):
    return "0x%x" % value


def file_headers(path):
    text = run("llvm-readobj", "--file-headers", path)
    base = int(re.search(r"ImageBase: (0x[0-9A-F]+)", text).group(1), 16)
    size = int(re.search(r"SizeOfImage: (\d+)", text).group(1))
    machine = int(re.search(r"Machine: \S+ \((0x[0-9A-F]+)\)", text).group(1), 16)
    entry = int(re.search(r"AddressOfEntryPoint: (0x[0-9A-F]+)", text).group(1), 16)
    return base, size, machine, entry


def header_extras(path):
    """TimeDateStamp and the exception directory from llvm-readobj; CheckSum (which llvm-readobj 14
    does not print) from the optional header bytes (PE32+ offset 64)."""
    text = run("llvm-readobj", "--file-headers", path)
    stamp = int(re.search(r"TimeDateStamp: .*\((0x[0-9A-F]+)\)", text).group(1), 16)
    pdata_rva = int(re.search(r"ExceptionTableRVA: (0x[0-9A-F]+)", text).group(1), 16)
    pdata_size = int(re.search(r"ExceptionTableSize: (0x[0-9A-F]+)", text).group(1), 16)
    with open(path, "rb") as f:
        raw = f.read(4096)
    pe = int.from_bytes(raw[0x3c:0x40], "little")
    checksum = int.from_bytes(raw[pe + 24 + 64:pe + 24 + 68], "little")
    return {"timeDateStamp": stamp, "checkSum": checksum,
            "exceptionDirectory": {"rva": pdata_rva, "size": pdata_size}}


def sections(path):
    text = run("llvm-readobj", "--sections", path)
    out = []
    for block in text.split("Section {")[1:]:
        name = re.search(r"Name: (\S+)", block).group(1)
        vsize = int(re.search(r"VirtualSize: (0x[0-9A-F]+)", block).group(1), 16)
        rva = int(re.search(r"VirtualAddress: (0x[0-9A-F]+)", block).group(1), 16)
        chars = int(re.search(r"Characteristics \[ \((0x[0-9A-F]+)\)", block).group(1), 16)
        out.append({"name": name, "rva": rva, "virtualSize": vsize, "characteristics": hexs(chars)})
    return out


def exports(path):
    text = run("llvm-readobj", "--coff-exports", path)
    out = {}
    for name, rva in re.findall(r"Name: (\S+)\n\s+RVA: (0x[0-9A-F]+)", text):
        out[name] = int(rva, 16)
    return dict(sorted(out.items()))


def imports(path):
    text = run("llvm-readobj", "--coff-imports", path)
    out = []
    for block in text.split("Import {")[1:]:
        dll = re.search(r"Name: (\S+)", block).group(1)
        iat = int(re.search(r"ImportAddressTableRVA: (0x[0-9A-F]+)", block).group(1), 16)
        for i, name in enumerate(re.findall(r"Symbol: (\S+) \(\d+\)", block)):
            out.append({"dll": dll, "name": name, "iatRva": iat + 8 * i})
    return out


def debug_directory(path):
    text = run("llvm-readobj", "--coff-debug-directory", path)
    guid = bytes(int(b, 16) for b in re.search(r"PDBGUID: \(([0-9A-F ]+)\)", text).group(1).split())
    age = int(re.search(r"PDBAge: (\d+)", text).group(1))
    name = re.search(r"PDBFileName: (\S+)", text).group(1)
    return guid_text(guid), age, name


def guid_text(raw):
    """GUID bytes as stored (Data1..3 little-endian) in the registry form llvm-pdbutil prints."""
    d1 = int.from_bytes(raw[0:4], "little")
    d2 = int.from_bytes(raw[4:6], "little")
    d3 = int.from_bytes(raw[6:8], "little")
    return "{%08X-%04X-%04X-%s-%s}" % (d1, d2, d3, raw[8:10].hex().upper(), raw[10:16].hex().upper())


def pdb_summary(path):
    text = run("llvm-pdbutil", "dump", "--summary", path)
    guid = re.search(r"GUID: (\{[0-9A-F-]+\})", text).group(1)
    age = int(re.search(r"Age: (\d+)", text).group(1))
    return guid, age


def publics(path, section_list):
    text = run("llvm-pdbutil", "dump", "--publics", path)
    out, flags = {}, {}
    for name, flag, sec, off in re.findall(
            r"S_PUB32 \[size = \d+\] `(.+?)`\n\s+flags = (\w+), addr = (\d+):(\d+)", text):
        out[name] = section_list[int(sec) - 1]["rva"] + int(off)
        flags[name] = flag
    return dict(sorted(out.items())), dict(sorted(flags.items()))


CODE_RE = re.compile(r"^\s+0x([0-9A-F]+): (\w+)(?: (.*))?$")


def parse_code(line):
    offset, op, rest = CODE_RE.match(line).groups()
    code = {"offset": int(offset, 16), "op": op, "register": None, "value": None, "text": line.strip()}
    rest = rest or ""
    reg = re.search(r"reg=(\w+)", rest)
    if reg:
        code["register"] = reg.group(1)
    num = re.search(r"(?:size|offset)=(0x[0-9A-Fa-f]+|\d+)", rest)
    if num:
        code["value"] = int(num.group(1), 0)
    if op == "PUSH_MACHFRAME":
        code["value"] = 1 if "errcode=yes" in rest else 0
    return code


def unwind(path, base):
    text = run("llvm-readobj", "--unwind", path)
    out = []
    for block in text.split("  RuntimeFunction {")[1:]:
        start = int(re.search(r"StartAddress: \((0x[0-9A-F]+)\)", block).group(1), 16) - base
        end = int(re.search(r"EndAddress: \((0x[0-9A-F]+)\)", block).group(1), 16) - base
        info = int(re.search(r"UnwindInfoAddress: \((0x[0-9A-F]+)\)", block).group(1), 16) - base
        prolog = int(re.search(r"PrologSize: (\d+)", block).group(1))
        freg = re.search(r"FrameRegister: (\S+)", block).group(1)
        foff = re.search(r"FrameOffset: (\S+)", block).group(1)
        flags = re.findall(r"^\s+(\w+) \(0x[0-9A-F]+\)$", block.split("PrologSize")[0], re.M)
        codes_text = block.split("UnwindCodes [")[1].split("]")[0]
        codes = [parse_code(l) for l in codes_text.splitlines() if CODE_RE.match(l)]
        chained = None
        if "Chained {" in block:
            chained = int(re.search(r"Chained \{\s+StartAddress: \((0x[0-9A-F]+)\)", block).group(1), 16) - base
        out.append({
            "begin": start, "end": end, "unwindRva": info, "flags": flags, "prologSize": prolog,
            "frameRegister": None if freg == "-" else freg,
            "frameOffset": None if foff == "-" else int(foff, 16),
            "frameRegisterOffset": None if foff == "-" else int(foff, 16) * 16,
            "chainedTo": chained, "codes": codes,
        })
    return out


def derive_frames(functions):
    """frameSize, saves and machineFrame per function, following chained infos (see module doc)."""
    by_begin = {f["begin"]: f for f in functions}
    for f in functions:
        total, saves, machine, errcode = 0, [], False, False
        cur = f
        while cur is not None:
            for code in cur["codes"]:
                op = code["op"]
                if op in ("ALLOC_SMALL", "ALLOC_LARGE"):
                    total += code["value"]
                elif op == "PUSH_NONVOL":
                    saves.append({"register": code["register"], "offset": total})
                    total += 8
                elif op in ("SAVE_NONVOL", "SAVE_NONVOL_FAR", "SAVE_XMM128", "SAVE_XMM128_FAR"):
                    saves.append({"register": code["register"], "offset": code["value"]})
                elif op == "PUSH_MACHFRAME":
                    machine, errcode = True, code["value"] == 1
            cur = by_begin.get(cur["chainedTo"]) if cur["chainedTo"] is not None else None
        f["frameSize"] = total
        f["saves"] = saves
        f["machineFrame"] = machine
        f["machineFrameErrorCode"] = errcode


INSN_RE = re.compile(r"^\s*([0-9a-f]+):\s+(\S+)(?:\s+(.*?))?\s*$")


def disassemble(path, base):
    text = run("llvm-objdump", "-d", "-M", "intel", "--no-show-raw-insn", path)
    out = []
    for line in text.splitlines():
        m = INSN_RE.match(line)
        if m and not line.rstrip().endswith(">:"):
            out.append((int(m.group(1), 16) - base, m.group(2), m.group(3) or ""))
    return out


def nearest_public(rva, pubs_sorted):
    best = None
    for name, prva in pubs_sorted:
        if prva <= rva:
            best = (name, prva)
        else:
            break
    return None if best is None else "%s+0x%x" % (best[0], rva - best[1]) if rva != best[1] else best[0]


def build_image(bindir, name, file, pdb, kind):
    path = "%s/%s" % (bindir, file)
    base, size, machine, entry = file_headers(path)
    sects = sections(path)
    guid, age, pdb_name = debug_directory(path)
    pdb_guid, pdb_age = pdb_summary("%s/%s" % (bindir, pdb))
    pubs, pub_flags = publics("%s/%s" % (bindir, pdb), sects)
    pubs_sorted = sorted(pubs.items(), key=lambda kv: (kv[1], kv[0]))
    functions = unwind(path, base)
    derive_frames(functions)
    by_rva = {}
    for pname, prva in pubs_sorted:
        by_rva.setdefault(prva, pname)
    for f in functions:
        f["name"] = by_rva.get(f["begin"])
        f["nearestPublic"] = nearest_public(f["begin"], pubs_sorted)
        f["chainedToName"] = by_rva.get(f["chainedTo"]) if f["chainedTo"] is not None else None
    insns = disassemble(path, base)
    leaves = leaf_functions(functions, pubs_sorted, pub_flags, insns)
    imps = imports(path)
    calls = call_sites(insns, functions, leaves, by_rva, imps, base)
    breaks = break_sites(insns, functions, leaves, by_rva, pubs, base)
    out = {
        "name": name, "file": file, "pdb": pdb, "kind": kind, "base": hexs(base), "sizeOfImage": size,
        "machine": hexs(machine), "entryRva": entry,
        "pdbName": pdb_name, "pdbGuid": guid, "pdbAge": age, "pdbFileGuid": pdb_guid, "pdbFileAge": pdb_age,
        "sections": sects, "publics": pubs, "publicFlags": pub_flags, "exports": exports(path),
        "imports": imps, "functions": functions, "leafFunctions": leaves,
        "callSites": calls, "breakSites": breaks,
    }
    out.update(header_extras(path))
    return out, insns


def covering(rva, functions):
    for f in functions:
        if f["begin"] <= rva < f["end"]:
            return f
    return None


def leaf_functions(functions, pubs_sorted, pub_flags, insns):
    """Public functions outside every RUNTIME_FUNCTION: frameless leaves, up to their first ret/jmp."""
    out = []
    for name, rva in pubs_sorted:
        if pub_flags[name] != "function" or covering(rva, functions) is not None:
            continue
        if any(l["begin"] == rva for l in out):
            out[-1]["aliases"].append(name)
            continue
        end = leaf_end(insns, rva)
        out.append({"name": name, "aliases": [], "begin": rva, "end": end})
    return out


def leaf_end(insns, rva):
    """End of a frameless leaf: just past its first ret/jmp/iretq/sysretq."""
    first = next(i for i, insn in enumerate(insns) if insn[0] >= rva)
    for i in range(first, len(insns)):
        if insns[i][1] in ("ret", "jmp", "iretq", "sysretq"):
            return insns[i + 1][0] if i + 1 < len(insns) else insns[i][0] + 1
    raise ValueError("leaf at 0x%x has no ret or jmp" % rva)


def in_code(rva, functions, leaves):
    return covering(rva, functions) is not None or any(l["begin"] <= rva < l["end"] for l in leaves)


def call_sites(insns, functions, leaves, by_rva, imps, base):
    iat = {i["iatRva"]: i for i in imps}
    out = []
    for idx, (rva, mnem, ops) in enumerate(insns):
        if mnem != "call" or not in_code(rva, functions, leaves):
            continue
        ret = insns[idx + 1][0]
        fn = covering(rva, functions)
        site = {"caller": fn["begin"] if fn else None, "callerName": by_rva.get(fn["begin"]) if fn else None,
                "rva": rva, "returnRva": ret, "target": None, "targetRva": None, "operand": None, "import": None}
        direct = re.match(r"^0x([0-9a-f]+)", ops)
        if direct:
            trva = int(direct.group(1), 16) - base
            site["targetRva"] = trva
            site["target"] = by_rva.get(trva, "sub_%x" % trva)
        else:
            site["target"] = "indirect"
            operand = ops.split("#")[0].strip()
            site["operand"] = operand
            slot = re.search(r"# 0x([0-9a-f]+)", ops)
            if slot and "rip" in operand:
                imp = iat.get(int(slot.group(1), 16) - base)
                if imp:
                    site["import"] = "%s!%s" % (imp["dll"], imp["name"])
                    site["operand"] = "qword ptr [__imp_%s]" % imp["name"]
        out.append(site)
    return out


def break_sites(insns, functions, leaves, by_rva, pubs, base):
    hit_tag = pubs.get("PoolHitTag")
    out = []
    for idx, (rva, mnem, ops) in enumerate(insns):
        if mnem != "int3" or not in_code(rva, functions, leaves):
            continue
        fn = covering(rva, functions)
        site = {"rva": rva, "kind": "other", "parent": None, "parentBegin": None, "stubBegin": None,
                "stubEnd": None, "checkRva": None, "resumeRva": None}
        if fn is not None and fn["chainedTo"] is not None:
            parent = fn["chainedTo"]
            site.update(parent=by_rva.get(parent), parentBegin=parent, stubBegin=fn["begin"], stubEnd=fn["end"])
            nxt = insns[idx + 1]
            if nxt[1] == "jmp":
                site["resumeRva"] = int(re.match(r"0x([0-9a-f]+)", nxt[2]).group(1), 16) - base
            site["checkRva"] = find_check(insns, rva, hit_tag, base)
            if site["checkRva"] is not None:
                site["kind"] = "free" if "Free" in (site["parent"] or "") else "alloc"
        elif fn is None:
            leaf = next(l for l in leaves if l["begin"] <= rva < l["end"])
            site["parent"] = leaf["name"]
            site["parentBegin"] = leaf["begin"]
            names = [leaf["name"]] + leaf["aliases"]
            site["kind"] = "breakin" if "RtlpBreakWithStatusInstruction" in names else "other"
        else:
            site["parent"] = by_rva.get(fn["begin"])
            site["parentBegin"] = fn["begin"]
        out.append(site)
    return out


def find_check(insns, stub_rva, hit_tag, base):
    """The `je stub` whose preceding instruction compares with [rip+PoolHitTag]."""
    for idx, (rva, mnem, ops) in enumerate(insns):
        target = re.match(r"^0x([0-9a-f]+)", ops)
        if mnem == "je" and target and int(target.group(1), 16) - base == stub_rva and idx > 0:
            prev = insns[idx - 1]
            slot = re.search(r"# 0x([0-9a-f]+)", prev[2])
            if prev[1] == "cmp" and slot and int(slot.group(1), 16) - base == hit_tag:
                return rva
    return None


def main():
    bindir, scenario_path = sys.argv[1], sys.argv[2]
    images, disasm = [], {}
    for name, file, pdb, kind in IMAGES:
        image, insns = build_image(bindir, name, file, pdb, kind)
        images.append(image)
        disasm[name] = insns
    with open(scenario_path) as f:
        specs = json.load(f)
    import scenarios
    resolved = [scenarios.resolve(spec, images, disasm) for spec in specs]
    json.dump({"schemaVersion": 1, "toolchain": toolchain(), "images": images, "scenarios": resolved},
              sys.stdout, indent=1)
    sys.stdout.write("\n")


def toolchain():
    return {
        "clang": run("clang", "--version").splitlines()[0],
        "lld": run("lld-link", "--version").splitlines()[0],
        "target": "x86_64-pc-windows-msvc",
    }


if __name__ == "__main__":
    main()
