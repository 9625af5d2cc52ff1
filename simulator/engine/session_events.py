"""How a session's state changes: each change applied by one ``_apply_*`` step, then journalled by ``_record``.

``EpreuveSession`` inherits these. Live play applies a step and appends its event (``_record``);
replay (``simulator.engine.session_replay``) re-applies the same steps from the journal, so both
reach exactly the same state.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from simulator.engine.actions import Pause, Take
from simulator.engine.arrivals import Arrivals
from simulator.engine.bundle import Bundle
from simulator.engine.clock import Clock, parse_stamp, stamp
from simulator.engine.contact import ContactRuntime, Step
from simulator.engine.deferred import DeferredContact
from simulator.engine.dispatch import apply_action
from simulator.engine.evidence import Evidence
from simulator.engine.phases import Phase
from simulator.engine.queue_book import QueueBook
from simulator.engine.session_state import SessionError, State, Timing, keep
from simulator.engine.toolbox import ActionRefused
from simulator.i18n import Message
from simulator.journal.events import SessionHeader
from simulator.journal.store import JournalStore


class SessionEvents:
    """The steps that change an ``EpreuveSession`` (which provides the attributes below)."""

    bundle: Bundle
    header: SessionHeader
    store: JournalStore | None
    clock: Clock | None
    today: date
    agent_name: str
    seq: int
    timing: Timing
    state: State
    broken: bool
    pending: tuple[str, dict[str, Any], datetime, bool] | None
    _arrivals: Arrivals
    _arrived_at: dict[str, datetime]
    _queue: QueueBook

    # -- applying events (shared by live play and replay) -------------------------------------------

    def _apply_started(self, at: datetime) -> None:
        self.timing.segment_start = at

    def _apply_resumed(self, at: datetime) -> None:
        if self.timing.segment_start is not None and self.timing.last_at is not None:
            self.timing.banked += max(
                0.0, (self.timing.last_at - self.timing.segment_start).total_seconds()
            )
        self.timing.segment_start = None if self.timing.paused else at

    def _apply_arrived(
        self, key: str, minute: int, *, deferred: bool = False, at: datetime | None = None
    ) -> None:
        scenario = self.bundle.contact(key).scenario
        if at is not None:
            self._arrived_at[key] = parse_stamp(stamp(at))
        self.state.contacts[key] = (
            DeferredContact(scenario) if deferred else self._new_runtime(scenario)
        )
        self.state.arrived.append(key)
        self._arrivals.arrived(key)
        self.state.arrived_minute[key] = minute
        self._queue.arrived(key, minute)

    def _apply_finished(self, reason: str, at: datetime) -> None:
        self.state.finished = reason
        self.timing.stop(at)

    def _apply_action(
        self, action: Any, seq: int, *, results: bool = True, at: datetime | None = None
    ) -> tuple[ContactRuntime, Step]:
        state = self.state
        if isinstance(action, Take):
            if action.contact not in state.contacts:
                raise ActionRefused(
                    "not-arrived", Message("This contact is not in the queue (yet).")
                )
            if state.active is not None:
                raise ActionRefused("busy", Message("Finish the current contact first."))
            contact = state.contacts[action.contact]
            answered = contact.phase is Phase.WAITING
            step = apply_action(contact, action)  # a task set aside is taken up again
            if answered:
                self._rang(contact, step, at)
            state.active = contact.key
        else:
            if state.active is None:
                raise ActionRefused(
                    "no-contact", Message("No contact in progress: take one from the queue.")
                )
            contact = state.contacts[state.active]
            step = apply_action(contact, action, results=results)
            if isinstance(action, Pause):
                state.active = None
        keep(contact, step, seq)
        state.evidence.extend(step.evidence)
        self._queue.touched((contact.key,))
        if contact.phase is Phase.ENDED:
            state.active = None
        return contact, step

    def _expire_all(self, seq: int) -> list[Evidence]:
        gathered: list[Evidence] = []
        for (
            contact
        ) in self.state.contacts.built():  # a deferred contact has ended: nothing to expire
            step = contact.expire()
            keep(contact, step, seq)
            gathered.extend(step.evidence)
        self.state.evidence.extend(gathered)
        self._queue.touched(self.state.contacts)
        self.state.active = None
        self.state.finished = "time_up"
        return gathered

    def _record_time_up(self, now: datetime) -> None:
        seq = self.seq + 1
        evidence = self._expire_all(seq)
        self.timing.stop(now)
        self._record("time_up", {"evidence": [e.to_json() for e in evidence]}, now, None)

    def _rang(self, contact: ContactRuntime, step: Step, at: datetime | None) -> None:
        """A call that must not be left ringing: answered in time, or left ringing (journal times)."""
        limit = contact.scenario.answer_within_seconds
        arrived = self._arrived_at.get(contact.key)
        if limit is None or at is None or arrived is None or not contact.phone:
            return
        rang = (parse_stamp(stamp(at)) - arrived).total_seconds()
        contact.fire("ORD-ANSWERED-IN-TIME" if rang <= limit else "ORD-LEFT-RINGING", step)

    def _new_runtime(self, scenario: Any) -> ContactRuntime:
        return ContactRuntime(
            scenario,
            seed=self.header.seed,
            today=self.today,
            lang=self.header.language,
            agent_name=self.agent_name,
            exam=self.header.mode == "exam",
        )

    # -- journal -----------------------------------------------------------------------------------

    def _record(
        self, type_: str, payload: dict[str, Any], at: datetime, apply: Any, *, timed: bool = True
    ) -> int:
        """Apply (if given) and append one event; a failed append leaves the session unusable.

        The refused event is kept in ``pending``: ``retry_pending`` writes it again (its effect is
        already applied), so a store that was only busy loses nothing.
        """
        if self.store is None:  # every caller checks first: a replayed session never writes
            raise SessionError(Message("Read-only session."))
        if apply is not None:
            apply()
        seq = self.seq + 1
        try:
            event = self.store.append(self.header.session_id, type_, payload, stamp(at))
        except Exception:
            self.broken = True
            self.pending = (type_, payload, at, timed)
            raise
        self.pending = None
        if event.seq != seq:
            self.broken = True
            raise SessionError(Message("The journal was changed by another process."))
        self.seq = seq
        if timed:
            self.timing.last_at = at
        return seq
