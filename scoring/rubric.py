"""The rubric as data: how a competency's evidence becomes OK, NOK or not observed, and how verdicts aggregate.

The shipped rubric is ``scoring/rubrics/default.yaml``; ``scoring.rubric_file`` reads a rubric file
with positions. Settings resolve in three layers: ``competencies`` (every competency), then
``modes[<épreuve mode>]``, then ``overrides[<code>]``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import Field

from simulator.scenario.models.common import CompetencyCode, Ident, LocalisedText, Model, Version

#: What a critical negative observation does: decide NOK, or count like any other negative.
CriticalPolicy = Literal["nok", "count"]


class CompetencyRule(Model):
    """The default rule for every competency."""

    minimum_observations: int = Field(ge=1, le=100)
    minimum_positive_share: float = Field(ge=0.0, le=1.0)
    critical_negative: CriticalPolicy = "nok"


class RuleChange(Model):
    """A partial rule: only the settings it names replace the layer below."""

    minimum_observations: int | None = Field(default=None, ge=1, le=100)
    minimum_positive_share: float | None = Field(default=None, ge=0.0, le=1.0)
    critical_negative: CriticalPolicy | None = None


class ActivityAggregation(Model):
    """An activity is OK when all its competencies are; NOK as soon as one is; else not observed."""

    ok_when: Literal["all_competencies_ok"] = "all_competencies_ok"


class EpreuveAggregation(Model):
    """The épreuve is OK when all three activities are; NOK as soon as one is; else not observed."""

    ok_when: Literal["all_activities_ok"] = "all_activities_ok"


class Rubric(Model):
    """A versioned rubric file (``callsim: rubric/1``)."""

    callsim: Literal["rubric/1"]
    id: Ident
    version: Version
    title: LocalisedText
    competencies: CompetencyRule
    modes: dict[Literal["exam", "practice"], RuleChange] = Field(default_factory=dict)
    overrides: dict[CompetencyCode, RuleChange] = Field(default_factory=dict)
    activities: ActivityAggregation = Field(default_factory=ActivityAggregation)
    epreuve: EpreuveAggregation = Field(default_factory=EpreuveAggregation)

    def rule_for(self, code: str, mode: str) -> EffectiveRule:
        """The settings that apply to competency ``code`` in an épreuve of ``mode``."""
        base = self.competencies
        values: dict[str, Any] = {
            "minimum_observations": base.minimum_observations,
            "minimum_positive_share": base.minimum_positive_share,
            "critical_negative": base.critical_negative,
        }
        for change in (self.modes.get(mode), self.overrides.get(code)):  # type: ignore[call-overload]
            if change is None:
                continue
            for name in values:
                value = getattr(change, name)
                if value is not None:
                    values[name] = value
        return EffectiveRule(**values)


@dataclass(frozen=True)
class EffectiveRule:
    """The resolved settings for one competency."""

    minimum_observations: int
    minimum_positive_share: float
    critical_negative: str

    def to_json(self) -> dict[str, object]:
        return {
            "minimum_observations": self.minimum_observations,
            "minimum_positive_share": self.minimum_positive_share,
            "critical_negative": self.critical_negative,
        }


@dataclass(frozen=True)
class LoadedRubric:
    """A validated rubric (``Rubric``, or ``scoring.rubric2.Rubric2``) with the identity of its file (for the grille)."""

    rubric: Any
    path: str
    sha256: str
    _rules: dict[str, dict[str, EffectiveRule]] = field(
        default_factory=dict, compare=False, repr=False
    )
    _lookups: list[Any] = field(default_factory=list, compare=False, repr=False)

    @property
    def version(self) -> str:
        return str(self.rubric.version)

    @property
    def is_criteria(self) -> bool:
        """Whether this is a criteria rubric (``rubric/2``) rather than a share rubric (``rubric/1``)."""
        return bool(self.rubric.callsim == "rubric/2")

    def lookups(self) -> Any:
        """Rubric 2 only: the rubric with the answers it already gave remembered (``scoring.rubric2.Lookups``)."""
        if not self._lookups:
            from scoring.rubric2 import Lookups

            self._lookups.append(Lookups(self.rubric))
        return self._lookups[0]

    def rules(self, mode: str, codes: tuple[str, ...]) -> dict[str, EffectiveRule]:
        """The effective rule of every competency for an épreuve of ``mode`` (computed once per mode)."""
        if mode not in self._rules:
            self._rules[mode] = {code: self.rubric.rule_for(code, mode) for code in codes}
        return self._rules[mode]

    def identity(self) -> dict[str, str]:
        """What a grille records about its rubric: id, version and the file's SHA-256."""
        return {"id": self.rubric.id, "version": self.rubric.version, "sha256": self.sha256}
