"""Customer-database rows (record, summary, change), their fields and the fields' names.

The validation of the values typed into them is ``simulator.engine.tools.customer_values``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from simulator.i18n import N_, Message

RECORD_FIELDS = (
    "record_id",
    "status",
    "updated_on",
    "customer_id",
    "title",
    "first_name",
    "last_name",
    "street",
    "number",
    "box",
    "postcode",
    "city",
    "phone",
    "mobile",
    "email",
    "birth_date",
    "iban",
    "language",
    "notes",
)
COLUMNS = ("record_id", "role", *RECORD_FIELDS[1:])
#: What a candidate may edit: every field from the title on (not the id, status, dates or customer number).
EDITABLE = RECORD_FIELDS[RECORD_FIELDS.index("title") :]
STATUSES = ("actif", "inactif", "doublon")
#: The name of each field in the candidate's messages (message ids of the engine catalog).
LABELS = {
    "title": N_("title"),
    "first_name": N_("first name"),
    "last_name": N_("last name"),
    "street": N_("street"),
    "number": N_("house number"),
    "box": N_("box"),
    "postcode": N_("postcode"),
    "city": N_("town"),
    "phone": N_("phone"),
    "mobile": N_("mobile"),
    "email": N_("email"),
    "birth_date": N_("date of birth"),
    "iban": N_("IBAN"),
    "language": N_("language"),
    "notes": N_("notes"),
    "status": N_("status"),
}


@dataclass(frozen=True)
class Record:
    """A customer record as the candidate sees it (the engine's role is not part of it)."""

    record_id: str
    status: str
    updated_on: str
    customer_id: str
    title: str
    first_name: str
    last_name: str
    street: str
    number: str
    box: str
    postcode: str
    city: str
    phone: str
    mobile: str
    email: str
    birth_date: str
    iban: str
    language: str
    notes: str

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    def to_dict(self) -> dict[str, str]:
        return asdict(self)


@dataclass(frozen=True)
class RecordSummary:
    """One line of a search result: enough to tell records apart, never the role."""

    record_id: str
    customer_id: str
    status: str
    title: str
    first_name: str
    last_name: str
    street: str
    number: str
    box: str
    postcode: str
    city: str
    birth_date: str

    def to_dict(self) -> dict[str, str]:
        return asdict(self)


@dataclass(frozen=True)
class Change:
    """One field whose value differs from before; *role* is for the engine only."""

    record_id: str
    role: str
    field: str
    before: str
    after: str

    def to_dict(self) -> dict[str, str]:
        return asdict(self)

    def to_candidate_dict(self) -> dict[str, str]:
        """The change without the engine's role, for display to the candidate."""
        return {k: v for k, v in asdict(self).items() if k != "role"}


def label(field: str) -> Message:
    """The name of ``field``, translated where it is shown."""
    return Message(LABELS[field])
