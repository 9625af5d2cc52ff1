"""How a catalog is loaded: the compiled ``.mo`` when it is there and up to date (an installed wheel),
the ``.po`` compiled in memory otherwise (a checkout, an editable install), the same text either way."""

from __future__ import annotations

import shutil

import pytest

from simulator.i18n import Message, Translator, po_path
from simulator.i18n.catalogs import compile_po, translation


@pytest.fixture
def locale(tmp_path):
    for lang in ("fr", "nl", "en"):
        target = tmp_path / lang / "LC_MESSAGES" / "candidate.po"
        target.parent.mkdir(parents=True)
        shutil.copy(po_path("candidate", lang), target)
    return tmp_path


def test_compiling_is_deterministic():
    assert compile_po(po_path("checker", "nl")) == compile_po(po_path("checker", "nl"))


def test_a_checkout_reads_its_po_compiled_once(locale):
    assert translation("candidate", "fr", locale).gettext("Hang up") == "Raccrocher"
    (kept,) = (locale / ".compiled").glob("fr-candidate-*.mo")
    assert kept.read_bytes() == compile_po(locale / "fr" / "LC_MESSAGES" / "candidate.po")


def test_an_edited_po_is_compiled_again(locale):
    translation("candidate", "nl", locale)
    po = locale / "nl" / "LC_MESSAGES" / "candidate.po"
    po.write_text(
        po.read_text(encoding="utf-8").replace('"Ophangen"', '"Inhaken"'), encoding="utf-8"
    )
    translation.cache_clear()
    assert translation("candidate", "nl", locale).gettext("Hang up") == "Inhaken"
    assert len(list((locale / ".compiled").glob("nl-candidate-*.mo"))) == 2


def test_an_installed_package_reads_the_mo_of_the_build(locale):
    """The wheel carries the .mo and no .po."""
    po = locale / "en" / "LC_MESSAGES" / "candidate.po"
    po.with_suffix(".mo").write_bytes(compile_po(po))
    po.unlink()
    assert translation("candidate", "en", locale).gettext("KEYS_HELP").startswith("F2")


def test_plural_forms_follow_each_language():
    """French puts 0 and 1 in the singular, Dutch and English only 1 (the catalogs' Plural-Forms)."""
    assert (
        translation("candidate", "fr").plural(0) == 0
        and translation("candidate", "en").plural(0) == 1
    )
    assert (
        translation("candidate", "nl").plural(1) == 0
        and translation("candidate", "nl").plural(2) == 1
    )


def test_a_message_is_translated_where_it_is_shown():
    said = Message("Did you mean '{name}'?", name="mail")
    assert said.to(Translator("fr", "checker")) == "Vouliez-vous dire « mail » ?"
    assert said.to(Translator("nl", "checker")) == "Bedoelde u 'mail'?"
    assert str(said) == "Did you mean 'mail'?"
    nested = Message(
        "wrong type: expected {expected}, found {found}",
        expected=Message("a text"),
        found=Message("a list"),
    )
    assert (
        nested.to(Translator("fr", "checker"))
        == "type incorrect : un texte attendu, une liste trouvé"
    )
