"""A session's journal as an assessor reads it: one ``Moment`` per event, grouped into contacts for the replay.

Pure functions of the verified events (no Textual here): the session screen lists the moments as
the transcript, the replay screen walks them contact by contact. What the candidate did is
worded by ``scoring.actions_text``, the speakers by ``scoring.reports.view``, so the review app,
the reports and the exports say the same thing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from scoring.actions_text import action_text, clip, describe_event
from scoring.reports.view import localised, speakers
from simulator.journal.events import Event
from simulator.review.i18n import N_

#: Items and fields of a tool's answer shown at one step (the rest is summed up).
MAX_RESULT_ITEMS = 5
MAX_RESULT_FIELDS = 8
_FIELD_TEXT = 60

_SESSION_EVENTS = {
    "session_started": N_("Start of the épreuve « {epreuve} » ({contacts} contacts)"),
    "session_resumed": N_("The épreuve resumed after an interruption"),
    "time_up": N_("Time ran out"),
    "session_finished": N_("End of the épreuve ({reason})"),
    "interruption": N_("The app was stopped ({cause})"),
    "invigilator_attempt": N_("Invigilator's code typed ({outcome})"),
    "seat_changed": N_(
        "The épreuve moved from seat {from_seat} to seat {to_seat} (invigilator's code)"
    ),
    "clock_paused": N_("The invigilator stopped the clock: « {reason} »"),
    "clock_resumed": N_("The invigilator restarted the clock"),
    "time_extended": N_("The invigilator gave {minutes} more minutes: « {reason} »"),
}
#: Events kept out of the transcript: the app's heartbeats only say it was running.
_SILENT = frozenset({"heartbeat"})
_ENDINGS = {
    "completed": N_("completed"),
    "time_up": N_("time ran out"),
    "invigilator": N_("ended by the invigilator"),
}
#: Why the app stopped (``interruption``): the seat's page, the invigilator's code, a signal.
_CAUSES = {
    "connection": N_("the seat's page was closed or lost its connection"),
    "invigilator": N_("left with the invigilator's code"),
    "SIGTERM": N_("SIGTERM: stop asked by the system"),
    "SIGHUP": N_("SIGHUP: its terminal was closed"),
    "SIGINT": N_("SIGINT: interrupted from the keyboard"),
}


@dataclass(frozen=True)
class Said:
    """One line of the conversation: who (``role`` as journalled, ``speaker`` as worded) and what."""

    role: str
    speaker: str
    text: str


@dataclass(frozen=True)
class Moment:
    """One journal event: when, in which contact, what happened, what was said and what the tool answered."""

    seq: int
    at: str
    contact: str
    #: The contact's rank in arrival order (1 for the first contact), 0 for the épreuve's own events.
    contact_number: int
    did: str
    lines: tuple[Said, ...]
    result: tuple[str, ...]
    #: ``(competency code, effect)`` of each observation this event gave.
    evidence: tuple[tuple[str, str], ...]

    @property
    def time(self) -> str:
        return self.at[11:19]


@dataclass(frozen=True)
class ContactSteps:
    """The moments of one contact, in order (``contact`` is ``""`` for the épreuve's start and end)."""

    contact: str
    number: int
    moments: tuple[Moment, ...]


def read_moments(events: Sequence[Event], lang: str, t: Callable[..., str]) -> list[Moment]:
    """Every event as a ``Moment``, in journal order; ``t`` translates the review app's own words."""
    names = speakers(lang)
    numbers: dict[str, int] = {}
    moments = []
    for event in events:
        if event.type in _SILENT:
            continue
        payload = event.payload
        contact = (
            str(payload.get("contact") or "") if event.type in ("action", "contact_arrived") else ""
        )
        if contact and contact not in numbers:
            numbers[contact] = len(numbers) + 1
        lines = tuple(
            Said(
                str(line.get("speaker", "")),
                names.get(str(line.get("speaker", "")), "·"),
                clip(str(line.get("text", ""))),
            )
            for line in (payload.get("lines") or ())
            if event.type == "action"
        )
        evidence = tuple(
            (str(item.get("competency", "")), str(item.get("effect", "")))
            for item in (payload.get("evidence") or ())
            if event.type == "action"
        )
        moments.append(
            Moment(
                event.seq,
                event.at,
                contact,
                numbers.get(contact, 0),
                _did(event, lang, t),
                lines,
                _result(payload.get("result") if event.type == "action" else None, lang, t),
                evidence,
            )
        )
    return moments


def by_contact(moments: Sequence[Moment]) -> list[ContactSteps]:
    """The moments cut into runs of the same contact, in journal order (a contact may come back after another)."""
    runs: list[list[Moment]] = []
    for moment in moments:
        if runs and runs[-1][0].contact == moment.contact:
            runs[-1].append(moment)
        else:
            runs.append([moment])
    return [ContactSteps(run[0].contact, run[0].contact_number, tuple(run)) for run in runs]


def _did(event: Event, lang: str, t: Callable[..., str]) -> str:
    payload = event.payload
    if event.type == "action":
        return action_text(describe_event(event.type, payload), lang)
    if event.type == "contact_arrived":
        return t("New contact in the queue")
    template = _SESSION_EVENTS.get(event.type)
    if template is None:
        return event.type
    reason = str(payload.get("reason", "completed"))
    if reason in _ENDINGS:
        ending = t(_ENDINGS[reason])
        reason = (
            t("{ending}: « {note} »", ending=ending, note=payload["note"])
            if payload.get("note")
            else ending
        )
    cause = str(payload.get("cause", "?"))
    return t(
        template,
        epreuve=payload.get("epreuve", "?"),
        contacts=len(payload.get("contacts") or ()),
        reason=reason,
        cause=t(_CAUSES[cause]) if cause in _CAUSES else cause,
        outcome=t("accepted") if payload.get("accepted") else t("refused"),
        from_seat=payload.get("from", "?"),
        to_seat=payload.get("to", "?"),
        minutes=payload.get("minutes", "?"),
    )


def _result(result: Any, lang: str, t: Callable[..., str]) -> tuple[str, ...]:
    """The tool's answer in a few lines: refused and why, or what it returned."""
    if not isinstance(result, Mapping):
        return ()
    if not result.get("ok"):
        error = result.get("error")
        why = localised(error, lang) if isinstance(error, Mapping) else str(error or "")
        return (t("Refused: {why}", why=clip(why, _FIELD_TEXT * 2)),)
    value = result.get("result")
    if isinstance(value, list):
        shown = [_item(item) for item in value[:MAX_RESULT_ITEMS]]
        more = len(value) - len(shown)
        return (t("{n} result(s)", n=len(value)), *shown) + (
            (t("… and {n} more", n=more),) if more > 0 else ()
        )
    if isinstance(value, Mapping):
        fields = [
            f"{key}: {clip(_plain(item), _FIELD_TEXT)}"
            for key, item in list(value.items())[:MAX_RESULT_FIELDS]
        ]
        more = len(value) - len(fields)
        return tuple(fields) + ((t("… and {n} more", n=more),) if more > 0 else ())
    return (clip(_plain(value), _FIELD_TEXT * 2),) if value not in (None, "") else ()


def _item(item: Any) -> str:
    if isinstance(item, Mapping):
        fields = ", ".join(
            f"{key}={_plain(value)}" for key, value in item.items() if value not in ("", None)
        )
        return "· " + clip(fields, _FIELD_TEXT * 2)
    return "· " + clip(_plain(item), _FIELD_TEXT * 2)


def _plain(value: Any) -> str:
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{k}: {_plain(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return ", ".join(_plain(v) for v in value)
    return str(value)
