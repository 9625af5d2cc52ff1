"""Tool actions that satisfy a scenario's checks, as a competent agent would perform them."""

from __future__ import annotations

from typing import Any

from simulator.engine.actions import UseTool
from simulator.engine.contact import ContactRuntime
from simulator.engine.tools.agenda import fits
from simulator.policies.synthetic import CONFIRMING, passing_requirements
from simulator.scenario.models import checks as m


def satisfying_actions(check: Any, contact: ContactRuntime) -> list[UseTool]:
    """The tool actions after which ``check`` passes (empty when none are needed or possible)."""
    handler = _HANDLERS.get(type(check))
    return handler(check, contact) if handler else []


def _record_id(contact: ContactRuntime, role: str) -> str | None:
    db = contact.box.customer_db
    if db is None:
        return None
    try:
        return db.record_by_role(role).record_id
    except KeyError:
        return None


def _find_then(contact: ContactRuntime, role: str, *then: UseTool) -> list[UseTool]:
    db, record = contact.box.customer_db, _record_id(contact, role)
    if db is None or record is None:
        return []
    query = db.open(record).last_name
    return [
        UseTool(tool="customer_db", op="search", args={"query": query}),
        UseTool(tool="customer_db", op="open", args={"record": record}),
        *then,
    ]


def _record_field(check: m.RecordFieldCheck, contact: ContactRuntime) -> list[UseTool]:
    record = _record_id(contact, check.record)
    if record is None:
        return []
    value = contact.ctx.value(check.equals)
    return _find_then(
        contact,
        check.record,
        UseTool(
            tool="customer_db",
            op="update",
            args={"record": record, "field": check.field, "value": value},
        ),
    )


def _record_opened(check: m.RecordOpenedCheck, contact: ContactRuntime) -> list[UseTool]:
    return _find_then(contact, check.record)


def _record_status(check: m.RecordStatusCheck, contact: ContactRuntime) -> list[UseTool]:
    record = _record_id(contact, check.record)
    if record is None:
        return []
    return _find_then(
        contact,
        check.record,
        UseTool(
            tool="customer_db", op="set_status", args={"record": record, "status": check.status}
        ),
    )


def _record_created(check: m.RecordCreatedCheck, contact: ContactRuntime) -> list[UseTool]:
    fields = {f: contact.ctx.value(v) for f, v in check.fields.items()}
    persona = contact.ctx.persona
    for name in ("first_name", "last_name", "postcode", "city"):
        fields.setdefault(name, getattr(persona, name))
    return [UseTool(tool="customer_db", op="create", args={"fields": fields})]


def _document_opened(check: m.DocumentOpenedCheck, contact: ContactRuntime) -> list[UseTool]:
    docs = contact.box.documentation
    if docs is None:
        return []
    title = docs.get(check.article).title
    return [
        UseTool(
            tool="documentation", op="search", args={"query": title.split("—")[-1].strip()[:40]}
        ),
        UseTool(tool="documentation", op="open", args={"article": check.article}),
    ]


def _documents_selected(check: m.DocumentsSelectedCheck, contact: ContactRuntime) -> list[UseTool]:
    return [UseTool(tool="documentation", op="select", args={"article": a}) for a in check.articles]


def _appointment(check: m.AppointmentCheck, contact: ContactRuntime) -> list[UseTool]:
    agenda = contact.box.agenda
    if agenda is None:
        return []
    actions: list[UseTool] = []
    for calendar in check.calendar_ids:
        for slot in agenda.free_slots(calendar):
            if len(actions) // 2 >= check.count:
                return actions
            if check.slot is not None and slot.id != check.slot:
                continue
            if check.min_minutes is not None and slot.minutes < check.min_minutes:
                continue
            if (
                check.within_availability
                and contact.box.availability
                and not fits(slot, contact.box.availability)
            ):
                continue
            actions += [
                UseTool(tool="agenda", op="view", args={"calendar": calendar}),
                UseTool(
                    tool="agenda",
                    op="book",
                    args={"slot": slot.id, "for_whom": contact.ctx.persona.full_name},
                ),
            ]
    return actions if len(actions) // 2 >= check.count else actions[:2]


def _form(check: m.FormCheck, contact: ContactRuntime) -> list[UseTool]:
    forms = contact.box.forms
    if forms is None or check.form not in forms.templates:
        return []
    template = forms.templates[check.form]
    persona = contact.ctx.persona
    wanted = _form_fields(check.form, contact)
    actions = [UseTool(tool="forms", op="open", args={"form": check.form})]
    for spec in template.fields:
        if spec.id in wanted:
            value = contact.ctx.value(wanted[spec.id])
        elif not spec.required:
            continue
        else:
            value = _default(spec, persona, contact)
        actions.append(
            UseTool(
                tool="forms", op="set", args={"form": check.form, "field": spec.id, "value": value}
            )
        )
    actions.append(UseTool(tool="forms", op="submit", args={"form": check.form}))
    return actions


def _form_fields(form: str, contact: ContactRuntime) -> dict[str, str]:
    """Every value the scenario expects in ``form``: several checks may each judge some of its fields."""
    checks = [
        *contact.scenario.checks,
        *(c for n in contact.scenario.nodes.values() for c in n.expect),
    ]
    fields: dict[str, str] = {}
    for other in checks:
        if isinstance(other, m.FormCheck) and other.form == form:
            fields.update(other.fields)
            fields.update(other.typed)  # a value judged as typed is typed that way
    return fields


def _default(spec: Any, persona: Any, contact: ContactRuntime) -> str:
    by_type = {
        "date": contact.ctx.variables["today"],
        "number": "1",
        "postcode": persona.postcode,
        "phone": persona.phone,
        "email": persona.email,
    }
    if spec.type == "choice" and spec.choices:
        return spec.choices[0]
    return by_type.get(spec.type, "Voir dossier client.")


def _mail(check: m.MailCheck, contact: ContactRuntime) -> list[UseTool]:
    subject = passing_requirements(check.subject_requires, contact.ctx) or "Votre demande"
    body = passing_requirements(check.body_requires, contact.ctx)
    if check.body_sentence:
        lead = CONFIRMING.get(contact.ctx.lang, CONFIRMING["fr"])
        body = f"{lead} : {body}." if body else f"{lead}."
    body = f"Madame, Monsieur,\n\n{body}\n\nCordialement,\n{contact.ctx.variables['agent']['name']}"
    return [
        UseTool(
            tool="mail",
            op="send",
            args={
                "channel": check.channel,
                "to": contact.ctx.value(check.to),
                "subject": subject,
                "body": body,
                "attachments": list(check.attachments),
            },
        )
    ]


_HANDLERS: dict[type, Any] = {
    m.RecordFieldCheck: _record_field,
    m.RecordOpenedCheck: _record_opened,
    m.RecordStatusCheck: _record_status,
    m.RecordCreatedCheck: _record_created,
    m.DocumentOpenedCheck: _document_opened,
    m.DocumentsSelectedCheck: _documents_selected,
    m.AppointmentCheck: _appointment,
    m.FormCheck: _form,
    m.MailCheck: _mail,
}
