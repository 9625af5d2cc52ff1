"""Every interface string of the review app is translated: French never falls back to English."""

from __future__ import annotations

from pathlib import Path

import pytest

import simulator.review
from simulator.app.i18n import source_ids
from simulator.review.i18n import LOCALE_DIR, review_catalog_ids, translator

REVIEW_DIR = Path(simulator.review.__file__).parent


def _ids_in_source() -> set[str]:
    return source_ids(REVIEW_DIR)


def test_the_source_uses_translated_strings():
    ids = _ids_in_source()
    assert "Override" in ids and "REVIEW_HELP" in ids  # the extraction itself works


def test_every_string_has_a_french_translation():
    missing = sorted(_ids_in_source() - review_catalog_ids("fr"))
    assert missing == [], "add these to simulator/review/locale/fr.po"


def test_the_french_catalog_holds_nothing_the_app_no_longer_says():
    assert sorted(review_catalog_ids("fr") - _ids_in_source()) == []


def test_symbolic_ids_have_english_text():
    symbolic = {m for m in _ids_in_source() if m.isupper() and "_" in m}
    assert symbolic and symbolic <= review_catalog_ids("en")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_shared_catalog_reader_reads_what_babel_reads(lang):
    """The review app reads its catalogs with the candidate app's reader; it must agree with Babel exactly."""
    from babel.messages.pofile import read_po

    from simulator.app.i18n import read_catalog

    with (LOCALE_DIR / f"{lang}.po").open("rb") as po:
        expected = {str(m.id): str(m.string) for m in read_po(po, locale=lang) if m.id and m.string}
    assert read_catalog(LOCALE_DIR / f"{lang}.po") == expected


def test_placeholders_survive_translation():
    french = translator("fr")
    for message in _ids_in_source():
        fields = sorted(set(_fields(message)))
        assert sorted(set(_fields(french(message)))) == fields, message


def _fields(text: str) -> list[str]:
    import string

    return [name for _literal, name, _spec, _conv in string.Formatter().parse(text) if name]
