"""Benchmarks of what a person waits for when starting callsim, from outside, in paired runs.

- **first frame**: ``python -m simulator practice`` (the console script's code path) on a
  pseudo-terminal, from starting the process to the sign-in screen's first painted frame, versus a
  bare Textual app (one text and a footer) started through its own script on a pseudo-terminal.
  The app says when its frame is painted through ``CALLSIM_READY_MARKER`` (``simulator.app.ready_marker``).
- **épreuve ready**: the same start until the practice épreuve is loaded and shown, with the
  compiled-épreuve cache warm, then cold (an empty cache folder each time), versus the bare frame;
  and cold versus no cache at all (what writing the entry costs).
- **--version / --help**: ``python -m simulator --version`` (and ``--help``) versus ``python -c pass``.

Each pair runs ours and the baseline one after the other, the order alternating; the ratio of each
pair is kept and the minimum and the median of those ratios are reported.

Every process measured here runs with its modules' bytecode cached, as an installed callsim has it
(pip compiles it on installing; Textual's is there already), even where the environment turns the
writing of bytecode off (``PYTHONDONTWRITEBYTECODE``): the cache is kept outside the source tree
(``PYTHONPYCACHEPREFIX``) and filled by the warm-up run of each measure. Without it a source
checkout would compile callsim's modules on every start and the bare app's never.
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
#: Where the measured processes keep their bytecode (reused from run to run, like an installation's).
BYTECODE = Path(tempfile.gettempdir()) / "callsim-bench-bytecode"

_BARE = """
import os, time
from textual.app import App
from textual.widgets import Footer, Static

def painted():
    with open(os.environ["CALLSIM_READY_MARKER"], "a") as out:
        out.write(f"frame {time.monotonic():.6f}\\n")

class Bare(App):
    def compose(self):
        yield Static("callsim")
        yield Footer()

    def on_mount(self):
        self.call_after_refresh(painted)  # right after the first frame, as callsim's marker

Bare().run()
"""


def _env(marker: Path, **extra: str) -> dict[str, str]:
    env = dict(
        os.environ,
        TERM="xterm-256color",
        COLUMNS="120",
        LINES="40",
        CALLSIM_READY_MARKER=str(marker),
        PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]).rstrip(
            os.pathsep
        ),
    )
    env.update(extra)
    return env


def _with_bytecode(env: dict[str, str]) -> dict[str, str]:
    """``env`` where Python writes and reads its bytecode cache (in ``BYTECODE``), as an installation has it."""
    env = {name: value for name, value in env.items() if name != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(BYTECODE)
    return env


def _mark_time(marker: Path, moment: str) -> float | None:
    try:
        for line in marker.read_text(encoding="utf-8").splitlines():
            name, _, at = line.partition(" ")
            if name == moment:
                return float(at)
    except OSError:
        return None
    return None


def on_pty(argv: list[str], moment: str, **extra: str) -> float:
    """Seconds from starting ``argv`` on a 120×40 pseudo-terminal to its mark ``moment``; then kill it."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    with tempfile.TemporaryDirectory() as scratch:
        marker = Path(scratch) / "marks"
        env = _with_bytecode(
            _env(marker, CALLSIM_STORE=str(Path(scratch) / "journal.sqlite3"), **extra)
        )
        start = time.monotonic()
        process = subprocess.Popen(
            argv,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            cwd=scratch,
            start_new_session=True,
        )
        os.close(slave)
        try:
            at = _wait_for(marker, moment, master, process)
        finally:
            process.kill()
            process.wait(timeout=30)
            os.close(master)
    return at - start


def _wait_for(marker: Path, moment: str, master: int, process: subprocess.Popen[bytes]) -> float:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        readable, _, _ = select.select([master], [], [], 0.002)
        if readable:
            try:
                os.read(
                    master, 65536
                )  # the terminal's output, drained so the app never blocks writing
            except OSError:
                pass
        at = _mark_time(marker, moment)
        if at is not None:
            return at
        if process.poll() is not None:
            raise RuntimeError(
                f"{process.args} ended before '{moment}' (exit {process.returncode})"
            )
    raise RuntimeError(f"{process.args} did not reach '{moment}' within 60 s")


def run_on_pty(argv: list[str], timeout: float = 3600) -> float:
    """Seconds ``argv`` takes to run to its end on a 120×40 pseudo-terminal (its output drained and dropped)."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    start = time.monotonic()
    process = subprocess.Popen(
        argv,
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=_env(Path(os.devnull)),
        cwd=ROOT,
        start_new_session=True,
    )
    os.close(slave)
    try:
        while process.poll() is None:
            if time.monotonic() - start > timeout:
                raise RuntimeError(f"{argv} did not end within {timeout} s")
            readable, _, _ = select.select([master], [], [], 0.05)
            if readable:
                try:
                    os.read(master, 65536)
                except OSError:
                    pass
        elapsed = time.monotonic() - start
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=30)
        os.close(master)
    if process.returncode != 0:
        raise RuntimeError(f"{argv} ended with exit {process.returncode}")
    return elapsed


def _command_time(argv: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(
        argv,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=_with_bytecode(_env(Path(os.devnull))),
        check=True,
        cwd=ROOT,
    )
    return time.perf_counter() - start


def paired(ours: Any, baseline: Any, pairs: int) -> dict[str, Any]:
    """Run ``pairs`` pairs (order alternating, one warm-up each first); min and median of the ratios."""
    ours(), baseline()
    ratios, ours_s, base_s = [], [], []
    for index in range(pairs):
        if index % 2:
            b, o = baseline(), ours()
        else:
            o, b = ours(), baseline()
        ours_s.append(o)
        base_s.append(b)
        ratios.append(o / b)
    return {
        "ours_s": statistics.median(ours_s),
        "baseline_s": statistics.median(base_s),
        "ratio": statistics.median(ratios),
        "ratio_min": min(ratios),
        "pairs": pairs,
    }


def _practice(moment: str, **extra: str) -> Any:
    return lambda: on_pty([sys.executable, "-m", "simulator", "practice"], moment, **extra)


def bench_startup(pairs: int = 5) -> list[dict[str, Any]]:
    """First frame, épreuve ready (warm and cold cache), ``--version`` and ``--help``."""
    with tempfile.TemporaryDirectory() as scratch:
        bare_script = Path(scratch) / "bare_app.py"
        bare_script.write_text(_BARE, encoding="utf-8")
        bare = lambda: on_pty([sys.executable, str(bare_script)], "frame")  # noqa: E731
        warm = str(Path(scratch) / "cache")
        counter = iter(range(10**6))

        def cold() -> Any:
            return _practice(
                "ready", CALLSIM_CACHE_DIR=str(Path(scratch) / f"cold{next(counter)}")
            )()

        results = [
            {
                "name": "first frame: callsim practice vs a bare Textual app (pty)",
                "target": 1.2,
                **paired(_practice("frame", CALLSIM_CACHE_DIR=warm), bare, pairs),
            },
            {
                "name": "épreuve ready (warm cache) vs a bare Textual app's first frame",
                "target": 1.5,
                **paired(_practice("ready", CALLSIM_CACHE_DIR=warm), bare, pairs),
            },
            {
                "name": "épreuve ready (cold cache) vs a bare Textual app's first frame",
                "target": 5.7,
                **paired(cold, bare, pairs),
                "notes": "cold: an empty cache folder each time (the épreuve is parsed, checked and cached); "
                "the target is the figure measured before the cache",
            },
            {
                "name": "épreuve ready (cold cache) vs without the cache (CALLSIM_CACHE_DIR=off)",
                "target": 1.05,
                **paired(cold, _practice("ready", CALLSIM_CACHE_DIR="off"), pairs),
                "notes": "what filling the cache costs the first start",
            },
        ]
    python_pass = lambda: _command_time([sys.executable, "-c", "pass"])  # noqa: E731
    for flag in ("--version", "--help"):
        results.append(
            {
                "name": f"callsim {flag} vs python -c pass",
                "target": 3.0,
                **paired(
                    lambda flag=flag: _command_time([sys.executable, "-m", "simulator", flag]),
                    python_pass,
                    pairs,
                ),
            }
        )
    return results


if __name__ == "__main__":
    import json

    print(json.dumps(bench_startup(int(sys.argv[1]) if len(sys.argv) > 1 else 5), indent=2))
