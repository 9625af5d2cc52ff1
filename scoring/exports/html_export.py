"""A reviewed session as the printable A4 grille page, with the assessors' side added.

The page is the grille report's (``scoring/reports/grille.html.j2``), extended by ``review.html.j2``:
an assessor's column beside each automatic verdict, the result after review, the status and who
reviewed and signed it and when, the overrides with their reasons, and the session's audit entries
in the annex. Self-contained like the grille page: inline styles, no external resource.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from importlib import resources
from typing import Any

from scoring.assessment.model import (
    OVERRIDE,
    REOPEN,
    STATUS_LABELS,
    AuditEntry,
    Override,
    SessionReview,
)
from scoring.exports.view import (
    activity_verdicts,
    epreuve_verdict,
    masked_grille,
    masker,
    override_in_force,
    reviewed_at,
    signed_at,
)
from simulator.i18n import N_, translated
from simulator.journal.events import Event, SessionHeader

TEMPLATE = "review.html.j2"

#: The words the page's code writes, message ids of the engine catalog (the template writes its own).
WORDS = {
    "nobody": N_("nobody"),
    "not_signed": N_("not signed"),
    "signed_on": N_("signed by {who} on {when}"),
    "state_signed": N_("Grid signed by {who} on {when}."),
    "state_unsigned": N_("Grid not signed (status: {status})."),
    "reason": N_("reason"),
    "grille": N_("grid"),
    "receipt": N_("Journal receipt: {code} (to compare with the attendance sheet)."),
    "sealed": N_("Journal sealed by the centre on {day}: intact."),
    "seal_broken": N_("WARNING: the journal no longer matches the centre seal of {day}."),
    "not_sealed": N_("Journal not sealed by the centre yet."),
    "seal_unknown": N_("Centre seal not checked (exported outside the store)."),
    "before_sealing": N_(
        "Grid from before sealing: stored before the store was upgraded, chained afterwards, never signed at the time."
    ),
}

#: How each audit action reads.
ACTION_WORDS = {
    "assessor_added": N_("account added"),
    "override": N_("verdict changed"),
    "review": N_("marked reviewed"),
    "sign": N_("signature"),
    "reopen": N_("re-opened"),
}


def export_html(
    review: SessionReview,
    header: SessionHeader,
    events: Sequence[Event],
    *,
    blind: bool = False,
    lang: str = "fr",
    seal: Any = None,
) -> str:
    """The reviewed grille of one session as one HTML page (``header`` and ``events`` add nothing the grille lacks)."""
    from jinja2 import FunctionLoader

    from scoring.reports.html import environment, page_context
    from scoring.reports.view import counts_text, verdict_word
    from scoring.verdicts import counts

    lang = "en" if lang == "en" else "fr"
    r, mask = translated(WORDS, "engine", lang), masker(review, blind)
    grille = masked_grille(review, blind)
    final = review.final()
    final_verdict = epreuve_verdict(review, final)
    status_word = STATUS_LABELS[lang].get(review.status, review.status)
    context = page_context(grille, lang)
    context.update(
        blind=blind,
        final=final,
        final_activities=activity_verdicts(review, final),
        final_verdict=final_verdict,
        final_verdict_word=verdict_word(final_verdict, lang),
        final_counts=counts_text(counts(final.values()), lang),
        word=lambda v: verdict_word(v, lang),
        overridden=set(override_in_force(review)),
        status_word=status_word,
        reviewed_text=_reviewed_text(review, r),
        **_signature_texts(review, r, status_word),
        overrides=[_override_row(o, mask) for o in review.overrides],
        audit=[_audit_row(entry, lang, mask) for entry in review.audit],
        sealing=_sealing_lines(grille, seal, r),
    )
    page: str = (
        environment(FunctionLoader(_template_source), lang).get_template(TEMPLATE).render(context)
    )
    return page


def _signature_texts(
    review: SessionReview, r: Mapping[str, str], status_word: str
) -> dict[str, str]:
    """Who signed and when, as the review-state table (``signed_text``) and the line above the
    signature boxes (``signature_state``) say it."""
    if not review.signed_by:
        return {
            "signed_text": r["not_signed"],
            "signature_state": r["state_unsigned"].format(status=status_word),
        }
    when = _when(signed_at(review))
    return {
        "signed_text": r["signed_on"].format(who=review.signed_by, when=when),
        "signature_state": r["state_signed"].format(who=review.signed_by, when=when),
    }


def _override_row(override: Override, mask: Callable[[str], str]) -> dict[str, str]:
    """One verdict changed by an assessor, as a row of the overrides table (its reason masked when blind)."""
    return {
        "code": override.competency,
        "previous": override.previous,
        "verdict": override.verdict,
        "reason": mask(override.reason),
        "assessor": override.assessor,
        "at": _when(override.at),
    }


def _sealing_lines(grille: Mapping[str, Any], seal: Any, r: Mapping[str, str]) -> list[str]:
    """The receipt of the journal the grille was computed from, and the centre seal's status (a ``SealStatus``)."""
    from simulator.journal.receipt import code_of

    lines = [r["receipt"].format(code=code_of(str(grille["journal"]["head"])))]
    if seal is None:
        lines.append(r["seal_unknown"])
    elif seal.sealed_day:
        lines.append(r["sealed" if seal.intact else "seal_broken"].format(day=seal.sealed_day))
    else:
        lines.append(r["not_sealed"])
    if seal is not None and seal.before_sealing:
        lines.append(r["before_sealing"])
    return lines


def _template_source(name: str) -> str | None:
    package = {"grille.html.j2": "scoring.reports", TEMPLATE: "scoring.exports"}.get(name)
    if package is None:
        return None
    return resources.files(package).joinpath(name).read_text(encoding="utf-8")


def _when(stamp: str) -> str:
    """``2026-01-05T10:12:30.000`` → ``2026-01-05 10:12``."""
    return stamp[:16].replace("T", " ")


def _reviewed_text(review: SessionReview, r: Mapping[str, str]) -> str:
    if not review.reviewed_by:
        return r["nobody"]
    when = _when(reviewed_at(review))
    return ", ".join(review.reviewed_by) + (f" ({when})" if when else "")


def _audit_row(entry: AuditEntry, lang: str, mask: Any) -> dict[str, Any]:
    """One audit entry as a table row: when, who, what, and the detail (codes, verdicts, reason)."""
    from scoring.reports.view import verdict_word

    payload, r = entry.payload, translated(WORDS, "engine", lang)
    colon = ": " if lang == "en" else " : "  # French puts a space before the colon
    if entry.action == OVERRIDE:
        change = (
            f"{verdict_word(str(payload.get('previous', '')), lang)} → "
            f"{verdict_word(str(payload.get('verdict', '')), lang)}"
        )
        detail = f"{payload.get('competency', '')}{colon}{change} — {r['reason']}{colon}{payload.get('reason', '')}"
    elif entry.action == REOPEN:
        detail = f"{r['reason']}{colon}{payload.get('reason', '')}"
    elif payload.get("grille_sha256"):
        detail = f"{r['grille']} {str(payload['grille_sha256'])[:12]}"
    else:
        detail = ""
    return {
        "seq": entry.seq,
        "at": _when(entry.at),
        "assessor": entry.assessor,
        "action": translated(ACTION_WORDS, "engine", lang).get(entry.action, entry.action),
        "detail": mask(detail),
        "hash": entry.hash[:16],
    }
