"""Determinism of a session's journal: same seed, same actions, same clock → the same bytes.

Also: another seed gives another customer but the same shape of épreuve, the export replays to the
live state, and the engine (with the checker, the trainer's walk, the policies and the scoring)
never pulls in the terminal UI.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from simulator.engine.bundle import Bundle, load_bundle
from simulator.engine.session import EpreuveSession
from simulator.journal.jsonl import export_jsonl, read_jsonl, verify_file
from simulator.journal.memory_store import MemoryJournalStore
from simulator.journal.sqlite_store import SqliteJournalStore
from tests.engine.session_support import (
    OTHER_SEED,
    REPO,
    SCENARIO_PATH,
    SEED,
    Script,
    cached_script,
    fresh_clock,
    practice_epreuve_path,
    record_script,
    run_script,
    scenario_bundle,
    session_state,
    start_session,
    write_epreuve,
)

OUTBOUND = REPO / "scenarios" / "outbound" / "energie-rendez-vous-compteur.yaml"


def _bundle(kind: str, tmp_path: Path) -> Bundle:
    if kind == "scenario":
        return scenario_bundle()
    if kind == "practice":
        path = practice_epreuve_path()
        if path is None:
            pytest.skip("scenarios/epreuves/practice.yaml is absent or not loadable")
        return load_bundle(path)
    files = [SCENARIO_PATH, *([OUTBOUND] if OUTBOUND.is_file() else [])]
    return load_bundle(write_epreuve(tmp_path / "epreuve", files))


def _script(kind: str, policy: str, bundle: Bundle, seed: int = SEED) -> Script:
    return (
        cached_script(policy, seed)
        if kind == "scenario"
        else record_script(bundle, policy, seed=seed)
    )


def _export_run(bundle: Bundle, script: Script, directory: Path) -> tuple[bytes, EpreuveSession]:
    """Play the script on a fresh SQLite journal in ``directory`` and export it as JSONL."""
    directory.mkdir()
    clock = fresh_clock()
    with SqliteJournalStore(directory / "journal.sqlite3") as store:
        session = start_session(bundle, store, clock, seed=script.seed)
        run_script(session, clock, script.actions)
        session.close()
        assert session.finished == "completed"
        export_jsonl(store, session.session_id, directory / "session.jsonl")
    return (directory / "session.jsonl").read_bytes(), session


@pytest.mark.parametrize(
    ("kind", "policy"),
    [
        ("scenario", "ideal"),
        ("scenario", "flawed"),
        ("epreuve", "ideal"),
        ("practice", "ideal"),
    ],
)
def test_same_seed_actions_and_clock_give_byte_identical_exports(
    tmp_path: Path, kind: str, policy: str
) -> None:
    bundle = _bundle(kind, tmp_path)
    script = _script(kind, policy, bundle)
    first, live = _export_run(bundle, script, tmp_path / "a")
    second, _ = _export_run(bundle, script, tmp_path / "b")
    assert first == second
    assert verify_file(tmp_path / "a" / "session.jsonl").ok
    # The export alone is enough to rebuild what the candidate saw and did.
    doc = read_jsonl(tmp_path / "a" / "session.jsonl")
    assert doc.problem is None and doc.header is not None
    replayed = EpreuveSession.replay(doc.header, doc.events, bundle)
    assert session_state(replayed) == session_state(live)
    assert replayed.remaining_seconds() == live.remaining_seconds()


def _customer_lines(store: MemoryJournalStore, session_id: str) -> list[str]:
    return [
        line["text"]
        for event in store.events(session_id)
        if event.type == "action"
        for line in event.payload["lines"]
        if line["speaker"] == "customer"
    ]


def _played(script: Script) -> tuple[EpreuveSession, MemoryJournalStore]:
    store, clock = MemoryJournalStore(), fresh_clock()
    session = start_session(scenario_bundle(), store, clock, seed=script.seed)
    run_script(session, clock, script.actions)
    return session, store


def test_other_seed_other_customer_same_structure() -> None:
    runs = {seed: _played(cached_script("ideal", seed)) for seed in (SEED, OTHER_SEED)}
    names = {}
    for seed, (session, store) in runs.items():
        assert session.finished == "completed"
        persona = session.contact(session.state.arrived[0]).ctx.persona
        names[seed] = persona.last_name
        lines = " ".join(_customer_lines(store, session.session_id))
        assert persona.last_name in lines, f"seed {seed}: the customer never gives her name"
    assert names[SEED] != names[OTHER_SEED]
    lines_a = " ".join(_customer_lines(runs[SEED][1], runs[SEED][0].session_id))
    lines_b = " ".join(_customer_lines(runs[OTHER_SEED][1], runs[OTHER_SEED][0].session_id))
    assert names[OTHER_SEED] not in lines_a and names[SEED] not in lines_b
    assert lines_a != lines_b

    def structure(session: EpreuveSession, store: MemoryJournalStore) -> tuple[object, ...]:
        events = list(store.events(session.session_id))
        return (
            [e.type for e in events],
            [e.payload["action"]["kind"] for e in events if e.type == "action"],
            [(e.competency, e.rule, e.effect, e.critical) for e in session.evidence()],
        )

    assert structure(*runs[SEED]) == structure(*runs[OTHER_SEED])
    assert all(e.positive for e in runs[SEED][0].evidence())


def test_session_ids_and_headers_depend_only_on_inputs() -> None:
    script = cached_script("ideal")
    seen = []
    for _ in range(2):
        store = MemoryJournalStore()
        session = start_session(scenario_bundle(), store, fresh_clock(), seed=script.seed)
        seen.append((session.session_id, store.header(session.session_id)))
        session.close()
    assert seen[0] == seen[1]
    other = start_session(scenario_bundle(), MemoryJournalStore(), fresh_clock(), seed=OTHER_SEED)
    assert other.session_id != seen[0][0]


def test_engine_never_imports_textual() -> None:
    code = (
        "import simulator.engine.session, simulator.scenario.checker, simulator.trainer.walk, "
        "simulator.policies.ideal, scoring; import sys; "
        "bad = sorted(m for m in sys.modules if m.startswith('textual')); "
        "assert not bad, bad"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
