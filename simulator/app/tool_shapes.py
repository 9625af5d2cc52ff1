"""The shape of each tool operation as the panels show it: its label and the arguments it takes.

Only shapes and labels live here (message ids, translated where they are shown); what an
operation does and whether it is right is the engine's business.
"""

from __future__ import annotations

from dataclasses import dataclass

from simulator.app.i18n import N_


@dataclass(frozen=True)
class Operation:
    """One operation of a tool: the engine's ``op`` name, its label and its arguments in order."""

    op: str
    label: str
    args: tuple[str, ...]


#: Operations each tool offers in the panel, in the order a candidate uses them.
TOOL_OPERATIONS: dict[str, tuple[Operation, ...]] = {
    "customer_db": (
        Operation("search", N_("Search"), ("query",)),
        Operation("open", N_("Open a record"), ("record",)),
        Operation("update", N_("Update a field"), ("record", "field", "value")),
        Operation("set_status", N_("Set the status"), ("record", "status")),
    ),
    "documentation": (
        Operation("search", N_("Search"), ("query",)),
        Operation("open", N_("Open a document"), ("article",)),
        Operation("select", N_("Select for sending"), ("article",)),
        Operation("unselect", N_("Remove from sending"), ("article",)),
    ),
    "agenda": (
        Operation("view", N_("Free slots"), ("calendar",)),
        Operation("book", N_("Book a slot"), ("slot", "for_whom", "note")),
        Operation("move", N_("Move a booking"), ("booking", "slot")),
        Operation("cancel", N_("Cancel a booking"), ("booking",)),
    ),
    "forms": (
        Operation("open", N_("Open a form"), ("form",)),
        Operation("set", N_("Fill in a field"), ("form", "field", "value")),
        Operation("submit", N_("Submit the form"), ("form",)),
    ),
    "mail": (
        Operation("inbox", N_("Inbox"), ()),
        Operation("read", N_("Read a message"), ("message",)),
        Operation(
            "send", N_("Send"), ("in_reply_to", "channel", "to", "subject", "body", "attachments")
        ),
    ),
    "directory": (Operation("search", N_("Search"), ("query",)),),
}

#: Tab titles, in the order the tabs appear.
TOOL_TITLES = {
    "customer_db": N_("Customers"),
    "documentation": N_("Documentation"),
    "agenda": N_("Agenda"),
    "forms": N_("Forms"),
    "mail": N_("Mail"),
    "directory": N_("Services"),
}

#: Field labels, in the order the fields appear in a panel.
ARG_LABELS = {
    "message": N_("Received message"),
    "in_reply_to": N_("In reply to"),
    "channel": N_("Channel"),
    "to": N_("To"),
    "subject": N_("Subject"),
    "body": N_("Message"),
    "attachments": N_("Attachments"),
    "query": N_("Search for"),
    "form": N_("Form"),
    "record": N_("Record"),
    "article": N_("Document"),
    "calendar": N_("Calendar"),
    "slot": N_("Slot"),
    "booking": N_("Booking"),
    "field": N_("Field"),
    "value": N_("Value"),
    "status": N_("Status"),
    "for_whom": N_("For whom"),
    "note": N_("Note"),
}

#: Arguments left out of the action when empty.
OPTIONAL_ARGS = frozenset({"calendar", "note", "in_reply_to", "for_whom", "attachments"})
#: Arguments chosen from a list rather than typed (attachments: several, ticked in the documentation's list).
CHOICE_ARGS = frozenset(
    {"message", "in_reply_to", "channel", "form", "field", "status", "attachments"}
)

#: What a tool panel's first field asks for, shown as the input's placeholder.
PLACEHOLDERS = {
    "query": N_("a name, a number, a word… (Enter)"),
    "calendar": N_("empty: every calendar"),
}

#: The customer record's fields, as the database shows them.
RECORD_FIELD_LABELS = {
    "record_id": N_("Record"),
    "status": N_("Status"),
    "updated_on": N_("Updated on"),
    "customer_id": N_("Customer number"),
    "title": N_("Title (Mr/Mrs)"),
    "first_name": N_("First name"),
    "last_name": N_("Last name"),
    "street": N_("Street"),
    "number": N_("House number"),
    "box": N_("Box"),
    "postcode": N_("Postcode"),
    "city": N_("Town"),
    "phone": N_("Phone"),
    "mobile": N_("Mobile"),
    "email": N_("E-mail"),
    "birth_date": N_("Date of birth"),
    "iban": N_("IBAN"),
    "language": N_("Language"),
    "notes": N_("Notes"),
}
#: The record's statuses (stored values are the database's own words).
STATUS_LABELS = {"actif": N_("active"), "inactif": N_("inactive"), "doublon": N_("duplicate")}
#: Kinds of documentation articles.
ARTICLE_KIND_LABELS = {
    "script": N_("script"),
    "article": N_("article"),
    "procedure": N_("procedure"),
    "faq": N_("FAQ"),
}
#: What a form field expects, by type.
FIELD_TYPE_HINTS = {
    "text": N_("text"),
    "multiline": N_("text"),
    "date": N_("date (dd/mm/yyyy)"),
    "number": N_("number"),
    "phone": N_("phone number"),
    "postcode": N_("postcode (4 digits)"),
    "email": N_("e-mail address"),
    "choice": N_("one of: {choices}"),
}
#: Channels of the mail composer.
CHANNEL_LABELS = {"mail": N_("E-mail"), "fax": N_("Fax")}


def editable_record_fields() -> tuple[str, ...]:
    """The record fields a candidate may change (the database's own list)."""
    from simulator.engine.tools.customer_records import EDITABLE

    return EDITABLE


def operation(tool: str, op: str) -> Operation:
    """The operation ``op`` of ``tool`` (KeyError when the panel does not offer it)."""
    for candidate in TOOL_OPERATIONS[tool]:
        if candidate.op == op:
            return candidate
    raise KeyError(f"{tool}.{op}")


def arg_order(arg: str) -> int:
    """Where an argument's field sits in a panel."""
    order = list(ARG_LABELS)
    return order.index(arg) if arg in order else len(order)
