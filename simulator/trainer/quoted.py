"""Texts the engine already wrote in each language, quoted in a trainer's message and shown in its language.

A refusal the journal keeps (``{"fr": …, "en": …, "nl": …}``) or the detail of an item of evidence is
not a catalog id: :class:`Written` carries it as a :class:`~simulator.i18n.Message` parameter so that
the line quoting it is translated once, where it is shown, and the quote follows the same language.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from simulator.i18n import DEFAULT_LANG, LANGUAGES, Message, Translator


def in_language(texts: Mapping[str, str], lang: str) -> str:
    """``texts`` (a text stored per language) in ``lang``, else in French, the language every stored text has.

    A few stored texts have no Dutch (refusals the journal keeps in French and English, explanations of
    a session played in another language): a Dutch-speaking trainer then reads the French.
    """
    return texts.get(lang) or texts.get(DEFAULT_LANG) or next(iter(texts.values()), "")


class Written(Message):
    """A text stored per language, shown in the language of the message that quotes it."""

    __slots__ = ("texts",)

    def __init__(self, texts: Mapping[str, str]) -> None:
        super().__init__("")
        self.texts = {lang: texts[lang] for lang in LANGUAGES if isinstance(texts.get(lang), str)}

    def to(self, t: Translator) -> str:
        return in_language(self.texts, t.lang)

    def __str__(self) -> str:
        return in_language(self.texts, "en")

    def __repr__(self) -> str:
        return f"Written({self.texts!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Written) and self.texts == other.texts

    def __hash__(self) -> int:
        return hash(tuple(sorted(self.texts.items())))


class EvidenceLines(Message):
    """Items of evidence under a line, one per line: ``+`` or ``−``, the rule, and its detail in the
    language shown (nothing when there are none)."""

    __slots__ = ("items",)

    def __init__(self, items: Sequence[tuple[bool, str, Mapping[str, str]]]) -> None:
        super().__init__("")
        self.items = tuple((positive, rule, Written(detail)) for positive, rule, detail in items)

    def to(self, t: Translator) -> str:
        return "".join(self._line(item, item[2].to(t)) for item in self.items)

    def __str__(self) -> str:
        return "".join(self._line(item, str(item[2])) for item in self.items)

    @staticmethod
    def _line(item: tuple[bool, str, Written], detail: str) -> str:
        sign = "+" if item[0] else "−"
        return f"\n    {sign} {item[1]}" + (f" ({detail})" if detail else "")

    def __repr__(self) -> str:
        return f"EvidenceLines({self.items!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, EvidenceLines) and self.items == other.items

    def __hash__(self) -> int:
        return hash(self.items)
