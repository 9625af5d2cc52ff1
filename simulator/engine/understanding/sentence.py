"""Is a text written as sentences, or only a list of values (« 26/11 ; 14h ; adresse ») ?

A recap or a mail must say something to someone: at least one stretch of four words or more with
a pronoun, an article or an auxiliary in it. A bare list of the expected values has none.
"""

from __future__ import annotations

import re

from simulator.engine.understanding.text import Prepared

_FUNCTION = {
    "fr": {"je", "j", "nous", "vous", "il", "elle", "on", "le", "la", "les", "l", "un", "une", "des", "du",
           "est", "sera", "serez", "ai", "avons", "avez", "a", "va", "vais", "allons", "votre", "vos", "notre",
           "que", "qui", "ce", "c", "y", "en", "pour", "sur", "par", "avec", "bien", "peux", "pouvez"},
    "nl": {"ik", "we", "wij", "u", "uw", "het", "de", "een", "is", "wordt", "zal", "zullen", "heb", "hebben",
           "heeft", "gaat", "ga", "dat", "die", "er", "voor", "op", "met", "om", "kunt", "kan", "ons", "onze"},
    "en": {"i", "we", "you", "your", "it", "the", "a", "an", "is", "will", "be", "have", "has", "am", "are",
           "that", "this", "for", "on", "with", "to", "our", "can", "shall"},
}
_SEGMENT = re.compile(r"[;\n|•]+|\s[-–]\s|,\s")


def is_sentence(prepared: Prepared) -> bool:
    """True when some segment of the text reads as a sentence rather than a listed value."""
    function = _FUNCTION[prepared.lang] | _FUNCTION["en"] if prepared.lang != "en" else _FUNCTION["en"]
    for segment in _SEGMENT.split(prepared.words.string):
        words = re.findall(r"[^\W_]+", segment)
        if len(words) < 4:
            continue
        glue = sum(w in function for w in words)
        if glue >= 2 and sum(w.isdigit() for w in words) * 2 < len(words):
            return True
    return False
