"""Every notebook in notebooks/ executes headless through the installed kernelspec, exactly as
install/setup.sh runs it (jupyter nbconvert --execute); the kernel tour's outputs are checked."""
import os
import pathlib
import subprocess
import tempfile
import unittest

import nbformat

import kernel_session

REPO = pathlib.Path(os.environ.get("POOLHIT_REPO", pathlib.Path(__file__).resolve().parents[5]))
NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))


def execute(notebook, out_dir):
    """Runs nbconvert on notebook and returns the executed copy, read back."""
    subprocess.run(
        ["jupyter", "nbconvert", "--to", "notebook", "--execute", str(notebook),
         "--ExecutePreprocessor.kernel_name=" + kernel_session.KERNEL_NAME,
         "--ExecutePreprocessor.timeout=600", "--output-dir", out_dir],
        check=True, stdin=subprocess.DEVNULL, capture_output=True)
    return nbformat.read(os.path.join(out_dir, notebook.name), as_version=4)


def outputs_with(nb, mime):
    return [o for c in nb.cells if c.cell_type == "code" for o in c.outputs
            if mime in o.get("data", {})]


class NotebookTests(unittest.TestCase):
    def test_every_notebook_executes(self):
        self.assertTrue(NOTEBOOKS, "no notebooks found in %s" % (REPO / "notebooks"))
        for notebook in NOTEBOOKS:
            with self.subTest(notebook=notebook.name), tempfile.TemporaryDirectory() as out:
                nb = execute(notebook, out)
                errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs
                          if o.output_type == "error"]
                self.assertEqual(errors, [])

    def test_kernel_tour_shows_a_table_and_a_chart(self):
        with tempfile.TemporaryDirectory() as out:
            nb = execute(REPO / "notebooks" / "00-kernel-tour.ipynb", out)
        tables = outputs_with(nb, "text/html")
        self.assertTrue(any("<caption>allocations: 7 rows × 3 columns</caption>" in o["data"]["text/html"]
                            for o in tables))
        charts = outputs_with(nb, "image/svg+xml")
        self.assertEqual(len(charts), 1)
        svg = charts[0]["data"]["image/svg+xml"]
        self.assertIn("bytes allocated per call site", svg)
        self.assertEqual(svg.count('<rect class="bar"'), 4)

    def test_committed_kernel_tour_has_its_outputs(self):
        nb = nbformat.read(REPO / "notebooks" / "00-kernel-tour.ipynb", as_version=4)
        self.assertTrue(outputs_with(nb, "text/html"))
        self.assertTrue(outputs_with(nb, "image/svg+xml"))


if __name__ == "__main__":
    unittest.main()
