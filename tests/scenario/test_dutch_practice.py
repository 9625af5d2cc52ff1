"""The practice épreuve in Dutch: every text a Dutch-speaking candidate reads is Dutch, and so is the
feedback after each contact, with the same verdicts as a French candidate gets for the same play."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel
from rich.console import Console

from scoring.rubric_file import default_rubric
from scoring.score import score
from simulator.app.screens.feedback import feedback_table
from simulator.engine.bundle import Bundle, load_bundle
from simulator.engine.clock import ManualClock
from simulator.engine.evidence import Evidence
from simulator.engine.rules import RULES_BY_ID
from simulator.engine.session import EpreuveSession
from simulator.journal.memory_store import MemoryJournalStore
from simulator.policies.driver import play_epreuve
from simulator.policies.ideal import IdealPolicy
from simulator.scenario.models import LocalisedText, Scenario

PRACTICE = Path(__file__).resolve().parents[2] / "scenarios" / "epreuves" / "practice.yaml"
START = datetime(2026, 3, 2, 9, 0)
#: Texts only the scenario's author reads (the trainer's guide: « note pour l'auteur »).
AUTHOR_NOTES = {("persona", "profile")}
TEMPLATE = re.compile(r"\{\{.*?\}\}")


@cache
def practice() -> Bundle:
    return load_bundle(PRACTICE)


def scenarios() -> list[Scenario]:
    return [planned.scenario for planned in practice().contacts]


def localised_texts(
    value: Any, path: tuple[Any, ...] = ()
) -> Iterator[tuple[tuple[Any, ...], Any]]:
    """Every field of the models typed as a scenario text (plain French or a {fr, en, nl} block), with its path."""
    if isinstance(value, BaseModel) and not isinstance(value, LocalisedText):
        for name, info in type(value).model_fields.items():
            child = getattr(value, name)
            if "LocalisedText" in repr(info.annotation):
                if child is not None:
                    yield (*path, name), child
            else:
                yield from localised_texts(child, (*path, name))
    elif isinstance(value, list | tuple):
        for index, child in enumerate(value):
            yield from localised_texts(child, (*path, index))
    elif isinstance(value, dict):
        for key, child in value.items():
            yield from localised_texts(child, (*path, key))


def candidate_texts(scenario: Scenario) -> list[tuple[tuple[Any, ...], Any]]:
    return [(path, text) for path, text in localised_texts(scenario) if path not in AUTHOR_NOTES]


def shape(path: tuple[Any, ...]) -> tuple[Any, ...]:
    """A text's path with list positions and node names left out: ("nodes", "*", "replies", "#", "text")."""
    return tuple(
        "#" if isinstance(part, int) else "*" if index and path[index - 1] == "nodes" else part
        for index, part in enumerate(path)
    )


def test_the_walk_reaches_the_texts_of_every_part_of_a_scenario():
    shapes = {shape(path) for scenario in scenarios() for path, _ in candidate_texts(scenario)}
    for expected in [
        ("title",),
        ("briefing",),
        ("organisation", "sector"),
        ("resources", "documentation", "#", "title"),
        ("resources", "documentation", "#", "body"),
        ("resources", "services", "#", "name"),
        ("resources", "services", "#", "handles"),
        ("resources", "agenda", "calendars", "#", "name"),
        ("resources", "forms", "#", "title"),
        ("resources", "forms", "#", "fields", "#", "label"),
        ("resources", "inbox", "#", "subject"),
        ("resources", "inbox", "#", "body"),
        ("nodes", "*", "say"),
        ("nodes", "*", "replies", "#", "text"),
        ("nodes", "*", "replies", "#", "feedback"),
        ("nodes", "*", "replies", "#", "evidence", "#", "because"),
        ("nodes", "*", "prompt", "label"),
        ("nodes", "*", "prompt", "placeholder"),
        ("nodes", "*", "prompt", "checks", "#", "because"),
        ("nodes", "*", "expect", "#", "because"),
        ("checks", "#", "because"),
        ("wrap_up", "outcomes", "#", "label"),
        ("wrap_up", "note_checks", "#", "because"),
    ]:
        assert expected in shapes, expected


@pytest.mark.parametrize("scenario", scenarios(), ids=lambda s: s.id)
def test_every_text_a_candidate_sees_in_the_practice_epreuve_has_its_dutch(scenario):
    texts = candidate_texts(scenario)
    assert len(texts) > 80
    plain_french = [path for path, text in texts if isinstance(text, str)]
    without_dutch = [
        path for path, text in texts if isinstance(text, LocalisedText) and not text.nl
    ]
    assert plain_french == [] and without_dutch == []
    assert "nl" in scenario.languages


@pytest.mark.parametrize("scenario", scenarios(), ids=lambda s: s.id)
def test_the_dutch_is_a_translation_with_the_same_variables(scenario):
    for path, text in candidate_texts(scenario):
        assert text.nl not in (text.fr, text.en), path
        used = set(TEMPLATE.findall(text.nl))
        assert used <= set(TEMPLATE.findall(text.fr)) | set(TEMPLATE.findall(text.en)), path


def test_every_order_rule_explains_itself_in_dutch():
    for rule in RULES_BY_ID.values():
        assert rule.explanation["nl"] not in ("", rule.explanation["fr"], rule.explanation["en"]), (
            rule.id
        )


@cache
def played(language: str) -> tuple[tuple[Evidence, ...], dict[str, Any]]:
    """The practice épreuve played to the end by the ideal candidate: its evidence and its grille."""
    store, clock = MemoryJournalStore(), ManualClock(START)
    session = EpreuveSession.start(
        practice(), store=store, clock=clock, candidate_id="C-0421", seed=7, language=language
    )
    play_epreuve(session, IdealPolicy, clock)
    assert session.finished is not None
    evidence = tuple(session.evidence())
    session_id = session.session_id
    session.close()
    grille = score(store.header(session_id), list(store.events(session_id)), default_rubric())
    return evidence, grille


def test_a_dutch_session_explains_every_piece_of_evidence_in_dutch():
    evidence, _ = played("nl")
    assert len(evidence) > 40
    assert {item.contact for item in evidence} == {s.id for s in scenarios()}
    assert {item.source for item in evidence} >= {"reply", "text", "tool", "order"}
    for item in evidence:
        assert item.explanation["nl"] not in (item.explanation["fr"], item.explanation["en"]), (
            item.rule
        )
        if item.source == "order":
            assert item.explanation["nl"] == RULES_BY_ID[item.rule].explanation["nl"]


def test_french_and_english_sessions_keep_their_explanations_in_french_and_english_only():
    for language in ("fr", "en"):
        evidence, _ = played(language)
        assert {tuple(item.explanation) for item in evidence} == {("fr", "en")}, language


def test_the_same_play_in_dutch_gives_the_same_verdicts_as_in_french():
    french, french_grille = played("fr")
    dutch, dutch_grille = played("nl")

    def observed(items: tuple[Evidence, ...]) -> list[tuple[str, str, str, bool, bool]]:
        return [(e.contact, e.rule, e.competency, e.positive, e.critical) for e in items]

    assert observed(dutch) == observed(french)
    assert all(item.positive for item in dutch)

    def verdicts(grille: dict[str, Any]) -> dict[str, str]:
        return {c["code"]: c["verdict"] for c in grille["competencies"]}

    assert verdicts(dutch_grille) == verdicts(french_grille)
    assert dutch_grille["verdict"] == french_grille["verdict"]


def test_the_feedback_screen_shows_the_dutch_explanations_to_a_dutch_candidate():
    evidence, _ = played("nl")
    console = Console(width=400, file=io.StringIO(), record=True)
    console.print(feedback_table(evidence, "nl", ("", "Competentie", "Wat werd waargenomen")))
    shown = console.export_text()
    assert [item.explanation["nl"] in shown for item in evidence] == [True] * len(evidence)
    assert not [item.explanation["fr"] for item in evidence if item.explanation["fr"] in shown]


def judged(scenario_id: str, check_id: str, text: str) -> bool:
    """Whether ``text``, typed by a Dutch candidate, passes the scenario's text check ``check_id`` (a typed
    answer, the after-call note, or a mail body) — ``{variables}`` of the contact filled in first."""
    from simulator.engine.context import build_context
    from simulator.engine.evaluation import check_typed
    from simulator.formatting.dates import format_date
    from simulator.scenario.models.checks import MailCheck

    scenario = next(s for s in scenarios() if s.id == scenario_id)
    ctx = build_context(scenario, 7, START.date(), "nl", "Alex")
    checks = [
        *(c for n in scenario.nodes.values() if n.prompt for c in n.prompt.checks),
        *(scenario.wrap_up.note_checks if scenario.wrap_up else ()),
    ]
    found = {c.id: (c.requires, c.forbids, c.must_not_say, c.sentence) for c in checks}
    found |= {
        c.id: (c.body_requires, c.body_forbids, c.body_must_not_say, c.body_sentence)
        for c in scenario.checks
        if isinstance(c, MailCheck)
    }
    requires, forbids, must_not_say, sentence = found[check_id]
    facts, refs, customer = ctx.variables["facts"], ctx.variables["refs"], ctx.variables["customer"]
    filled = text.format(
        invoice=refs.get("invoice"),
        number=customer["number"],
        name=customer["last_name"],
        rdv=format_date(facts["rdv_date"], "nl") if "rdv_date" in facts else "",
    )
    return check_typed(filled, requires, forbids, must_not_say, ctx, sentence=sentence).ok


DUTCH_ANSWERS = [
    (
        "maison-lumiere-livraison",
        "recap-adresse",
        "Ik heb uw huisnummer verbeterd: het is nu {number}.",
    ),
    (
        "maison-lumiere-livraison",
        "note-cause-et-action",
        "Pakje teruggestuurd: verkeerd huisnummer op de fiche, adres verbeterd. Gratis opnieuw verzonden per express.",
    ),
    (
        "telecom-message-facture",
        "note-facture-et-credit",
        "Factuur {invoice}: creditnota van 14,99 € opgemaakt, antwoord per mail verstuurd.",
    ),
    (
        "telecom-message-facture",
        "mail-contenu",
        "Voor factuur {invoice} hebben wij 14,99 € gecrediteerd; dat bedrag wordt van uw volgende factuur afgetrokken.",
    ),
    (
        "telecom-message-facture",
        "mail-forme",
        "Geachte meneer {name}, ... Met vriendelijke groeten, Alex",
    ),
    (
        "telecom-message-facture",
        "mail-excuses",
        "Het spijt ons: wij verontschuldigen ons voor deze fout.",
    ),
    (
        "energie-rendez-vous-compteur",
        "recap-date-plage",
        "Ik vat samen: {rdv}, tussen 13 en 17 uur.",
    ),
    (
        "energie-rendez-vous-compteur",
        "recap-consignes",
        "Er moet een volwassene aanwezig zijn en de meter moet bereikbaar zijn.",
    ),
    (
        "energie-rendez-vous-compteur",
        "note-rdv-et-gsm",
        "Afspraak op {rdv}, nieuw mobiel nummer op de fiche gezet.",
    ),
    (
        "assurance-declaration-sinistre",
        "note-declaration-et-gsm",
        "Aangifte van waterschade ingevoerd, nieuw telefoonnummer op de fiche.",
    ),
]


@pytest.mark.parametrize(
    ("scenario_id", "check_id", "text"), DUTCH_ANSWERS, ids=[c for _, c, _ in DUTCH_ANSWERS]
)
def test_an_answer_typed_in_dutch_is_judged_as_a_french_one(scenario_id, check_id, text):
    assert judged(scenario_id, check_id, text)
    assert not judged(scenario_id, check_id, "Klant gecontacteerd, alles is in orde.")


@pytest.mark.parametrize(
    ("scenario_id", "check_id", "text"),
    [
        (
            "maison-lumiere-livraison",
            "recap-sans-remboursement",
            "Als u wilt, krijgt u ook een terugbetaling.",
        ),
        (
            "telecom-message-facture",
            "mail-sans-promesse-interdite",
            "Als excuus krijgt u een gratis maand.",
        ),
        (
            "telecom-message-facture",
            "mail-sans-promesse-interdite",
            "U kunt de domiciliëring intussen blokkeren.",
        ),
    ],
)
def test_a_promise_the_procedure_forbids_is_caught_in_dutch_too(scenario_id, check_id, text):
    assert judged(scenario_id, check_id, "Ik vat samen: alles is geregeld.")
    assert not judged(scenario_id, check_id, text)
