"""``callsim scenario test`` and ``scenario play`` speak the ``--lang`` chosen (French by default):
every failure of a test plan, its summary, and what stops the player, with no French left in Dutch or
English. Texts the engine stores (an evidence detail) follow the language, else French."""

from __future__ import annotations

import builtins
import json
import re
from pathlib import Path

import pytest

from simulator.cli import main
from simulator.i18n import translator
from simulator.trainer.plans import PlanResult, run_plan_file
from simulator.trainer.plans_text import failure_texts, heading
from tests.scenario.variants import variant
from tests.trainer.test_plans import GOOD, SCENARIO

#: Words of the tool's French (never of a node or a rule's name, which stay as the trainer wrote them).
FRENCH = (
    "attendu",
    "obtenu",
    "étape",
    "ÉCHEC",
    "réussi",
    "en échec",
    "règle",
    "refusée",
    "déclenchée",
    "phase finale",
    "variante",
    "erreur",
    "nœud",
    "Vouliez",
    "Lancez",
    "n'existe",
    "aucun",
)


def _french_words(text: str) -> set[str]:
    return {word for word in FRENCH if re.search(rf"\b{word}\b", text)}


def _plan(tmp_path: Path, *changes: tuple[str, str]) -> Path:
    text = GOOD
    for old, new in changes:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path = tmp_path / "cas.plans.yaml"
    path.write_text(text.format(scenario=SCENARIO), encoding="utf-8")
    return path


#: A step the scenario does not offer there: the plan stops on the engine's refusal.
REFUSED = ("choose: consulter-le-dossier", "choose: reexpedier")


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "fr",
            [
                "ÉCHEC ",
                "      étape 5 (choose: reexpedier) : action refusée — Réponse « reexpedier » "
                "inconnue ici.",
                "      règle ORD-WRAP-UP-EMPTY attendue, non déclenchée (déclenchées : "
                "reply:plainte/reconnaitre-et-demander)",
                "0 réussi, 1 en échec",
            ],
        ),
        (
            "nl",
            [
                "MISLUKT ",
                "      stap 5 (choose: reexpedier): actie geweigerd — Onbekend antwoord ‘reexpedier’ "
                "op dit punt.",
                "      regel ORD-WRAP-UP-EMPTY verwacht, niet geactiveerd (geactiveerd: "
                "reply:plainte/reconnaitre-et-demander)",
                "0 geslaagd, 1 mislukt",
            ],
        ),
        (
            "en",
            [
                "FAILED ",
                "      step 5 (choose: reexpedier): action refused — Unknown reply 'reexpedier' here.",
                "      rule ORD-WRAP-UP-EMPTY expected, not triggered (triggered: "
                "reply:plainte/reconnaitre-et-demander)",
                "0 passed, 1 failed",
            ],
        ),
    ],
)
def test_a_failing_plan_is_told_in_the_language_asked(tmp_path, capsys, lang, said):
    path = _plan(tmp_path, REFUSED)
    assert main(["--lang", lang, "scenario", "test", str(path)]) == 1
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0].startswith(said[0]) and lines[-1] == said[-1]
    assert said[1] in lines and said[2] in lines
    assert (_french_words(out) == set()) is (lang != "fr"), out


@pytest.mark.parametrize(
    ("lang", "verdict", "detail", "phase"),
    [
        (
            "fr",
            "01.09 : attendu positive, obtenu negative",
            "(manque : 2026-03-04)",
            "phase finale : attendu discovery, obtenu ended",
        ),
        (
            "en",
            "01.09: expected positive, got negative",
            "(missing: 2026-03-04)",
            "final phase: expected discovery, got ended",
        ),
        # the engine stores an evidence detail in French and English only: Dutch reads the French
        (
            "nl",
            "01.09: verwacht positive, gekregen negative",
            "(manque : 2026-03-04)",
            "eindfase: verwacht discovery, gekregen ended",
        ),
    ],
)
def test_a_wrong_expectation_shows_the_evidence_with_its_detail_in_the_language(
    tmp_path, lang, verdict, detail, phase
):
    path = _plan(
        tmp_path,
        ('"01.09": negative', '"01.09": positive'),
        (
            '"expect:verification/bon-dossier-ouvert"]',
            '"expect:verification/bon-dossier-ouvert"]\n      phase: discovery',
        ),
    )
    failures = failure_texts(run_plan_file(path).results[0], lang)
    assert failures[0].splitlines()[0] == verdict
    assert f"    − text:reformulation/recap-date {detail}" in failures[0].splitlines()
    assert failures[-1] == phase


def test_the_json_report_gives_the_failures_in_the_language_asked(tmp_path, capsys):
    path = _plan(tmp_path, REFUSED)
    assert main(["--lang", "en", "scenario", "test", "--format", "json", str(path)]) == 1
    (shown,) = json.loads(capsys.readouterr().out)
    failures = shown["plans"][0]["failures"]
    assert failures[0].startswith("step 5 (choose: reexpedier): action refused — ")
    assert _french_words("\n".join(failures)) == set()


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("fr", "Titre [variante contrainte=teletravail-matin]"),
        ("nl", "Titre [variant contrainte=teletravail-matin]"),
        ("en", "Titre [variant contrainte=teletravail-matin]"),
    ],
)
def test_the_form_a_plan_ran_on_is_named_in_the_language(lang, said):
    result = PlanResult("f.plans.yaml", "p", "Titre", form="contrainte=teletravail-matin")
    assert heading(result, translator("checker", lang)) == said
    assert heading(PlanResult("f", "p", "Titre"), translator("checker", lang)) == "Titre"


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("fr", "aucun plan de test (*.plans.yaml) trouvé"),
        ("nl", "geen testplan (*.plans.yaml) gevonden"),
        ("en", "no test plan (*.plans.yaml) found"),
    ],
)
def test_no_plan_found_is_said_in_the_language(tmp_path, capsys, lang, said):
    assert main(["--lang", lang, "scenario", "test", str(tmp_path)]) == 2
    assert capsys.readouterr().err == f"callsim scenario test: {said}\n"


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "fr",
            "--from : le nœud « verificaton » n'existe pas dans {file}. Vouliez-vous dire « verification » ?",
        ),
        ("nl", "--from: knoop 'verificaton' bestaat niet in {file}. Bedoelde u 'verification'?"),
        ("en", "--from: node 'verificaton' does not exist in {file}. Did you mean 'verification'?"),
    ],
)
def test_play_from_an_unknown_node_is_said_in_the_language(capsys, monkeypatch, lang, said):
    monkeypatch.setattr(
        builtins, "input", lambda prompt="": (_ for _ in ()).throw(AssertionError("played"))
    )
    assert main(["--lang", lang, "scenario", "play", str(SCENARIO), "--from", "verificaton"]) == 2
    err = capsys.readouterr().err
    assert f"callsim scenario play: {said.format(file=SCENARIO)}" in err
    assert (_french_words(err) == set()) is (lang != "fr"), err


def _typed(*lines: str):
    """``input`` for the player: these lines, then end of input."""
    queue = list(lines)

    def typed(prompt: str = "") -> str:
        if not queue:
            raise EOFError
        return queue.pop(0)

    return typed


@pytest.mark.parametrize(
    ("lang", "said", "hint"),
    [
        (
            "fr",
            "le scénario s'est arrêté sur une erreur : le filtre « time »",
            "Lancez « callsim scenario check »",
        ),
        (
            "nl",
            "het scenario is gestopt op een fout: de filter 'time'",
            "Voer 'callsim scenario check'",
        ),
        (
            "en",
            "the scenario stopped on an error: the 'time' filter",
            "Run 'callsim scenario check'",
        ),
    ],
)
def test_play_stopped_by_a_text_is_said_in_the_language(
    tmp_path, capsys, monkeypatch, lang, said, hint
):
    # Only a male customer meets the broken filter: some seeds play a man, the others a woman.
    say = 'say: "Bonjour, vous êtes ouverts ce samedi ?"'
    path = variant(
        tmp_path,
        (say, "say: \"{% if customer.gender == 'M' %}{{ today | time }}{% endif %}Bonjour !\""),
    )
    stopped = []
    for seed in range(1, 7):
        monkeypatch.setattr(builtins, "input", _typed("1", "1", ":quit"))
        code = main(["--lang", lang, "scenario", "play", "--seed", str(seed), str(path)])
        err = capsys.readouterr().err
        if code == 1 and err:
            stopped.append(err)
    assert stopped
    for err in stopped:
        assert err.startswith(f"callsim scenario play: {said}") and hint in err, err
        assert (_french_words(err) == set()) is (lang != "fr"), err


#: What the player itself says in French (its commands are typed in French or English in every language).
PLAYER_FRENCH = ("Tapez", "Commandes", "File des contacts", "aucun résultat", "Choix non valide")


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("fr", ["Tapez :aide", "Commandes :", "(aucun résultat / fait)", "Choix non valide."]),
        ("nl", ["Typ :help", "Commando's:", "(geen resultaat / gedaan)", "Ongeldige keuze."]),
        ("en", ["Type :help", "Commands:", "(no result / done)", "Invalid choice."]),
    ],
)
def test_the_player_speaks_the_language_asked(capsys, monkeypatch, lang, said):
    monkeypatch.setattr(builtins, "input", _typed("1", ":help", ":customer Zzzz", "xyz", ":quit"))
    assert main(["--lang", lang, "scenario", "play", str(SCENARIO)]) == 1  # quit before the end
    out = capsys.readouterr().out
    assert all(line in out for line in said), out
    assert any(word in out for word in PLAYER_FRENCH) is (lang == "fr"), out


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("fr", "error: filtre « nosuchfilter » inconnu dans le texte [unknown-filter]"),
        ("nl", "error: onbekende filter 'nosuchfilter' in de tekst [unknown-filter]"),
        ("en", "error: unknown filter 'nosuchfilter' in the text [unknown-filter]"),
    ],
)
def test_graph_says_why_it_cannot_draw_a_scenario_in_the_language(tmp_path, capsys, lang, said):
    from tests.trainer.test_trainer_gaps import BROKEN

    path = variant(tmp_path, *BROKEN["unknown-filter"])
    assert main(["--lang", lang, "scenario", "graph", str(path)]) == 1
    assert said in capsys.readouterr().err
