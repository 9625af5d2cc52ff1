"""The shapes a tool's answer is shown in: rows, form fields, what a panel draws, and cells as text.

The presenters (``simulator.app.tool_customers``, ``simulator.app.tool_presenters``) build these;
``simulator.app.tool_results`` picks the presenter of an operation.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from simulator.app.i18n import N_
from simulator.app.tool_shapes import FIELD_TYPE_HINTS
from simulator.formatting.display import shown_value

Translate = Callable[..., str]

#: A presenter: the operation's arguments, its result, the translator and the language → what to draw.
Presenter = Callable[[Mapping[str, Any], Any, Translate, str], "Shown"]


@dataclass(frozen=True)
class Row:
    """One line of a result: its key, its cells, and the operation it leads to (with its arguments)."""

    key: str
    cells: tuple[str, ...]
    then: tuple[str, dict[str, str]] | None = None


@dataclass(frozen=True)
class FormField:
    """A form field as the panel needs it to offer a choice and a hint."""

    id: str
    label: str
    type: str
    required: bool
    #: The choices as the candidate reads and types them (the stored values are the engine's).
    choices: tuple[str, ...]
    #: The stored values of the choices, in the same order (empty: the choices themselves).
    values: tuple[str, ...] = ()

    def shown(self, stored: str, lang: str) -> str:
        """A stored value as the candidate reads it: a choice in their language, a date day first…"""
        if self.type == "choice" and self.values:
            return dict(zip(self.values, self.choices, strict=True)).get(stored, stored)
        return shown_value(stored, self.type, lang)


@dataclass(frozen=True)
class Shown:
    """What a panel draws for one result."""

    summary: str
    columns: tuple[str, ...] = ()
    rows: tuple[Row, ...] = ()
    reader: str = ""
    #: Arguments to fill in the panel whatever row is chosen (a new booking's id…).
    prefill: Mapping[str, str] = field(default_factory=dict)
    #: The form this result shows (form id, its fields), to offer its fields in the panel.
    form: tuple[str, tuple[FormField, ...]] | None = None
    #: A form value just stored: (form id, field id, stored value).
    stored: tuple[str, str, str] | None = None


def field_hint(spec: FormField, t: Translate) -> str:
    """What a form field expects, in the candidate's language."""
    hint = t(FIELD_TYPE_HINTS.get(spec.type, N_("text")), choices=" / ".join(spec.choices))
    return hint + ("" if spec.required else " — " + t("optional"))


def when(start: str, minutes: int, lang: str) -> str:
    """``mardi 3 mars 08:00–12:00`` in the candidate's language."""
    from babel.dates import format_datetime, format_time

    begin = datetime.fromisoformat(start)
    end = begin + timedelta(minutes=int(minutes))
    return f"{format_datetime(begin, 'EEE d MMM HH:mm', locale=lang)}–{format_time(end, 'HH:mm', locale=lang)}"


def cell(value: Any) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(cell(v) for v in value)
    if isinstance(value, Mapping):
        return "; ".join(f"{k}: {cell(v)}" for k, v in value.items())
    return "" if value is None else str(value)
