"""Debian's jupyter_kernel_test suite against the installed PoolHit kernel.

Samples live in a plain mixin listed before KernelTests (jupyter-kernel.md 3.1): an intermediate
class deriving from KernelTests would itself be collected and run against "python3".
"""
import unittest

import jupyter_kernel_test

import kernel_session

TABLE = 'Table.create("t", StringColumn.create("k", "x", "y"), IntColumn.create("v", 1, 2))'


class PoolHitSamples:
    kernel_name = kernel_session.KERNEL_NAME
    language_name = "java"
    file_extension = ".java"

    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("to stderr");'
    code_generate_error = 'throw new IllegalStateException("boom");'

    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": '"PoolHit".length()', "result": "7"},
        {"code": "%lsmagic", "mime": "text/html"},
        {"code": TABLE, "mime": "text/html"},
        {"code": 'Charts.bar(%s, "k", "v")' % TABLE, "mime": "image/svg+xml"},
    ]
    code_display_data = [
        {"code": "display(%s);" % TABLE, "mime": "text/html"},
        {"code": 'display(Charts.barh(%s, "k", "v"));' % TABLE, "mime": "image/svg+xml"},
    ]

    completion_samples = [
        {"text": "%he", "matches": ["%help"]},
        {"text": "%lsm", "matches": ["%lsmagic"]},
        {"text": "%help lsm", "matches": ["lsmagic"]},
        {"text": "Math.ma", "matches": ["max("]},
        {"text": "StringCol", "matches": ["StringColumn"]},
    ]
    complete_code_samples = ["int x = 1;", "%help", "%lsmagic\nint y = 2;", "6 * 7"]
    incomplete_code_samples = ["for (int i = 0; i < 3; i++) {", "int f(int a) {\n  return a;", "int z = "]
    invalid_code_samples = ["int x = 1;)", "}"]

    code_inspect_sample = "Math.max"

    supported_history_operations = ("tail", "range", "search")
    code_history_pattern = "6 *"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        kernel_session.warm_up(cls.kc)


class PoolHitKernelTests(PoolHitSamples, jupyter_kernel_test.KernelTests):
    """The stock conformance tests, every optional one enabled that the kernel supports."""


if __name__ == "__main__":
    unittest.main()
