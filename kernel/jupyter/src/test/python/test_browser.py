"""Notebook 01 runs through the classic Notebook UI: Debian's jupyter-notebook serves a copy of
notebooks/ on 127.0.0.1 with a token and the test kernelspec; headless Debian chromium, driven
over the DevTools protocol (kernel/jupyter/src/test/browser/cdp_client.py), clears the outputs,
clicks Kernel > Restart & Run All and confirms; the page must then show tables and SVG charts and
no error. The screenshot is kept ($POOLHIT_SCREENSHOT_DIR, default the temp dir) for a person to
look at. Skips, saying why, where chromium or jupyter-notebook is missing."""
import json
import os
import pathlib
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.request
import base64

import kernel_session

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "browser"))
import cdp_client  # noqa: E402

REPO = pathlib.Path(os.environ.get("POOLHIT_REPO", pathlib.Path(__file__).resolve().parents[5]))
NOTEBOOK = "01-poolhittag-walkthrough.ipynb"
RUN_TIMEOUT = 600

CODE_CELLS = "Jupyter.notebook.get_cells().filter(c => c.cell_type === 'code')"
DONE = """(() => {
  const cells = %s;
  const last = cells[cells.length - 1];
  // an error stops Run All, so it ends the wait too (the assertions then show the error)
  return document.querySelector('#notebook-container .output_area .output_error') !== null
      || (!cells.some(c => c.input_prompt_number === '*')
          && /disconnected from sim/.test(last.output_area.element.text()));
})()""" % CODE_CELLS
OUTPUTS = """(() => {
  const area = document.querySelector('#notebook-container');
  return {
    tables: area.querySelectorAll('.output_area table').length,
    svgs: area.querySelectorAll('.output_area svg').length,
    errors: Array.from(area.querySelectorAll('.output_area .output_error')).map(e => e.innerText),
    captions: Array.from(area.querySelectorAll('.output_area table caption')).map(c => c.innerText),
    chart_titles: Array.from(area.querySelectorAll('.output_area svg text.title')).map(t => t.textContent),
    executed: %s.every(c => typeof c.input_prompt_number === 'number'),
  };
})()""" % CODE_CELLS
# Brings the per-stack summary table and the chart below it into the viewport for the screenshot.
SHOW_TABLE_AND_CHART = """(() => {
  const caption = Array.from(document.querySelectorAll('.output_area table caption'))
      .find(c => c.innerText.startsWith('hits summary'));
  caption.closest('.cell').scrollIntoView({block: 'start'});
  return true;
})()"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def notebook_copy(directory):
    """notebooks/01 and its data in directory, bound to the kernelspec under test."""
    shutil.copytree(REPO / "notebooks" / "data", directory / "data")
    nb = json.loads((REPO / "notebooks" / NOTEBOOK).read_text())
    nb["metadata"]["kernelspec"]["name"] = kernel_session.KERNEL_NAME
    (directory / NOTEBOOK).write_text(json.dumps(nb))


class NotebookServer:
    """jupyter-notebook on 127.0.0.1:port with a token, serving directory; a context manager."""

    def __init__(self, directory, state_dir):
        self.directory = directory
        self.state = state_dir
        self.port = free_port()
        self.token = secrets.token_hex(16)
        self.process = None

    def __enter__(self):
        env = dict(os.environ, JUPYTER_CONFIG_DIR=str(self.state / "config"),
                   JUPYTER_RUNTIME_DIR=str(self.state / "runtime"), BROWSER="true")
        args = ["jupyter-notebook", "--no-browser", "--ip=127.0.0.1", "--port=%d" % self.port,
                "--port-retries=0", "--NotebookApp.token=" + self.token,
                "--notebook-dir=" + str(self.directory)]
        if os.geteuid() == 0:
            args.append("--allow-root")
        self.log = open(self.state / "notebook.log", "wb")
        self.process = subprocess.Popen(args, env=env, stdin=subprocess.DEVNULL, stdout=self.log,
                                        stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(self.url("api/status"), timeout=5):
                    return self
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    self.__exit__()
                    raise AssertionError("jupyter-notebook did not start: " + (self.state / "notebook.log").read_text())
                time.sleep(0.3)

    def __exit__(self, *exc):
        if self.process.poll() is None:
            self.process.terminate()  # shuts its kernels down too
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()

    def url(self, path):
        return "http://127.0.0.1:%d/%s?token=%s" % (self.port, path, self.token)


class BrowserTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        reason = cdp_client.available()
        if reason is None and shutil.which("jupyter-notebook") is None:
            reason = "jupyter-notebook not found: install Debian's jupyter-notebook"
        if reason:
            raise unittest.SkipTest(reason)

    def test_restart_and_run_all_renders_tables_and_charts(self):
        with tempfile.TemporaryDirectory() as tmp:
            tmp = pathlib.Path(tmp)
            (tmp / "nb").mkdir()
            (tmp / "profile").mkdir()
            notebook_copy(tmp / "nb")
            with NotebookServer(tmp / "nb", tmp) as server, cdp_client.Chromium(tmp / "profile") as browser:
                page = cdp_client.Page(browser.page_websocket())
                try:
                    outputs, png = self.run_all(page, server.url("notebooks/" + NOTEBOOK))
                finally:
                    page.close()
        shot = pathlib.Path(os.environ.get("POOLHIT_SCREENSHOT_DIR", tempfile.gettempdir())) / "poolhit-notebook-01.png"
        shot.write_bytes(png)
        print("\nscreenshot: %s" % shot, file=sys.stderr)
        self.assertEqual(outputs["errors"], [])
        self.assertTrue(outputs["executed"], "every code cell ran")
        self.assertEqual(outputs["tables"], 5, outputs["captions"])
        self.assertIn("hits: 100 rows × 12 columns", outputs["captions"])
        self.assertIn("stacks: 2 rows × 6 columns", outputs["captions"])
        self.assertEqual(outputs["svgs"], 1)
        self.assertEqual(outputs["chart_titles"], ["Lea2 hits per stack"])
        self.assertEqual(png[:8], b"\x89PNG\r\n\x1a\n")

    def run_all(self, page, url):
        """Opens the notebook, clears it, runs Kernel > Restart & Run All; (DOM summary, PNG bytes)."""
        page.send("Emulation.setDeviceMetricsOverride", width=1280, height=1500, deviceScaleFactor=1, mobile=False)
        page.send("Page.navigate", url=url)
        page.wait_for("window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel"
                      " && Jupyter.notebook.kernel.is_connected() && document.querySelector('#restart_run_all') !== null",
                      120, "the notebook page and its kernel")
        page.evaluate("document.querySelector('#clear_all_output a').click(); true")
        cleared = page.evaluate(OUTPUTS)
        self.assertEqual((cleared["tables"], cleared["svgs"]), (0, 0), "committed outputs cleared before the run")
        page.evaluate("document.querySelector('#kernellink').click();"
                      " document.querySelector('#restart_run_all a').click(); true")
        page.wait_for("(() => { const b = document.querySelector('.modal-dialog .modal-footer button.btn-danger');"
                      " if (b) { b.click(); } return b !== null; })()", 30, "the Restart & Run All confirmation")
        page.wait_for(DONE, RUN_TIMEOUT, "every cell of %s to run" % NOTEBOOK)
        outputs = page.evaluate(OUTPUTS)
        page.evaluate(SHOW_TABLE_AND_CHART)
        time.sleep(0.5)  # one frame for the scroll to paint
        png = base64.b64decode(page.send("Page.captureScreenshot", format="png")["data"])
        return outputs, png


if __name__ == "__main__":
    unittest.main()
