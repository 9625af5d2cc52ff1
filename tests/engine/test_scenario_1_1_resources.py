"""What scenario/1.1 adds to a contact's data: named reference generators with valid check digits, a
persona pinned to a commune or province, records described field by field, look-alikes of the same
gender and age, search over notes, replies quoting another record, forms keeping the typed value,
and appointment checks over several calendars with a duration and a count."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from stdnum import iban
from stdnum.be import nn, vat

from simulator.engine.actions import Choose, Continue, Take, UseTool
from simulator.engine.belgian_places import province_of
from simulator.engine.bundle import single_scenario_bundle
from simulator.engine.clock import ManualClock
from simulator.engine.session import EpreuveSession
from simulator.journal.memory_store import MemoryJournalStore
from simulator.trainer.plans import PLAN_DAY

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "lang"
MUTUALITE = FIXTURES / "mutualite-changement-compte.yaml"
SYNDIC = FIXTURES / "syndic-entretien-deux-passages.yaml"


def started(path: Path, seed: int):
    bundle = single_scenario_bundle(path)
    session = EpreuveSession.start(
        bundle, store=MemoryJournalStore(), clock=ManualClock(PLAN_DAY), candidate_id="c", seed=seed
    )
    key = bundle.contacts[0].scenario.id
    session.perform(Take(contact=key))
    return session, session.contact(key)


def by_role(contact):
    db = contact.box.customer_db
    return {db.role_of(r.record_id): r for r in db.records()}


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_generated_references_pass_the_official_checks_and_fit_the_customer(seed):
    _, contact = started(MUTUALITE, seed)
    refs, persona = contact.ctx.variables["refs"], contact.ctx.persona
    compact = refs["registre"].replace(".", "").replace("-", "")
    assert nn.is_valid(compact)
    assert nn.get_birth_date(compact) == dt.date.fromisoformat(persona.birth_date)
    assert (int(compact[6:9]) % 2 == 1) == (persona.gender == "M")
    assert iban.is_valid(refs["nouveau_compte"]) and refs["nouveau_compte"].startswith("BE")
    _, syndic = started(SYNDIC, seed)
    enterprise = syndic.ctx.variables["refs"]["bce_syndic"]
    assert enterprise.startswith("BE 0") and vat.is_valid(
        enterprise.replace(" ", "").replace(".", "")
    )
    assert "@" in syndic.ctx.variables["refs"]["mail_gestionnaire"]


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_the_persona_lives_in_the_pinned_commune_or_province(seed):
    _, contact = started(MUTUALITE, seed)
    assert contact.ctx.persona.city == "Jambes"
    _, syndic = started(SYNDIC, seed)
    assert province_of(syndic.ctx.persona.postcode) == "liege"


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_records_described_field_by_field_and_look_alikes_of_the_same_gender_and_age(seed):
    _, contact = started(MUTUALITE, seed)
    records, persona = by_role(contact), contact.ctx.persona
    old, twin = records["ancienne-fiche"], records["doublon"]
    assert (old.iban, old.last_name, old.status) == (
        records["target"].iban,
        persona.last_name,
        "inactif",
    )
    assert old.notes == "Fiche clôturée lors du déménagement à Jambes."
    assert twin.email == persona.email and twin.record_id != records["target"].record_id
    born = dt.date.fromisoformat(persona.birth_date)
    for role in ("lookalike-1", "lookalike-2"):
        assert records[role].title == persona.title  # same gender
        assert abs((dt.date.fromisoformat(records[role].birth_date) - born).days) <= 4 * 365
        assert records[role].city == persona.city


def test_a_search_finds_a_record_by_the_words_of_its_notes():
    session, contact = started(MUTUALITE, 1)
    member = contact.ctx.variables["refs"]["membre"]
    found = session.perform(
        UseTool(tool="customer_db", op="search", args={"query": member})
    ).result["result"]
    assert [r["record_id"] for r in found] == [by_role(contact)["target"].record_id]
    contact.box.customer_db.search_notes = False  # a scenario/1 database does not look in the notes
    assert contact.box.customer_db.search(member) == []


def test_a_reply_can_read_another_records_data_aloud():
    session, contact = started(MUTUALITE, 2)
    session.perform(Choose(reply="accueil-complet"))
    offered = dict(contact.offered_replies())
    namesake = by_role(contact)["lookalike-1"]
    assert (
        namesake.phone in offered["lire-homonyme"]
        and namesake.first_name in offered["lire-homonyme"]
    )


def test_a_form_keeps_the_value_as_typed_beside_the_stored_one():
    session, _ = started(MUTUALITE, 1)
    session.perform(
        UseTool(
            tool="forms",
            op="set",
            args={"form": "changement-compte", "field": "dernier_remboursement", "value": "27,50"},
        )
    )
    shown = session.perform(
        UseTool(tool="forms", op="open", args={"form": "changement-compte"})
    ).result["result"]
    assert shown["values"] == [["dernier_remboursement", "27.5"]]
    assert shown["typed"] == [["dernier_remboursement", "27,50"]]


def test_a_scenario_1_form_writes_no_typed_value_so_its_journal_stays_as_it_was():
    from simulator.engine.tools.forms import FieldSpec, Forms, FormTemplate

    forms = Forms([FormTemplate("f", "F", (FieldSpec("n", "N", "number", True, (), ()),))])
    forms.open("f").set("n", "27,50")
    assert "typed" not in forms.open("f").snapshot() and "keep_typed" not in forms.snapshot()
    assert "typed" not in forms.submit("f").to_dict()


def test_each_booking_sets_a_call_variable_that_the_recap_reads():
    session, contact = started(SYNDIC, 1)
    session.perform(Continue())
    session.perform(Choose(reply="se-presenter"))
    for slot in ("l1", "r1"):
        session.perform(
            UseTool(tool="agenda", op="book", args={"slot": slot, "for_whom": "Les Tilleuls"})
        )
    assert contact.call == {"passage_1": "l1", "passage_2": "r1"}
    session.perform(Continue())
    assert (
        "créneau l1 ; second passage : créneau r1" in dict(contact.offered_replies())["recapituler"]
    )


def test_a_replayed_journal_gives_the_call_variables_back():
    bundle = single_scenario_bundle(SYNDIC)
    store = MemoryJournalStore()
    session = EpreuveSession.start(
        bundle, store=store, clock=ManualClock(PLAN_DAY), candidate_id="c", seed=2
    )
    session.perform(Take(contact="syndic-entretien-deux-passages"))
    session.perform(Continue())
    session.perform(Choose(reply="se-presenter"))
    session.perform(
        UseTool(tool="agenda", op="book", args={"slot": "r1", "for_whom": "Les Tilleuls"})
    )
    live = dict(session.contact("syndic-entretien-deux-passages").call)
    replayed = EpreuveSession.replay(
        store.header(session.session_id), store.events(session.session_id), bundle
    )
    assert live == {"passage_1": "r1", "passage_2": ""}
    assert replayed.contact("syndic-entretien-deux-passages").call == live
