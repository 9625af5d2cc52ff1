"""Negation scope: is a matched span of a text said, or said *not* to be (« pas de réexpédition »)?

Cues are closed-class words of each language. A determiner negation (« pas de », « aucun »,
« sans », « geen », « zonder », « no », « without ») covers the noun group that follows it; a
verbal negation (« ne … pas/plus/jamais/rien », « niet », « nooit », « not », « never ») covers
the rest of its clause. A verbal negation just after the span (« la réexpédition n'est pas
prévue », « the refund is not possible ») covers it too. Set phrases that only look negative
(« n'hésitez pas », « pas de souci », « no problem », « aarzel niet ») are not cues. A bare
« pas » after the span without « ne » (spoken French) makes the reading uncertain.
"""

from __future__ import annotations

from simulator.engine.understanding.text import Token, View

SAID, DENIED, UNCLEAR = "said", "denied", "unclear"

_DETERMINER = {
    "aucun",
    "aucune",
    "sans",
    "non",
    "ni",
    "geen",
    "zonder",
    "noch",
    "no",
    "without",
    "nor",
    "none",
}
_VERBAL = {
    "jamais",
    "rien",
    "nullement",
    "guere",
    "niet",
    "nooit",
    "niets",
    "nergens",
    "not",
    "never",
    "nothing",
    "cannot",
    "cant",
    "dont",
    "wont",
    "isnt",
    "nt",
}
_NEEDS_NE = {"plus"}
_NE = {"ne", "n"}
_NP_STOP = {
    "pour",
    "a",
    "au",
    "aux",
    "avec",
    "que",
    "qui",
    "voor",
    "met",
    "for",
    "with",
    "to",
    "that",
    "dat",
    "die",
    "om",
    "sur",
    "dans",
    "op",
    "in",
    "on",
    "at",
    "le",
    "la",
    "les",
    "l",
    "de",
    "het",
}
_N_T = {
    "don",
    "won",
    "can",
    "isn",
    "aren",
    "wasn",
    "weren",
    "doesn",
    "didn",
    "shouldn",
    "couldn",
    "wouldn",
    "haven",
    "hasn",
    "hadn",
    "mustn",
    "needn",
}
_IDIOMS = tuple(
    tuple(p.split())
    for p in (
        "n hesitez pas",
        "n hesitez surtout pas",
        "ne hesitez pas",
        "n hesite pas",
        "ne vous inquietez pas",
        "ne vous en faites pas",
        "pas de souci",
        "pas de soucis",
        "pas de probleme",
        "pas de problemes",
        "sans faute",
        "sans doute",
        "sans hesiter",
        "sans oublier",
        "non seulement",
        "pas seulement",
        "pas mal",
        "pas plus tard que",
        "ne manquez pas",
        "no problem",
        "no worries",
        "not only",
        "no later than",
        "not later than",
        "don t hesitate",
        "do not hesitate",
        "dont hesitate",
        "geen probleem",
        "geen zorgen",
        "aarzel niet",
        "niet aarzelen",
        "niet alleen",
        "niet later dan",
        "zonder twijfel",
        "zonder mankeren",
        "je ne sais quoi",
        "n oubliez pas",
        "n oubliez surtout pas",
        "ne pas oublier",
        "n oublie pas",
        "vergeet niet",
        "vergeet u niet",
        "niet vergeten",
        "don t forget",
        "do not forget",
        "dont forget",
        "ne tardez pas",
        "no doubt",
        "not forget",
    )
)


_IDIOMS_BY_FIRST: dict[str, tuple[tuple[str, ...], ...]] = {}
for _idiom in _IDIOMS:
    _IDIOMS_BY_FIRST[_idiom[0]] = (*_IDIOMS_BY_FIRST.get(_idiom[0], ()), _idiom)


def _idiom_tokens(tokens: tuple[Token, ...]) -> set[int]:
    words = [t.plain for t in tokens]
    covered: set[int] = set()
    for i, word in enumerate(words):
        for idiom in _IDIOMS_BY_FIRST.get(word, ()):
            if tuple(words[i : i + len(idiom)]) == idiom:
                covered.update(range(i, i + len(idiom)))
    return covered


def _cue(tokens: tuple[Token, ...], i: int, clause_start: int) -> str | None:
    """'det', 'verbal' or None for token ``i`` (its clause starts at ``clause_start``)."""
    word = tokens[i].plain
    if word == "t" and i > 0 and tokens[i - 1].plain in _N_T:
        return "verbal"
    if word == "pas":
        after = (
            tokens[i + 1].plain
            if i + 1 < len(tokens) and tokens[i + 1].clause == tokens[i].clause
            else ""
        )
        return "det" if after in {"de", "d", "du", "des"} else "verbal"
    if word in _DETERMINER:
        return "det"
    if word in _VERBAL:
        return "verbal"
    if word in _NEEDS_NE and any(tokens[j].plain in _NE for j in range(clause_start, i)):
        return "verbal"
    return None


def _np_reaches(tokens: tuple[Token, ...], cue: int, target: int) -> bool:
    """Does the noun group after a determiner negation at ``cue`` reach token ``target``?"""
    j = cue + 1
    if j < len(tokens) and tokens[j].plain in {"de", "d", "du", "des", "of", "any"}:
        j += 1
    for k in range(j, min(j + 3, len(tokens))):
        if k == target:
            return True
        if k > j and tokens[k].plain in _NP_STOP:
            return False
    return False


def polarity(view: View, first: int, last: int) -> str:
    """Whether tokens ``first..last`` of ``view`` are stated (SAID), negated (DENIED) or UNCLEAR."""
    tokens = view.tokens
    if not tokens or first > last or first >= len(tokens):
        return SAID
    clause = tokens[first].clause
    if "idioms" not in view.cache:
        view.cache["idioms"] = _idiom_tokens(tokens)
    idioms = view.cache["idioms"]
    start = first
    while start > 0 and tokens[start - 1].clause == clause:
        start -= 1
    for i in range(start, first):
        if i in idioms:
            continue
        kind = _cue(tokens, i, start)
        if kind == "verbal" or (kind == "det" and _np_reaches(tokens, i, first)):
            return DENIED
    ne_before = any(tokens[i].plain in _NE and i not in idioms for i in range(start, first))
    return _after(tokens, last, clause, idioms, ne_before)


def _after(
    tokens: tuple[Token, ...], last: int, clause: int, idioms: set[int], ne_before: bool
) -> str:
    """A verbal negation just after the span: « X n'est pas », « X is not », « X wordt niet »."""
    window = [
        k
        for k in range(last + 1, min(last + 6, len(tokens)))
        if tokens[k].clause == clause and k not in idioms
    ]
    words = [tokens[k].plain for k in window]
    for n, k in enumerate(window):
        word = words[n]
        if ne_before and word in {"pas", "plus", "jamais", "rien", "guere"}:
            return DENIED
        if word in _NE and any(
            w in {"pas", "plus", "jamais", "rien", "guere"} for w in words[n + 1 : n + 4]
        ):
            return DENIED
        if word in {"not", "never", "niet", "nooit", "cannot"} or (
            word == "t" and k > 0 and tokens[k - 1].plain in _N_T
        ):
            return DENIED
        if word == "pas" and n < 3:
            return UNCLEAR
    return SAID
