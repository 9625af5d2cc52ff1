"""Tool results of the terminal player as Rich tables: forms with their fields and values, agenda slots
with weekday, date and time in the session's language (Babel), and any list of records."""

from __future__ import annotations

import datetime as dt
from typing import Any

from babel.dates import format_datetime
from rich import box
from rich.console import Console, RenderableType
from rich.table import Table

from simulator.i18n import LANGUAGES, N_, translator

#: Column headings and words of the tables (checker catalog).
_HEAD = {
    "field": N_("Field"),
    "value": N_("Value"),
    "required": N_("Required"),
    "yes": N_("yes"),
    "no": N_("no"),
    "choices": N_("Choices"),
    "submitted": N_("submitted"),
    "start": N_("When"),
    "minutes": N_("Length (min)"),
    "key": N_("Item"),
    "id": N_("Id"),
    "calendar": N_("Calendar"),
    "label": N_("Label"),
    "record_id": N_("Record"),
    "status": N_("Status"),
    "first_name": N_("First name"),
    "last_name": N_("Last name"),
    "street": N_("Street"),
    "number": N_("No."),
    "box": N_("Box"),
    "postcode": N_("Postcode"),
    "city": N_("Town"),
    "birth_date": N_("Born"),
    "title": N_("Title"),
    "body": N_("Text"),
}
#: Babel's pattern for a slot: « mardi 3 mars 2026, 08:00 » / "Tuesday 3 March 2026, 08:00".
SLOT_PATTERN = "EEEE d MMMM y, HH:mm"


def when(value: str, lang: str) -> str:
    """An ISO date-time as weekday, date and time in ``lang``; other text as it is."""
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return value
    locale = f"{lang}_BE" if lang in ("fr", "nl") else "en_GB"
    return format_datetime(moment, SLOT_PATTERN, locale=locale)


def result_table(value: Any, lang: str) -> RenderableType | None:
    """The table for one tool result (None when there is nothing to show)."""
    t = translator("checker", lang if lang in LANGUAGES else "en")
    words = {key: t(label) for key, label in _HEAD.items()}
    if isinstance(value, dict) and isinstance(value.get("template"), dict):
        return _form(value, words)
    if isinstance(value, dict):
        return _record(value, words, lang)
    rows = [row for row in value if isinstance(row, dict)] if isinstance(value, list) else []
    if not rows:
        return None
    return _rows(rows[:20], words, lang)


def _form(value: dict[str, Any], words: dict[str, str]) -> Table:
    template = value["template"]
    stored = dict(_pairs(value.get("values")))
    as_typed = dict(
        _pairs(value.get("typed"))
    )  # scenario/1.1 keeps what was typed beside the stored value
    typed = {k: v if as_typed.get(k, v) == v else f"{v} ({as_typed[k]})" for k, v in stored.items()}
    title = template.get("title", "")
    if value.get("submitted"):
        title += f" ({words['submitted']})"
    table = Table(title=title, box=box.SIMPLE_HEAVY, show_lines=False)
    for column in ("field", "value", "required", "choices"):
        table.add_column(words[column])
    for field in template.get("fields", ()):
        choices = ", ".join(str(c) for c in field.get("choices") or ())
        table.add_row(
            f"{field.get('label', '')} [{field.get('id', '')}]",
            str(typed.get(field.get("id"), "")),
            words["yes"] if field.get("required") else words["no"],
            choices,
        )
    return table


def _pairs(values: Any) -> list[tuple[str, str]]:
    if isinstance(values, dict):
        return [(str(k), str(v)) for k, v in values.items()]
    pairs = []
    for item in values or ():
        if isinstance(item, list | tuple) and len(item) >= 2:
            pairs.append((str(item[0]), str(item[-1])))
        elif isinstance(item, dict):
            pairs.append((str(item.get("field") or item.get("id")), str(item.get("value", ""))))
    return pairs


def _record(value: dict[str, Any], words: dict[str, str], lang: str) -> Table:
    """One record, article or booking: one line per element that has a value."""
    table = Table(box=box.SIMPLE_HEAVY)
    table.add_column(words["key"])
    table.add_column(words["value"], overflow="fold")
    for key, item in value.items():
        if item not in ("", None, [], {}):
            table.add_row(words.get(key, key), _cell(key, item, lang))
    return table


#: A list of customer records shows who is who; ``:fiche`` opens one with every field.
RECORD_COLUMNS = (
    "record_id",
    "status",
    "first_name",
    "last_name",
    "street",
    "number",
    "box",
    "postcode",
    "city",
    "birth_date",
)


def _rows(rows: list[dict[str, Any]], words: dict[str, str], lang: str) -> Table:
    keys = list(dict.fromkeys(k for row in rows for k in row))
    if "record_id" in keys:
        keys = [k for k in RECORD_COLUMNS if k in keys]
    columns = [key for key in keys if any(row.get(key) not in ("", None, [], {}) for row in rows)]
    table = Table(box=box.SIMPLE_HEAVY)
    for column in columns:
        table.add_column(words.get(column, column))
    for row in rows:
        table.add_row(*(_cell(column, row.get(column), lang) for column in columns))
    return table


def _cell(column: str, value: Any, lang: str) -> str:
    if value in (None, "", [], {}):
        return ""
    if column in ("start", "end", "at", "when") and isinstance(value, str):
        return when(value, lang)
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {v}" for k, v in value.items() if v not in ("", None))
    return str(value)


def print_table(renderable: RenderableType, out: Any, width: int = 110) -> None:
    """Print to ``out`` as plain text (no colour codes: the output may be a file or a pipe)."""
    Console(
        file=out, width=width, color_system=None, highlight=False, emoji=False, markup=False
    ).print(renderable)
