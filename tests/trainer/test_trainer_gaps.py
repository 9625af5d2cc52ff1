"""What a trainer met trying ``play``, ``walk``, ``graph`` and ``scenario test`` on imperfect files:
never a traceback — a positioned diagnostic, or a clear message and a meaningful exit code.

* a text whose template fails (unknown filter, a fact using a fact, ``time`` given a date) and a
  ``choice`` field without ``choices``: ``play`` and ``walk`` refuse the file with the checker's
  diagnostics; the walker itself reports such crashes instead of raising; ``play`` stops with a
  message when a text fails only for the customer of the seed being played;
* a test plan or an épreuve given to ``graph`` or ``walk`` (or a plan to ``play``): exit 2 and a
  message saying what the file is;
* ``play --from`` a node that does not exist: refused up front, exit 2.
"""

from __future__ import annotations

import builtins
from pathlib import Path

import pytest

from simulator.cli import main
from simulator.scenario.loader import load_file
from simulator.trainer.plans import run_plan_file
from simulator.trainer.plans_text import failure_texts
from simulator.trainer.walk import walk
from simulator.trainer.walk_text import report_lines
from tests.scenario.variants import variant

ROOT = Path(__file__).resolve().parents[2]
SCENARIO = ROOT / "scenarios" / "inbound" / "maison-lumiere-livraison.yaml"
PLANS = SCENARIO.with_name("maison-lumiere-livraison.plans.yaml")
EPREUVE = ROOT / "scenarios" / "epreuves" / "practice.yaml"

REPLY = 'text: "Le samedi, nous sommes ouverts {{ facts.horaires_samedi }}."'
FACTS = '  horaires_samedi: "de 10 h à 18 h"\n'

BROKEN = {
    "unknown-filter": [(REPLY, 'text: "Le {{ today | nosuchfilter }}."')],
    "fact-uses-fact": [
        (FACTS, FACTS + '  d: "{{ today | add_workdays(2) }}"\n  e: "{{ facts.d | longdate }}"\n'),
        (REPLY, 'text: "Le {{ facts.e }}."'),
    ],
    "template-error": [
        (FACTS, FACTS + '  rdv_date: "{{ today | add_workdays(2) }}"\n'),
        (REPLY, 'text: "À {{ facts.rdv_date | time }}."'),
    ],
    "choice-without-choices": [
        (
            "resources:\n",
            "resources:\n  forms:\n    - id: f\n      title: F\n      fields:\n"
            "        - {id: c, label: C, type: choice}\n",
        )
    ],
}


@pytest.fixture
def typed(monkeypatch):
    """Feed ``callsim scenario play`` these lines, then end of input."""

    def feed(*lines: str) -> None:
        queue = list(lines)

        def fake_input(prompt: str = "") -> str:
            if not queue:
                raise EOFError
            return queue.pop(0)

        monkeypatch.setattr(builtins, "input", fake_input)

    return feed


# --- 1 and 2. template errors and choice fields: diagnostics, not tracebacks ------------------


@pytest.mark.parametrize("code", sorted(BROKEN))
def test_walk_refuses_a_broken_text_with_the_checkers_positioned_diagnostic(tmp_path, capsys, code):
    path = variant(tmp_path, *BROKEN[code])
    assert main(["scenario", "walk", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{path}:" in err and f"[{code}]" in err and "Traceback" not in err


@pytest.mark.parametrize("code", sorted(BROKEN))
def test_play_refuses_a_broken_text_with_the_checkers_positioned_diagnostic(
    tmp_path, capsys, typed, code
):
    typed("1", "1", "1", ":quitter")
    path = variant(tmp_path, *BROKEN[code])
    assert main(["scenario", "play", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{path}:" in err and f"[{code}]" in err


@pytest.mark.parametrize("code", ["unknown-filter", "fact-uses-fact", "template-error"])
def test_the_walker_reports_a_text_that_cannot_be_produced_instead_of_raising(tmp_path, code):
    # walk() given the model directly (as scripts and tests do), without the checker in front
    scenario = load_file(variant(tmp_path, *BROKEN[code])).model
    assert scenario is not None
    report = walk(scenario)
    assert report.exceptions and not report.ok


def test_the_walker_explains_a_filter_given_the_wrong_kind_of_value(tmp_path):
    report = walk(load_file(variant(tmp_path, *BROKEN["template-error"])).model)
    lines = report_lines("s.yaml", report, "fr")
    assert any("« time » attend une heure HH:MM" in line for line in lines), lines


def test_play_stops_with_a_message_when_a_text_fails_only_for_the_customer_being_played(
    tmp_path, capsys, typed
):
    # Only a male customer meets the broken filter: the checker's sample customer (a woman) does not.
    say = 'say: "Bonjour, vous êtes ouverts ce samedi ?"'
    path = variant(
        tmp_path,
        (say, "say: \"{% if customer.gender == 'M' %}{{ today | time }}{% endif %}Bonjour !\""),
    )
    assert main(["scenario", "check", str(path)]) == 0
    stopped = 0
    for seed in range(1, 7):
        typed("1", "1", ":quitter")
        code = main(["scenario", "play", "--seed", str(seed), str(path)])  # never raises
        err = capsys.readouterr().err
        if "s'est arrêté sur une erreur" in err:
            stopped += 1
            assert code == 1
            assert "« time » attend une heure HH:MM" in err and "callsim scenario check" in err
    assert stopped >= 1


def test_a_plan_with_a_text_that_cannot_be_produced_fails_instead_of_raising(tmp_path):
    plans = tmp_path / "cas.plans.yaml"
    plans.write_text(
        f"callsim: testplan/1\nscenario: {SCENARIO}\nplans:\n  - id: p\n    title: t\n    steps:\n"
        "      - choose: accueil-complet\n      - choose: reconnaitre-et-demander\n"
        '      - tool: customer_db.search\n        args: {query: "{{ today | nosuchfilter }}"}\n'
        "    expect: {phase: discovery}\n",
        encoding="utf-8",
    )
    outcome = run_plan_file(plans)
    assert outcome.diagnostics == []
    failures = failure_texts(outcome.results[0], "fr")
    assert any("étape 3" in f and "nosuchfilter" in f for f in failures)


# --- 3. a plan or an épreuve where a scenario is expected ------------------------------------


@pytest.mark.parametrize("command", ["graph", "walk"])
def test_graph_and_walk_on_a_plans_file_say_it_is_a_test_plan_and_exit_2(capsys, command):
    assert main(["scenario", command, str(PLANS)]) == 2
    captured = capsys.readouterr()
    assert "fichier de plans de test, pas un scénario" in captured.err
    assert str(SCENARIO) in captured.err  # the scenario it tests, ready to copy
    assert captured.out == ""


@pytest.mark.parametrize("command", ["graph", "walk"])
@pytest.mark.parametrize(
    ("lang", "said", "not_said"),
    [
        ("fr", "est une épreuve, pas un scénario", "is an épreuve"),
        ("nl", "is een proef, geen scenario", "pas un scénario"),
        ("en", "is an épreuve, not a scenario", "pas un scénario"),
    ],
)
def test_graph_and_walk_on_an_epreuve_say_it_is_an_epreuve_and_exit_2(
    capsys, command, lang, said, not_said
):
    assert main(["--lang", lang, "scenario", command, str(EPREUVE)]) == 2
    captured = capsys.readouterr()
    assert said in captured.err and not_said not in captured.err
    assert captured.out == ""


def test_walk_on_a_plans_file_says_so_in_dutch_when_asked(capsys):
    assert main(["--lang", "nl", "scenario", "walk", str(PLANS), str(SCENARIO)]) == 2
    captured = capsys.readouterr()
    assert (
        f"is een bestand met testplannen, geen scenario: geef het scenario op dat het test ({SCENARIO})"
        in captured.err
    )
    assert "volledige paden" in captured.out and "pas un scénario" not in captured.err


def test_play_on_a_plans_file_says_it_is_a_test_plan_and_exit_2(capsys, typed):
    typed(":quitter")
    assert main(["scenario", "play", str(PLANS)]) == 2
    assert "fichier de plans de test, pas un scénario" in capsys.readouterr().err


def test_walk_still_walks_the_scenarios_given_with_a_plans_file(capsys):
    assert main(["scenario", "walk", str(PLANS), str(SCENARIO)]) == 2
    captured = capsys.readouterr()
    assert "chemins complets" in captured.out and "pas un scénario" in captured.err


# --- 6. play --from a node that does not exist -------------------------------------------------


def test_play_from_an_unknown_node_is_refused_before_anything_is_played(capsys, monkeypatch):
    def no_input(prompt: str = "") -> str:
        raise AssertionError("nothing should be played")

    monkeypatch.setattr(builtins, "input", no_input)
    assert main(["scenario", "play", str(SCENARIO), "--from", "verificaton"]) == 2
    captured = capsys.readouterr()
    assert (
        "« verificaton » n'existe pas" in captured.err
        and "Vouliez-vous dire « verification » ?" in captured.err
    )
    assert captured.out == ""


def test_play_from_an_unknown_node_of_an_epreuve_is_refused_too(capsys, monkeypatch):
    monkeypatch.setattr(
        builtins, "input", lambda prompt="": (_ for _ in ()).throw(AssertionError("played"))
    )
    assert main(["scenario", "play", str(EPREUVE), "--from", "nulle-part"]) == 2
    assert "« nulle-part » n'existe pas" in capsys.readouterr().err


def test_play_from_a_known_node_still_starts_there(capsys, typed):
    typed("1", ":quitter")
    assert (
        main(["scenario", "play", str(SCENARIO), "--from", "verification"]) == 1
    )  # quit before the end
    assert "=== Maison Lumière" in capsys.readouterr().out
