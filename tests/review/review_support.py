"""Shared set-up for the review app's Pilot tests: a SQLite store with scored sessions and two assessors.

The store is built once per test run (simulated candidates, scored with the shipped rubric) and
copied for each test, which then works on its own file through the real app factory.
"""

from __future__ import annotations

import html
import re
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from argon2 import PasswordHasher

from scoring.assessment.audit_store import SqliteAuditStore
from scoring.assessment.desk import ReviewDesk
from scoring.rubric_file import default_rubric
from scoring.score import score
from scoring.storage import SqliteGrilleStore, stored
from simulator.engine.bundle import load_bundle
from simulator.engine.clock import ManualClock
from simulator.engine.session import EpreuveSession
from simulator.journal.sqlite_store import SqliteJournalStore
from simulator.policies.driver import play_epreuve
from simulator.policies.registry import policy_factory
from simulator.review.app import ReviewApp, create_review_app
from tests.assessment.desk_support import (  # the shared way tests register assessors
    TEST_KEYS,
    staff,
)

REPO = Path(__file__).resolve().parents[2]
PRACTICE = REPO / "scenarios" / "epreuves" / "practice.yaml"
#: The moment the assessors act at (the app's injected clock).
REVIEW_DAY = datetime(2026, 1, 12, 14, 0)
ASSESSORS = {"Marie Dupont": "marie-secret", "Jan Peeters": "jan-geheim-1"}
#: An épreuve of one contact, so that the store holds two épreuves to filter on.
SHORT_EPREUVE = f"""\
callsim: epreuve/1
id: revue-courte
version: 1.0.0
title: {{fr: Épreuve courte, en: Short épreuve, nl: Korte proef}}
briefing: {{fr: Un seul contact., en: One contact., nl: Eén contact.}}
mode: practice
time_limit_minutes: 15
order: fixed
contacts:
  - scenario: {REPO / "scenarios" / "inbound" / "maison-lumiere-livraison.yaml"}
    at_minute: 0
"""


@dataclass(frozen=True)
class Played:
    """A session of the test store: who sat it, when, and whether it was scored."""

    session_id: str
    candidate_id: str
    epreuve_id: str
    day: str
    scored: bool


#: (épreuve, policy, seed, candidate, start, scored) of every session of the test store.
RUNS = (
    ("practice", "ideal", 1, "CAND-7731", datetime(2026, 1, 5, 9, 0), True),
    ("practice", "never-confirms", 2, "CAND-4408", datetime(2026, 1, 6, 9, 0), True),
    ("short", "careless", 3, "CAND-9150", datetime(2026, 1, 7, 9, 0), True),
    ("short", "ideal", 4, "CAND-2286", datetime(2026, 1, 8, 9, 0), False),
)


def build_store(folder: Path) -> tuple[Path, list[Played]]:
    """Play, score and set up the test store in ``folder``; the store's path and its sessions."""
    short = folder / "revue-courte.yaml"
    short.write_text(SHORT_EPREUVE, encoding="utf-8")
    bundles = {"practice": load_bundle(PRACTICE), "short": load_bundle(short)}
    path = folder / "review.sqlite3"
    played = []
    with SqliteJournalStore(path) as journal:
        grilles = SqliteGrilleStore(path)
        for epreuve, policy, seed, candidate, start, scored in RUNS:
            clock = ManualClock(start)
            session = EpreuveSession.start(
                bundles[epreuve], store=journal, clock=clock, candidate_id=candidate, seed=seed
            )
            play_epreuve(session, policy_factory(policy, seed), clock)
            session.close()
            sid = session.session_id
            if scored:
                grille = score(journal.header(sid), list(journal.events(sid)), default_rubric())
                grilles.put([stored(grille)], "2026-01-09T08:00:00.000")
            played.append(
                Played(
                    sid, candidate, bundles[epreuve].epreuve.id, start.date().isoformat(), scored
                )
            )
        grilles.close()
    # The accounts are hashed with light argon2id settings (verifying uses the hash's own): fast sign-ins.
    light = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    with ReviewDesk(
        SqliteJournalStore(path),
        SqliteGrilleStore(path),
        SqliteAuditStore(path),
        ManualClock(REVIEW_DAY),
        hasher=light,
        keys=TEST_KEYS,
    ) as desk:
        staff(desk, *ASSESSORS, passphrases=ASSESSORS)
    return path, played


def copy_store(template: Path, folder: Path) -> Path:
    """A private copy of the test store for one test."""
    target = folder / template.name
    shutil.copyfile(template, target)
    return target


def make_app(store: Path, *, lang: str = "fr", blind: bool = False) -> ReviewApp:
    """The real app, built by its factory, on ``store`` with a manual clock."""
    return create_review_app(
        clock=ManualClock(REVIEW_DAY), store_path=store, lang=lang, blind=blind
    )


def screen_text(app: ReviewApp) -> str:
    """Everything the current screen shows, as plain text (the SVG screenshot without its markup)."""
    svg = app.export_screenshot()
    return html.unescape(
        "".join(re.findall(r"<text[^>]*>(.*?)</text>", svg, flags=re.DOTALL))
    ).replace("\xa0", " ")


def keys(text: str) -> list[str]:
    """The key presses that type ``text``."""
    return ["space" if char == " " else char for char in text]


async def sign_in(pilot, name: str = "Marie Dupont", passphrase: str | None = None) -> None:
    """Type the name and the passphrase on the sign-in screen and press Enter."""
    await pilot.press(*keys(name), "enter")
    await pilot.press(*keys(ASSESSORS[name] if passphrase is None else passphrase), "enter")
    await settle(pilot)  # the passphrase is checked in a thread worker, then the sessions are shown


async def settle(pilot) -> None:
    """Wait until the app's workers (the passphrase check) are done and what they started is shown."""
    idle = 0
    for _ in range(
        50
    ):  # a worker's result may start the next one (signed in → the sessions screen)
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        busy = any(not worker.is_finished for worker in pilot.app.workers)
        idle = 0 if busy else idle + 1
        if idle >= 3:  # three rounds of messages in a row started no new work
            break
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


async def open_session(pilot, app: ReviewApp, session_id: str):
    """Walk the sessions' cursor to ``session_id`` with the arrows and press Enter; the session screen."""
    from simulator.review.screens.session import SessionScreen
    from simulator.review.widgets.session_table import SessionTable

    table = app.screen.query_one(SessionTable)
    table.focus()
    target = table.get_row_index(session_id)
    while table.cursor_row != target:
        await pilot.press("down" if table.cursor_row < target else "up")
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(app.screen, SessionScreen)
    return app.screen
