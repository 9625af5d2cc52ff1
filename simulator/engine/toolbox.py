"""A contact's tools, built from its scenario's resources, and the dispatch of the candidate's tool actions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

from simulator.engine.context import ContactContext, derive_seed
from simulator.engine.personas import make_lookalike, make_persona
from simulator.engine.tools.agenda import Agenda, Availability, Slot
from simulator.engine.tools.customer_db import CustomerDatabase
from simulator.engine.tools.directory import Directory, Service
from simulator.engine.tools.documentation import Article, DocumentationBase
from simulator.engine.tools.errors import STORED, ToolError
from simulator.engine.tools.forms import FieldSpec, Forms, FormTemplate
from simulator.engine.tools.mail import IncomingMessage, Mailbox
from simulator.formatting.workdays import add_workdays
from simulator.i18n import Message, translator, written_out
from simulator.scenario.models import Scenario
from simulator.scenario.models.resources import (
    CustomerDbSpec,
    Resources,
    choice_label,
    choice_value,
)
from simulator.scenario.templating import render

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class ActionRefused(Exception):
    """An action that is not possible now; nothing is recorded and nothing changes.

    ``text`` is a message of the ``engine`` catalog, translated where the refusal is shown.
    """

    def __init__(self, code: str, text: Message) -> None:
        super().__init__(str(text))
        self.code, self.text = code, text

    def message(self, lang: str) -> str:
        """The refusal in ``lang``."""
        return self.text.to(translator("engine", lang))


@dataclass
class Toolbox:
    """The tools of one contact (absent when the scenario has no such resource)."""

    customer_db: CustomerDatabase | None
    documentation: DocumentationBase | None
    directory: Directory | None
    agenda: Agenda | None
    forms: Forms | None
    mail: Mailbox
    availability: tuple[Availability, ...]

    def available(self) -> list[str]:
        """Names of the tools this contact offers."""
        names = ["customer_db", "documentation", "directory", "agenda", "forms"]
        return [n for n in names if getattr(self, n) is not None] + ["mail"]


def build_toolbox(scenario: Scenario, ctx: ContactContext, seed: int, today: dt.date) -> Toolbox:
    """Instantiate every tool of ``scenario`` for this candidate's seed, texts in the candidate's language."""
    res = scenario.resources
    db = (
        _customer_db(scenario, res.customer_db, ctx, seed, today)
        if res.customer_db is not None
        else None
    )
    docs, directory, agenda = (
        _documentation(res, ctx),
        _directory(res, ctx),
        _agenda(res, ctx, today),
    )
    forms = _forms(scenario, ctx)
    inbox = [
        IncomingMessage(
            m.id, ctx.value(m.sender), ctx.text(m.subject), ctx.text(m.body), today.isoformat()
        )
        for m in res.inbox
    ]
    mailbox = Mailbox(inbox, attachable=[a.id for a in res.documentation])
    return Toolbox(db, docs, directory, agenda, forms, mailbox, _availability(scenario, today))


def _documentation(res: Resources, ctx: ContactContext) -> DocumentationBase | None:
    if not res.documentation:
        return None
    return DocumentationBase(
        Article(a.id, a.kind, ctx.text(a.title), tuple(a.keywords), ctx.text(a.body))
        for a in res.documentation
    )


def _directory(res: Resources, ctx: ContactContext) -> Directory | None:
    if not res.services:
        return None
    return Directory(
        Service(s.id, ctx.text(s.name), s.extension, ctx.text(s.handles)) for s in res.services
    )


def _agenda(res: Resources, ctx: ContactContext, today: dt.date) -> Agenda | None:
    """The agenda's slots, their days counted in working days from ``today``."""
    if res.agenda is None:
        return None
    names = {c.id: ctx.text(c.name) for c in res.agenda.calendars}
    return Agenda(
        Slot(
            s.id,
            s.calendar,
            dt.datetime.combine(add_workdays(today, s.day), dt.time.fromisoformat(s.time)),
            s.minutes,
            names.get(s.calendar, s.calendar),
        )
        for s in res.agenda.slots
    )


def _forms(scenario: Scenario, ctx: ContactContext) -> Forms | None:
    """The form templates, labels and choices in the candidate's language (typing kept from scenario/1.1)."""
    if not scenario.resources.forms:
        return None
    templates = (
        FormTemplate(
            f.id,
            ctx.text(f.title),
            tuple(
                FieldSpec(
                    x.id,
                    ctx.text(x.label),
                    x.type,
                    x.required,
                    tuple(choice_value(c) for c in x.choices),
                    tuple(choice_label(c, ctx.lang) for c in x.choices),
                )
                for x in f.fields
            ),
        )
        for f in scenario.resources.forms
    )
    return Forms(templates, keep_typed=scenario.callsim != "scenario/1")


def _availability(scenario: Scenario, today: dt.date) -> tuple[Availability, ...]:
    """When the persona can be reached, dates counted in working days from ``today``."""
    return tuple(
        Availability(
            frozenset(WEEKDAYS.index(d) for d in a.days),
            dt.time.fromisoformat(a.start),
            dt.time.fromisoformat(a.end),
            add_workdays(today, a.from_workday) if a.from_workday else None,
            add_workdays(today, a.until_workday) if a.until_workday is not None else None,
        )
        for a in scenario.persona.availability
    )


def _customer_db(
    scenario: Scenario, spec: CustomerDbSpec, ctx: ContactContext, seed: int, today: dt.date
) -> CustomerDatabase:
    """The customer database around the contact's customer, with the records ``spec`` (the scenario's) describes."""
    overrides: dict[str, str] = {
        field: ctx.value(value) for field, value in spec.target_overrides.items()
    }
    db = CustomerDatabase.build(
        derive_seed(seed, scenario.id, "customer-db"),
        target=ctx.persona,
        target_overrides=overrides,
        lookalikes=spec.lookalikes,
        duplicates=spec.duplicates,
        outdated=spec.outdated,
        background=spec.background,
        today=today,
        match=tuple(spec.lookalike_match),
        extra=tuple(
            _distractor(
                d, ctx, overrides, derive_seed(seed, scenario.id, "distractor", d.id), today
            )
            for d in spec.distractors
        ),
    )
    db.search_notes = spec.search_notes
    if not spec.target_in_db:  # a prospect is not yet a customer
        db.remove_role("target")
    for name in spec.found_by:
        db.file_reference("target", str(ctx.variables["refs"].get(name, "")))
    return db


def _distractor(
    spec: Any, ctx: ContactContext, overrides: dict[str, str], seed: int, today: dt.date
) -> tuple[str, str, tuple[tuple[str, str], ...]]:
    """One record described field by field: (role, status, fields), hashable for the seeded template."""
    persona = ctx.persona
    if spec.like == "stranger":
        base = make_persona(seed, language=persona.language, region=persona.region, today=today)
    else:
        base = make_lookalike(seed, persona, spec.like, today)
    fields = {name: str(value) for name, value in asdict(base).items()}
    target = {**fields, **{name: str(getattr(persona, name)) for name in fields}, **overrides}
    fields.update({name: target.get(name, "") for name in spec.same_as_target})
    fields.update({name: ctx.value(value) for name, value in spec.fields.items()})
    return spec.id, spec.status, tuple(sorted(fields.items()))


def _need(args: dict[str, Any], *names: str) -> list[Any]:
    missing = [n for n in names if n not in args]
    if missing:
        raise ActionRefused(
            "missing-argument", Message("Missing argument: {names}.", names=", ".join(missing))
        )
    return [args[n] for n in names]


def _jsonable(value: Any) -> Any:
    if hasattr(value, "__dataclass_fields__"):
        return {k: _jsonable(v) for k, v in asdict(value).items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, frozenset | set):
        return sorted(_jsonable(v) for v in value)
    return value


def _send_mail(box: Mailbox, args: dict[str, Any]) -> Any:
    draft = box.compose(str(args.get("channel", "mail")), args.get("in_reply_to"))
    draft.to = str(args.get("to", ""))
    draft.subject = str(args.get("subject", ""))
    draft.body = str(args.get("body", ""))
    draft.attachments = tuple(str(a) for a in args.get("attachments", ()))
    try:
        return box.send(draft)
    except ToolError:
        box.discard(draft)
        raise


Operation = Callable[[Any, dict[str, Any]], Any]
OPERATIONS: dict[tuple[str, str], Operation] = {
    ("customer_db", "search"): lambda t, a: t.search(*_need(a, "query")),
    ("customer_db", "open"): lambda t, a: t.open(*_need(a, "record")),
    ("customer_db", "update"): lambda t, a: t.update(
        *_need(a, "record", "field", "value")
    ).to_candidate_dict(),
    ("customer_db", "set_status"): lambda t, a: t.set_status(
        *_need(a, "record", "status")
    ).to_candidate_dict(),
    ("customer_db", "create"): lambda t, a: t.create(*_need(a, "fields")),
    ("documentation", "search"): lambda t, a: t.search(*_need(a, "query")),
    ("documentation", "open"): lambda t, a: t.open(*_need(a, "article")),
    ("documentation", "select"): lambda t, a: t.select(*_need(a, "article")),
    ("documentation", "unselect"): lambda t, a: t.unselect(*_need(a, "article")),
    ("directory", "search"): lambda t, a: t.search(*_need(a, "query")),
    ("directory", "consult"): lambda t, a: t.consult(*_need(a, "service")),
    ("agenda", "view"): lambda t, a: t.free_slots(a.get("calendar")),
    ("agenda", "book"): lambda t, a: t.book(
        *_need(a, "slot"), for_whom=str(a.get("for_whom", "")), note=str(a.get("note", ""))
    ),
    ("agenda", "move"): lambda t, a: t.move(*_need(a, "booking", "slot")),
    ("agenda", "cancel"): lambda t, a: t.cancel(*_need(a, "booking")),
    ("forms", "open"): lambda t, a: t.open(*_need(a, "form")).snapshot(),
    ("forms", "set"): lambda t, a: t.open(_need(a, "form")[0]).set(*_need(a, "field", "value")),
    ("forms", "submit"): lambda t, a: t.submit(*_need(a, "form")),
    ("mail", "inbox"): lambda t, a: [m.to_dict() for m in t.inbox],
    ("mail", "read"): lambda t, a: t.incoming(*_need(a, "message")).to_dict(),
    ("mail", "send"): _send_mail,
}
#: Operations that only read: what they return is all they do, so a replay (which has no screen) skips them.
QUERIES = frozenset(
    {("customer_db", "search"), ("agenda", "view"), ("mail", "inbox"), ("mail", "read")}
)


def run_tool(
    box: Toolbox, tool: str, op: str, args: dict[str, Any], *, results: bool = True
) -> dict[str, Any]:
    """Perform one tool operation: ``{"ok": True, "result": …}`` or ``{"ok": False, "error": …}``.

    A refusal by the tool (an invalid postcode, a slot already taken) is something the candidate
    saw, so it is a result, not an exception. An operation the contact does not offer is refused.
    ``results=False`` (replaying a journal, which already holds what the candidate saw) changes the
    tools exactly as before but leaves the result out (``None``) and skips the :data:`QUERIES`.
    """
    target = getattr(box, tool, None)
    operation = OPERATIONS.get((tool, op))
    if target is None or operation is None:
        raise ActionRefused(
            "tool-unavailable",
            Message("Tool '{tool}' offers no '{op}' for this contact.", tool=tool, op=op),
        )
    if not results and (tool, op) in QUERIES:
        return {"ok": True, "result": None}
    try:
        done = operation(target, dict(args))
        return {"ok": True, "result": _jsonable(done) if results else None}
    except ToolError as exc:
        return {"ok": False, "error": {"code": exc.code, **exc.written()}}
    except (TypeError, ValueError) as exc:
        refused = written_out(
            Message("Value refused: {problem}", problem=str(exc)), "engine", STORED
        )
        return {"ok": False, "error": {"code": "invalid-argument", **refused}}


__all__ = [
    "OPERATIONS",
    "QUERIES",
    "ActionRefused",
    "Toolbox",
    "build_toolbox",
    "render",
    "run_tool",
]
