"""Re-applying a journal's events to a fresh session: resuming (ended contacts deferred) and replaying.

``EpreuveSession`` inherits these: they apply each journal event through the same ``_apply_*``
steps live play uses, so a replayed session reaches exactly the state the journal records. A
contact that had ended is kept as its events and rebuilt only when something looks at it
(``deferred``); rebuilding it checks that it gives the evidence the journal holds.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from simulator.engine.actions import Pause, Take, action_from_json
from simulator.engine.clock import parse_stamp
from simulator.engine.contact import ContactRuntime, Step
from simulator.engine.deferred import DeferredContact, contacts_ended_in
from simulator.engine.dispatch import apply_action
from simulator.engine.evidence import Evidence
from simulator.engine.interruptions import UNTIMED_EVENTS
from simulator.engine.phases import Phase
from simulator.engine.queue_book import QueueBook
from simulator.engine.session_state import _ENDED, SessionError, State, Timing, keep, same_evidence
from simulator.engine.toolbox import ActionRefused
from simulator.i18n import Message, Translator
from simulator.journal.events import Event


class _Refusal(Message):
    """A refusal of the engine as a message parameter: its own text in the language shown."""

    __slots__ = ("refusal",)

    def __init__(self, refusal: ActionRefused) -> None:
        super().__init__("")
        self.refusal = refusal

    def to(self, t: Translator) -> str:
        return self.refusal.message(t.lang)

    def __str__(self) -> str:
        return self.refusal.message("en")


class Replaying:
    """The replay half of ``EpreuveSession`` (which provides ``state``, ``timing``, ``seq`` and the ``_apply_*`` steps)."""

    state: State
    timing: Timing
    seq: int
    _queue: QueueBook

    if TYPE_CHECKING:  # the steps ``EpreuveSession`` defines, as live play uses them

        def _apply_started(self, at: datetime) -> None: ...
        def _replay_invigilator(self, event: Event, at: datetime) -> None: ...
        def _apply_resumed(self, at: datetime) -> None: ...
        def _apply_arrived(
            self, key: str, minute: int, *, deferred: bool = False, at: datetime | None = None
        ) -> None: ...
        def _apply_action(
            self, action: Any, seq: int, *, results: bool = True, at: datetime | None = None
        ) -> tuple[ContactRuntime, Step]: ...
        def _expire_all(self, seq: int) -> list[Evidence]: ...
        def _apply_finished(self, reason: str, at: datetime) -> None: ...
        def _rang(self, contact: ContactRuntime, step: Step, at: datetime | None) -> None: ...
        def _new_runtime(self, scenario: Any) -> ContactRuntime: ...

    def _replay(self, events: Iterable[Event], *, strict: bool = True, lazy: bool = False) -> None:
        """Re-apply journal events; ``lazy`` defers the contacts that had ended (see ``deferred``)."""
        events = list(events)
        ended = contacts_ended_in(events) if lazy and strict else set()
        for event in events:
            at = parse_stamp(event.at)
            seq = event.seq
            if event.type == "session_started":
                self._apply_started(at)
            elif event.type == "session_resumed":
                self._apply_resumed(at)
            elif event.type == "contact_arrived":
                key = event.payload["contact"]
                self._apply_arrived(key, int(event.payload["minute"]), deferred=key in ended, at=at)
            elif event.type == "action" and (
                deferred := self.state.contacts.deferred(str(event.payload["contact"]))
            ):
                self._defer_action(event, deferred)
            elif event.type == "action":
                # the journal already holds what the candidate saw: tool results are not computed again
                _contact, step = self._apply_action(
                    action_from_json(event.payload["action"]), seq, results=False, at=at
                )
                if strict:
                    same_evidence(step, event)
            elif event.type == "time_up":
                self._expire_all(seq)
                self.timing.stop(at)
            elif event.type == "session_finished":
                self._apply_finished(str(event.payload.get("reason", "completed")), at)
            else:
                self._replay_invigilator(event, at)
            self.seq = seq
            if event.type not in UNTIMED_EVENTS:
                self.timing.last_at = at

    def _defer_action(self, event: Event, deferred: DeferredContact) -> None:
        """An action of a contact that ended later in the journal: keep the event and what it recorded."""
        key = str(event.payload["contact"])
        action = action_from_json(event.payload["action"])
        state = self.state
        if isinstance(action, Take) and (action.contact != key or state.active is not None):
            raise SessionError(
                Message("Event {seq} takes a contact that cannot be taken.", seq=event.seq)
            )
        if not isinstance(action, Take) and state.active != key:
            raise SessionError(
                Message("Event {seq} acts on a contact that is not in progress.", seq=event.seq)
            )
        deferred.events.append(event)
        state.evidence.extend(Evidence.from_json(e) for e in event.payload["evidence"])
        state.active = (
            None if event.payload["phase"] == _ENDED or isinstance(action, Pause) else key
        )
        self._queue.touched((key,))

    def _rebuild(self, key: str, deferred: DeferredContact) -> ContactRuntime:
        """Replay an ended contact's journaled actions, checking each gives the journal's evidence."""
        contact = self._new_runtime(deferred.scenario)
        for event in deferred.events:
            try:
                answered = contact.phase is Phase.WAITING
                step = apply_action(
                    contact, action_from_json(event.payload["action"]), results=False
                )
                if answered:
                    self._rang(contact, step, parse_stamp(event.at))
            except ActionRefused as refusal:
                why = Message(
                    "Replaying event {seq} is refused: {refusal}",
                    seq=event.seq,
                    refusal=_Refusal(refusal),
                )
                raise SessionError(why) from refusal
            keep(contact, step, event.seq)
            same_evidence(step, event)
        if contact.phase is not Phase.ENDED:
            raise SessionError(
                Message("Replaying contact {key} does not end it as the journal says.", key=key)
            )
        return contact
