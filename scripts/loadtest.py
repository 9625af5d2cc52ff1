"""Load test of a test centre: browser seats on one PostgreSQL store, and headless sessions on one SQLite file.

1. **Browser seats.** ``callsim centre serve`` serves the practice épreuve; headless Chromium (Debian's,
   through Playwright) opens every seat at once. Each seat signs in, then plays the whole practice
   épreuve (four contacts) as a hurried candidate: round after round (``--rounds``) it takes a contact,
   picks the first reply while there is one, hangs up, closes the contact (code and note) and leaves
   the practice feedback, until the journal ends the épreuve. An
   *action* is a key that the journal records; its latency (``p95_*``) is the time from the key until
   the action is acknowledged in the store (what the server costs); ``p95_shown_*`` runs on until the
   screen has changed after that (adds the painting of the page by Chromium, on the same cores).
   The same run is made with one seat first: the many-seat p95 must stay within 2× the one-seat p95.
   At the end every journal must verify, and hold every acknowledged action exactly once.
2. **One SQLite file.** ``--sqlite-sessions`` simulated candidates (``callsim simulate``) write to one
   SQLite file at the same time: none may fail (no « database is locked » reaches anyone), and every
   journal verifies.

``python scripts/loadtest.py`` is the full form (30 seats, 30 SQLite sessions); ``--seats 2 --rounds 1
--sqlite-sessions 5`` the short form CI runs (one contact per seat). Figures go to ``--output`` (JSON). Without ``--store`` a
throwaway PostgreSQL cluster is started in a temporary folder.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scripts.browser_seats import CHROMIUM, CHROMIUM_ARGS, plain, wait_listening  # noqa: E402 — after the repository root is on the path

_CLOCK = re.compile(r"\d+:\d\d:\d\d")


class AsyncSeat:
    """One seat page driven from asyncio: what the terminal received, keys, and the journal behind it."""

    def __init__(self, page: object, journal: object, candidate: str) -> None:
        self.page, self.journal, self.candidate = page, journal, candidate
        self.frames: list[str] = []
        self.session_id = ""
        self.latencies: list[float] = []
        #: Key press → the action acknowledged in the store (what the server costs, without painting).
        self.stored_latencies: list[float] = []
        self.acknowledged: list[int] = []
        self.contacts_closed = 0
        self.completed = False
        self.unshown = 0
        page.on("websocket", lambda ws: ws.on("framereceived", self._frame))  # type: ignore[attr-defined]

    def _frame(self, payload: object) -> None:
        self.frames.append(
            payload.decode("utf-8", "replace") if isinstance(payload, bytes) else str(payload)
        )

    async def wait_for(self, pattern: str, after: int = 0, timeout: float = 300.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if re.search(pattern, plain("".join(self.frames[after:]))):
                return
            await asyncio.sleep(0.05)
        raise TimeoutError(f"{self.candidate}: {pattern!r} not seen")

    async def key(self, key: str) -> None:
        await self.page.locator(".xterm-helper-textarea").focus()  # type: ignore[attr-defined]
        await self.page.keyboard.press(key)  # type: ignore[attr-defined]

    async def type(self, text: str) -> None:
        await self.page.locator(".xterm-helper-textarea").focus()  # type: ignore[attr-defined]
        await self.page.keyboard.type(text)  # type: ignore[attr-defined]

    def stored(self) -> int:
        last = self.journal.last_event(self.session_id)  # type: ignore[attr-defined]
        return last.seq if last else 0

    def finished(self) -> bool:
        """Whether the épreuve is over (its journal ends it)."""
        last = self.journal.last_event(self.session_id)  # type: ignore[attr-defined]
        return last is not None and last.type in ("session_finished", "time_up")

    def patience(self) -> float:
        """How long to wait for a key that may not be an action: four times the median latency so far (3 to 30 s)."""
        usual = statistics.median(self.stored_latencies) if self.stored_latencies else 2.0
        return min(30.0, max(3.0, 4 * usual))

    def action_after(self, seq: int) -> int | None:
        """The seq of the first action journalled after ``seq`` (heartbeats and arrivals are not actions)."""
        events = self.journal.events(self.session_id, after_seq=seq)  # type: ignore[attr-defined]
        return next((e.seq for e in events if e.type == "action"), None)

    async def action(self, key: str, settle: float = 20.0) -> bool:
        """Press ``key``; True when the journal recorded an action, its latency noted (key → stored → shown)."""
        before, mark = await asyncio.to_thread(self.stored), len(self.frames)
        start = time.monotonic()
        await self.key(key)
        found = None
        while found is None and time.monotonic() < start + settle:
            await asyncio.sleep(0.02)
            found = await asyncio.to_thread(self.action_after, before)
        if found is None:
            return False
        self.stored_latencies.append(time.monotonic() - start)
        shown = await self._screen_update(mark, time.monotonic() + settle)
        self.latencies.append((shown or time.monotonic()) - start)
        self.acknowledged.append(found)
        self.unshown += shown is None
        return True

    async def _screen_update(self, mark: int, deadline: float) -> float | None:
        while time.monotonic() < deadline:
            text = _CLOCK.sub("", plain("".join(self.frames[mark:])))
            if len(text.split()) > 3:
                return time.monotonic()
            await asyncio.sleep(0.01)
        return None


async def sit(seat: AsyncSeat, url: str, rounds: int) -> None:
    """Sign in, then play the épreuve round after round (``close_contact``) until it is over or ``rounds`` are done."""
    await seat.page.goto(url, timeout=300_000)  # type: ignore[attr-defined]  # 30 seats start at once
    await seat.wait_for("Numéro de candidat")
    await seat.type(seat.candidate)
    mark = len(seat.frames)
    await seat.key("Enter")
    await seat.wait_for("Temps restant", after=mark)
    seat.session_id = await asyncio.to_thread(_session_of, seat.journal, seat.candidate)
    for _ in range(rounds):
        await close_contact(seat)
        if await asyncio.to_thread(seat.finished):
            seat.completed = True
            break


async def close_contact(seat: AsyncSeat) -> None:
    """One round of keys that ends a contact of the practice épreuve, well or badly, as a hurried candidate would.

    Take the next contact (F2), pick the first reply while one is taken (1), hang up (F8), choose an
    outcome and write a note in the wrap-up (F10), leave the feedback (Escape). A key that the
    journal does not record (no reply left, nothing to hang up) is waited for only a few times the
    usual latency; a contact that needs more keys gets them in the next round.
    """
    await seat.action("F2", settle=seat.patience())
    for _ in range(15):
        if not await seat.action("1", settle=seat.patience()):
            break
    await seat.action("F8", settle=seat.patience())
    for key in ("Enter", "ArrowDown", "Enter", "Tab"):
        await seat.key(key)
        await asyncio.sleep(0.3)
    await seat.type("Cliente rappelée, dossier transmis.")
    if await seat.action("F10", settle=seat.patience()):
        seat.contacts_closed += 1
    await asyncio.sleep(0.5)
    await seat.key("Escape")  # the practice feedback after the contact
    await asyncio.sleep(0.5)


def _session_of(journal: object, candidate: str, timeout: float = 300.0) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for session_id in reversed(journal.session_ids()):  # type: ignore[attr-defined]
            if journal.header(session_id).candidate_id == candidate:  # type: ignore[attr-defined]
                return session_id
        time.sleep(0.2)
    raise TimeoutError(f"no session for {candidate}")


async def browser_round(
    store: str, first_port: int, candidates: list[str], rounds: int
) -> list[AsyncSeat]:
    from playwright.async_api import async_playwright

    from simulator.journal.pg_store import PgJournalStore

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        seats = []
        for candidate in candidates:
            context = await browser.new_context(viewport={"width": 1400, "height": 900})
            context.set_default_timeout(
                300_000
            )  # 30 seats starting at once on two cores are slow to paint
            seats.append(
                AsyncSeat(await context.new_page(), PgJournalStore(store, create=False), candidate)
            )
        await asyncio.gather(
            *(
                sit(seat, f"http://127.0.0.1:{first_port + k}/", rounds)
                for k, seat in enumerate(seats)
            )
        )
        await browser.close()
    return seats


def p95(values: list[float]) -> float:
    return (
        statistics.quantiles(values, n=20)[18]
        if len(values) >= 2
        else (values[0] if values else 0.0)
    )


def check_journals(store: str, seats: list[AsyncSeat]) -> dict[str, int]:
    """Every journal verifies; every acknowledged action is stored, once."""
    from simulator.journal.pg_store import PgJournalStore
    from simulator.journal.verify import verify_session

    broken = lost = duplicated = 0
    with PgJournalStore(store, create=False) as journal:
        for seat in seats:
            events = list(journal.events(seat.session_id))
            broken += not verify_session(journal, seat.session_id).ok
            seqs = {e.seq for e in events if e.type == "action"}
            lost += sum(1 for seq in seat.acknowledged if seq not in seqs)
            payloads = [json.dumps(e.payload, sort_keys=True) for e in events if e.type == "action"]
            duplicated += sum(
                1 for a, b in itertools.pairwise(payloads) if a == b
            )  # the same action twice
            seat.journal.close()  # type: ignore[attr-defined]
    return {
        "journals_broken": broken,
        "acknowledged_lost": lost,
        "duplicated": duplicated,
        "stored_not_shown": sum(seat.unshown for seat in seats),
    }


def serve(store: str, seats: int, port: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "CALLSIM_INVIGILATOR_CODE": "charge-test"}
    server = subprocess.Popen(
        [
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
        ],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
    )
    for k in range(seats):
        wait_listening(port + k, timeout=60.0)
    return server


def _free_ports(count: int) -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        base = probe.getsockname()[1]
    return base if base + count < 65000 else 20000


def browser_figures(store: str, seats: int, rounds: int) -> dict[str, object]:
    from simulator.journal.pg_store import PgJournalStore

    PgJournalStore(store).close()  # the schema, as « callsim store init » creates it
    port = _free_ports(seats)
    server = serve(store, seats, port)
    try:
        solo = asyncio.run(browser_round(store, port, ["LT-SOLO"], rounds))
        crowd = asyncio.run(
            browser_round(store, port, [f"LT-{k:02d}" for k in range(1, seats + 1)], rounds)
        )
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=60)
    one = [x for s in solo for x in s.stored_latencies]
    many = [x for s in crowd for x in s.stored_latencies]
    one_shown = [x for s in solo for x in s.latencies]
    many_shown = [x for s in crowd for x in s.latencies]
    checks = check_journals(store, solo + crowd)
    return {
        "seats": seats,
        "actions_one_seat": len(one),
        "actions_all_seats": len(many),
        "contacts_closed_one_seat": solo[0].contacts_closed,
        "contacts_closed_all_seats": sum(s.contacts_closed for s in crowd),
        "rounds": rounds,
        "epreuves_completed": sum(s.completed for s in solo + crowd),
        "seats_run": len(solo + crowd),
        "p95_one_seat_ms": round(p95(one) * 1000, 1),
        "p95_all_seats_ms": round(p95(many) * 1000, 1),
        "p95_ratio": round(p95(many) / p95(one), 2) if one and p95(one) else None,
        "p95_shown_one_seat_ms": round(p95(one_shown) * 1000, 1),
        "p95_shown_all_seats_ms": round(p95(many_shown) * 1000, 1),
        "p95_shown_ratio": round(p95(many_shown) / p95(one_shown), 2)
        if one_shown and p95(one_shown)
        else None,
        "load_average_1min": round(os.getloadavg()[0], 1),
        "cpus": os.cpu_count(),
        **checks,
    }


def sqlite_figures(sessions: int, folder: Path) -> dict[str, object]:
    """``sessions`` simulated candidates writing to one SQLite file at once."""
    from simulator.journal.sqlite_store import SqliteJournalStore
    from simulator.journal.verify import verify_session

    path = folder / "centre.sqlite3"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    start = time.monotonic()
    runs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "simulator",
                "simulate",
                "--epreuve",
                "practice",
                "--seed",
                str(k),
                "--candidate",
                f"SQ-{k:02d}",
                "--store",
                str(path),
            ],
            env=env,
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for k in range(sessions)
    ]
    outputs = [run.communicate() for run in runs]
    failed = sum(1 for run in runs if run.returncode != 0)
    locked = sum(1 for _out, err in outputs if "locked" in err.lower())
    with SqliteJournalStore(path, create=False) as journal:
        ids = journal.session_ids()
        broken = sum(1 for session_id in ids if not verify_session(journal, session_id).ok)
    return {
        "sqlite_sessions": sessions,
        "sqlite_failed": failed,
        "sqlite_locked_messages": locked,
        "sqlite_journals": len(ids),
        "sqlite_journals_broken": broken,
        "sqlite_seconds": round(time.monotonic() - start, 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seats", type=int, default=30, help="browser seats at once (default 30)")
    parser.add_argument(
        "--sqlite-sessions", type=int, default=30, help="simulated sessions on one SQLite file"
    )
    parser.add_argument(
        "--rounds",
        type=int,
        default=10,
        help="rounds of keys per seat, each ending a contact "
        "at most (default 10: the whole practice épreuve; 1 in the short form)",
    )
    parser.add_argument("--store", help="postgresql://… store (default: a throwaway cluster)")
    parser.add_argument(
        "--output", type=Path, default=Path("loadtest-figures.json"), help="figures (JSON)"
    )
    args = parser.parse_args(argv)
    from scripts import pg_cluster

    with (
        tempfile.TemporaryDirectory(prefix="callsim-load-") as folder,
        tempfile.TemporaryDirectory(prefix="callsim-load-pg-") as pg_folder,
    ):
        cluster = None if args.store else pg_cluster.start(pg_folder)
        try:
            store = args.store or cluster.url
            figures = {
                **browser_figures(store, args.seats, args.rounds),
                **sqlite_figures(args.sqlite_sessions, Path(folder)),
            }
        finally:
            if cluster is not None:
                cluster.stop()
    figures["passed"] = passed(figures)
    args.output.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(figures, indent=2))
    return 0 if figures["passed"] else 1


def passed(figures: dict[str, object]) -> bool:
    """The load test's criteria: every épreuve played to its end (full form); nothing lost, duplicated or left
    unshown; p95 within 2×; SQLite clean."""
    ratio = figures.get("p95_ratio")
    whole = figures["rounds"] < 10 or figures["epreuves_completed"] == figures["seats_run"]
    return (
        whole
        and figures["journals_broken"] == figures["acknowledged_lost"] == figures["duplicated"] == 0
        and figures["stored_not_shown"] == 0
        and ratio is not None
        and ratio <= 2.0
        and figures["sqlite_failed"] == figures["sqlite_locked_messages"] == 0
        and figures["sqlite_journals_broken"] == 0
        and figures["sqlite_journals"] == figures["sqlite_sessions"]
    )


if __name__ == "__main__":
    sys.exit(main())
