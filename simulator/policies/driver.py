"""Drive a whole épreuve session with a simulated candidate, through the same engine calls as the app."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from simulator.engine.clock import ManualClock
from simulator.engine.session import EpreuveSession

#: Seconds the simulated candidate takes per action (the épreuve clock advances accordingly): to speak,
#: type or wrap up, and for one operation in a tool (a search, opening a record, a form field…).
SECONDS_PER_ACTION = 20
SECONDS_PER_TOOL_ACTION = 8


def play_epreuve(session: EpreuveSession, make_policy: Callable[[], Any], clock: ManualClock, *,
                 seconds_per_action: int = SECONDS_PER_ACTION, max_actions: int = 20000) -> int:
    """Take each contact as it arrives and play it with a fresh policy; returns the actions performed."""
    policies: dict[str, Any] = {}
    performed = 0
    while session.finished is None and performed < max_actions:
        key = session.state.active or next((q.key for q in session.queue() if q.phase == "waiting"), None)
        if key is None:
            clock.advance(minutes=1)
            session.tick()
            continue
        policy = policies.setdefault(key, make_policy())
        actions = policy.next_actions(session.contact(key))
        if not actions:
            clock.advance(seconds=seconds_per_action)
            session.tick()
            continue
        for action in actions:
            clock.advance(seconds=min(seconds_per_action, SECONDS_PER_TOOL_ACTION) if action.kind == "tool"
                          else seconds_per_action)
            session.tick()  # time may run out while the candidate is about to act
            if session.finished is not None:
                break
            session.perform(action)
            performed += 1
            if session.finished is not None:
                break
    return performed
