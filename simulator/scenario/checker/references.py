"""Checks that everything a scenario names exists: articles, services, calendars, slots, forms, records, outcomes."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from simulator.i18n import N_, Message
from simulator.scenario.checker.context import FileContext
from simulator.scenario.models import Scenario
from simulator.scenario.models.checks import (
    AppointmentCheck,
    DocumentOpenedCheck,
    DocumentsSelectedCheck,
    FormCheck,
    MailCheck,
    NoCollateralCheck,
    OutcomeCheck,
    RecordFieldCheck,
    RecordOpenedCheck,
    RecordStatusCheck,
    TransferCheck,
)
from simulator.scenario.yamlsource import Path

_KINDS = {
    "article": (N_("article or script"), "resources.documentation"),
    "service": (N_("service"), "resources.services"),
    "calendar": (N_("calendar"), "resources.agenda.calendars"),
    "slot": (N_("slot"), "resources.agenda.slots"),
    "form": (N_("form"), "resources.forms"),
    "field": (N_("form field"), "resources.forms[].fields"),
    "record": (N_("customer record"), "resources.customer_db"),
    "outcome": (N_("outcome code"), "wrap_up.outcomes"),
}


#: The resource each tool of a node's ``tools`` needs (the mail always exists).
_TOOL_RESOURCES = {
    "customer_db": "resources.customer_db",
    "documentation": "resources.documentation",
    "directory": "resources.services",
    "agenda": "resources.agenda",
    "forms": "resources.forms",
}


def offered_tools(scenario: Scenario) -> set[str]:
    """The tools a contact of ``scenario`` has: one per declared resource, plus the mail."""
    res = scenario.resources
    present = {
        "customer_db": res.customer_db is not None,
        "documentation": bool(res.documentation),
        "directory": bool(res.services),
        "agenda": res.agenda is not None,
        "forms": bool(res.forms),
    }
    return {tool for tool, there in present.items() if there} | {"mail"}


def tool_checks(scenario: Scenario) -> Iterator[tuple[Path, Any]]:
    """Every tool-state check of a scenario (node expectations and end-of-contact checks) with its path."""
    for node_id, node in scenario.nodes.items():
        for index, check in enumerate(node.expect):
            yield ("nodes", node_id, "expect", index), check
    for index, check in enumerate(scenario.checks):
        yield ("checks", index), check


def record_roles(scenario: Scenario) -> set[str]:
    """The record roles a scenario's customer database contains."""
    db = scenario.resources.customer_db
    if db is None:
        return set()
    roles = {"target"} if db.target_in_db else set()
    for kind, count in (
        ("lookalike", db.lookalikes),
        ("duplicate", db.duplicates),
        ("outdated", db.outdated),
    ):
        roles.update(f"{kind}-{i}" for i in range(1, count + 1))
    return roles | {d.id for d in db.distractors}


def check_references(scenario: Scenario, ctx: FileContext) -> None:
    """Report dangling references and duplicate ids in the scenario's resources."""
    _check_unique_ids(scenario, ctx)
    _check_node_tools(scenario, ctx)
    known = _Targets.of(scenario)
    for path, check in tool_checks(scenario):
        _check_target(ctx, path, check, known)


@dataclass(frozen=True)
class _Targets:
    """The ids a scenario's checks may name, by kind."""

    articles: set[str]
    services: set[str]
    forms: dict[str, set[str]]
    calendars: set[str]
    slots: set[str]
    outcomes: set[str]
    roles: set[str]

    @classmethod
    def of(cls, scenario: Scenario) -> _Targets:
        res = scenario.resources
        return cls(
            articles={a.id for a in res.documentation},
            services={s.id for s in res.services},
            forms={f.id: {field.id for field in f.fields} for f in res.forms},
            calendars={c.id for c in res.agenda.calendars} if res.agenda else set(),
            slots={s.id for s in res.agenda.slots} if res.agenda else set(),
            outcomes={o.id for o in scenario.wrap_up.outcomes} if scenario.wrap_up else set(),
            roles=record_roles(scenario),
        )


def _check_unique_ids(scenario: Scenario, ctx: FileContext) -> None:
    """Duplicate ids in the resources and the outcomes, and slots on a calendar that does not exist."""
    res = scenario.resources
    _unique(
        ctx,
        ("resources", "documentation"),
        [a.id for a in res.documentation],
        "resources.documentation",
    )
    _unique(ctx, ("resources", "services"), [s.id for s in res.services], "resources.services")
    _unique(ctx, ("resources", "forms"), [f.id for f in res.forms], "resources.forms")
    _unique(ctx, ("resources", "inbox"), [m.id for m in res.inbox], "resources.inbox")
    for index, form in enumerate(res.forms):  # the form could not even be shown
        _unique(
            ctx,
            ("resources", "forms", index, "fields"),
            [f.id for f in form.fields],
            "resources.forms[].fields",
        )
    if res.agenda:
        calendars = {c.id for c in res.agenda.calendars}
        _unique(
            ctx,
            ("resources", "agenda", "slots"),
            [s.id for s in res.agenda.slots],
            "resources.agenda.slots",
        )
        for index, slot in enumerate(res.agenda.slots):
            _ref(
                ctx,
                ("resources", "agenda", "slots", index, "calendar"),
                "calendar",
                slot.calendar,
                calendars,
            )
    if scenario.wrap_up:
        _unique(
            ctx,
            ("wrap_up", "outcomes"),
            [o.id for o in scenario.wrap_up.outcomes],
            "wrap_up.outcomes",
        )


def _check_node_tools(scenario: Scenario, ctx: FileContext) -> None:
    """A warning for each tool a node lists that the scenario's resources do not offer."""
    offered = offered_tools(scenario)
    for node_id, node in scenario.nodes.items():
        for index, tool in enumerate(node.tools or ()):
            if tool not in offered:
                ctx.warning(
                    ("nodes", node_id, "tools", index),
                    "tool-without-resource",
                    tool=tool,
                    resource=_TOOL_RESOURCES.get(tool, tool),
                )


def _check_target(ctx: FileContext, path: Path, check: Any, known: _Targets) -> None:
    """Every id the tool check at ``path`` names exists among the ``known`` targets."""
    if isinstance(check, DocumentOpenedCheck):
        _ref(ctx, (*path, "article"), "article", check.article, known.articles)
    elif isinstance(check, DocumentsSelectedCheck):
        for i, article in enumerate(check.articles):
            _ref(ctx, (*path, "articles", i), "article", article, known.articles)
    elif isinstance(check, TransferCheck) and check.service is not None:
        _ref(ctx, (*path, "service"), "service", check.service, known.services)
    elif isinstance(check, AppointmentCheck):
        if check.calendar is not None:
            _ref(ctx, (*path, "calendar"), "calendar", check.calendar, known.calendars)
        for index, calendar in enumerate(check.calendars):
            _ref(ctx, (*path, "calendars", index), "calendar", calendar, known.calendars)
        if check.slot is not None:
            _ref(ctx, (*path, "slot"), "slot", check.slot, known.slots)
    elif isinstance(check, FormCheck):
        if _ref(ctx, (*path, "form"), "form", check.form, set(known.forms)):
            for field in check.fields:
                _ref(
                    ctx,
                    (*path, "fields", field),
                    "field",
                    field,
                    known.forms[check.form],
                    on_key=True,
                )
            for field in check.typed:
                _ref(
                    ctx,
                    (*path, "typed", field),
                    "field",
                    field,
                    known.forms[check.form],
                    on_key=True,
                )
    elif isinstance(check, MailCheck):
        for i, article in enumerate(check.attachments):
            _ref(ctx, (*path, "attachments", i), "article", article, known.articles)
    elif isinstance(check, RecordFieldCheck | RecordOpenedCheck | RecordStatusCheck):
        _ref(ctx, (*path, "record"), "record", check.record, known.roles)
    elif isinstance(check, NoCollateralCheck):
        for i, role in enumerate(check.allowed):
            _ref(ctx, (*path, "allowed", i), "record", role, known.roles)
    elif isinstance(check, OutcomeCheck):
        _ref(ctx, (*path, "equals"), "outcome", check.equals, known.outcomes)


def _ref(
    ctx: FileContext, where: Path, kind: str, target: str, known: set[str], *, on_key: bool = False
) -> bool:
    if target in known:
        return True
    label, section = _KINDS[kind]
    listing = ", ".join(sorted(known)) or "—"
    ctx.report(
        where,
        "error",
        "dangling-reference",
        on_key=on_key,
        kind=Message(label),
        target=target,
        advice=Message(
            "Declare it under '{section}' (known: {listing}).", section=section, listing=listing
        ),
    )
    return False


def _unique(ctx: FileContext, where: Path, ids: Sequence[str], collection: str) -> None:
    first: dict[str, int] = {}
    for index, item_id in enumerate(ids):
        if item_id in first:
            line = ctx.smap.value((*where, first[item_id])).line
            ctx.error(
                (*where, index, "id"),
                "duplicate-id",
                id=item_id,
                collection=collection,
                first_line=line,
            )
        else:
            first[item_id] = index
