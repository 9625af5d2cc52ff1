"""Judge a competency as a jury does under rubric 2: each contact on its criteria, then across the épreuve.

Input: the competency's observations as the grille lists them (seq, contact, effect, critical,
rule, source, …). Each observation is given its criterion and kind and a *status*: ``counted``;
``to_confirm`` (unsure evidence: never counted); ``duplicate`` (another observation already
stands for the same fault: ``stands_for`` gives its seq); ``unobserved`` (the contact was cut
short before it could show this). A contact is NOK on a failed critical, or when a kind's
requirement is not met; not observed without counted observations, or when the candidate cut it
short (what it showed before is not enough for OK); OK otherwise. The épreuve
is NOK on any failed critical or too many NOK contacts, OK with enough OK contacts.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fnmatch import fnmatchcase
from functools import cache
from typing import Any

from scoring.rubric2 import KINDS, EffectiveDecision, Lookups
from scoring.verdicts import NOK, NOT_OBSERVED, OK
from simulator.i18n import N_, Message, written_out

MET, NOT_MET, TO_CONFIRM, DUPLICATE = "met", "not_met", "to_confirm", "already_counted"


@cache
def _matches(rule: str, pattern: str) -> bool:
    """``fnmatchcase`` remembered: the same few rules and patterns come back in every session."""
    return fnmatchcase(rule, pattern)


def annotate(
    rubric: Lookups, code: str, found: Sequence[dict[str, Any]], aborted: Mapping[str, int]
) -> None:
    """Give every observation of ``code`` its criterion, kind and status (in place)."""
    place = rubric.place
    for entry in found:
        entry["criterion"], entry["kind"] = place(
            code,
            entry["source"],
            entry["rule"],
            entry["critical"] and entry["effect"] == "negative",
        )
        entry["status"] = "to_confirm" if entry.get("unsure") else "counted"
    for entry in found if aborted else ():
        if (
            entry["status"] == "counted"
            and entry["kind"] != "critical"
            and entry["contact"] in aborted
            and any(_unobserved(abort, code, entry["rule"]) for abort in rubric.aborts)
        ):
            entry["status"] = "unobserved"
    for duplicate in rubric.duplicates if any(e["effect"] == "negative" for e in found) else ():
        for entry in found:
            if (
                entry["status"] != "counted"
                or entry["effect"] != "negative"
                or not _matches(entry["rule"], duplicate.rule)
            ):
                continue
            prior = next(
                (
                    e
                    for e in found
                    if e is not entry
                    and e["status"] == "counted"
                    and e["effect"] == "negative"
                    and e["contact"] == entry["contact"]
                    and e["source"] in duplicate.counted_by
                    and (not duplicate.same_event or e["seq"] == entry["seq"])
                ),
                None,
            )
            if prior is not None:
                entry["status"], entry["stands_for"] = "duplicate", prior["seq"]


def _unobserved(abort: Any, code: str, rule: str) -> bool:
    """Whether an observation says nothing once its contact was cut short (see ``Abort``)."""
    if any(_matches(rule, p) for p in abort.consequences):
        return code not in abort.fails
    return any(_matches(rule, p) for p in abort.unobserved)


def aborted_contacts(rubric: Lookups, entries: Sequence[dict[str, Any]]) -> dict[str, int]:
    """Contacts the candidate cut short, with the seq of the observation that says so."""
    rules = {r for a in rubric.aborts for r in a.rules}
    found: dict[str, int] = {}
    for entry in entries:
        if entry["rule"] in rules and entry["effect"] == "negative":
            found.setdefault(entry["contact"], entry["seq"])
    return found


def judge_competency(
    rubric: Lookups,
    code: str,
    found: Sequence[dict[str, Any]],
    rule: EffectiveDecision,
    aborted: Mapping[str, int],
    order: Sequence[str],
) -> dict[str, Any]:
    """The competency's criteria per contact, its contact verdicts and its épreuve verdict."""
    by_contact: dict[str, list[dict[str, Any]]] = {}
    for entry in found:
        by_contact.setdefault(entry["contact"], []).append(entry)
    contacts = [c for c in order if c in by_contact] + sorted(set(by_contact) - set(order))
    rows = [
        _judge_contact(code, contact, by_contact[contact], rule, aborted.get(contact))
        for contact in contacts
    ]
    verdict, reason = _epreuve(rows, rule)
    return {
        "verdict": verdict,
        "reason": reason,
        "contacts": rows,
        "criteria": _criteria(rubric, code, found, contacts),
    }


def _judge_contact(
    code: str,
    contact: str,
    found: Sequence[dict[str, Any]],
    rule: EffectiveDecision,
    abort_seq: int | None,
) -> dict[str, Any]:
    by_kind: dict[str, list[dict[str, Any]]] = {}
    unsure = False
    for entry in found:
        status = entry["status"]
        if status == "counted":
            by_kind.setdefault(entry["kind"], []).append(entry)
        elif status == "to_confirm":
            unsure = True
    criticals = by_kind.get("critical")
    if criticals:
        failed_critical = [e["seq"] for e in criticals if e["effect"] == "negative"]
        if failed_critical:
            return {"contact": contact, "verdict": NOK, "code": "critical", "seqs": failed_critical}
    if not by_kind:
        code_ = "to-confirm" if unsure else "unobserved"
        return {"contact": contact, "verdict": NOT_OBSERVED, "code": code_, "seqs": []}
    for kind in KINDS[1:]:
        items = by_kind.get(kind)
        if items and not _meets(rule.requirement(kind), items):
            seqs = sorted({e["seq"] for e in items if e["effect"] == "negative"})
            return {"contact": contact, "verdict": NOK, "code": kind, "seqs": seqs}
    if (
        abort_seq is not None
    ):  # a contact cut short shows nothing in full: what it did show is not enough
        return {
            "contact": contact,
            "verdict": NOT_OBSERVED,
            "code": "cut-short",
            "seqs": [abort_seq],
        }
    return {"contact": contact, "verdict": OK, "code": "met", "seqs": []}


def _meets(requirement: str, items: Sequence[dict[str, Any]]) -> bool:
    positive = [e["effect"] for e in items].count("positive")
    if requirement == "all":
        return positive == len(items)
    if requirement == "most":  # a majority: a tie is not enough
        return 2 * positive > len(items)
    if requirement == "any":
        return positive > 0
    return True


_REASONS = {
    "critical": N_("critical failure in {n} contact(s)"),
    "nok": N_("{nok} NOK contact(s) (tolerated: {allowed})"),
    "ok": N_("{ok} OK contact(s) of {need} required"),
    "to-confirm": N_("evidence to confirm: to be decided"),
    "too-few": N_("{ok}/{need} OK contact(s): to be decided"),
}


def _epreuve(rows: Sequence[dict[str, Any]], rule: EffectiveDecision) -> tuple[str, dict[str, str]]:
    ok = sum(r["verdict"] == OK for r in rows)
    nok = sum(r["verdict"] == NOK for r in rows)
    critical = sum(r.get("code") == "critical" for r in rows)
    params = {
        "n": critical,
        "nok": nok,
        "allowed": rule.max_nok_contacts,
        "ok": ok,
        "need": rule.min_ok_contacts,
    }
    if critical:
        verdict, code = NOK, "critical"
    elif nok > rule.max_nok_contacts:
        verdict, code = NOK, "nok"
    elif ok >= rule.min_ok_contacts:
        verdict, code = OK, "ok"
    elif any(r.get("code") == "to-confirm" for r in rows):
        verdict, code = NOT_OBSERVED, "to-confirm"
    else:
        verdict, code = NOT_OBSERVED, "too-few"
    return verdict, {"code": code, **_reason(code, tuple(sorted(params.items())))}


@cache
def _reason(code: str, params: tuple[tuple[str, int], ...]) -> dict[str, str]:
    """The épreuve verdict's reason as grilles keep it (the same few come back in every session)."""
    return written_out(Message(_REASONS[code], **dict(params)), "engine")


def _criteria(
    rubric: Lookups, code: str, found: Sequence[dict[str, Any]], contacts: Sequence[str]
) -> list[dict[str, Any]]:
    """The criteria of the competency some contact observed (declared first, then generic ones), met or not per contact."""
    if not found:
        return []
    declared = rubric.declared(code)
    grouped: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for entry in found:
        grouped.setdefault((entry["criterion"], entry["contact"]), []).append(entry)
    known = {d[0] for d in declared}
    for entry in found:
        if entry["criterion"] not in known:
            known.add(entry["criterion"])
            declared.append(rubric.criterion_for(code, entry["kind"], entry["rule"]))
    seen = {e["criterion"] for e in found}
    out = []
    for criterion, kind, label in declared:
        if criterion not in seen:
            continue
        per_contact = []  # only the contacts that observed it: in the others it is not observed
        for contact in contacts:
            items = grouped.get((criterion, contact))
            if items:
                per_contact.append(
                    {
                        "contact": contact,
                        "status": _status(items),
                        "seqs": sorted({e["seq"] for e in items}),
                    }
                )
        out.append({"id": criterion, "kind": kind, "label": label, "contacts": per_contact})
    return out


def _status(items: Sequence[dict[str, Any]]) -> str:
    """Met when every counted observation is positive, not met on a counted negative; else what the others wait for."""
    counted = confirm = duplicate = False
    for entry in items:  # one pass: a criterion of a long contact can hold hundreds of observations
        status = entry["status"]
        if status == "counted":
            if entry["effect"] != "positive":
                return NOT_MET
            counted = True
        elif status == "to_confirm":
            confirm = True
        elif status == "duplicate":
            duplicate = True
    if counted:
        return MET
    if confirm:
        return TO_CONFIRM
    return DUPLICATE if duplicate else NOT_OBSERVED
