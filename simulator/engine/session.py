"""An épreuve session: the contact queue, the clock, and the journal every step is written to first.

Every change of state is one journal event, appended (durably) before ``perform`` returns, so a
front end only ever shows as done what is already on disk. Resuming and replaying re-apply the
same events to a fresh session, which therefore reaches exactly the same state.

Time policy: the épreuve clock counts *active* time. When the app stops (crash, power cut,
closed terminal) the clock stops at the last journal event and restarts when the session is
resumed; the time in between is recorded in the ``session_resumed`` event but not charged.
A session whose journal holds only its header (the app stopped before the first event) never
started: resuming it starts it, with the ``session_started`` event a normal start writes.

The app proves it is alive with ``heartbeat`` events (every ``HEARTBEAT_SECONDS`` without another
event), so the clock stops at the last heartbeat, not at the last action: a crash gives back at
most one heartbeat interval. A signal that ends the app is journalled as an ``interruption``.
Heartbeats and interruptions only move the time the app was last known alive; replay and scoring
ignore them otherwise. ``note`` journals what the invigilator did (code attempts, a seat change)
without touching the clock at all.
"""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import ExitStack
from datetime import datetime
from typing import Any

from simulator import __version__
from simulator.engine.arrivals import Arrivals
from simulator.engine.bundle import Bundle
from simulator.engine.clock import Clock, stamp
from simulator.engine.contact import ContactRuntime
from simulator.engine.deferred import ContactTable
from simulator.engine.evidence import Evidence
from simulator.engine.phases import Phase
from simulator.engine.queue_book import QueueBook
from simulator.engine.session_events import SessionEvents
from simulator.engine.session_invigilator import InvigilatorClock
from simulator.engine.session_replay import Replaying
from simulator.engine.session_state import (
    HEARTBEAT_SECONDS,
    Outcome,
    SessionError,
    State,
    Timing,
    bundle_of,
    same_files,
    session_id_for,
)
from simulator.engine.toolbox import ActionRefused
from simulator.engine.views import ContactView, QueueItem, contact_view
from simulator.i18n import Message
from simulator.journal.events import Event, SessionHeader
from simulator.journal.store import JournalStore
from simulator.journal.verify import first_broken_link
from simulator.scenario.models import text_in


class EpreuveSession(SessionEvents, InvigilatorClock, Replaying):
    """A candidate's épreuve in progress (or replayed from its journal)."""

    def __init__(
        self, bundle: Bundle, header: SessionHeader, store: JournalStore | None, clock: Clock | None
    ) -> None:
        extra = header.extra
        # The forms the candidate got are the ones the header recorded: resume, replay and rescore
        # play exactly those, whatever the draw would say today.
        bundle = bundle.with_forms(
            {k: dict(v) for k, v in dict(extra.get("variants") or {}).items()}
        )
        self.bundle, self.header, self.store, self.clock = bundle, header, store, clock
        self.today = datetime.fromisoformat(extra["today"]).date()
        self.agent_name = str(extra["agent_name"])
        self.time_limit_minutes = int(extra["time_limit_minutes"])
        self.seq = 0
        self.timing = Timing()
        self.state = State(ContactTable(self._rebuild))
        self._arrivals = Arrivals(bundle.contacts, fixed=bundle.epreuve.order == "fixed")
        #: When each contact arrived (journal time): how long a call rang is counted from it.
        self._arrived_at: dict[str, datetime] = {}
        self._queue = QueueBook(self.state.contacts, self._title)
        self.broken = False
        #: The event the store refused (type, payload, time), kept to be written again by ``retry_pending``.
        self.pending: tuple[str, dict[str, Any], datetime, bool] | None = None
        self._claim = ExitStack()
        #: The number of the last invigilator's request journalled (``apply_requests``).
        self.last_request = 0

    # -- lifecycle ---------------------------------------------------------------------------------

    @classmethod
    def start(
        cls,
        bundle: Bundle,
        *,
        store: JournalStore,
        clock: Clock,
        candidate_id: str,
        seed: int,
        language: str = "fr",
        time_limit_minutes: int | None = None,
        seat: str = "",
        forms: dict[str, dict[str, str]] | None = None,
    ) -> EpreuveSession:
        """Create, journal and claim a new session, then let the first contacts arrive (``seat``: who sits it, if known).

        ``forms`` imposes the form of scenarios with variants (a test plan's pin); by default the seed draws them."""
        now = clock.now()
        created = stamp(now)
        epreuve = bundle.epreuve
        drawn = bundle.draw(seed) if forms is None else forms
        header = SessionHeader(
            session_id=session_id_for(candidate_id, epreuve.id, seed, created),
            candidate_id=candidate_id,
            seed=seed,
            epreuve_id=epreuve.id,
            epreuve_hash=bundle.sha256,
            scenario_hashes=bundle.scenario_hashes(),
            app_version=__version__,
            created_at=created,
            mode=epreuve.mode,
            language=language,
            extra={
                "epreuve_path": bundle.path,
                "source": bundle.source,
                "today": now.date().isoformat(),
                "agent_name": epreuve.agent_name,
                "time_limit_minutes": time_limit_minutes or epreuve.time_limit_minutes,
                **({"seat": seat} if seat else {}),
                **({"variants": drawn} if drawn else {}),
            },
        )
        store.create_session(header)
        session = cls(bundle, header, store, clock)
        session._claim.enter_context(store.claim(header.session_id, f"callsim {__version__}"))
        try:
            session._begin(now)
        except BaseException:
            session.close()  # a start that failed must not keep the session locked
            raise
        return session

    @classmethod
    def resume(
        cls, store: JournalStore, session_id: str, *, clock: Clock, bundle: Bundle | None = None
    ) -> EpreuveSession:
        """Rebuild an interrupted session from its journal and carry on where it stopped."""
        header = store.header(session_id)
        bundle = bundle or bundle_of(header)
        same_files(header, bundle)
        session = cls(bundle, header, store, clock)
        session._claim.enter_context(store.claim(session_id, f"callsim {__version__}"))
        try:
            events = list(store.events(session_id))
            broken = first_broken_link(header, events)
            if broken is not None:
                raise SessionError(
                    Message(
                        "This session's journal is altered from event {seq} on: it cannot resume.",
                        seq=broken,
                    )
                )
            session._replay(events, lazy=True)
            if session.seq == 0:
                # Stopped between writing the header and the first event: the épreuve never
                # started (its clock never ran), so it starts now, as ``start`` would have.
                session._begin(clock.now())
            elif session.state.finished is None:
                now = clock.now()
                down = (
                    (now - session.timing.last_at).total_seconds()
                    if session.timing.last_at
                    else 0.0
                )
                session._record(
                    "session_resumed",
                    {"downtime_seconds": round(max(0.0, down), 3), "policy": "clock-paused"},
                    now,
                    lambda: session._apply_resumed(now),
                )
                session.tick()
        except BaseException:
            session.close()  # a resume that failed must not keep the session locked
            raise
        return session

    @classmethod
    def replay(
        cls, header: SessionHeader, events: Iterable[Event], bundle: Bundle, *, strict: bool = True
    ) -> EpreuveSession:
        """A read-only session rebuilt from events (for scoring and review); nothing is written."""
        session = cls(bundle, header, None, None)
        session._replay(events, strict=strict)
        return session

    def _begin(self, now: datetime) -> None:
        """Journal the ``session_started`` event (the épreuve's clock starts) and let contacts arrive."""
        epreuve = self.bundle.epreuve
        self._record(
            "session_started",
            {
                "epreuve": epreuve.id,
                "version": epreuve.version,
                "mode": epreuve.mode,
                "time_limit_minutes": self.time_limit_minutes,
                "contacts": [
                    {"contact": c.scenario.id, "at_minute": c.at_minute}
                    for c in self.bundle.contacts
                ],
                **(
                    {"variants": dict(self.header.extra["variants"])}
                    if "variants" in self.header.extra
                    else {}
                ),
            },
            now,
            lambda: self._apply_started(now),
        )
        self.tick()

    def close(self) -> None:
        """Release the session's claim (the journal stays as it is)."""
        self._claim.close()

    # -- the candidate's actions -----------------------------------------------------------------

    def perform(self, action: Any) -> Outcome:
        """Apply one action and journal it; raises ActionRefused (nothing recorded) when not possible."""
        if self.store is None or self.clock is None:
            raise SessionError(Message("Read-only session."))
        if self.broken:
            raise SessionError(Message("Session interrupted: restart it to resume."))
        self.tick()
        if self.timing.paused:
            raise ActionRefused(
                "paused", Message("The clock is paused (incident): wait for the invigilator.")
            )
        if self.state.finished is not None:
            raise ActionRefused("finished", Message("The épreuve is over."))
        now = self.clock.now()
        seq = self.seq + 1
        contact, step = self._apply_action(action, seq, at=now)
        payload = {
            "contact": contact.key,
            "action": action.to_json(),
            "lines": [line.to_json() for line in step.lines],
            "result": step.result,
            "evidence": [e.to_json() for e in step.evidence],
            "phase": contact.phase.value,
            "node": contact.node_id,
        }
        self._record("action", payload, now, None)
        ended = contact.phase is Phase.ENDED
        feedback = tuple(contact.evidence) if ended and self.header.mode == "practice" else None
        self.tick()
        return Outcome(seq, tuple(step.lines), step.result, ended, feedback)

    def tick(self) -> None:
        """Let due contacts arrive, end the épreuve when time is up or everything is done."""
        if (
            self.store is None
            or self.clock is None
            or self.state.finished is not None
            or self.broken
        ):
            return
        if self.timing.paused:
            return
        now = self.clock.now()
        elapsed = self.timing.elapsed(now)
        if elapsed >= self.time_limit_minutes * 60:
            self._record_time_up(now)
            return
        for planned in self._arrivals.due(elapsed, self.state.contacts.phase):
            key = planned.scenario.id
            minute = int(elapsed // 60)
            self._record(
                "contact_arrived",
                {"contact": key, "minute": minute},
                now,
                lambda key=key, minute=minute: self._apply_arrived(key, minute, at=now),
            )
        if self._all_done():
            self._record(
                "session_finished",
                {"reason": "completed"},
                now,
                lambda: self._apply_finished("completed", now),
            )

    def heartbeat(self, interval: float = HEARTBEAT_SECONDS) -> bool:
        """Journal that the app is alive when nothing was journalled for ``interval`` seconds."""
        if (
            self.store is None
            or self.clock is None
            or self.state.finished is not None
            or self.broken
        ):
            return False
        now = self.clock.now()
        if (
            self.timing.last_at is not None
            and (now - self.timing.last_at).total_seconds() < interval
        ):
            return False
        self._record("heartbeat", {}, now, None)
        return True

    def interrupt(self, cause: str) -> None:
        """Journal that the app is being stopped from outside (a signal); resuming later carries on."""
        if (
            self.store is None
            or self.clock is None
            or self.state.finished is not None
            or self.broken
        ):
            return
        self._record("interruption", {"cause": cause}, self.clock.now(), None)

    def retry_pending(self) -> bool:
        """Write again the event the store refused; True once it is written and the session usable again."""
        if self.pending is None:
            return not self.broken
        type_, payload, at, timed = self.pending
        self._record(
            type_, payload, at, None, timed=timed
        )  # raises again while the store still refuses
        self.broken = (
            False  # only now: until then every other write is refused (tick, heartbeat, actions)
        )
        return True

    # -- what a front end may see ------------------------------------------------------------------

    @property
    def session_id(self) -> str:
        return self.header.session_id

    @property
    def finished(self) -> str | None:
        return self.state.finished

    def remaining_seconds(self) -> float:
        now = self.clock.now() if self.clock else (self.timing.last_at or datetime.min)
        return max(0.0, self.time_limit_minutes * 60 - self.timing.elapsed(now))

    def queue(self) -> list[QueueItem]:
        """The arrived contacts in order of arrival, each with its phase now."""
        return self._queue.items(self.state.active)

    def _title(self, key: str) -> str:
        """A contact's title in the candidate's language (rendered once: it never changes)."""
        return self.state.contacts.title(
            key,
            seed=self.header.seed,
            today=self.today,
            lang=self.header.language,
            agent_name=self.agent_name,
        )

    def active_view(self) -> ContactView | None:
        key = self.state.active
        return contact_view(self.state.contacts[key]) if key else None

    def contact(self, key: str) -> ContactRuntime:
        return self.state.contacts[key]

    def evidence(self) -> list[Evidence]:
        """Every piece of evidence so far — for scoring and practice feedback, never for exam screens."""
        return list(self.state.evidence)

    # -- helpers -----------------------------------------------------------------------------------

    def _all_done(self) -> bool:
        contacts = self.state.contacts
        return len(contacts) == len(self.bundle.contacts) and not self._arrivals.any_open(
            contacts.phase
        )


__all__ = [
    "HEARTBEAT_SECONDS",
    "EpreuveSession",
    "Outcome",
    "SessionError",
    "session_id_for",
    "text_in",
]
