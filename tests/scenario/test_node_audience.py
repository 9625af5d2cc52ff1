"""The ``audience`` of a node (practice-only coaching, or both) and the judging-line lexicon."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from simulator.scenario.checker.judging import judging_marker
from simulator.scenario.models import Node
from simulator.scenario.schema import json_schema


def test_a_node_is_shown_in_both_modes_unless_marked_practice_only():
    assert Node(say="Bonjour.").audience == "both"
    assert Node(say="Surtout pas !", audience="practice").audience == "practice"
    with pytest.raises(ValidationError):
        Node(say="Bonjour.", audience="exam")


def test_the_default_audience_is_not_written_back():
    """New optional field: a node that does not set it dumps exactly as before."""
    assert "audience" not in Node(say="Bonjour.", next="fin").model_dump(exclude_defaults=True)


def test_the_published_schema_offers_the_audience_with_its_default():
    node = json_schema("scenario")["definitions"]["Node"]["properties"]["audience"]
    assert node["enum"] == ["both", "practice"] and node["default"] == "both"
    assert "audience" not in json_schema("scenario")["definitions"]["Node"].get("required", [])


@pytest.mark.parametrize(
    "text, speaker, marker",
    [
        ("Surtout pas ! Le champ est facultatif.", "supervisor", "Surtout pas"),
        ("Non, regarde la procédure.", "supervisor", "Non"),
        ("« Exact, c'est la bonne fiche. »", "supervisor", "Exact"),
        ("Attention, ce n'était pas le bon formulaire.", "supervisor", "Attention"),
        ("Bien. Et pour la déclaration ?", "supervisor", "Bien."),
        ("Il fallait relire : ce n'était pas le bon technicien.", "supervisor", "ce n'était pas"),
        ("Careful: Sophie only holds the gas approval.", "supervisor", "Careful"),
        ("Well, that was not the form we use.", "system", "that was not"),
        ("Klopt, dat is de juiste fiche.", "supervisor", "Klopt"),
        ("Herlees de procedure, punt 5.", "system", "Herlees"),
        ("Bonne réponse : c'est bien le formulaire D-12.", "customer", "Bonne réponse"),
        ("That's the right answer, thanks.", "customer", "right answer"),
    ],
)
def test_judging_markers_are_found_in_french_dutch_and_english(text, speaker, marker):
    assert judging_marker(text, speaker) == marker


@pytest.mark.parametrize(
    "text, speaker",
    [
        (
            "Non, ce n'est pas ça : je n'ai jamais reçu ce colis.",
            "customer",
        ),  # the customer, in character
        ("Bravo. Vous ne faites rien pour moi.", "customer"),
        ("Et pour la déclaration, tu prends quel formulaire ?", "supervisor"),
        ("Bonjour Alex ! Deux messages pour toi dans la boîte.", "supervisor"),
        (
            "Nombreux sont les clients qui appellent le lundi.",
            "system",
        ),  # "No" inside a word is no marker
        ("Vérifiez la fiche, puis clôturez la tâche.", "system"),
    ],
)
def test_neutral_lines_and_customers_in_character_are_not_judging(text, speaker):
    assert judging_marker(text, speaker) is None


def test_a_coaching_node_leads_on_by_next_or_by_its_only_reply_without_evidence():
    by_next = Node.model_validate(
        {"speaker": "supervisor", "say": "Non : relis.", "audience": "practice", "next": "b"}
    )
    by_reply = Node.model_validate(
        {
            "say": "Relis.",
            "audience": "practice",
            "replies": [{"text": "D'accord.", "act": "discover", "goto": "c"}],
        }
    )
    observed = Node.model_validate(
        {
            "say": "Relis.",
            "audience": "practice",
            "replies": [
                {
                    "text": "D'accord.",
                    "goto": "c",
                    "evidence": [{"competency": "01.01", "effect": "positive", "because": "x"}],
                }
            ],
        }
    )
    assert by_next.single_way_on() == "b"
    assert by_reply.single_way_on().goto == "c"
    assert observed.single_way_on() is None  # what it observes would be lost if an exam passed it
