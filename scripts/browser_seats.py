"""Drive browser seats with Playwright and Debian's Chromium (never a downloaded browser): for the tests and the load test.

A ``BrowserSeat`` opens a seat page, reads what the app sends to the page's terminal (the websocket
frames, escape sequences removed) and types keys into it. ``launch`` starts headless Chromium from
``/usr/bin/chromium`` with the arguments a test machine needs (no sandbox as root, no GPU, no network
beyond the page).
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    # no WebGL in software (SwiftShader): the page's terminal paints with its 2D canvas renderer;
    # the WebGL context it would otherwise create costs each page's renderer about half its CPU
    "--disable-software-rasterizer",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
_ESCAPES = re.compile(
    r"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[=>78]"
)


def launch(playwright: Any) -> Any:
    """Headless Chromium from Debian's package."""
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)


def plain(raw: str) -> str:
    """Terminal output without its escape sequences."""
    return _ESCAPES.sub("", raw)


class BrowserSeat:
    """One seat page in its own browser context: what the terminal received, and keys typed into it."""

    def __init__(self, browser: Any, url: str, *, width: int = 1400, height: int = 900) -> None:
        self.context = browser.new_context(viewport={"width": width, "height": height})
        self.page = self.context.new_page()
        self.received: list[str] = []
        self.page.on("websocket", self._watch)
        self.page.goto(url)

    def _watch(self, websocket: Any) -> None:
        websocket.on("framereceived", self._frame)

    def _frame(self, payload: Any) -> None:
        if isinstance(payload, bytes):
            payload = payload.decode("utf-8", errors="replace")
        self.received.append(payload)

    def screen_text(self) -> str:
        """Everything the app sent so far, escape sequences removed, as one string."""
        return plain("".join(self.received))

    def mark(self) -> int:
        """A position in the output: ``wait_for`` after it looks only at what came later."""
        return len(self.received)

    def wait_for(self, pattern: str, *, after: int = 0, timeout: float = 60.0) -> float:
        """Wait until ``pattern`` (a regex) appears in the output after ``after``; the seconds it took."""
        start = time.monotonic()
        compiled = re.compile(pattern)
        while time.monotonic() - start < timeout:
            if compiled.search(plain("".join(self.received[after:]))):
                return time.monotonic() - start
            self.page.wait_for_timeout(50)
        raise TimeoutError(f"{pattern!r} not seen within {timeout} s")

    def type(self, text: str) -> None:
        self.focus()
        self.page.keyboard.type(text)

    def focus(self) -> None:
        """Give the terminal the keyboard (without a click, which the app would take as a mouse click)."""
        self.page.locator(".xterm-helper-textarea").focus()

    def press(self, key: str) -> None:
        self.focus()
        self.page.keyboard.press(key)

    def close(self) -> None:
        self.context.close()


def wait_listening(port: int, timeout: float = 30.0) -> None:
    """Wait until something listens on ``127.0.0.1:port`` (a seat's server has started)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise TimeoutError(f"port {port} not listening")


def free_port_block(count: int) -> int:
    """The first of ``count`` consecutive free local ports (seat k listens on first + k - 1)."""
    for _ in range(50):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            base = probe.getsockname()[1]
        if base + count < 65000 and all(_free(base + k) for k in range(count)):
            return base
    raise RuntimeError("no free ports")


def _free(port: int) -> bool:
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def start_centre(
    store: str, seats: int, port: int, code: str, **popen: Any
) -> subprocess.Popen[Any]:
    """``callsim centre serve`` of the practice épreuve on ``seats`` seats from ``port``, on ``store``,
    with ``code`` as the invigilator's code (``popen``: how its output is kept, its session)."""
    command = [
        sys.executable,
        "-m",
        "simulator",
        "centre",
        "serve",
        "--epreuve",
        "practice",
        "--seats",
        str(seats),
        "--port",
        str(port),
        "--store",
        store,
    ]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "CALLSIM_INVIGILATOR_CODE": code}
    return subprocess.Popen(command, env=env, cwd=ROOT, **popen)
