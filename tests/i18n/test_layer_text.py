"""The command line shows another layer's refusal in the chosen language, whether that layer already
speaks through a ``Message`` or still carries its French and English texts."""

from __future__ import annotations

from simulator.cli.layer_text import layer_text
from simulator.i18n import Message

SEALED = Message("Journal not sealed by the centre yet.")


class _Pair(Exception):
    def __init__(self) -> None:
        super().__init__("fichier illisible / unreadable file")
        self.message_fr, self.message_en = "fichier illisible", "unreadable file"


class _Method(Exception):
    def message(self, lang: str) -> str:
        return {"en": "refused", "nl": "geweigerd"}.get(lang, "refusé")


class _Carrier(Exception):
    def __init__(self) -> None:
        super().__init__(str(SEALED))
        self.message = SEALED


def test_an_error_with_its_french_and_english_texts():
    assert [layer_text(_Pair(), lang) for lang in ("fr", "en", "nl")] == [
        "fichier illisible",
        "unreadable file",
        "fichier illisible",
    ]  # Dutch: French until the layer has it


def test_an_error_that_says_it_in_a_language_asked():
    assert (layer_text(_Method(), "fr"), layer_text(_Method(), "en")) == ("refusé", "refused")
    assert layer_text(_Method(), "nl") == "geweigerd"


class _TwoLanguages(Exception):
    def message(self, lang: str) -> str:
        return "refusé" if lang == "fr" else "refused"


def test_dutch_gets_french_from_a_layer_that_knows_only_french_and_english():
    assert layer_text(_TwoLanguages(), "nl") == "refusé"


def test_a_message_and_an_error_carrying_one_are_translated_with_the_engine_catalog():
    assert layer_text(SEALED, "nl") == "Logboek nog niet verzegeld door het centrum."
    assert layer_text(_Carrier(), "fr") == "Journal pas encore scellé par le centre."
    assert layer_text(_Carrier(), "en") == "Journal not sealed by the centre yet."
