"""Browser seats: one textual-serve web server per seat, each starting the seat app (``seat_app``) per connection.

Seat ``k`` (1 … N) is ``http://HOST:PORT+k-1/`` and is named ``poste-k`` (``$CALLSIM_SEAT``) — the
name its sessions belong to, so a candidate who lost the connection resumes on the same seat. A
page reaches nothing but that seat's app: textual-serve's routes are the page, its websocket and
its static files; the command run is fixed here, with the store and the invigilator's code taken
from this process's environment (never from the page or the URL).
"""

from __future__ import annotations

import os
import shlex
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Seat:
    """One browser seat: its number, name and address."""

    number: int
    host: str
    port: int

    @property
    def name(self) -> str:
        return f"poste-{self.number}"

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}/"


def seats(count: int, host: str, port: int) -> list[Seat]:
    """The ``count`` seats on consecutive ports from ``port``."""
    return [Seat(k, host, port + k - 1) for k in range(1, count + 1)]


def seat_command(epreuve: str, lang: str) -> str:
    """The shell command textual-serve runs for each connection (épreuve and language only: nothing from the page)."""
    return shlex.join([sys.executable, "-m", "simulator.centre.seat_app", "--epreuve", epreuve, "--lang", lang])


def serve_one(seat: Seat, command: str) -> None:
    """Serve one seat until stopped (run in its own process: textual-serve owns its event loop)."""
    from textual_serve.server import Server

    os.environ["CALLSIM_SEAT"] = seat.name
    Server(command, host=seat.host, port=seat.port, title=f"callsim — {seat.name}").serve()


def start_all(chosen: list[Seat], command: str, environ: dict[str, str]) -> list[subprocess.Popen[bytes]]:
    """One serving process per seat (``python -m simulator.centre.serve SEAT HOST PORT COMMAND``)."""
    root = str(Path(__file__).resolve().parents[2])
    env = {**environ, "PYTHONPATH": os.pathsep.join(filter(None, [root, environ.get("PYTHONPATH", "")]))}
    return [subprocess.Popen([sys.executable, "-m", "simulator.centre.serve", str(seat.number), seat.host,
                              str(seat.port), command], env=env, stdout=subprocess.DEVNULL)
            for seat in chosen]


def wait_all(processes: list[subprocess.Popen[bytes]]) -> int:
    """Wait until every seat server ends (or Ctrl+C / SIGTERM: then stop them all)."""
    def stop(*_args: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    try:
        while all(p.poll() is None for p in processes):
            time.sleep(0.5)
    except KeyboardInterrupt:
        pass
    for process in processes:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
    for process in processes:
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
    return 0


if __name__ == "__main__":
    number, host, port, command = sys.argv[1:5]
    serve_one(Seat(int(number), host, int(port)), command)
