"""The HTML pages speak through the catalogs: Jinja's i18n extension translates the templates' words,
the extractor reads them into the engine catalog, and a word missing from a catalog fails the
completeness test. One English word may need two translations: a message context tells them apart."""

from __future__ import annotations

from functools import cache
from html import unescape

import pytest
from babel.messages.pofile import read_po

from scoring.reports import render_text
from scoring.reports.words import WORDS, words
from simulator.i18n import LANGUAGES, N_, NC_, Translator, po_path, translated
from simulator.i18n.extract import extracted
from tests.i18n.test_catalogs import untranslated
from tests.scoring.scoring_support import practice, simulated_grille

EFFECT = "effect of an observation"


@cache
def _template_keys(name: str) -> set[tuple[str, str | None]]:
    return {
        (m if isinstance(m, str) else m[0], c)
        for m, file, _line, c in extracted("engine")
        if file.endswith(name)
    }


@pytest.fixture(scope="module")
def grille():
    return simulated_grille(practice(), "never-confirms", 5)


def test_pgettext_gives_each_context_its_own_translation():
    french = Translator("fr", "engine")
    assert french.gettext("critical") == "éliminatoire"  # a kind of criterion
    assert french.pgettext(EFFECT, "critical") == "critique"  # an observation's effect
    assert french.pgettext("column of critical observations", "critical") == "critiques"
    assert Translator("nl", "engine").pgettext("page footer: page 2 of 5", "of") == "van"
    assert (
        french.pgettext("a context nobody wrote", "critical") == "critical"
    )  # gettext's fallback: the id


def test_a_words_table_reads_its_contexts():
    assert translated(
        {"kind": N_("critical"), "effect": NC_(EFFECT, "critical")}, "engine", "fr"
    ) == {
        "kind": "éliminatoire",
        "effect": "critique",
    }
    assert words("fr")["critical"] == "critiques" and words("en")["critical_word"] == "critical"
    assert set(WORDS) <= set(words("nl"))


@pytest.mark.parametrize("name", ["grille.html.j2", "review.html.j2"])
def test_the_templates_words_are_extracted_and_translated_in_every_language(name):
    keys = _template_keys(name)
    assert len(keys) >= 15 and (
        "Assessment grid" in dict(keys) or "Result after review" in dict(keys)
    )
    for lang in LANGUAGES:
        with po_path("engine", lang).open("rb") as po:
            catalog = read_po(po, locale=lang)
        missing = [
            key
            for key in keys
            if not (entry := catalog.get(key[0], context=key[1])) or not entry.string
        ]
        assert missing == [], (lang, missing)


def test_a_template_word_missing_from_the_dutch_catalog_fails_the_completeness_test():
    with po_path("engine", "nl").open("rb") as po:
        catalog = read_po(po, locale="nl")
    assert untranslated("engine", catalog) == []
    catalog.delete("Annex — the evidence, competency by competency")
    catalog.get("of", context="page footer: page 2 of 5").string = ""
    assert untranslated("engine", catalog) == [
        ("Annex — the evidence, competency by competency", ""),
        ("of", "page footer: page 2 of 5"),
    ]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_grille_page_shows_every_template_word_in_its_language(grille, lang):
    page = unescape(render_text(grille, "html", lang))
    t = Translator(lang, "engine")
    shown = {
        key: t.pgettext(key[1], key[0]) if key[1] else t.gettext(key[0])
        for key in _template_keys("grille.html.j2")
    }
    assert [text for text in shown.values() if text not in page] == []
    assert ("Annexe — les preuves" in page) == (lang == "fr") and (
        "Annex — the evidence" in page
    ) == (lang == "en")
