"""What changes between two grilles of the same session, competency by competency (for ``callsim rescore``)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from scoring.grille import competency_map


@dataclass(frozen=True)
class Change:
    """One competency whose verdict or evidence counts differ."""

    code: str
    old_verdict: str
    new_verdict: str
    old_positive: int
    old_negative: int
    new_positive: int
    new_negative: int
    #: Why the new grille decides as it does (its reason, FR/EN), e.g. the rubric 2 decision rule that applied.
    new_reason: Mapping[str, str] = field(default_factory=dict)

    @property
    def verdict_changed(self) -> bool:
        return self.old_verdict != self.new_verdict


def rubric_change(old: Mapping[str, Any], new: Mapping[str, Any]) -> str | None:
    """« defaut 1.0.0 → criteres 2.0.0 » when the two grilles were made with different rubrics, else None."""
    before, after = old.get("rubric") or {}, new.get("rubric") or {}
    if (before.get("id"), before.get("version")) == (after.get("id"), after.get("version")):
        return None
    return f"{before.get('id', '?')} {before.get('version', '?')} → {after.get('id', '?')} {after.get('version', '?')}"


def differences(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[Change]:
    """Competencies (in code order) whose verdict, positive or negative count changed."""
    before, after = competency_map(old), competency_map(new)
    changes = []
    for code, now in after.items():
        was = before.get(code, {"verdict": "—", "positive": 0, "negative": 0})
        key_was = (was["verdict"], was["positive"], was["negative"])
        if key_was != (now["verdict"], now["positive"], now["negative"]):
            changes.append(
                Change(
                    code,
                    was["verdict"],
                    now["verdict"],
                    was["positive"],
                    was["negative"],
                    now["positive"],
                    now["negative"],
                    dict(now.get("reason") or {}),
                )
            )
    return changes
