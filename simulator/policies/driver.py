"""Drive a whole épreuve session with a simulated candidate, through the same engine calls as the app."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from simulator.engine.actions import Pause, Take
from simulator.engine.clock import ManualClock
from simulator.engine.session import EpreuveSession

#: Seconds the simulated candidate takes per action (the épreuve clock advances accordingly): to speak,
#: type or wrap up, and for one operation in a tool (a search, opening a record, a form field…).
SECONDS_PER_ACTION = 20
SECONDS_PER_TOOL_ACTION = 8


def play_epreuve(
    session: EpreuveSession,
    make_policy: Callable[[], Any],
    clock: ManualClock,
    *,
    seconds_per_action: int = SECONDS_PER_ACTION,
    max_actions: int = 20000,
) -> int:
    """Take each contact as it arrives and play it with a fresh policy; returns the actions performed."""
    policies: dict[str, Any] = {}
    performed = 0
    while session.finished is None and performed < max_actions:
        key = _next_contact(session)
        if key is not None and _answers_ringing(session, policies.get(key)):
            clock.advance(seconds=min(seconds_per_action, SECONDS_PER_TOOL_ACTION))
            session.tick()
            if session.finished is not None:
                break
            session.perform(Pause())  # the ringing call comes first; the task waits in the queue
            performed += 1
            continue
        if key is not None and key != session.state.active and session.contact(key).paused:
            clock.advance(seconds=seconds_per_action)
            session.tick()
            if session.finished is not None:
                break
            session.perform(Take(contact=key))  # the task set aside is taken up again
            performed += 1
            continue
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
            clock.advance(
                seconds=min(seconds_per_action, SECONDS_PER_TOOL_ACTION)
                if action.kind == "tool"
                else seconds_per_action
            )
            session.tick()  # time may run out while the candidate is about to act
            if session.finished is not None:
                break
            session.perform(action)
            performed += 1
            if session.finished is not None:
                break
    return performed


def _next_contact(session: EpreuveSession) -> str | None:
    """The contact in hand; else, while a task is set aside, the call it was set aside for, then the
    task again; else the first contact waiting."""
    if session.state.active:
        return session.state.active
    queue = session.queue()
    paused = next((q.key for q in queue if q.phase == "paused"), None)
    if paused is not None:
        return next((q.key for q in queue if _ringing(q)), paused)
    return next((q.key for q in queue if q.phase == "waiting"), None)


def _ringing(item: Any) -> bool:
    return item.phase == "waiting" and item.direction == "inbound" and item.medium == "phone"


def _answers_ringing(session: EpreuveSession, policy: Any) -> bool:
    """A candidate who puts callers first sets an open task aside when an inbound call rings."""
    key = session.state.active
    if key is None or not getattr(policy, "answers_ringing", False) or session.contact(key).phone:
        return False
    return any(_ringing(q) for q in session.queue())
