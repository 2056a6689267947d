"""Resolves the hand-written scenario shapes (scenarios.json: which function calls which, by name)
into addresses taken from the images' own call sites, break sites and disassembly.

A spec frame (outermost first) is one of:
  {"image": "nt", "function": "F", "calls": "G"}            direct call to public G
  {"image": "nt", "function": "F", "calls": "indirect"}     call through a register/memory operand
  {"image": "m", "function": "F", "calls": "import:G"}      call qword ptr [__imp_G]
  {"image": "ntdll", "function": "F", "trap": "syscall"}    F enters the next frame by a trap
                                                             instruction (syscall, or hlt for an interrupt)
  {"image": "nt", "function": "F", "break": "alloc"}        innermost frame: F's break site of that kind
"nth" picks among several matching call sites of one function (0-based, in address order); a
spec that matches several sites without "nth" is an error, so a rebuild cannot silently pick
another one.
"""


class ScenarioError(Exception):
    pass


def image_named(images, name):
    for image in images:
        if image["name"] == name:
            return image
    raise ScenarioError("unknown image %s" % name)


def function_range(image, rva):
    for f in image["functions"]:
        if f["begin"] == rva:
            return f["begin"], f["end"]
    for leaf in image["leafFunctions"]:
        if leaf["begin"] == rva:
            return leaf["begin"], leaf["end"]
    raise ScenarioError("%s: no RUNTIME_FUNCTION or leaf starts at 0x%x" % (image["name"], rva))


def matches_call(site, want):
    if want == "indirect":
        return site["target"] == "indirect" and site["import"] is None
    if want.startswith("import:"):
        return site["import"] is not None and site["import"].endswith("!" + want[len("import:"):])
    return site["target"] == want


def resolve_call(image, frame, begin, end):
    sites = [c for c in image["callSites"] if begin <= c["rva"] < end and matches_call(c, frame["calls"])]
    nth = frame.get("nth")
    if not sites or (nth is None and len(sites) > 1) or (nth is not None and nth >= len(sites)):
        raise ScenarioError("%s!%s: %d call sites match %s, nth %s" % (
            image["name"], frame["function"], len(sites), frame["calls"], nth))
    site = sites[nth or 0]
    return {"kind": "call", "callRva": site["rva"], "returnRva": site["returnRva"], "target": site["target"],
            "operand": site["operand"], "import": site["import"]}


def resolve_trap(frame, insns, begin, end):
    for idx, (rva, mnem, _) in enumerate(insns):
        if begin <= rva < end and mnem == frame["trap"]:
            return {"kind": "trap", "instruction": mnem, "instructionRva": rva, "returnRva": insns[idx + 1][0]}
    raise ScenarioError("%s: no %s instruction" % (frame["function"], frame["trap"]))


def resolve_break(image, frame, begin):
    sites = [b for b in image["breakSites"] if b["parentBegin"] == begin and b["kind"] == frame["break"]]
    if len(sites) != 1:
        raise ScenarioError("%s!%s: %d break sites of kind %s" % (
            image["name"], frame["function"], len(sites), frame["break"]))
    site = sites[0]
    return {"kind": "break", "breakKind": site["kind"], "breakRva": site["rva"], "stubBegin": site["stubBegin"],
            "returnRva": None}


def resolve(spec, images, disasm):
    frames = []
    for frame in spec["frames"]:
        image = image_named(images, frame["image"])
        if frame["function"] not in image["publics"]:
            raise ScenarioError("%s has no public %s" % (image["name"], frame["function"]))
        rva = image["publics"][frame["function"]]
        begin, end = function_range(image, rva)
        entry = {"image": image["name"], "function": frame["function"], "functionRva": rva}
        if "calls" in frame:
            entry.update(resolve_call(image, frame, begin, end))
        elif "trap" in frame:
            entry.update(resolve_trap(frame, disasm[image["name"]], begin, end))
        elif "break" in frame:
            entry.update(resolve_break(image, frame, begin))
        else:
            raise ScenarioError("frame of %s needs calls, trap or break" % frame["function"])
        frames.append(entry)
    check_links(spec["name"], frames)
    out = {k: v for k, v in spec.items() if k != "frames"}
    out["frames"] = frames
    return out


def check_links(name, frames):
    """A direct call must reach the next frame's function; an import call, the same name."""
    for caller, callee in zip(frames, frames[1:]):
        if caller["kind"] != "call":
            continue
        if caller["import"] is not None:
            expected = caller["import"].split("!")[1]
        elif caller["target"] != "indirect":
            expected = caller["target"]
        else:
            continue
        if expected != callee["function"]:
            raise ScenarioError("%s: %s calls %s, next frame is %s" % (
                name, caller["function"], expected, callee["function"]))
    if frames[-1]["kind"] != "break":
        raise ScenarioError("%s: innermost frame is not a break" % name)
