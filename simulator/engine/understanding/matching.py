"""Find a phrase in a prepared text: exact words, the same lemma (« renvoyée » → renvoyer), or a typo.

A hit records the tokens it covers and how sure it is: exact and lemma matches are sure; one edit
on a long word (« réexpédtion ») is a typo and still sure; two edits on a very long word are a
guess (``far``), which makes the judgement unsure. Numbers are compared on the view where numbers
in words are digits, so « six mois » and « 6 mois » are the same phrase.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from simulator.engine.understanding.numbers import digits
from simulator.engine.understanding.text import Prepared, View, fold, strip_accents

_SURE, _TYPO, _FAR = 0, 1, 2
_NEGATIONS = {
    "ne",
    "n",
    "pas",
    "plus",
    "jamais",
    "niet",
    "geen",
    "nooit",
    "not",
    "never",
    "no",
    "t",
}


@dataclass(frozen=True)
class Hit:
    """Tokens ``first..last`` of the view ``view`` ("words" or "numeric") match; ``far`` if only roughly."""

    view: str
    first: int
    last: int
    far: bool


@lru_cache(maxsize=1 << 15)
def lemma(word: str, lang: str) -> str:
    """The accent-free lemma of a casefolded word (the word itself when unknown or numeric)."""
    if not word.isalpha() or len(word) < 3:
        return strip_accents(word)
    import simplemma

    return strip_accents(simplemma.lemmatize(word, lang=lang).casefold())


@dataclass(frozen=True)
class _Phrase:
    raw: tuple[str, ...]
    plain: tuple[str, ...]
    lemmas: tuple[str, ...]
    numeric: tuple[str, ...]


@lru_cache(maxsize=1 << 13)
def _phrase(phrase: str, lang: str) -> _Phrase:
    from simulator.engine.understanding.text import _WORD

    folded = fold(phrase)
    words = [m.group().rstrip("'") for m in _WORD.finditer(folded)]
    numeric = [strip_accents(m.group().rstrip("'")) for m in _WORD.finditer(digits(folded, lang))]
    return _Phrase(
        tuple(words),
        tuple(strip_accents(w) for w in words),
        tuple(lemma(w, lang) for w in words),
        tuple(numeric),
    )


def _compare(
    raw: str, plain: str, lang: str, want: str, want_lemma: str, fuzzy: bool
) -> int | None:
    if plain == want:
        return _SURE
    if not plain.isalpha() or not want.isalpha() or not want_lemma:
        return None
    text_lemma = lemma(raw, lang)
    if text_lemma in (want, want_lemma) or plain == want_lemma:
        return _SURE
    if not fuzzy or len(want) < 6 or plain[:1] != want[:1] or abs(len(plain) - len(want)) > 2:
        return None
    from rapidfuzz.distance import Levenshtein

    distance = Levenshtein.distance(plain, want, score_cutoff=2)
    if distance <= 1:
        return _TYPO
    return _FAR if distance == 2 and len(want) >= 8 else None


def _index(view: View, lang: str) -> dict[str, set[int]]:
    """Where each word and each lemma of the text stands (built once per text)."""
    if "index" not in view.cache:
        index: dict[str, set[int]] = {}
        for i, token in enumerate(view.tokens):
            index.setdefault(token.plain, set()).add(i)
            if token.plain.isalpha():
                index.setdefault(lemma(token.raw, lang), set()).add(i)
        view.cache["index"] = index
    found: dict[str, set[int]] = view.cache["index"]
    return found


def _starts(view: View, lang: str, want: str, want_lemma: str, fuzzy: bool) -> list[int]:
    """The positions whose word may begin the phrase: the same word or lemma, or (``fuzzy``) a typo of it."""
    index = _index(view, lang)
    found = set(index.get(want, ())) | set(index.get(want_lemma, ()))
    if fuzzy and want.isalpha() and len(want) >= 6:
        from rapidfuzz.distance import Levenshtein

        for token_plain in _by_initial(view).get(want[0], ()):
            if (
                abs(len(token_plain) - len(want)) <= 2
                and Levenshtein.distance(token_plain, want, score_cutoff=2) <= 2
            ):
                found |= index.get(token_plain, set())
    return sorted(found)


def _by_initial(view: View) -> dict[str, tuple[str, ...]]:
    """The text's distinct words of four letters or more, by first letter (where a typo is looked for)."""
    if "initials" not in view.cache:
        groups: dict[str, set[str]] = {}
        for token in view.tokens:
            if len(token.plain) >= 4 and token.plain.isalpha():
                groups.setdefault(token.plain[0], set()).add(token.plain)
        view.cache["initials"] = {k: tuple(sorted(v)) for k, v in groups.items()}
    initials: dict[str, tuple[str, ...]] = view.cache["initials"]
    return initials


def _scan(
    view: View, name: str, want: tuple[str, ...], lemmas: tuple[str, ...], lang: str, fuzzy: bool
) -> list[Hit]:
    tokens, size, hits = view.tokens, len(want), []
    for i in _starts(view, lang, want[0], lemmas[0], fuzzy):
        if i + size > len(tokens):
            continue
        worst = _SURE
        for k in range(size):
            token = tokens[i + k]
            grade = _compare(token.raw, token.plain, lang, want[k], lemmas[k], fuzzy)
            if grade is None:
                break
            worst = max(worst, grade)
        else:
            hits.append(Hit(name, i, i + size - 1, worst == _FAR))
    return hits


def _scan_loose(view: View, want: tuple[str, ...], lemmas: tuple[str, ...], lang: str) -> list[Hit]:
    """Every word of a two- or three-word phrase in one clause, in any order, close together
    (Dutch « we sturen het pakket opnieuw » for « opnieuw sturen »)."""
    tokens, size, hits = view.tokens, len(want), []
    reach = size + 3
    for i in _starts(view, lang, want[0], lemmas[0], False):
        token = tokens[i]
        window = [
            k
            for k in range(max(0, i - reach), min(len(tokens), i + reach + 1))
            if tokens[k].clause == token.clause
        ]
        places = [i]
        for word, word_lemma in zip(want[1:], lemmas[1:], strict=True):
            found = next(
                (
                    k
                    for k in window
                    if k not in places
                    and _compare(tokens[k].raw, tokens[k].plain, lang, word, word_lemma, False)
                    is not None
                ),
                None,
            )
            if found is None:
                break
            places.append(found)
        else:
            between = {tokens[k].plain for k in range(min(places), max(places)) if k not in places}
            if not between & _NEGATIONS:  # « we sturen het niet opnieuw » is no match at all
                hits.append(Hit("words", min(places), max(places), False))
    return hits


def _exact(view: View, want: tuple[str, ...]) -> list[Hit]:
    """The very words, accents included (« dégagé » is not « dégage »)."""
    if "raw" not in view.cache:
        view.cache["raw"] = {}
        for i, token in enumerate(view.tokens):
            view.cache["raw"].setdefault(token.raw, []).append(i)
    raws, size = view.tokens, len(want)
    return [
        Hit("words", i, i + size - 1, False)
        for i in view.cache["raw"].get(want[0], ())
        if i + size <= len(raws) and tuple(t.raw for t in raws[i : i + size]) == want
    ]


def find(
    prepared: Prepared, phrase: str, *, fuzzy: bool = True, exact: bool = False, loose: bool = False
) -> list[Hit]:
    """Every place ``phrase`` occurs in ``prepared`` (sure hits first); ``exact``: the very words only;
    ``loose``: a short phrase's words may also come in another order, a few words apart."""
    spec = _phrase(phrase, prepared.lang)
    if not spec.plain:
        return []
    if exact:
        return _exact(prepared.words, spec.raw)
    hits = _scan(prepared.words, "words", spec.plain, spec.lemmas, prepared.lang, fuzzy)
    if loose and not hits and 2 <= len(spec.plain) <= 3:
        hits = _scan_loose(prepared.words, spec.plain, spec.lemmas, prepared.lang)
    if any(ch.isdigit() for ch in "".join(spec.numeric)):
        hits += _scan(prepared.numeric, "numeric", spec.numeric, spec.numeric, prepared.lang, False)
    return sorted(hits, key=lambda h: h.far)
