"""Text folded for comparison: case, accents, typographic quotes and dashes, punctuation set aside.

A name in a directory, a phrase a check looks for and the answer a candidate typed are compared
after the same folding, so « Lumière » finds « lumiere » and « l’agence » finds « l'agence ».
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

#: Typographic quotes, apostrophes and dashes as typed on a keyboard; œ and æ spelled out.
PLAIN_TYPOGRAPHY = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u02bc": "'",
        "`": "'",
        "\u00b4": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2039": '"',
        "\u203a": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u0153": "oe",
        "\u00e6": "ae",
    }
)


def fold(text: str) -> str:
    """Casefold, strip accents, unify quotes/dashes and collapse whitespace; keep punctuation."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.translate(PLAIN_TYPOGRAPHY).split())


def _normalise(text: str) -> str:
    return " ".join(re.sub(r"[\W_]+", " ", fold(text)).split())


# Article bodies, names and answers are compared again and again: each text is folded once.
_normalised = lru_cache(maxsize=1 << 14)(_normalise)


def normalise(text: str) -> str:
    """Fold *text* for comparison: no case, accents or punctuation, single spaces."""
    return (_normalised if isinstance(text, str) else _normalise)(text)


def contains_phrase(text: str, phrase: str) -> bool:
    """True when the normalised *phrase* occurs in the normalised *text* on word boundaries."""
    needle = normalise(phrase)
    return bool(needle) and f" {needle} " in f" {normalise(text)} "
