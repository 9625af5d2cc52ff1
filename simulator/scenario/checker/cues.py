"""The cues a test-wise candidate reads in a choice point: length, politeness, words echoed from the prompt.

Shared by the checker's item analysis and by ``callsim epreuve analyse``. Everything is measured on
the French text of a reply, with each ``{{ … }}`` placeholder counted as 10 characters (the
definition trainers and the library agree on, see the trainer's guide « Écrire un bon point de
choix »).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from simulator.scenario.models import Node, Reply
from simulator.scenario.models.common import text_in

#: Width of a rendered placeholder, whatever it names.
PLACEHOLDER_WIDTH = 10
_PLACEHOLDER = re.compile(r"\{\{.*?\}\}", re.DOTALL)
_BLOCK = re.compile(r"\{%.*?%\}|\{#.*?#\}", re.DOTALL)
_APOSTROPHE = str.maketrans({"’": "'", "ʼ": "'", "`": "'"})

#: Politeness markers (case-insensitive), French first, then their Dutch and English equivalents.
POLITE_MARKERS = (
    r"s'il vous pla[iî]t",
    r"je vous prie",
    r"\bmerci",
    r"je comprends",
    r"je suis d[ée]sol[ée]e?",
    r"\bexcusez",
    r"\bpardon",
    r"\bmadame\b",
    r"\bmonsieur\b",
    r"\bvolontiers\b",
    r"avec plaisir",
    r"bien s[ûu]r",
    r"je vous en prie",
    r"alstublieft",
    r"\bdank u\b",
    r"\bbedankt\b",
    r"ik begrijp",
    r"het spijt me",
    r"\bexcuseer",
    r"\bsorry\b",
    r"\bmevrouw\b",
    r"\bmeneer\b",
    r"\bgraag\b",
    r"met plezier",
    r"natuurlijk",
    r"\bplease\b",
    r"thank",
    r"i understand",
    r"i'?m sorry",
    r"excuse me",
    r"\bpardon\b",
    r"\bmadam\b",
    r"\bsir\b",
    r"\bgladly\b",
    r"with pleasure",
    r"of course",
)
_POLITE = re.compile("|".join(POLITE_MARKERS), re.IGNORECASE)

#: French function words that say nothing about the content (words shorter than 4 letters are dropped anyway).
STOP_WORDS = frozenset(
    {
        "alors",
        "aussi",
        "autre",
        "autres",
        "avant",
        "avec",
        "avoir",
        "bien",
        "cela",
        "celle",
        "celui",
        "cette",
        "ceux",
        "chez",
        "comme",
        "comment",
        "dans",
        "depuis",
        "donc",
        "dont",
        "elle",
        "elles",
        "encore",
        "entre",
        "être",
        "fait",
        "faire",
        "leur",
        "leurs",
        "lors",
        "mais",
        "même",
        "mêmes",
        "moins",
        "notre",
        "nous",
        "oui",
        "parce",
        "pour",
        "pourquoi",
        "quand",
        "quel",
        "quelle",
        "quelles",
        "quels",
        "sans",
        "sera",
        "sont",
        "sous",
        "suis",
        "tout",
        "toute",
        "toutes",
        "tous",
        "très",
        "votre",
        "vous",
        "vos",
        "était",
        "étaient",
        "avez",
        "avons",
        "ainsi",
        "après",
        "aucun",
        "aucune",
        "ceci",
        "celà",
        "déjà",
        "juste",
        "peut",
        "plus",
        "quoi",
        "voici",
        "voilà",
        "vers",
        "tant",
        "puis",
        "chaque",
        "quelque",
        "quelques",
        "madame",
        "monsieur",
        "bonjour",
        "merci",
    }
)
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)


def plain(text: str) -> str:
    """The text with placeholders widened to their fixed width and template blocks removed."""
    text = _BLOCK.sub("", text.translate(_APOSTROPHE))
    return _PLACEHOLDER.sub("x" * PLACEHOLDER_WIDTH, text)


def length(text: str) -> int:
    """The length of a reply as the analysis counts it."""
    return len(plain(text).strip())


def polite(text: str) -> bool:
    """True when ``text`` carries a politeness marker."""
    return _POLITE.search(_PLACEHOLDER.sub(" ", text.translate(_APOSTROPHE))) is not None


def polite_count(text: str) -> int:
    """How many politeness markers ``text`` carries."""
    return len(_POLITE.findall(_PLACEHOLDER.sub(" ", text.translate(_APOSTROPHE))))


@lru_cache(maxsize=8192)
def _lemma(word: str) -> str:
    import simplemma

    lemma = simplemma.lemmatize(word, lang="fr").casefold()
    return "".join(c for c in unicodedata.normalize("NFD", lemma) if not unicodedata.combining(c))


def content_words(text: str) -> frozenset[str]:
    """The lemmas of the words of four letters or more that are not French stop words."""
    words = _WORD.findall(_PLACEHOLDER.sub(" ", _BLOCK.sub(" ", text.translate(_APOSTROPHE))))
    return frozenset(
        _lemma(w.casefold()) for w in words if len(w) >= 4 and w.casefold() not in STOP_WORDS
    )


def is_right(reply: Reply) -> bool:
    """At least one positive evidence and no negative one."""
    effects = {e.effect for e in reply.evidence}
    return "positive" in effects and "negative" not in effects


@dataclass(frozen=True)
class ChoicePoint:
    """A node whose replies include at least one right and one wrong reply (indexes into ``node.replies``)."""

    node_id: str
    node: Node
    right: tuple[int, ...]
    wrong: tuple[int, ...]

    def text(self, index: int) -> str:
        return text_in((self.node.replies or [])[index].text, "fr")

    def say(self) -> str:
        return text_in(self.node.say, "fr")


def choice_point(node_id: str, node: Node) -> ChoicePoint | None:
    """The node as a choice point, or None when it is not one."""
    replies = node.replies or []
    if len(replies) < 2:
        return None
    any_positive = any(e.effect == "positive" for r in replies for e in r.evidence)
    right, wrong = [], []
    for index, reply in enumerate(replies):
        effects = {e.effect for e in reply.evidence}
        if is_right(reply):
            right.append(index)
        elif "negative" in effects or ("positive" not in effects and any_positive):
            wrong.append(index)
    if not right or not wrong:
        return None
    return ChoicePoint(node_id, node, tuple(right), tuple(wrong))


def strict_max(values: list[int]) -> int | None:
    """The index of the strictly largest value, or None when the largest is shared (or absent)."""
    if not values:
        return None
    top = max(values)
    return values.index(top) if values.count(top) == 1 else None


def cue_picks(point: ChoicePoint) -> dict[str, int | None]:
    """The reply each cue points at (longest, most polite, most echoing the prompt), None when the cue is silent."""
    texts = [point.text(i) for i in range(len(point.node.replies or ()))]
    said = content_words(point.say())
    return {
        "longest": strict_max([length(t) for t in texts]),
        "polite": strict_max([polite_count(t) for t in texts])
        if any(polite(t) for t in texts)
        else None,
        "echo": strict_max([len(content_words(t) & said) for t in texts]) if said else None,
    }
