"""Browser seats: textual-serve web servers, one per seat, all in one serving process, each starting the seat app per connection.

Seat ``k`` (1 … N) is ``http://HOST:PORT+k-1/`` and is named ``poste-k`` (``--seat``, fixed in the
seat's command) — the name its sessions belong to, so a candidate who lost the connection resumes on
the same seat. One process serves every seat (one event loop relaying every page's websocket), so a
seat costs the machine only its app process, started when its page connects. A
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
from typing import Any

#: Seconds the seats' connections and apps are given to end when serving stops.
_SETTLE_SECONDS = 5.0


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


def seat_command(epreuve: str, lang: str, seat: str, mode: str = "") -> str:
    """The shell command textual-serve runs for each connection of ``seat`` (nothing from the page)."""
    return shlex.join(
        [
            sys.executable,
            "-m",
            "simulator.centre.seat_app",
            "--epreuve",
            epreuve,
            "--lang",
            lang,
            "--seat",
            seat,
            *(["--mode", mode] if mode else []),
        ]
    )


def epreuve_mode(epreuve: str) -> str:
    """``exam`` or ``practice``, as the épreuve file says; ``""`` when the file cannot say (each
    seat's app then reports what is wrong with it when it loads it)."""
    from simulator.scenario.loader import load_file

    loaded = load_file(epreuve)
    mode = getattr(loaded.model, "mode", "") if loaded.kind == "epreuve" else ""
    return mode if mode in ("exam", "practice") else ""


async def _serve_seats(chosen: list[Seat], epreuve: str, lang: str, stop: Any) -> None:
    """Every seat's textual-serve application on its own port, in this event loop, until ``stop`` is set.

    Stopping closes each page's websocket (its app is told to quit, and journals why) and waits for
    the seats' apps to end, while the loop still runs: nothing is left half-closed behind.
    """
    from aiohttp import web
    from textual_serve.server import Server

    runners = []
    mode = epreuve_mode(epreuve)
    try:
        for seat in chosen:
            server = Server(
                seat_command(epreuve, lang, seat.name, mode),
                host=seat.host,
                port=seat.port,
                title=f"callsim — {seat.name}",
            )
            runner = web.AppRunner(await server._make_app(), shutdown_timeout=_SETTLE_SECONDS)
            await runner.setup()  # textual-serve's routes: page, websocket, statics
            await web.TCPSite(runner, seat.host, seat.port).start()
            runners.append(runner)
        await stop.wait()
    finally:
        for runner in runners:
            await runner.cleanup()  # closes each page's websocket: its app is told to quit
        await _settled()


async def _settled(timeout: float = _SETTLE_SECONDS) -> None:
    """Wait (at most ``timeout`` s) until the seats' connections and apps have ended."""
    import asyncio

    current = asyncio.current_task()
    pending = [task for task in asyncio.all_tasks() if task is not current]
    if pending:
        await asyncio.wait(pending, timeout=timeout)


def serve_seats(chosen: list[Seat], epreuve: str, lang: str) -> None:
    """Serve the seats until SIGINT or SIGTERM (run in the serving process), then stop them cleanly."""
    import asyncio

    async def main() -> None:
        loop, stop = asyncio.get_running_loop(), asyncio.Event()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
        try:
            await _serve_seats(chosen, epreuve, lang, stop)
        finally:
            for sig in (
                signal.SIGINT,
                signal.SIGTERM,
            ):  # stopping already: a second signal changes nothing
                loop.remove_signal_handler(sig)
                signal.signal(sig, signal.SIG_IGN)

    asyncio.run(main())


def start_all(
    chosen: list[Seat], epreuve: str, lang: str, environ: dict[str, str]
) -> list[subprocess.Popen[bytes]]:
    """The serving process of every seat (``python -m simulator.centre.serve EPREUVE LANG HOST NUMBER:PORT…``)."""
    root = str(Path(__file__).resolve().parents[2])
    env = {
        **environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [root, environ.get("PYTHONPATH", "")])),
    }
    host = chosen[0].host
    where = [f"{seat.number}:{seat.port}" for seat in chosen]
    return [
        subprocess.Popen(
            [sys.executable, "-m", "simulator.centre.serve", epreuve, lang, host, *where],
            env=env,
            stdout=subprocess.DEVNULL,
        )
    ]


def wait_all(processes: list[subprocess.Popen[bytes]]) -> int:
    """Wait until the serving process ends (or Ctrl+C / SIGTERM: then stop it)."""

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
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
    return 0


if __name__ == "__main__":
    epreuve_file, language, address = sys.argv[1:4]
    serve_seats(
        [Seat(int(n), address, int(p)) for n, _, p in (a.partition(":") for a in sys.argv[4:])],
        epreuve_file,
        language,
    )
