"""Helpers for the session/journal tests: scripted runs, fixed clocks, state snapshots, a kill-able runner.

A *script* is the fixed list of actions a simulated candidate performed, recorded once by playing
the épreuve with a policy (``IdealPolicy`` or the deliberately clumsy ``FlawedPolicy``). Replaying
a script with :func:`run_script` on a fresh session, from the same seed and the same
:func:`fresh_clock`, performs exactly the same engine calls at exactly the same instants, so two
such runs must write the same journal.

Time rule shared by the recorder and the runner: before every action the clock moves on by
``step`` seconds; before taking a contact that has not arrived yet, it moves on by whole minutes
(ticking each time) until the contact is in the queue — what ``simulator.policies.driver`` does.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from simulator.engine.actions import Choose, Say, Take, UseTool, WrapUp, action_from_json
from simulator.engine.bundle import Bundle, BundleError, load_bundle, single_scenario_bundle
from simulator.engine.clock import ManualClock
from simulator.engine.contact import ContactRuntime
from simulator.engine.phases import Phase
from simulator.engine.session import EpreuveSession, Outcome
from simulator.journal.events import Event
from simulator.journal.memory_store import MemoryJournalStore
from simulator.journal.store import JournalStore
from simulator.policies.ideal import IdealPolicy, reply_score
from simulator.policies.synthetic import failing_text

REPO = Path(__file__).resolve().parents[2]
SCENARIO_PATH = REPO / "scenarios" / "inbound" / "maison-lumiere-livraison.yaml"
PRACTICE_PATH = REPO / "scenarios" / "epreuves" / "practice.yaml"

#: Monday 23 November 2026, 09:00 — every scripted run starts there.
T0 = datetime(2026, 11, 23, 9, 0, 0)
STEP_SECONDS = 20
CANDIDATE = "C-TEST-1"
SEED = 7
OTHER_SEED = 8


# -- clocks and bundles ----------------------------------------------------------------------------


def fresh_clock(at: datetime = T0) -> ManualClock:
    """A new manual clock at a fixed moment (never shared between two runs)."""
    return ManualClock(at)


@functools.cache
def practice_epreuve_path() -> str | None:
    """``scenarios/epreuves/practice.yaml`` when it exists and ``load_bundle`` accepts it."""
    if not PRACTICE_PATH.is_file():
        return None
    try:
        load_bundle(PRACTICE_PATH)
    except (BundleError, OSError, ValueError):
        return None
    return str(PRACTICE_PATH)


@functools.cache
def _repository_bundle(path: str, single: bool) -> Bundle:
    # Bundles are immutable and sessions never change them: the repository's files are loaded once.
    return single_scenario_bundle(path) if single else load_bundle(path)


def scenario_bundle(path: str | Path | None = None) -> Bundle:
    """The one-contact practice bundle around a scenario (default: the delivery complaint, loaded once).

    An explicit ``path`` is always loaded afresh (tests that edit a copy of the file rely on it).
    """
    if path is None:
        return _repository_bundle(str(SCENARIO_PATH), True)
    return single_scenario_bundle(str(path))


def default_bundle() -> Bundle:
    """The practice épreuve when the repository has a valid one, else the one-scenario bundle."""
    practice = practice_epreuve_path()
    return _repository_bundle(practice, False) if practice else scenario_bundle()


def bundle_from_path(path: str) -> Bundle:
    """Open a bundle from the path a session header records (épreuve file or single scenario)."""
    try:
        return load_bundle(path)
    except BundleError:
        return single_scenario_bundle(path)


def write_epreuve(
    directory: Path,
    scenario_files: Sequence[Path | str],
    *,
    epreuve_id: str = "test-practice",
    time_limit_minutes: int = 30,
) -> Path:
    """Copy scenarios into ``directory`` and write a practice épreuve playing them (all at minute 0)."""
    directory.mkdir(parents=True, exist_ok=True)
    lines = [
        "callsim: epreuve/1",
        f"id: {epreuve_id}",
        "version: 1.0.0",
        "title: {fr: Épreuve de test, en: Test épreuve}",
        "briefing: {fr: Essai., en: Trial.}",
        "mode: practice",
        f"time_limit_minutes: {time_limit_minutes}",
        "order: fixed",
        "contacts:",
    ]
    for source in scenario_files:
        source = Path(source)
        (directory / source.name).write_bytes(source.read_bytes())
        lines += [f"  - scenario: {source.name}", "    at_minute: 0"]
    path = directory / "epreuve.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# -- simulated candidates --------------------------------------------------------------------------


class FlawedPolicy(IdealPolicy):
    """A clumsy candidate: no tools, poor (but not call-ending) replies, vague texts, a thin note."""

    name = "flawed"

    def tool_actions(self, contact: ContactRuntime) -> list[UseTool]:
        # One useless look-up at the first moment the database is offered, nothing else.
        if "flawed-search" in self.done_checks or "customer_db" not in contact.tools_now():
            return []
        self.done_checks.add("flawed-search")
        return [UseTool(tool="customer_db", op="search", args={"query": "Dupont"})]

    def choose(self, contact: ContactRuntime) -> list[Any]:
        node = contact.node
        ids = contact.reply_ids(node)

        def abandons(index: int) -> bool:
            target = contact.scenario.nodes[node.replies[index].goto]
            return target.end is not None and target.end.outcome == "abandoned"

        keep = [i for i in range(len(ids)) if not abandons(i)] or list(range(len(ids)))
        worst = min(
            keep,
            key=lambda i: (
                reply_score(node.replies[i]),
                self.visits.get(node.replies[i].goto, 0),
                i,
            ),
        )
        self.visits[node.replies[worst].goto] = self.visits.get(node.replies[worst].goto, 0) + 1
        return [Choose(reply=ids[worst])]

    def next_actions(self, contact: ContactRuntime) -> list[Any]:
        actions = super().next_actions(contact)
        return [Say(text=failing_text()) if isinstance(a, Say) else a for a in actions]

    def wrap_up(self, contact: ContactRuntime) -> WrapUp:
        spec = contact.scenario.wrap_up
        outcomes = [o.id for o in spec.outcomes] if spec else []
        return WrapUp(outcome=outcomes[-1] if outcomes else None, note="RAS.")


POLICIES: dict[str, Callable[[], Any]] = {"ideal": IdealPolicy, "flawed": FlawedPolicy}


# -- scripts -----------------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Script:
    """A fixed list of actions recorded from a policy, for one bundle and one seed."""

    policy: str
    seed: int
    actions: tuple[Any, ...]

    def __len__(self) -> int:
        return len(self.actions)

    def to_json(self) -> list[dict[str, Any]]:
        return [a.to_json() for a in self.actions]

    @classmethod
    def from_json(cls, policy: str, seed: int, data: Iterable[dict[str, Any]]) -> Script:
        return cls(policy, seed, tuple(action_from_json(a) for a in data))


def wait_for(
    session: EpreuveSession, clock: ManualClock, contact: str, *, limit_minutes: int = 600
) -> None:
    """Move the clock on minute by minute (ticking) until ``contact`` has arrived or the épreuve ends."""
    for _ in range(limit_minutes):
        if contact in session.state.contacts or session.finished is not None:
            return
        clock.advance(minutes=1)
        session.tick()
    raise AssertionError(f"contact {contact!r} never arrived")


def perform_step(
    session: EpreuveSession, clock: ManualClock, action: Any, step: float = STEP_SECONDS
) -> Outcome:
    """One scripted action: wait for the contact if it is a Take, move the clock on, perform."""
    if isinstance(action, Take):
        wait_for(session, clock, action.contact)
    clock.advance(seconds=step)
    return session.perform(action)


def run_script(
    session: EpreuveSession,
    clock: ManualClock,
    actions: Sequence[Any],
    *,
    start: int = 0,
    stop: int | None = None,
    step: float = STEP_SECONDS,
) -> list[Outcome]:
    """Perform ``actions[start:stop]`` on ``session``, advancing ``clock`` by ``step`` before each."""
    return [perform_step(session, clock, action, step) for action in actions[start:stop]]


def _next_key(session: EpreuveSession) -> str | None:
    return session.state.active or next(
        (q.key for q in session.queue() if q.phase == "waiting"), None
    )


def record_script(
    bundle: Bundle,
    policy: str = "ideal",
    *,
    seed: int = SEED,
    step: float = STEP_SECONDS,
    max_actions: int = 2000,
) -> Script:
    """Play the épreuve with a policy (as ``play_epreuve`` does) and keep the actions it performed."""
    clock = fresh_clock()
    session = EpreuveSession.start(
        bundle, store=MemoryJournalStore(), clock=clock, candidate_id=CANDIDATE, seed=seed
    )
    policies: dict[str, Any] = {}
    actions: list[Any] = []
    try:
        while session.finished is None:
            if len(actions) >= max_actions:
                raise AssertionError(f"{policy} policy did not finish within {max_actions} actions")
            key = _next_key(session)
            if key is None:  # nothing to do until the next contact arrives
                clock.advance(minutes=1)
                session.tick()
                continue
            planned = policies.setdefault(key, POLICIES[policy]()).next_actions(
                session.contact(key)
            )
            if not planned:
                raise AssertionError(
                    f"{policy} policy is stuck on {key!r} (phase {session.contact(key).phase})"
                )
            for action in planned:
                perform_step(session, clock, action, step)
                actions.append(action)
                if session.finished is not None:
                    break
    finally:
        session.close()
    return Script(policy, seed, tuple(actions))


@functools.cache
def cached_script(policy: str = "ideal", seed: int = SEED, which: str = "scenario") -> Script:
    """A recorded script for ``scenario_bundle()`` (``which="scenario"``) or ``default_bundle()``."""
    bundle = scenario_bundle() if which == "scenario" else default_bundle()
    return record_script(bundle, policy, seed=seed)


def start_session(
    bundle: Bundle,
    store: JournalStore,
    clock: ManualClock,
    *,
    seed: int = SEED,
    candidate_id: str = CANDIDATE,
) -> EpreuveSession:
    return EpreuveSession.start(
        bundle, store=store, clock=clock, candidate_id=candidate_id, seed=seed
    )


def reference_run(
    bundle: Bundle, script: Script, *, step: float = STEP_SECONDS
) -> tuple[EpreuveSession, MemoryJournalStore]:
    """An uninterrupted run of the whole script on an in-memory journal (session closed, readable)."""
    store = MemoryJournalStore()
    clock = fresh_clock()
    session = start_session(bundle, store, clock, seed=script.seed)
    run_script(session, clock, script.actions, step=step)
    session.close()
    return session, store


# -- comparing states --------------------------------------------------------------------------------


def _plain(value: Any) -> Any:
    """JSON-like copy: dataclasses and mappings to dicts, sets sorted, enums to their value."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted(_plain(v) for v in value)
    if isinstance(value, Phase):
        return value.value
    return value


def tool_state(contact: ContactRuntime) -> dict[str, Any]:
    """Every tool's full state (customer database, documentation, directory, agenda, forms, mail)."""
    box = contact.box
    out: dict[str, Any] = {}
    for name in ("customer_db", "documentation", "directory", "agenda", "forms", "mail"):
        tool = getattr(box, name)
        out[name] = None if tool is None else _plain(tool.snapshot())
    return out


def contact_state(contact: ContactRuntime) -> dict[str, Any]:
    """Everything about one contact that a later action or the scoring can depend on."""
    return {
        "node": contact.node_id,
        "phase": contact.phase.value,
        "held_from": _plain(contact.model.held_from),
        "attached": contact.machine is not None,
        "lines": [line.to_json() for line in contact.lines],
        "evidence": [e.to_json() for e in contact.evidence],
        "memory": _plain(contact.memory),
        "facts": _plain(contact.facts),
        "replies": contact.offered_replies(),
        "tools_now": contact.tools_now(),
        "tools": tool_state(contact),
    }


def session_state(session: EpreuveSession) -> dict[str, Any]:
    """The session's whole observable state, JSON-like, without its seq and timing."""
    state = session.state
    view = session.active_view()
    return {
        "active": state.active,
        "finished": state.finished,
        "arrived": list(state.arrived),
        "arrived_minute": dict(state.arrived_minute),
        "evidence": [e.to_json() for e in state.evidence],
        "queue": _plain(session.queue()),
        "active_view": _plain(view) if view is not None else None,
        "contacts": {key: contact_state(c) for key, c in state.contacts.items()},
    }


def evidence_without_seq(evidence: Iterable[Any]) -> list[dict[str, Any]]:
    """Evidence as journalled, minus ``seq`` (a resume adds a ``session_resumed`` event, shifting seqs)."""
    out = []
    for item in evidence:
        data = item.to_json() if hasattr(item, "to_json") else dict(item)
        data.pop("seq", None)
        out.append(data)
    return out


def strip_evidence_seqs(value: Any) -> Any:
    """A JSON-like state or payload without the ``seq`` of its evidence (a resume shifts later seqs)."""
    if isinstance(value, dict):
        return {
            k: strip_evidence_seqs(v)
            for k, v in value.items()
            if not (k == "seq" and "competency" in value)
        }
    if isinstance(value, list):
        return [strip_evidence_seqs(v) for v in value]
    return value


def event_record(event: Event) -> dict[str, Any]:
    """An event without its session id, as plain JSON-like data (for comparing two journals)."""
    return {
        "seq": event.seq,
        "at": event.at,
        "type": event.type,
        "payload": _plain(dict(event.payload)),
        "prev_hash": event.prev_hash,
        "hash": event.hash,
    }


def action_count(events: Iterable[Event]) -> int:
    return sum(1 for e in events if e.type == "action")


def assert_evidence_seqs_point_at_events(session: EpreuveSession, events: Sequence[Event]) -> None:
    """Every piece of evidence names the journal event that carries it."""
    by_seq = {e.seq: e for e in events}
    for item in session.evidence():
        event = by_seq.get(item.seq)
        assert event is not None, (
            f"evidence {item.rule} names seq {item.seq}, which is not in the journal"
        )
        carried = event.payload.get("evidence", [])
        assert item.to_json() in [dict(x) for x in carried], (
            f"event {item.seq} ({event.type}) does not carry the evidence {item.rule}"
        )


# -- a kill-able runner (for the SIGKILL tests) -------------------------------------------------------

#: Run by ``python -c`` in a child process: start a session on a SQLite journal, perform the
#: script, and print ``START <seq>`` once started and ``ACK <action index> <seq>`` after each
#: ``perform`` returns (``seq``: the session's last event, durable by then).
RUNNER = r"""
import json, sys
from datetime import datetime
sys.path.insert(0, sys.argv[1])
import session_support as sup
from simulator.engine.actions import action_from_json
from simulator.engine.clock import ManualClock
from simulator.engine.session import EpreuveSession
from simulator.journal.sqlite_store import SqliteJournalStore

spec = json.loads(open(sys.argv[2], encoding="utf-8").read())
bundle = sup.bundle_from_path(spec["bundle"])
actions = [action_from_json(a) for a in spec["actions"]]
clock = ManualClock(datetime.fromisoformat(spec["t0"]))
store = SqliteJournalStore(spec["db"])
out = sys.stdout
session = EpreuveSession.start(bundle, store=store, clock=clock, candidate_id=spec["candidate"], seed=spec["seed"])
out.write(f"START {session.seq}\n"); out.flush()
for index, action in enumerate(actions):
    sup.perform_step(session, clock, action, spec["step"])
    out.write(f"ACK {index} {session.seq}\n"); out.flush()
out.write("DONE\n"); out.flush()
session.close()
store.close()
"""


def write_runner_spec(
    path: Path, *, db: Path, bundle_path: str, script: Script, step: float = STEP_SECONDS
) -> Path:
    spec = {
        "db": str(db),
        "bundle": bundle_path,
        "actions": script.to_json(),
        "seed": script.seed,
        "candidate": CANDIDATE,
        "t0": T0.isoformat(),
        "step": step,
    }
    path.write_text(json.dumps(spec), encoding="utf-8")
    return path


def spawn_runner(spec_path: Path) -> subprocess.Popen[str]:
    """Start the runner in a child process (stdout piped, line-buffered text)."""
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    return subprocess.Popen(
        [sys.executable, "-c", RUNNER, str(Path(__file__).resolve().parent), str(spec_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        bufsize=1,
        cwd=str(REPO),
        env=env,
    )


#: Run by ``python -c``: claim a session of a SQLite journal, say ``HELD``, then wait for stdin to close.
HOLDER = r"""
import sys
from simulator.journal.sqlite_store import SqliteJournalStore
store = SqliteJournalStore(sys.argv[1])
with store.claim(sys.argv[2], "holder-test-process"):
    sys.stdout.write("HELD\n"); sys.stdout.flush()
    sys.stdin.read()
"""


def spawn_holder(db: Path, session_id: str) -> subprocess.Popen[str]:
    """A child process holding the claim on ``session_id`` until its stdin is closed."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db), session_id],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=str(REPO),
    )
    line = proc.stdout.readline() if proc.stdout else ""
    if line.strip() != "HELD":
        proc.kill()
        raise AssertionError(
            f"holder did not claim the session: {line!r} {proc.stderr.read() if proc.stderr else ''}"
        )
    return proc


__all__ = [
    "CANDIDATE",
    "OTHER_SEED",
    "PRACTICE_PATH",
    "REPO",
    "SCENARIO_PATH",
    "SEED",
    "STEP_SECONDS",
    "T0",
    "FlawedPolicy",
    "Script",
    "action_count",
    "assert_evidence_seqs_point_at_events",
    "bundle_from_path",
    "cached_script",
    "contact_state",
    "default_bundle",
    "event_record",
    "evidence_without_seq",
    "fresh_clock",
    "perform_step",
    "practice_epreuve_path",
    "record_script",
    "reference_run",
    "run_script",
    "scenario_bundle",
    "session_state",
    "spawn_holder",
    "spawn_runner",
    "start_session",
    "strip_evidence_seqs",
    "tool_state",
    "wait_for",
    "write_epreuve",
    "write_runner_spec",
]
