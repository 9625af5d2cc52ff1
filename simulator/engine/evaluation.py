"""Judge typed text and final tool state against a scenario's checks; each judgement becomes evidence."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from simulator.engine.context import ContactContext
from simulator.engine.textcheck import (
    DateValue,
    TextCheckResult,
    check_text,
    requirement_from,
)
from simulator.engine.toolbox import Toolbox
from simulator.engine.tools.agenda import fits
from simulator.formatting.text import normalise
from simulator.scenario.models import (
    AmountRequirement,
    AnyOf,
    ConceptRequirement,
    DateRequirement,
    TextCheck,
    TimeRequirement,
)
from simulator.scenario.models import checks as m


@dataclass
class ContactFacts:
    """What the candidate did that tools do not record themselves."""

    opened_records: list[str] = field(default_factory=list)
    transferred_to: str | None = None
    outcome: str | None = None
    note: str = ""


@dataclass(frozen=True)
class Judgement:
    """The outcome of one check: passed or not, and why (FR/EN); ``unsure``: ``ok`` is only the
    machine's best guess, for an assessor to confirm."""

    ok: bool
    detail: dict[str, str]
    unsure: bool = False
    #: The text failed on its tone (insult, threat, refusal, blame, « tu »): a critical failure.
    grave: bool = False


def _detail(fr: str, en: str) -> dict[str, str]:
    return {"fr": fr, "en": en}


OK = Judgement(True, {})
#: A typed answer whose tone fails is also a critical failure of handling the complaint (inbound)
#: or of closing the conversation (outbound).
#: What an insult, a threat, a refusal to help or « tu » typed to the other party fails, by direction:
#: handling the caller (01.04) and ending the contact properly (01.10 inbound, 02.08 outbound). A
#: mail's own check fails 03.05.
TONE_COMPETENCIES: dict[str, tuple[str, ...]] = {"inbound": ("01.04", "01.10"), "outbound": ("02.08",)}
TONE_EXPLANATION = {"fr": "Le texte adressé à l'interlocuteur est inacceptable (ton).",
                    "en": "The text addressed to the other party is unacceptable (tone).",
                    "nl": "De tekst aan de gesprekspartner is onaanvaardbaar (toon)."}


def requirements(items: Sequence[Any], ctx: ContactContext) -> list[Any]:
    """Scenario requirements with their variables filled in, as textcheck requirements."""
    result = []
    for item in items:
        if isinstance(item, str):
            result.append(requirement_from(ctx.value(item)))
        elif isinstance(item, AnyOf):
            result.append(requirement_from({"any_of": [ctx.value(x) for x in item.any_of]}))
        elif isinstance(item, DateRequirement):
            result.append(DateValue(ctx.value(item.date), item.relative))
        elif isinstance(item, AmountRequirement):
            result.append(requirement_from({"amount": ctx.value(item.amount)}))
        elif isinstance(item, ConceptRequirement):
            result.append(requirement_from({"concept": item.concept}))
        elif isinstance(item, TimeRequirement):
            result.append(requirement_from({"time": ctx.value(item.time)}))
    return result


def _today(ctx: ContactContext) -> date | None:
    today = ctx.variables.get("today")
    return date.fromisoformat(today) if isinstance(today, str) else None


def check_typed(text: str, requires: Sequence[Any], forbids: Sequence[str], must_not_say: Sequence[Any],
                ctx: ContactContext, *, sentence: bool = False) -> TextCheckResult:
    """The understanding module's judgement of one typed text, with the scenario's values filled in."""
    banned = [ctx.value(f) for f in forbids] + requirements(must_not_say, ctx)
    return check_text(text, requirements(requires, ctx), banned, ctx.lang, today=_today(ctx), sentence=sentence)


def judge_text(check: TextCheck, text: str, ctx: ContactContext) -> Judgement:
    """Does ``text`` state everything ``check`` requires, and nothing it must not say, in a fit tone?"""
    result = check_typed(text, check.requires, check.forbids, check.must_not_say, ctx, sentence=check.sentence)
    if result.ok:
        return OK
    return text_judgement(result)


def text_judgement(result: TextCheckResult) -> Judgement:
    """A failed or unsure text judgement, with why in French and English."""
    parts_fr, parts_en = [], []
    if result.missing:
        parts_fr.append("manque : " + ", ".join(result.missing))
        parts_en.append("missing: " + ", ".join(result.missing))
    if result.forbidden_found:
        parts_fr.append("contient : " + ", ".join(result.forbidden_found))
        parts_en.append("contains: " + ", ".join(result.forbidden_found))
    if result.tone:
        parts_fr.append("ton inacceptable : " + ", ".join(result.tone))
        parts_en.append("unacceptable tone: " + ", ".join(result.tone))
    if result.not_a_sentence:
        parts_fr.append("une simple liste de valeurs, pas une phrase")
        parts_en.append("a bare list of values, not a sentence")
    if result.unsure:
        from simulator.engine.understanding.verdict import describe_doubt

        parts_fr.append("à confirmer : " + "; ".join(describe_doubt(u, "fr") for u in result.unsure))
        parts_en.append("to confirm: " + "; ".join(describe_doubt(u, "en") for u in result.unsure))
        return Judgement(result.guess, _detail("; ".join(parts_fr), "; ".join(parts_en)), unsure=True)
    return Judgement(False, _detail("; ".join(parts_fr), "; ".join(parts_en)), grave=bool(result.tone))


def _same(a: str, b: str) -> bool:
    return normalise(a) == normalise(b)


def judge_tool(check: Any, box: Toolbox, facts: ContactFacts, ctx: ContactContext) -> Judgement:
    """Judge one tool-state check against the contact's tools as they are now."""
    judge = _JUDGES[type(check)]
    judgement: Judgement = judge(check, box, facts, ctx)
    return judgement


def _record_field(check: m.RecordFieldCheck, box: Toolbox, facts: ContactFacts, ctx: ContactContext) -> Judgement:
    record = _record(box, check.record)
    if record is None:
        return Judgement(False, _detail("fiche introuvable", "record not found"))
    expected, actual = ctx.value(check.equals), str(getattr(record, check.field, ""))
    if _same(actual, expected):
        return OK
    return Judgement(False, _detail(f"{check.field} = « {actual} », attendu « {expected} »",
                                    f"{check.field} = '{actual}', expected '{expected}'"))


def _record_opened(check: m.RecordOpenedCheck, box: Toolbox, facts: ContactFacts, ctx: ContactContext) -> Judgement:
    record = _record(box, check.record)
    if record is not None and record.record_id in facts.opened_records:
        return OK
    return Judgement(False, _detail("la bonne fiche n'a pas été ouverte", "the right record was not opened"))


def _record_status(check: m.RecordStatusCheck, box: Toolbox, facts: ContactFacts, ctx: ContactContext) -> Judgement:
    record = _record(box, check.record)
    if record is not None and record.status == check.status:
        return OK
    found = record.status if record is not None else "—"
    return Judgement(False, _detail(f"statut « {found} », attendu « {check.status} »", f"status '{found}', expected '{check.status}'"))


def _record_created(check: m.RecordCreatedCheck, box: Toolbox, facts: ContactFacts, ctx: ContactContext) -> Judgement:
    db = box.customer_db
    new = [r for r in db.records() if db.role_of(r.record_id).startswith("new-")] if db else []
    for record in new:
        if all(_same(str(getattr(record, f, "")), ctx.value(v)) for f, v in check.fields.items()):
            return OK
    why = "aucune nouvelle fiche" if not new else "la nouvelle fiche ne correspond pas"
    return Judgement(False, _detail(why, "no new record" if not new else "the new record does not match"))


def _no_collateral(check: m.NoCollateralCheck, box: Toolbox, facts: ContactFacts, ctx: ContactContext) -> Judgement:
    changed = box.customer_db.collateral_changes(set(check.allowed)) if box.customer_db else []
    if not changed:
        return OK
    ids = ", ".join(sorted({c.record_id for c in changed}))
    return Judgement(False, _detail(f"fiches modifiées à tort : {ids}", f"records wrongly changed: {ids}"))


def _document_opened(check: m.DocumentOpenedCheck, box: Toolbox, facts: ContactFacts, ctx: ContactContext) -> Judgement:
    if box.documentation is not None and check.article in box.documentation.opened:
        return OK
    return Judgement(False, _detail(f"« {check.article} » n'a pas été ouvert", f"'{check.article}' was not opened"))


def _documents_selected(check: m.DocumentsSelectedCheck, box: Toolbox, facts: ContactFacts, ctx: ContactContext) -> Judgement:
    chosen = set(box.documentation.selected) if box.documentation else set()
    wanted = set(check.articles)
    if chosen == wanted or (not check.exact and wanted <= chosen):
        return OK
    return Judgement(False, _detail(f"sélection : {', '.join(sorted(chosen)) or '—'}", f"selection: {', '.join(sorted(chosen)) or '—'}"))


def _appointment(check: m.AppointmentCheck, box: Toolbox, facts: ContactFacts, ctx: ContactContext) -> Judgement:
    agenda = box.agenda
    calendars = check.calendar_ids
    booked = [agenda.slot(b.slot_id) for b in agenda.bookings] if agenda else []
    bookings = [slot for slot in booked if slot.calendar in calendars]
    if len(bookings) != check.count:
        return Judgement(False, _detail(f"{len(bookings)} rendez-vous dans l'agenda ({check.count} attendu{'s' if check.count > 1 else ''})",
                                        f"{len(bookings)} appointments in the calendar ({check.count} expected)"))
    for slot in bookings:
        if check.slot is not None and slot.id != check.slot:
            return Judgement(False, _detail(f"créneau {slot.id}, attendu {check.slot}", f"slot {slot.id}, expected {check.slot}"))
        if check.min_minutes is not None and slot.minutes < check.min_minutes:
            return Judgement(False, _detail(f"créneau {slot.id} de {slot.minutes} min (au moins {check.min_minutes} attendues)",
                                            f"slot {slot.id} lasts {slot.minutes} min (at least {check.min_minutes} expected)"))
        if check.within_availability and box.availability and not fits(slot, box.availability):
            when = slot.start.strftime("%Y-%m-%d %H:%M")
            return Judgement(False, _detail(f"le {when} n'est pas dans les disponibilités du client", f"{when} is outside the customer's availability"))
    return OK


def _transferred(check: m.TransferCheck, box: Toolbox, facts: ContactFacts, ctx: ContactContext) -> Judgement:
    if facts.transferred_to == check.service:
        return OK
    done = facts.transferred_to or "—"
    return Judgement(False, _detail(f"transfert : {done}, attendu : {check.service or 'aucun'}", f"transfer: {done}, expected: {check.service or 'none'}"))


def _form(check: m.FormCheck, box: Toolbox, facts: ContactFacts, ctx: ContactContext) -> Judgement:
    sent = [f for f in box.forms.submitted if f.template_id == check.form] if box.forms else []
    if not sent:
        return Judgement(False, _detail("formulaire non envoyé", "form not submitted"))
    form = sent[-1]
    wrong = [f for f, v in check.fields.items() if not _same(form.get(f) or "", ctx.value(v))]
    wrong += [f for f, v in check.typed.items() if not _same(form.get_typed(f) or "", ctx.value(v))]
    if wrong:
        return Judgement(False, _detail(f"champs incorrects : {', '.join(wrong)}", f"wrong fields: {', '.join(wrong)}"))
    return OK


def _mail(check: m.MailCheck, box: Toolbox, facts: ContactFacts, ctx: ContactContext) -> Judgement:
    expected_to = ctx.value(check.to)
    candidates = [x for x in box.mail.sent if x.channel == check.channel]
    if not candidates:
        return Judgement(False, _detail("aucun message envoyé", "no message sent"))
    best = Judgement(False, _detail(f"aucun message à {expected_to}", f"no message to {expected_to}"))
    for message in reversed(candidates):
        if _address(message.to) != _address(expected_to):
            continue
        subject = check_typed(message.subject, check.subject_requires, (), (), ctx)
        body = check_typed(message.body, check.body_requires, check.body_forbids, check.body_must_not_say, ctx,
                           sentence=check.body_sentence)
        missing_att = [a for a in check.attachments if a not in message.attachments]
        if subject.ok and body.ok and not missing_att:
            return OK
        if body.unsure and subject.ok and not missing_att:
            return text_judgement(body)
        gaps = [*subject.missing, *body.missing, *body.forbidden_found, *body.tone, *(label for _kind, label in (*subject.unsure, *body.unsure)), *missing_att]
        if body.not_a_sentence:
            gaps.append("liste de valeurs")
        best = Judgement(False, _detail("message incomplet : " + ", ".join(gaps), "incomplete message: " + ", ".join(gaps)),
                         grave=bool(body.tone))
    return best


def _address(value: str) -> str:
    cleaned = value.strip().lower()
    digits = "".join(ch for ch in cleaned if ch.isdigit())
    return cleaned if "@" in cleaned else digits.removeprefix("32").lstrip("0")


def _outcome(check: m.OutcomeCheck, box: Toolbox, facts: ContactFacts, ctx: ContactContext) -> Judgement:
    if facts.outcome == check.equals:
        return OK
    return Judgement(False, _detail(f"code « {facts.outcome or '—'} », attendu « {check.equals} »", f"code '{facts.outcome or '—'}', expected '{check.equals}'"))


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
