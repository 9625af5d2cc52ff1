"""Every interface string of the candidate app is translated: French and Dutch never fall back to English."""

from __future__ import annotations

from pathlib import Path

import pytest

import simulator.app
import simulator.tui
from simulator.app.i18n import catalog_ids, source_ids

APP_DIR = Path(simulator.app.__file__).parent
TUI_DIR = Path(simulator.tui.__file__).parent  # the key bar and the invigilator's dialog speak the app's catalog


def _ids_in_source() -> set[str]:
    return source_ids(APP_DIR) | source_ids(TUI_DIR)


def test_the_source_uses_translated_strings():
    ids = _ids_in_source()
    assert "Hang up" in ids and "KEYS_HELP" in ids  # the extraction itself works


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_every_string_has_a_translation(lang):
    missing = sorted(_ids_in_source() - catalog_ids(lang))
    assert missing == [], f"add these to simulator/app/locale/{lang}.po"


def test_symbolic_ids_have_english_text():
    symbolic = {m for m in _ids_in_source() if m.isupper()}
    assert symbolic and symbolic <= catalog_ids("en")


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_the_apps_catalog_reader_reads_what_babel_reads(lang):
    """The app reads its catalogs without Babel (start-up time); it must agree with Babel exactly."""
    from babel.messages.pofile import read_po

    from simulator.app.i18n import LOCALE_DIR, read_catalog

    with (LOCALE_DIR / f"{lang}.po").open("rb") as po:
        expected = {str(m.id): str(m.string) for m in read_po(po, locale=lang) if m.id and m.string}
    assert read_catalog(LOCALE_DIR / f"{lang}.po") == expected
