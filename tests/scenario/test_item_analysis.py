"""The checker's item analysis: a choice point a test-wise candidate answers by a cue is a positioned
warning (an error under ``--strict`` with ``--items strict``); a balanced one is silent. Each rule has a
node that fires and a node that does not; library checks (a check that can never pass, ids used twice)
are errors whatever the item mode.
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from simulator.cli import main
from simulator.scenario.checker import check_paths
from simulator.scenario.checker.items import ITEM_CODES

HEAD = """\
callsim: scenario/1
id: librairie-commande
version: 1.0.0
title: {{fr: Librairie Papyrus — une commande en retard, en: Papyrus bookshop — a late order}}
briefing: {{fr: Une cliente appelle pour une commande en retard., en: A customer calls about a late order.}}
direction: inbound
kind: complaint
organisation: {{name: Librairie Papyrus, sector: librairie indépendante, city: Namur}}
duration_minutes: 5
competencies: ["01.02"]
facts:
  cause: "colis bloqué au dépôt de Jambes"
  delai: "trois jours ouvrables"
resources:
  documentation:
    - {{id: delais, kind: faq, title: Délais, body: "Réexpédition en {{{{ facts.delai }}}}."}}
  services:
    - {{id: compta, name: Comptabilité, extension: "210", handles: Factures}}
  agenda:
    calendars: [{{id: conseil, name: Conseillère}}]
    slots: [{{id: s1, calendar: conseil, day: 2, time: "14:00", minutes: 30}}]
{persona}
start: choix
nodes:
  choix:
    speaker: {speaker}
    say: "{say}"
    replies:
{replies}
  fin:
    say: "Au revoir."
    end: {{outcome: resolved}}
{checks}
"""


_IDS = itertools.count(1)


def reply(text: str, effect: str | None, competency: str = "01.02", rid: str | None = None) -> str:
    evidence = (
        f'[{{competency: "{competency}", effect: {effect}, because: Motif.}}]' if effect else "[]"
    )
    rid = rid or f"r{next(_IDS)}"
    return f'      - {{id: {rid}, text: "{text}", evidence: {evidence}, goto: fin}}'


def scenario(
    tmp_path: Path,
    replies: list[str],
    *,
    say: str = "Ma commande n'est toujours pas arrivée.",
    speaker: str = "customer",
    checks: str = "",
    persona: str = "",
) -> Path:
    path = tmp_path / "cas.yaml"
    path.write_text(
        HEAD.format(
            replies="\n".join(replies), say=say, speaker=speaker, checks=checks, persona=persona
        ),
        encoding="utf-8",
    )
    return path


def found(path: Path, items: str = "warn") -> list[tuple[int, str, str]]:
    """The item-analysis warnings and every error (the fixture's other warnings, such as missing
    translations, are not the subject here)."""
    return [
        (d.line, d.severity, d.code)
        for d in check_paths([path], items=items).diagnostics
        if d.code in ITEM_CODES or d.severity == "error"
    ]


def codes(path: Path) -> set[str]:
    return {code for _, _, code in found(path)}


def line_with(path: Path, fragment: str) -> int:
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if fragment in line)


BALANCED = [
    reply("Je regarde votre commande dans notre système.", "positive"),
    reply("Je vous rembourse la commande tout de suite.", "negative"),
    reply("Je transmets votre plainte à la direction.", "negative"),
]


def test_a_balanced_choice_point_is_silent(tmp_path):
    assert found(scenario(tmp_path, BALANCED)) == []


def test_the_item_analysis_is_off_unless_asked(tmp_path):
    path = scenario(
        tmp_path,
        [
            reply("Je regarde votre commande dans notre système, un instant.", "positive"),
            reply("Non.", "negative"),
        ],
    )
    assert found(path, items="off") == []
    assert "cue-length-outlier" in codes(path)


def test_a_right_reply_much_longer_than_every_distractor_is_positioned_on_its_text(tmp_path):
    path = scenario(
        tmp_path,
        [
            reply(
                "Je regarde tout de suite votre commande dans notre système de suivi.", "positive"
            ),
            reply("Je vous rembourse.", "negative"),
            reply("Rappelez demain.", "negative"),
        ],
    )
    assert (line_with(path, "système de suivi"), "warning", "cue-length-outlier") in found(path)


def test_a_right_reply_much_shorter_than_every_distractor_stands_out_too(tmp_path):
    path = scenario(
        tmp_path,
        [
            reply("Je vérifie.", "positive"),
            reply("Je vous rembourse la commande entière tout de suite.", "negative"),
            reply("Je transmets votre plainte écrite à la direction.", "negative"),
        ],
    )
    assert "cue-length-outlier" in codes(path)


def test_only_the_right_reply_polite_fires_and_a_polite_distractor_silences_it(tmp_path):
    cued = scenario(
        tmp_path,
        [
            reply("Je comprends, je regarde votre commande.", "positive"),
            reply("Je vous rembourse la commande de suite.", "negative"),
            reply("Je transmets votre plainte au service.", "negative"),
        ],
    )
    assert "cue-only-polite" in codes(cued)
    fair = scenario(
        tmp_path,
        [
            reply("Je comprends, je regarde votre commande.", "positive"),
            reply("Je comprends, je vous rembourse tout.", "negative"),
            reply("Je transmets votre plainte au service.", "negative"),
        ],
    )
    assert "cue-only-polite" not in codes(fair)


def test_a_right_reply_echoing_the_prompt_fires(tmp_path):
    say = "Ma commande de livres scolaires n'est toujours pas livrée."
    cued = scenario(
        tmp_path,
        say=say,
        replies=[
            reply("Votre commande de livres scolaires : je regarde la livraison.", "positive"),
            reply("Je vous rembourse tout de suite, sans souci.", "negative"),
            reply("Je transmets votre plainte à la direction.", "negative"),
        ],
    )
    assert "cue-prompt-echo" in codes(cued)
    fair = scenario(
        tmp_path,
        say=say,
        replies=[
            reply("Votre commande de livres scolaires : je regarde la livraison.", "positive"),
            reply("Vos livres scolaires, je vous les rembourse de suite.", "negative"),
            reply("Je transmets votre plainte à la direction.", "negative"),
        ],
    )
    assert "cue-prompt-echo" not in codes(fair)


def test_a_narrator_asking_the_question_fires_but_a_narrator_statement_does_not(tmp_path):
    asked = scenario(tmp_path, BALANCED, speaker="system", say="Que demande la cliente ?")
    assert (line_with(asked, "Que demande"), "warning", "narrator-question") in found(asked)
    told = scenario(tmp_path, BALANCED, speaker="system", say="La cliente attend votre réponse.")
    assert "narrator-question" not in codes(told)


def test_a_reply_handing_over_a_fact_no_tool_shows_fires(tmp_path):
    handed = scenario(
        tmp_path,
        [
            reply("Le colis est {{ facts.cause }}, je regarde.", "positive"),
            reply("Je vous rembourse la commande, voilà.", "negative"),
        ],
    )
    assert "fact-not-in-tool" in codes(handed)
    in_the_tool = scenario(
        tmp_path,
        [
            reply("Réexpédition en {{ facts.delai }}, ça vous va ?", "positive"),
            reply("Je vous rembourse la commande, c'est bon.", "negative"),
        ],
    )
    assert "fact-not-in-tool" not in codes(in_the_tool)


def test_a_fact_the_caller_said_before_may_be_used(tmp_path):
    path = scenario(
        tmp_path,
        say="Le transporteur dit {{ facts.cause }}.",
        replies=[
            reply("Le colis est {{ facts.cause }}, je regarde.", "positive"),
            reply("Je vous rembourse la commande, voilà.", "negative"),
        ],
    )
    assert "fact-not-in-tool" not in codes(path)


def with_date_fact(path: Path, slot_day: int) -> Path:
    """The fixture with a date fact two workdays ahead and its one slot ``slot_day`` workdays ahead."""
    text = (
        path.read_text(encoding="utf-8")
        .replace(
            '  delai: "trois jours ouvrables"',
            '  delai: "trois jours ouvrables"\n  visite: "{{ today | add_workdays(2) }}"',
        )
        .replace("day: 2,", f"day: {slot_day},")
    )
    path.write_text(text, encoding="utf-8")
    return path


def test_a_date_the_agenda_shows_as_a_slot_may_be_proposed(tmp_path):
    replies = [
        reply("Je vous propose le {{ facts.visite | longdate }} à 14h.", "positive"),
        reply("Je vous rembourse la commande, voilà.", "negative"),
    ]
    in_the_agenda = with_date_fact(scenario(tmp_path, replies), slot_day=2)
    assert found(in_the_agenda) == []
    no_slot_that_day = with_date_fact(scenario(tmp_path, replies), slot_day=5)
    assert "fact-not-in-tool" in codes(no_slot_that_day)


def test_a_value_a_form_offers_as_a_choice_counts_as_shown(tmp_path):
    path = scenario(
        tmp_path,
        [
            reply("Le colis est {{ facts.cause }}, je regarde.", "positive"),
            reply("Je vous rembourse la commande, voilà.", "negative"),
        ],
    )
    form = (
        "  forms:\n    - id: suivi\n      title: Suivi\n      fields:\n"
        '        - {id: motif, label: Motif, type: choice, choices: ["colis bloqué au dépôt de Jambes", "autre"]}\n'
    )
    path.write_text(
        path.read_text(encoding="utf-8").replace("  agenda:\n", form + "  agenda:\n"),
        encoding="utf-8",
    )
    assert found(path) == []


def test_a_phone_number_the_documentation_writes_internationally_counts_as_shown(tmp_path):
    replies = [
        reply("Appelez le dépôt au {{ facts.depot }}, ils ont votre colis.", "positive"),
        reply("Je vous rembourse la commande et je note votre plainte.", "negative"),
    ]
    for written, expected in (("+32 81 22 33 44", []), ("+32 81 22 33 45", ["fact-not-in-tool"])):
        path = scenario(tmp_path, replies)
        text = (
            path.read_text(encoding="utf-8")
            .replace(
                '  delai: "trois jours ouvrables"',
                '  delai: "trois jours ouvrables"\n  depot: "081 22 33 44"',
            )
            .replace('body: "Réexpédition', f'body: "Dépôt de Jambes : {written}. Réexpédition')
        )
        path.write_text(text, encoding="utf-8")
        assert [code for _, _, code in found(path)] == expected


CHECK_SLOT = """checks:
  - {id: rdv, type: appointment_booked, calendar: conseil, slot: s1, competency: "02.02", because: Le bon créneau.}"""


def test_a_supervisor_line_naming_the_expected_slot_fires(tmp_path):
    named = scenario(
        tmp_path,
        BALANCED,
        speaker="supervisor",
        say="Réserve le créneau de 14:00.",
        checks=CHECK_SLOT,
    )
    assert "rescue-names-answer" in codes(named)
    pointed = scenario(
        tmp_path,
        BALANCED,
        speaker="supervisor",
        say="Regarde l'agenda de la conseillère.",
        checks=CHECK_SLOT,
    )
    assert "rescue-names-answer" not in codes(pointed)


def test_a_reply_claiming_a_transfer_earns_no_transfer_evidence(tmp_path):
    claimed = scenario(
        tmp_path,
        [
            reply("Je vous transfère à la comptabilité.", "positive", "01.07"),
            reply("Je vous rembourse moi-même la facture.", "negative", "01.07"),
        ],
    )
    assert "reply-earns-tool-evidence" in codes(claimed)
    words = scenario(
        tmp_path,
        [
            reply("C'est la comptabilité qui gère les factures.", "positive", "01.07"),
            reply("Je gère moi-même cette facture ici.", "negative", "01.07"),
        ],
    )
    assert "reply-earns-tool-evidence" not in codes(words)


def test_a_scenario_where_the_longest_reply_is_mostly_right_fires_once_at_its_first_such_node(
    tmp_path,
):
    nodes = "".join(
        f"""
  n{i}:
    say: "Et alors ?"
    replies:
      - {{id: bon, text: "Je regarde votre dossier en détail.", evidence: [{{competency: "01.02", effect: positive, because: M.}}], goto: {"n" + str(i + 1) if i < 3 else "fin"}}}
      - {{id: faux, text: "Je vous rembourse tout.", evidence: [{{competency: "01.02", effect: negative, because: M.}}], goto: fin}}
"""
        for i in range(1, 4)
    )
    path = scenario(
        tmp_path,
        [
            reply("Je regarde votre dossier en détail.", "positive", rid="bon"),
            reply("Je vous rembourse tout.", "negative", rid="faux"),
        ],
    )
    text = path.read_text().replace(
        "goto: fin}\n      - {id: faux", "goto: n1}\n      - {id: faux", 1
    )
    path.write_text(text.replace("  fin:\n", nodes + "  fin:\n"))
    shares = [d for d in found(path) if d[2] == "cue-longest-share"]
    assert shares == [(line_with(path, "  choix:") + 1, "warning", "cue-longest-share")]


def test_a_form_check_expecting_a_value_outside_the_choices_cannot_pass(tmp_path):
    path = scenario(
        tmp_path,
        BALANCED,
        checks="""checks:
  - {id: motif, type: form_submitted, form: f, fields: {motif: perdu}, competency: "01.05", because: Motif.}""",
    )
    text = path.read_text().replace(
        "  agenda:",
        """  forms:
    - {id: f, title: Fiche, fields: [{id: motif, label: Motif, type: choice, choices: [retard, casse]}]}
  agenda:""",
    )
    path.write_text(text)
    assert (line_with(path, "fields: {motif: perdu}"), "error", "check-cannot-pass") in found(
        path, items="off"
    )


def test_an_appointment_check_no_slot_satisfies_cannot_pass(tmp_path):
    late = """persona:
  availability: [{days: [mon, tue, wed, thu, fri], start: "08:00", end: "12:00"}]"""
    path = scenario(tmp_path, BALANCED, checks=CHECK_SLOT, persona=late)
    assert "check-cannot-pass" in {c for _, _, c in found(path, items="off")}
    fitting = late.replace('"12:00"', '"17:00"')
    assert "check-cannot-pass" not in {
        c
        for _, _, c in found(
            scenario(tmp_path, BALANCED, checks=CHECK_SLOT, persona=fitting), items="off"
        )
    }


def test_an_inverted_day_window_cannot_pass(tmp_path):
    inverted = """persona:
  availability: [{days: [mon], start: "08:00", end: "12:00", from_workday: 5, until_workday: 2}]"""
    path = scenario(tmp_path, BALANCED, persona=inverted)
    assert (line_with(path, "until_workday"), "error", "check-cannot-pass") in found(
        path, items="off"
    )


def test_two_replies_with_one_id_in_a_node_are_an_error(tmp_path):
    path = scenario(
        tmp_path,
        [
            reply("Je regarde votre commande.", "positive", rid="same"),
            reply("Je vous rembourse la commande.", "negative", rid="same"),
        ],
    )
    assert ("error", "duplicate-id") in {(s, c) for _, s, c in found(path, items="off")}


def test_strict_counts_item_warnings_by_default_and_not_in_warn_item_mode(tmp_path, capsys):
    path = scenario(
        tmp_path,
        [
            reply(
                "Je regarde tout de suite votre commande dans notre système de suivi.", "positive"
            ),
            reply("Je rembourse.", "negative"),
            reply("Je raccroche.", "negative"),
        ],
    )
    assert main(["scenario", "check", str(path), "--strict"]) == 1
    assert main(["scenario", "check", str(path), "--strict", "--items", "strict"]) == 1
    assert main(["scenario", "check", str(path), "--strict", "--items", "warn"]) == 0
    assert main(["scenario", "check", str(path), "--strict", "--items", "off"]) == 0
    capsys.readouterr()
    assert main(["scenario", "check", str(path), "--format", "json", "--lang", "en"]) == 0
    report = json.loads(capsys.readouterr().out)
    [diagnostic] = report["diagnostics"]
    assert diagnostic["code"] == "cue-length-outlier" and "longer than 1.4" in diagnostic["message"]


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_every_item_code_has_a_message_and_a_hint(lang):
    from simulator.scenario.messages import MESSAGES, render

    for code in ITEM_CODES | {"check-cannot-pass"}:
        assert code in MESSAGES
        assert render(code, "message", lang, {}) and render(code, "hint", lang, {})
