"""Is a text written as sentences, or only a list of values (« 26/11 ; 14h ; adresse ») ?

A recap or a mail must say something to someone: at least one stretch of three words or more with
a subject pronoun or a verb in it (or a noun group held together by articles and prepositions,
« réexpédition de la lampe au 72 »), and not mostly figures. A bare list of the expected values, or
of « label : value » lines, has none.
"""

from __future__ import annotations

import re

from simulator.engine.understanding.text import Prepared, strip_accents

_VERBISH = {
    "fr": {
        "je",
        "j",
        "nous",
        "vous",
        "il",
        "elle",
        "on",
        "c",
        "ce",
        "est",
        "sera",
        "serez",
        "sont",
        "ai",
        "avons",
        "avez",
        "a",
        "va",
        "vais",
        "allons",
        "allez",
        "peux",
        "pouvez",
        "peut",
        "dois",
        "doit",
        "faut",
        "recevrez",
        "recevra",
        "passera",
        "passe",
        "viendra",
        "vient",
        "confirme",
        "note",
        "prie",
    },
    "nl": {
        "ik",
        "we",
        "wij",
        "u",
        "het",
        "er",
        "is",
        "wordt",
        "zal",
        "zullen",
        "heb",
        "hebben",
        "heeft",
        "gaat",
        "ga",
        "komt",
        "kan",
        "kunt",
        "moet",
        "krijgt",
        "ontvangt",
        "bevestig",
        "stuur",
        "sturen",
    },
    "en": {
        "i",
        "we",
        "you",
        "it",
        "is",
        "will",
        "be",
        "have",
        "has",
        "am",
        "are",
        "can",
        "shall",
        "get",
        "let",
        "please",
    },
}
_GLUE = {
    "fr": {
        "le",
        "la",
        "les",
        "l",
        "un",
        "une",
        "des",
        "du",
        "de",
        "d",
        "au",
        "aux",
        "a",
        "en",
        "pour",
        "avec",
        "sur",
        "dans",
        "par",
        "votre",
        "vos",
        "notre",
    },
    "nl": {"de", "het", "een", "van", "voor", "met", "op", "in", "aan", "naar", "uw", "onze"},
    "en": {"the", "a", "an", "of", "for", "with", "on", "in", "to", "at", "your", "our"},
}
#: Conjugated French verbs (« renvoyons », « recevrez », « passera ») — not nouns in -er or -tion(s).
_FR_VERB_ENDING = re.compile(r"(?:ez|[^ts]ions|[^i]ons|ont|rai|ra|rez|ront|ait|aient)$")
_SEGMENT = re.compile(r"[;:\n|•]+|\s[-–]\s|,\s")


_ANY_VERBISH = frozenset().union(*_VERBISH.values())


def _verbish(word: str, lang: str) -> bool:
    if word in _ANY_VERBISH:  # Belgian candidates mix languages: a pronoun is a pronoun
        return True
    return lang == "fr" and len(word) > 4 and bool(_FR_VERB_ENDING.search(word))


def is_sentence(prepared: Prepared) -> bool:
    """True when some segment of the text reads as a sentence rather than a listed value."""
    lang = prepared.lang
    for segment in _SEGMENT.split(prepared.words.string):
        words = [strip_accents(w) for w in re.findall(r"[^\W_]+", segment)]
        if len(words) < 3 or sum(w.isdigit() for w in words) * 2 >= len(words):
            continue
        if any(_verbish(w, lang) for w in words) or (
            len(words) >= 4 and sum(w in _GLUE[lang] for w in words) >= 2
        ):
            return True
    return False
