"""The candidate app's main screens, each reached the same way every time (for snapshots and the README).

The épreuve is first played up to the wanted moment by the ideal candidate, headless, on a memory
store and a manual clock; the real app then signs the candidate in (which resumes the session, as
after a crash) and a few keys bring the screen wanted. Same seed, same clock: same pictures.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any

from textual.widgets import Input, TextArea

from simulator.app.app import CallsimApp
from simulator.engine.clock import ManualClock
from simulator.engine.phases import Phase
from simulator.engine.session import EpreuveSession
from simulator.journal.memory_store import MemoryJournalStore
from simulator.policies.ideal import IdealPolicy
from tests.app.app_support import make_app, practice_bundle
from tests.app.keyboard import KeyboardCandidate

CANDIDATE = "C-0421"
SEED = 7
START = datetime(2026, 3, 2, 9, 0)
SIZES = {"80x24": (80, 24), "120x40": (120, 40)}


def played(
    contacts_done: int, *, replies: int = 0, to_wrap_up: bool = False, language: str = "fr"
) -> tuple[MemoryJournalStore, ManualClock]:
    """A store where ``contacts_done`` contacts are finished and the next one is taken.

    ``replies`` more ideal actions are played in that contact, or all of them up to its wrap-up.
    """
    store, clock = MemoryJournalStore(), ManualClock(START)
    session = EpreuveSession.start(
        practice_bundle(),
        store=store,
        clock=clock,
        candidate_id=CANDIDATE,
        seed=SEED,
        language=language,
    )
    policies: dict[str, IdealPolicy] = {}
    done, played_here = 0, 0
    while session.finished is None:
        key = session.state.active or next(q.key for q in session.queue() if q.phase == "waiting")
        contact = session.contact(key)
        if done == contacts_done and contact.phase is not Phase.WAITING:
            if to_wrap_up and contact.phase is Phase.WRAP_UP:
                break
            if not to_wrap_up and played_here >= replies:
                break
        for action in policies.setdefault(key, IdealPolicy()).next_actions(contact):
            clock.advance(seconds=20)
            session.perform(action)
            if done == contacts_done:
                played_here += 1
        done += contact.phase is Phase.ENDED
    session.close()
    return store, clock


def sign_in_then(
    *more: Callable[[KeyboardCandidate], Awaitable[None]],
) -> Callable[[Any], Awaitable[None]]:
    """A Pilot routine: sign in with the candidate number already typed, then ``more`` steps."""

    async def run(pilot: Any) -> None:
        candidate = KeyboardCandidate(pilot)
        await candidate.press("enter")
        for step in more:
            await step(candidate)
        await steady(pilot)

    return run


async def steady(pilot: Any) -> None:
    """No blinking cursor in a picture (a cursor caught mid-blink would make it differ), then settle."""
    for screen in pilot.app.screen_stack:  # a dialog shows the screen below it too
        for widget in screen.query("Input, TextArea"):
            if isinstance(widget, Input | TextArea):
                widget.cursor_blink = False
    await KeyboardCandidate(pilot).settle()


async def search_customer(candidate: KeyboardCandidate) -> None:
    """F7, the customer's name, Enter: the Customers tab lists the look-alikes."""
    session = candidate.app.session
    name = session.contact(session.state.active).ctx.persona.last_name
    await candidate.press("f7")
    await candidate.type(name)
    await candidate.press("enter")


async def wrap_up(candidate: KeyboardCandidate) -> None:
    """The wrap-up the ideal candidate would give, typed in the wrap-up dialog (F10 confirms)."""
    session = candidate.app.session
    contact = session.contact(session.state.active)
    await candidate.wrap_up(IdealPolicy().wrap_up(contact))


async def close_feedback(candidate: KeyboardCandidate) -> None:
    await candidate.press("escape")


#: name → (store builder, Pilot routine, what the picture must show)
STATES: dict[
    str,
    tuple[
        Callable[[str], tuple[MemoryJournalStore, ManualClock] | None],
        Callable[[Any], Awaitable[None]] | None,
        str,
    ],
] = {
    "signin": (
        lambda _lang: None,
        steady,
        "the sign-in screen: candidate number, language, how the épreuve works and its keys",
    ),
    "console-call": (
        lambda lang: played(0, replies=6, language=lang),
        sign_in_then(),
        "the console during the first inbound call: clock, queue, conversation, numbered replies, tool tabs",
    ),
    "console-tool": (
        lambda lang: played(0, replies=6, language=lang),
        sign_in_then(search_customer),
        "the Customers tab listing the records found for the caller's name",
    ),
    "wrapup": (
        lambda lang: played(0, to_wrap_up=True, language=lang),
        sign_in_then(),
        "the wrap-up dialog after the first call: outcome list and after-call note",
    ),
    "feedback": (
        lambda lang: played(0, to_wrap_up=True, language=lang),
        sign_in_then(wrap_up),
        "practice feedback after the first contact: one line per competency observed, ✔ or ✘",
    ),
    "end": (
        lambda lang: played(3, to_wrap_up=True, language=lang),
        sign_in_then(wrap_up, close_feedback),
        "the end of the practice épreuve: everything saved, feedback per competency",
    ),
}


def app_for(
    state: str, lang: str = "fr"
) -> tuple[CallsimApp, Callable[[Any], Awaitable[None]] | None]:
    """The real app ready for ``state`` in ``lang``, and the Pilot routine that brings the screen.

    The épreuve is played in ``lang`` too: a resumed session keeps the language it was started in.
    """
    build, routine, _doc = STATES[state]
    prepared = build(lang)
    if prepared is None:
        return make_app(lang=lang, candidate=""), routine
    store, clock = prepared
    return make_app(lang=lang, store=store, clock=clock, candidate=CANDIDATE), routine
