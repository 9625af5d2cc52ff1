"""The phases of a contact as a state machine (``transitions``): states as an Enum, transitions as data.

Two flows share the same states: the *call* flow (inbound and outbound phone calls) and the *task*
flow (admin tasks and written messages). One Machine per flow is built once; each live contact is
added to it with ``add_model`` and removed when it ends.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, Any

from transitions import Machine


class Phase(Enum):
    """Where a contact stands."""

    WAITING = "waiting"  # ringing, scheduled, or waiting in the tray
    OPENING = "opening"
    DISCOVERY = "discovery"
    RESOLUTION = "resolution"
    AGREEMENT = "agreement"
    CLOSING = "closing"
    ON_HOLD = "on_hold"
    IN_PROGRESS = "in_progress"  # an admin task or a written message being worked on
    WRAP_UP = "wrap_up"
    ENDED = "ended"


TALKING = (Phase.OPENING, Phase.DISCOVERY, Phase.RESOLUTION, Phase.AGREEMENT, Phase.CLOSING)

#: Which phase each conversational act leads to (None: the phase does not change).
ACT_PHASES: dict[str, Phase | None] = {
    "greet": None,
    "discover": Phase.DISCOVERY,
    "inform": Phase.RESOLUTION,
    "propose": Phase.RESOLUTION,
    "offer": Phase.RESOLUTION,
    "object": Phase.RESOLUTION,
    "check": None,
    "confirm": Phase.AGREEMENT,
    "announce_transfer": None,
    "close": Phase.CLOSING,
}


def _call_transitions() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = [
        {"trigger": "answer", "source": Phase.WAITING, "dest": Phase.OPENING},
        {"trigger": "dial", "source": Phase.WAITING, "dest": Phase.OPENING},
        {
            "trigger": "hold",
            "source": list(TALKING),
            "dest": Phase.ON_HOLD,
            "before": "remember_phase",
        },
        {"trigger": "hang_up", "source": list(TALKING), "dest": Phase.WRAP_UP},
        {"trigger": "customer_hung_up", "source": list(TALKING), "dest": Phase.WRAP_UP},
        {"trigger": "transfer", "source": [*TALKING, Phase.ON_HOLD], "dest": Phase.WRAP_UP},
        {"trigger": "wrap_up", "source": Phase.WRAP_UP, "dest": Phase.ENDED},
        {
            "trigger": "time_up",
            "source": [p for p in Phase if p is not Phase.ENDED],
            "dest": Phase.ENDED,
        },
    ]
    rows += [
        {
            "trigger": "resume",
            "source": Phase.ON_HOLD,
            "dest": phase,
            "conditions": f"held_in_{phase.value}",
        }
        for phase in TALKING
    ]
    rows += [
        {"trigger": f"act_{act}", "source": list(TALKING), "dest": dest}
        for act, dest in ACT_PHASES.items()
    ]
    return rows


def _task_transitions() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = [
        {"trigger": "start", "source": Phase.WAITING, "dest": Phase.IN_PROGRESS},
        {
            "trigger": "finish",
            "source": Phase.IN_PROGRESS,
            "dest": Phase.WRAP_UP,
            "conditions": "has_wrap_up",
        },
        {
            "trigger": "finish",
            "source": Phase.IN_PROGRESS,
            "dest": Phase.ENDED,
            "unless": "has_wrap_up",
        },
        {"trigger": "wrap_up", "source": Phase.WRAP_UP, "dest": Phase.ENDED},
        {
            "trigger": "time_up",
            "source": [p for p in Phase if p is not Phase.ENDED],
            "dest": Phase.ENDED,
        },
    ]
    rows += [
        {"trigger": f"act_{act}", "source": Phase.IN_PROGRESS, "dest": None} for act in ACT_PHASES
    ]
    return rows


CALL_TRANSITIONS = _call_transitions()
TASK_TRANSITIONS = _task_transitions()


@dataclass(eq=False)
class PhaseModel:
    """The object a flow machine drives; ``eq=False`` so that ``add_model`` never skips one."""

    contact_key: str
    with_wrap_up: bool = True
    state: Phase = Phase.WAITING
    held_from: Phase | None = None

    def remember_phase(self) -> None:
        self.held_from = self.state

    def has_wrap_up(self) -> bool:
        return self.with_wrap_up

    if TYPE_CHECKING:  # the triggers the flow machines add to each model (``add_model``)

        def answer(self) -> bool: ...
        def dial(self) -> bool: ...
        def hold(self) -> bool: ...
        def resume(self) -> bool: ...
        def hang_up(self) -> bool: ...
        def customer_hung_up(self) -> bool: ...
        def transfer(self) -> bool: ...
        def wrap_up(self) -> bool: ...
        def time_up(self) -> bool: ...
        def start(self) -> bool: ...
        def finish(self) -> bool: ...


for _phase in TALKING:
    setattr(PhaseModel, f"held_in_{_phase.value}", lambda self, _p=_phase: self.held_from is _p)


def _machine(transitions: list[dict[str, Any]], name: str) -> Machine:
    return Machine(
        model=None,
        states=Phase,
        transitions=transitions,
        initial=Phase.WAITING,
        auto_transitions=False,
        ignore_invalid_triggers=False,
        name=name,
    )


CALL_FLOW = _machine(CALL_TRANSITIONS, "call")
TASK_FLOW = _machine(TASK_TRANSITIONS, "task")


def attach(model: PhaseModel, *, phone: bool) -> Machine:
    """Add ``model`` to the flow it belongs to and return that machine."""
    machine = CALL_FLOW if phone else TASK_FLOW
    machine.add_model(model, initial=model.state)
    return machine


def detach(model: PhaseModel, machine: Machine) -> None:
    """Remove ``model`` from its flow (when the contact has ended)."""
    machine.remove_model(model)


def can(model: PhaseModel, trigger: str) -> bool:
    """Whether ``trigger`` is possible now (``may_<trigger>``), False for triggers the flow lacks."""
    probe = getattr(model, f"may_{trigger}", None)
    return bool(probe and probe())
