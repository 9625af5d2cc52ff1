"""Rubric 2 as data: per competency its criteria (each of a kind) and its decision rule, per contact then across the épreuve.

A piece of evidence (rule id, source, critical flag) belongs to a *kind* — ``critical``, ``deed``,
``conduct`` or ``words`` — by the first ``evidence`` mapping of the rubric it matches, then to the
first criterion of its competency that has that kind (or a ``rules`` pattern that names it). A
competency is judged contact by contact (``decision.contact``: what each kind requires in one
contact), then across the épreuve (``decision.epreuve``: how many contacts must be OK, how many
NOK ones are tolerated). Settings resolve in layers: ``decision`` (every competency), then
``modes[<mode>]``, then the competency's own ``decision``.
"""

from __future__ import annotations

from dataclasses import dataclass
from fnmatch import fnmatchcase
from functools import cached_property
from typing import Literal

from pydantic import Field, field_validator

from simulator.scenario.models.common import CompetencyCode, Ident, LocalisedText, Model, Version

Kind = Literal["critical", "deed", "conduct", "words"]
KINDS: tuple[str, ...] = ("critical", "deed", "conduct", "words")
#: What a kind requires of its observations within one contact.
Requirement = Literal["all", "most", "any", "ignored"]


class EvidenceKind(Model):
    """Evidence matching every given field (``rule`` is a shell pattern) is of ``kind``."""

    kind: Kind
    source: Literal["reply", "text", "tool", "order"] | None = None
    rule: str | None = Field(default=None, min_length=1)
    critical: bool | None = None

    def matches(self, source: str, rule: str, critical: bool) -> bool:
        return (
            (self.source is None or self.source == source)
            and (self.rule is None or fnmatchcase(rule, self.rule))
            and (self.critical is None or self.critical == critical)
        )


class Criterion(Model):
    """One indicator the jury looks for, in the référentiel's words."""

    id: Ident
    kind: Kind
    label: LocalisedText
    #: Rule-id patterns this criterion stands for (else: any evidence of its kind).
    rules: list[str] = Field(default_factory=list)


class ContactRule(Model):
    """What each kind of criterion requires within one contact (unset: the layer below)."""

    deed: Requirement | None = None
    conduct: Requirement | None = None
    words: Requirement | None = None


class EpreuveRule(Model):
    """Across the épreuve: OK contacts needed, NOK contacts tolerated (unset: the layer below)."""

    min_ok_contacts: int | None = Field(default=None, ge=1, le=20)
    max_nok_contacts: int | None = Field(default=None, ge=0, le=20)


class Decision(Model):
    """A (partial) decision rule."""

    contact: ContactRule = Field(default_factory=ContactRule)
    epreuve: EpreuveRule = Field(default_factory=EpreuveRule)


class Abort(Model):
    """A contact the candidate ended early: which rules mark it and what it does to the verdicts."""

    rules: list[str]
    #: What the abort itself gives (rule patterns: a complaint or objection left waiting)…
    consequences: list[str] = Field(default_factory=list)
    #: …counted only on these competencies; elsewhere not observed.
    fails: list[CompetencyCode] = Field(default_factory=list)
    #: Observations (rule patterns) that say nothing once the contact was cut short.
    unobserved: list[str] = Field(default_factory=list)


class Duplicate(Model):
    """One fault, one negative: ``rule`` is not counted when another negative of ``counted_by`` sources
    on the same competency in the same contact already stands for the fault."""

    rule: str
    counted_by: list[Literal["reply", "text", "tool", "order"]]
    #: Only a negative given by the same action (event) stands for the fault.
    same_event: bool = False


class CompetencyCriteria(Model):
    """The criteria of one competency and, optionally, its own decision rule."""

    criteria: list[Criterion] = Field(min_length=1)
    decision: Decision | None = None


class Rubric2(Model):
    """A versioned rubric file (``callsim: rubric/2``)."""

    callsim: Literal["rubric/2"]
    id: Ident
    version: Version
    title: LocalisedText
    evidence: list[EvidenceKind] = Field(min_length=1)
    #: Rule ids critical in this rubric whatever the evidence says.
    criticals: list[str] = Field(default_factory=list)
    generic: dict[Kind, LocalisedText]
    decision: Decision
    modes: dict[Literal["exam", "practice"], Decision] = Field(default_factory=dict)
    aborts: list[Abort] = Field(default_factory=list)
    duplicates: list[Duplicate] = Field(default_factory=list)
    competencies: dict[CompetencyCode, CompetencyCriteria]

    @field_validator("generic")
    @classmethod
    def _every_kind(cls, value: dict[str, LocalisedText]) -> dict[str, LocalisedText]:
        missing = [kind for kind in KINDS if kind not in value]
        if missing:
            raise ValueError(
                f"a generic label is needed for every kind: missing {', '.join(missing)}"
            )
        return value

    def kind_of(self, source: str, rule: str, critical: bool) -> str:
        """The kind of a piece of evidence (critical wins; then the first mapping that matches; else words)."""
        if critical or any(fnmatchcase(rule, pattern) for pattern in self.criticals):
            return "critical"
        for mapping in self.evidence:
            if mapping.matches(source, rule, critical):
                return mapping.kind
        return "words"

    def rule_for(self, code: str, mode: str) -> EffectiveDecision:
        """The decision rule that applies to competency ``code`` in an épreuve of ``mode``."""
        values: dict[str, object] = {}
        own = self.competencies.get(code)
        for layer in (self.decision, self.modes.get(mode), own.decision if own else None):  # type: ignore[call-overload]
            if layer is None:
                continue
            for name in ("deed", "conduct", "words"):
                if (value := getattr(layer.contact, name)) is not None:
                    values[name] = value
            for name in ("min_ok_contacts", "max_nok_contacts"):
                if (value := getattr(layer.epreuve, name)) is not None:
                    values[name] = value
        return EffectiveDecision(
            deed=str(values.get("deed", "all")),
            conduct=str(values.get("conduct", "all")),
            words=str(values.get("words", "most")),
            min_ok_contacts=int(values.get("min_ok_contacts", 1)),  # type: ignore[call-overload]
            max_nok_contacts=int(values.get("max_nok_contacts", 0)),  # type: ignore[call-overload]
        )

    def criterion_for(self, code: str, kind: str, rule: str) -> tuple[str, str, LocalisedText]:
        """(criterion id, kind, label) an observation of ``code`` of ``kind`` by ``rule`` belongs to."""
        own = self.competencies.get(code)
        criteria = own.criteria if own else ()
        for criterion in criteria:
            if criterion.rules and any(fnmatchcase(rule, p) for p in criterion.rules):
                return criterion.id, criterion.kind, criterion.label
        for criterion in criteria:
            if criterion.kind == kind and not criterion.rules:
                return criterion.id, criterion.kind, criterion.label
        return f"{kind}", kind, self.generic[kind]  # type: ignore[index]


@dataclass(frozen=True)
class EffectiveDecision:
    """The resolved decision rule of one competency."""

    deed: str
    conduct: str
    words: str
    min_ok_contacts: int
    max_nok_contacts: int

    def requirement(self, kind: str) -> str:
        return "all" if kind == "critical" else str(getattr(self, kind))

    def to_json(self) -> dict[str, object]:
        """The rule as the grille records it (one shared, never modified, object per rule)."""
        return self._json

    @cached_property
    def _json(self) -> dict[str, object]:
        return {
            "contact": {
                "critical": "none_failed",
                "deed": self.deed,
                "conduct": self.conduct,
                "words": self.words,
            },
            "epreuve": {
                "min_ok_contacts": self.min_ok_contacts,
                "max_nok_contacts": self.max_nok_contacts,
            },
        }


class Lookups:
    """A rubric 2 with the answers it already gave remembered (the same rules come back in every session)."""

    def __init__(self, rubric: Rubric2) -> None:
        self.rubric = rubric
        self.aborts, self.duplicates = rubric.aborts, rubric.duplicates
        self._kinds: dict[tuple[str, str, bool], str] = {}
        self._criteria: dict[tuple[str, str, str], tuple[str, str, dict[str, str]]] = {}
        self._declared: dict[str, list[tuple[str, str, dict[str, str]]]] = {}
        self._places: dict[tuple[str, str, str, bool], tuple[str, str]] = {}

    def place(self, code: str, source: str, rule: str, critical: bool) -> tuple[str, str]:
        """(criterion id, kind) of an observation of ``code`` (``critical``: a critical negative)."""
        key = (code, source, rule, critical)
        found = self._places.get(key)
        if found is None:
            criterion, kind, _label = self.criterion_for(
                code, self.kind_of(source, rule, critical), rule
            )
            found = self._places[key] = (criterion, kind)
        return found

    def kind_of(self, source: str, rule: str, critical: bool) -> str:
        key = (source, rule, critical)
        found = self._kinds.get(key)
        if found is None:
            found = self._kinds[key] = self.rubric.kind_of(source, rule, critical)
        return found

    def criterion_for(self, code: str, kind: str, rule: str) -> tuple[str, str, dict[str, str]]:
        """(criterion id, kind, label in every language)."""
        key = (code, kind, rule)
        found = self._criteria.get(key)
        if found is None:
            criterion, real_kind, label = self.rubric.criterion_for(code, kind, rule)
            found = self._criteria[key] = (criterion, real_kind, _label(label))
        return found

    def declared(self, code: str) -> list[tuple[str, str, dict[str, str]]]:
        """The criteria of ``code`` as (id, kind, label in every language), in rubric order (a fresh list)."""
        if code not in self._declared:
            own = self.rubric.competencies.get(code)
            self._declared[code] = [
                (c.id, c.kind, _label(c.label)) for c in (own.criteria if own else ())
            ]
        return list(self._declared[code])


def _label(label: LocalisedText) -> dict[str, str]:
    """A criterion's label as grilles keep it: in the reports' languages, French and English."""
    return {"fr": label.fr, "en": label.en or label.fr}
