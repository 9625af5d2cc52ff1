"""Customer-database rows (record, summary, change), their fields and the fields' names.

The validation of the values typed into them is ``simulator.engine.tools.customer_values``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

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
EDITABLE = (
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
STATUSES = ("actif", "inactif", "doublon")
LABELS = {
    "title": ("civilité", "title"),
    "first_name": ("prénom", "first name"),
    "last_name": ("nom", "last name"),
    "street": ("rue", "street"),
    "number": ("numéro", "house number"),
    "box": ("boîte", "box"),
    "postcode": ("code postal", "postcode"),
    "city": ("localité", "town"),
    "phone": ("téléphone", "phone"),
    "mobile": ("GSM", "mobile"),
    "email": ("e-mail", "email"),
    "birth_date": ("date de naissance", "date of birth"),
    "iban": ("IBAN", "IBAN"),
    "language": ("langue", "language"),
    "notes": ("notes", "notes"),
    "status": ("statut", "status"),
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


#: Dutch names of the fields, for the messages a Dutch-speaking candidate reads.
LABELS_NL = {
    "title": "aanspreking",
    "first_name": "voornaam",
    "last_name": "naam",
    "street": "straat",
    "number": "huisnummer",
    "box": "bus",
    "postcode": "postcode",
    "city": "gemeente",
    "phone": "telefoon",
    "mobile": "gsm",
    "email": "e-mail",
    "birth_date": "geboortedatum",
    "iban": "IBAN",
    "language": "taal",
    "notes": "notities",
    "status": "status",
}
