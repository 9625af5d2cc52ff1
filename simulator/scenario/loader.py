"""Load a scenario or épreuve file: read the YAML, pick the model by its ``callsim:`` marker, validate."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from simulator.scenario.diagnostics import Diagnostic, has_errors
from simulator.scenario.models import Epreuve, Scenario
from simulator.scenario.validation import validate
from simulator.scenario.variants.draw import label
from simulator.scenario.variants.forms import form_documents, split_layer
from simulator.scenario.variants.spec import LAYER_KEYS, MARKER
from simulator.scenario.yamlsource import SourceMap, read_yaml

Kind = Literal["scenario", "epreuve", "testplan"]

#: The ``callsim:`` marker that starts each kind of file.
MARKERS: dict[str, Kind] = {
    "scenario/1": "scenario",
    "scenario/1.1": "scenario",
    "epreuve/1": "epreuve",
    "testplan/1": "testplan",
}


@dataclass
class LoadedFile:
    """One file as loaded: its kind, validated model (None on errors), data, positions and diagnostics."""

    path: str
    kind: Kind | None
    model: Any
    data: Any
    source_map: SourceMap
    diagnostics: list[Diagnostic] = field(default_factory=list)
    sha256: str = ""
    #: The variants layer of a scenario (``variants:``), validated; None when it has none.
    layer: Any = None
    #: Each form of a scenario with variants, loaded like a scenario of its own (``variant`` set).
    forms: list[LoadedFile] = field(default_factory=list)
    #: For a form: the alternative of each dimension it was built with.
    variant: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.model is not None and not has_errors(self.diagnostics)


def load_file(path: str | Path, display: str | None = None) -> LoadedFile:
    """Load ``path``; errors (including an unreadable file) become diagnostics, never exceptions."""
    shown = display or str(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        diag = Diagnostic(
            shown, 1, 1, "error", "unreadable-file", {"problem": exc.strerror or str(exc)}
        )
        return LoadedFile(shown, None, None, None, SourceMap(), [diag])
    return load_bytes(raw, shown)


def load_bytes(raw: bytes, path: str, expect: Kind | None = None) -> LoadedFile:
    """Load a file's bytes (``path`` is only used in diagnostics)."""
    digest = hashlib.sha256(raw).hexdigest()
    doc = read_yaml(raw, path)
    loaded = LoadedFile(path, None, None, doc.data, doc.source_map, list(doc.diagnostics), digest)
    if doc.data is None:
        return loaded
    marker = doc.data.get("callsim")
    kind = MARKERS.get(marker) if isinstance(marker, str) else None
    if kind is None or (expect is not None and kind != expect):
        pos = (
            doc.source_map.value(("callsim",))
            if "callsim" in doc.data
            else doc.source_map.value(())
        )
        code = "unknown-document" if "callsim" in doc.data else "missing-field"
        params = {"value": str(marker)} if code == "unknown-document" else {"field": "callsim"}
        loaded.diagnostics.append(Diagnostic(path, pos.line, pos.column, "error", code, params))
        return loaded
    loaded.kind = kind
    data = doc.data
    if kind == "scenario" and any(key in data for key in LAYER_KEYS):
        data = _split_variants(loaded, marker)
    model_class = _model_for(kind)
    model, diags = validate(model_class, data, doc.source_map, path)
    loaded.diagnostics.extend(diags)
    loaded.diagnostics.extend(_ambiguous_booleans(loaded, diags))
    if not has_errors(doc.diagnostics):
        loaded.model = model
    if loaded.layer is not None and loaded.model is not None:
        loaded.forms = [
            _form(loaded, form) for form in form_documents(path, data, doc.source_map, loaded.layer)
        ]
    return loaded


def _split_variants(loaded: LoadedFile, marker: str) -> dict[str, Any]:
    """The scenario document without ``variants:``; the layer goes to ``loaded.layer``."""
    base, layer, diags = split_layer(loaded.data, loaded.source_map, loaded.path)
    loaded.diagnostics.extend(diags)
    if marker != MARKER:
        pos = loaded.source_map.value(("callsim",))
        loaded.diagnostics.append(
            Diagnostic(loaded.path, pos.line, pos.column, "error", "variants-need-format", {})
        )
        layer = None
    loaded.layer = layer
    return base


def _form(loaded: LoadedFile, form: Any) -> LoadedFile:
    """One combination, validated like a scenario of its own; its diagnostics name the variant."""
    shown = label(form.combination)
    model, diags = validate(Scenario, form.data, form.source_map, loaded.path)
    found = [replace(d, variant=shown) for d in (*form.diagnostics, *diags)]
    result = LoadedFile(
        loaded.path,
        "scenario",
        None,
        form.data,
        form.source_map,
        found,
        loaded.sha256,
        variant=dict(form.combination),
    )
    if not has_errors(found):
        result.model = model
    return result


def _model_for(kind: Kind) -> type:
    if kind == "scenario":
        return Scenario
    if kind == "epreuve":
        return Epreuve
    from simulator.scenario.models.testplan import TestPlan

    return TestPlan


def _ambiguous_booleans(loaded: LoadedFile, reported: list[Diagnostic]) -> list[Diagnostic]:
    """Warn where a YAML 1.1 boolean word was kept as text (unless already an error there)."""
    taken = {(d.line, d.column) for d in reported}
    found = []
    for where in sorted(loaded.source_map.yaml11_booleans, key=str):
        pos = loaded.source_map.value(where)
        if (pos.line, pos.column) not in taken:
            value = _get(loaded.data, where)
            found.append(
                Diagnostic(
                    loaded.path,
                    pos.line,
                    pos.column,
                    "warning",
                    "ambiguous-boolean",
                    {"value": value},
                )
            )
    return found


def _get(data: Any, where: tuple[Any, ...]) -> Any:
    for element in where:
        data = data[element]
    return data
