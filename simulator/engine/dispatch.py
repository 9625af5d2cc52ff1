"""Route a candidate action to the contact method that performs it."""

from __future__ import annotations

from typing import Any

from simulator.engine.actions import (
    Choose,
    Continue,
    HangUp,
    Hold,
    Pause,
    Resume,
    Say,
    Take,
    Transfer,
    UseTool,
    WrapUp,
)
from simulator.engine.contact import ContactRuntime, Step
from simulator.engine.toolbox import ActionRefused
from simulator.i18n import Message


def apply_action(contact: ContactRuntime, action: Any, *, results: bool = True) -> Step:
    """Perform ``action`` on ``contact`` (raises ActionRefused when it is not possible now).

    ``results=False`` when replaying a journal: tool results are left out (the journal has them).
    """
    if isinstance(action, Take):
        if contact.paused:  # a task set aside for a call is taken up again where it stopped
            contact.paused = False
            return Step()
        return contact.take(action.start_node)
    if isinstance(action, Pause):
        return pause(contact)
    if isinstance(action, Choose):
        return contact.choose(action.reply)
    if isinstance(action, Say):
        return contact.say(action.text)
    if isinstance(action, Continue):
        return contact.go_on()
    if isinstance(action, Hold):
        return contact.hold()
    if isinstance(action, Resume):
        return contact.resume()
    if isinstance(action, HangUp):
        return contact.hang_up()
    if isinstance(action, Transfer):
        return contact.transfer(action.service)
    if isinstance(action, UseTool):
        return contact.use_tool(action.tool, action.op, action.args, results=results)
    if isinstance(action, WrapUp):
        return contact.wrap_up(action.outcome, action.note)
    raise ActionRefused("unknown-action", Message("Unknown action."))


def pause(contact: ContactRuntime) -> Step:
    """Set an open task aside (a call cannot be paused: it is put on hold)."""
    if contact.phone:
        raise ActionRefused(
            "cannot-pause", Message("A call cannot be set aside: put it on hold or finish it.")
        )
    if not contact.live:
        raise ActionRefused("cannot-pause", Message("This task is not in progress."))
    contact.paused = True
    return Step()
