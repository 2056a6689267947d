"""A handful of rows of src/test/resources/bad-arguments.table (the table BadArgumentsTest runs in
full, in-process) end to end through jupyter_client: the error is the row's one-line title plus,
for usage errors, the usage line; no Java stack trace or exception class name in any output; and
the kernel evaluates the next cell."""
import os
import re
import unittest

import kernel_session as ks

TABLE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "bad-arguments.table")
JAVA_INTERNALS = re.compile(r"\b[A-Z]\w*(Exception|Error)\b|\bat [\w$.]+\(|\.java:\d+"
                            r"|\b(java|javax|jdk|sun|dev\.poolhit)\.[a-z]")
ANSI = re.compile(r"\x1b\[[0-9;]*m")

# One row per kind of bad argument, as the table spells the cells; none needs files or a target.
CELLS = [
    "%trace 5 --timout 3",                  # unknown option
    "%db",                                  # missing argument
    "%connect sim sim",                     # too many arguments
    "%trace many",                          # malformed number
    "%trace 99999999999999999999",          # overflowing number
    "%db 12345678901234567",                # bad hex address (17 digits)
    "%dd 1000 L4000000000000000",           # bad length
    "%poolhittag 0x1",                      # bad tag
    "%connect tcp:localhost:70000",         # bad connect spec
    "%trace 5 --pair --pair",               # option given twice
    "%load 'a b",                           # unterminated quote
    '%save ""',                             # empty argument
    r"%trace \u202e5",                      # unicode junk (a right-to-left override)
    "%k",                                   # needs a connection
    "%leaks",                               # needs a trace
]


def unescape(cell):
    return re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), cell)


def table_rows():
    """{cell as written: (kind, state, expected, detail)} for every row of the table."""
    rows = {}
    with open(TABLE, encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                kind, state, cell, expected, detail = [c.strip() for c in line.split("|", 4)]
                rows.setdefault(cell, (kind, state, expected, detail))
    return rows


class BadArgumentTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.rows = table_rows()
        cls.km, cls.kc = ks.start()

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel(now=True)

    def test_picked_rows_are_in_the_table_for_a_fresh_kernel(self):
        for cell in CELLS:
            self.assertIn(cell, self.rows)
            self.assertEqual(self.rows[cell][1], "none", cell)

    def test_each_bad_argument_is_one_short_message_and_the_kernel_stays_usable(self):
        for cell in CELLS:
            with self.subTest(cell=cell):
                _, _, expected, detail = self.rows[cell]
                reply, outputs, iopub = ks.execute(self.kc, unescape(cell))
                self.assertEqual(reply["content"]["status"], "error", outputs)
                errors = [m["content"] for m in outputs if m["msg_type"] == "error"]
                self.assertEqual(len(errors), 1, outputs)
                self.assertEqual(reply["content"]["ename"], errors[0]["ename"])
                inputs = [m["content"]["execution_count"] for m in iopub if m["msg_type"] == "execute_input"]
                self.assertEqual([reply["content"]["execution_count"]], inputs)
                self.assert_traceback(errors[0], cell, expected, detail)
                self.assert_no_java_internals(errors[0], outputs)
                self.assert_usable()

    def assert_traceback(self, error, cell, expected, detail):
        lines = [ANSI.sub("", line) for line in error["traceback"]]
        self.assertEqual(lines[0], expected)
        self.assertEqual(error["ename"] + ": " + error["evalue"], expected)
        if detail == "usage":
            magic = cell.split()[0]
            self.assertEqual(len(lines), 2, lines)
            self.assertTrue(lines[1] == "usage: " + magic or lines[1].startswith("usage: " + magic + " "), lines)
        elif detail == "-":
            self.assertEqual(len(lines), 1, lines)
        else:
            self.assertEqual(lines[1:], [detail])

    def assert_no_java_internals(self, error, outputs):
        texts = [error["evalue"]] + [ANSI.sub("", line) for line in error["traceback"][1:]]
        texts += [m["content"]["text"] for m in outputs if m["msg_type"] == "stream"]
        texts += [m["content"]["data"].get("text/plain", "") for m in outputs
                  if m["msg_type"] in ("display_data", "execute_result")]
        for text in texts:
            self.assertIsNone(JAVA_INTERNALS.search(text), text)

    def assert_usable(self):
        self.assertTrue(self.km.is_alive())
        reply, outputs, _ = ks.execute(self.kc, "1 + 1")
        self.assertEqual(reply["content"]["status"], "ok", outputs)
        results = [m["content"]["data"]["text/plain"] for m in outputs if m["msg_type"] == "execute_result"]
        self.assertEqual(results, ["2"])


if __name__ == "__main__":
    unittest.main()
