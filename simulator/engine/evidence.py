"""Evidence: this action, at this moment, shows (or fails to show) competency X, because of rule R."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

Source = Literal["reply", "text", "tool", "order"]


@dataclass(frozen=True)
class Evidence:
    """One observation of one competency, tied to the journal event that produced it."""

    competency: str
    positive: bool
    critical: bool
    rule: str
    source: Source
    contact: str
    explanation: Mapping[str, str]
    detail: Mapping[str, str] = field(default_factory=dict)
    seq: int = 0
    #: The engine could not be sure of this judgement (typed text it did not understand well):
    #: never counted by rubric 2 until an assessor confirms it.
    unsure: bool = False

    @property
    def effect(self) -> str:
        return "positive" if self.positive else "negative"

    def to_json(self) -> dict[str, Any]:
        """JSON-able form, as written into the journal (stable key order; ``unsure`` only when True)."""
        data: dict[str, Any] = {
            "competency": self.competency,
            "effect": self.effect,
            "critical": self.critical,
            "rule": self.rule,
            "source": self.source,
            "contact": self.contact,
            "explanation": dict(self.explanation),
            "detail": dict(self.detail),
            "seq": self.seq,
        }
        if self.unsure:
            data["unsure"] = True
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Evidence:
        return cls(
            competency=data["competency"],
            positive=data["effect"] == "positive",
            critical=bool(data["critical"]),
            rule=data["rule"],
            source=data["source"],
            contact=data["contact"],
            explanation=dict(data["explanation"]),
            detail=dict(data.get("detail", {})),
            seq=int(data.get("seq", 0)),
            unsure=bool(data.get("unsure", False)),
        )
