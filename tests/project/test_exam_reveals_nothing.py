"""Exam lines reveal nothing: no scenario of a shipped exam épreuve has an exam-visible line that
judges the candidate's previous choice, and a candidate who chooses at random sees none."""

from __future__ import annotations

import functools
from datetime import datetime
from pathlib import Path

import pytest

from simulator.engine.bundle import Bundle, load_bundle
from simulator.engine.clock import ManualClock
from simulator.engine.session import EpreuveSession
from simulator.journal.memory_store import MemoryJournalStore
from simulator.policies.driver import play_epreuve
from simulator.policies.registry import policy_factory
from simulator.scenario.checker import check_paths
from simulator.scenario.checker.judging import judging_marker
from simulator.scenario.models import LANGS

ROOT = Path(__file__).resolve().parents[2]
EPREUVES = sorted((ROOT / "scenarios" / "epreuves").glob("*.yaml"))


@functools.cache
def exam_bundles() -> tuple[Bundle, ...]:
    bundles = tuple(load_bundle(path) for path in EPREUVES)
    return tuple(b for b in bundles if b.epreuve.mode == "exam")


def test_no_scenario_of_a_shipped_exam_has_an_exam_visible_judging_line():
    assert exam_bundles(), "the library ships at least one exam épreuve"
    for bundle in exam_bundles():
        for planned in bundle.contacts:
            for node_id, node in planned.scenario.nodes.items():
                if node.audience == "practice" or node.say is None:
                    continue
                texts = (
                    [node.say]
                    if isinstance(node.say, str)
                    else [getattr(node.say, lang) or "" for lang in LANGS]
                )
                for text in texts:
                    assert judging_marker(text, node.speaker) is None, (planned.path, node_id, text)
        report = check_paths([c.path for c in bundle.contacts])
        assert [
            d.format("en")
            for d in report.diagnostics
            if d.code in ("judging-line", "coaching-not-passed")
        ] == []


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_candidate_choosing_at_random_in_the_standard_exam_is_never_corrected(seed):
    bundle = next(b for b in exam_bundles() if b.epreuve.id == "examen-standard")
    coaching = {
        (c.scenario.id, n)
        for c in bundle.contacts
        for n, node in c.scenario.nodes.items()
        if node.audience == "practice"
    }
    store, clock = MemoryJournalStore(), ManualClock(datetime(2026, 1, 5, 9, 0))
    session = EpreuveSession.start(
        bundle, store=store, clock=clock, candidate_id=f"C-{seed}", seed=seed
    )
    play_epreuve(session, policy_factory("careless", seed), clock)
    session.close()
    actions = [e.payload for e in store.events(session.session_id) if e.type == "action"]
    said = [
        (line["speaker"], line["text"])
        for p in actions
        for line in p["lines"]
        if line["speaker"] != "agent"
    ]
    assert said and [(who, text) for who, text in said if judging_marker(text, who)] == []
    assert (
        not {(p["contact"], p["node"]) for p in actions} & coaching
    )  # never stopped at a coaching step
    replies = {
        (c.scenario.id, r.id): r.goto
        for c in bundle.contacts
        for node in c.scenario.nodes.values()
        for r in node.replies or ()
        if r.id
    }
    chosen = [
        (p["contact"], p["action"]["reply"]) for p in actions if p["action"]["kind"] == "choose"
    ]
    assert any(
        (key[0], replies.get(key)) in coaching for key in chosen
    )  # wrong choices were made, and passed
    practice_lines = {
        node.say if isinstance(node.say, str) else node.say.fr
        for c in bundle.contacts
        for node in c.scenario.nodes.values()
        if node.audience == "practice"
    }
    assert not practice_lines & {text for _who, text in said}
