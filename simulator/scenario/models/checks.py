"""Evidence declarations: what a reply shows, what typed text must contain, what tool state must be."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Discriminator, Field, Tag, model_validator
from pydantic_core import PydanticCustomError

from simulator.scenario.models.common import CompetencyCode, Ident, Model, Text
from simulator.scenario.models.resources import RecordField


class EvidenceSpec(Model):
    """Choosing this reply shows (positive) or fails to show (negative) a competency."""

    competency: CompetencyCode
    effect: Literal["positive", "negative"]
    critical: bool = False
    because: Text


class AnyOf(Model):
    """Any one of these phrases satisfies the requirement."""

    any_of: list[str] = Field(min_length=1)


class DateRequirement(Model):
    """The text must mention this date (ISO, templated), written in any usual way.

    ``relative`` (default true): « demain », « mercredi », « le 4 » count too, read against the
    contact's day; false for a note read later, where only a date naming its day counts.
    """

    date: str
    relative: bool = True


class AmountRequirement(Model):
    """The text must mention this amount in euros (e.g. "49.90"), written in any usual way."""

    amount: str


class ConceptRequirement(Model):
    """Any phrase of a concept of the shared lexicon (e.g. ``reexpedition``), in FR, NL or EN."""

    concept: str


class TimeRequirement(Model):
    """The text must state this time of day (HH:MM, templated), alone or as the start of a range."""

    time: str


def _requirement_branch(value: Any) -> str:
    if isinstance(value, dict):
        for key in ("date", "amount", "concept", "time"):
            if key in value:
                return key
        return "any_of"
    for cls, tag in (
        (AnyOf, "any_of"),
        (DateRequirement, "date"),
        (AmountRequirement, "amount"),
        (ConceptRequirement, "concept"),
        (TimeRequirement, "time"),
    ):
        if isinstance(value, cls):
            return tag
    return "phrase"


#: A phrase, a set of alternatives, a date, an amount, a concept or a time that typed text must contain.
Requirement = Annotated[
    Annotated[str, Tag("phrase")]
    | Annotated[AnyOf, Tag("any_of")]
    | Annotated[DateRequirement, Tag("date")]
    | Annotated[AmountRequirement, Tag("amount")]
    | Annotated[ConceptRequirement, Tag("concept")]
    | Annotated[TimeRequirement, Tag("time")],
    Discriminator(_requirement_branch),
]


class TextCheck(Model):
    """A check on typed text (a reformulation, a mail body, an after-call note)."""

    id: Ident
    competency: CompetencyCode
    requires: list[Requirement] = Field(default_factory=list)
    forbids: list[str] = Field(default_factory=list)
    #: What must not be said (phrases, concepts, dates…); said under a negation it does not count.
    must_not_say: list[Requirement] = Field(default_factory=list)
    #: The text must be written as sentences, not a bare list of values.
    sentence: bool = False
    critical: bool = False
    #: Judged only when this condition on the call holds (scenario/1.1), e.g. ``call.vente == "oui"``.
    when: Annotated[str, Field(min_length=1, max_length=500)] | None = None
    because: Text


Counts = Literal["both", "failure", "success"]


class _ToolCheck(Model):
    id: Ident
    competency: CompetencyCode
    critical: bool = False
    #: Which outcomes produce evidence: both (default), only a failure, or only a success.
    counts: Counts = "both"
    #: Judged only when this condition on the call holds (scenario/1.1).
    when: Annotated[str, Field(min_length=1, max_length=500)] | None = None
    because: Text


class RecordFieldCheck(_ToolCheck):
    """A field of a customer record ends with this value (templated)."""

    type: Literal["record_field"]
    record: str = "target"
    field: RecordField
    equals: str


class RecordOpenedCheck(_ToolCheck):
    """This customer record was opened (the right file was found among look-alikes)."""

    type: Literal["record_opened"]
    record: str = "target"


class RecordStatusCheck(_ToolCheck):
    """A customer record ends with this status (e.g. a duplicate marked « doublon »)."""

    type: Literal["record_status"]
    record: str
    status: Literal["actif", "inactif", "doublon"]


class RecordCreatedCheck(_ToolCheck):
    """A new customer record was created with these field values."""

    type: Literal["record_created"]
    fields: dict[RecordField, str] = Field(min_length=1)


class NoCollateralCheck(_ToolCheck):
    """No record other than these was changed (unintended changes count against)."""

    type: Literal["no_collateral_changes"]
    allowed: list[str] = Field(default_factory=lambda: ["target"])


class DocumentOpenedCheck(_ToolCheck):
    """This article or script was opened."""

    type: Literal["document_opened"]
    article: Ident


class DocumentsSelectedCheck(_ToolCheck):
    """Exactly these articles (or at least these, when ``exact`` is false) were selected."""

    type: Literal["documents_selected"]
    articles: list[Ident] = Field(min_length=1)
    exact: bool = True


class AppointmentCheck(_ToolCheck):
    """One appointment was booked in this calendar, inside the customer's availability.

    scenario/1.1: ``calendars`` (any of several calendars, instead of ``calendar``), ``count`` (that
    many bookings, e.g. 2 for a visit and its follow-up) and ``min_minutes`` (each at least that long).
    """

    type: Literal["appointment_booked"]
    calendar: Ident | None = None
    calendars: list[Ident] = Field(default_factory=list)
    within_availability: bool = True
    slot: Ident | None = None
    count: Annotated[int, Field(ge=1, le=10)] = 1
    min_minutes: Annotated[int, Field(ge=5, le=480)] | None = None

    @model_validator(mode="after")
    def _one_way_to_name_calendars(self) -> AppointmentCheck:
        """Either ``calendar`` or ``calendars``, not both and not neither."""
        if (self.calendar is None) == (not self.calendars):
            raise PydanticCustomError(
                "callsim:calendar-or-calendars",
                "give calendar or calendars",
                {"at": "calendars" if self.calendars else "type"},
            )
        return self

    @property
    def calendar_ids(self) -> tuple[str, ...]:
        """The calendars whose bookings count."""
        return (self.calendar,) if self.calendar is not None else tuple(self.calendars)


class TransferCheck(_ToolCheck):
    """The call was transferred to this service — or, with ``service: null``, not transferred."""

    type: Literal["transferred"]
    service: Ident | None


class FormCheck(_ToolCheck):
    """This form was submitted, complete, with these values (templated)."""

    type: Literal["form_submitted"]
    form: Ident
    fields: dict[Ident, str] = Field(default_factory=dict)
    #: scenario/1.1: values as the candidate typed them (before the form normalised them), e.g. "40,90".
    typed: dict[Ident, str] = Field(default_factory=dict)


class MailCheck(_ToolCheck):
    """A mail (or fax) was sent to this address with these elements."""

    type: Literal["mail_sent"]
    channel: Literal["mail", "fax"] = "mail"
    to: str
    subject_requires: list[Requirement] = Field(default_factory=list)
    body_requires: list[Requirement] = Field(default_factory=list)
    body_forbids: list[str] = Field(default_factory=list)
    body_must_not_say: list[Requirement] = Field(default_factory=list)
    body_sentence: bool = False
    attachments: list[Ident] = Field(default_factory=list)


class OutcomeCheck(_ToolCheck):
    """The wrap-up outcome code is this one."""

    type: Literal["outcome"]
    equals: Ident


ToolCheck = Annotated[
    RecordFieldCheck
    | RecordOpenedCheck
    | RecordStatusCheck
    | RecordCreatedCheck
    | NoCollateralCheck
    | DocumentOpenedCheck
    | DocumentsSelectedCheck
    | AppointmentCheck
    | TransferCheck
    | FormCheck
    | MailCheck
    | OutcomeCheck,
    Field(discriminator="type"),
]
