"""French elision before a name: « d'Anne », « qu'Olivier », « l'Escaut » — but « de Marc », « de Hasselt ».

French writes *de*, *que*, *le*, *la*, *jusque*, *lorsque* and *puisque* with an apostrophe before a
word that starts with a vowel sound: a vowel, a mute *h* (Hélène, Hugo) or a *y* before a consonant
(Yves, Ypres). An aspirated *h* keeps the full word (Hasselt, Hans, Hamza): among names, only the
French given names listed in :data:`MUTE_H` take the apostrophe. :func:`elided` writes one particle
before one name; :func:`with_names` fills a translated text whose placeholders are names, eliding
the particle written just before each of them when the text is French.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from typing import Any

#: The particles French elides, and their elided form.
PARTICLES = {
    "de": "d'",
    "que": "qu'",
    "le": "l'",
    "la": "l'",
    "jusque": "jusqu'",
    "lorsque": "lorsqu'",
    "puisque": "puisqu'",
}
#: French given names (and a few words) whose *h* is mute, unaccented and in lower case: the
#: particle before them is elided (« d'Hélène »); any other *h* is taken as aspirated.
MUTE_H = frozenset(
    {
        "hadrien",
        "hector",
        "helena",
        "helene",
        "heloise",
        "henri",
        "henriette",
        "herve",
        "hippolyte",
        "honore",
        "honorine",
        "hortense",
        "hubert",
        "hugo",
        "hugues",
        "huguette",
        "hyacinthe",
    }
)
_VOWELS = frozenset("aeiouœæ")
_BEFORE_PLACEHOLDER = re.compile(
    r"(?<![\w'’])(" + "|".join(PARTICLES) + r") \{(\w+)\}", flags=re.IGNORECASE
)


def _plain(word: str) -> str:
    """``word`` without accents, in lower case."""
    decomposed = unicodedata.normalize("NFD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def elides(word: str) -> bool:
    """Whether French elides a particle before ``word`` (its first word decides)."""
    first = _plain(word.strip().split(" ")[0]) if word.strip() else ""
    if not first:
        return False
    if first[0] in _VOWELS:
        return True
    if first[0] == "y":  # Yves, Ypres; but Yannick, Yasmine (a y before a vowel is a consonant)
        return len(first) > 1 and first[1] not in _VOWELS
    if first[0] == "h":
        return first.strip(".,;:!?") in MUTE_H
    return False


def elided(particle: str, word: str) -> str:
    """``particle`` then ``word`` as French writes them: « d'Anne », « de Marc », « L'Escaut »."""
    if particle.casefold() not in PARTICLES or not elides(word):
        return f"{particle} {word}"
    return _short(particle) + word


def with_names(text: str, lang: str, /, **params: Any) -> str:
    """``text`` (translated, with ``{placeholders}``) filled with ``params``; in French, a particle
    written just before a placeholder (« de {name} ») is elided when the name calls for it."""
    if lang == "fr":
        text = _BEFORE_PLACEHOLDER.sub(lambda m: _placeholder(m, params), text)
    return text.format(**params)


def _placeholder(match: re.Match[str], params: Mapping[str, Any]) -> str:
    particle, name = match.group(1), match.group(2)
    value = params.get(name)
    if value is None or not elides(str(value)):
        return match.group(0)
    return _short(particle) + "{" + name + "}"


def _short(particle: str) -> str:
    """The elided form of ``particle``, capitalised like it (« De » → « D' »)."""
    short = PARTICLES[particle.casefold()]
    return short[0].upper() + short[1:] if particle[:1].isupper() else short
