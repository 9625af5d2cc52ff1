"""Play a golden session (several shipped scenarios, each by a test plan or a simulated candidate) and judge it.

A golden file (``golden/*.yaml``) holds the candidate's actions — per contact, a scenario of the
shipped library and either a ``plan`` of its ``.plans.yaml`` or a ``policy`` with its seed — and the
jury's verdict per competency (``jury``), written before the scorer was run, each with a reason
citing the référentiel. Competencies the jury does not list take ``others``.
"""

from __future__ import annotations

import copy
import functools
from datetime import datetime
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from scoring.criteria_grille import criteria_competencies
from scoring.rubric_file import default_rubric
from scoring.score import _entry
from simulator.engine.bundle import single_scenario_bundle
from simulator.engine.clock import ManualClock
from simulator.engine.session import EpreuveSession
from simulator.journal.memory_store import MemoryJournalStore
from simulator.policies.driver import play_epreuve
from simulator.policies.registry import policy_factory
from simulator.referentiel import get_referentiel
from simulator.scenario.models import testplan as tp
from simulator.trainer.plans import run_plan
from simulator.trainer.plans_text import failure_texts

REPO = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).resolve().parent / "golden"
#: Each contact's observations get their own seq range, so that seqs stay unique across contacts.
_SEQ_STRIDE = 10_000


def _read_yaml(path: Path) -> Any:
    """A YAML file as plain data (YAML 1.2, like every file callsim reads)."""
    return YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))


def golden_files() -> list[Path]:
    return sorted(GOLDEN.glob("*.yaml"))


def load(path: Path) -> dict[str, Any]:
    return _read_yaml(path)


def jury_verdicts(doc: dict[str, Any]) -> dict[str, str]:
    """The jury's verdict for every competency of the référentiel."""
    listed = {code: item["verdict"] for code, item in (doc.get("jury") or {}).items()}
    return {code: listed.get(code, doc["others"]["verdict"]) for code in get_referentiel().codes}


@functools.cache
def _plans(scenario: str) -> list[dict[str, Any]]:
    path = REPO / "scenarios" / scenario.replace(".yaml", ".plans.yaml")
    return _read_yaml(path)["plans"]


def _plan(contact: dict[str, Any]) -> tp.Plan:
    """The contact's plan: a plan of its scenario (its after-call note replaced by ``note`` if given), or inline ``steps``."""
    if "steps" in contact:
        data = {"id": "golden", "title": "golden", "steps": contact["steps"], "expect": {}}
    else:
        data = copy.deepcopy(
            next(p for p in _plans(contact["scenario"]) if p["id"] == contact["plan"])
        )
    if "note" in contact:
        for step in data["steps"]:
            if isinstance(step, dict) and "wrap_up" in step:
                step["wrap_up"]["note"] = contact["note"]
    return tp.Plan.model_validate(data, strict=False)


def _contact_evidence(contact: dict[str, Any]) -> list[Any]:
    bundle = single_scenario_bundle(REPO / "scenarios" / contact["scenario"])
    if "plan" in contact or "steps" in contact:
        result = run_plan(bundle, _plan(contact))
        failures = failure_texts(result, "fr")
        assert not any("refusée" in f or "erreur" in f for f in failures), failures
        return result.evidence
    clock = ManualClock(datetime(2026, 3, 2, 9, 0, 0))
    seed = int(contact.get("seed", 1))
    session = EpreuveSession.start(
        bundle, store=MemoryJournalStore(), clock=clock, candidate_id="golden", seed=seed
    )
    play_epreuve(session, policy_factory(contact["policy"], seed), clock)
    session.close()
    return session.evidence()


def judged(doc: dict[str, Any]) -> list[dict[str, Any]]:
    """The scorer's competencies (rubric 2) for the golden session ``doc``."""
    by_code: dict[str, list[tuple[int, int, dict[str, Any]]]] = {}
    order = []
    for index, contact in enumerate(doc["contacts"]):
        for position, evidence in enumerate(_contact_evidence(contact)):
            data = evidence.to_json()
            code, n, entry = _entry(data, index * _SEQ_STRIDE + int(data.get("seq", 0)), position)
            by_code.setdefault(code, []).append((entry["seq"], n, entry))
        order.append(Path(contact["scenario"]).stem)
    return criteria_competencies(by_code, default_rubric(), doc.get("mode", "practice"), order)


def scorer_verdicts(doc: dict[str, Any]) -> dict[str, str]:
    return {c["code"]: c["verdict"] for c in judged(doc)}
