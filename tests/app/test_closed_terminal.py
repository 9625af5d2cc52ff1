"""A closed terminal is a crash: ``callsim exam`` in a real pseudo-terminal, hung up mid-contact, resumes.

The exam runs as the candidate would start it, in its own process on a pseudo-terminal. The
candidate signs in (Enter) and takes the first contact (F2); the terminal is then closed under it
(SIGHUP, what a closed window or a dropped remote session sends), or the process is told to stop
(SIGTERM). The signal is journalled as an interruption, everything the candidate saw as done is in
the journal, the journal verifies, and signing in again on the same store with the same candidate
number resumes the same contact.
"""

from __future__ import annotations

import json
import os
import pty
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from simulator.app.screens.console import ConsoleScreen
from simulator.journal.sqlite_store import SqliteJournalStore
from simulator.journal.verify import verify_session

ROOT = Path(__file__).resolve().parents[2]
PRACTICE = ROOT / "scenarios" / "epreuves" / "practice.yaml"
F2 = b"\x1bOQ"
_PATIENCE = 120.0  # seconds: the shared CI machine may be slow; each wait ends as soon as its condition holds


def _actions(store: Path) -> list[str]:
    """The kinds of the candidate's actions journaled so far (read-only; empty before the store exists)."""
    if not store.exists():
        return []
    try:
        with sqlite3.connect(f"file:{store}?mode=ro", uri=True) as db:
            rows = db.execute(
                "SELECT payload FROM events WHERE type = 'action' ORDER BY seq"
            ).fetchall()
    except sqlite3.Error:
        return []
    return [json.loads(row[0])["action"]["kind"] for row in rows]


def _wait(condition, what: str, process: subprocess.Popen, master: int) -> None:
    deadline = time.monotonic() + _PATIENCE
    while time.monotonic() < deadline:
        try:  # keep the terminal's output flowing, as a real terminal reads it
            os.read(master, 65536)
        except OSError:
            pass
        if condition():
            return
        assert process.poll() is None, f"the exam ended before {what}"
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.mark.slow
@pytest.mark.parametrize(
    "sig", [signal.SIGHUP, signal.SIGTERM, signal.SIGINT], ids=["SIGHUP", "SIGTERM", "SIGINT"]
)
def test_a_hung_up_exam_resumes_at_the_same_contact(tmp_path, sig):
    store = tmp_path / "centre.sqlite3"
    master, slave = pty.openpty()
    env = {
        **os.environ,
        "CALLSIM_INVIGILATOR_CODE": "4711",
        "TERM": "xterm-256color",
        "COLUMNS": "120",
        "LINES": "40",
    }
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "simulator",
            "exam",
            "--candidate",
            "C-0099",
            "--epreuve",
            str(PRACTICE),
            "--seed",
            "7",
            "--store",
            str(store),
        ],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    os.close(slave)
    try:
        os.set_blocking(master, False)
        deadline = time.monotonic() + _PATIENCE
        while (
            not store.exists()
        ):  # Enter on the sign-in screen (the number is given): the seat opens
            assert time.monotonic() < deadline, "Enter never opened the seat"
            assert process.poll() is None, "the exam ended on the sign-in screen"
            os.write(master, b"\r")
            _wait(lambda: True, "output", process, master)
            time.sleep(1.0)
        deadline = time.monotonic() + _PATIENCE
        while "take" not in _actions(store):  # F2 until the console is up and the contact is taken
            assert time.monotonic() < deadline, "F2 never took the first contact"
            assert process.poll() is None, "the exam ended before the first contact was taken"
            os.write(master, F2)
            _wait(lambda: True, "output", process, master)
            time.sleep(0.5)
        os.killpg(process.pid, sig)  # the terminal closes, or the process is told to stop
        assert process.wait(timeout=_PATIENCE) != 0
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        os.close(master)

    journal = SqliteJournalStore(store)
    try:
        (session_id,) = journal.session_ids()
        assert verify_session(journal, session_id).ok
        events = list(journal.events(session_id))
        taken = [e for e in events if e.type == "action" and e.payload["action"]["kind"] == "take"]
        assert len(taken) == 1
        assert events[-1].type == "interruption" and events[-1].payload == {"cause": sig.name}
    finally:
        journal.close()
    _resume_and_check(store, session_id)


def _resume_and_check(store: Path, session_id: str) -> None:
    import asyncio

    from simulator.app.app import create_app
    from simulator.app.seat import SeatRequest
    from simulator.system_clock import SystemClock

    async def run() -> None:
        app = create_app(
            SeatRequest("C-0099", str(PRACTICE), 7, "fr", store),
            clock=SystemClock(),
            invigilator_code="4711",
        )
        async with app.run_test(size=(120, 40)) as pilot:
            for _ in range(
                600
            ):  # the épreuve loads in the background; Enter signs in once it is there
                if isinstance(app.screen, ConsoleScreen):
                    break
                await pilot.press("enter")
                await pilot.pause(0.1)
            assert isinstance(app.screen, ConsoleScreen)
            assert app.session.session_id == session_id
            assert (
                app.session.state.active is not None
            )  # the contact taken before the hang-up, still in progress
            app.session.close()

    asyncio.run(run())
