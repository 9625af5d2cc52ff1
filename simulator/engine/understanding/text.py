"""A typed text prepared once for every check: folded, tokenised, cut into clauses, numbers in digits.

Two views are kept. ``words`` is the text as written (casefolded, accents stripped, one token per
word); ``numeric`` is the same text with numbers in words turned into digits (« septante-deux » →
« 72 »), read by the number, amount, date and time readers. Each token knows its clause, so that
negation is looked for where it can apply.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from simulator.engine.understanding.numbers import digits
from simulator.formatting.text import PLAIN_TYPOGRAPHY

#: Clause boundaries: sentence punctuation, commas, line breaks and the adversative conjunctions.
_BREAK_WORDS = {
    "fr": "mais|toutefois|cependant|par contre|car|parce que|puisque|donc|alors|et|ou",
    "nl": "maar|echter|want|omdat|dus|en|of",
    "en": "but|however|because|since|so|and|or",
}
_CLAUSE_BREAKS = {
    lang: re.compile(rf"[.!?;,:\n()]+(?!\d)|\s(?:{words})\s")
    for lang, words in _BREAK_WORDS.items()
}
_WORD = re.compile(r"[^\W_]+(?:'(?=[^\W_]))?", re.UNICODE)


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold(text: str) -> str:
    """Casefold, unify quotes and dashes, collapse whitespace (accents kept)."""
    return " ".join(text.casefold().translate(PLAIN_TYPOGRAPHY).split(" ")).strip()


@dataclass(frozen=True)
class Token:
    """One word: as written (casefolded), without accents, its clause and its place in the string."""

    raw: str
    plain: str
    clause: int
    start: int
    end: int


@dataclass(frozen=True)
class View:
    """A string and its tokens; ``clause_at`` maps a character offset to its clause number."""

    string: str
    tokens: tuple[Token, ...]
    breaks: tuple[int, ...]
    #: What the readers compute once per text (word indexes, set phrases), by name.
    cache: dict[str, Any] = field(default_factory=dict, compare=False, hash=False, repr=False)

    def clause_at(self, offset: int) -> int:
        return bisect_right(self.breaks, offset)

    def token_range(self, start: int, end: int) -> tuple[int, int]:
        """The indices of the first and last tokens overlapping the characters ``start:end``."""
        inside = [i for i, t in enumerate(self.tokens) if t.end > start and t.start < end]
        if not inside:
            before = sum(1 for t in self.tokens if t.start < start)
            return before, before - 1
        return inside[0], inside[-1]


def _view(string: str, lang: str) -> View:
    breaks = tuple(m.start() for m in _CLAUSE_BREAKS[lang].finditer(string))
    tokens = []
    for match in _WORD.finditer(string):
        raw = match.group().rstrip("'")
        clause = bisect_right(breaks, match.start())
        tokens.append(Token(raw, strip_accents(raw), clause, match.start(), match.end()))
    return View(string, tuple(tokens), breaks)


@dataclass(frozen=True)
class Prepared:
    """The views of one text in one language."""

    original: str
    lang: str
    words: View
    numeric: View


@lru_cache(maxsize=2048)
def prepare(text: str, lang: str) -> Prepared:
    """Fold *text* once; the same text in the same language is prepared only once."""
    folded = fold(text)
    words = _view(folded, lang)
    converted = digits(folded, lang) if re.search(r"[^\W\d_]{3}", folded) else folded
    numeric = _view(strip_accents(converted), lang)
    return Prepared(text, lang, words, numeric)
