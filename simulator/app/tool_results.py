"""How a tool's answer is shown: a table of rows, a one-line summary, and a text to read.

Pure functions from the engine's result (``{"ok": True, "result": …}``) to what a panel draws.
A row may name a follow-up — the operation it leads to and the arguments it fills — so that
the keyboard flow is *search → Enter on a row → Enter*: the candidate still runs every operation.
Each operation has its presenter (``simulator.app.tool_customers``, ``simulator.app.tool_presenters``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from simulator.app.i18n import N_
from simulator.app.tool_customers import show_change, show_record, show_records
from simulator.app.tool_presenters import (
    show_article,
    show_articles,
    show_booking,
    show_form,
    show_inbox,
    show_message,
    show_selected,
    show_sent,
    show_services,
    show_slots,
    show_stored,
    show_submitted,
    show_unselected,
)
from simulator.app.tool_shown import (
    FormField,
    Presenter,
    Row,
    Shown,
    Translate,
    cell,
    field_hint,
)


def show(
    tool: str,
    op: str,
    args: Mapping[str, Any],
    value: Any,
    t: Translate,
    lang: str,
    fields: Mapping[str, FormField] | None = None,
) -> Shown:
    """What to draw for the successful result ``value`` of ``tool.op`` run with ``args``.

    ``fields`` are the fields of a form already opened (by id): their labels name the lines of its
    submission, their types say how a stored value reads (a date, a number).
    """
    presenter = _PRESENTERS.get((tool, op))
    if presenter is None:
        return _generic(value, t)
    shown = presenter(args, value, t, lang)
    if (
        fields
        and (tool, op) == ("forms", "set")
        and shown.stored is not None
        and shown.stored[1] in fields
    ):
        form_id, field_id, stored = shown.stored
        text = fields[field_id].shown(stored, lang)
        return Shown(t("Saved: {value}", value=text or "—"), stored=(form_id, field_id, text))
    if fields and shown.rows and (tool, op) == ("forms", "submit"):
        rows = tuple(
            Row(
                r.key,
                (fields[r.key].label, fields[r.key].shown(r.cells[1], lang))
                if r.key in fields
                else r.cells,
            )
            for r in shown.rows
        )
        shown = Shown(shown.summary, shown.columns, rows)
    return shown


def _generic(value: Any, t: Translate) -> Shown:
    if isinstance(value, Mapping):
        return Shown(
            t("Done."),
            (t("Field"), t("Value")),
            tuple(Row(str(k), (str(k), cell(v))) for k, v in value.items()),
        )
    if isinstance(value, list):
        return Shown(
            t("Done."), (t("Result"),), tuple(Row(str(i), (cell(v),)) for i, v in enumerate(value))
        )
    return Shown(t("Done.") + (f" {cell(value)}" if value not in (None, "") else ""))


_PRESENTERS: dict[tuple[str, str], Presenter] = {
    ("customer_db", "search"): show_records,
    ("customer_db", "open"): show_record,
    ("customer_db", "update"): show_change,
    ("customer_db", "set_status"): show_change,
    ("documentation", "search"): show_articles,
    ("documentation", "open"): show_article,
    ("documentation", "select"): show_selected,
    ("documentation", "unselect"): show_unselected,
    ("agenda", "view"): show_slots,
    ("agenda", "book"): show_booking(N_("Booked: {id}.")),
    ("agenda", "move"): show_booking(N_("Booking {id} moved.")),
    ("agenda", "cancel"): show_booking(N_("Booking {id} cancelled.")),
    ("forms", "open"): show_form,
    ("forms", "set"): show_stored,
    ("forms", "submit"): show_submitted,
    ("mail", "inbox"): show_inbox,
    ("mail", "read"): show_message,
    ("mail", "send"): show_sent,
    ("directory", "search"): show_services,
}


#: What the panel imports from here (the shapes themselves live in ``simulator.app.tool_shown``).
__all__ = ["FormField", "Shown", "field_hint", "show"]
