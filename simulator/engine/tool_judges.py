"""Judge the final state of a contact's tools against a scenario's tool checks (records, documents,
agenda, transfer, form, mail, outcome code); each judgement becomes evidence.

The why of a failed check is kept in the journal as ``{"fr": …, "en": …}`` (``failed``): catalog
messages (domain ``engine``) whose French and English are the words journals already hold.
"""

from __future__ import annotations

from typing import Any

from simulator.engine.context import ContactContext
from simulator.engine.evaluation import (
    OK,
    ContactFacts,
    Judgement,
    check_typed,
    failed,
    text_judgement,
)
from simulator.engine.toolbox import Toolbox
from simulator.engine.tools.agenda import fits
from simulator.formatting.text import normalise
from simulator.i18n import STORED_LANGS, Message, translator
from simulator.scenario.models import checks as m

#: What a mail's gaps name when its body is a bare list of values: a label among the scenario's own
#: labels, kept as journals hold it in every language so that a replay gives the same evidence.
_BARE_LIST = "liste de valeurs"


def judge_tool(check: Any, box: Toolbox, facts: ContactFacts, ctx: ContactContext) -> Judgement:
    """Judge one tool-state check against the contact's tools as they are now."""
    judge = _JUDGES[type(check)]
    judgement: Judgement = judge(check, box, facts, ctx)
    return judgement


def _same(a: str, b: str) -> bool:
    return normalise(a) == normalise(b)


def _record_field(
    check: m.RecordFieldCheck, box: Toolbox, facts: ContactFacts, ctx: ContactContext
) -> Judgement:
    record = _record(box, check.record)
    if record is None:
        return failed(Message("record not found"))
    expected, actual = ctx.value(check.equals), str(getattr(record, check.field, ""))
    if _same(actual, expected):
        return OK
    return failed(
        Message(
            "{field} = '{actual}', expected '{expected}'",
            field=check.field,
            actual=actual,
            expected=expected,
        )
    )


def _record_opened(
    check: m.RecordOpenedCheck, box: Toolbox, facts: ContactFacts, ctx: ContactContext
) -> Judgement:
    record = _record(box, check.record)
    if record is not None and record.record_id in facts.opened_records:
        return OK
    return failed(Message("the right record was not opened"))


def _record_status(
    check: m.RecordStatusCheck, box: Toolbox, facts: ContactFacts, ctx: ContactContext
) -> Judgement:
    record = _record(box, check.record)
    if record is not None and record.status == check.status:
        return OK
    found = record.status if record is not None else "—"
    return failed(
        Message("status '{found}', expected '{status}'", found=found, status=check.status)
    )


def _record_created(
    check: m.RecordCreatedCheck, box: Toolbox, facts: ContactFacts, ctx: ContactContext
) -> Judgement:
    db = box.customer_db
    new = [r for r in db.records() if db.role_of(r.record_id).startswith("new-")] if db else []
    for record in new:
        if all(_same(str(getattr(record, f, "")), ctx.value(v)) for f, v in check.fields.items()):
            return OK
    return failed(Message("no new record") if not new else Message("the new record does not match"))


def _no_collateral(
    check: m.NoCollateralCheck, box: Toolbox, facts: ContactFacts, ctx: ContactContext
) -> Judgement:
    changed = box.customer_db.collateral_changes(set(check.allowed)) if box.customer_db else []
    if not changed:
        return OK
    ids = ", ".join(sorted({c.record_id for c in changed}))
    return failed(Message("records wrongly changed: {ids}", ids=ids))


def _document_opened(
    check: m.DocumentOpenedCheck, box: Toolbox, facts: ContactFacts, ctx: ContactContext
) -> Judgement:
    if box.documentation is not None and check.article in box.documentation.opened:
        return OK
    return failed(Message("'{article}' was not opened", article=check.article))


def _documents_selected(
    check: m.DocumentsSelectedCheck, box: Toolbox, facts: ContactFacts, ctx: ContactContext
) -> Judgement:
    chosen = set(box.documentation.selected) if box.documentation else set()
    wanted = set(check.articles)
    if chosen == wanted or (not check.exact and wanted <= chosen):
        return OK
    return failed(Message("selection: {articles}", articles=", ".join(sorted(chosen)) or "—"))


def _appointment(
    check: m.AppointmentCheck, box: Toolbox, facts: ContactFacts, ctx: ContactContext
) -> Judgement:
    agenda = box.agenda
    calendars = check.calendar_ids
    booked = [agenda.slot(b.slot_id) for b in agenda.bookings] if agenda else []
    bookings = [slot for slot in booked if slot.calendar in calendars]
    if len(bookings) != check.count:
        return Judgement(False, _appointments_found(len(bookings), check.count))
    for slot in bookings:
        if check.slot is not None and slot.id != check.slot:
            return failed(
                Message("slot {slot}, expected {expected}", slot=slot.id, expected=check.slot)
            )
        if check.min_minutes is not None and slot.minutes < check.min_minutes:
            return failed(
                Message(
                    "slot {slot} lasts {minutes} min (at least {expected} expected)",
                    slot=slot.id,
                    minutes=slot.minutes,
                    expected=check.min_minutes,
                )
            )
        if check.within_availability and box.availability and not fits(slot, box.availability):
            when = slot.start.strftime("%Y-%m-%d %H:%M")
            return failed(Message("{when} is outside the customer's availability", when=when))
    return OK


def _appointments_found(found: int, expected: int) -> dict[str, str]:
    """How many appointments the calendar holds against how many were expected, as journals keep it
    (the English noun stays plural whatever the count, as it always was written)."""
    return {
        lang: translator("engine", lang).n(
            "{found} appointments in the calendar ({n} expected)",
            "{found} appointments in the calendar ({n} expected)",
            expected,
            found=found,
        )
        for lang in STORED_LANGS
    }


def _transferred(
    check: m.TransferCheck, box: Toolbox, facts: ContactFacts, ctx: ContactContext
) -> Judgement:
    if facts.transferred_to == check.service:
        return OK
    done = facts.transferred_to or "—"
    if check.service:
        return failed(
            Message("transfer: {done}, expected: {service}", done=done, service=check.service)
        )
    return failed(Message("transfer: {done}, expected: none", done=done))


def _form(check: m.FormCheck, box: Toolbox, facts: ContactFacts, ctx: ContactContext) -> Judgement:
    sent = [f for f in box.forms.submitted if f.template_id == check.form] if box.forms else []
    if not sent:
        return failed(Message("form not submitted"))
    form = sent[-1]
    wrong = [f for f, v in check.fields.items() if not _same(form.get(f) or "", ctx.value(v))]
    wrong += [f for f, v in check.typed.items() if not _same(form.get_typed(f) or "", ctx.value(v))]
    if wrong:
        return failed(Message("wrong fields: {fields}", fields=", ".join(wrong)))
    return OK


def _mail(check: m.MailCheck, box: Toolbox, facts: ContactFacts, ctx: ContactContext) -> Judgement:
    expected_to = ctx.value(check.to)
    candidates = [x for x in box.mail.sent if x.channel == check.channel]
    if not candidates:
        return failed(Message("no message sent"))
    best = failed(Message("no message to {address}", address=expected_to))
    for message in reversed(candidates):
        if _address(message.to) != _address(expected_to):
            continue
        subject = check_typed(message.subject, check.subject_requires, (), (), ctx)
        body = check_typed(
            message.body,
            check.body_requires,
            check.body_forbids,
            check.body_must_not_say,
            ctx,
            sentence=check.body_sentence,
        )
        missing_att = [a for a in check.attachments if a not in message.attachments]
        if subject.ok and body.ok and not missing_att:
            return OK
        if body.unsure and subject.ok and not missing_att:
            return text_judgement(body)
        gaps = [
            *subject.missing,
            *body.missing,
            *body.forbidden_found,
            *body.tone,
            *(label for _kind, label in (*subject.unsure, *body.unsure)),
            *missing_att,
        ]
        if body.not_a_sentence:
            gaps.append(_BARE_LIST)
        best = failed(
            Message("incomplete message: {gaps}", gaps=", ".join(gaps)), grave=bool(body.tone)
        )
    return best


def _address(value: str) -> str:
    cleaned = value.strip().lower()
    digits = "".join(ch for ch in cleaned if ch.isdigit())
    return cleaned if "@" in cleaned else digits.removeprefix("32").lstrip("0")


def _outcome(
    check: m.OutcomeCheck, box: Toolbox, facts: ContactFacts, ctx: ContactContext
) -> Judgement:
    if facts.outcome == check.equals:
        return OK
    return failed(
        Message(
            "code '{found}', expected '{expected}'",
            found=facts.outcome or "—",
            expected=check.equals,
        )
    )


def _record(box: Toolbox, role: str) -> Any:
    if box.customer_db is None:
        return None
    try:
        return box.customer_db.record_by_role(role)
    except KeyError:
        return None


_JUDGES: dict[type, Any] = {
    m.RecordFieldCheck: _record_field,
    m.RecordOpenedCheck: _record_opened,
    m.RecordStatusCheck: _record_status,
    m.RecordCreatedCheck: _record_created,
    m.NoCollateralCheck: _no_collateral,
    m.DocumentOpenedCheck: _document_opened,
    m.DocumentsSelectedCheck: _documents_selected,
    m.AppointmentCheck: _appointment,
    m.TransferCheck: _transferred,
    m.FormCheck: _form,
    m.MailCheck: _mail,
    m.OutcomeCheck: _outcome,
}
