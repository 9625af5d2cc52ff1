"""Whether what the candidate said announces a transfer or a hold: order rules judge what was said, not the reply's ``act``.

"Caller told before the transfer" is met by any reply or typed text that tells the caller they
are being put through ("je vous transfère", "je vous passe le service", "ik verbind u door",
"I'm putting you through"…), whatever ``act`` the scenario gave the reply, as long as nothing but a closing formula was said between it and the
transfer (a transfer promised earlier in the call and followed by other talk is not an
announcement). A sentence that says the transfer will *not* happen does not count.

"Caller told before a hold" is met the same way: the last thing the candidate said before putting
the call on hold asks the caller to wait or says they are being put on hold ("je vous mets en
attente", "un instant s'il vous plaît", "ik zet u even in de wacht", "could you hold on a moment").
"""

from __future__ import annotations

import re
from typing import Any

from simulator.formatting.text import normalise

#: Phrases (normalised: no case, accents or punctuation) that announce a transfer, per language.
_ANNOUNCES = re.compile(
    r"\b(?:"
    + "|".join(
        (
            r"(?:je|nous) (?:vais |allons )?vous (?:transfere|transferer|passe|passer|passerai|mets en relation|mettre en relation"
            r"|mets en communication|mettre en communication|redirige|rediriger)",
            r"transfert (?:vers|au|a la|en cours)",
            r"(?:ik|we) (?:verbind|verbinden|zet|zetten) (?:u|je) (?:door|over)",
            r"(?:ik|we) (?:ga|gaan) (?:u|je) doorverbinden",
            r"doorverbinden (?:met|naar)",
            r"(?:i ll|i will|i m going to|let me|i am going to) (?:transfer|put) you",
            r"(?:transferring|putting) you (?:through|to)",
            r"i m (?:transferring|putting) you",
        )
    )
    + r")\b"
)
_REFUSES = re.compile(
    r"\b(?:ne (?:vais |peux )?(?:pas|plus) vous|sans vous transferer|niet doorverbinden|not (?:transfer|put))\b"
)


def announces_transfer(text: str) -> bool:
    """True when ``text`` tells the caller they are about to be transferred (in French, Dutch or English)."""
    return _says(text, _ANNOUNCES, _REFUSES)


#: Phrases (normalised) that tell the caller they are about to wait, per language.
_HOLDS = re.compile(
    r"\b(?:"
    + "|".join(
        (
            r"(?:je|nous) (?:vais |allons )?vous (?:mets|mettre|mettons|remets|remettre) (?:en|sur) (?:attente|pause|garde)",
            r"(?:un|une) (?:instant|moment|minute|seconde)(?: s il vous plait| svp)?",
            r"(?:pouvez|voulez)[ -]vous (?:patienter|rester en ligne|attendre|ne pas quitter)",
            r"(?:merci de |veuillez )?(?:patienter|ne quittez pas|restez en ligne)",
            r"(?:ik|we) (?:zet|zetten) (?:u|je) (?:even |eventjes )?in de wacht",
            r"(?:een|één) (?:ogenblik|momentje|moment)(?:je)?",
            r"(?:wilt|kunt) (?:u|je) (?:even |eventjes )?(?:wachten|aan de lijn blijven)",
            r"blijf(?:t u)? (?:even )?aan de lijn",
            r"(?:i ll|i will|i m going to|let me|i am going to) put you on hold",
            r"(?:could|can|would) you (?:please )?hold(?: on| the line)?",
            r"(?:please )?hold (?:on|the line)",
            r"(?:one|just a) (?:moment|second|minute)(?: please)?",
        )
    )
    + r")\b"
)
_NO_HOLD = re.compile(
    r"\b(?:sans vous (?:mettre en attente|faire (?:patienter|attendre))|ne (?:vais |peux )?(?:pas|plus) vous (?:mettre en attente|faire (?:patienter|attendre))|niet in de wacht|not (?:put you on hold|keep you waiting))\b"
)


def announces_hold(text: str) -> bool:
    """True when ``text`` asks the caller to wait or says they are being put on hold (French, Dutch or English)."""
    return _says(text, _HOLDS, _NO_HOLD)


def _says(text: str, announcement: re.Pattern[str], denial: re.Pattern[str]) -> bool:
    """Whether the normalised ``text`` holds the announcement without denying it."""
    folded = normalise(text)
    return bool(announcement.search(folded)) and not denial.search(folded)


def remember_said(memory: Any, said: str, act: str | None) -> None:
    """After the candidate said ``said`` on a call: whether a transfer or a hold right now is announced.

    A closing formula after a transfer announcement keeps it (the caller was told, then thanked).
    """
    if act != "close" or announces_transfer(said):
        memory.transfer_announced = announces_transfer(said)
    memory.hold_announced = announces_hold(said)
