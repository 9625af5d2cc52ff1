"""How the other tools' answers are shown: documentation, agenda, forms, mail and the services directory."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from simulator.app.tool_shapes import ARTICLE_KIND_LABELS
from simulator.app.tool_shown import (
    FormField,
    Presenter,
    Row,
    Shown,
    Translate,
    cell,
    field_hint,
    when,
)
from simulator.app.typography import prose, tie
from simulator.formatting.display import shown_date
from simulator.i18n.elision import with_names

# -- documentation ---------------------------------------------------------------------------------


def show_articles(args: Mapping[str, Any], value: Any, t: Translate, lang: str) -> Shown:
    rows = tuple(
        Row(
            str(a["id"]),
            (str(a["title"]), t(ARTICLE_KIND_LABELS.get(a["kind"], a["kind"])), str(a["id"])),
            ("open", {"article": str(a["id"])}),
        )
        for a in value
    )
    summary = (
        t("Documents found: {n}. Choose one (Enter) to open it.", n=len(rows))
        if rows
        else t("No document found.")
    )
    return Shown(summary, (t("Title"), t("Type"), t("Reference")), rows)


def show_article(args: Mapping[str, Any], value: Any, t: Translate, lang: str) -> Shown:
    kind = t(ARTICLE_KIND_LABELS.get(value.get("kind", ""), value.get("kind", "")))
    return Shown(
        t(
            "Open: {title} ({kind}, {id})",
            title=value.get("title", ""),
            kind=kind,
            id=value.get("id", ""),
        ),
        reader=prose(str(value.get("body", ""))),
        prefill={"article": str(value.get("id", ""))},
    )


def show_selected(args: Mapping[str, Any], value: Any, t: Translate, lang: str) -> Shown:
    return Shown(t("Selected for sending: {id}.", id=args.get("article", "")))


def show_unselected(args: Mapping[str, Any], value: Any, t: Translate, lang: str) -> Shown:
    return Shown(t("Removed from sending: {id}.", id=args.get("article", "")))


# -- agenda ----------------------------------------------------------------------------------------


def show_slots(args: Mapping[str, Any], value: Any, t: Translate, lang: str) -> Shown:
    rows = tuple(
        Row(
            str(s["id"]),
            (when(s["start"], s["minutes"], lang), str(s.get("label", "")), str(s["id"])),
            ("book", {"slot": str(s["id"])}),
        )
        for s in value
    )
    summary = (
        t("Free slots: {n}. Choose one (Enter) to book it.", n=len(rows))
        if rows
        else t("No free slot.")
    )
    return Shown(summary, (t("When"), t("Calendar"), t("Slot")), rows)


def show_booking(summary: str) -> Presenter:
    def present(args: Mapping[str, Any], value: Any, t: Translate, lang: str) -> Shown:
        booking = str(value.get("id", ""))
        rows = (
            Row(
                booking,
                (
                    booking,
                    str(value.get("slot_id", "")),
                    str(value.get("for_whom", "")),
                    str(value.get("note", "")),
                ),
            ),
        )
        return Shown(
            t(summary, id=booking),
            (t("Booking"), t("Slot"), t("For whom"), t("Note")),
            rows,
            prefill={"booking": booking},
        )

    return present


# -- forms -----------------------------------------------------------------------------------------


def show_form(args: Mapping[str, Any], value: Any, t: Translate, lang: str) -> Shown:
    template = value["template"]
    fields = tuple(
        FormField(
            f["id"],
            str(f["label"]),
            str(f["type"]),
            bool(f.get("required", True)),
            tuple(f.get("labels") or f.get("choices", ())),
            tuple(f.get("choices", ())) if f.get("labels") else (),
        )
        for f in template["fields"]
    )
    values = {k: v for k, v in value.get("values", [])}
    form_id = str(template["id"])
    shown = {f.id: f.shown(values.get(f.id, ""), lang) for f in fields}
    rows = tuple(
        Row(
            f.id,
            (f.label + (" *" if f.required else ""), shown[f.id], field_hint(f, t)),
            ("set", {"form": form_id, "field": f.id, "value": shown[f.id]}),
        )
        for f in fields
    )
    summary = t(
        "Form « {title} ». Choose a field (Enter) to fill it in; * required.",
        title=template.get("title", ""),
    )
    return Shown(summary, (t("Field"), t("Value"), t("Expected")), rows, form=(form_id, fields))


def show_stored(args: Mapping[str, Any], value: Any, t: Translate, lang: str) -> Shown:
    stored = cell(value)
    return Shown(
        t("Saved: {value}", value=stored or "—"),
        stored=(str(args.get("form", "")), str(args.get("field", "")), stored),
    )


def show_submitted(args: Mapping[str, Any], value: Any, t: Translate, lang: str) -> Shown:
    rows = tuple(Row(str(k), (str(k), cell(v))) for k, v in value.get("values", []))
    return Shown(
        t("Form submitted: {title}.", title=value.get("title", "")), (t("Field"), t("Value")), rows
    )


# -- mail and services -----------------------------------------------------------------------------


def show_sent(args: Mapping[str, Any], value: Any, t: Translate, lang: str) -> Shown:
    rows: tuple[Row, ...] = (
        Row("to", (t("To"), cell(value.get("to")))),
        Row("subject", (t("Subject"), cell(value.get("subject")))),
    )
    if value.get("attachments"):
        rows += (
            Row("attachments", (t("Attachments"), ", ".join(str(a) for a in value["attachments"]))),
        )
    return Shown(
        t("Message sent to {to}.", to=value.get("to", "")),
        (t("Field"), t("Value")),
        rows,
        reader=tie(cell(value.get("body"))),
    )


def show_inbox(args: Mapping[str, Any], value: Any, t: Translate, lang: str) -> Shown:
    rows = tuple(
        Row(
            str(m["id"]),
            (
                str(m.get("sender", "")),
                str(m.get("subject", "")),
                shown_date(str(m.get("received_at", "")), lang),
            ),
            ("read", {"message": str(m["id"])}),
        )
        for m in value
    )
    summary = (
        t("Messages received: {n}. Choose one (Enter) to read it.", n=len(rows))
        if rows
        else t("No message received.")
    )
    return Shown(summary, (t("From"), t("Subject"), t("Received on")), rows)


def show_message(args: Mapping[str, Any], value: Any, t: Translate, lang: str) -> Shown:
    sender, subject = cell(value.get("sender")), cell(value.get("subject"))
    heading = "\n".join(
        (
            t("From: {sender}", sender=sender),
            t("Subject: {subject}", subject=tie(subject)),
            t("Received on: {date}", date=shown_date(cell(value.get("received_at")), lang)),
        )
    )
    return Shown(
        with_names(
            t("Message from {sender}. To answer it: {send}, in reply to it."),
            lang,
            sender=sender,
            send=t("Send"),
        ),
        reader=f"{tie(heading)}\n\n{prose(cell(value.get('body')))}",
        prefill={"message": str(value.get("id", "")), "in_reply_to": str(value.get("id", ""))},
    )


def show_services(args: Mapping[str, Any], value: Any, t: Translate, lang: str) -> Shown:
    rows = tuple(
        Row(
            str(s["id"]),
            (str(s["name"]), str(s.get("extension", "")), str(s.get("handles", "")), str(s["id"])),
            ("transfer", {"service": str(s["id"])}),
        )
        for s in value
    )
    summary = (
        t("Services: {n}. Choose one (Enter) to transfer the call to it (F6).", n=len(rows))
        if rows
        else t("No service found.")
    )
    return Shown(summary, (t("Service"), t("Extension"), t("Handles"), t("Reference")), rows)
