"""A competency's criteria made easy to render: kind, label and, per contact, met / not met / not observed with the seqs.

Only grilles made with a criteria rubric (``rubric/2``) have criteria; for the others every
function here gives nothing, and reports look as they always did.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

KIND_WORDS = {
    "fr": {"critical": "éliminatoire", "deed": "acte", "conduct": "conduite", "words": "paroles"},
    "en": {"critical": "critical", "deed": "deed", "conduct": "conduct", "words": "words"},
}
STATUS_WORDS = {
    "fr": {"met": "atteint", "not_met": "non atteint", "not_observed": "non observé", "to_confirm": "à confirmer",
           "already_counted": "faute déjà comptée ailleurs"},
    "en": {"met": "met", "not_met": "not met", "not_observed": "not observed", "to_confirm": "to confirm",
           "already_counted": "fault already counted elsewhere"},
}
#: How an observation counted, when it did not count as usual.
EVIDENCE_NOTES = {
    "fr": {"duplicate": "déjà compté : n° {stands_for} représente cette faute", "unobserved": "non observé : contact écourté",
           "to_confirm": "à confirmer par un évaluateur"},
    "en": {"duplicate": "already counted: #{stands_for} stands for this fault", "unobserved": "not observed: contact cut short",
           "to_confirm": "to be confirmed by an assessor"},
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
        parts = [f"{c.contact} : {c.status_word}" + (f" ({number} {', '.join(map(str, c.seqs))})" if c.seqs else "")
                 for c in self.contacts if c.status != "not_observed"]
        return " ; ".join(parts) or STATUS_WORDS["en" if lang == "en" else "fr"]["not_observed"]


def _lang(lang: str) -> str:
    return "en" if lang == "en" else "fr"


def criteria_rows(competency: Mapping[str, Any], lang: str) -> tuple[CriterionRow, ...]:
    """The competency's criteria in ``lang`` (none for a grille made with rubric 1)."""
    kinds, statuses = KIND_WORDS[_lang(lang)], STATUS_WORDS[_lang(lang)]
    rows = []
    for criterion in competency.get("criteria", ()):
        label = criterion["label"].get(lang) or criterion["label"].get("fr", "")
        contacts = tuple(ContactStatus(c["contact"], c["status"], statuses.get(c["status"], c["status"]), tuple(c["seqs"]))
                         for c in criterion["contacts"])
        rows.append(CriterionRow(criterion["id"], criterion["kind"], kinds.get(criterion["kind"], criterion["kind"]),
                                 label, contacts))
    return tuple(rows)


def evidence_note(entry: Mapping[str, Any], lang: str) -> str:
    """Why an observation did not count as usual (a duplicate, cut short, to confirm), else ""."""
    template = EVIDENCE_NOTES[_lang(lang)].get(str(entry.get("status", "")))
    return template.format(stands_for=entry.get("stands_for", "?")) if template else ""


def kind_word(kind: str, lang: str) -> str:
    return KIND_WORDS[_lang(lang)].get(kind, kind)
