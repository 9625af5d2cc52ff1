"""Exam lines reveal nothing: a practice-only (coaching) node is shown in practice, passed in exams."""

from __future__ import annotations

from typing import Any

from simulator.engine.contact import ContactRuntime
from simulator.scenario.models import Scenario
from tests.engine.contact_support import TODAY, phone_scenario, reply


def coached(**recadrage: Any) -> Scenario:
    """The small call, where offering before the need leads to a supervisor's correction."""
    base = phone_scenario()
    nodes = {k: v.model_dump(exclude_defaults=True) for k, v in base.nodes.items()}
    nodes["debut"]["replies"][1] = reply(
        "offre-directe", "recadrage", "offer", **{"01_01": "negative"}
    )
    nodes["recadrage"] = {
        "speaker": "supervisor",
        "audience": "practice",
        "say": "Surtout pas ! On découvre le besoin avant de proposer quoi que ce soit.",
        "replies": [reply("compris", "recap", "discover")],
        **recadrage,
    }
    return Scenario.model_validate({**base.model_dump(exclude_defaults=True), "nodes": nodes})


def heard(step: Any) -> list[str]:
    """What the other side says in a step (the candidate's own words left out)."""
    return [line.text for line in step.lines if line.speaker != "agent"]


def contact(scenario: Scenario, *, exam: bool) -> ContactRuntime:
    runtime = ContactRuntime(scenario, seed=1, today=TODAY, lang="fr", agent_name="Alex", exam=exam)
    runtime.take()
    return runtime


def test_practice_shows_the_coaching_line_and_stops_at_it():
    runtime = contact(coached(), exam=False)
    step = runtime.choose("offre-directe")
    assert heard(step) == [
        "Surtout pas ! On découvre le besoin avant de proposer quoi que ce soit."
    ]
    assert runtime.node_id == "recadrage"


def test_an_exam_neither_shows_the_coaching_line_nor_stops_at_it():
    runtime = contact(coached(), exam=True)
    step = runtime.choose("offre-directe")
    assert heard(step) == ["D'accord."]  # straight on to the recap, as after any reply
    assert runtime.node_id == "recap"
    assert runtime.memory.need_detected  # the act of the reply passed over still counts
    assert [(e.competency, e.effect) for e in step.evidence if e.source != "order"] == [
        ("01.01", "negative")
    ]


def test_an_exam_hides_the_line_of_a_coaching_node_it_cannot_pass():
    """Two replies: the candidate must choose, so the node stays, without its line."""
    two = [reply("compris", "recap", "discover"), reply("encore", "recap")]
    runtime = contact(coached(replies=two), exam=True)
    step = runtime.choose("offre-directe")
    assert heard(step) == [] and runtime.node_id == "recadrage"


def test_lines_for_both_modes_are_shown_in_exams():
    runtime = contact(phone_scenario(), exam=True)
    assert heard(runtime.choose("besoin")) == ["Ah bon ?"]
