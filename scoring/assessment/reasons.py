"""What makes a written reason acceptable: one rule for the review app and the command line.

The text is NFKC-normalised, invisible characters (format and control characters such as the
zero-width space, except line breaks and tabs, which become spaces) are removed and blanks are
collapsed; what remains must hold at least 15 letters and 3 words (a word holds at least one
letter). The cleaned text is what the audit keeps.
"""

from __future__ import annotations

import re
import unicodedata

from scoring.assessment.model import ReasonRequired
from scoring.quoted import Quoted
from simulator.i18n import N_, Message, translator

MINIMUM_LETTERS = 15
MINIMUM_WORDS = 3
_BLANKS = re.compile(r"\s+")


def cleaned_reason(text: object) -> str:
    """``text`` NFKC-normalised, without invisible characters, its blanks collapsed and trimmed."""
    if not isinstance(text, str):
        return ""
    normal = unicodedata.normalize("NFKC", text)
    kept = "".join(
        " " if ch in "\t\n\r" else ch
        for ch in normal
        if ch in "\t\n\r" or unicodedata.category(ch) not in ("Cf", "Cc", "Co", "Cs", "Cn")
    )
    return _BLANKS.sub(" ", kept).strip()


def meaningful_reason(text: object, what: Message) -> str:
    """The cleaned reason, or ``ReasonRequired`` saying what is missing (``what``: which act needs it)."""
    reason = cleaned_reason(text)
    letters = sum(1 for ch in reason if ch.isalpha())
    words = sum(1 for word in reason.split(" ") if any(ch.isalpha() for ch in word))
    if letters >= MINIMUM_LETTERS and words >= MINIMUM_WORDS:
        return reason
    said_words = Quoted(lambda lang: translator("engine", lang).n("{n} word", "{n} words", words))
    said_letters = Quoted(
        lambda lang: translator("engine", lang).n("{n} letter", "{n} letters", letters)
    )
    raise ReasonRequired(
        Message(
            N_(
                "{what}: at least {minimum_words} words and {minimum_letters} letters saying what was observed "
                "(got {words}, {letters})."
            ),
            what=what,
            minimum_words=MINIMUM_WORDS,
            minimum_letters=MINIMUM_LETTERS,
            words=said_words,
            letters=said_letters,
        )
    )
