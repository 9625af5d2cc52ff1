"""Library checks: end-of-contact checks no candidate can pass, and ids used twice in one scenario.

``check-cannot-pass``: a form check expecting a value outside the field's choices, an appointment
check no slot of its calendar can satisfy (inside the customer's availability), an availability
whose day window starts after it ends. Attachment checks are satisfiable (the mail tool attaches
documentation articles; an unknown article is a ``dangling-reference``). ``duplicate-id``: two
replies or two expectations of one node, or two end-of-contact checks, with the same id (their
evidence would be one rule: the second could never be told apart).
"""

from __future__ import annotations

from simulator.i18n import Message
from simulator.scenario.checker.context import FileContext
from simulator.scenario.models import Scenario
from simulator.scenario.models.checks import AppointmentCheck, FormCheck
from simulator.scenario.models.resources import Availability, SlotSpec, choice_value

_WORKDAYS = {"mon", "tue", "wed", "thu", "fri"}


def _minutes(clock: str) -> int:
    hours, minutes = clock.split(":")
    return int(hours) * 60 + int(minutes)


def slot_fits(slot: SlotSpec, window: Availability) -> bool:
    """True when ``slot`` can lie inside ``window`` on some épreuve day (slots fall on working days)."""
    if not _WORKDAYS & set(window.days):
        return False
    if slot.day < window.from_workday or (
        window.until_workday is not None and slot.day > window.until_workday
    ):
        return False
    start = _minutes(slot.time)
    return _minutes(window.start) <= start and start + slot.minutes <= _minutes(window.end)


def check_passable(scenario: Scenario, ctx: FileContext) -> None:
    """Report end-of-contact checks that can never pass and inverted day windows."""
    windows = scenario.persona.availability
    for index, window in enumerate(windows):
        if window.until_workday is not None and window.from_workday > window.until_workday:
            ctx.error(
                ("persona", "availability", index, "until_workday"),
                "check-cannot-pass",
                check=f"persona.availability[{index}]",
                why=Message(
                    "the window starts on working day {start}, after its end ({end})",
                    start=window.from_workday,
                    end=window.until_workday,
                ),
            )
    for index, check in enumerate(scenario.checks):
        where = ("checks", index)
        if isinstance(check, FormCheck):
            _form(scenario, check, where, ctx)
        elif isinstance(check, AppointmentCheck):
            _appointment(scenario, check, where, ctx)


def _form(scenario: Scenario, check: FormCheck, where: tuple, ctx: FileContext) -> None:
    form = next((f for f in scenario.resources.forms if f.id == check.form), None)
    if form is None:
        return
    fields = {f.id: f for f in form.fields}
    for field_id, value in check.fields.items():
        spec = fields.get(field_id)
        if spec is None or spec.type != "choice" or "{" in value:
            continue
        allowed = [choice_value(c) for c in spec.choices]
        if value not in allowed:
            ctx.error(
                (*where, "fields", field_id),
                "check-cannot-pass",
                check=check.id,
                why=Message(
                    "'{value}' is not a choice of field {field} ({allowed})",
                    value=value,
                    field=field_id,
                    allowed=", ".join(allowed),
                ),
            )


def _appointment(
    scenario: Scenario, check: AppointmentCheck, where: tuple, ctx: FileContext
) -> None:
    agenda = scenario.resources.agenda
    if agenda is None:
        return
    calendars = check.calendar_ids
    slots = [
        s
        for s in agenda.slots
        if s.calendar in calendars and (check.slot is None or s.id == check.slot)
    ]
    if check.min_minutes is not None:
        slots = [s for s in slots if s.minutes >= check.min_minutes]
    windows = scenario.persona.availability
    if check.within_availability and windows:
        slots = [s for s in slots if any(slot_fits(s, w) for w in windows)]
    if len(slots) < max(1, check.count):
        key = "slot" if check.slot else ("calendar" if check.calendar is not None else "calendars")
        ctx.error(
            (*where, key),
            "check-cannot-pass",
            check=check.id,
            why=Message("no slot of this calendar falls within the customer's availability"),
        )


def check_unique_ids(scenario: Scenario, ctx: FileContext) -> None:
    """Report two replies, two checks or two expectations sharing an id in one scenario."""
    seen: dict[tuple[str, str], tuple] = {}

    def claim(collection: str, item_id: str | None, where: tuple) -> None:
        if item_id is None:
            return
        first = seen.setdefault((collection, item_id), where)
        if first is not where:
            ctx.error(
                (*where, "id"),
                "duplicate-id",
                id=item_id,
                collection=collection,
                first_line=ctx.smap.value((*first, "id")).line,
            )

    for node_id, node in scenario.nodes.items():
        for index, reply in enumerate(node.replies or ()):
            claim(f"nodes.{node_id}.replies", reply.id, ("nodes", node_id, "replies", index))
        for index, check in enumerate(node.expect):
            claim(f"nodes.{node_id}.expect", check.id, ("nodes", node_id, "expect", index))
        if node.prompt is not None:
            for index, text_check in enumerate(node.prompt.checks):
                claim(
                    f"nodes.{node_id}.prompt.checks",
                    text_check.id,
                    ("nodes", node_id, "prompt", "checks", index),
                )
    for index, check in enumerate(scenario.checks):
        claim("checks", check.id, ("checks", index))
    for index, note_check in enumerate(scenario.wrap_up.note_checks if scenario.wrap_up else ()):
        claim("wrap_up.note_checks", note_check.id, ("wrap_up", "note_checks", index))
