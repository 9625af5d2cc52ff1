"""SVG snapshots of the review app's main screens at 80×24 and 120×40 (pytest-textual-snapshot).

Each picture is the real app (its factory, a manual clock) on a copy of the test store of
``review_support``: sessions played by simulated candidates with fixed seeds, so the same pictures
every run. After a deliberate change of the look: ``pytest tests/review/test_review_snapshots.py
--snapshot-update``, then look at every new picture in ``tests/review/__snapshots__/`` before
committing it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from textual.widgets import Input, TextArea

from tests.review.review_support import make_app, open_session, sign_in

SIZES = {"80x24": (80, 24), "120x40": (120, 40)}
sizes = pytest.mark.parametrize("size", list(SIZES))


async def _steady(pilot: Any) -> None:
    """No blinking cursor in a picture (a cursor caught mid-blink would make it differ), then settle."""
    for screen in pilot.app.screen_stack:
        for widget in screen.query("Input, TextArea"):
            if isinstance(widget, Input | TextArea):
                widget.cursor_blink = False
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


def _routine(
    then: Callable[[Any], Awaitable[None]] | None = None, *, signed_in: bool = True
) -> Callable[[Any], Awaitable[None]]:
    async def run(pilot: Any) -> None:
        if signed_in:
            await sign_in(pilot)
        if then is not None:
            await then(pilot)
        await _steady(pilot)

    return run


def _compare(
    snap_compare, review_store, size: str, routine: Callable[[Any], Awaitable[None]]
) -> bool:
    store, _played = review_store
    app = make_app(store)
    app.animation_level = "none"
    return snap_compare(app, terminal_size=SIZES[size], run_before=routine)


def _session_of(review_store, candidate: str) -> str:
    return next(p.session_id for p in review_store[1] if p.candidate_id == candidate)


@sizes
def test_signin(snap_compare, review_store, size):
    """Sign-in: the app's title, the assessor's name field (focused) and the passphrase field, in French."""
    assert _compare(snap_compare, review_store, size, _routine(signed_in=False))


@sizes
def test_sessions(snap_compare, review_store, size):
    """The sessions list after signing in as Marie Dupont: the filters (épreuve, status, from, to), then
    the four sessions of the test store with candidate, status (the unscored one « à noter »),
    automatic and final verdicts, overrides, épreuve and date (at 80×24 the last two are reached by
    scrolling sideways), the first row highlighted; the key bar: open, refresh, help, blind."""
    assert _compare(snap_compare, review_store, size, _routine())


@sizes
def test_session_grille_beside_transcript(snap_compare, review_store, size):
    """The ideal candidate's practice session: the title line (session, candidate, épreuve, day, status,
    and the forms drawn for the scenarios with variants, which only assessors see),
    the grille (code, competency, automatic and final verdicts, the first row highlighted) over the
    competency's detail, beside the timed transcript; the key bar lists override, reviewed, sign,
    reopen, audit, typed texts, replay, help and blind (the last cut off at 80×24)."""
    sid = _session_of(review_store, "CAND-7731")

    async def open_it(pilot: Any) -> None:
        await open_session(pilot, pilot.app, sid)

    assert _compare(snap_compare, review_store, size, _routine(open_it))


@sizes
def test_typed_texts(snap_compare, review_store, size):
    """The typed-texts screen (``t``) of the same session: one row per check of a typed text or note
    (event, check, code, the machine's judgement, the assessor's), then why and what was typed for the
    highlighted row; the key bar: back, satisfied, not satisfied, help, blind."""
    sid = _session_of(review_store, "CAND-7731")

    async def open_texts(pilot: Any) -> None:
        await open_session(pilot, pilot.app, sid)
        await pilot.press("t")
        await pilot.pause()

    assert _compare(snap_compare, review_store, size, _routine(open_texts))
