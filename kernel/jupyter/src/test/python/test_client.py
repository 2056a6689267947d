"""Behaviour jupyter_kernel_test does not cover, driven through jupyter_client 7.4.9."""
import json
import time
import unittest

from jupyter_kernel_test.msgspec_v5 import validate_message

import kernel_session as ks

STACK_MARKERS = (".java:", "at dev.poolhit", "at io.github", "Exception:", "\tat ")


class KernelClientTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = ks.start()

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel(now=True)

    def run_cell(self, code, timeout=ks.TIMEOUT):
        return ks.execute(self.kc, code, timeout)

    def assert_ok(self, code):
        reply, outputs, _ = self.run_cell(code)
        self.assertEqual(reply["content"]["status"], "ok", outputs)
        return outputs

    def errors_of(self, outputs):
        return [m for m in outputs if m["msg_type"] == "error"]

    def test_kernel_info_comm_info_and_history_replies_validate(self):
        msg_id = self.kc.kernel_info()
        reply = ks.shell_reply(self.kc, msg_id)
        validate_message(reply, "kernel_info_reply", msg_id)
        self.assertEqual(reply["content"]["implementation"], "poolhit")
        msg_id = self.kc.comm_info()
        validate_message(ks.shell_reply(self.kc, msg_id), "comm_info_reply", msg_id)
        msg_id = self.kc.history(hist_access_type="tail", n=3)
        validate_message(ks.shell_reply(self.kc, msg_id), "history_reply", msg_id)

    def test_shift_tab_on_a_magic_shows_its_help(self):
        msg_id = self.kc.inspect("%help lsmagic", cursor_pos=3)
        reply = ks.shell_reply(self.kc, msg_id)
        validate_message(reply, "inspect_reply", msg_id)
        self.assertTrue(reply["content"]["found"])
        self.assertTrue(reply["content"]["data"]["text/plain"].startswith("%lsmagic\n"))

    def test_interrupt_stops_a_sleeping_cell(self):
        self.interrupt_and_recover("Thread.sleep(120_000);")

    def test_interrupt_stops_a_busy_loop(self):
        self.interrupt_and_recover("long n = 0; while (true) { n++; }")

    def interrupt_and_recover(self, code):
        msg_id = self.kc.execute(code)
        time.sleep(1.0)
        started = time.monotonic()
        reply = ks.control_request(self.kc, "interrupt_request", {})
        validate_message(reply, "interrupt_reply", reply["parent_header"]["msg_id"])
        reply = ks.shell_reply(self.kc, msg_id, timeout=5)
        self.assertLess(time.monotonic() - started, 5.0)
        self.assertEqual(reply["content"]["status"], "error")
        outputs = ks.iopub_for(self.kc, msg_id)
        self.assertEqual(len(self.errors_of(outputs)), 1)
        self.assertEqual(self.assert_ok("1 + 1")[0]["content"]["data"]["text/plain"], "2")

    def test_stack_overflow_gives_error_reply_and_kernel_stays_alive(self):
        reply, outputs, _ = self.run_cell("int down(int n) { return down(n + 1) + 1; }\ndown(0);")
        self.assertEqual(reply["content"]["status"], "error")
        errors = self.errors_of(outputs)
        self.assertEqual(len(errors), 1)
        self.assertIn("StackOverflowError", errors[0]["content"]["traceback"][0])
        self.assert_ok('System.out.println("still here");')

    def test_ten_thousand_lines_arrive_complete_in_few_messages(self):
        outputs = self.assert_ok('for (int i = 0; i < 10_000; i++) System.out.println("line " + i);')
        streams = [m for m in outputs if m["msg_type"] == "stream"]
        text = "".join(m["content"]["text"] for m in streams)
        self.assertEqual(text.splitlines(), ["line %d" % i for i in range(10_000)])
        self.assertLess(len(streams), 200)

    def test_table_with_missing_values_renders_without_nan_in_json(self):
        outputs = self.assert_ok(
            'Table.create("gaps", DoubleColumn.create("d", 1.5, Double.NaN, 3.0),'
            ' StringColumn.create("s", "a", null, "<b>"))')
        self.assertFalse(self.errors_of(outputs))
        result = [m for m in outputs if m["msg_type"] == "execute_result"][0]
        json.dumps(result["content"], allow_nan=False)  # raises ValueError on NaN/Infinity
        html = result["content"]["data"]["text/html"]
        self.assertIn("<caption>gaps: 3 rows × 2 columns</caption>", html)
        self.assertIn("&lt;b&gt;", html)
        self.assertNotIn("NaN", html)

    def test_chart_with_missing_values_renders_svg(self):
        outputs = self.assert_ok(
            'Charts.line(Table.create("c", IntColumn.create("x", 1, 2, 3),'
            ' DoubleColumn.create("y", 1.0, Double.NaN, 2.0)), "x", "y")')
        svg = outputs[-1]["content"]["data"]["image/svg+xml"]
        self.assertTrue(svg.startswith("<svg"))
        json.dumps(outputs[-1]["content"], allow_nan=False)

    def test_exactly_one_error_message_per_failing_cell(self):
        for code in ['throw new RuntimeException("x");', "int broken = ;", "%nosuchmagic",
                     "%help --bogus", "undefinedVariable + 1", '%help\nint a = "text";', "%%nosuch",
                     "%%nosuch --x\nbody", "%help 'unterminated"]:
            with self.subTest(code=code):
                reply, outputs, _ = self.run_cell(code)
                self.assertEqual(reply["content"]["status"], "error")
                self.assertEqual([m["msg_type"] for m in outputs].count("error"), 1, outputs)

    def test_unknown_magic_is_short_and_suggests(self):
        reply, outputs, _ = self.run_cell("%lsmagik")
        error = self.errors_of(outputs)[0]["content"]
        self.assertEqual(error["evalue"], "unknown magic %lsmagik (did you mean %lsmagic?)")
        self.assert_short(error["traceback"])

    def test_bad_magic_arguments_show_message_and_usage_only(self):
        reply, outputs, _ = self.run_cell("%help one two")
        error = self.errors_of(outputs)[0]["content"]
        self.assertEqual(error["evalue"], "%help takes at most 1 argument, got 2")
        self.assertEqual(error["traceback"][-1], "usage: %help [MAGIC]")
        self.assert_short(error["traceback"])

    def assert_short(self, traceback):
        self.assertLessEqual(len(traceback), 3, traceback)
        for line in traceback:
            for marker in STACK_MARKERS:
                self.assertNotIn(marker, line)

    def test_busy_idle_bracket_every_request(self):
        msg_id = self.kc.execute('System.out.println("bracketed");')
        reply = ks.shell_reply(self.kc, msg_id)
        msgs = ks.iopub_for(self.kc, msg_id)
        self.assertEqual(msgs[0]["msg_type"], "status")
        self.assertEqual(msgs[0]["content"]["execution_state"], "busy")
        self.assertEqual(msgs[-1]["content"]["execution_state"], "idle")
        execute_input = [m for m in msgs if m["msg_type"] == "execute_input"][0]
        self.assertEqual(execute_input["content"]["execution_count"], reply["content"]["execution_count"])
        for m in msgs:
            validate_message(m, m["msg_type"], msg_id)

    def test_update_display_data_replaces_a_display(self):
        outputs = self.assert_ok('var progress = display("step 1");\nprogress.update("step 2");\n'
                                 'updateDisplay(progress, "done");')
        shown = [m for m in outputs if m["msg_type"] == "display_data"]
        updates = [m for m in outputs if m["msg_type"] == "update_display_data"]
        self.assertEqual(len(shown), 1)
        self.assertEqual(len(updates), 2)
        display_id = shown[0]["content"]["transient"]["display_id"]
        self.assertEqual({u["content"]["transient"]["display_id"] for u in updates}, {display_id})
        self.assertEqual(updates[-1]["content"]["data"]["text/plain"], "done")
        self.assertFalse([m for m in outputs if m["msg_type"] == "execute_result"])

    def test_stdin_round_trip_and_clean_error_without_stdin(self):
        msg_id = self.kc.execute('var typed = new Scanner(System.in).nextLine();\ntyped.toUpperCase()',
                                 allow_stdin=True)
        request = self.kc.get_stdin_msg(timeout=ks.TIMEOUT)
        self.assertEqual(request["msg_type"], "input_request")
        self.kc.input("lea2")
        self.assertEqual(ks.shell_reply(self.kc, msg_id)["content"]["status"], "ok")
        result = [m for m in ks.iopub_for(self.kc, msg_id) if m["msg_type"] == "execute_result"]
        self.assertEqual(result[0]["content"]["data"]["text/plain"], "LEA2")
        msg_id = self.kc.execute("new Scanner(System.in).nextLine()", allow_stdin=False)
        reply = ks.shell_reply(self.kc, msg_id)
        outputs = ks.iopub_for(self.kc, msg_id)
        self.assertEqual(reply["content"]["status"], "error")
        self.assertEqual(self.errors_of(outputs)[0]["content"]["traceback"][0],
                         "\x1b[0;31mjava.util.NoSuchElementException: No line found\x1b[0m")

    def test_magic_and_java_share_one_cell_and_variables_persist(self):
        self.assert_ok("var shared = new ArrayList<String>();\nshared.add(\"a\");")
        outputs = self.assert_ok("%lsmagic\nshared.size()")
        self.assertEqual(outputs[-1]["content"]["data"]["text/plain"], "1")


class ShutdownTests(unittest.TestCase):
    def test_shutdown_request_ends_the_process_quickly(self):
        km, kc = ks.start()
        try:
            ks.execute(kc, "1")
            reply = ks.control_request(kc, "shutdown_request", {"restart": False})
            validate_message(reply, "shutdown_reply", reply["parent_header"]["msg_id"])
            process = km.provisioner.process
            deadline = time.monotonic() + 5
            while process.poll() is None and time.monotonic() < deadline:
                time.sleep(0.1)
            self.assertIsNotNone(process.poll(), "kernel process still alive 5 s after shutdown_reply")
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)


if __name__ == "__main__":
    unittest.main()
