"""Form choices shown and typed in the candidate's language, stored and checked by their stable value."""

from __future__ import annotations

import json

import pytest

from simulator.engine.tools.errors import InvalidFieldValue
from simulator.engine.tools.forms import FieldSpec, FormTemplate, clean_value
from simulator.scenario.models.resources import FormFieldSpec, choice_label, choice_value

CAUSE = FieldSpec(
    "cause",
    "Oorzaak",
    "choice",
    True,
    ("Rupture de conduite", "Autre / inconnue"),
    ("Leidingbreuk", "Andere / onbekend"),
)


@pytest.mark.parametrize(
    "typed", ["Leidingbreuk", "leidingbreuk ", "Rupture de conduite", "RUPTURE DE CONDUITE"]
)
def test_a_choice_typed_in_the_candidates_language_or_as_its_value_stores_the_value(typed):
    assert clean_value(CAUSE, typed) == "Rupture de conduite"


def test_a_refused_choice_lists_the_choices_as_the_candidate_reads_them():
    with pytest.raises(InvalidFieldValue) as refused:
        clean_value(CAUSE, "Brand")
    assert "Leidingbreuk, Andere / onbekend" in refused.value.message("nl")
    assert "Rupture de conduite" not in refused.value.message("nl")


def test_plain_choices_keep_the_templates_json_byte_identical():
    plain = FieldSpec("priorite", "Priorité", "choice", True, ("Normale", "Urgente"))
    same = FieldSpec(
        "priorite", "Priorité", "choice", True, ("Normale", "Urgente"), ("Normale", "Urgente")
    )
    expected = '{"id": "priorite", "label": "Priorit\\u00e9", "type": "choice", "required": true, "choices": ["Normale", "Urgente"]}'
    assert json.dumps(plain.to_dict()) == json.dumps(same.to_dict()) == expected
    template = FormTemplate("f", "F", (CAUSE,))
    assert FormTemplate.from_dict(template.to_dict()) == template
    assert template.to_dict()["fields"][0]["labels"] == ["Leidingbreuk", "Andere / onbekend"]


def test_a_scenario_choice_is_a_plain_text_or_a_value_with_its_languages():
    spec = FormFieldSpec.model_validate(
        {
            "id": "cause",
            "label": {"fr": "Cause"},
            "type": "choice",
            "choices": [
                "Autre",
                {"value": "Rupture de conduite", "nl": "Leidingbreuk", "en": "Burst pipe"},
            ],
        }
    )
    assert [choice_value(c) for c in spec.choices] == ["Autre", "Rupture de conduite"]
    assert [choice_label(c, "nl") for c in spec.choices] == ["Autre", "Leidingbreuk"]
    assert [choice_label(c, "fr") for c in spec.choices] == [
        "Autre",
        "Rupture de conduite",
    ]  # French: the value
    with pytest.raises(ValueError):
        FormFieldSpec.model_validate(
            {"id": "x", "label": {"fr": "X"}, "type": "choice", "choices": [{"nl": "Zonder"}]}
        )
