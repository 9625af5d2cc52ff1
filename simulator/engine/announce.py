"""Whether what the candidate said announces a transfer: order rules judge what was said, not the reply's ``act``.

"Caller told before the transfer" is met by any reply or typed text that tells the caller they
are being put through ("je vous transfère", "je vous passe le service", "ik verbind u door",
"I'm putting you through"…), whatever ``act`` the scenario gave the reply, as long as nothing but a closing formula was said between it and the
transfer (a transfer promised earlier in the call and followed by other talk is not an
announcement). A sentence that says the transfer will *not* happen does not count.
"""

from __future__ import annotations

import re

from simulator.engine.textcheck import normalise

#: Phrases (normalised: no case, accents or punctuation) that announce a transfer, per language.
_ANNOUNCES = re.compile(r"\b(?:" + "|".join((
    r"(?:je|nous) (?:vais |allons )?vous (?:transfere|transferer|passe|passer|passerai|mets en relation|mettre en relation"
    r"|mets en communication|mettre en communication|redirige|rediriger)",
    r"transfert (?:vers|au|a la|en cours)",
    r"(?:ik|we) (?:verbind|verbinden|zet|zetten) (?:u|je) (?:door|over)",
    r"(?:ik|we) (?:ga|gaan) (?:u|je) doorverbinden",
    r"doorverbinden (?:met|naar)",
    r"(?:i ll|i will|i m going to|let me|i am going to) (?:transfer|put) you",
    r"(?:transferring|putting) you (?:through|to)",
    r"i m (?:transferring|putting) you",
)) + r")\b")
_REFUSES = re.compile(r"\b(?:ne (?:vais |peux )?(?:pas|plus) vous|sans vous transferer|niet doorverbinden|not (?:transfer|put))\b")


def announces_transfer(text: str) -> bool:
    """True when ``text`` tells the caller they are about to be transferred (in French, Dutch or English)."""
    folded = normalise(text)
    return bool(_ANNOUNCES.search(folded)) and not _REFUSES.search(folded)
