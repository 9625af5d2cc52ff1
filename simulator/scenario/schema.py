"""JSON Schema (draft-07, which editors' YAML language server understands) generated from the models."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from simulator.scenario.models import Epreuve, Scenario
from simulator.scenario.models.testplan import TestPlan

SCHEMAS: dict[str, type[BaseModel]] = {
    "scenario": Scenario,
    "epreuve": Epreuve,
    "testplan": TestPlan,
}
DRAFT_07 = "http://json-schema.org/draft-07/schema#"


def json_schema(kind: str = "scenario") -> dict[str, Any]:
    """The draft-07 schema of a scenario, épreuve or test-plan file."""
    model = SCHEMAS[kind]
    schema = model.model_json_schema(ref_template="#/definitions/{model}")
    definitions = schema.pop("$defs", {})
    if kind == "scenario":
        _add_variants_layer(schema, definitions)
    result: dict[str, Any] = {
        "$schema": DRAFT_07,
        "$id": f"https://callsim.invalid/schema/{kind}.schema.json",
        "title": f"callsim {kind}",
    }
    result.update(schema)
    if definitions:
        result["definitions"] = definitions
    return _strip_discriminator_mappings(result)


def _add_variants_layer(schema: dict[str, Any], definitions: dict[str, Any]) -> None:
    """The optional ``variants:`` and ``combinations:`` keys (format ``scenario/1.1``), kept out of the model."""
    from simulator.scenario.variants.spec import VariantLayer

    layer = VariantLayer.model_json_schema(ref_template="#/definitions/{model}")
    for name, definition in layer.pop("$defs", {}).items():
        definitions.setdefault(name, definition)
    schema["properties"].update(layer["properties"])


def _strip_discriminator_mappings(node: Any) -> Any:
    """Drop OpenAPI-only ``discriminator`` blocks: draft-07 validators ignore them, editors may not."""
    if isinstance(node, dict):
        return {
            k: _strip_discriminator_mappings(v) for k, v in node.items() if k != "discriminator"
        }
    if isinstance(node, list):
        return [_strip_discriminator_mappings(v) for v in node]
    return node


def schema_text(kind: str = "scenario") -> str:
    """The schema as the text shipped in ``scenarios/schema/`` (stable, byte for byte)."""
    return json.dumps(json_schema(kind), ensure_ascii=False, indent=2, sort_keys=False) + "\n"
