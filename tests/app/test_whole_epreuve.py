"""The whole practice épreuve, from sign-in to the end screen, with the keyboard only, at 80×24, in French and in Dutch.

What to do comes from the ideal candidate (``simulator.policies.ideal``); how it reaches the engine is
only keys on the real app (see ``keyboard.py``): F2 to take each contact, digits for the replies,
F7 and Tab through the tool panels, lists opened with Enter, F5 to run, F8 to hang up, the wrap-up
dialog, Escape after each practice feedback. Every action must reach the journal, the journal must
verify, and no screen may show an English interface text.
"""

from __future__ import annotations

import re
from functools import cache

import pytest

from simulator.app.i18n import translations
from simulator.app.screens.end import EndScreen
from simulator.app.widgets.conversation import Conversation
from simulator.journal.memory_store import MemoryJournalStore
from simulator.journal.verify import verify_session
from tests.app.app_support import make_app, screen_text
from tests.app.keyboard import KeyboardCandidate


def english_leaks(text: str, lang: str) -> list[str]:
    """Interface texts of the catalog shown in English although ``lang`` translates them differently."""
    catalog = translations(lang)
    leaks = []
    for message in _interface_ids():
        translated = catalog.gettext(message)
        if translated != message and re.search(rf"(?<!\w){re.escape(message)}(?!\w)", text):
            leaks.append(message)
    return leaks


@cache
def _interface_ids() -> tuple[str, ...]:
    from simulator.i18n.extract import source_ids

    # long enough to be unambiguous, and not a word French or Dutch share with English
    return tuple(
        sorted(
            m for m in source_ids("candidate") if len(m) >= 8 and not m.isupper() and "{" not in m
        )
    )


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["fr", "nl"])
async def test_the_whole_practice_epreuve_with_the_keyboard_at_80x24(lang):
    store = MemoryJournalStore()
    app = make_app(store=store, lang=lang)
    seen: list[str] = []
    async with app.run_test(size=(80, 24)) as pilot:
        candidate = KeyboardCandidate(pilot)
        await candidate.sign_in("C-0007")
        orphans: list[str] = []

        def look(app) -> None:  # a look at every fourth screen keeps the test fast
            if len(seen) % 4 == 0:
                seen.append(screen_text(app))
                for conversation in app.screen.query(
                    Conversation
                ):  # no line starts with « ? » or « ! »
                    orphans.extend(
                        s.text for s in conversation.lines if re.match(r"\s*[?!:;»]", s.text)
                    )
            else:
                seen.append("")

        actions = await candidate.play(snapshot=look)
        assert isinstance(app.screen, EndScreen)
        assert app.session.finished == "completed"
        seen.append(screen_text(app))
        session_id = app.session.session_id
    assert orphans == []
    assert actions >= 60
    kinds = {e.payload["action"]["kind"] for e in store.events(session_id) if e.type == "action"}
    assert {"take", "choose", "say", "tool", "hang_up", "wrap_up"} <= kinds
    result = verify_session(store, session_id)
    assert result.ok, result.reason_en
    assert store.header(session_id).language == lang
    leaks = sorted({leak for text in seen for leak in english_leaks(text, lang)})
    assert leaks == []
