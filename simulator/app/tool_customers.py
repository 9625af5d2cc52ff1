"""How the customer database's answers are shown: the records found, one record, a change saved."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from simulator.app.tool_shapes import RECORD_FIELD_LABELS, STATUS_LABELS, editable_record_fields
from simulator.app.tool_shown import Row, Shown, Translate, cell
from simulator.app.typography import prose
from simulator.formatting.display import shown_date


def _status(value: str, t: Translate) -> str:
    return t(STATUS_LABELS[value]) if value in STATUS_LABELS else value


def show_records(args: Mapping[str, Any], value: Any, t: Translate, lang: str) -> Shown:
    rows = tuple(
        Row(
            str(r["record_id"]),
            (
                str(r["record_id"]),
                " ".join(
                    p
                    for p in (r.get("title", ""), r.get("first_name", ""), r.get("last_name", ""))
                    if p
                ),
                _address(r),
                f"{r.get('postcode', '')} {r.get('city', '')}".strip(),
                str(r.get("customer_id", "")),
                shown_date(str(r.get("birth_date", "")), lang),
                _status(str(r.get("status", "")), t),
            ),
            ("open", {"record": str(r["record_id"])}),
        )
        for r in value
    )
    columns = (
        t("Record"),
        t("Name"),
        t("Address"),
        t("Town"),
        t("Customer number"),
        t("Date of birth"),
        t("Status"),
    )
    summary = (
        t("Records found: {n}. Choose one (Enter) to open it.", n=len(rows))
        if rows
        else t("No record found.")
    )
    return Shown(summary, columns, rows)


def _address(record: Mapping[str, Any]) -> str:
    box = f" {record['box']}" if record.get("box") else ""
    return f"{record.get('street', '')} {record.get('number', '')}{box}".strip()


def show_record(args: Mapping[str, Any], value: Any, t: Translate, lang: str) -> Shown:
    record_id = str(value.get("record_id", ""))
    editable = set(editable_record_fields())
    rows = []
    for key, item in value.items():
        text = _status(str(item), t) if key == "status" else _record_cell(key, item, lang)
        then = None
        if key in editable:
            then = (
                "update",
                {"record": record_id, "field": key, "value": _record_cell(key, item, lang)},
            )
        elif key == "status":
            then = ("set_status", {"record": record_id, "status": cell(item)})
        rows.append(Row(key, (t(RECORD_FIELD_LABELS.get(key, key)), text), then))
    summary = t("Record {id}. Choose a line (Enter) to change it.", id=record_id)
    return Shown(
        summary, (t("Field"), t("Value")), tuple(rows), reader=prose(cell(value.get("notes", "")))
    )


def show_change(args: Mapping[str, Any], value: Any, t: Translate, lang: str) -> Shown:
    key = str(value.get("field", ""))
    label = t(RECORD_FIELD_LABELS.get(key, key))
    before, after = (
        _status(str(value.get(k, "")), t)
        if key == "status"
        else _record_cell(key, value.get(k), lang)
        for k in ("before", "after")
    )
    row = Row(
        key,
        (label, before, after),
        ("update", {"record": str(value.get("record_id", "")), "field": key, "value": after})
        if key != "status"
        else None,
    )
    return Shown(
        t("Record {id} saved.", id=value.get("record_id", "")),
        (t("Field"), t("Before"), t("After")),
        (row,),
    )


def _record_cell(key: str, value: Any, lang: str) -> str:
    """A record's value as the candidate reads it: its dates day first (06/12/2026)."""
    return shown_date(cell(value), lang) if key in _RECORD_DATES else cell(value)


_RECORD_DATES = frozenset({"birth_date", "updated_on"})
