"""What makes resuming fast must not change what a session does.

Personas, seeded customer databases and contact contexts are generated once and handed out again;
a replay leaves tool results out. These tests pin that the shortcuts give exactly what the long
way gives, and that nothing one session does shows in another (other seed, or same seed).
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from faker import Faker

from simulator.engine.bundle import single_scenario_bundle
from simulator.engine.contact import ContactRuntime
from simulator.engine.context import build_context
from simulator.engine.personas import _names, make_persona
from simulator.engine.session import EpreuveSession
from simulator.engine.toolbox import QUERIES, run_tool
from simulator.engine.tools.customer_db import CustomerDatabase
from simulator.engine.tools.customer_seed import seeded_rows
from simulator.journal.memory_store import MemoryJournalStore
from tests.engine.session_support import (
    CANDIDATE,
    OTHER_SEED,
    REPO,
    SEED,
    Script,
    default_bundle,
    event_record,
    fresh_clock,
    perform_step,
    reference_run,
    session_state,
    start_session,
    tool_state,
)

TODAY = date(2026, 3, 2)
APPOINTMENT = REPO / "scenarios" / "outbound" / "energie-rendez-vous-compteur.yaml"


@pytest.mark.parametrize(("language", "locale"), [("fr", "fr_BE"), ("nl", "nl_BE")])
def test_names_are_the_ones_faker_draws_for_the_seed(language: str, locale: str) -> None:
    fake = Faker(locale)
    for seed in [*range(400), 10**9 - 1, 2**40 + 3]:
        for gender in "FM":
            fake.seed_instance(seed)
            first = fake.first_name_female() if gender == "F" else fake.first_name_male()
            assert _names(seed, language, gender) == (first, fake.last_name()), (seed, gender)


def _options() -> dict[str, object]:
    return {
        "target_overrides": {"number": "999"},
        "lookalikes": 2,
        "duplicates": 1,
        "outdated": 1,
        "background": 12,
        "today": TODAY,
    }


def test_a_seeded_database_is_a_fresh_copy_each_time() -> None:
    target = make_persona(21, today=TODAY)
    first = CustomerDatabase.build(21, target=target, **_options())
    pristine = json.dumps(first.snapshot())
    first.update(first.record_by_role("target").record_id, "number", "12")
    first.create({"last_name": "Peeters", "first_name": "An", "postcode": "3000", "city": "Leuven"})
    first.remove_role("lookalike-1")
    second = CustomerDatabase.build(21, target=target, **_options())
    assert json.dumps(second.snapshot()) == pristine and second.changes() == []
    # the copy holds exactly what filling a database with the seeded rows gives
    rows = seeded_rows(
        21,
        target=target,
        target_overrides={"number": "999"},
        lookalikes=2,
        duplicates=1,
        outdated=1,
        background=12,
        today=TODAY,
    )
    filled = CustomerDatabase.from_rows(rows, [dict(r) for r in rows], seed=21, today=TODAY)
    assert filled.snapshot() == second.snapshot()
    assert filled.search(target.last_name) == second.search(target.last_name)


def test_remove_role_leaves_the_record_out_without_counting_a_change() -> None:
    db = CustomerDatabase.build(4, target=make_persona(4, today=TODAY), **_options())
    target = db.record_by_role("target")
    db.remove_role("target")
    with pytest.raises(KeyError):
        db.record_by_role("target")
    assert target.record_id not in {s.record_id for s in db.search(target.last_name)}
    assert all(row["role"] != "target" for row in db.snapshot()["initial"])
    assert db.changes() == []


def test_query_operations_change_no_tool_state() -> None:
    # A replay skips these operations: that is only right while they change nothing.
    scenario = single_scenario_bundle(APPOINTMENT).contacts[0].scenario
    contact = ContactRuntime(scenario, seed=SEED, today=TODAY, lang="fr", agent_name="Alex")
    target = contact.box.customer_db.record_by_role("target")
    arguments = {
        ("customer_db", "search"): [
            {"query": target.last_name},
            {"query": target.mobile},
            {"query": ""},
        ],
        ("agenda", "view"): [{}, {"calendar": contact.box.agenda.slots[0].calendar}],
        ("mail", "inbox"): [{}],
        ("mail", "read"): [{"message": "no-such-message"}],
    }
    assert set(arguments) == set(QUERIES)
    for (tool, op), calls in arguments.items():
        for args in calls:
            before = tool_state(contact)
            result = run_tool(contact.box, tool, op, args)
            assert result["ok"] or op == "read"
            assert tool_state(contact) == before, (tool, op, args)
            assert run_tool(contact.box, tool, op, args, results=False) == {
                "ok": True,
                "result": None,
            }
            assert tool_state(contact) == before


def test_a_context_is_not_handed_to_another_scenario_with_the_same_id() -> None:
    scenario = single_scenario_bundle(APPOINTMENT).contacts[0].scenario
    dutch = scenario.model_copy(
        update={"persona": scenario.persona.model_copy(update={"language": "nl"})}
    )
    assert dutch.id == scenario.id
    french = build_context(scenario, SEED, TODAY, "fr", "Alex")
    assert build_context(scenario, SEED, TODAY, "fr", "Alex") is french
    assert build_context(dutch, SEED, TODAY, "fr", "Alex").persona.language == "nl"
    assert build_context(scenario, OTHER_SEED, TODAY, "fr", "Alex").persona != french.persona


#: Run by ``python -c`` in a fresh process (nothing generated or remembered yet): record the ideal
#: candidate's script for a seed on the practice épreuve, play it alone, print actions, journal and state.
ALONE = r"""
import json, sys
sys.path.insert(0, sys.argv[1])
import session_support as sup
from simulator.journal.memory_store import MemoryJournalStore

seed, candidate = int(sys.argv[2]), sys.argv[3]
bundle = sup.default_bundle()
script = sup.record_script(bundle, "ideal", seed=seed)
store, clock = MemoryJournalStore(), sup.fresh_clock()
session = sup.start_session(bundle, store, clock, seed=seed, candidate_id=candidate)
sup.run_script(session, clock, script.actions)
session.close()
journal = [sup.event_record(e) for e in store.events(session.session_id)]
print(json.dumps({"actions": script.to_json(), "journal": journal, "state": sup.session_state(session)}))
"""


def _plain_json(value: object) -> object:
    return json.loads(json.dumps(value))


def _alone_in_a_fresh_process(seed: int, candidate: str) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", ALONE, str(Path(__file__).resolve().parent), str(seed), candidate],
        check=False,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.mark.parametrize(
    "seeds", [(SEED, OTHER_SEED), (SEED, SEED)], ids=["other-seeds", "same-seed"]
)
def test_interleaved_sessions_write_the_journals_they_write_alone(seeds: tuple[int, int]) -> None:
    bundle = default_bundle()
    candidates = (CANDIDATE, f"{CANDIDATE}-BIS")
    alone = [
        _alone_in_a_fresh_process(seed, candidate) for seed, candidate in zip(seeds, candidates)
    ]
    scripts = [Script.from_json("ideal", seed, run["actions"]) for seed, run in zip(seeds, alone)]
    # warm every cache with both seeds first, then play the two sessions step by step, in turn
    for script in scripts:
        reference_run(bundle, script)
    stores, clocks = (MemoryJournalStore(), MemoryJournalStore()), (fresh_clock(), fresh_clock())
    sessions = [
        start_session(bundle, stores[i], clocks[i], seed=seeds[i], candidate_id=candidates[i])
        for i in (0, 1)
    ]
    for step in range(max(len(s) for s in scripts)):
        for i in (0, 1):
            if step < len(scripts[i]):
                perform_step(sessions[i], clocks[i], scripts[i].actions[step])
    for i in (0, 1):
        sessions[i].close()
        assert sessions[i].finished == "completed"
        events = list(stores[i].events(sessions[i].session_id))
        assert _plain_json([event_record(e) for e in events]) == alone[i]["journal"]
        assert _plain_json(session_state(sessions[i])) == alone[i]["state"]
        replayed = EpreuveSession.replay(stores[i].header(sessions[i].session_id), events, bundle)
        assert _plain_json(session_state(replayed)) == alone[i]["state"]
