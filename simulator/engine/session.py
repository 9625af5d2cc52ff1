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

import hashlib
from collections.abc import Iterable
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from simulator import __version__
from simulator.engine.actions import Pause, Take, action_from_json
from simulator.engine.arrivals import Arrivals
from simulator.engine.bundle import Bundle, load_bundle, single_scenario_bundle
from simulator.engine.clock import Clock, parse_stamp, stamp
from simulator.engine.contact import ContactRuntime, Line, Step
from simulator.engine.deferred import ContactTable, DeferredContact, contacts_ended_in
from simulator.engine.dispatch import apply_action
from simulator.engine.evidence import Evidence
from simulator.engine.interruptions import UNTIMED_EVENTS
from simulator.engine.phases import Phase
from simulator.engine.toolbox import ActionRefused
from simulator.engine.views import ContactView, QueueItem, contact_view
from simulator.journal.events import Event, SessionHeader
from simulator.journal.store import JournalStore
from simulator.journal.verify import first_broken_link
from simulator.scenario.models import text_in


class SessionError(Exception):
    """A session cannot be started, resumed or replayed; says why in French and English."""

    def __init__(self, message_fr: str, message_en: str) -> None:
        super().__init__(message_en)
        self.message_fr, self.message_en = message_fr, message_en


@dataclass(frozen=True)
class Outcome:
    """What one action did, for the front end: lines to show, a tool result, practice feedback."""

    seq: int
    lines: tuple[Line, ...]
    result: dict[str, Any] | None
    contact_ended: bool
    feedback: tuple[Evidence, ...] | None = None


@dataclass
class _Timing:
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
class _State:
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


class EpreuveSession:
    """A candidate's épreuve in progress (or replayed from its journal)."""

    def __init__(self, bundle: Bundle, header: SessionHeader, store: JournalStore | None, clock: Clock | None) -> None:
        self.bundle, self.header, self.store, self.clock = bundle, header, store, clock
        extra = header.extra
        self.today = datetime.fromisoformat(extra["today"]).date()
        self.agent_name = str(extra["agent_name"])
        self.time_limit_minutes = int(extra["time_limit_minutes"])
        self.seq = 0
        self.timing = _Timing()
        self.state = _State(ContactTable(self._rebuild))
        self._arrivals = Arrivals(bundle.contacts, fixed=bundle.epreuve.order == "fixed")
        #: Each arrived contact's title in the candidate's language (it never changes once rendered).
        self._titles: dict[str, str] = {}
        #: When each contact arrived (journal time): how long a call rang is counted from it.
        self._arrived_at: dict[str, datetime] = {}
        self.broken = False
        #: The event the store refused (type, payload, time), kept to be written again by ``retry_pending``.
        self.pending: tuple[str, dict[str, Any], datetime, bool] | None = None
        self._claim = ExitStack()
        #: The number of the last invigilator's request journalled (``apply_requests``).
        self.last_request = 0

    # -- lifecycle ---------------------------------------------------------------------------------

    @classmethod
    def start(cls, bundle: Bundle, *, store: JournalStore, clock: Clock, candidate_id: str, seed: int,
              language: str = "fr", time_limit_minutes: int | None = None, seat: str = "") -> EpreuveSession:
        """Create, journal and claim a new session, then let the first contacts arrive (``seat``: who sits it, if known)."""
        now = clock.now()
        created = stamp(now)
        epreuve = bundle.epreuve
        header = SessionHeader(
            session_id=session_id_for(candidate_id, epreuve.id, seed, created), candidate_id=candidate_id,
            seed=seed, epreuve_id=epreuve.id, epreuve_hash=bundle.sha256,
            scenario_hashes=bundle.scenario_hashes(), app_version=__version__, created_at=created,
            mode=epreuve.mode, language=language,
            extra={"epreuve_path": bundle.path, "source": bundle.source, "today": now.date().isoformat(), "agent_name": epreuve.agent_name,
                   "time_limit_minutes": time_limit_minutes or epreuve.time_limit_minutes,
                   **({"seat": seat} if seat else {})},
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
    def resume(cls, store: JournalStore, session_id: str, *, clock: Clock, bundle: Bundle | None = None) -> EpreuveSession:
        """Rebuild an interrupted session from its journal and carry on where it stopped."""
        header = store.header(session_id)
        bundle = bundle or _bundle_of(header)
        _same_files(header, bundle)
        session = cls(bundle, header, store, clock)
        session._claim.enter_context(store.claim(session_id, f"callsim {__version__}"))
        try:
            events = list(store.events(session_id))
            broken = first_broken_link(header, events)
            if broken is not None:
                raise SessionError(
                    f"Le journal de cette session est altéré à partir de l'événement {broken} : elle ne peut pas reprendre.",
                    f"This session's journal is altered from event {broken} on: it cannot resume.")
            session._replay(events, lazy=True)
            if session.seq == 0:
                # Stopped between writing the header and the first event: the épreuve never
                # started (its clock never ran), so it starts now, as ``start`` would have.
                session._begin(clock.now())
            elif session.state.finished is None:
                now = clock.now()
                down = (now - session.timing.last_at).total_seconds() if session.timing.last_at else 0.0
                session._record("session_resumed", {"downtime_seconds": round(max(0.0, down), 3), "policy": "clock-paused"},
                                now, lambda: session._apply_resumed(now))
                session.tick()
        except BaseException:
            session.close()  # a resume that failed must not keep the session locked
            raise
        return session

    @classmethod
    def replay(cls, header: SessionHeader, events: Iterable[Event], bundle: Bundle, *, strict: bool = True) -> EpreuveSession:
        """A read-only session rebuilt from events (for scoring and review); nothing is written."""
        session = cls(bundle, header, None, None)
        session._replay(events, strict=strict)
        return session

    def _begin(self, now: datetime) -> None:
        """Journal the ``session_started`` event (the épreuve's clock starts) and let contacts arrive."""
        epreuve = self.bundle.epreuve
        self._record("session_started", {
            "epreuve": epreuve.id, "version": epreuve.version, "mode": epreuve.mode,
            "time_limit_minutes": self.time_limit_minutes,
            "contacts": [{"contact": c.scenario.id, "at_minute": c.at_minute} for c in self.bundle.contacts],
        }, now, lambda: self._apply_started(now))
        self.tick()

    def close(self) -> None:
        """Release the session's claim (the journal stays as it is)."""
        self._claim.close()

    # -- the candidate's actions -----------------------------------------------------------------

    def perform(self, action: Any) -> Outcome:
        """Apply one action and journal it; raises ActionRefused (nothing recorded) when not possible."""
        if self.store is None or self.clock is None:
            raise SessionError("Session en lecture seule.", "Read-only session.")
        if self.broken:
            raise SessionError("Session interrompue : relancez-la pour la reprendre.", "Session interrupted: restart it to resume.")
        self.tick()
        if self.timing.paused:
            raise ActionRefused("paused", "L'horloge est en pause (incident) : attendez le surveillant.",
                                "The clock is paused (incident): wait for the invigilator.",
                                "De klok staat stil (incident): wacht op de toezichter.")
        if self.state.finished is not None:
            raise ActionRefused("finished", "L'épreuve est terminée.", "The épreuve is over.", "De proef is afgelopen.")
        now = self.clock.now()
        seq = self.seq + 1
        contact, step = self._apply_action(action, seq, at=now)
        payload = {
            "contact": contact.key, "action": action.to_json(),
            "lines": [line.to_json() for line in step.lines], "result": step.result,
            "evidence": [e.to_json() for e in step.evidence],
            "phase": contact.phase.value, "node": contact.node_id,
        }
        self._record("action", payload, now, None)
        ended = contact.phase is Phase.ENDED
        feedback = tuple(contact.evidence) if ended and self.header.mode == "practice" else None
        self.tick()
        return Outcome(seq, tuple(step.lines), step.result, ended, feedback)

    def tick(self) -> None:
        """Let due contacts arrive, end the épreuve when time is up or everything is done."""
        if self.store is None or self.clock is None or self.state.finished is not None or self.broken:
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
            self._record("contact_arrived", {"contact": key, "minute": minute}, now,
                         lambda key=key, minute=minute: self._apply_arrived(key, minute, at=now))
        if self._all_done():
            self._record("session_finished", {"reason": "completed"}, now, lambda: self._apply_finished("completed", now))

    def heartbeat(self, interval: float = HEARTBEAT_SECONDS) -> bool:
        """Journal that the app is alive when nothing was journalled for ``interval`` seconds."""
        if self.store is None or self.clock is None or self.state.finished is not None or self.broken:
            return False
        now = self.clock.now()
        if self.timing.last_at is not None and (now - self.timing.last_at).total_seconds() < interval:
            return False
        self._record("heartbeat", {}, now, None)
        return True

    def interrupt(self, cause: str) -> None:
        """Journal that the app is being stopped from outside (a signal); resuming later carries on."""
        if self.store is None or self.clock is None or self.state.finished is not None or self.broken:
            return
        self._record("interruption", {"cause": cause}, self.clock.now(), None)

    def end(self, reason: str) -> bool:
        """The invigilator ends the épreuve now, for ``reason`` (journalled); True if it was still under way."""
        if self.store is None or self.clock is None or self.state.finished is not None or self.broken:
            return False
        now = self.clock.now()
        self._record("session_finished", {"reason": "invigilator", "note": reason}, now,
                     lambda: self._apply_finished("invigilator", now))
        return True

    def pause_clock(self, reason: str, request: int | None = None) -> bool:
        """The invigilator stops the candidate's clock for an incident (``clock_paused``); False if already stopped."""
        if not self._writable() or self.timing.paused:
            return False
        now = self.clock.now()
        self._record("clock_paused", _asked({"reason": reason}, request), now, lambda: self._apply_paused(now))
        return True

    def resume_clock(self, request: int | None = None) -> bool:
        """The invigilator restarts a paused clock (``clock_resumed``): the pause counted as no time."""
        if not self._writable() or not self.timing.paused:
            return False
        now = self.clock.now()
        self._record("clock_resumed", _asked({}, request), now, lambda: self._apply_unpaused(now))
        self.tick()
        return True

    def extend_time(self, minutes: int, reason: str, request: int | None = None) -> bool:
        """An accommodation: ``minutes`` more for this candidate (``time_extended``), with the reason."""
        if not self._writable() or minutes <= 0:
            return False
        self._record("time_extended", _asked({"minutes": int(minutes), "reason": reason}, request),
                     self.clock.now(), lambda: self._apply_extended(int(minutes)))
        return True

    def apply_requests(self) -> int:
        """Journal what the invigilator asked of this live seat since the last request applied; how many acted.

        The store keeps the requests (``post_request``; a store without them has none); each one is
        journalled with its number, so a seat that resumes never applies a request twice.
        """
        read = getattr(self.store, "requests", None)
        if read is None or not self._writable():
            return 0
        done = 0
        for number, kind, payload in read(self.session_id, self.last_request):
            self.last_request = number
            if kind == "pause":
                done += self.pause_clock(str(payload.get("reason", "")), number)
            elif kind == "resume":
                done += self.resume_clock(number)
            elif kind == "extend":
                done += self.extend_time(int(payload.get("minutes", 0)), str(payload.get("reason", "")), number)
        return done

    @property
    def clock_paused(self) -> bool:
        """Whether the invigilator paused this session's clock (no action is taken until it is resumed)."""
        return self.timing.paused

    def _writable(self) -> bool:
        return not (self.store is None or self.clock is None or self.state.finished is not None or self.broken)

    def note(self, type_: str, payload: dict[str, Any]) -> None:
        """Journal an invigilator's act (``UNTIMED_EVENTS``): for the record, the épreuve's clock ignores it."""
        if type_ not in UNTIMED_EVENTS:
            raise ValueError(f"not an untimed event: {type_}")
        if self.store is None or self.clock is None or self.broken:
            return
        self._record(type_, payload, self.clock.now(), None, timed=False)

    def retry_pending(self) -> bool:
        """Write again the event the store refused; True once it is written and the session usable again."""
        if self.pending is None:
            return not self.broken
        type_, payload, at, timed = self.pending
        self._record(type_, payload, at, None, timed=timed)  # raises again while the store still refuses
        self.broken = False  # only now: until then every other write is refused (tick, heartbeat, actions)
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
        items = []
        contacts = self.state.contacts
        for key in self.state.arrived:
            scenario = contacts.scenario(key)
            title = self._titles.get(key)
            if title is None:
                title = self._titles[key] = contacts.title(key, seed=self.header.seed, today=self.today,
                                                           lang=self.header.language, agent_name=self.agent_name)
            phase = contacts.phase(key).value
            if contacts.deferred(key) is None and contacts[key].paused:
                phase = "paused"  # set aside for a call: taken up again from the queue
            items.append(QueueItem(key, title, scenario.direction, scenario.medium, scenario.kind,
                                   phase, self.state.arrived_minute[key]))
        return items

    def active_view(self) -> ContactView | None:
        key = self.state.active
        return contact_view(self.state.contacts[key]) if key else None

    def contact(self, key: str) -> ContactRuntime:
        return self.state.contacts[key]

    def evidence(self) -> list[Evidence]:
        """Every piece of evidence so far — for scoring and practice feedback, never for exam screens."""
        return list(self.state.evidence)

    # -- applying events (shared by live play and replay) -------------------------------------------

    def _apply_started(self, at: datetime) -> None:
        self.timing.segment_start = at

    def _apply_resumed(self, at: datetime) -> None:
        if self.timing.segment_start is not None and self.timing.last_at is not None:
            self.timing.banked += max(0.0, (self.timing.last_at - self.timing.segment_start).total_seconds())
        self.timing.segment_start = None if self.timing.paused else at

    def _apply_paused(self, at: datetime) -> None:
        self.timing.stop(at)
        self.timing.paused = True

    def _apply_unpaused(self, at: datetime) -> None:
        self.timing.paused = False
        self.timing.segment_start = at

    def _apply_extended(self, minutes: int) -> None:
        self.time_limit_minutes += minutes

    def _apply_arrived(self, key: str, minute: int, *, deferred: bool = False, at: datetime | None = None) -> None:
        scenario = self.bundle.contact(key).scenario
        if at is not None:
            self._arrived_at[key] = parse_stamp(stamp(at))
        self.state.contacts[key] = DeferredContact(scenario) if deferred else self._new_runtime(scenario)
        self.state.arrived.append(key)
        self._arrivals.arrived(key)
        self.state.arrived_minute[key] = minute

    def _apply_finished(self, reason: str, at: datetime) -> None:
        self.state.finished = reason
        self.timing.stop(at)

    def _apply_action(self, action: Any, seq: int, *, results: bool = True,
                      at: datetime | None = None) -> tuple[ContactRuntime, Step]:
        state = self.state
        if isinstance(action, Take):
            if action.contact not in state.contacts:
                raise ActionRefused("not-arrived", "Ce contact n'est pas (encore) dans la file.", "This contact is not in the queue (yet).", "Dit contact staat (nog) niet in de wachtrij.")
            if state.active is not None:
                raise ActionRefused("busy", "Terminez d'abord le contact en cours.", "Finish the current contact first.", "Rond eerst het lopende contact af.")
            contact = state.contacts[action.contact]
            answered = contact.phase is Phase.WAITING
            step = apply_action(contact, action)  # a task set aside is taken up again
            if answered:
                self._rang(contact, step, at)
            state.active = contact.key
        else:
            if state.active is None:
                raise ActionRefused("no-contact", "Aucun contact en cours : prenez un contact dans la file.", "No contact in progress: take one from the queue.", "Geen lopend contact: neem een contact uit de wachtrij.")
            contact = state.contacts[state.active]
            step = apply_action(contact, action, results=results)
            if isinstance(action, Pause):
                state.active = None
        _keep(contact, step, seq)
        state.evidence.extend(step.evidence)
        if contact.phase is Phase.ENDED:
            state.active = None
        return contact, step

    def _expire_all(self, seq: int) -> list[Evidence]:
        gathered: list[Evidence] = []
        for contact in self.state.contacts.built():  # a deferred contact has ended: nothing to expire
            step = contact.expire()
            _keep(contact, step, seq)
            gathered.extend(step.evidence)
        self.state.evidence.extend(gathered)
        self.state.active = None
        self.state.finished = "time_up"
        return gathered

    def _record_time_up(self, now: datetime) -> None:
        seq = self.seq + 1
        evidence = self._expire_all(seq)
        self.timing.stop(now)
        self._record("time_up", {"evidence": [e.to_json() for e in evidence]}, now, None)

    # -- journal -----------------------------------------------------------------------------------

    def _record(self, type_: str, payload: dict[str, Any], at: datetime, apply: Any, *, timed: bool = True) -> int:
        """Apply (if given) and append one event; a failed append leaves the session unusable.

        The refused event is kept in ``pending``: ``retry_pending`` writes it again (its effect is
        already applied), so a store that was only busy loses nothing.
        """
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
            raise SessionError("Le journal a été modifié par un autre processus.", "The journal was changed by another process.")
        self.seq = seq
        if timed:
            self.timing.last_at = at
        return seq

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
            elif event.type == "action" and self.state.contacts.deferred(str(event.payload["contact"])):
                self._defer_action(event)
            elif event.type == "action":
                # the journal already holds what the candidate saw: tool results are not computed again
                _contact, step = self._apply_action(action_from_json(event.payload["action"]), seq, results=False, at=at)
                if strict:
                    _same_evidence(step, event)
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

    def _replay_invigilator(self, event: Event, at: datetime) -> None:
        """The invigilator's acts on the clock: a pause, its end, more time."""
        if event.type in ("clock_paused", "clock_resumed", "time_extended"):
            self.last_request = max(self.last_request, int(event.payload.get("request", 0)))
        if event.type == "clock_paused":
            self._apply_paused(at)
        elif event.type == "clock_resumed":
            self._apply_unpaused(at)
        elif event.type == "time_extended":
            self._apply_extended(int(event.payload["minutes"]))

    def _defer_action(self, event: Event) -> None:
        """An action of a contact that ended later in the journal: keep the event and what it recorded."""
        key = str(event.payload["contact"])
        action = action_from_json(event.payload["action"])
        state = self.state
        if isinstance(action, Take) and (action.contact != key or state.active is not None):
            raise SessionError(f"L'événement {event.seq} prend un contact qui ne peut pas l'être.",
                               f"Event {event.seq} takes a contact that cannot be taken.")
        if not isinstance(action, Take) and state.active != key:
            raise SessionError(f"L'événement {event.seq} agit sur un contact qui n'est pas en cours.",
                               f"Event {event.seq} acts on a contact that is not in progress.")
        state.contacts.deferred(key).events.append(event)
        state.evidence.extend(Evidence.from_json(e) for e in event.payload["evidence"])
        state.active = None if event.payload["phase"] == _ENDED or isinstance(action, Pause) else key

    def _rebuild(self, key: str, deferred: DeferredContact) -> ContactRuntime:
        """Replay an ended contact's journaled actions, checking each gives the journal's evidence."""
        contact = self._new_runtime(deferred.scenario)
        for event in deferred.events:
            try:
                answered = contact.phase is Phase.WAITING
                step = apply_action(contact, action_from_json(event.payload["action"]), results=False)
                if answered:
                    self._rang(contact, step, parse_stamp(event.at))
            except ActionRefused as refusal:
                raise SessionError(f"Rejouer l'événement {event.seq} est refusé : {refusal.message_fr}",
                                   f"Replaying event {event.seq} is refused: {refusal.message_en}") from refusal
            _keep(contact, step, event.seq)
            _same_evidence(step, event)
        if contact.phase is not Phase.ENDED:
            raise SessionError(f"Rejouer le contact {key} ne le termine pas comme le journal l'indique.",
                               f"Replaying contact {key} does not end it as the journal says.")
        return contact

    def _rang(self, contact: ContactRuntime, step: Step, at: datetime | None) -> None:
        """A call that must not be left ringing: answered in time, or left ringing (journal times)."""
        limit = contact.scenario.answer_within_seconds
        arrived = self._arrived_at.get(contact.key)
        if limit is None or at is None or arrived is None or not contact.phone:
            return
        rang = (parse_stamp(stamp(at)) - arrived).total_seconds()
        contact.fire("ORD-ANSWERED-IN-TIME" if rang <= limit else "ORD-LEFT-RINGING", step)

    def _new_runtime(self, scenario: Any) -> ContactRuntime:
        return ContactRuntime(scenario, seed=self.header.seed, today=self.today, lang=self.header.language,
                              agent_name=self.agent_name, exam=self.header.mode == "exam")

    # -- helpers -----------------------------------------------------------------------------------

    def _all_done(self) -> bool:
        contacts = self.state.contacts
        return len(contacts) == len(self.bundle.contacts) and not self._arrivals.any_open(contacts.phase)


def _asked(payload: dict[str, Any], request: int | None) -> dict[str, Any]:
    """An invigilator's event's payload, with the number of the request it applies when it came as one."""
    return {**payload, "request": request} if request is not None else payload


def _keep(contact: ContactRuntime, step: Step, seq: int) -> None:
    """Tie a step's evidence to its journal event and add its lines and evidence to the contact."""
    for item in step.evidence:
        object.__setattr__(item, "seq", seq)
    contact.lines.extend(step.lines)
    contact.evidence.extend(step.evidence)


def _same_evidence(step: Step, event: Event) -> None:
    if [e.to_json() for e in step.evidence] != list(event.payload["evidence"]):
        raise SessionError(f"Rejouer l'événement {event.seq} ne donne pas les mêmes preuves.",
                           f"Replaying event {event.seq} does not give the same evidence.")


def _bundle_of(header: SessionHeader) -> Bundle:
    """The épreuve a session was started on: an épreuve file, or one scenario played on its own."""
    path = header.extra["epreuve_path"]
    if header.extra.get("source") == "scenario":
        return single_scenario_bundle(path)
    return load_bundle(path)


def _same_files(header: SessionHeader, bundle: Bundle) -> None:
    if header.epreuve_hash != bundle.sha256 or dict(header.scenario_hashes) != bundle.scenario_hashes():
        raise SessionError(
            "Les fichiers de l'épreuve ont changé depuis le début de cette session : elle ne peut pas reprendre telle quelle.",
            "The épreuve's files changed since this session started: it cannot resume as is.",
        )


__all__ = ["EpreuveSession", "Outcome", "SessionError", "session_id_for", "text_in"]
