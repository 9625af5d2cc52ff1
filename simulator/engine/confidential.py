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
from simulator.formatting.text import contains_phrase
from simulator.scenario.parties import party_at

RULE = "ENG-SENSITIVE-TO-THIRD-PARTY"
_TEXTS = {
    "fr": "Une information confidentielle du client ({what}) a été communiquée à un tiers ({party}).",
    "en": "A confidential matter of the customer's ({what}) was disclosed to a third party ({party}).",
    "nl": "Een vertrouwelijke aangelegenheid van de klant ({what}) werd aan een derde meegedeeld ({party}).",
}
_KINDS = {"debt": {"fr": "dette", "en": "debt", "nl": "schuld"},
          "medical": {"fr": "santé", "en": "health", "nl": "gezondheid"}}
_PARTIES = {
    "relative": {"fr": "un proche", "en": "a relative", "nl": "een familielid"},
    "colleague": {"fr": "un collègue", "en": "a colleague", "nl": "een collega"},
    "answering_machine": {"fr": "un répondeur", "en": "an answering machine", "nl": "een antwoordapparaat"},
    "other": {"fr": "une autre personne", "en": "someone else", "nl": "iemand anders"},
    "mail": {"fr": "un courrier à une autre adresse", "en": "a mail to another address", "nl": "een bericht naar een ander adres"},
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
    code = spec.competency or {"inbound": "01.02", "outbound": "02.01"}.get(contact.scenario.direction)
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
            kinds += [k for k in disclosed(contact, f"{message.subject} {message.body}") if k not in kinds]
    return [_critical(contact, "03.05", kinds, "mail", "mail")] if kinds else []


def disclosed(contact: Any, text: str) -> list[str]:
    """The kinds of sensitive matter ``text`` discloses (in the scenario's order)."""
    found = []
    for matter in contact.scenario.confidential.matters:
        if matter.kind not in found and any(contains_phrase(text, contact.ctx.value(word)) for word in matter.words):
            found.append(matter.kind)
    return found


def _own_addresses(contact: Any) -> set[str]:
    db = contact.box.customer_db
    if db is None:
        return set()
    return {str(row.get("email") or "").strip().lower() for row in db.snapshot()["initial"] if row["role"] == "target"} - {""}


def _already(contact: Any, channel: str) -> bool:
    return any(e.rule == RULE and e.detail.get("channel") == channel for e in contact.evidence)


def _critical(contact: Any, code: str, kinds: list[str], party: str, channel: str) -> Evidence:
    langs = [lang for lang in _TEXTS if lang != "nl" or contact.lang == "nl"]
    explanation = {lang: _TEXTS[lang].format(what=", ".join(_KINDS[k][lang] for k in kinds), party=_PARTIES[party][lang])
                   for lang in langs}
    return Evidence(code, False, True, RULE, "tool", contact.key, explanation, {"channel": channel})
