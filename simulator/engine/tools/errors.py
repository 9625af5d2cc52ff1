"""Errors raised by the simulated tools when a candidate's action is refused.

Each refusal is a stable code and a :class:`~simulator.i18n.Message` of the ``engine`` catalog,
translated where it is shown; the journal keeps it written out in French, English and Dutch.
"""

from __future__ import annotations

from collections.abc import Sequence

from simulator.engine.messages import Joined
from simulator.i18n import Message, translator, written_out

#: The languages the journal keeps a tool's refusal in.
STORED = ("fr", "en", "nl")


class ToolError(Exception):
    """A refused tool action: a stable code and what the candidate reads.

    The journal writes every refusal in French, English and Dutch. Three refusals of the customer
    database (an invalid new record, its missing fields, a town that does not match its postcode)
    were once written without Dutch; the journals that hold them keep their bytes (a replay
    does not compute a tool's answer again) and their readers show the French where Dutch is missing.
    """

    def __init__(self, code: str, text: Message) -> None:
        super().__init__(str(text))
        self.code, self.text = code, text

    def message(self, lang: str) -> str:
        """The refusal in ``lang``."""
        return self.text.to(translator("engine", lang))

    def written(self) -> dict[str, str]:
        """The refusal in each stored language, as the journal keeps it (``{"fr": …, "en": …, "nl": …}``)."""
        return written_out(self.text, "engine", STORED)


class UnknownArticle(ToolError):
    """No documentation article with this id."""

    def __init__(self, article_id: str) -> None:
        super().__init__(
            "unknown_article", Message("Document not found: {article}.", article=article_id)
        )
        self.article_id = article_id


class UnknownSlot(ToolError):
    """No agenda slot with this id."""

    def __init__(self, slot_id: str) -> None:
        super().__init__("unknown_slot", Message("Unknown time slot: {slot}.", slot=slot_id))
        self.slot_id = slot_id


class SlotTaken(ToolError):
    """The agenda slot is already booked."""

    def __init__(self, slot_id: str) -> None:
        super().__init__(
            "slot_taken", Message("This time slot is already booked ({slot}).", slot=slot_id)
        )
        self.slot_id = slot_id


class UnknownBooking(ToolError):
    """No agenda booking with this id."""

    def __init__(self, booking_id: str) -> None:
        super().__init__(
            "unknown_booking", Message("Appointment not found: {booking}.", booking=booking_id)
        )
        self.booking_id = booking_id


class UnknownForm(ToolError):
    """No form template with this id."""

    def __init__(self, template_id: str) -> None:
        super().__init__("unknown_form", Message("Unknown form: {form}.", form=template_id))
        self.template_id = template_id


class UnknownField(ToolError):
    """The form has no field with this id."""

    def __init__(self, field_id: str) -> None:
        super().__init__(
            "unknown_field", Message("This form has no field “{field}”.", field=field_id)
        )
        self.field_id = field_id


class InvalidFieldValue(ToolError):
    """The value typed does not suit the field's type."""

    def __init__(self, field_id: str, text: Message) -> None:
        super().__init__("invalid_field_value", text)
        self.field_id = field_id


class FormIncomplete(ToolError):
    """Required fields are still empty."""

    def __init__(self, missing: Sequence[str], labels: Sequence[str] = ()) -> None:
        listed = ", ".join(labels or missing)
        super().__init__(
            "form_incomplete", Message("Required fields to fill in: {fields}.", fields=listed)
        )
        self.missing = tuple(missing)


class FormAlreadySubmitted(ToolError):
    """The form was already submitted and can no longer change."""

    def __init__(self, template_id: str) -> None:
        super().__init__(
            "form_already_submitted",
            Message("This form has already been submitted and can no longer be changed."),
        )
        self.template_id = template_id


class InvalidMessage(ToolError):
    """A mail or fax cannot be sent as it stands: one sentence per problem, in ``fields``' order."""

    def __init__(self, fields: Sequence[str], texts: Sequence[Message]) -> None:
        super().__init__("invalid_message", Joined(texts, " "))
        self.fields = tuple(fields)


class UnknownMessage(ToolError):
    """No received message or draft with this id."""

    def __init__(self, message_id: str) -> None:
        super().__init__(
            "unknown_message", Message("Message not found: {message}.", message=message_id)
        )
        self.message_id = message_id


class UnknownService(ToolError):
    """No service with this id in the transfer directory."""

    def __init__(self, service_id: str) -> None:
        super().__init__(
            "unknown_service",
            Message("Service not found in the directory: {service}.", service=service_id),
        )
        self.service_id = service_id


class UnknownRecord(ToolError):
    """No customer record with this id."""

    def __init__(self, record_id: str) -> None:
        super().__init__(
            "unknown_record", Message("Customer record not found: {record}.", record=record_id)
        )
        self.record_id = record_id


class InvalidValue(ToolError):
    """A customer-database value (or field name) is refused; *field* names the field."""

    def __init__(self, field: str, text: Message, code: str = "invalid_value") -> None:
        super().__init__(code, text)
        self.field = field
