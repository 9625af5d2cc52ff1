"""The engine-level critical ``ENG-SENSITIVE-TO-THIRD-PARTY``: a debt or a medical matter disclosed to a third party.

A scenario says who is on the line (``confidential.on_the_line``, or ``party`` on a node: the
customer, a relative, a colleague, an answering machine…) and which of the customer's matters are
sensitive, with the words that disclose them. When the candidate says or types one of those words
while someone other than the customer is on the line, or sends it in a mail to an address that is
not the customer's, the contact gets one critical negative (once per contact and channel):
speech fails the scenario's ``confidential.competency`` (by default 01.02 inbound, 02.01
outbound), a mail 03.05. Words are compared without case, accents or punctuation, whole words only.
"""

from __future__ import annotations

from typing import Any

from simulator.engine.evidence import Evidence
from simulator.engine.messages import Joined
from simulator.formatting.text import contains_phrase
from simulator.i18n import N_, STORED_LANGS, Message, written_out
from simulator.scenario.parties import party_at

RULE = "ENG-SENSITIVE-TO-THIRD-PARTY"
_KINDS = {"debt": N_("debt"), "medical": N_("health")}
_PARTIES = {
    "relative": N_("a relative"),
    "colleague": N_("a colleague"),
    "answering_machine": N_("an answering machine"),
    "other": N_("someone else"),
    "mail": N_("a mail to another address"),
}


def told_third_party(contact: Any, said: str) -> list[Evidence]:
    """The critical for ``said`` (what the candidate just said or typed at the current node), if it discloses."""
    spec = contact.scenario.confidential
    if spec is None or not said or _already(contact, "speech"):
        return []
    party = party_at(contact.scenario, contact.node)
    kinds = disclosed(contact, said) if party != "customer" else []
    if not kinds:
        return []
    code = spec.competency or {"inbound": "01.02", "outbound": "02.01"}.get(
        contact.scenario.direction
    )
    return [_critical(contact, code, kinds, party, "speech")] if code else []


def mailed_third_party(contact: Any) -> list[Evidence]:
    """The critical for a sent mail that discloses to an address not the customer's (at the end of the contact)."""
    spec, mail = contact.scenario.confidential, contact.box.mail
    if spec is None or mail is None or not mail.sent:
        return []
    own = _own_addresses(contact)
    kinds: list[str] = []
    for message in mail.sent:
        if message.to.strip().lower() not in own:
            kinds += [
                k for k in disclosed(contact, f"{message.subject} {message.body}") if k not in kinds
            ]
    return [_critical(contact, "03.05", kinds, "mail", "mail")] if kinds else []


def disclosed(contact: Any, text: str) -> list[str]:
    """The kinds of sensitive matter ``text`` discloses (in the scenario's order)."""
    found = []
    for matter in contact.scenario.confidential.matters:
        if matter.kind not in found and any(
            contains_phrase(text, contact.ctx.value(word)) for word in matter.words
        ):
            found.append(matter.kind)
    return found


def _own_addresses(contact: Any) -> set[str]:
    db = contact.box.customer_db
    if db is None:
        return set()
    return {
        str(row.get("email") or "").strip().lower()
        for row in db.snapshot()["initial"]
        if row["role"] == "target"
    } - {""}


def _already(contact: Any, channel: str) -> bool:
    return any(e.rule == RULE and e.detail.get("channel") == channel for e in contact.evidence)


def _critical(contact: Any, code: str, kinds: list[str], party: str, channel: str) -> Evidence:
    text = Message(
        "A confidential matter of the customer's ({what}) was disclosed to a third party ({party}).",
        what=Joined([Message(_KINDS[k]) for k in kinds]),
        party=Message(_PARTIES[party]),
    )
    langs = (
        ("fr", "en", "nl") if contact.lang == "nl" else STORED_LANGS
    )  # Dutch kept in a Dutch session only
    return Evidence(
        code,
        False,
        True,
        RULE,
        "tool",
        contact.key,
        written_out(text, "engine", langs),
        {"channel": channel},
    )
