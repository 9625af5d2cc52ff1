"""How a catalog is loaded: the compiled ``.mo`` when it is there and up to date (an installed wheel),
the ``.po`` compiled in memory otherwise (a checkout, an editable install), the same text either way."""

from __future__ import annotations

import os
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


def test_without_mo_the_po_is_read(locale):
    assert translation("candidate", "fr", locale).gettext("Hang up") == "Raccrocher"


def test_an_up_to_date_mo_is_what_gettext_reads(locale):
    po = locale / "fr" / "LC_MESSAGES" / "candidate.po"
    po.write_text(po.read_text(encoding="utf-8").replace('"Raccrocher"', '"Raccrocher (mo)"'), encoding="utf-8")
    po.with_suffix(".mo").write_bytes(compile_po(po))
    shutil.copy(po_path("candidate", "fr"), po)  # the .po back as it was, but older than the .mo
    os.utime(po, (1, 1))
    assert translation("candidate", "fr", locale).gettext("Hang up") == "Raccrocher (mo)"


def test_a_mo_older_than_its_po_is_ignored(locale):
    po = locale / "nl" / "LC_MESSAGES" / "candidate.po"
    po.with_suffix(".mo").write_bytes(b"not a catalog")
    os.utime(po.with_suffix(".mo"), (1, 1))
    assert translation("candidate", "nl", locale).gettext("Hang up") == "Ophangen"


def test_plural_forms_follow_each_language():
    """French puts 0 and 1 in the singular, Dutch and English only 1 (the catalogs' Plural-Forms)."""
    assert translation("candidate", "fr").plural(0) == 0 and translation("candidate", "en").plural(0) == 1
    assert translation("candidate", "nl").plural(1) == 0 and translation("candidate", "nl").plural(2) == 1


def test_a_message_is_translated_where_it_is_shown():
    said = Message("Did you mean '{name}'?", name="mail")
    assert said.to(Translator("fr", "checker")) == "Vouliez-vous dire « mail » ?"
    assert said.to(Translator("nl", "checker")) == "Bedoelde u 'mail'?"
    assert str(said) == "Did you mean 'mail'?"
    nested = Message("wrong type: expected {expected}, found {found}", expected=Message("a text"),
                     found=Message("a list"))
    assert nested.to(Translator("fr", "checker")) == "type incorrect : un texte attendu, une liste trouvé"
