"""Validate plain data against the models and turn pydantic's errors into positioned diagnostics."""

from __future__ import annotations

import difflib
import unicodedata
from functools import cache
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from simulator.i18n import N_, Message
from simulator.scenario.diagnostics import Diagnostic
from simulator.scenario.identifiers import IDENT, explain_identifier
from simulator.scenario.yamlsource import Path, SourceMap

_EXPECTED = {
    "string_type": N_("a text"),
    "int_type": N_("a whole number"),
    "float_type": N_("a number"),
    "bool_type": N_("true or false"),
    "list_type": N_("a list"),
    "dict_type": N_("a mapping"),
    "model_type": N_("a mapping"),
    "model_attributes_type": N_("a mapping"),
}

_PATTERNS = {
    r"^[a-z0-9][a-z0-9_-]*$": N_("an identifier uses lower-case letters, digits, '-' and '_'"),
    r"^\d\d\.\d\d$": N_("a competency code looks like 01.05"),
    r"^\d+\.\d+\.\d+$": N_("a version looks like 1.0.0"),
    r"^([01]\d|2[0-3]):[0-5]\d$": N_("a time is written HH:MM, e.g. 09:30"),
    r"^\d{2,6}$": N_("an internal number of 2 to 6 digits"),
}


ModelT = TypeVar("ModelT", bound=BaseModel)


def validate(
    model: type[ModelT], data: Any, smap: SourceMap, path: str
) -> tuple[ModelT | None, list[Diagnostic]]:
    """Validate ``data``; on failure return every error as a diagnostic."""
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        return None, [_diagnostic(err, smap, path) for err in exc.errors(include_url=False)]


def _diagnostic(err: ErrorDetails, smap: SourceMap, path: str) -> Diagnostic:
    kind = err["type"]
    loc = tuple(err["loc"])
    # A mapping's key that fails validation (e.g. a node id in capitals) is located by pydantic
    # as (..., key, "[key]"): the diagnostic belongs on the key, not on the block it introduces.
    on_key = loc[-1:] == ("[key]",)
    data_path = smap.resolve(loc[:-1] if on_key else loc)
    value = err.get("input")
    ctx = err.get("ctx") or {}
    at = smap.key(data_path) if on_key else smap.value(data_path)
    if kind == "union_tag_invalid":  # a block whose ``type`` is unknown: said on its type
        at = smap.value((*data_path, "type"))
        value = ctx.get("tag", value)
    found = _rule_or_shape(err, smap, data_path, at, value, ctx)
    if found is None:
        written = smap.written.get(data_path) if not on_key else None
        found = _type_or_value(err, at, value, ctx, written)
    code, where, params = found
    return Diagnostic(path, where.line, where.column, "error", code, params)


#: A diagnostic to make: its code, its position and its parameters.
_Found = tuple[str, Any, dict[str, Any]]


def _rule_or_shape(
    err: ErrorDetails, smap: SourceMap, data_path: Path, at: Any, value: Any, ctx: dict[str, Any]
) -> _Found | None:
    """A models' own rule, a missing or unknown key, a YAML 1.1 boolean; None for anything else."""
    kind = err["type"]
    if kind.startswith("callsim:"):
        # A rule of the models themselves (a model validator) names its diagnostic code, its
        # parameters and, as ``at``, the key of the block the trainer must change.
        params = {k: v for k, v in ctx.items() if k != "at"}
        where = smap.value((*data_path, ctx["at"])) if "at" in ctx else at
        return kind.removeprefix("callsim:"), where, params
    if kind == "missing":
        return "missing-field", at, {"field": err["loc"][-1]}
    if kind == "union_tag_not_found":
        return "missing-field", at, {"field": ctx.get("discriminator", "type").strip("'")}
    if kind == "extra_forbidden":
        key = str(err["loc"][-1])
        where = smap.key((*data_path, key)) if data_path[-1:] != (key,) else smap.key(data_path)
        return "unknown-key", where, {"key": key, "suggestion": _suggest(key)}
    if kind == "bool_type" and isinstance(value, str) and data_path in smap.yaml11_booleans:
        return "yaml11-boolean", at, {"value": value}
    return None


def _type_or_value(
    err: ErrorDetails, at: Any, value: Any, ctx: dict[str, Any], written: str | None
) -> _Found:
    """A value of the wrong type, an invalid identifier, or an invalid value (with advice)."""
    kind = err["type"]
    if kind in _EXPECTED:
        return (
            "wrong-type",
            at,
            {
                "expected": Message(_EXPECTED[kind]),
                "found": _found(value),
                "advice": _type_advice(kind, value, written),
            },
        )
    if kind == "literal_error" and isinstance(value, list | dict):
        # A list or a block where one word is expected: say so, not "invalid value '['faq']'".
        return (
            "wrong-type",
            at,
            {
                "expected": Message(N_("a text")),
                "found": _found(value),
                "advice": _detail_advice(_detail(kind, ctx, "")),
            },
        )
    if (
        kind == "string_pattern_mismatch"
        and ctx.get("pattern") == IDENT.pattern
        and isinstance(value, str)
    ):
        fault, meant = explain_identifier(value)
        return (
            "invalid-identifier",
            at,
            {"value": _visible(value), "detail": fault, "suggestion": meant},
        )
    detail = _detail(kind, ctx, err.get("msg", ""))
    return (
        "invalid-value",
        at,
        {"value": _short(value), "detail": detail, "advice": _value_advice(kind, ctx)},
    )


def _found(value: Any) -> Message:
    if isinstance(value, bool):
        return Message(N_("a boolean"))
    if isinstance(value, int | float):
        return Message(N_("a number"))
    if isinstance(value, str):
        return Message(N_("a text"))
    if isinstance(value, list):
        return Message(N_("a list"))
    if isinstance(value, dict):
        return Message(N_("a mapping"))
    return Message(N_("an empty value"))


def _type_advice(kind: str, value: Any, written: str | None = None) -> Message:
    if kind == "string_type" and isinstance(value, int | float | bool):
        # Quote what the trainer wrote (01.10), not what YAML made of it (1.1).
        shown = written if written is not None else value
        return Message('Put the value in quotes: "{shown}".', shown=shown)
    if value is None:
        return Message("The value is empty: fill it in or remove the key.")
    return Message("Fix the value as described in the trainer's guide.")


def _detail(kind: str, ctx: dict[str, Any], msg: str) -> Message | str:
    if kind == "literal_error":
        expected = str(ctx.get("expected", "")).replace("'", "").replace(" or ", ", ")
        return Message("allowed values: {expected}", expected=expected)
    if kind == "union_tag_invalid":
        expected = str(ctx.get("expected_tags", "")).replace("'", "")
        return Message("allowed types: {expected}", expected=expected)
    if kind == "string_pattern_mismatch":
        return Message(_PATTERNS.get(ctx.get("pattern", ""), N_("wrong format")))
    if kind in ("too_short", "string_too_short"):
        return Message("at least {n} item(s) or character(s)", n=ctx.get("min_length", 1))
    if kind in ("too_long", "string_too_long"):
        return Message("at most {n} item(s) or character(s)", n=ctx.get("max_length", "?"))
    if kind in ("greater_than_equal", "greater_than"):
        return Message("must be at least {n}", n=ctx.get("ge", ctx.get("gt")))
    if kind in ("less_than_equal", "less_than"):
        return Message("must be at most {n}", n=ctx.get("le", ctx.get("lt")))
    return msg  # pydantic's own words: a rule no message of ours covers


def _detail_advice(detail: Message | str) -> Message:
    return Message("Write a single value ({detail}).", detail=detail)


def _value_advice(kind: str, ctx: dict[str, Any]) -> Message:
    if kind in ("literal_error", "union_tag_invalid"):
        return Message("Pick one of the allowed values.")
    return Message("Fix the value.")


def _visible(value: str) -> str:
    """``value`` with its invisible characters shown as ⟨U+XXXX⟩, shortened like ``_short``."""
    shown = "".join(
        f"⟨U+{ord(ch):04X}⟩" if unicodedata.category(ch) in ("Zs", "Cf", "Cc") and ch != " " else ch
        for ch in value
    )
    return shown if len(shown) <= 60 else shown[:57] + "…"


def _short(value: Any) -> str | Message:
    if value is None:
        return Message("(empty)")
    text = str(value)
    return text if len(text) <= 40 else text[:37] + "…"


def _suggest(key: str) -> Message:
    if " " in key.strip():
        return Message(
            "This 'key' looks like a piece of text: inside { … }, text containing a comma or a "
            "colon must be quoted."
        )
    close = difflib.get_close_matches(key, sorted(_vocabulary()), n=1, cutoff=0.75)
    if close:
        return Message("Did you mean '{name}'?", name=close[0])
    return Message(
        "Remove this key or check its spelling (the JSON Schema lists the allowed keys)."
    )


@cache
def _vocabulary() -> frozenset[str]:
    """Every field name of every model: the candidates for 'did you mean'."""
    from simulator.scenario.models import Epreuve, Scenario

    names: set[str] = set()
    for model in (Scenario, Epreuve):
        _collect(model.model_json_schema(), names)
    return frozenset(names)


def _collect(schema: Any, names: set[str]) -> None:
    if isinstance(schema, dict):
        names.update(schema.get("properties", {}))
        for value in schema.values():
            _collect(value, names)
    elif isinstance(schema, list):
        for value in schema:
            _collect(value, names)


__all__ = ["Path", "validate"]
