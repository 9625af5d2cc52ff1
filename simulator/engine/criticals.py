"""Criticals the engine applies to every scenario, so that no author has to write them again.

At the end of a contact, two faults are looked for whatever the scenario says:

* ``ENG-RECORD-NOT-CONCERNED`` — a customer record the contact did not concern was changed or
  created (a namesake updated, a duplicate made): the records a contact concerns are the ones its
  ``no_collateral_changes`` checks allow, else its ``target`` (and new records when it asks for one);
* ``ENG-TRANSFER-LOST`` — the caller was transferred where their matter is not handled (another
  service than the scenario's transfer check names, or a transfer where none was due);
* ``ENG-DATA-TO-ANOTHER`` — personal data of another customer (phone, GSM, e-mail, IBAN of a
  record that is not the contact's) was given away: in what the candidate said or typed, or in a
  mail or fax sent (a mail or fax fails 03.05; speech fails 01.02 inbound, 02.01 outbound);
* ``ENG-SENSITIVE-TO-THIRD-PARTY`` — a debt or a medical matter the scenario declares
  (``confidential``) told to a third party on the line, or mailed to another address
  (``simulator.engine.confidential``).

Each gives one critical negative observation, and only when the fault happened: journals of
contacts without these faults do not change. Hanging up on the caller is the order rule
``ORD-HUNG-UP-ON-CALLER``, which rubric 2 treats as critical; ``abandoned`` says which other order
rules such a hang-up fires: a complaint or an objection left waiting for an answer.
"""

from __future__ import annotations

from typing import Any

from simulator.engine.confidential import mailed_third_party
from simulator.engine.evidence import Evidence
from simulator.i18n import N_, STORED_LANGS, Message, written_out
from simulator.scenario.models import checks as m

_RECORD = N_("A record the contact did not concern was changed or created ({ids}).")
_DATA = N_("Personal data of another person were given away ({what}): a breach of confidentiality.")
#: Fields of a customer record that identify a person and must never go to someone else.
_PERSONAL = ("phone", "mobile", "email", "iban")
_TRANSFER = N_(
    "The caller was transferred to '{service}', where their matter is not handled: they are lost."
)


def engine_criticals(contact: Any) -> list[Evidence]:
    """The engine-level critical failures of ``contact`` (a ``ContactRuntime``) as it ends."""
    found = []
    record = _record_not_concerned(contact)
    if record is not None:
        found.append(record)
    transfer = _transfer_lost(contact)
    if transfer is not None:
        found.append(transfer)
    found += _data_to_another(contact)
    found += mailed_third_party(contact)  # spoken disclosures are found as they are said
    return found


#: Order rules fired when the candidate hangs up while this skill was at stake in the conversation.
_ABANDONED = {
    "handle_complaints": "ORD-ABANDONED-COMPLAINT",
    "handle_objections": "ORD-ABANDONED-OBJECTION",
}


def abandoned(contact: Any) -> list[str]:
    """The order rules a mid-call hang-up fires: a complaint or objection the scenario claims was on the
    table (the candidate had already answered it, or was expected to answer it at this very node)."""
    from simulator.engine.rules import RULES_BY_ID, competency_of

    node = contact.node
    expected = (
        {item.competency for reply in (node.replies or ()) for item in reply.evidence}
        if node
        else set()
    )
    if node is not None and node.prompt is not None:
        expected |= {check.competency for check in node.prompt.checks}
    seen = {e.competency for e in contact.evidence} | expected
    fired = []
    for rule_id in _ABANDONED.values():
        code = competency_of(RULES_BY_ID[rule_id], contact.scenario.direction)
        if code is not None and code in contact.scenario.competencies and code in seen:
            fired.append(rule_id)
    return fired


def _record_not_concerned(contact: Any) -> Evidence | None:
    db = contact.box.customer_db
    if db is None:
        return None
    checks = contact.scenario.checks
    guards = [c for c in checks if isinstance(c, m.NoCollateralCheck)]
    allowed = {role for c in guards for role in c.allowed} if guards else {"target"}
    changed = [
        c
        for c in db.collateral_changes(allowed)
        if guards
        or not (
            c.role.startswith("new-") and any(isinstance(k, m.RecordCreatedCheck) for k in checks)
        )
    ]
    if not changed:
        return None
    code = guards[0].competency if guards else _record_code(contact)
    ids = ", ".join(sorted({c.record_id for c in changed}))
    return _critical(contact, code, "ENG-RECORD-NOT-CONCERNED", _RECORD, ids=ids)


def _transfer_lost(contact: Any) -> Evidence | None:
    done = contact.facts.transferred_to
    expected = [c for c in contact.scenario.checks if isinstance(c, m.TransferCheck)]
    if done is None or not expected or any(c.service == done for c in expected):
        return None
    return _critical(contact, expected[0].competency, "ENG-TRANSFER-LOST", _TRANSFER, service=done)


def _data_to_another(contact: Any) -> list[Evidence]:
    db = contact.box.customer_db
    if db is None:
        return []
    initial = db.snapshot()[
        "initial"
    ]  # as the records were before the contact: not what the candidate wrote in them
    own = {
        _comparable(str(row.get(name) or ""))
        for row in initial
        if row["role"] == "target"
        for name in _PERSONAL
    }
    # The customer's own data as the scenario knows it (a new e-mail the record does not hold yet) is
    # never another person's, even when a namesake's record happens to hold the same value.
    persona = contact.ctx.variables.get("customer") or {}
    own |= {_comparable(str(_field(persona, name) or "")) for name in _PERSONAL}
    others = {}
    for row in initial:
        if row["role"] != "target" and not row["role"].startswith("new-"):
            for name in _PERSONAL:
                value = _comparable(str(row.get(name) or ""))
                if value and value not in own and value not in others:
                    others[value] = f"{row['record_id']} {name}"
    if not others:
        return []
    said = " ".join(line.text for line in contact.lines if line.speaker == "agent")
    sent = " ".join(
        f"{m.subject} {m.body}" for m in (contact.box.mail.sent if contact.box.mail else ())
    )
    found = []
    for text, code in ((said, _spoken_code(contact)), (sent, "03.05")):
        comparable = _comparable_text(text)  # once per text, not once per value looked for
        hits = sorted({what for value, what in others.items() if value in comparable})
        if hits and code:
            found.append(
                _critical(contact, code, "ENG-DATA-TO-ANOTHER", _DATA, what=", ".join(hits))
            )
    return found


def _field(persona: Any, name: str) -> Any:
    """A field of the persona, whether it is a mapping or an object."""
    return persona.get(name) if isinstance(persona, dict) else getattr(persona, name, None)


def _comparable(value: str) -> str:
    """A value as looked for in a text: an e-mail in lower case, a number by its digits (8 at least)."""
    if "@" in value:
        return value.strip().lower()
    digits = "".join(ch for ch in value if ch.isdigit())
    return f"#{digits}" if len(digits) >= 8 else ""


def _comparable_text(text: str) -> str:
    """The text's words in lower case, then every run of digits (spaces and dots inside numbers dropped)."""
    lowered = text.lower()
    runs = "".join(ch if ch.isdigit() else (" " if ch not in " ./-" else "") for ch in lowered)
    return lowered + " " + " ".join(f"#{run}" for run in runs.split())


def _spoken_code(contact: Any) -> str | None:
    return {"inbound": "01.02", "outbound": "02.01"}.get(contact.scenario.direction)


def _record_code(contact: Any) -> str:
    from simulator.referentiel import get_referentiel

    try:
        return get_referentiel().for_skill("record_information", contact.scenario.direction).code
    except (KeyError, ValueError):
        return "03.02"


def _critical(contact: Any, code: str, rule: str, text: str, **params: str) -> Evidence:
    """A critical failure, explained as journals keep it: French and English, and Dutch in a Dutch session."""
    langs = (*STORED_LANGS, "nl") if contact.lang == "nl" else STORED_LANGS
    explanation = written_out(Message(text, **params), "engine", langs)
    return Evidence(code, False, True, rule, "tool", contact.key, explanation)
