"""A competency's criteria made easy to render: kind, label and, per contact, met / not met / not observed with the seqs.

Only grilles made with a criteria rubric (``rubric/2``) have criteria; for the others every
function here gives nothing, and reports look as they always did.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from simulator.i18n import N_, translated

#: How each kind of criterion reads (engine catalog).
KIND_WORDS = {
    "critical": N_("critical"),
    "deed": N_("deed"),
    "conduct": N_("conduct"),
    "words": N_("words"),
}
#: How a criterion stands for a contact.
STATUS_WORDS = {
    "met": N_("met"),
    "not_met": N_("not met"),
    "not_observed": N_("not observed"),
    "to_confirm": N_("to confirm"),
    "already_counted": N_("fault already counted elsewhere"),
}
#: How an observation counted, when it did not count as usual.
EVIDENCE_NOTES = {
    "duplicate": N_("already counted: #{stands_for} stands for this fault"),
    "unobserved": N_("not observed: contact cut short"),
    "to_confirm": N_("to be confirmed by an assessor"),
}


@dataclass(frozen=True)
class ContactStatus:
    contact: str
    status: str
    status_word: str
    seqs: tuple[int, ...]


@dataclass(frozen=True)
class CriterionRow:
    id: str
    kind: str
    kind_word: str
    label: str
    contacts: tuple[ContactStatus, ...]

    def summary(self, lang: str) -> str:
        """« contact : atteint (n° 12, 15) ; … » for the contacts that observed this criterion."""
        number = "#" if lang == "en" else "n°"
        parts = [
            f"{c.contact} : {c.status_word}"
            + (f" ({number} {', '.join(map(str, c.seqs))})" if c.seqs else "")
            for c in self.contacts
            if c.status != "not_observed"
        ]
        return " ; ".join(parts) or translated(STATUS_WORDS, "engine", _lang(lang))["not_observed"]


def _lang(lang: str) -> str:
    return "en" if lang == "en" else "fr"


def criteria_rows(competency: Mapping[str, Any], lang: str) -> tuple[CriterionRow, ...]:
    """The competency's criteria in ``lang`` (none for a grille made with rubric 1)."""
    kinds, statuses = (
        translated(KIND_WORDS, "engine", _lang(lang)),
        translated(STATUS_WORDS, "engine", _lang(lang)),
    )
    rows = []
    for criterion in competency.get("criteria", ()):
        label = criterion["label"].get(lang) or criterion["label"].get("fr", "")
        contacts = tuple(
            ContactStatus(
                c["contact"], c["status"], statuses.get(c["status"], c["status"]), tuple(c["seqs"])
            )
            for c in criterion["contacts"]
        )
        rows.append(
            CriterionRow(
                criterion["id"],
                criterion["kind"],
                kinds.get(criterion["kind"], criterion["kind"]),
                label,
                contacts,
            )
        )
    return tuple(rows)


def evidence_note(entry: Mapping[str, Any], lang: str) -> str:
    """Why an observation did not count as usual (a duplicate, cut short, to confirm), else ""."""
    template = translated(EVIDENCE_NOTES, "engine", _lang(lang)).get(str(entry.get("status", "")))
    return template.format(stands_for=entry.get("stands_for", "?")) if template else ""


def kind_word(kind: str, lang: str) -> str:
    return translated(KIND_WORDS, "engine", _lang(lang)).get(kind, kind)
