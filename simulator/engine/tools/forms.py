"""Standardised forms: typed fields, validated drafts and submitted forms."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from simulator.engine.belgian_numbers import is_mobile, normalise_phone
from simulator.engine.tools.errors import (
    FormAlreadySubmitted,
    FormIncomplete,
    InvalidFieldValue,
    UnknownField,
    UnknownForm,
)
from simulator.i18n import Message

FIELD_TYPES = ("text", "date", "number", "choice", "phone", "postcode", "email", "multiline")
_EMAIL = re.compile(
    r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}"
)


def is_email(value: str) -> bool:
    """True for a syntactically plausible single e-mail address."""
    value = value.strip()
    return bool(_EMAIL.fullmatch(value)) and ".." not in value and not value.startswith(".")


def be_phone(value: str, *, allow_mobile: bool = True) -> str | None:
    """The display form ("+32 2 123 45 67") of a plausible Belgian number, else None."""
    phone = normalise_phone(value)
    if phone is None or (not allow_mobile and is_mobile(phone)):
        return None
    return phone


@dataclass(frozen=True)
class FieldSpec:
    """One field of a form template."""

    id: str
    label: str
    type: str
    required: bool
    #: The stable values (what is stored and checked).
    choices: tuple[str, ...] = ()
    #: How each choice is shown in the candidate's language, in the same order (empty: as its value).
    labels: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.type not in FIELD_TYPES:
            raise ValueError(f"unknown field type: {self.type!r}")
        object.__setattr__(self, "choices", tuple(self.choices))
        object.__setattr__(
            self, "labels", tuple(self.labels) if tuple(self.labels) != self.choices else ()
        )
        if self.type == "choice" and not self.choices:
            raise ValueError(f"choice field {self.id!r} needs choices")
        if self.labels and len(self.labels) != len(self.choices):
            raise ValueError(f"choice field {self.id!r} needs one label per choice")

    @property
    def shown_choices(self) -> tuple[str, ...]:
        """The choices as the candidate reads them."""
        return self.labels or self.choices

    def to_dict(self) -> dict[str, Any]:
        data = {
            "id": self.id,
            "label": self.label,
            "type": self.type,
            "required": self.required,
            "choices": list(self.choices),
        }
        if self.labels:  # written only when a choice reads otherwise than its value
            data["labels"] = list(self.labels)
        return data


@dataclass(frozen=True)
class FormTemplate:
    """A form: its id, title and ordered fields."""

    id: str
    title: str
    fields: tuple[FieldSpec, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "fields", tuple(self.fields))
        ids = [f.id for f in self.fields]
        if len(ids) != len(set(ids)):
            raise ValueError(f"duplicate field ids in form {self.id!r}")

    def field(self, field_id: str) -> FieldSpec:
        for spec in self.fields:
            if spec.id == field_id:
                return spec
        raise UnknownField(field_id)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "fields": [f.to_dict() for f in self.fields]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FormTemplate:
        fields = tuple(
            FieldSpec(
                f["id"],
                f["label"],
                f["type"],
                bool(f["required"]),
                tuple(f.get("choices", ())),
                tuple(f.get("labels", ())),
            )
            for f in data["fields"]
        )
        return cls(data["id"], data["title"], fields)


@dataclass(frozen=True)
class SubmittedForm:
    """A submitted form: values (stored form) in field order, empty fields left out."""

    template_id: str
    title: str
    values: tuple[tuple[str, str], ...]
    #: scenario/1.1: each value as the candidate typed it, beside the stored (normalised) one.
    typed: tuple[tuple[str, str], ...] = ()

    def get(self, field_id: str, default: str | None = None) -> str | None:
        return dict(self.values).get(field_id, default)

    def get_typed(self, field_id: str) -> str | None:
        """The value as typed (the stored value when typing was not kept)."""
        return dict(self.typed).get(field_id) or self.get(field_id)

    def to_dict(self) -> dict[str, Any]:
        data = {
            "template_id": self.template_id,
            "title": self.title,
            "values": [list(v) for v in self.values],
        }
        if self.typed:  # written only when kept (scenario/1.1): older journals stay as they were
            data["typed"] = [list(v) for v in self.typed]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SubmittedForm:
        return cls(
            data["template_id"],
            data["title"],
            tuple((k, v) for k, v in data["values"]),
            tuple((k, v) for k, v in data.get("typed", ())),
        )


def _refuse(spec: FieldSpec, problem: Message) -> InvalidFieldValue:
    return InvalidFieldValue(
        spec.id, Message("“{label}”: {problem}", label=spec.label, problem=problem)
    )


def _parse_date(value: str) -> date | None:
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return date.fromisoformat(value)
        found = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", value)
        return date(int(found[3]), int(found[2]), int(found[1])) if found else None
    except ValueError:
        return None


def clean_value(spec: FieldSpec, raw: str) -> str:
    """Validate *raw* for *spec* and return the stored form; raises InvalidFieldValue."""
    value = raw.strip()
    if spec.type in ("text", "multiline"):
        return value if spec.type == "multiline" else " ".join(value.split())
    if spec.type == "date":
        parsed = _parse_date(value)
        if parsed is None:
            raise _refuse(spec, Message("a date is expected (dd/mm/yyyy)."))
        return parsed.isoformat()
    if spec.type == "number":
        try:
            number = Decimal(value.replace(" ", "").replace(",", "."))
        except InvalidOperation:
            number = Decimal("NaN")
        if not number.is_finite():
            raise _refuse(spec, Message("a number is expected."))
        text = format(number, "f")
        return text.rstrip("0").rstrip(".") if "." in text else text
    if spec.type == "choice":
        for choice, shown in zip(spec.choices, spec.shown_choices, strict=True):
            if value.casefold() in (choice.casefold(), shown.casefold()):
                return choice
        listed = ", ".join(spec.shown_choices)
        raise _refuse(spec, Message("choose one of: {choices}.", choices=listed))
    if spec.type == "phone":
        phone = be_phone(value)
        if phone is None:
            raise _refuse(spec, Message("a Belgian phone number is expected."))
        return phone
    if spec.type == "postcode":
        if not re.fullmatch(r"[1-9]\d{3}", value):
            raise _refuse(spec, Message("a Belgian postcode is expected (4 digits)."))
        return value
    if not is_email(value):
        raise _refuse(spec, Message("an e-mail address is expected."))
    return value


class FormDraft:
    """A form being filled in; frozen once submitted."""

    def __init__(
        self,
        template: FormTemplate,
        on_submit: Callable[[SubmittedForm], None] | None = None,
        *,
        keep_typed: bool = False,
    ) -> None:
        self.template = template
        self.values: dict[str, str] = {}
        #: What the candidate typed, by field (kept only when ``keep_typed``: scenario/1.1).
        self.typed: dict[str, str] = {}
        self.keep_typed = keep_typed
        self.submitted: SubmittedForm | None = None
        self._on_submit = on_submit

    def set(self, field_id: str, value: str) -> str:
        """Validate and store a value (blank clears the field); returns the stored form."""
        if self.submitted is not None:
            raise FormAlreadySubmitted(self.template.id)
        spec = self.template.field(field_id)
        if not value.strip():
            self.values.pop(field_id, None)
            self.typed.pop(field_id, None)
            return ""
        self.values[field_id] = clean_value(spec, value)
        if self.keep_typed:
            self.typed[field_id] = value.strip()
        return self.values[field_id]

    def missing_required(self) -> list[str]:
        """Ids of required fields still empty, in form order."""
        return [f.id for f in self.template.fields if f.required and f.id not in self.values]

    def submit(self) -> SubmittedForm:
        """Submit the form, freezing the draft; refuses when required fields are missing."""
        if self.submitted is not None:
            raise FormAlreadySubmitted(self.template.id)
        missing = self.missing_required()
        if missing:
            raise FormIncomplete(missing, [self.template.field(m).label for m in missing])
        ordered = tuple(
            (f.id, self.values[f.id]) for f in self.template.fields if f.id in self.values
        )
        typed = tuple((f, self.typed[f]) for f, _ in ordered if f in self.typed)
        self.submitted = SubmittedForm(self.template.id, self.template.title, ordered, typed)
        if self._on_submit is not None:
            self._on_submit(self.submitted)
        return self.submitted

    def snapshot(self) -> dict[str, Any]:
        data = {
            "template": self.template.to_dict(),
            "values": [
                [f.id, self.values[f.id]] for f in self.template.fields if f.id in self.values
            ],
            "submitted": self.submitted.to_dict() if self.submitted else None,
        }
        if self.keep_typed:
            data["typed"] = [
                [f.id, self.typed[f.id]] for f in self.template.fields if f.id in self.typed
            ]
        return data

    @classmethod
    def restore(
        cls, snapshot: dict[str, Any], on_submit: Callable[[SubmittedForm], None] | None = None
    ) -> FormDraft:
        draft = cls(
            FormTemplate.from_dict(snapshot["template"]), on_submit, keep_typed="typed" in snapshot
        )
        draft.values = {k: v for k, v in snapshot["values"]}
        draft.typed = {k: v for k, v in snapshot.get("typed", ())}
        if snapshot.get("submitted"):
            draft.submitted = SubmittedForm.from_dict(snapshot["submitted"])
        return draft


class Forms:
    """The forms tool: one current draft per template, and the submitted forms in order."""

    def __init__(self, templates: Iterable[FormTemplate], *, keep_typed: bool = False) -> None:
        self.keep_typed = keep_typed
        self.templates: dict[str, FormTemplate] = {}
        for template in templates:
            if template.id in self.templates:
                raise ValueError(f"duplicate form id: {template.id!r}")
            self.templates[template.id] = template
        self.drafts: dict[str, FormDraft] = {}
        self.submitted: list[SubmittedForm] = []

    def open(self, template_id: str) -> FormDraft:
        """The current draft for the template; a fresh one if none or if it was submitted."""
        if template_id not in self.templates:
            raise UnknownForm(template_id)
        draft = self.drafts.get(template_id)
        if draft is None or draft.submitted is not None:
            draft = FormDraft(
                self.templates[template_id], self.submitted.append, keep_typed=self.keep_typed
            )
            self.drafts[template_id] = draft
        return draft

    def submit(self, template_id: str) -> SubmittedForm:
        """Submit the current draft of the template."""
        return self.open(template_id).submit()

    def snapshot(self) -> dict[str, Any]:
        data = {
            "templates": [t.to_dict() for t in self.templates.values()],
            "drafts": [[tid, self.drafts[tid].snapshot()] for tid in sorted(self.drafts)],
            "submitted": [s.to_dict() for s in self.submitted],
        }
        if self.keep_typed:
            data["keep_typed"] = True
        return data

    @classmethod
    def restore(cls, snapshot: dict[str, Any]) -> Forms:
        forms = cls(
            (FormTemplate.from_dict(t) for t in snapshot["templates"]),
            keep_typed=bool(snapshot.get("keep_typed")),
        )
        forms.submitted = [SubmittedForm.from_dict(s) for s in snapshot["submitted"]]
        for template_id, draft in snapshot["drafts"]:
            forms.drafts[template_id] = FormDraft.restore(draft, forms.submitted.append)
        return forms
