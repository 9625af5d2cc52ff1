"""Browser seats for real: ``callsim centre serve`` on a PostgreSQL store, seat pages in Debian's headless Chromium.

A seat page asks the candidate number first (in French); the session is the seat's; closing the tab
ends the seat's app process (its claim released), and signing in again on that seat resumes it.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from datetime import datetime

import pytest

from scripts.browser_seats import free_port_block, start_centre, wait_listening
from simulator.journal.pg_store import PgJournalStore
from tests.services import chromium_present, need

pytestmark = pytest.mark.slow


@pytest.fixture()
def served(pg_url: str):
    need(chromium_present(), "Chromium (/usr/bin/chromium)")
    PgJournalStore(pg_url).close()  # what « callsim store init » does first
    port = free_port_block(2)
    server = start_centre(pg_url, 2, port, "surveillant-7", stdout=subprocess.PIPE, text=True)
    try:
        lines = [server.stdout.readline() for _ in range(3)]
        assert f"poste-2 : http://127.0.0.1:{port + 1}/" in "".join(lines)
        wait_listening(port)
        yield port
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=30)
        server.stdout.close()


def test_a_seat_page_signs_in_then_resumes_after_the_tab_is_closed(
    served: int, pg_url: str
) -> None:
    from playwright.sync_api import sync_playwright

    from scripts.browser_seats import BrowserSeat, launch

    with sync_playwright() as playwright:
        browser = launch(playwright)
        seat = BrowserSeat(browser, f"http://127.0.0.1:{served}/")
        seat.wait_for("Numéro de candidat")
        seat.type("C-0421")
        seat.press("Enter")
        store = PgJournalStore(pg_url, create=False)
        try:
            session_id = _wait_session(store)
            header = store.header(session_id)
            assert (header.candidate_id, header.extra.get("seat")) == ("C-0421", "poste-1")
            seat.close()  # the tab is closed: the app process ends, its claim is released
            _wait_released(store, session_id)
            stopped = store.last_event(session_id)
            assert (stopped.type, stopped.payload) == ("interruption", {"cause": "connection"})
            again = BrowserSeat(browser, f"http://127.0.0.1:{served}/")
            again.wait_for("Numéro de candidat")
            again.type("C-0421")
            again.press("Enter")
            _wait_event(store, session_id, "session_resumed")
            assert store.session_ids() == [session_id]
            resumed = next(e for e in store.events(session_id) if e.type == "session_resumed")
            assert resumed.seq == stopped.seq + 1  # the downtime is counted from the interruption
            assert resumed.payload["downtime_seconds"] == round(
                (
                    datetime.fromisoformat(resumed.at) - datetime.fromisoformat(stopped.at)
                ).total_seconds(),
                3,
            )
            again.close()
        finally:
            store.close()
        browser.close()


def _wait_session(store: PgJournalStore, timeout: float = 60.0) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ids = store.session_ids()
        if ids and store.last_event(ids[0]) is not None:
            return ids[0]
        time.sleep(0.2)
    raise TimeoutError("no session started")


def _wait_released(store: PgJournalStore, session_id: str, timeout: float = 30.0) -> None:
    from simulator.journal.errors import SessionInUse

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with store.claim(session_id, "test"):
                return
        except SessionInUse:
            time.sleep(0.2)
    raise TimeoutError("the closed seat still holds its session")


def _wait_event(store: PgJournalStore, session_id: str, kind: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if any(e.type == kind for e in store.events(session_id)):
            return
        time.sleep(0.2)
    raise TimeoutError(f"no {kind} event")


def test_stopping_the_server_while_a_seat_is_connected_prints_no_traceback(pg_url: str) -> None:
    """``kill %1`` on a background ``callsim centre serve`` signals its whole process group (the
    serving process and the seats' apps): the seats' apps journal why they stopped and the server
    ends quietly — before, a connected seat left pages of asyncio tracebacks in the admin's terminal."""
    from playwright.sync_api import sync_playwright

    from scripts.browser_seats import BrowserSeat, launch

    need(chromium_present(), "Chromium (/usr/bin/chromium)")
    PgJournalStore(pg_url).close()
    port = free_port_block(1)
    server = start_centre(
        pg_url,
        1,
        port,
        "surveillant-7",
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    store = PgJournalStore(pg_url, create=False)
    try:
        wait_listening(port)
        with sync_playwright() as playwright:
            browser = launch(playwright)
            seat = BrowserSeat(browser, f"http://127.0.0.1:{port}/")
            seat.wait_for("Numéro de candidat")  # a candidate who has not signed in yet
            other = BrowserSeat(browser, f"http://127.0.0.1:{port}/")
            other.wait_for("Numéro de candidat")
            other.type("C-0421")
            other.press("Enter")
            session_id = _wait_session(store)
            os.killpg(server.pid, signal.SIGTERM)  # what the shell's « kill %1 » does
            _, errors = server.communicate(timeout=30)
            browser.close()
        assert "Traceback" not in errors and "Task was destroyed" not in errors, errors
        stopped = store.last_event(session_id)
        assert stopped.type == "interruption"
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGKILL)
        store.close()


def test_a_seat_page_receives_nothing_while_its_candidate_reads(served: int) -> None:
    """No blinking cursor and no clock tick by the second on a served seat: while the candidate reads
    the sign-in screen (its number half typed), then the console, the page gets no screen update —
    before, each seat sent its page a frame every half second (the cursor) or every second (the clock)."""
    from playwright.sync_api import sync_playwright

    from scripts.browser_seats import BrowserSeat, launch

    with sync_playwright() as playwright:
        browser = launch(playwright)
        seat = BrowserSeat(browser, f"http://127.0.0.1:{served}/")
        seat.wait_for("Numéro de candidat")
        seat.type("C-04")  # the candidate number field has the keyboard (and its cursor)
        assert _quiet(seat), "the sign-in screen keeps sending updates"
        seat.type("21")
        mark = seat.mark()
        seat.press("Enter")
        seat.wait_for("Temps restant", after=mark)
        assert _quiet(seat, allowed="Temps restant"), "the console keeps sending updates"
        browser.close()


def _quiet(seat, allowed: str = "", seconds: float = 2.0, timeout: float = 60.0) -> bool:
    """Whether the page receives nothing for ``seconds`` (within ``timeout``, once loading is over);
    a frame holding ``allowed`` does not count (the clock's minute may turn meanwhile, once)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        mark = seat.mark()
        seat.page.wait_for_timeout(seconds * 1000)
        new = seat.received[mark:]
        if all(allowed and allowed in frame for frame in new) and len(new) <= 1:
            return True
    return False
