"""French elision before a name: « d'Anne », « qu'Olivier », « d'Hélène », but « de Marc », « de Hasselt »
— in the texts of the catalogs where a name is inserted, and in scenario texts through ``elide``."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from simulator.app.tool_presenters import show_message
from simulator.engine.context import build_context
from simulator.i18n import translator
from simulator.i18n.elision import elided, with_names
from simulator.scenario.loader import load_file
from simulator.scenario.models import text_in
from simulator.scenario.templating import FilterValueError, render

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("particle", "name", "written"),
    [
        ("de", "Anne Dubois", "d'Anne Dubois"),  # a vowel
        ("de", "Olivier", "d'Olivier"),
        ("que", "Émile", "qu'Émile"),  # an accented vowel
        ("de", "Ixelles", "d'Ixelles"),
        ("de", "Hélène Renard", "d'Hélène Renard"),  # a mute h
        ("que", "Hugo", "qu'Hugo"),
        ("de", "Hasselt", "de Hasselt"),  # an aspirated h
        ("de", "Hans Peeters", "de Hans Peeters"),
        ("de", "Huy", "de Huy"),
        ("de", "Yves", "d'Yves"),  # y before a consonant is a vowel…
        ("de", "Yannick", "de Yannick"),  # … before a vowel, a consonant
        ("de", "Marc Dubois", "de Marc Dubois"),  # consonants
        ("que", "Sophie", "que Sophie"),
        ("De", "Anne", "D'Anne"),  # the capital is kept
        ("le", "Escaut", "l'Escaut"),
        ("de", "11 mars", "de 11 mars"),  # a figure is not elided
    ],
)
def test_a_particle_before_a_name_is_written_as_french_writes_it(particle, name, written):
    assert elided(particle, name) == written


@pytest.mark.parametrize(
    ("lang", "anne", "marc"),
    [
        ("fr", "Message d'Anne Dubois.", "Message de Marc Dubois."),
        ("nl", "Bericht van Anne Dubois.", "Bericht van Marc Dubois."),
        ("en", "Message from Anne Dubois.", "Message from Marc Dubois."),
    ],
)
def test_the_mail_the_candidate_opens_names_its_sender_with_the_elided_particle(lang, anne, marc):
    t = translator("candidate", lang)
    shown = [
        show_message({}, {"sender": sender, "subject": "Facture", "body": "…"}, t, lang).summary
        for sender in ("Anne Dubois", "Marc Dubois")
    ]
    assert shown[0].startswith(anne) and shown[1].startswith(marc)


@pytest.mark.parametrize(
    ("lang", "asked"),
    [
        ("fr", "Phrase secrète d'Hélène Renard : "),
        ("nl", "Wachtwoordzin van Hélène Renard: "),
        ("en", "Passphrase of Hélène Renard: "),
    ],
)
def test_a_text_of_the_catalogs_is_elided_only_in_french(lang, asked):
    text = translator("cli", lang)("Passphrase of {name}: ")
    assert with_names(text, lang, name="Hélène Renard") == asked


def test_a_scenario_text_elides_with_the_elide_filter_and_refuses_an_unknown_particle():
    text = "C'est au nom {{ customer.full_name | elide('de') }}, {{ n | elide('que') }}."
    assert render(text, {"customer": {"full_name": "Anne Dubois"}, "n": "Marc"}, "fr") == (
        "C'est au nom d'Anne Dubois, que Marc."
    )
    with pytest.raises(FilterValueError) as refused:
        render("{{ n | elide('van') }}", {"n": "Anne"}, "fr")
    assert refused.value.message.to(translator("checker", "nl")) == (
        "de filter 'elide' verwacht een partikel uit de, que, le, la, jusque, lorsque, puisque, "
        "niet 'van'"
    )


def test_a_shipped_scenario_writes_qu_before_a_customer_whose_name_starts_with_a_vowel():
    scenario = load_file(ROOT / "scenarios/admin/energie-mise-a-jour-base.yaml").model
    reply = next(r for r in scenario.nodes["homonymes"].replies if r.id == "noter-famille")
    seen: dict[bool, tuple[str, str, str]] = {}
    for seed in range(1, 80):
        ctx = build_context(scenario, seed, date(2026, 3, 2), "fr", "Alex")
        first = ctx.variables["customer"]["first_name"]
        english = render(text_in(reply.text, "en"), ctx.variables, "en")
        seen.setdefault(first[0] in "AEIOUÉ", (first, ctx.text(reply.text), english))
        if len(seen) == 2:
            break
    (vowel, said_vowel, english), (consonant, said_consonant, _) = seen[True], seen[False]
    assert f"dans leurs notes qu'{vowel} a déménagé" in said_vowel
    assert f"dans leurs notes que {consonant} a déménagé" in said_consonant
    assert f"notes that {vowel} has moved" in english
