"""Every catalog is complete: each message the code marks is translated in French, Dutch and English,
nothing is fuzzy, no translation drops or invents a placeholder, and nothing stale is left behind."""

from __future__ import annotations

import pytest
from babel.messages.pofile import read_po

from simulator.i18n import DOMAINS, LANGUAGES, Translator, po_path
from simulator.i18n.extract import fields, source_ids

CATALOGS = [(domain, lang) for domain in DOMAINS for lang in LANGUAGES]


def _catalog(domain: str, lang: str):
    with po_path(domain, lang).open("rb") as po:
        return read_po(po, locale=lang)


@pytest.mark.parametrize(("domain", "lang"), CATALOGS)
def test_every_message_of_the_code_is_translated(domain, lang):
    catalog = _catalog(domain, lang)
    untranslated = sorted(
        m for m in source_ids(domain) if m not in catalog or not all(_forms(catalog[m].string))
    )
    assert untranslated == [], f"translate these in {po_path(domain, lang)}"


@pytest.mark.parametrize(("domain", "lang"), CATALOGS)
def test_no_fuzzy_and_no_stale_message(domain, lang):
    catalog = _catalog(domain, lang)
    assert [m.id for m in catalog if m.id and m.fuzzy] == []
    singular = {
        str(m.id): m.id if isinstance(m.id, str) else m.id[0] for m in catalog if m.id
    }  # a plural's id is a pair
    assert (
        sorted(shown for shown, key in singular.items() if key not in source_ids(domain)) == []
    ), "the code no longer says these: run python scripts/catalogs.py update"


@pytest.mark.parametrize(("domain", "lang"), CATALOGS)
def test_translations_keep_the_placeholders(domain, lang):
    for message in _catalog(domain, lang):
        if not message.id:
            continue
        ids = _forms(message.id)
        expected = fields(ids[-1]) if len(ids) > 1 else fields(ids[0])
        for text in _forms(message.string):
            got = fields(text)
            # a singular form may spell out "one" instead of {n}
            assert got == expected or (len(ids) > 1 and set(got) <= set(expected)), (
                domain,
                lang,
                message.id,
            )


def test_symbolic_ids_are_written_out_in_english():
    """A symbolic id (KEYS_HELP) has no English of its own: the English catalog must give it."""
    english = Translator("en", "candidate")
    assert english("KEYS_HELP") != "KEYS_HELP" and english("KEYS_HELP").startswith("F2")


def test_the_extraction_sees_the_code():
    assert "Hang up" in source_ids("candidate") and "KEYS_HELP" in source_ids("candidate")
    assert "Override" in source_ids("review") and "REVIEW_HELP" in source_ids("review")


def test_french_is_the_default_and_dutch_is_not_english():
    assert Translator()("Hang up") == "Raccrocher"
    assert Translator("nl", "candidate")("Hang up") not in ("Hang up", "Raccrocher")


def _forms(value) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)
