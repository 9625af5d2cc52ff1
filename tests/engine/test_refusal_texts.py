"""A tool's refusal is journalled in the same words as before the catalogs, in French, English and
Dutch, in that order — the customer database's three refusals once written without Dutch included."""

from __future__ import annotations

import dataclasses
import json
from datetime import date, datetime
from pathlib import Path

from scoring.reports.view import localised
from simulator.engine.actions import Take, UseTool
from simulator.engine.bundle import single_scenario_bundle
from simulator.engine.clock import ManualClock
from simulator.engine.personas import make_persona
from simulator.engine.session import EpreuveSession
from simulator.engine.toolbox import Toolbox, run_tool
from simulator.engine.tools.customer_db import CustomerDatabase
from simulator.engine.tools.mail import Mailbox
from simulator.journal.memory_store import MemoryJournalStore

TODAY = date(2026, 3, 2)
SCENARIO = Path(__file__).resolve().parents[2] / "scenarios/inbound/maison-lumiere-livraison.yaml"


def _box() -> Toolbox:
    db = CustomerDatabase.build(3, target=make_persona(3, today=TODAY), today=TODAY, background=5)
    return Toolbox(db, None, None, None, None, Mailbox(), ())


def _error(tool: str, op: str, args: dict[str, object], box: Toolbox | None = None) -> str:
    result = run_tool(box or _box(), tool, op, args)
    assert result["ok"] is False
    return json.dumps(result["error"], ensure_ascii=False)


def test_an_invalid_postcode_is_journalled_in_its_three_languages_as_before():
    box = _box()
    record = box.customer_db.snapshot()["initial"][0]["record_id"]  # type: ignore[union-attr]
    assert _error(
        "customer_db", "update", {"record": record, "field": "postcode", "value": "12"}, box
    ) == (
        '{"code": "invalid_postcode", '
        '"fr": "Code postal invalide : « 12 ». Un code postal belge compte 4 chiffres.", '
        '"en": "Invalid postcode: “12”. A Belgian postcode has 4 digits.", '
        '"nl": "Ongeldige postcode: ‘12’. Een Belgische postcode heeft 4 cijfers."}'
    )


def test_a_new_record_missing_fields_names_them_in_each_language_dutch_included():
    assert _error(
        "customer_db", "create", {"fields": {"postcode": "1000", "city": "Bruxelles"}}
    ) == (
        '{"code": "missing_value", "fr": "Champs obligatoires à compléter : nom, prénom.", '
        '"en": "Required fields to fill in: last name, first name.", '
        '"nl": "Verplichte velden in te vullen: naam, voornaam."}'
    )


def test_a_new_record_whose_town_does_not_match_its_postcode_is_refused_in_dutch_too():
    fields = {"last_name": "Peeters", "first_name": "An", "postcode": "1000", "city": "Gent"}
    assert json.loads(_error("customer_db", "create", {"fields": fields})) == {
        "code": "postcode_city_mismatch",
        "fr": "La localité « Gent » ne correspond pas au code postal 1000.",
        "en": "The town “Gent” does not match postcode 1000.",
        "nl": "De gemeente ‘Gent’ hoort niet bij postcode 1000.",
    }


def test_a_new_record_that_is_not_a_record_is_refused_in_dutch_too():
    assert json.loads(_error("customer_db", "create", {"fields": "Peeters"})) == {
        "code": "invalid_value",
        "fr": "Fiche invalide.",
        "en": "Invalid record.",
        "nl": "Ongeldige fiche.",
    }


def test_every_problem_of_a_mail_is_one_sentence_of_the_same_refusal():
    error = json.loads(
        _error("mail", "send", {"to": "claire@example.be", "subject": " ", "body": ""})
    )
    assert error == {
        "code": "invalid_message",
        "fr": "L'objet est vide. Le message est vide.",
        "en": "The subject is empty. The message body is empty.",
        "nl": "Het onderwerp is leeg. Het bericht is leeg.",
    }


def test_a_value_python_refuses_is_journalled_with_its_reason():
    error = json.loads(_error("mail", "send", {"attachments": 5}))
    assert error == {
        "code": "invalid-argument",
        "fr": "Valeur refusée : 'int' object is not iterable",
        "en": "Value refused: 'int' object is not iterable",
        "nl": "Waarde geweigerd: 'int' object is not iterable",
    }


def test_a_journal_written_when_that_refusal_had_no_dutch_still_replays_and_reads_in_french():
    """Journals keep their bytes: a replay does not compute a tool's answer again, so an older event
    whose refusal has no Dutch replays to the same state, and a Dutch reader gets its French."""
    store, clock = MemoryJournalStore(), ManualClock(datetime(2026, 3, 2, 9, 0))
    bundle = single_scenario_bundle(SCENARIO)
    session = EpreuveSession.start(
        bundle, store=store, clock=clock, candidate_id="C-1", seed=3, language="nl"
    )
    session.perform(Take(contact=session.queue()[0].key))
    fields = {"postcode": "1000", "city": "Bruxelles"}
    session.perform(UseTool(tool="customer_db", op="create", args={"fields": fields}))
    *before, refused = list(store.events(session.session_id))
    error = dict(refused.payload["result"]["error"])
    del error["nl"]  # as the journal kept it before
    older = dataclasses.replace(
        refused, payload={**refused.payload, "result": {"ok": False, "error": error}}
    )
    replayed = EpreuveSession.replay(session.header, [*before, older], bundle)
    assert replayed.seq == session.seq and replayed.state.active == session.state.active
    assert localised(error, "nl") == "Champs obligatoires à compléter : nom, prénom."
    session.close()
