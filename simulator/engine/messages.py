"""System lines the engine shows in the conversation (hold, transfer, hang-up…), in FR, NL and EN."""

from __future__ import annotations

SYSTEM_LINES: dict[str, dict[str, str]] = {
    "on_hold": {"fr": "Appel mis en attente.", "nl": "Oproep in de wacht gezet.", "en": "Call put on hold."},
    "resumed": {"fr": "Appel repris.", "nl": "Oproep hervat.", "en": "Call resumed."},
    "hung_up": {"fr": "Vous avez raccroché.", "nl": "U hebt ingehaakt.", "en": "You hung up."},
    "customer_hung_up": {"fr": "L'interlocuteur a raccroché.", "nl": "De gesprekspartner heeft ingehaakt.", "en": "The other party hung up."},
    "transferred": {"fr": "Appel transféré vers : {service}.", "nl": "Oproep doorverbonden naar: {service}.", "en": "Call transferred to: {service}."},
    "time_up": {"fr": "Temps écoulé : le contact est clôturé.", "nl": "Tijd is om: het contact wordt afgesloten.", "en": "Time is up: the contact is closed."},
}


def system_line(what: str, lang: str, **params: str) -> str:
    """The system line ``what`` in ``lang`` (French when the language is unknown)."""
    table = SYSTEM_LINES[what]
    return (table.get(lang) or table["fr"]).format(**params)
