"""Scenario variants: patches by id, diagnostics naming the form, the seeded draw, the session header,
resume and replay on the recorded form, test plans pinned to a form, and ``callsim epreuve forms``."""

from __future__ import annotations

import datetime as dt
import json
import random
import re
from pathlib import Path

import pytest

from simulator.cli import main
from simulator.engine.actions import Take
from simulator.engine.bundle import load_bundle, single_scenario_bundle
from simulator.engine.clock import ManualClock
from simulator.engine.session import EpreuveSession
from simulator.journal.memory_store import MemoryJournalStore
from simulator.scenario.checker import FileCache, check_paths
from simulator.scenario.loader import load_bytes
from simulator.scenario.models import text_in
from simulator.scenario.variants.compare import (
    compare_forms,
    difference,
    parse_seeds,
    right_answers,
)
from simulator.scenario.variants.spread import draw_forms
from simulator.trainer.plans import run_plan_file

ROOT = Path(__file__).resolve().parents[2]
METER = ROOT / "scenarios" / "outbound" / "energie-rendez-vous-compteur.yaml"
PRACTICE = ROOT / "scenarios" / "epreuves" / "practice.yaml"
DAY = dt.datetime(2026, 3, 2, 9, 0, 0)


def _loaded(text: str):
    loaded = load_bytes(text.encode(), "meter.yaml")
    from simulator.scenario.checker import check_loaded

    return check_loaded(loaded, FileCache())


def _form(loaded, **combination):
    return next(f for f in loaded.forms if f.variant == combination)


def test_every_combination_is_built_and_the_patch_changes_what_it_names():
    loaded = _loaded(METER.read_text())
    assert loaded.ok
    assert len(loaded.forms) == 4
    morning = _form(loaded, contrainte="teletravail-matin", objection="pas-le-temps").model
    main_line = _form(loaded, contrainte="conge-apres-midi", objection="pas-le-temps").model
    assert main_line == loaded.model  # the first alternatives are the file as written
    assert morning.persona.availability[0].start == "08:00"
    assert morning.facts["rdv_date"] == "{{ today | add_workdays(3) }}"
    check = next(c for c in morning.nodes["recap"].prompt.checks if c.id == "recap-date-plage")
    assert check.requires[1].time == "08:00"
    replies = [r.id for r in morning.nodes["contraintes"].replies]
    assert replies == [
        r.id for r in main_line.nodes["contraintes"].replies
    ]  # merged in place, order kept
    assert "8h" in text_in(morning.nodes["contraintes"].replies[0].text, "fr")
    assert (
        morning.nodes["objection"] == main_line.nodes["objection"]
    )  # another dimension's alternative


def test_a_patch_adds_and_removes_items_by_id():
    text = METER.read_text()
    at = text.index("        patch:\n", text.index("      vie-privee:")) + len("        patch:\n")
    text = (
        text[:at]
        + "          checks:\n            code-rdv-fixe: null\n"
        + "          wrap_up:\n            note_required: false\n"
        + text[at:]
    )
    text = text.replace(
        "            objection-levee:\n",
        "            cloture:\n              replies:\n"
        "                conclure-familier: null\n            objection-levee:\n",
        1,
    )
    loaded = _loaded(text)
    form = _form(loaded, contrainte="conge-apres-midi", objection="vie-privee").model
    assert form is not None, [d.format() for d in loaded.diagnostics]
    assert "code-rdv-fixe" not in [c.id for c in form.checks]
    assert [r.id for r in form.nodes["cloture"].replies] == ["conclure", "conclure-sec"]
    assert "Mon beau-frère" in text_in(form.nodes["objection"].say, "fr")
    assert (
        form.wrap_up.note_required is False and len(form.wrap_up.outcomes) == 5
    )  # merged, not replaced


def test_a_problem_in_a_variant_is_reported_at_its_line_with_the_variant_named(tmp_path):
    text = METER.read_text().replace(
        '                      - time: "08:00"', '                      - time: "8h"'
    )
    bad = tmp_path / "meter.yaml"
    bad.write_text(text)
    report = check_paths([bad])
    [found] = [d for d in report.diagnostics if d.code == "requirement-value"]
    line = text.splitlines().index('                      - time: "8h"') + 1
    assert (found.line, found.variant) == (
        line,
        "contrainte=teletravail-matin, objection=pas-le-temps",
    )
    assert (
        f"meter.yaml:{line}:31 [variante contrainte=teletravail-matin, objection=pas-le-temps]: error:"
        in found.format()
    )
    assert found.to_json()["variant"] == found.variant


def test_variants_need_the_new_format_marker():
    loaded = _loaded(METER.read_text().replace("callsim: scenario/1.1", "callsim: scenario/1"))
    assert "variants-need-format" in [d.code for d in loaded.diagnostics]
    assert not loaded.forms


def test_removing_what_does_not_exist_is_an_error():
    text = METER.read_text().replace(
        "          facts:\n            conge_debut:",
        "          facts:\n            nulle_part: null\n            conge_debut:",
        1,
    )
    loaded = _loaded(text)
    assert [d.variant for d in loaded.diagnostics if d.code == "variant-removes-nothing"] == [
        "contrainte=teletravail-matin, objection=pas-le-temps"
    ]
    assert loaded.model is None


def _draw(layer, seed, scenario_id):
    return draw_forms([(scenario_id, layer)], seed)[scenario_id]


def test_the_draw_depends_on_the_seed_and_the_scenario_only():
    layer = _loaded(METER.read_text()).layer
    random.seed(1)
    first = [_draw(layer, seed, "energie-rendez-vous-compteur") for seed in range(1, 41)]
    random.seed(99)
    again = [_draw(layer, seed, "energie-rendez-vous-compteur") for seed in range(1, 41)]
    assert first == again
    assert {json.dumps(d, sort_keys=True) for d in first} == {
        json.dumps({"contrainte": c, "objection": o}, sort_keys=True)
        for c in ("conge-apres-midi", "teletravail-matin")
        for o in ("pas-le-temps", "vie-privee")
    }
    assert [_draw(layer, s, "un-autre-scenario") for s in range(1, 41)] != first


def _start(bundle, seed, store):
    return EpreuveSession.start(
        bundle, store=store, clock=ManualClock(DAY), candidate_id="c1", seed=seed
    )


def test_the_draw_goes_into_the_header_and_the_journal_and_resume_and_replay_keep_it():
    bundle = single_scenario_bundle(METER)
    seed = next(
        s
        for s in range(1, 50)
        if bundle.draw(s)[bundle.contacts[0].scenario.id]["contrainte"] == "teletravail-matin"
    )
    store = MemoryJournalStore()
    session = _start(bundle, seed, store)
    sid = session.header.session_id
    drawn = {"energie-rendez-vous-compteur": bundle.draw(seed)["energie-rendez-vous-compteur"]}
    assert session.header.extra["variants"] == drawn
    started = next(e for e in store.events(sid) if e.type == "session_started")
    assert started.payload["variants"] == drawn
    session.perform(Take(contact="energie-rendez-vous-compteur"))
    assert (
        session.contact("energie-rendez-vous-compteur").scenario.persona.availability[0].start
        == "08:00"
    )
    session.close()
    resumed = EpreuveSession.resume(
        store, sid, clock=ManualClock(DAY + dt.timedelta(minutes=1)), bundle=bundle
    )
    assert (
        resumed.contact("energie-rendez-vous-compteur").scenario.persona.availability[0].start
        == "08:00"
    )
    resumed.close()
    replayed = EpreuveSession.replay(store.header(sid), list(store.events(sid)), bundle)
    assert (
        replayed.contact("energie-rendez-vous-compteur").scenario.facts["rdv_date"]
        == "{{ today | add_workdays(3) }}"
    )


def test_a_scenario_without_variants_writes_no_variants_anywhere():
    bundle = single_scenario_bundle(ROOT / "scenarios" / "inbound" / "telecom-message-facture.yaml")
    store = MemoryJournalStore()
    session = _start(bundle, 3, store)
    assert "variants" not in session.header.extra
    assert all("variants" not in e.payload for e in store.events(session.header.session_id))
    session.close()


def test_plans_run_on_the_forms_they_pin():
    outcome = run_plan_file(METER.with_name("energie-rendez-vous-compteur.plans.yaml"))
    assert outcome.ok, [(r.plan, r.failures) for r in outcome.results]
    forms = [r.form for r in outcome.results if r.plan == "creneau-ligne-principale-sur-variante"]
    assert len(forms) == 2 and all("contrainte=teletravail-matin" in f for f in forms)
    assert all(r.form == "" for r in outcome.results if r.plan == "modele")


def test_right_answers_differ_where_the_variants_differ():
    loaded = _loaded(METER.read_text())
    main_line = right_answers(
        _form(loaded, contrainte="conge-apres-midi", objection="pas-le-temps").model
    )
    morning = right_answers(
        _form(loaded, contrainte="teletravail-matin", objection="pas-le-temps").model
    )
    both = right_answers(
        _form(loaded, contrainte="teletravail-matin", objection="vie-privee").model
    )
    assert difference(main_line, main_line) == 0
    assert 0 < difference(main_line, morning) < difference(main_line, both) < 1
    changed = {k for k in main_line if main_line[k] != morning.get(k)}
    assert "energie-rendez-vous-compteur/contraintes" in changed
    assert "energie-rendez-vous-compteur/check:code-rdv-fixe" not in changed


def test_forms_report_draws_every_seed_and_fails_below_half_difference(capsys):
    report = compare_forms(load_bundle(PRACTICE), parse_seeds("1-20"))
    meter = {
        json.dumps(d["energie-rendez-vous-compteur"], sort_keys=True) for d in report.drawn.values()
    }
    assert len(meter) == 4  # every combination of the meter call is drawn by some seed
    assert report.median < 0.5 and report.failed
    assert not report.short  # no form loses a competency the épreuve as written covers
    assert main(["epreuve", "forms", "practice", "--seeds", "1-20", "--format", "json"]) == 1
    shown = json.loads(capsys.readouterr().out)
    assert shown["pairs"] == 190 and shown["forms"]["1"] == report.drawn[1]


def test_forms_report_speaks_the_chosen_language_with_plural_forms(capsys):
    main(["epreuve", "forms", "practice", "--seeds", "1-3", "--lang", "nl"])
    dutch = capsys.readouterr().out
    assert dutch.startswith("Proef entrainement-decouverte: 3 seeds, 2/4 scenario's met varianten")
    assert "(3 paren)" in dutch and dutch.rstrip().endswith("MISLUKT")
    main(["epreuve", "forms", "practice", "--seeds", "1"])
    french = capsys.readouterr().out
    assert french.startswith(
        "Épreuve entrainement-decouverte : 1 graine, 2/4 scénarios avec variantes"
    )
    assert "(0 paire)" in french and french.rstrip().endswith("ÉCHEC")
    # a percentage as each language writes it: a non-breaking space before % in French only
    assert "médiane 0\xa0%, minimum 0\xa0% (0 paire)" in french
    assert re.search(r"mediaan \d+%, minimum \d+% \(3 paren\)", dutch)


def test_forms_refuses_unreadable_seeds(capsys):
    assert main(["epreuve", "forms", "practice", "--seeds", "dix"]) == 2
    assert "--seeds" in capsys.readouterr().err
    with pytest.raises(ValueError):
        parse_seeds("9-3")


def test_a_recorded_form_the_file_no_longer_has_is_refused_with_a_message():
    from simulator.engine.bundle import MissingForm

    bundle = single_scenario_bundle(METER)
    with pytest.raises(MissingForm) as caught:
        bundle.with_forms(
            {"energie-rendez-vous-compteur": {"contrainte": "nuit", "objection": "pas-le-temps"}}
        )
    assert "contrainte=nuit" in caught.value.message("fr")


def test_a_patch_adds_an_item_under_a_new_id_at_the_end():
    text = METER.read_text()
    at = text.index("        patch:\n", text.index("      vie-privee:")) + len("        patch:\n")
    text = (
        text[:at]
        + "          nodes:\n            cloture:\n              replies:\n                conclure-rappel:\n"
        '                  text: {fr: "Merci, et n\'hésitez pas à nous rappeler au 081 24 56 00. Au revoir !",'
        ' en: "Thank you, and feel free to call us on 081 24 56 00. Goodbye!",'
        ' nl: "Dank u, en bel ons gerust op 081 24 56 00. Tot ziens!"}\n'
        "                  act: close\n                  goto: fin\n"
        + text[at:].replace(
            "          nodes:\n            objection:\n", "            objection:\n", 1
        )
    )
    loaded = _loaded(text)
    form = _form(loaded, contrainte="conge-apres-midi", objection="vie-privee").model
    assert form is not None, [d.format() for d in loaded.diagnostics if d.severity == "error"]
    assert [r.id for r in form.nodes["cloture"].replies][-1] == "conclure-rappel"


def test_assessors_see_the_drawn_forms_in_the_grille_and_its_reports():
    from scoring.reports.view import identity
    from tests.scoring.scoring_support import practice, simulated, simulated_grille

    header, _events = simulated(practice(), "ideal", 1)
    grille = simulated_grille(practice(), "ideal", 1)
    assert grille["session"]["variants"] == {
        k: dict(v) for k, v in header.extra["variants"].items()
    }
    [line] = [value for label, value in identity(grille, "fr") if label == "Variantes"]
    assert "energie-rendez-vous-compteur : contrainte=" in line
    assert "contrainte=" not in json.dumps(
        [value for label, value in identity(grille, "fr") if label != "Variantes"]
    )


def test_a_list_without_ids_is_addressed_by_position_and_two_dimensions_compose():
    clinic = ROOT / "scenarios" / "admin" / "clinique-confirmation-rendez-vous-mail.yaml"
    loaded = _loaded(clinic.read_text())
    both = _form(
        loaded,
        formation="sept-jours",
        examen="epreuve-effort",
        horaire="travaille-l-apres-midi",
        adresse="adresse-du-formulaire",
    ).model
    window = both.persona.availability[0]
    assert (window.start, window.end, window.from_workday, window.until_workday) == (
        "08:00",
        "12:00",
        8,
        15,
    )
    assert [s.id for s in both.resources.agenda.slots][-1] == "e6"  # added by id at the end
    bad = clinic.read_text().replace(
        '              "0": {from_workday: 8}', '              "3": {from_workday: 8}'
    )
    found = [d for d in _loaded(bad).diagnostics if d.code == "variant-list-without-ids"]
    assert found and found[0].variant.startswith("formation=sept-jours")


def test_forms_names_the_closest_seeds_and_shows_each_scenario_s_changing_answers(capsys):
    report = compare_forms(load_bundle(PRACTICE), parse_seeds("1-12"))
    first, second = report.closest
    assert report.minimum == min(report.differences) and first < second
    meter = next(s for s in report.scenarios if s.scenario_id == "energie-rendez-vous-compteur")
    assert 0 < meter.varying < meter.answers and 0 < meter.mean < 1
    fixed = [s for s in report.scenarios if s.varying == 0]
    assert fixed and all(s.mean == 0 for s in fixed)  # scenarios without variants never change
    assert main(["epreuve", "forms", "practice", "--seeds", "1-12"]) == 1
    shown = capsys.readouterr().out
    assert f"graines {first} et {second} ne diffèrent que sur" in shown
    assert re.search(r"energie-rendez-vous-compteur +\d+/\d+ bonnes réponses changent", shown)


def test_many_forms_are_warned_and_pairs_writes_the_design_to_declare(tmp_path, capsys):
    text = METER.read_text()
    extra = "".join(
        f"  extra-{n}:\n    alternatives:\n      a: {{}}\n      b: {{}}\n      c: {{}}\n"
        for n in range(3)
    )
    many = tmp_path / "meter.yaml"
    many.write_text(text.replace("\nvariants:\n", "\nvariants:\n" + extra), encoding="utf-8")
    assert main(["scenario", "check", "--strict", str(many)]) == 1
    said = capsys.readouterr().out
    assert "108 formes" in said and "variant-many-forms" in said
    assert main(["scenario", "pairs", str(many)]) == 0
    block = capsys.readouterr().out
    assert "combinations:\n  - {extra-0: a, extra-1: a, extra-2: a, " in block
    many.write_text(many.read_text(encoding="utf-8") + block, encoding="utf-8")
    assert main(["scenario", "check", "--strict", str(many)]) == 0
