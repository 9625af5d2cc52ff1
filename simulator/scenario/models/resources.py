"""What a contact's tools contain: persona, customer database, documentation, services, agenda, forms, inbox."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from simulator.scenario.models.common import ClockTime, Ident, Model, Text, Weekday

Mood = Literal[
    "calm", "friendly", "neutral", "hurried", "worried", "annoyed", "angry", "confused", "sceptical"
]

#: Fields of a customer record a scenario may check or override.
RecordField = Literal[
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
    "status",
    "notes",
]


class Availability(Model):
    """A window in which the customer is available, relative to the épreuve's day."""

    days: list[Weekday] = Field(min_length=1)
    start: ClockTime
    end: ClockTime
    from_workday: Annotated[int, Field(ge=0, le=60)] = 0
    until_workday: Annotated[int, Field(ge=0, le=60)] | None = None

    @model_validator(mode="after")
    def _ends_after_it_starts(self) -> Availability:
        """A window that ends before it starts could never hold an appointment (the engine refuses it)."""
        if self.end <= self.start:
            raise PydanticCustomError(
                "callsim:window-order",
                "the window must end after it starts",
                {"start": self.start, "end": self.end, "at": "end"},
            )
        return self


class PersonaSpec(Model):
    """The generated customer (Faker, Belgian data, seeded per candidate) and how they behave."""

    language: Literal["fr", "nl"] = "fr"
    region: Literal["brussels", "wallonia", "flanders"] | None = None
    #: scenario/1.1: the customer lives in this commune (its name or postcode) and/or province.
    commune: str | None = None
    province: (
        Literal[
            "bruxelles",
            "brabant-wallon",
            "brabant-flamand",
            "anvers",
            "limbourg",
            "liege",
            "namur",
            "hainaut",
            "luxembourg",
            "flandre-occidentale",
            "flandre-orientale",
        ]
        | None
    ) = None
    gender: Literal["F", "M"] | None = None
    mood: Mood = "neutral"
    profile: Text | None = None
    availability: list[Availability] = Field(default_factory=list)


class DistractorSpec(Model):
    """A record described field by field (scenario/1.1): a former record with the customer's IBAN, a
    duplicate with their true e-mail… ``id`` is its role: checks name it (``record: ancienne``) and
    texts quote it (``{{ record.ancienne.iban }}``)."""

    id: Ident
    #: What the record starts from: a namesake, a duplicate or an outdated record of the customer, or a stranger.
    like: Literal["lookalike", "duplicate", "outdated", "stranger"] = "lookalike"
    #: Fields copied from the customer's record as stored (``target_overrides`` applied).
    same_as_target: list[RecordField] = Field(default_factory=list)
    #: Fields given their own value (templated, e.g. ``"{{ customer.first_name }}"`` or ``"{{ refs.iban }}"``).
    fields: dict[RecordField, str] = Field(default_factory=dict)
    status: Literal["actif", "inactif", "doublon"] = "actif"


class CustomerDbSpec(Model):
    """How the customer database is seeded around the target customer."""

    target_in_db: bool = True
    target_overrides: dict[RecordField, str] = Field(default_factory=dict)
    lookalikes: Annotated[int, Field(ge=0, le=10)] = 2
    duplicates: Annotated[int, Field(ge=0, le=3)] = 0
    outdated: Annotated[int, Field(ge=0, le=3)] = 0
    background: Annotated[int, Field(ge=0, le=500)] = 20
    #: Names of ``references`` the customer may quote to find their record (an order, a contract, a
    #: policy number): searching one of them lists the target's record.
    found_by: list[Ident] = Field(default_factory=list)
    #: scenario/1.1: what look-alikes share with the customer besides the last name and the commune
    #: (they always share those): the gender, an age within four years (``age_band``).
    lookalike_match: list[Literal["gender", "commune", "age_band"]] = Field(default_factory=list)
    #: scenario/1.1: records described field by field.
    distractors: list[DistractorSpec] = Field(default_factory=list)
    #: scenario/1.1: a search also finds a record by the words of its notes.
    search_notes: bool = False


class ArticleSpec(Model):
    """A documentation article or call script (relevant or a distractor)."""

    id: Ident
    kind: Literal["script", "article", "procedure", "faq"]
    title: Text
    keywords: list[str] = Field(default_factory=list)
    body: Text


class ServiceSpec(Model):
    """A service the candidate can transfer a call to."""

    id: Ident
    name: Text
    extension: Annotated[str, Field(pattern=r"^\d{2,6}$")]
    handles: Text


class CalendarSpec(Model):
    """A calendar in the agenda (an advisor, a technician, a meeting room)."""

    id: Ident
    name: Text


class SlotSpec(Model):
    """A free slot, ``day`` working days after the épreuve's day."""

    id: Ident
    calendar: Ident
    day: Annotated[int, Field(ge=0, le=60)]
    time: ClockTime
    minutes: Annotated[int, Field(ge=5, le=480)] = 60


class AgendaSpec(Model):
    """Calendars and their free slots."""

    calendars: list[CalendarSpec] = Field(min_length=1)
    slots: list[SlotSpec] = Field(min_length=1)


class ChoiceSpec(Model):
    """A choice of a form field: its stable value (what checks compare) and how each language shows it."""

    value: str
    fr: str | None = None
    nl: str | None = None
    en: str | None = None

    def label(self, lang: str) -> str:
        """The choice in ``lang``; French, then the value itself, where that language is missing."""
        return getattr(self, lang, None) or self.fr or self.value


def choice_value(choice: str | ChoiceSpec) -> str:
    """The stable value of a choice written as a plain text or as ``{value, fr, nl, en}``."""
    return choice if isinstance(choice, str) else choice.value


def choice_label(choice: str | ChoiceSpec, lang: str) -> str:
    """How a choice is shown in ``lang`` (a plain text is shown as it is written)."""
    return choice if isinstance(choice, str) else choice.label(lang)


class FormFieldSpec(Model):
    """One field of a standardised form."""

    id: Ident
    label: Text
    type: Literal["text", "date", "number", "choice", "phone", "postcode", "email", "multiline"] = (
        "text"
    )
    required: bool = True
    #: A choice is a plain text (its own value, the same in every language) or ``{value, fr, nl, en}``.
    choices: list[str | ChoiceSpec] = Field(default_factory=list)

    @model_validator(mode="after")
    def _choice_needs_choices(self) -> FormFieldSpec:
        """A ``choice`` field offers its ``choices``: without any, the form could not be shown."""
        if self.type == "choice" and not self.choices:
            raise PydanticCustomError(
                "callsim:choice-without-choices",
                "choice field {field} needs choices",
                {
                    "field": self.id,
                    "at": "choices" if "choices" in self.model_fields_set else "type",
                },
            )
        return self


class FormSpec(Model):
    """A standardised form template."""

    id: Ident
    title: Text
    fields: list[FormFieldSpec] = Field(min_length=1)


class IncomingMessageSpec(Model):
    """A mail or fax waiting in the candidate's inbox when the contact starts."""

    id: Ident
    channel: Literal["mail", "fax"] = "mail"
    sender: str
    subject: Text
    body: Text


class Resources(Model):
    """Everything the tools hold for this contact."""

    customer_db: CustomerDbSpec | None = None
    documentation: list[ArticleSpec] = Field(default_factory=list)
    services: list[ServiceSpec] = Field(default_factory=list)
    agenda: AgendaSpec | None = None
    forms: list[FormSpec] = Field(default_factory=list)
    inbox: list[IncomingMessageSpec] = Field(default_factory=list)
