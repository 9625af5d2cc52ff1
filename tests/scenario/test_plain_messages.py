"""The checker speaks the trainer's words in French too: each message class of the broken-file corpus
(YAML faults, identifier faults, call variables) gives its French text on the line of the fault."""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator.scenario.checker import check_paths

CORPUS = Path(__file__).with_name("corpus")

CASES = {
    "yaml-unclosed-quote": (
        52,
        "le guillemet \" ouvert ici n'est jamais refermé",
        "Refermez le texte",
    ),
    "yaml-unclosed-bracket": (18, "le « [ » ouvert ici n'est jamais refermé", "Refermez la liste"),
    "yaml-colon-space": (
        67,
        "il manque une espace après les deux-points de « say »",
        "say: valeur",
    ),
    "yaml-bad-indent": (
        68,
        "5 espace(s) ici, alors que les lignes au-dessus commencent à 0 ou 2 ou 4",
        "Alignez",
    ),
    "yaml-syntax": (
        17,
        "la valeur de « phone » contient « : » suivi d'une espace",
        "entre guillemets",
    ),
    "yaml-list-and-keys": (46, "une clé apparaît au milieu d'une liste", "indentation"),
    "identifier-accent": (
        61,
        "« é » porte un accent : les identifiants s'écrivent sans accents",
        "donner-les-horaires-precis",
    ),
    "identifier-invisible": (41, "caractère invisible U+00A0 (espace insécable)", "« oui »"),
    "identifier-lookalike": (46, "lettre cyrillique U+0430", "« allo »"),
    "invalid-pattern": (41, "« O » est une majuscule", "« oui »"),
    "undeclared-call-variable": (
        65,
        "la variable d'appel « horaires_donnes » n'est pas déclarée",
        "variables:",
    ),
    "unknown-commune": (21, "aucune commune « Jamble » connue (namur)", "code postal"),
    "newer-format": (
        23,
        "« variables » n'existe qu'à partir du format scenario/1.1",
        "callsim: scenario/1.1",
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_fault_is_told_in_french_on_its_line_with_what_to_do(name):
    line, message, hint = CASES[name]
    [diagnostic] = check_paths([CORPUS / f"{name}.yaml"]).diagnostics
    assert diagnostic.line == line
    assert message in diagnostic.message("fr")
    assert hint in diagnostic.hint("fr")
    assert "expected <" not in diagnostic.message("en") and "found" not in diagnostic.message("en")


def test_a_file_cut_inside_a_quote_still_says_the_file_is_truncated():
    [diagnostic] = check_paths([CORPUS / "truncated-string.yaml"]).diagnostics
    assert diagnostic.code == "truncated-file"
