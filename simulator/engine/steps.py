"""What one contact's actions produce and remember: conversation lines, steps, the order rules' memory."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from simulator.engine.evidence import Evidence
from simulator.engine.toolbox import ActionRefused
from simulator.i18n import Message


@dataclass(frozen=True)
class Line:
    """One line of the conversation as the candidate saw it."""

    speaker: str  # customer | supervisor | system | agent
    text: str

    def to_json(self) -> dict[str, str]:
        return {"speaker": self.speaker, "text": self.text}


@dataclass
class Step:
    """What one action produced: lines shown, evidence observed, and a tool result if any."""

    lines: list[Line] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    result: dict[str, Any] | None = None


@dataclass
class CallMemory:
    """What the order rules need to remember about the conversation so far."""

    need_detected: bool = False
    agreement_confirmed: bool = False
    closed: bool = False
    closed_before_confirm: bool = False
    transfer_announced: bool = False
    hold_announced: bool = False
    checked_expectations: set[str] = field(default_factory=set)
    final_checks_done: bool = False


def refused(code: str, text: Message) -> ActionRefused:
    """The refusal ``code``, saying ``text`` (a message of the engine catalog) to the candidate."""
    return ActionRefused(code, text)


__all__ = ["CallMemory", "Line", "Step", "refused"]


def asks_confirmation(scenario: Any) -> bool:
    """Whether a reply or a prompt of ``scenario`` confirms an agreement (the agreement rule applies)."""
    nodes = scenario.nodes.values()
    return any(r.act == "confirm" for n in nodes for r in (n.replies or ())) or any(
        n.prompt is not None and n.prompt.act == "confirm" for n in nodes
    )
