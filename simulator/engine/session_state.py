"""What an épreuve session keeps besides its contacts: its errors, outcomes, clock segments and replay checks.

``session`` holds the session itself; this module holds the plain pieces it is made of, so each
stays small: the active-time accounting, the state replay rebuilds, and the checks that a replay
gives what the journal says and that the épreuve files are the ones the session started on.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from simulator.engine.bundle import Bundle, load_bundle, single_scenario_bundle
from simulator.engine.contact import ContactRuntime, Line, Step
from simulator.engine.deferred import ContactTable
from simulator.engine.evidence import Evidence
from simulator.engine.phases import Phase
from simulator.i18n import Message, translator
from simulator.journal.events import Event, SessionHeader


class SessionError(Exception):
    """A session cannot be started, resumed or replayed; ``why`` says why (domain ``engine``), in the
    language it is shown in. ``str()`` is the English text."""

    def __init__(self, why: Message) -> None:
        super().__init__(str(why))
        self.why = why

    def message(self, lang: str) -> str:
        """The text in ``lang`` (``fr``, ``nl`` or ``en``)."""
        return self.why.to(translator("engine", lang))


@dataclass(frozen=True)
class Outcome:
    """What one action did, for the front end: lines to show, a tool result, practice feedback."""

    seq: int
    lines: tuple[Line, ...]
    result: dict[str, Any] | None
    contact_ended: bool
    feedback: tuple[Evidence, ...] | None = None


@dataclass
class Timing:
    banked: float = 0.0
    segment_start: datetime | None = None
    last_at: datetime | None = None
    #: The invigilator paused the clock (an incident): it stays stopped, across resumes, until resumed.
    paused: bool = False

    def elapsed(self, now: datetime) -> float:
        if self.segment_start is None:
            return self.banked
        return self.banked + max(0.0, (now - self.segment_start).total_seconds())

    def stop(self, at: datetime) -> None:
        """The épreuve is over: freeze the time used (a finished session's clock never runs again)."""
        self.banked = self.elapsed(at)
        self.segment_start = None


@dataclass
class State:
    contacts: ContactTable
    arrived: list[str] = field(default_factory=list)
    arrived_minute: dict[str, int] = field(default_factory=dict)
    active: str | None = None
    finished: str | None = None
    evidence: list[Evidence] = field(default_factory=list)


_ENDED = Phase.ENDED.value

#: Seconds of wall time without any event after which the app journals a heartbeat.
HEARTBEAT_SECONDS = 15.0


def session_id_for(candidate_id: str, epreuve_id: str, seed: int, created_at: str) -> str:
    """A deterministic session id (same inputs → same id)."""
    digest = hashlib.sha256(f"{candidate_id}|{epreuve_id}|{seed}|{created_at}".encode()).hexdigest()
    return f"S-{digest[:12]}"


def keep(contact: ContactRuntime, step: Step, seq: int) -> None:
    """Tie a step's evidence to its journal event and add its lines and evidence to the contact."""
    for item in step.evidence:
        object.__setattr__(item, "seq", seq)
    contact.lines.extend(step.lines)
    contact.evidence.extend(step.evidence)


def same_evidence(step: Step, event: Event) -> None:
    if [e.to_json() for e in step.evidence] != list(event.payload["evidence"]):
        raise SessionError(
            Message("Replaying event {seq} does not give the same evidence.", seq=event.seq)
        )


def bundle_of(header: SessionHeader) -> Bundle:
    """The épreuve a session was started on: an épreuve file, or one scenario played on its own."""
    path = header.extra["epreuve_path"]
    if header.extra.get("source") == "scenario":
        return single_scenario_bundle(path)
    return load_bundle(path)


def same_files(header: SessionHeader, bundle: Bundle) -> None:
    if (
        header.epreuve_hash != bundle.sha256
        or dict(header.scenario_hashes) != bundle.scenario_hashes()
    ):
        raise SessionError(
            Message(
                "The épreuve's files changed since this session started: it cannot resume as is."
            )
        )
