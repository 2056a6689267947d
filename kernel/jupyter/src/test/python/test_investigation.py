"""The investigation magics end to end through jupyter_client: %connect sim, %poolhittag, %trace,
%restore, %leaks, %save/%load, %import-kd-log, checked against the simulator's ground truth."""
import os
import re
import tempfile
import time
import unittest

import kernel_session as ks

STACK_MARKERS = (".java:", "at dev.poolhit", "\tat ")

# A Java cell: the first N hits of the last trace against the simulator's ground truth (kind, tag,
# size, address, every frame's IP), printing "mismatches: 0" when all agree.
COMPARE = """
import dev.poolhit.jupyter.investigate.PoolHit;
import dev.poolhit.sim.workload.*;
// the 32-bit simulator keeps plain 32-bit addresses; the debugger's are sign-extended from bit 31
java.util.function.LongUnaryOperator X = X86 ? v -> (long) (int) v : v -> v;
var t = PoolHit.trace();
var h = t.hits();
var fr = t.frames();
var truth = PoolHit.session().machine().orElseThrow().groundTruth().entries().stream()
        .filter(GroundTruthEntry::broke).toList();
int bad = 0;
for (int i = 0; i < h.rowCount(); i++) {
    var e = truth.get(i);
    boolean alloc = e.kind() == PoolEventKind.ALLOC;
    long size = h.longColumn("size").getLong(i), addr = h.longColumn("address").getLong(i);
    if (!h.getString(i, "kind").equals(alloc ? "alloc" : "free")) bad++;
    if (!h.getString(i, "tag").equals("Lea2")) bad++;
    if (alloc && size != e.size()) bad++;
    if ((!alloc || PAIR) && addr != X.applyAsLong(e.address())) bad++;
    var exp = new ArrayList<>(e.stack()); Collections.reverse(exp);
    int hit = i;
    var mine = fr.where(fr.intColumn("hit").isEqualTo(hit));
    if (mine.rowCount() < 3) bad++;
    for (int f = 0; f < Math.min(exp.size(), mine.rowCount()); f++) {
        if (mine.longColumn("ip").getLong(f) != X.applyAsLong(exp.get(f).ip())) bad++;
        if (f + 1 < Math.min(exp.size(), mine.rowCount())
                && mine.longColumn("ret_addr").getLong(f) != X.applyAsLong(exp.get(f + 1).ip())) bad++;
    }
}
System.out.println("mismatches: " + bad + " of " + h.rowCount());
"""

RESTORED = """
var m = dev.poolhit.jupyter.investigate.PoolHit.session().machine().orElseThrow();
byte[] tag = new byte[4];
m.readVirtual(m.kernel().globals().poolHitTag(), tag, 0, 4);
var ours = PoolHit.session().target();
System.out.println("tag " + dev.poolhit.common.Hex.bytes(tag) + " breakpoints " + m.breakpointCount()
        + " ours " + ours.breakpoints().size() + " " + ours.patches().size());
"""

# Outstanding allocations of the traced hits by the ground truth: a free releases the latest
# unpaired allocation at its address.
TRUTH_LEAKS = """
var m2 = dev.poolhit.jupyter.investigate.PoolHit.session().machine().orElseThrow();
var traced = m2.groundTruth().entries().stream().filter(dev.poolhit.sim.workload.GroundTruthEntry::broke).limit(200).toList();
var open = new ArrayList<dev.poolhit.sim.workload.GroundTruthEntry>();
for (var e : traced) {
    if (e.kind() == dev.poolhit.sim.workload.PoolEventKind.ALLOC) { open.add(e); continue; }
    for (int i = open.size() - 1; i >= 0; i--) { if (open.get(i).address() == e.address()) { open.remove(i); break; } }
}
long bytes = open.stream().mapToLong(e -> e.size()).sum();
boolean viaMyfault = open.stream().allMatch(e -> e.stack().stream().anyMatch(f -> f.function().startsWith("myfault!")));
var lk = dev.poolhit.pool.analysis.LeakReport.of(dev.poolhit.jupyter.investigate.PoolHit.trace()).table(1000);
System.out.println("truth " + open.size() + " " + bytes + " " + viaMyfault + " report "
        + (long) lk.intColumn("allocations").sum() + " " + (long) lk.longColumn("bytes").sum() + " "
        + lk.stringColumn("caller").asList().stream().allMatch(c -> c.startsWith("myfault")));
"""


def fixture(relative):
    """A file under the shared fixtures next to the repository, or None."""
    roots = [os.environ.get("POOLHIT_REPO"), os.path.join(os.path.dirname(__file__), "../../../../..")]
    for root in filter(None, roots):
        path = os.path.normpath(os.path.join(root, "..", "shared", "fixtures", relative))
        if os.path.isfile(path):
            return path
    return None


class InvestigationTests(unittest.TestCase):
    """On the x64 simulator; X86InvestigationTests runs the same tests on the 32-bit one."""
    SIM = "sim:rate=0"
    KERNEL_BASE = "kernel base fffff800`02a00000"
    X86 = False

    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = ks.start()
        reply, _, _ = ks.execute(cls.kc, "import dev.poolhit.jupyter.investigate.PoolHit;")
        assert reply["content"]["status"] == "ok", reply

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel(now=True)

    def tearDown(self):
        ks.execute(self.kc, "%disconnect")  # an error reply when not connected is fine

    def ok(self, code, timeout=ks.TIMEOUT):
        reply, outputs, _ = ks.execute(self.kc, code, timeout)
        self.assertEqual(reply["content"]["status"], "ok", [m["content"] for m in outputs])
        return outputs

    def text(self, outputs):
        parts = []
        for m in outputs:
            if m["msg_type"] == "stream":
                parts.append(m["content"]["text"])
            elif m["msg_type"] in ("execute_result", "display_data", "update_display_data"):
                parts.append(m["content"]["data"].get("text/plain", ""))
        return "\n".join(parts)

    def html_result(self, outputs):
        results = [m for m in outputs if m["msg_type"] == "execute_result"]
        self.assertEqual(len(results), 1, [m["msg_type"] for m in outputs])
        return results[0]["content"]["data"]["text/html"]

    def connect_and_arm(self, tag="Lea2"):
        out = self.text(self.ok("%connect " + self.SIM))
        self.assertIn(self.KERNEL_BASE, out)
        self.assertIn("PoolHitTag: nt!PoolHitTag at", out)
        self.assertIn("idle (0xffffff0f)", self.text(self.ok("%poolhittag")))
        self.assertIn("PoolHitTag = " + tag, self.text(self.ok("%poolhittag " + tag)))

    def leaks_by_report_and_truth(self):
        """(truth count, truth bytes, all truth leaks via myfault, report line) for the last 200-hit trace."""
        line = [l for l in self.text(self.ok(TRUTH_LEAKS)).splitlines() if l.startswith("truth ")][0]
        truth, report = line[len("truth "):].split(" report ")
        count, size, via_myfault = truth.split()
        return int(count), int(size), via_myfault == "true", report

    def trace_and_compare(self, magic, rows, pair):
        outputs = self.ok(magic)
        self.assertIn("<caption>hits: %d rows × 12 columns</caption>" % rows, self.html_result(outputs))
        self.assertTrue(any(m["msg_type"] == "update_display_data" for m in outputs), "progress bar updated in place")
        self.assertIn("mismatches: 0 of %d" % rows, self.text(self.ok(COMPARE.replace("PAIR", str(pair).lower()).replace("X86", str(self.X86).lower()))))

    def assert_restored(self):
        self.assertIn("tag 0fffffff breakpoints 0 ours 0 0", self.text(self.ok(RESTORED)))

    def test_trace_500_default_matches_ground_truth_and_restores(self):
        self.connect_and_arm()
        self.trace_and_compare("%trace 500", 500, False)
        self.assertIn("restored", self.text(self.ok("%restore")))
        self.assert_restored()

    def test_trace_500_patch_matches_ground_truth_and_restores(self):
        self.connect_and_arm()
        self.trace_and_compare("%trace 500 --patch", 500, False)
        self.text(self.ok("%restore"))
        self.assert_restored()

    def test_pair_then_leaks_names_the_myfault_stack_as_the_ground_truth_does(self):
        self.connect_and_arm()
        self.trace_and_compare("%trace 200 --pair", 200, True)
        outputs = self.ok("%leaks")
        self.assertIn("<caption>leaks:", self.html_result(outputs))
        self.assertTrue(any("image/svg+xml" in m["content"].get("data", {}) for m in outputs
                            if m["msg_type"] == "display_data"), "leak chart as SVG")
        self.assertIn("myfault", self.text(outputs))
        count, size, via_myfault, report = self.leaks_by_report_and_truth()
        self.assertTrue(via_myfault)
        self.assertGreater(count, 0)
        self.assertEqual(report, "%d %d true" % (count, size))

    def test_balanced_traffic_shows_only_what_the_ground_truth_left_outstanding(self):
        self.connect_and_arm("Lea1")
        self.ok("%trace 200 --pair")
        self.ok("%leaks")
        count, size, _, report = self.leaks_by_report_and_truth()
        allocations, outstanding_bytes, _ = report.split()
        self.assertEqual((int(allocations), int(outstanding_bytes)), (count, size))
        self.assertLess(count, 100, "most Lea1 blocks are freed within the trace")

    def test_interrupting_a_long_trace_restores_and_keeps_the_kernel_usable(self):
        self.connect_and_arm()
        msg_id = self.kc.execute("%trace 100000")
        time.sleep(2.0)
        started = time.monotonic()
        ks.control_request(self.kc, "interrupt_request", {})
        reply = ks.shell_reply(self.kc, msg_id, timeout=10)
        self.assertLess(time.monotonic() - started, 5.0)
        self.assertEqual(reply["content"]["status"], "error")
        errors = [m for m in ks.iopub_for(self.kc, msg_id) if m["msg_type"] == "error"]
        self.assertEqual(len(errors), 1)
        traceback = "\n".join(errors[0]["content"]["traceback"])
        self.assertIn("hits kept", traceback)
        for marker in STACK_MARKERS:
            self.assertNotIn(marker, traceback)
        self.assert_restored()
        self.assertIn("last trace:", self.text(self.ok("%status")))

    def test_a_link_cut_mid_trace_reconnects_restores_and_keeps_the_hits(self):
        # cut=N: the simulator drops the link after sending N packets; PoolHit reopens it (the cable
        # plugged back in), adopts what the lost link left on the target and restores it
        spec = self.SIM + ",cut=4000"
        self.assertIn(self.KERNEL_BASE, self.text(self.ok("%connect " + spec)))
        self.ok("%poolhittag Lea2")
        reply, outputs, _ = ks.execute(self.kc, "%trace 100000 --patch", 120)
        self.assertEqual(reply["content"]["status"], "error")
        traceback = "\n".join(m for e in outputs if e["msg_type"] == "error" for m in e["content"]["traceback"])
        found = re.search(r"link lost after (\d+) hits; reconnected and restored the target; (\d+) hits kept", traceback)
        self.assertIsNotNone(found, traceback)
        self.assertEqual(found.group(1), found.group(2))
        self.assertGreater(int(found.group(1)), 0)
        for marker in STACK_MARKERS:
            self.assertNotIn(marker, traceback)
        self.assert_restored()
        status = self.text(self.ok("%status"))
        self.assertIn("connected: %s, running" % spec, status)
        self.assertIn("last trace: %s hits" % found.group(1), status)
        self.assertEqual("nothing to restore; target running", self.text(self.ok("%restore")).strip())

    def test_save_and_load_give_identical_tables(self):
        self.connect_and_arm()
        self.ok("%trace 100 --pair")
        before = self.text(self.ok('System.out.println(PoolHit.trace().hits().printAll() + PoolHit.trace().frames().printAll());'))
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "lea2.poolhit")
            self.assertIn("saved 100 hits", self.text(self.ok("%save " + path)))
            self.ok("%disconnect")
            self.assertIn("<caption>hits: 100 rows × 12 columns</caption>",
                          self.html_result(self.ok("%load " + path + " --into loaded")))
        after = self.text(self.ok('System.out.println(PoolHit.trace().hits().printAll() + PoolHit.trace().frames().printAll());'))
        self.assertEqual(before, after)
        self.ok("%leaks")

    def test_import_kd_log_shows_its_frames(self):
        log = fixture("kd-logs/poolhittag-x64-win7.log")
        if log is None:
            self.skipTest("shared fixture kd-logs/poolhittag-x64-win7.log not found")
        self.ok("%import-kd-log " + log)
        frames = self.text(self.ok("PoolHit.trace().frames().where(PoolHit.trace().frames().intColumn(\"hit\").isEqualTo(0))"))
        self.assertIn("nt!ExAllocatePoolWithTag+0x82e", frames)
        self.assertIn("myfault+0x1634", frames)

    def test_tab_completes_trace_options_and_shift_tab_shows_its_help(self):
        code = "%trace 500 --pa"
        msg_id = self.kc.complete(code, len(code))
        matches = ks.shell_reply(self.kc, msg_id)["content"]["matches"]
        self.assertEqual(sorted(matches), ["--pair", "--patch"])
        msg_id = self.kc.inspect("%trace 500", cursor_pos=3)
        text = ks.shell_reply(self.kc, msg_id)["content"]["data"]["text/plain"]
        self.assertIn("%trace N [--timeout S] [--frames K] [--patch] [--pair] [--into VAR]", text)

    def test_bad_input_is_one_line_and_the_next_cell_works(self):
        reply, outputs, _ = ks.execute(self.kc, "%trace lots")
        self.assertEqual(reply["content"]["status"], "error")
        traceback = "\n".join(m for e in outputs if e["msg_type"] == "error" for m in e["content"]["traceback"])
        self.assertIn("N: expected an integer, got 'lots'", traceback)
        for marker in STACK_MARKERS:
            self.assertNotIn(marker, traceback)
        self.ok("1 + 1")


class X86InvestigationTests(InvestigationTests):
    """Issue #9: the same end-to-end tests against the 32-bit (x86) simulator, unchanged."""
    SIM = "sim:x86,rate=0"
    KERNEL_BASE = "kernel base 82800000"
    X86 = True

    def test_shown_addresses_are_eight_digit_as_windbg_prints_them_on_x86(self):
        self.connect_and_arm()
        html = self.html_result(self.ok("%trace 20"))
        threads = re.findall(r'<td style="text-align:right">([0-9a-f`]+)</td><td style="text-align:right">[0-9a-f`]+</td><td>nt[!+]', html)
        self.assertEqual(20, len(threads), html)
        self.assertTrue(all(re.fullmatch(r"[0-9a-f]{8}", t) for t in threads), threads)

    def test_thirty_load_symbols_stops_at_boot_attach_with_no_user_action(self):
        out = self.text(self.ok("%connect sim:x86,boot,drivers=28,rate=0"))
        self.assertIn(self.KERNEL_BASE, out)
        self.assertIn("30 modules: nt, myfault, simdrv01", out)
        self.assertIn("<caption>modules: 30 rows", self.html_result(self.ok("%lm")))

if __name__ == "__main__":
    unittest.main()


# Registered in the kernel's JVM: after the kernel's shutdown actions ran, write down what the
# simulator holds (PoolHitTag bytes, breakpoints set in it, whether we are still attached).
AFTER_SHUTDOWN = """
var sm = PoolHit.session().machine().orElseThrow();
var report = java.nio.file.Path.of("%s");
Runtime.getRuntime().addShutdownHook(new Thread(() -> {
    byte[] t = new byte[4];
    sm.readVirtual(sm.kernel().globals().poolHitTag(), t, 0, 4);
    try {
        java.nio.file.Files.writeString(report, dev.poolhit.common.Hex.bytes(t) + " " + sm.breakpointCount()
                + " " + PoolHit.session().connected());
    } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
    }
}));
"""


class ShutdownTests(unittest.TestCase):
    def test_kernel_shutdown_during_a_trace_leaves_the_target_restored(self):
        km, kc = ks.start()
        try:
            with tempfile.TemporaryDirectory() as tmp:
                report = os.path.join(tmp, "after-shutdown.txt")
                for code in ("import dev.poolhit.jupyter.investigate.PoolHit;", "%connect sim:rate=0", "%poolhittag Lea2",
                             AFTER_SHUTDOWN % report):
                    reply, outputs, _ = ks.execute(kc, code)
                    self.assertEqual(reply["content"]["status"], "ok", outputs)
                kc.execute("%trace 1000000 --patch")
                time.sleep(2.0)
                km.shutdown_kernel(now=False)
                with open(report) as f:
                    self.assertEqual(f.read(), "0fffffff 0 false")
        finally:
            kc.stop_channels()
            if km.is_alive():
                km.shutdown_kernel(now=True)
