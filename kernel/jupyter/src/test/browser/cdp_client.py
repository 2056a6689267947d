"""A tiny Chrome DevTools Protocol client for the browser check: headless Debian chromium, one
page, commands over the page's websocket (tornado, which Debian's Jupyter already depends on).

No npm, no downloads: the browser is /usr/bin/chromium, started with a fresh profile and
--remote-debugging-port=0; the port it picked is read from DevToolsActivePort in the profile.
"""
import asyncio
import itertools
import json
import os
import pathlib
import subprocess
import time
import urllib.request

from tornado.websocket import websocket_connect

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run",
         "--disable-dev-shm-usage",  # containers often have a tiny /dev/shm
         "--remote-debugging-port=0", "--remote-allow-origins=*"]


class BrowserError(Exception):
    """The browser did not start, or a DevTools command failed."""


class Chromium:
    """A headless chromium with its own profile under profile_dir; use as a context manager."""

    def __init__(self, profile_dir, startup_timeout=60):
        self.profile = pathlib.Path(profile_dir)
        self.startup_timeout = startup_timeout
        self.process = None
        self.port = None

    def __enter__(self):
        log = open(self.profile.parent / "chromium.log", "wb")
        self.process = subprocess.Popen(
            [CHROMIUM, *FLAGS, "--user-data-dir=" + str(self.profile), "about:blank"],
            stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)
        log.close()
        active = self.profile / "DevToolsActivePort"
        deadline = time.monotonic() + self.startup_timeout
        while not (active.is_file() and active.read_text().strip()):
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.close()
                raise BrowserError("chromium did not open its DevTools port within %ds (exit %s); see %s"
                                   % (self.startup_timeout, self.process.returncode, self.profile.parent / "chromium.log"))
            time.sleep(0.2)
        self.port = int(active.read_text().split()[0])
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def page_websocket(self):
        """The DevTools websocket URL of the first page (the about:blank tab chromium opened)."""
        with urllib.request.urlopen("http://127.0.0.1:%d/json/list" % self.port, timeout=10) as reply:
            targets = json.load(reply)
        pages = [t for t in targets if t.get("type") == "page"]
        if not pages:
            raise BrowserError("no page target among %r" % [t.get("type") for t in targets])
        return pages[0]["webSocketDebuggerUrl"]


class Page:
    """Sends DevTools commands to one page and waits for their replies (events are ignored)."""

    def __init__(self, websocket_url):
        self.url = websocket_url
        self.ids = itertools.count(1)
        self.loop = asyncio.new_event_loop()
        self.socket = self.loop.run_until_complete(self._connect())

    async def _connect(self):
        return await websocket_connect(self.url, max_message_size=64 << 20)

    def close(self):
        self.socket.close()
        self.loop.close()

    def send(self, method, timeout=60, **params):
        return self.loop.run_until_complete(asyncio.wait_for(self._send(method, params), timeout))

    async def _send(self, method, params):
        msg_id = next(self.ids)
        await self.socket.write_message(json.dumps({"id": msg_id, "method": method, "params": params}))
        while True:
            text = await self.socket.read_message()
            if text is None:
                raise BrowserError("DevTools socket closed while waiting for %s" % method)
            message = json.loads(text)
            if message.get("id") == msg_id:
                if "error" in message:
                    raise BrowserError("%s failed: %s" % (method, message["error"]))
                return message.get("result", {})

    def evaluate(self, expression, timeout=60):
        """The JSON value of a JavaScript expression in the page (promises are awaited)."""
        result = self.send("Runtime.evaluate", timeout=timeout, expression=expression,
                           returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise BrowserError("script failed: %s" % json.dumps(result["exceptionDetails"])[:500])
        return result["result"].get("value")

    def wait_for(self, expression, timeout, what):
        """Polls expression until it is truthy; returns its value."""
        deadline = time.monotonic() + timeout
        while True:
            value = self.evaluate(expression)
            if value:
                return value
            if time.monotonic() > deadline:
                raise BrowserError("timed out after %ds waiting for %s" % (timeout, what))
            time.sleep(0.5)


def available():
    """None when the browser check can run here, else the reason it cannot."""
    if not os.access(CHROMIUM, os.X_OK):
        return "%s not found: install Debian's chromium (install/debian-packages.txt lists it)" % CHROMIUM
    return None
