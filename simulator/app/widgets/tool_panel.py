"""One simulated tool as a panel: choose an operation, fill its fields, see the result.

The panel knows only the *shape* of each operation (which arguments it takes); what an
operation does and whether it is right is the engine's business. Choosing a row of a result
copies its identifier into the matching field, so the keyboard flow is search → Enter → act.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, DataTable, Input, Select, TextArea

from simulator.app.i18n import N_
from simulator.engine.actions import UseTool


@dataclass(frozen=True)
class Operation:
    op: str
    label: str  # message id, translated at display time
    args: tuple[str, ...]


#: Operations each tool offers in the panel, in the order a candidate uses them.
TOOL_OPERATIONS: dict[str, tuple[Operation, ...]] = {
    "customer_db": (Operation("search", N_("Search"), ("query",)), Operation("open", N_("Open"), ("record",)),
                    Operation("update", N_("Update a field"), ("record", "field", "value")),
                    Operation("set_status", N_("Set the status"), ("record", "status"))),
    "documentation": (Operation("search", N_("Search"), ("query",)), Operation("open", N_("Open"), ("article",)),
                      Operation("select", N_("Select for sending"), ("article",)),
                      Operation("unselect", N_("Unselect"), ("article",))),
    "agenda": (Operation("view", N_("Free slots"), ("calendar",)), Operation("book", N_("Book"), ("slot", "for_whom", "note")),
               Operation("move", N_("Move"), ("booking", "slot")), Operation("cancel", N_("Cancel"), ("booking",))),
    "forms": (Operation("open", N_("Open the form"), ("form",)), Operation("set", N_("Fill a field"), ("form", "field", "value")),
              Operation("submit", N_("Submit"), ("form",))),
    "mail": (Operation("send", N_("Send"), ("to", "subject", "body", "in_reply_to")),),
    "directory": (Operation("search", N_("Search"), ("query",)),),
}

TOOL_TITLES = {"customer_db": N_("Customers"), "documentation": N_("Documentation"), "agenda": N_("Agenda"),
               "forms": N_("Forms"), "mail": N_("Mail"), "directory": N_("Services")}

ARG_LABELS = {"query": N_("Search"), "record": N_("Record"), "field": N_("Field"), "value": N_("Value"), "status": N_("Status"),
              "article": N_("Article"), "calendar": N_("Calendar"), "slot": N_("Slot"), "for_whom": N_("For whom"), "note": N_("Note"),
              "booking": N_("Booking"), "form": N_("Form"), "to": N_("To"), "subject": N_("Subject"), "body": N_("Message"),
              "in_reply_to": N_("In reply to")}

#: Which result column fills which argument when a row is chosen.
_ROW_TO_ARG = {"record_id": "record", "slot": "slot", "booking": "booking", "form": "form"}
_ID_TO_ARG = {"documentation": "article", "directory": "service", "agenda": "slot", "forms": "form"}
_OPTIONAL = {"calendar", "note", "in_reply_to", "for_whom"}


class ToolPanel(Vertical):
    """Operation picker, argument fields and a result table for one tool."""

    class Run(Message):
        """The candidate asked for an operation; the console performs it through the engine."""

        def __init__(self, action: UseTool) -> None:
            super().__init__()
            self.action = action

    def __init__(self, tool: str, t: Callable[..., str], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.tool, self.t = tool, t
        self.operations = TOOL_OPERATIONS[tool]
        self.args = sorted({a for op in self.operations for a in op.args}, key=_arg_order)

    def compose(self) -> ComposeResult:
        t = self.t
        yield Select([(t(op.label), op.op) for op in self.operations], value=self.operations[0].op,
                     allow_blank=False, id="op", compact=True)
        with Vertical(id="fields"):
            for arg in self.args:
                if arg == "body":
                    yield TextArea(id="arg-body", classes="arg", soft_wrap=True)
                else:
                    yield Input(placeholder=t(ARG_LABELS[arg]), id=f"arg-{arg}", classes="arg", compact=True)
        with Horizontal(id="run-row"):
            yield Button(t("Run"), id="run", variant="primary", compact=True)
        yield DataTable(id="result", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        self._show_fields(self.operations[0].op)

    @on(Select.Changed, "#op")
    def _op_changed(self, event: Select.Changed) -> None:
        self._show_fields(str(event.value))

    def _show_fields(self, op: str) -> None:
        needed = next(o.args for o in self.operations if o.op == op)
        for arg in self.args:
            self.query_one(f"#arg-{arg}").display = arg in needed

    @on(Input.Submitted)
    @on(Button.Pressed, "#run")
    def run(self, event: Message | None = None) -> None:
        op = str(self.query_one("#op", Select).value)
        needed = next(o.args for o in self.operations if o.op == op)
        values = {arg: self._value(arg) for arg in needed}
        args = {k: v for k, v in values.items() if v or k not in _OPTIONAL}
        self.post_message(self.Run(UseTool(tool=self.tool, op=op, args=args)))

    def _value(self, arg: str) -> str:
        widget = self.query_one(f"#arg-{arg}")
        return widget.text if isinstance(widget, TextArea) else widget.value.strip()

    def prefill(self, arg: str, value: str) -> None:
        if arg in self.args:
            widget = self.query_one(f"#arg-{arg}")
            if isinstance(widget, TextArea):
                widget.text = value
            else:
                widget.value = value

    def show_result(self, result: dict[str, Any], lang: str) -> str | None:
        """Fill the table with a tool's answer; returns the error text when the tool refused."""
        table = self.query_one("#result", DataTable)
        table.clear(columns=True)
        if not result.get("ok"):
            return str(result["error"].get(lang) or result["error"].get("en"))
        value = result.get("result")
        rows = value if isinstance(value, list) else [value] if value is not None else []
        if len(rows) == 1 and isinstance(rows[0], dict) and not isinstance(value, list):
            table.add_columns(self.t("Field"), self.t("Value"))
            for key, item in rows[0].items():
                table.add_row(str(key), _cell(item), key=str(key))
            return None
        columns = list(dict.fromkeys(k for row in rows if isinstance(row, dict) for k in row))
        if not columns:
            table.add_column(self.t("Result"))
            for row in rows:
                table.add_row(_cell(row))
            if not rows:
                table.add_row(self.t("No result"))
            return None
        table.add_columns(*columns)
        for index, row in enumerate(rows):
            table.add_row(*(_cell(row.get(c)) for c in columns), key=str(index))
        return None

    @on(DataTable.RowSelected, "#result")
    def _row_chosen(self, event: DataTable.RowSelected) -> None:
        table = event.data_table
        columns = [str(c.label) for c in table.columns.values()]
        row = dict(zip(columns, (str(v) for v in table.get_row(event.row_key)), strict=False))
        if "record_id" in row:
            self.prefill("record", row["record_id"])
        elif "id" in row and self.tool in _ID_TO_ARG:
            self.prefill(_ID_TO_ARG[self.tool], row["id"])
        for column, arg in _ROW_TO_ARG.items():
            if column in row and column != "record_id":
                self.prefill(arg, row[column])
        if len(columns) == 2 and row.get(columns[0]) and self.tool in ("customer_db", "forms"):
            self.prefill("field", row[columns[0]])
            self.prefill("value", row[columns[1]])


def _cell(value: Any) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(_cell(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_cell(v)}" for k, v in value.items())
    return "" if value is None else str(value)


def _arg_order(arg: str) -> int:
    order = list(ARG_LABELS)
    return order.index(arg) if arg in order else len(order)
