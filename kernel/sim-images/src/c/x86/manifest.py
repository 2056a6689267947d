#!/usr/bin/python3
"""Writes manifest.json for the simulated target's x86 images, from the toolchain's own outputs.

Usage: manifest.py BIN_DIR SCENARIOS_JSON > manifest.json

Headers, sections, exports, publics and the RSDS/PDB identity are read exactly as the x64
manifest does (x64manifest.py, a copy of ../x64/manifest.py made by build.sh); the x86 parts:

  frameData   every FrameData ("new FPO") record of the PDB (llvm-pdbutil dump --fpo): lld 14
              writes no old FPO stream and no PE FPO debug directory entry.
  functions   one per function public (aliases at the same RVA merged; labels inside a function,
              LABELS below, are not functions), with frameKind:
                ebp   `push ebp; mov ebp,esp` prologue (after an optional `mov edi,edi`):
                      [ebp] = caller's EBP, [ebp+4] = return address, ebp = entry ESP - 4
                fpo   no frame pointer: the return address is at a fixed distance above ESP
                      that changes with every push (see callSites.espDelta)
                leaf  no call and no stack change: return address at [esp]
                trap  builds a KTRAP_FRAME and points EBP at it (no return address)
  callSites   every call, with espDelta = bytes pushed since function entry when the call
              executes: the frame's own return address is at [ESP_call + espDelta] (trap
              entries: the trap frame is at ESP_call + espDelta - trapFrameEntryOffset), the
              callee's return address at [ESP_call - 4]; ebp frames also give ebpDelta (EBP =
              ESP_call + ebpDelta, [EBP] = saved caller EBP, [EBP+4] = return address).
  breakSites  the four PoolHitTag sites (alloc/free; via "breakRoutine" = call DbgBreakPoint, or
              "inline" = cold stub `int 3; jmp back`) and the break-in instruction.
espDelta is found by following every path from the entry (push/pop/sub/add esp/mov esp,ebp/leave,
stdcall callees popping their arguments, decorated in their names); paths that disagree fail.
"""
import json
import re
import sys

import scenarios as sc
import x64manifest as m

IMAGES = [
    ("nt", "ntoskrnl.exe", "ntkrnlpa.pdb", "kernel"),
    ("myfault", "myfault.sys", "myfault.pdb", "driver"),
    ("ntdll", "ntdll.dll", "ntdll.pdb", "user"),
    ("leakyapp", "leakyapp.exe", "leakyapp.pdb", "user"),
]
# Publics that are labels inside the function before them, as in the real kernel.
LABELS = {"_KiSystemService", "_KiSystemServiceCopyEnd", "_KiServiceExit", "_RtlpBreakWithStatusInstruction@0",
          "_KiFastSystemCallRet@0"}
# Trap entries: entry ESP relative to the KTRAP_FRAME they build.
TRAP_ENTRIES = {"_KiFastCallEntry": 0x7c, "_KiClockInterrupt": 0x68}
# Argument bytes popped by the targets of indirect calls (stdcall), per calling function.
INDIRECT_POPS = {"_ExpWorkerThread@4": 4, "_PspSystemThreadStartup@8": 4, "@IofCallDriver@8": 8,
                 "_RtlUserThreadStart@8": 4, "_NtDeviceIoControlFile@40": 0}
POOL_KINDS = {"_ExpAllocateSmallPool@12": "alloc", "_ExpAllocateBigPool@12": "alloc",
              "_ExFreePoolWithTag@8": "free", "_ExpFreeBigPool@4": "free"}
FPO_ROW = re.compile(r"^([0-9A-F]{8}) \| +(\d+) \| +(\d+) \| +(\d+) \| +(\d+) \| +(\d+) \| +(\d+) \| +(\w+) \| +(\w+) \| +(\w+) \| (.*)$")
INSN = re.compile(r"^([0-9a-f]+):\s+(\S+)\s*(.*)$")


def frame_data(pdb):
    out = []
    for line in m.run("llvm-pdbutil", "dump", "--fpo", pdb).splitlines():
        r = FPO_ROW.match(line.strip())
        if r:
            g = r.groups()
            out.append({"rva": int(g[0], 16), "codeSize": int(g[1]), "localSize": int(g[2]), "paramsSize": int(g[3]),
                        "maxStackSize": int(g[4]), "prologSize": int(g[5]), "savedRegsSize": int(g[6]),
                        "hasSeh": g[7] == "true", "hasCxxEh": g[8] == "true", "functionStart": g[9] == "true",
                        "program": g[10].strip()})
    return out


def disassembly(path, base):
    out = []
    for line in m.run("llvm-objdump", "-d", "--no-show-raw-insn", "-M", "intel", path).splitlines():
        r = INSN.match(line.strip())
        if r:
            out.append((int(r.group(1), 16) - base, r.group(2), r.group(3).split(" <")[0].strip()))
    return out


def imports32(path):
    entries = m.imports(path)
    for e in entries:  # m.imports steps 8 bytes per IAT slot (PE32+); PE32 slots are 4 bytes
        first = min(x["iatRva"] for x in entries if x["dll"] == e["dll"])
        e["iatRva"] = first + (e["iatRva"] - first) // 2
    return entries


def stack_pops(name):
    r = re.search(r"@(\d+)$", name or "")
    if not r:
        return 0
    return max(0, int(r.group(1)) - 8) if name.startswith("@") else int(r.group(1))


def trace_deltas(insns, fn, base, names, callee_pops):
    """Bytes pushed since entry at each instruction of fn, following every path."""
    index = {rva: i for i, (rva, _, _) in enumerate(insns)}
    delta_at, ebp_delta = {}, {}
    work = [(fn["begin"], 0, None)]
    while work:
        rva, delta, ebp = work.pop()
        while fn["begin"] <= rva < fn["end"]:
            if rva in delta_at:
                if None in (delta_at[rva], delta):
                    delta_at[rva] = None  # an unknown depth (e.g. `sub esp,ecx`) stays unknown
                elif delta_at[rva] != delta:
                    raise SystemExit("%s: stack depth %s and %s meet at 0x%x" % (fn["name"], delta_at[rva], delta, rva))
                break
            delta_at[rva], ebp_delta[rva] = delta, ebp
            i = index[rva]
            _, op, args = insns[i]
            nxt = insns[i + 1][0] if i + 1 < len(insns) else fn["end"]
            if op in ("push", "pushfd"):
                delta = None if delta is None else delta + 4
            elif op in ("pop", "popfd"):
                if args == "ebp":
                    ebp = None
                delta = None if delta is None else delta - 4
            elif args.startswith("esp, ") and op in ("sub", "add"):
                amount = args[5:]
                known = delta is not None and re.fullmatch(r"-?\d+|0x[0-9a-f]+", amount)
                delta = delta + (1 if op == "sub" else -1) * int(amount, 0) if known else None
            elif op == "and" and args.startswith("esp, "):
                delta = None  # realigned (leakyapp's 8-byte IO_STATUS_BLOCK): only EBP locates the frame
            elif op == "mov" and args == "ebp, esp":
                ebp = delta
            elif op == "mov" and args == "esp, ebp":
                delta = ebp
            elif op == "leave":
                delta, ebp = ebp - 4, None
            elif op == "call":
                delta = None if delta is None else delta - callee_pops(fn["name"], args)
            elif op in ("ret", "retl", "iretd", "sysexit", "ud2"):
                break
            elif op == "jmp" or op.startswith("j"):
                target = call_target(args, base)
                if target is not None and fn["begin"] <= target < fn["end"]:
                    work.append((target, delta, ebp))
                if op == "jmp":
                    break
            rva = nxt
    return delta_at, ebp_delta


def call_target(args, base):
    """Direct target RVA of a call/jmp operand, or None (indirect)."""
    r = re.fullmatch(r"0x([0-9a-f]+)", args)
    return int(r.group(1), 16) - base if r else None


def memory_operand(args, base):
    """RVA of an absolute `dword ptr [n]` operand (objdump prints it as signed decimal)."""
    r = re.fullmatch(r"dword ptr \[(-?\d+)\]", args)
    return ((int(r.group(1)) & 0xffffffff) - base) if r else None


def undecorate(name):
    r = re.fullmatch(r"[_@]?([A-Za-z0-9_]+)(@\d+)?", name)
    return r.group(1) if r else name


def function_list(pubs, flags, text_end, fpo):
    """Functions from the function publics; aliases merged, LABELS skipped."""
    starts = {}
    for name, rva in sorted(pubs.items(), key=lambda kv: (kv[1], kv[0])):
        if flags.get(name) == "function" and name not in LABELS:
            starts.setdefault(rva, []).append(name)
    begins = sorted(starts)
    sizes = {f["rva"]: f["codeSize"] for f in fpo if f["functionStart"]}
    out = []
    for i, begin in enumerate(begins):
        end = begins[i + 1] if i + 1 < len(begins) else text_end
        names = sorted(starts[begin], key=lambda n: (n.startswith("_Zw"), n))
        out.append({"name": names[0], "aliases": names[1:], "begin": begin,
                    "end": min(end, begin + sizes[begin]) if begin in sizes else end,
                    "frameDataRva": begin if begin in sizes else None})
    return out


def frame_kind(fn, insns_of):
    ops = [(op, args) for _, op, args in insns_of]
    if fn["name"] in TRAP_ENTRIES:
        return "trap"
    body = ops[1:] if ops and ops[0] == ("mov", "edi, edi") else ops  # the hot-patch point
    if len(body) >= 2 and body[0] == ("push", "ebp") and body[1] == ("mov", "ebp, esp"):
        return "ebp"
    stack_ops = {"push", "pop", "call", "pushfd", "popfd", "sub", "add"}
    if any(op in ("push", "call", "pushfd") or (op in ("sub", "add") and args.startswith("esp,")) for op, args in ops):
        return "fpo"
    return "leaf"


def describe_image(name, file, pdb, kind, bindir, decorated, disasm):
    path, pdb_path = bindir + "/" + file, bindir + "/" + pdb
    base, size, machine, entry = m.file_headers(path)
    secs = m.sections(path)
    pubs, flags = m.publics(pdb_path, secs)
    imps = imports32(path)
    fpo = frame_data(pdb_path)
    text = next(s for s in secs if s["name"] == ".text")
    insns = disassembly(path, base)
    disasm[name] = insns
    fns = function_list(pubs, flags, text["rva"] + text["virtualSize"], fpo)
    by_rva = {}
    for n, r in pubs.items():
        by_rva.setdefault(r, n)
    iat = {e["iatRva"]: e for e in imps}

    def import_slot(fn_insns, args):
        """IAT slot of `call [slot]`, or of `call reg` after clang hoisted `mov reg, [slot]`."""
        slot = memory_operand(args, base)
        if slot is None and re.fullmatch(r"e[a-z]{2}", args):
            loads = [memory_operand(a.split(", ", 1)[1], base) for _, o, a in fn_insns
                     if o == "mov" and a.startswith(args + ", ")]
            slot = next((x for x in loads if x in iat), None)
        return slot

    current = {}

    def callee_pops(caller, args):
        direct = call_target(args, base)
        if direct is not None:
            return stack_pops(by_rva.get(direct))
        slot = import_slot(current["insns"], args)
        if slot in iat:
            return stack_pops(decorated.get(iat[slot]["name"]))
        if caller in INDIRECT_POPS:
            return INDIRECT_POPS[caller]
        if caller in TRAP_ENTRIES:
            return 0  # `call ebx` into a service; the entry resets ESP from EBP afterwards
        raise SystemExit("%s: indirect call %s with unknown argument bytes" % (caller, args))

    calls, breaks = [], []
    for fn in fns:
        own = [i for i in insns if fn["begin"] <= i[0] < fn["end"]]
        fn["frameKind"] = frame_kind(fn, own)
        current["insns"] = own
        if fn["frameKind"] == "trap":
            fn["trapFrameEntryOffset"] = TRAP_ENTRIES[fn["name"]]
        deltas, ebps = trace_deltas(insns, fn, base, by_rva, callee_pops)
        for idx, (rva, op, args) in enumerate(own):
            if op != "call":
                continue
            ret = own[idx + 1][0] if idx + 1 < len(own) else fn["end"]
            direct, slot = call_target(args, base), import_slot(own, args)
            site = {"caller": fn["begin"], "callerName": fn["name"], "rva": rva, "returnRva": ret,
                    "target": by_rva.get(direct, "sub_%x" % direct) if direct is not None else "indirect",
                    "targetRva": direct, "operand": args,
                    "import": "%s!%s" % (iat[slot]["dll"], iat[slot]["name"]) if slot in iat else None,
                    "espDelta": deltas.get(rva)}
            if fn["frameKind"] == "ebp" and None not in (ebps.get(rva), deltas.get(rva)):
                site["ebpDelta"] = deltas[rva] - ebps[rva]
            calls.append(site)
            if site["target"] == "_DbgBreakPoint@0" and fn["name"] in POOL_KINDS:
                check = max(r for r, o, _ in own if r < rva and o.startswith("j"))
                breaks.append({"rva": direct, "kind": POOL_KINDS[fn["name"]], "via": "breakRoutine",
                               "parent": fn["name"], "parentBegin": fn["begin"], "callRva": rva,
                               "returnRva": ret, "checkRva": check, "espDelta": site["espDelta"]})
    breaks += inline_sites(insns, fns, base, pubs)
    return {
        "name": name, "file": file, "pdb": pdb, "kind": kind, "base": m.hexs(base), "sizeOfImage": size,
        "machine": m.hexs(machine), "entryRva": entry, **m.header_extras(path),
        **dict(zip(("pdbGuid", "pdbAge", "pdbName"), m.debug_directory(path))),
        **dict(zip(("pdbFileGuid", "pdbFileAge"), m.pdb_summary(pdb_path))),
        "sections": secs, "publics": pubs, "publicFlags": flags, "exports": m.exports(path), "imports": imps,
        "frameData": fpo, "functions": fns, "callSites": calls, "breakSites": sorted(breaks, key=lambda b: b["rva"]),
    }


def inline_sites(insns, fns, base, pubs):
    """Cold stubs `int3; jmp back` (kind from the parent) and the break-in instruction."""
    out = []
    for i, (rva, op, args) in enumerate(insns[:-1]):
        nrva, nop_, nargs = insns[i + 1]
        back = call_target(nargs, base) if nop_ == "jmp" else None
        parent = next((f for f in fns if back is not None and f["begin"] <= back < f["end"]), None)
        if op == "int3" and parent is not None and parent["name"] in POOL_KINDS:
            check = next(r for r, o, a in insns if o == "je" and call_target(a, base) == rva)
            out.append({"rva": rva, "kind": POOL_KINDS[parent["name"]], "via": "inline", "parent": parent["name"],
                        "parentBegin": parent["begin"], "stubBegin": rva, "stubEnd": nrva + 5,
                        "checkRva": check, "resumeRva": back})
    breakin = pubs.get("_RtlpBreakWithStatusInstruction@0")
    if breakin is not None:
        out.append({"rva": breakin, "kind": "breakin", "via": "inline", "parent": "_DbgBreakPointWithStatus@4",
                    "parentBegin": pubs["_DbgBreakPointWithStatus@4"]})
    return out


def main():
    bindir = sys.argv[1]
    decorated = {}
    for _, file, pdb, kind in IMAGES:
        if file in ("ntoskrnl.exe", "ntdll.dll"):  # the images others import from
            secs = m.sections(bindir + "/" + file)
            for pub in m.publics(bindir + "/" + pdb, secs)[0]:
                decorated.setdefault(undecorate(pub), pub)
    clang = m.run("clang", "--version").splitlines()[0]
    lld = m.run("lld-link", "--version").strip()
    disasm = {}
    images = [describe_image(*img, bindir, decorated, disasm) for img in IMAGES]
    with open(sys.argv[2]) as f:
        specs = json.load(f)
    manifest = {"schemaVersion": 1,
                "toolchain": {"clang": clang, "lld": lld, "target": "i686-pc-windows-msvc"},
                "images": images, "scenarios": [sc.resolve(spec, images, disasm) for spec in specs]}
    json.dump(manifest, sys.stdout, indent=1, sort_keys=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
