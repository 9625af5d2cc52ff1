"""One simulated tool as a panel: choose an operation, fill its fields, run it, read the answer.

The keyboard flow is *type → Enter → choose a row → Enter*: choosing a row of a result fills
the next operation's fields (open the record found, change the field chosen, book the slot
chosen…) and puts the cursor where the candidate acts next; the candidate still runs every
operation. The panel knows the shape of each operation, never whether it is right.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, cast

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.suggester import SuggestFromList
from textual.widget import Widget
from textual.widgets import Button, DataTable, Input, Label, Select, SelectionList, Static, TextArea

from simulator.app.i18n import N_
from simulator.app.tool_results import FormField, Shown, field_hint, show
from simulator.app.tool_shapes import (
    ARG_LABELS,
    CHANNEL_LABELS,
    CHOICE_ARGS,
    OPTIONAL_ARGS,
    PLACEHOLDERS,
    RECORD_FIELD_LABELS,
    STATUS_LABELS,
    TOOL_OPERATIONS,
    arg_order,
    editable_record_fields,
)
from simulator.app.widgets.prose import Prose
from simulator.engine.actions import UseTool


class ToolPanel(Vertical):
    """Operation picker, labelled fields, a run button, the answer as a table and a text to read."""

    BINDINGS = [Binding("f5", "run", N_("Run"))]

    class Run(Message):
        """The candidate runs an operation; the console performs it through the engine."""

        def __init__(self, panel: ToolPanel, action: UseTool) -> None:
            super().__init__()
            self.panel, self.action = panel, action

    class ServiceChosen(Message):
        """A service was chosen in the directory: the transfer (F6) will offer it."""

        def __init__(self, service: str, name: str) -> None:
            super().__init__()
            self.service, self.name = service, name

    def __init__(
        self,
        tool: str,
        t: Callable[..., str],
        lang: str,
        *,
        inbox: Sequence[tuple[str, str, str, str]] = (),
        forms: Sequence[tuple[str, str]] = (),
        documents: Sequence[tuple[str, str]] = (),
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.tool, self.t, self.lang = tool, t, lang
        self.inbox, self.forms = tuple(inbox), tuple(forms)
        #: The documentation's articles (id, title) a mail may attach.
        self.documents = tuple(documents)
        if tool == "mail" and not self.documents:
            self.operations = tuple(
                op
                if op.op != "send"
                else type(op)(op.op, op.label, tuple(a for a in op.args if a != "attachments"))
                for op in TOOL_OPERATIONS[tool]
            )
        else:
            self.operations = TOOL_OPERATIONS[tool]
        self.args = sorted({a for op in self.operations for a in op.args}, key=arg_order)
        self.form_fields: dict[str, tuple[FormField, ...]] = {}
        self.shown: Shown | None = None
        self.shown_form: str | None = None
        #: The values each list offers now, in order ("" is the blank first line of an optional list).
        self.choices: dict[str, tuple[str, ...]] = {"op": tuple(op.op for op in self.operations)}

    # -- building ------------------------------------------------------------------------------------

    @property
    def built(self) -> bool:
        return bool(self.children)

    async def build(self) -> None:
        """Mount the panel's fields the first time its tab is shown (hidden tabs cost nothing)."""
        if not self.built:
            await self.mount_all(list(self._parts()))
            self._show_fields(self.operations[0].op)
            self.query_one("#result").display = False
            self.query_one("#reader").display = False

    def _parts(self) -> ComposeResult:
        t = self.t
        yield Horizontal(
            Label(t("Operation"), classes="field-label"),
            Select(
                [(t(op.label), op.op) for op in self.operations],
                value=self.operations[0].op,
                allow_blank=False,
                id="op",
                compact=True,
            ),
            classes="field-row",
        )
        for arg in self.args:
            yield Horizontal(
                Label(t(ARG_LABELS[arg]), classes="field-label"),
                self._field(arg),
                classes="field-row",
                id=f"row-{arg}",
            )
        yield Static("", id="hint")
        yield Horizontal(
            Button(t("Run (Enter)"), id="run", variant="primary", compact=True),
            Static("", id="status"),
            id="run-row",
        )
        yield DataTable(id="result", cursor_type="row", zebra_stripes=True)
        yield VerticalScroll(Prose(id="reader-text"), id="reader")

    def _field(self, arg: str) -> Widget:
        t = self.t
        if arg == "body":
            return TextArea(id="arg-body", classes="arg", soft_wrap=True, compact=True)
        if arg == "attachments":
            self.choices[arg] = tuple(doc_id for doc_id, _title in self.documents)
            return SelectionList[str](
                *((title, doc_id) for doc_id, title in self.documents),
                id="arg-attachments",
                classes="arg",
                compact=True,
            )
        if arg not in CHOICE_ARGS:
            return Input(
                id=f"arg-{arg}",
                classes="arg",
                compact=True,
                placeholder=t(PLACEHOLDERS.get(arg, "")) if arg in PLACEHOLDERS else "",
            )
        options: list[tuple[str, str]] = []
        if arg in ("in_reply_to", "message"):
            options = [
                (f"{sender} — {subject}", mail_id) for mail_id, sender, subject, _body in self.inbox
            ]
            self.choices[arg] = ("", *(value for _label, value in options))
            prompt = t("— a new message —") if arg == "in_reply_to" else t("Choose…")
            return Select(options, id=f"arg-{arg}", classes="arg", compact=True, prompt=prompt)
        if arg == "channel":
            options = [(t(label), channel) for channel, label in CHANNEL_LABELS.items()]
            self.choices[arg] = tuple(CHANNEL_LABELS)
            return Select(
                options,
                id="arg-channel",
                classes="arg",
                compact=True,
                allow_blank=False,
                value="mail",
            )
        if arg == "form":
            options = [(title, form_id) for form_id, title in self.forms]
        elif arg == "status":
            options = [(t(label), status) for status, label in STATUS_LABELS.items()]
        elif arg == "field" and self.tool == "customer_db":
            options = [(t(RECORD_FIELD_LABELS[f]), f) for f in editable_record_fields()]
        self.choices[arg] = ("", *(value for _label, value in options))
        return Select(options, id=f"arg-{arg}", classes="arg", compact=True, prompt=t("Choose…"))

    # -- what the candidate does ------------------------------------------------------------------------

    def _operation(self, op: str) -> Any:
        """The operation ``op`` as this panel offers it (a mail without documentation attaches nothing)."""
        return next(candidate for candidate in self.operations if candidate.op == op)

    @property
    def op(self) -> str:
        return str(self.query_one("#op", Select).value)

    async def focus_first(self) -> None:
        """Put the cursor in the first field of the current operation (the operation itself if none)."""
        await self.build()
        needed = self._operation(self.op).args
        target = next(
            (self._widget(a) for a in needed if a not in CHOICE_ARGS or a == "form"), None
        )
        if target is None and not needed:  # nothing to fill in (the inbox): Enter runs it
            target = self.query_one("#run", Button)
        (target or self.query_one("#op")).focus()

    @on(Select.Changed, "#op")
    def _op_changed(self, event: Select.Changed) -> None:
        self._show_fields(str(event.value))

    def _show_fields(self, op: str) -> None:
        needed = self._operation(op).args
        for arg in self.args:
            self.query_one(f"#row-{arg}").display = arg in needed
        self._show_hint()

    @on(Select.Changed, "#arg-field")
    def _show_hint(self) -> None:
        hint = self.query_one("#hint", Static)
        spec = self._form_field()
        show_it = spec is not None and "field" in self._operation(self.op).args
        hint.update(field_hint(spec, self.t) if spec is not None and show_it else "")
        hint.display = show_it
        value = self.query_one("#arg-value", Input) if "value" in self.args else None
        if value is not None:
            value.suggester = (
                SuggestFromList(spec.choices, case_sensitive=False)
                if spec and spec.choices
                else None
            )

    @on(Select.Changed, "#arg-in_reply_to")
    def _reply_chosen(self, event: Select.Changed) -> None:
        message = next((m for m in self.inbox if m[0] == event.value), None)
        if message is None:
            return
        _id, sender, subject, _body = message
        to, about = self.query_one("#arg-to", Input), self.query_one("#arg-subject", Input)
        to.value = to.value or sender
        about.value = about.value or (
            subject if subject.casefold().startswith("re:") else f"Re: {subject}"
        )

    @on(Input.Submitted, ".arg")
    @on(Button.Pressed, "#run")
    def action_run(self) -> None:
        op = self._operation(self.op)
        values = {arg: self._value(arg) for arg in op.args}
        missing = [
            a for a, v in values.items() if not v and a not in OPTIONAL_ARGS | self._may_be_empty
        ]
        if missing:
            self._status(
                self.t(
                    "Fill in: {fields}.", fields=", ".join(self.t(ARG_LABELS[a]) for a in missing)
                ),
                error=True,
            )
            self._widget(missing[0]).focus()
            return
        args = {k: v for k, v in values.items() if v or k in self._may_be_empty}
        self.post_message(self.Run(self, UseTool(tool=self.tool, op=op.op, args=args)))

    @property
    def _may_be_empty(self) -> set[str]:
        """An empty form value clears the field; an empty search lists every document or service."""
        return {"forms": {"value"}, "documentation": {"query"}, "directory": {"query"}}.get(
            self.tool, set()
        )

    def _value(self, arg: str) -> Any:
        widget = self._widget(arg)
        if isinstance(widget, SelectionList):  # the ticked documents, in the documentation's order
            return [doc for doc in self.choices[arg] if doc in widget.selected]
        if isinstance(widget, TextArea):
            return widget.text.strip()
        if isinstance(widget, Select):
            return "" if widget.value is Select.BLANK else str(widget.value)
        return cast(Input, widget).value.strip()

    def _widget(self, arg: str) -> Widget:
        return self.query_one(f"#arg-{arg}")

    def _form_field(self) -> FormField | None:
        if self.tool != "forms":
            return None
        form, field = self._value("form"), self._value("field")
        return next((f for f in self.form_fields.get(form, ()) if f.id == field), None)

    # -- what the engine answered -----------------------------------------------------------------------

    def show_result(self, action: UseTool, result: dict[str, Any]) -> None:
        """Draw the engine's answer to ``action``; a refusal by the tool is shown as an error line."""
        if not result.get("ok"):
            error = result.get("error", {})
            self._status(
                str(error.get(self.lang) or error.get("fr") or error.get("en") or ""), error=True
            )
            return
        fields = {f.id: f for f in self.form_fields.get(str(action.args.get("form", "")), ())}
        shown = show(
            self.tool, action.op, action.args, result.get("result"), self.t, self.lang, fields
        )
        self._status(shown.summary)
        for arg, value in shown.prefill.items():
            self.prefill(arg, value)
        if shown.stored is not None and self._patch_form(*shown.stored):
            return
        if shown.form is not None:
            self._offer_form(*shown.form)
        self.shown = shown
        self.shown_form = shown.form[0] if shown.form else None
        table = self.query_one("#result", DataTable)
        table.clear(columns=True)
        table.add_columns(*shown.columns)
        for row in shown.rows:
            table.add_row(*row.cells, key=row.key)
        table.display = bool(shown.rows)
        reader = self.query_one("#reader", VerticalScroll)
        self.query_one("#reader-text", Prose).update(shown.reader)
        reader.display = bool(shown.reader)
        reader.scroll_home(animate=False)
        if shown.rows:
            table.focus()
        elif shown.reader:
            reader.focus()

    def _offer_form(self, form_id: str, fields: tuple[FormField, ...]) -> None:
        self.form_fields[form_id] = fields
        self.query_one("#arg-field", Select).set_options([(f.label, f.id) for f in fields])
        self.choices["field"] = ("", *(f.id for f in fields))

    def _patch_form(self, form_id: str, field_id: str, value: str) -> bool:
        """A value stored in the form on show: update its line and go to the next field."""
        if self.shown_form != form_id or self.shown is None:
            return False
        table = self.query_one("#result", DataTable)
        keys = [row.key for row in self.shown.rows]
        if field_id not in keys:
            return False
        table.update_cell(field_id, table.ordered_columns[1].key, value, update_width=True)
        table.move_cursor(row=min(keys.index(field_id) + 1, len(keys) - 1))
        table.focus()
        return True

    @on(DataTable.RowSelected, "#result")
    def _row_chosen(self, event: DataTable.RowSelected) -> None:
        row = next(
            (r for r in (self.shown.rows if self.shown else ()) if r.key == event.row_key.value),
            None,
        )
        if row is None or row.then is None:
            return
        op, args = row.then
        if op == "transfer":
            self.post_message(self.ServiceChosen(args["service"], row.cells[0]))
            self._status(
                self.t("Chosen for the transfer: {name}. Press F6 to transfer.", name=row.cells[0])
            )
            return
        self.query_one("#op", Select).value = op
        self._show_fields(op)
        for arg, value in args.items():
            self.prefill(arg, value)
        self._show_hint()
        if "value" in args:
            self._widget("value").focus()
        elif "status" in args:
            self._widget("status").focus()
        else:
            self.query_one("#run", Button).focus()

    def prefill(self, arg: str, value: str) -> None:
        """Fill one field (a choice not on offer is left as it is)."""
        if arg not in self.args:
            return
        widget = self._widget(arg)
        if isinstance(widget, TextArea):
            widget.text = value
        elif isinstance(widget, Select):
            if value and value in self.choices.get(arg, ()):
                widget.value = value
        else:
            field = cast(Input, widget)
            field.value = value
            field.cursor_position = len(value)

    def _status(self, text: str, *, error: bool = False) -> None:
        status = self.query_one("#status", Static)
        status.update(text)
        status.set_class(error, "-error")
