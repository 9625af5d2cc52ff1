"""SVG snapshots of the candidate app's main screens at 80×24 and 120×40 (pytest-textual-snapshot).

Each picture is the real app on the practice épreuve, seed 7, manual clock (see ``screen_states``).
After a deliberate change of the look: ``pytest tests/app/test_snapshots.py --snapshot-update``,
then look at every new picture in ``tests/app/__snapshots__/`` before committing it.
"""

from __future__ import annotations

import pytest

from simulator.journal.receipt import code_of
from tests.app.screen_states import SIZES, app_for

sizes = pytest.mark.parametrize("size", list(SIZES))


def _compare(snap_compare, state: str, size: str) -> bool:
    app, routine = app_for(state)
    app.animation_level = "none"
    return snap_compare(app, terminal_size=SIZES[size], run_before=routine)


@sizes
def test_signin(snap_compare, size):
    """Sign-in: the title, the practice épreuve's name, the candidate number field (focused) and the
    language chooser (Français highlighted) with their labels, the Start button, then the boxed briefing with every
    key; the key bar shows F10 Start and Ctrl+Q. At 80×24 the briefing continues below the fold."""
    assert _compare(snap_compare, "signin", size)


@sizes
def test_console_with_a_call(snap_compare, size):
    """Console during the first call: time left and the queue (one ▶ contact) on the left; the phase
    and title bar, the conversation (briefing, the candidate's and the caller's lines), the numbered
    replies (focused), the tool tabs (Clients first) with the operation and search fields; the key
    bar shows only the keys that act now (help, hold, transfer, tools, hang up, quit)."""
    assert _compare(snap_compare, "console-call", size)


@sizes
def test_console_with_a_tool_result(snap_compare, size):
    """Console after searching the caller's name in the Customers tab: the tools have the room (at
    80×24 the replies make way), the status line counts the records found and the table lists the
    look-alikes with record, name, address, town, customer number, date of birth and status, the
    first row highlighted; F5 Exécuter is in the key bar."""
    assert _compare(snap_compare, "console-tool", size)


@sizes
def test_wrap_up(snap_compare, size):
    """Wrap-up dialog over the console after the first call: its title, the outcome list (nothing
    chosen yet), the after-call note box and the Confirm (F10) button; no score anywhere."""
    assert _compare(snap_compare, "wrapup", size)


@sizes
def test_practice_feedback(snap_compare, size):
    """Practice feedback after the first contact: a dialog titled with the contact, one row per piece
    of evidence with ✔ or ✘, the competency code and what was observed, in French, and Continue."""
    assert _compare(snap_compare, "feedback", size)


#: The receipt shown at the end: the journal's head covers its header, which records where the épreuve
#: file is (an absolute path), so the real code depends on the folder the tests run from. The picture
#: is about the screen; the code's correctness is tested with the receipts (test_checkpoint_receipt.py).
FROZEN_RECEIPT = code_of("0" * 64)


@sizes
def test_end(snap_compare, size, monkeypatch):
    """End of the practice épreuve: "L'épreuve est terminée. Tous les contacts sont traités.", the
    session id and event count saved, the receipt code for the attendance sheet (« Reçu pour la feuille de
    présence : XXXX-XXXX-XXXX »), then the practice feedback table for the whole épreuve."""
    monkeypatch.setattr(
        "simulator.app.screens.end.receipt_code", lambda _store, _session: FROZEN_RECEIPT
    )
    assert _compare(snap_compare, "end", size)
