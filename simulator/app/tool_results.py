"""How a tool's answer is shown: a table of rows, a one-line summary, and a text to read.

Pure functions from the engine's result (``{"ok": True, "result": …}``) to what a panel draws.
A row may name a follow-up — the operation it leads to and the arguments it fills — so that
the keyboard flow is *search → Enter on a row → Enter*: the candidate still runs every operation.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from simulator.app.i18n import N_
from simulator.app.tool_shapes import (
    ARTICLE_KIND_LABELS,
    FIELD_TYPE_HINTS,
    RECORD_FIELD_LABELS,
    STATUS_LABELS,
    editable_record_fields,
)
from simulator.app.typography import prose, tie
from simulator.formatting.display import shown_date, shown_value

Translate = Callable[..., str]


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


def show(tool: str, op: str, args: Mapping[str, Any], value: Any, t: Translate, lang: str,
         fields: Mapping[str, FormField] | None = None) -> Shown:
    """What to draw for the successful result ``value`` of ``tool.op`` run with ``args``.

    ``fields`` are the fields of a form already opened (by id): their labels name the lines of its
    submission, their types say how a stored value reads (a date, a number).
    """
    presenter = _PRESENTERS.get((tool, op))
    if presenter is None:
        return _generic(value, t)
    shown = presenter(args, value, t, lang)
    if fields and (tool, op) == ("forms", "set") and shown.stored is not None and shown.stored[1] in fields:
        form_id, field_id, stored = shown.stored
        text = fields[field_id].shown(stored, lang)
        return Shown(t("Saved: {value}", value=text or "—"), stored=(form_id, field_id, text))
    if fields and shown.rows and (tool, op) == ("forms", "submit"):
        rows = tuple(Row(r.key, (fields[r.key].label, fields[r.key].shown(r.cells[1], lang)) if r.key in fields else r.cells)
                     for r in shown.rows)
        shown = Shown(shown.summary, shown.columns, rows)
    return shown


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


# -- customers -----------------------------------------------------------------------------------------


def _status(value: str, t: Translate) -> str:
    return t(STATUS_LABELS[value]) if value in STATUS_LABELS else value


def _records(args: Mapping[str, Any], value: Any, t: Translate, lang: str) -> Shown:
    rows = tuple(Row(str(r["record_id"]), (
        str(r["record_id"]), " ".join(p for p in (r.get("title", ""), r.get("first_name", ""), r.get("last_name", "")) if p),
        _address(r), f"{r.get('postcode', '')} {r.get('city', '')}".strip(), str(r.get("customer_id", "")),
        shown_date(str(r.get("birth_date", "")), lang), _status(str(r.get("status", "")), t)),
        ("open", {"record": str(r["record_id"])})) for r in value)
    columns = (t("Record"), t("Name"), t("Address"), t("Town"), t("Customer number"), t("Date of birth"), t("Status"))
    summary = t("Records found: {n}. Choose one (Enter) to open it.", n=len(rows)) if rows else t("No record found.")
    return Shown(summary, columns, rows)


def _address(record: Mapping[str, Any]) -> str:
    box = f" {record['box']}" if record.get("box") else ""
    return f"{record.get('street', '')} {record.get('number', '')}{box}".strip()


def _record(args: Mapping[str, Any], value: Any, t: Translate, lang: str) -> Shown:
    record_id = str(value.get("record_id", ""))
    editable = set(editable_record_fields())
    rows = []
    for key, item in value.items():
        text = _status(str(item), t) if key == "status" else _record_cell(key, item, lang)
        then = None
        if key in editable:
            then = ("update", {"record": record_id, "field": key, "value": _record_cell(key, item, lang)})
        elif key == "status":
            then = ("set_status", {"record": record_id, "status": _cell(item)})
        rows.append(Row(key, (t(RECORD_FIELD_LABELS.get(key, key)), text), then))
    summary = t("Record {id}. Choose a line (Enter) to change it.", id=record_id)
    return Shown(summary, (t("Field"), t("Value")), tuple(rows), reader=prose(_cell(value.get("notes", ""))))


def _change(args: Mapping[str, Any], value: Any, t: Translate, lang: str) -> Shown:
    key = str(value.get("field", ""))
    label = t(RECORD_FIELD_LABELS.get(key, key))
    before, after = (_status(str(value.get(k, "")), t) if key == "status" else _record_cell(key, value.get(k), lang)
                     for k in ("before", "after"))
    row = Row(key, (label, before, after), ("update", {"record": str(value.get("record_id", "")), "field": key,
                                                      "value": after}) if key != "status" else None)
    return Shown(t("Record {id} saved.", id=value.get("record_id", "")), (t("Field"), t("Before"), t("After")), (row,))


def _record_cell(key: str, value: Any, lang: str) -> str:
    """A record's value as the candidate reads it: its dates day first (06/12/2026)."""
    return shown_date(_cell(value), lang) if key in _RECORD_DATES else _cell(value)


_RECORD_DATES = frozenset({"birth_date", "updated_on"})


# -- documentation ---------------------------------------------------------------------------------------


def _articles(args: Mapping[str, Any], value: Any, t: Translate, lang: str) -> Shown:
    rows = tuple(Row(str(a["id"]), (str(a["title"]), t(ARTICLE_KIND_LABELS.get(a["kind"], a["kind"])), str(a["id"])),
                     ("open", {"article": str(a["id"])})) for a in value)
    summary = t("Documents found: {n}. Choose one (Enter) to open it.", n=len(rows)) if rows else t("No document found.")
    return Shown(summary, (t("Title"), t("Type"), t("Reference")), rows)


def _article(args: Mapping[str, Any], value: Any, t: Translate, lang: str) -> Shown:
    kind = t(ARTICLE_KIND_LABELS.get(value.get("kind", ""), value.get("kind", "")))
    return Shown(t("Open: {title} ({kind}, {id})", title=value.get("title", ""), kind=kind, id=value.get("id", "")),
                 reader=prose(str(value.get("body", ""))), prefill={"article": str(value.get("id", ""))})


def _selected(args: Mapping[str, Any], value: Any, t: Translate, lang: str) -> Shown:
    return Shown(t("Selected for sending: {id}.", id=args.get("article", "")))


def _unselected(args: Mapping[str, Any], value: Any, t: Translate, lang: str) -> Shown:
    return Shown(t("Removed from sending: {id}.", id=args.get("article", "")))


# -- agenda ----------------------------------------------------------------------------------------------


def _slots(args: Mapping[str, Any], value: Any, t: Translate, lang: str) -> Shown:
    rows = tuple(Row(str(s["id"]), (when(s["start"], s["minutes"], lang), str(s.get("label", "")), str(s["id"])),
                     ("book", {"slot": str(s["id"])})) for s in value)
    summary = t("Free slots: {n}. Choose one (Enter) to book it.", n=len(rows)) if rows else t("No free slot.")
    return Shown(summary, (t("When"), t("Calendar"), t("Slot")), rows)


def _booking(summary: str) -> Callable[[Mapping[str, Any], Any, Translate, str], Shown]:
    def present(args: Mapping[str, Any], value: Any, t: Translate, lang: str) -> Shown:
        booking = str(value.get("id", ""))
        rows = (Row(booking, (booking, str(value.get("slot_id", "")), str(value.get("for_whom", "")),
                              str(value.get("note", "")))),)
        return Shown(t(summary, id=booking), (t("Booking"), t("Slot"), t("For whom"), t("Note")), rows,
                     prefill={"booking": booking})
    return present


# -- forms -----------------------------------------------------------------------------------------------


def _form(args: Mapping[str, Any], value: Any, t: Translate, lang: str) -> Shown:
    template = value["template"]
    fields = tuple(FormField(f["id"], str(f["label"]), str(f["type"]), bool(f.get("required", True)),
                             tuple(f.get("labels") or f.get("choices", ())),
                             tuple(f.get("choices", ())) if f.get("labels") else ()) for f in template["fields"])
    values = {k: v for k, v in value.get("values", [])}
    form_id = str(template["id"])
    shown = {f.id: f.shown(values.get(f.id, ""), lang) for f in fields}
    rows = tuple(Row(f.id, (f.label + (" *" if f.required else ""), shown[f.id], field_hint(f, t)),
                     ("set", {"form": form_id, "field": f.id, "value": shown[f.id]})) for f in fields)
    summary = t("Form « {title} ». Choose a field (Enter) to fill it in; * required.", title=template.get("title", ""))
    return Shown(summary, (t("Field"), t("Value"), t("Expected")), rows, form=(form_id, fields))


def _stored(args: Mapping[str, Any], value: Any, t: Translate, lang: str) -> Shown:
    stored = _cell(value)
    return Shown(t("Saved: {value}", value=stored or "—"),
                 stored=(str(args.get("form", "")), str(args.get("field", "")), stored))


def _submitted(args: Mapping[str, Any], value: Any, t: Translate, lang: str) -> Shown:
    rows = tuple(Row(str(k), (str(k), _cell(v))) for k, v in value.get("values", []))
    return Shown(t("Form submitted: {title}.", title=value.get("title", "")), (t("Field"), t("Value")), rows)


# -- mail and services -------------------------------------------------------------------------------------


def _sent(args: Mapping[str, Any], value: Any, t: Translate, lang: str) -> Shown:
    rows: tuple[Row, ...] = (Row("to", (t("To"), _cell(value.get("to")))), Row("subject", (t("Subject"), _cell(value.get("subject")))))
    if value.get("attachments"):
        rows += (Row("attachments", (t("Attachments"), ", ".join(str(a) for a in value["attachments"]))),)
    return Shown(t("Message sent to {to}.", to=value.get("to", "")), (t("Field"), t("Value")), rows,
                 reader=tie(_cell(value.get("body"))))


def _inbox(args: Mapping[str, Any], value: Any, t: Translate, lang: str) -> Shown:
    rows = tuple(Row(str(m["id"]), (str(m.get("sender", "")), str(m.get("subject", "")),
                                    shown_date(str(m.get("received_at", "")), lang)),
                     ("read", {"message": str(m["id"])})) for m in value)
    summary = (t("Messages received: {n}. Choose one (Enter) to read it.", n=len(rows)) if rows
               else t("No message received."))
    return Shown(summary, (t("From"), t("Subject"), t("Received on")), rows)


def _message(args: Mapping[str, Any], value: Any, t: Translate, lang: str) -> Shown:
    sender, subject = _cell(value.get("sender")), _cell(value.get("subject"))
    heading = "\n".join((t("From: {sender}", sender=sender), t("Subject: {subject}", subject=tie(subject)),
                         t("Received on: {date}", date=shown_date(_cell(value.get("received_at")), lang))))
    return Shown(t("Message from {sender}. To answer it: {send}, in reply to it.", sender=sender, send=t("Send")),
                 reader=f"{tie(heading)}\n\n{prose(_cell(value.get('body')))}",
                 prefill={"message": str(value.get("id", "")), "in_reply_to": str(value.get("id", ""))})


def _services(args: Mapping[str, Any], value: Any, t: Translate, lang: str) -> Shown:
    rows = tuple(Row(str(s["id"]), (str(s["name"]), str(s.get("extension", "")), str(s.get("handles", "")), str(s["id"])),
                     ("transfer", {"service": str(s["id"])})) for s in value)
    summary = (t("Services: {n}. Choose one (Enter) to transfer the call to it (F6).", n=len(rows)) if rows
               else t("No service found."))
    return Shown(summary, (t("Service"), t("Extension"), t("Handles"), t("Reference")), rows)


def _generic(value: Any, t: Translate) -> Shown:
    if isinstance(value, Mapping):
        return Shown(t("Done."), (t("Field"), t("Value")), tuple(Row(str(k), (str(k), _cell(v))) for k, v in value.items()))
    if isinstance(value, list):
        return Shown(t("Done."), (t("Result"),), tuple(Row(str(i), (_cell(v),)) for i, v in enumerate(value)))
    return Shown(t("Done.") + (f" {_cell(value)}" if value not in (None, "") else ""))


def _cell(value: Any) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(_cell(v) for v in value)
    if isinstance(value, Mapping):
        return "; ".join(f"{k}: {_cell(v)}" for k, v in value.items())
    return "" if value is None else str(value)


_PRESENTERS: dict[tuple[str, str], Callable[[Mapping[str, Any], Any, Translate, str], Shown]] = {
    ("customer_db", "search"): _records, ("customer_db", "open"): _record,
    ("customer_db", "update"): _change, ("customer_db", "set_status"): _change,
    ("documentation", "search"): _articles, ("documentation", "open"): _article,
    ("documentation", "select"): _selected, ("documentation", "unselect"): _unselected,
    ("agenda", "view"): _slots, ("agenda", "book"): _booking(N_("Booked: {id}.")),
    ("agenda", "move"): _booking(N_("Booking {id} moved.")), ("agenda", "cancel"): _booking(N_("Booking {id} cancelled.")),
    ("forms", "open"): _form, ("forms", "set"): _stored, ("forms", "submit"): _submitted,
    ("mail", "inbox"): _inbox, ("mail", "read"): _message,
    ("mail", "send"): _sent, ("directory", "search"): _services,
}
