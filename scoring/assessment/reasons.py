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

MINIMUM_LETTERS = 15
MINIMUM_WORDS = 3
_BLANKS = re.compile(r"\s+")


def cleaned_reason(text: object) -> str:
    """``text`` NFKC-normalised, without invisible characters, its blanks collapsed and trimmed."""
    if not isinstance(text, str):
        return ""
    normal = unicodedata.normalize("NFKC", text)
    kept = "".join(" " if ch in "\t\n\r" else ch for ch in normal
                   if ch in "\t\n\r" or unicodedata.category(ch) not in ("Cf", "Cc", "Co", "Cs", "Cn"))
    return _BLANKS.sub(" ", kept).strip()


def meaningful_reason(text: object, what_fr: str, what_en: str) -> str:
    """The cleaned reason, or ``ReasonRequired`` saying what is missing (``what_*``: which act needs it)."""
    reason = cleaned_reason(text)
    letters = sum(1 for ch in reason if ch.isalpha())
    words = sum(1 for word in reason.split(" ") if any(ch.isalpha() for ch in word))
    if letters >= MINIMUM_LETTERS and words >= MINIMUM_WORDS:
        return reason
    raise ReasonRequired(
        f"{what_fr} : au moins {MINIMUM_WORDS} mots et {MINIMUM_LETTERS} lettres qui disent ce qui a été observé "
        f"(reçu : {words} mot(s), {letters} lettre(s)).",
        f"{what_en}: at least {MINIMUM_WORDS} words and {MINIMUM_LETTERS} letters saying what was observed "
        f"(got {words} word(s), {letters} letter(s)).")
