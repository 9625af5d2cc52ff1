"""Errors raised by the simulated tools when a candidate's action is refused."""

from __future__ import annotations

from collections.abc import Sequence


class ToolError(Exception):
    """A refused tool action, with a stable code and messages for the candidate (fr/en, nl when given)."""

    def __init__(self, code: str, message_fr: str, message_en: str, message_nl: str | None = None) -> None:
        super().__init__(message_en)
        self.code = code
        self.message_fr = message_fr
        self.message_en = message_en
        self.message_nl = message_nl

    def message(self, lang: str) -> str:
        """The message in ``lang``; Dutch falls back to French when no Dutch text was given."""
        if lang == "en":
            return self.message_en
        return self.message_nl or self.message_fr if lang == "nl" else self.message_fr


class UnknownArticle(ToolError):
    """No documentation article with this id."""

    def __init__(self, article_id: str) -> None:
        super().__init__(
            "unknown_article",
            f"Document introuvable : {article_id}.",
            f"Document not found: {article_id}.",
            f"Document niet gevonden: {article_id}.",
        )
        self.article_id = article_id


class UnknownSlot(ToolError):
    """No agenda slot with this id."""

    def __init__(self, slot_id: str) -> None:
        super().__init__(
            "unknown_slot", f"Plage horaire inconnue : {slot_id}.", f"Unknown time slot: {slot_id}.",
            f"Onbekend tijdslot: {slot_id}."
        )
        self.slot_id = slot_id


class SlotTaken(ToolError):
    """The agenda slot is already booked."""

    def __init__(self, slot_id: str) -> None:
        super().__init__(
            "slot_taken",
            f"Cette plage horaire est déjà réservée ({slot_id}).",
            f"This time slot is already booked ({slot_id}).",
            f"Dit tijdslot is al geboekt ({slot_id}).",
        )
        self.slot_id = slot_id


class UnknownBooking(ToolError):
    """No agenda booking with this id."""

    def __init__(self, booking_id: str) -> None:
        super().__init__(
            "unknown_booking",
            f"Rendez-vous introuvable : {booking_id}.",
            f"Appointment not found: {booking_id}.",
            f"Afspraak niet gevonden: {booking_id}.",
        )
        self.booking_id = booking_id


class UnknownForm(ToolError):
    """No form template with this id."""

    def __init__(self, template_id: str) -> None:
        super().__init__(
            "unknown_form", f"Formulaire inconnu : {template_id}.", f"Unknown form: {template_id}.",
            f"Onbekend formulier: {template_id}."
        )
        self.template_id = template_id


class UnknownField(ToolError):
    """The form has no field with this id."""

    def __init__(self, field_id: str) -> None:
        super().__init__(
            "unknown_field",
            f"Ce formulaire n'a pas de champ « {field_id} ».",
            f"This form has no field “{field_id}”.",
            f"Dit formulier heeft geen veld ‘{field_id}’.",
        )
        self.field_id = field_id


class InvalidFieldValue(ToolError):
    """The value typed does not suit the field's type."""

    def __init__(self, field_id: str, message_fr: str, message_en: str, message_nl: str | None = None) -> None:
        super().__init__("invalid_field_value", message_fr, message_en, message_nl)
        self.field_id = field_id


class FormIncomplete(ToolError):
    """Required fields are still empty."""

    def __init__(self, missing: Sequence[str], labels: Sequence[str] = ()) -> None:
        listed = ", ".join(labels or missing)
        super().__init__(
            "form_incomplete",
            f"Champs obligatoires à compléter : {listed}.",
            f"Required fields to fill in: {listed}.",
            f"Verplichte velden in te vullen: {listed}.",
        )
        self.missing = tuple(missing)


class FormAlreadySubmitted(ToolError):
    """The form was already submitted and can no longer change."""

    def __init__(self, template_id: str) -> None:
        super().__init__(
            "form_already_submitted",
            "Ce formulaire a déjà été envoyé et ne peut plus être modifié.",
            "This form has already been submitted and can no longer be changed.",
            "Dit formulier is al verzonden en kan niet meer gewijzigd worden.",
        )
        self.template_id = template_id


class InvalidMessage(ToolError):
    """A mail or fax cannot be sent as it stands."""

    def __init__(self, fields: Sequence[str], message_fr: str, message_en: str, message_nl: str | None = None) -> None:
        super().__init__("invalid_message", message_fr, message_en, message_nl)
        self.fields = tuple(fields)


class UnknownMessage(ToolError):
    """No received message or draft with this id."""

    def __init__(self, message_id: str) -> None:
        super().__init__(
            "unknown_message",
            f"Message introuvable : {message_id}.",
            f"Message not found: {message_id}.",
            f"Bericht niet gevonden: {message_id}.",
        )
        self.message_id = message_id


class UnknownService(ToolError):
    """No service with this id in the transfer directory."""

    def __init__(self, service_id: str) -> None:
        super().__init__(
            "unknown_service",
            f"Service introuvable dans l'annuaire : {service_id}.",
            f"Service not found in the directory: {service_id}.",
            f"Dienst niet gevonden in de lijst: {service_id}.",
        )
        self.service_id = service_id


class UnknownRecord(ToolError):
    """No customer record with this id."""

    def __init__(self, record_id: str) -> None:
        super().__init__(
            "unknown_record",
            f"Fiche client introuvable : {record_id}.",
            f"Customer record not found: {record_id}.",
            f"Klantenfiche niet gevonden: {record_id}.",
        )
        self.record_id = record_id


class InvalidValue(ToolError):
    """A customer-database value (or field name) is refused; *field* names the field."""

    def __init__(self, field: str, message_fr: str, message_en: str,
                 code: str = "invalid_value", message_nl: str | None = None) -> None:
        super().__init__(code, message_fr, message_en, message_nl)
        self.field = field
