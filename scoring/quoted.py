"""A text another layer already writes in each language, quoted inside a scoring message.

A checker diagnostic, a journal's verification reason or a journal error is said by its own layer;
``Quoted`` lets it be a parameter of a :class:`~simulator.i18n.Message` so that the whole refusal is
shown in one language, the one of the reader.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from simulator.i18n import DEFAULT_LANG, LANGUAGES, Message, Translator


class Quoted(Message):
    """``text(lang)`` as a message parameter: shown in the translator's language, English as ``str()``.

    The texts are taken at once in every language, so a quoted refusal travels between processes.
    """

    __slots__ = ("texts",)

    def __init__(self, text: Callable[[str], str]) -> None:
        super().__init__("{text}")
        self.texts = {lang: text(lang) for lang in LANGUAGES}

    def to(self, t: Translator) -> str:
        return self.texts.get(t.lang, self.texts[DEFAULT_LANG])

    def __str__(self) -> str:
        return self.texts["en"]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Quoted) and self.texts == other.texts

    def __hash__(self) -> int:
        return hash(str(self))


def quoted_error(error: Exception) -> Quoted:
    """An error of another layer as it says itself: its ``message(lang)`` when it has one, else its text."""
    said = getattr(error, "message", None)
    if callable(said):
        return Quoted(lambda lang: str(said(lang)))
    return Quoted(lambda _lang: str(error))


def verification_reason(result: Any) -> Quoted:
    """Why a journal fails verification (``simulator.journal.verify.VerifyResult``), as the verifier words it:
    in French and English (Dutch reads the French)."""
    return Quoted(lambda lang: result.reason_en if lang == "en" else result.reason)
