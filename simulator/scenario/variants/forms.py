"""Build each form of a scenario document: the base with one alternative per dimension patched in."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from simulator.scenario.diagnostics import Diagnostic, has_errors
from simulator.scenario.validation import validate
from simulator.scenario.variants.draw import Combination, all_combinations
from simulator.scenario.variants.patch import apply_patch, duplicate
from simulator.scenario.variants.spec import LAYER_KEYS, VariantLayer
from simulator.scenario.yamlsource import SourceMap


@dataclass
class FormDocument:
    """One combination's scenario document, its positions and what patching it found wrong."""

    combination: Combination
    data: dict[str, Any]
    source_map: SourceMap
    diagnostics: list[Diagnostic] = field(default_factory=list)


def split_layer(
    data: dict[str, Any], smap: SourceMap, path: str
) -> tuple[dict, VariantLayer | None, list[Diagnostic]]:
    """The scenario document without its variants layer, the layer (validated) and its diagnostics."""
    base = {k: v for k, v in data.items() if k not in LAYER_KEYS}
    layer_data = {k: data[k] for k in LAYER_KEYS if k in data}
    layer, diags = validate(VariantLayer, layer_data, smap, path)
    if layer is not None:
        diags += _combination_problems(layer, smap, path)
        diags += _too_many_forms(layer, smap, path)
    return base, (layer if not has_errors(diags) else None), diags


def _too_many_forms(layer: VariantLayer, smap: SourceMap, path: str) -> list[Diagnostic]:
    """A warning when every combination of many dimensions would be checked (and walked)."""
    from simulator.scenario.variants.design import MANY_FORMS, form_count, pairwise_design

    count = form_count(layer)
    if layer.combinations is not None or count <= MANY_FORMS:
        return []
    pos = smap.key(("variants",))
    design = len(pairwise_design(layer))
    params = {"forms": count, "design": design}
    return [Diagnostic(path, pos.line, pos.column, "warning", "variant-many-forms", params)]


def _combination_problems(layer: VariantLayer, smap: SourceMap, path: str) -> list[Diagnostic]:
    found = []
    for index, combo in enumerate(layer.combinations or ()):
        for dim in layer.variants:
            alt = combo.get(dim)
            if alt not in layer.variants[dim].alternatives:
                pos = smap.value(
                    ("combinations", index, dim) if dim in combo else ("combinations", index)
                )
                found.append(
                    Diagnostic(
                        path,
                        pos.line,
                        pos.column,
                        "error",
                        "variant-unknown-alternative",
                        {"dimension": dim, "alternative": str(alt)},
                    )
                )
        for dim in combo:
            if dim not in layer.variants:
                pos = smap.key(("combinations", index, dim))
                found.append(
                    Diagnostic(
                        path,
                        pos.line,
                        pos.column,
                        "error",
                        "variant-unknown-dimension",
                        {"dimension": dim},
                    )
                )
    return found


def form_document(
    path: str, base: dict, smap: SourceMap, layer: VariantLayer, combination: Combination
) -> FormDocument:
    """The scenario document of ``combination``: every chosen alternative's patch, in dimension order."""
    doc, doc_map, diags = base, duplicate(smap), []
    for dim, alt in combination.items():
        patch = layer.variants[dim].alternatives[alt].patch
        where = ("variants", dim, "alternatives", alt, "patch")
        doc, doc_map, found = apply_patch(path, doc, doc_map, patch, where, smap)
        diags += found
    return FormDocument(dict(combination), doc, doc_map, diags)


def form_documents(
    path: str, base: dict, smap: SourceMap, layer: VariantLayer
) -> list[FormDocument]:
    """Every form the checker must check (all combinations, or the declared ones)."""
    return [form_document(path, base, smap, layer, combo) for combo in all_combinations(layer)]
