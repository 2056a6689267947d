"""The walkthrough notebooks (notebooks/01-03) show what they teach: each is executed headless
through the installed kernel (as test_notebooks does) and its key outputs are checked: tables
with the expected columns and rows, SVG charts, the leak named in 02, and 03, which needs no
target, re-runs to exactly the tables and charts committed with it."""
import os
import pathlib
import re
import tempfile
import unittest

import nbformat

from test_notebooks import execute

REPO = pathlib.Path(os.environ.get("POOLHIT_REPO", pathlib.Path(__file__).resolve().parents[5]))
NOTEBOOKS = REPO / "notebooks"
WALKTHROUGH = "01-poolhittag-walkthrough.ipynb"
LEAK = "02-find-the-leak.ipynb"
REPRODUCIBLE = "03-reproducible-analysis.ipynb"
SHARED_FIXTURE = pathlib.Path(REPO, "..", "shared", "fixtures", "kd-logs", "poolhittag-x64-win7.log")
HITS_COLUMNS = ["hit", "time", "kind", "tag", "size", "address", "processor", "thread", "process", "site",
                "stack_id", "depth"]
_executed = {}


def executed(name):
    """The notebook, executed once per test run (each run takes tens of seconds)."""
    if name not in _executed:
        with tempfile.TemporaryDirectory() as out:
            _executed[name] = execute(NOTEBOOKS / name, out)
    return _executed[name]


def code_cells(nb):
    return [c for c in nb.cells if c.cell_type == "code"]


def cell(nb, first_line):
    """The one code cell whose source is first_line, or else starts with it."""
    found = [c for c in code_cells(nb) if c.source == first_line] or \
        [c for c in code_cells(nb) if c.source.startswith(first_line)]
    assert len(found) == 1, "%d cells start with %r" % (len(found), first_line)
    return found[0]


def tables(outputs):
    """{caption: [column names]} of the HTML tables in outputs."""
    found = {}
    for o in outputs:
        html = o.get("data", {}).get("text/html", "")
        for caption, head in re.findall(r"<caption>(.*?)</caption>\s*<thead><tr>(.*?)</tr></thead>", html, re.S):
            found[caption] = re.findall(r"<th[^>]*>(.*?)</th>", head)
    return found


def all_tables(nb):
    return tables([o for c in code_cells(nb) for o in c.outputs])


def svgs(outputs):
    return [o["data"]["image/svg+xml"] for o in outputs if "image/svg+xml" in o.get("data", {})]


def text(outputs):
    parts = []
    for o in outputs:
        parts.append(o.get("text", "") if o.output_type == "stream" else o.get("data", {}).get("text/plain", ""))
    return "\n".join(parts)


def rich_outputs(nb, skip_tag):
    """Per code cell (except cells tagged skip_tag): its HTML tables and SVG charts, in order."""
    return [[o["data"].get("text/html", o["data"].get("image/svg+xml")) for o in c.outputs
             if "text/html" in o.get("data", {}) or "image/svg+xml" in o.get("data", {})]
            for c in code_cells(nb) if skip_tag not in c.metadata.get("tags", [])]


class CommittedNotebookTests(unittest.TestCase):
    """What GitHub shows: the committed files, no kernel needed."""

    def test_every_walkthrough_is_committed_executed_without_errors_or_scripts(self):
        for name in (WALKTHROUGH, LEAK, REPRODUCIBLE):
            with self.subTest(notebook=name):
                nb = nbformat.read(NOTEBOOKS / name, as_version=4)
                cells = code_cells(nb)
                self.assertTrue(all(c.outputs for c in cells), "every code cell has its outputs")
                self.assertEqual([o for c in cells for o in c.outputs if o.output_type == "error"], [])
                raw = (NOTEBOOKS / name).read_text()
                self.assertNotIn("<script", raw)
                self.assertNotIn("application/javascript", raw)
                self.assertTrue(all_tables(nb), "tables as HTML")
                self.assertTrue(svgs([o for c in cells for o in c.outputs]), "charts as SVG")
                self.assertEqual(nb.metadata.kernelspec.name, "poolhit")

    def test_data_files_are_small(self):
        for name in ("lea2-sim.trace", "lea2-sim-kd.log"):
            with self.subTest(file=name):
                self.assertLess((NOTEBOOKS / "data" / name).stat().st_size, 1 << 20)


class WalkthroughTests(unittest.TestCase):
    def test_reads_arms_breaks_traces_and_restores(self):
        nb = executed(WALKTHROUGH)
        self.assertIn("idle (0xffffff0f)", text(cell(nb, "%poolhittag").outputs))
        self.assertIn("fffff800`02a04000  ffffff0f", text(cell(nb, "%dd nt!PoolHitTag L1").outputs))
        self.assertIn("Lea2 = 0x3261654c", text(cell(nb, "var bytes").outputs))
        armed = text(cell(nb, "%poolhittag Lea2").outputs)
        self.assertIn("PoolHitTag = Lea2 (0x3261654c) (was idle (0xffffff0f))", armed)
        self.assertIn("fffff800`02a04000  3261654c", armed)
        first_stack = text(cell(nb, "%k").outputs)
        self.assertIn("Child-SP          RetAddr           Call Site", first_stack)
        self.assertIn("myfault!MyfaultLeakPool+0x1b", first_stack)
        self.assertIn("fffff800`02a02226  cc", text(cell(nb, "%db").outputs))
        statuses = [text(c.outputs) for c in code_cells(nb) if c.source == "%status"]
        self.assertEqual(len(statuses), 2)
        self.assertIn("ours on the target: 0 breakpoints, 0 code patches", statuses[0])
        self.assertIn("holds idle (0xffffff0f)", statuses[1])
        self.assertIn("ours on the target: 0 breakpoints, 0 code patches", statuses[1])
        self.assertIn("ours on the target: 2 breakpoints, 2 code patches", text(cell(nb, "%trace 20 --patch").outputs))
        restored = text(cell(nb, "%restore").outputs)
        self.assertIn("put back cc at fffff800`02a02226", restored)
        self.assertIn("PoolHitTag back to 0xffffff0f", restored)
        self.assertIn("idle (0xffffff0f)", text(cell(nb, "%break").outputs))

    def test_tables_have_their_columns_and_rows(self):
        found = all_tables(executed(WALKTHROUGH))
        self.assertEqual(found["hits: 1 row × 12 columns"], HITS_COLUMNS)
        self.assertEqual(found["stack: 12 rows × 4 columns"], ["frame", "child_sp", "ret_addr", "call_site"])
        self.assertEqual(found["hits: 100 rows × 12 columns"], HITS_COLUMNS)
        self.assertEqual(found["hits summary: 2 rows × 4 columns"], ["stack_id", "site", "Count [size]", "Sum [size]"])
        self.assertEqual(found["stacks: 2 rows × 6 columns"], ["stack_id", "signature", "hits", "allocs", "frees", "bytes"])

    def test_hits_per_stack_chart(self):
        charts = svgs(cell(executed(WALKTHROUGH), "var label").outputs)
        self.assertEqual(len(charts), 1)
        self.assertIn("Lea2 hits per stack", charts[0])
        self.assertEqual(charts[0].count('<rect class="bar"'), 2)
        self.assertIn("stack 0 (nt+0x222", charts[0])


class FindTheLeakTests(unittest.TestCase):
    def test_groups_joins_and_outstanding_tables(self):
        found = all_tables(executed(LEAK))
        self.assertEqual(found["hits: 200 rows × 12 columns"], HITS_COLUMNS)
        self.assertEqual(found["hits summary: 2 rows × 4 columns"], ["kind", "stack_id", "Count [size]", "Sum [size]"])
        self.assertEqual(found["hits summary: 2 rows × 5 columns"],
                         ["kind", "stack_id", "Count [size]", "Sum [size]", "signature"])
        self.assertEqual(found["frames summary: 2 rows × 3 columns"], ["module", "call_site", "Count Unique [hit]"])
        self.assertEqual(found["outstanding summary: 2 rows × 4 columns"], ["stack_id", "Count [size]", "Sum [size]", "caller"])
        self.assertEqual(found["leaks: 2 rows × 9 columns"], ["rank", "stack_id", "allocations", "bytes", "unknown_size",
                                                              "first_hit", "last_hit", "caller", "signature"])

    def test_names_the_leaking_driver_and_call_site(self):
        nb = executed(LEAK)
        report = text(cell(nb, "%leaks").outputs)
        self.assertRegex(report, r"200 outstanding allocations \(\d+ bytes\) of 200 allocations, 0 frees")
        self.assertIn("myfault!MyfaultLeakPool+0x1b", report)
        verdict = text(cell(nb, "var callers").outputs)
        self.assertRegex(verdict, r"200 outstanding allocations, \d+ bytes, callers \[myfault!MyfaultLeakPool\+0x1b\]")
        leaks_html = [o["data"]["text/html"] for o in cell(nb, "%leaks").outputs if "text/html" in o.get("data", {})]
        self.assertEqual(leaks_html[0].count("<td>myfault!MyfaultLeakPool+0x1b</td>"), 2)

    def test_outstanding_bytes_chart(self):
        nb = executed(LEAK)
        line = svgs(cell(nb, "Charts.line").outputs)
        self.assertEqual(len(line), 1)
        self.assertIn("Lea2 bytes outstanding during the trace", line[0])
        self.assertEqual(len(svgs(cell(nb, "%leaks").outputs)), 1)


class ReproducibleAnalysisTests(unittest.TestCase):
    def test_reexecution_gives_the_committed_tables_and_charts(self):
        committed = nbformat.read(NOTEBOOKS / REPRODUCIBLE, as_version=4)
        again = executed(REPRODUCIBLE)
        expected = rich_outputs(committed, "shared-fixture")
        self.assertEqual(sum(len(c) for c in expected), 10)
        self.assertEqual(rich_outputs(again, "shared-fixture"), expected)
        self.assertEqual([text(c.outputs) for c in code_cells(again)][:-1],
                         [text(c.outputs) for c in code_cells(committed)][:-1])

    def test_loads_the_trace_and_imports_the_kd_log(self):
        found = all_tables(executed(REPRODUCIBLE))
        self.assertEqual(found["hits: 200 rows × 12 columns"], HITS_COLUMNS)
        self.assertEqual(found["hits: 12 rows × 12 columns"], HITS_COLUMNS)
        self.assertEqual(found["leaks: 2 rows × 9 columns"][:4], ["rank", "stack_id", "allocations", "bytes"])
        nb = executed(REPRODUCIBLE)
        self.assertIn("imported 12 hits with 2 distinct stacks", text(cell(nb, "%import-kd-log").outputs))
        self.assertIn("same call paths in the log and the trace file: true", text(cell(nb, "var fromLog").outputs))

    def test_real_kd_log_is_imported_when_present(self):
        outputs = cell(executed(REPRODUCIBLE), "import dev.poolhit.pool.analysis.TraceTables;").outputs
        if SHARED_FIXTURE.is_file():
            shown = tables(outputs)
            self.assertEqual(shown["frames: 11 rows × 4 columns"], ["frame", "child_sp", "ret_addr", "call_site"])
            self.assertIn("myfault+0x1634", text(outputs))
            self.assertIn("nt!ExDeferredFreePool+0xb57", text(outputs))
        else:
            self.assertIn("not here: ", text(outputs))


if __name__ == "__main__":
    unittest.main()
