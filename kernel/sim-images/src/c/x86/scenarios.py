"""Resolves the hand-written x86 scenario shapes (scenarios.json: which function calls which, by
decorated public name, outermost first) into addresses from the manifest's own call sites, break
sites and disassembly. Spec frames:
  {"image", "function", "calls": "G" | "indirect" | "import:G", "nth": n (optional)}
  {"image", "function", "trap": "sysenter" | "hlt"}   the next frame is entered by a trap
  {"image", "function", "break": "alloc" | "free" | "breakin"}   innermost frame
For a break routine (`call DbgBreakPoint`) the innermost frame is DbgBreakPoint itself and the
site is the one whose callRva is the previous frame's call. Ambiguous specs fail the build.
"""


class ScenarioError(Exception):
    pass


def _image(images, name):
    return next(i for i in images if i["name"] == name)


def _function(image, name):
    rva = image["publics"].get(name)
    for f in image["functions"]:
        if f["begin"] == rva:
            return f
    raise ScenarioError("%s: no function %s" % (image["name"], name))


def _matches(site, want):
    if want == "indirect":
        return site["target"] == "indirect" and site["import"] is None
    if want.startswith("import:"):
        return site["import"] is not None and site["import"].endswith("!" + want[len("import:"):])
    return site["target"] == want


def _call(image, fn, frame):
    sites = [c for c in image["callSites"] if c["caller"] == fn["begin"] and _matches(c, frame["calls"])]
    nth = frame.get("nth")
    if not sites or (nth is None and len(sites) > 1) or (nth is not None and nth >= len(sites)):
        raise ScenarioError("%s: %d call sites match %s" % (fn["name"], len(sites), frame["calls"]))
    s = sites[nth or 0]
    out = {"kind": "call", "callRva": s["rva"], "returnRva": s["returnRva"], "target": s["target"],
           "operand": s["operand"], "import": s["import"], "espDelta": s["espDelta"]}
    if "ebpDelta" in s:
        out["ebpDelta"] = s["ebpDelta"]
    return out


def _trap(insns, fn, frame):
    for idx, (rva, op, _) in enumerate(insns):
        if fn["begin"] <= rva < fn["end"] and op == frame["trap"]:
            return {"kind": "trap", "instruction": op, "instructionRva": rva, "returnRva": insns[idx + 1][0]}
    raise ScenarioError("%s: no %s" % (fn["name"], frame["trap"]))


def _break(image, fn, frame, previous):
    sites = [b for b in image["breakSites"] if b["kind"] == frame["break"] and (
        b["parentBegin"] == fn["begin"] if b["via"] == "inline" and b["kind"] != "breakin"
        else b["rva"] >= fn["begin"] and b["rva"] < fn["end"]
        and (b["kind"] == "breakin" or previous is not None and b["callRva"] == previous.get("callRva")))]
    if len(sites) != 1:
        raise ScenarioError("%s: %d break sites of kind %s" % (fn["name"], len(sites), frame["break"]))
    b = sites[0]
    return {"kind": "break", "breakKind": b["kind"], "via": b["via"], "breakRva": b["rva"],
            "stubBegin": b.get("stubBegin"), "returnRva": None}


def resolve(spec, images, disasm):
    frames = []
    for frame in spec["frames"]:
        image = _image(images, frame["image"])
        fn = _function(image, frame["function"])
        entry = {"image": image["name"], "function": fn["name"], "functionRva": fn["begin"],
                 "frameKind": fn["frameKind"]}
        if "calls" in frame:
            entry.update(_call(image, fn, frame))
        elif "trap" in frame:
            entry.update(_trap(disasm[image["name"]], fn, frame))
        else:
            entry.update(_break(image, fn, frame, frames[-1] if frames else None))
        frames.append(entry)
    for caller, callee in zip(frames, frames[1:]):
        expected = (caller["import"].split("!")[1] if caller.get("import") else caller.get("target"))
        if caller["kind"] == "call" and expected != "indirect":
            plain = callee["function"].lstrip("_@").split("@")[0]
            if expected not in (callee["function"], plain):
                raise ScenarioError("%s: %s calls %s, next is %s" % (spec["name"], caller["function"], expected,
                                                                   callee["function"]))
    if frames[-1]["kind"] != "break":
        raise ScenarioError("%s: innermost frame is not a break" % spec["name"])
    return {**{k: v for k, v in spec.items() if k != "frames"}, "frames": frames}
