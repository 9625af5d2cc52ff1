"""Parallel forms are equally hard: on every form of the standard épreuve the ideal candidate passes
every competency, and each flawed candidate fails exactly the same competencies as on the file as written."""

from __future__ import annotations

import functools
import json

import pytest

from scoring.rubric_file import default_rubric
from scoring.score import score
from simulator.engine.clock import ManualClock
from simulator.engine.session import EpreuveSession
from simulator.journal.memory_store import MemoryJournalStore
from simulator.policies.driver import play_epreuve
from simulator.policies.registry import policy_factory
from simulator.scenario.variants.draw import covering
from tests.scoring.scoring_support import EPREUVES, T0, bundle, verdicts

STANDARD = str(EPREUVES / "standard.yaml")
SEED = 2


def _forms() -> list[dict[str, dict[str, str]]]:
    """Enough forms that every alternative of every scenario with variants is played at least once."""
    varied = {
        c.scenario.id: covering(c.layer) for c in bundle(STANDARD).contacts if c.layer is not None
    }
    rounds = max((len(combos) for combos in varied.values()), default=0)
    return [{sid: combos[k % len(combos)] for sid, combos in varied.items()} for k in range(rounds)]


@functools.cache
def _verdicts(policy: str, form_index: int) -> dict[str, str]:
    forms = _forms()[form_index] if form_index >= 0 else {}
    store, clock = MemoryJournalStore(), ManualClock(T0)
    session = EpreuveSession.start(
        bundle(STANDARD),
        store=store,
        clock=clock,
        candidate_id=f"F-{policy}",
        seed=SEED,
        forms=forms,
    )
    play_epreuve(session, policy_factory(policy, SEED), clock)
    session.close()
    header = store.header(session.session_id)
    assert dict(header.extra.get("variants") or {}) == forms
    return verdicts(score(header, list(store.events(session.session_id)), default_rubric()))


def test_the_standard_epreuve_has_scenarios_with_variants():
    assert len(_forms()) >= 2


@pytest.mark.parametrize("form_index", range(4))
def test_the_ideal_candidate_passes_every_competency_on_every_form(form_index):
    if form_index >= len(_forms()):
        pytest.skip("fewer forms")
    found = _verdicts("ideal", form_index)
    assert len(found) == 23 and set(found.values()) == {"ok"}, found


@pytest.mark.parametrize("policy", ["never-confirms", "keyword-stuffer"])
def test_a_flawed_candidate_fails_the_same_competencies_on_every_form(policy):
    as_written = _verdicts(policy, -1)
    assert "nok" in as_written.values()
    for index in range(len(_forms())):
        assert _verdicts(policy, index) == as_written, _forms()[index]


def test_every_form_of_seeds_1_to_100_is_as_hard_as_the_epreuve_as_written():
    from simulator.trainer.form_fairness import play_forms

    report = play_forms(bundle(STANDARD), range(1, 101))
    outcomes = {o.policy: o for o in report.outcomes}
    assert report.competencies == 23
    assert outcomes["ideal"].as_written == () and outcomes["ideal"].deviations == {}
    for policy in ("never-confirms", "keyword-stuffer"):
        assert outcomes[policy].as_written, policy  # a flawed candidate fails something…
        assert outcomes[policy].deviations == {}, policy  # …the same on every form
    assert not report.failed
    # the model candidate's working time: every contact worked on every form, and no form of the
    # épreuve much longer than another (a storyline may shorten one contact, not the épreuve)
    assert set(report.work) == {c.scenario.id for c in bundle(STANDARD).contacts}
    assert all(0 < least <= most for least, most in report.work.values()), report.work
    least, most = report.total_work
    assert 0 < least <= most <= 1.2 * least, report.total_work


def test_forms_play_reports_each_simulated_candidate(capsys):
    from simulator.cli import main

    assert (
        main(["epreuve", "forms", "standard", "--seeds", "1-3", "--play", "--format", "json"]) == 0
    )
    shown = json.loads(capsys.readouterr().out)
    least, most = shown["model_work_seconds"]["epreuve"]
    assert 0 < least <= most
    assert len(shown["model_work_seconds"]["contacts"]) == 17
    assert set(shown["play"]) == {"ideal", "never-confirms", "keyword-stuffer"}
    assert shown["play"]["ideal"] == {"fails_as_written": [], "deviations": {}}
    main(["epreuve", "forms", "standard", "--seeds", "1-3", "--play", "--lang", "en"])
    text = capsys.readouterr().out
    assert "simulated candidates on the forms of 3 seeds:" in text
    assert "ideal: 23/23 competencies passed as written; forms that differ: 0" in text
    assert "the model candidate's working time per form: from " in text
    assert "    garage-enquete-satisfaction: from " in text
