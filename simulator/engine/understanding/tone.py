"""Tone: insults, threats, sarcasm, refusals to help, blaming the caller, and « tu » to a customer.

Each is negative evidence: a recap that insults the caller is not a recap. Markers come from the
shared lexicons (data/*.yaml) and are matched as the very words (no lemma, no typo guessing: « accès dégagé » is not « dégage »).
Sarcasm is only a hint, so it makes a judgement unsure rather than failed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from simulator.engine.understanding.lexicon import tone_phrases
from simulator.engine.understanding.matching import find
from simulator.engine.understanding.text import Prepared

#: Kinds that fail a check outright; the others make it unsure.
FAILING = ("insult", "threat", "refusal", "blame", "tutoiement")

_TU_VERB = re.compile(
    r"\b(?:tu|t')\s?(?:es|as|vas|peux|veux|dois|sais|auras|recevras|seras|ne|n'|l'|les|en|y|le|la|me)\b"
    r"|\bt'(?:inquiete|en fais|appelle|envoie|envoies|rappelle)|\b(?:toi|vas-tu|as-tu|peux-tu|veux-tu)\b"
    r"|\b(?:ton|ta|tes)\s(?:colis|commande|facture|adresse|rendez-vous|rdv|dossier|compte|numero|demande|carte|fille|fils|contrat|gsm|mail)\b"
)


@dataclass(frozen=True)
class ToneMarker:
    """One marker found: its kind and the words that gave it away."""

    kind: str
    words: str


def markers(prepared: Prepared) -> tuple[ToneMarker, ...]:
    """The tone markers of a prepared text, in lexicon order."""
    found = []
    for kind, phrase in tone_phrases(prepared.lang):
        hits = find(prepared, phrase, exact=True)
        if hits:
            hit = hits[0]
            tokens = prepared.words.tokens[hit.first : hit.last + 1]
            found.append(ToneMarker(kind, " ".join(t.raw for t in tokens)))
    if prepared.lang == "fr":
        match = _TU_VERB.search(prepared.numeric.string)
        if match:
            found.append(ToneMarker("tutoiement", match.group()))
    return tuple(found)
