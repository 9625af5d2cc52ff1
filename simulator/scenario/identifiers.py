"""Why an identifier is refused, named character by character: an accent, a capital, an invisible
character or a Cyrillic or Greek letter that looks Latin (with its code point), and the fix."""

from __future__ import annotations

import re
import unicodedata

from simulator.i18n import N_, Message

IDENT = re.compile(r"^[a-z0-9][a-z0-9_-]*$")

#: Invisible characters an editor or a copy from a word processor leaves, named in the checker catalog
#: (the English ids are their Unicode names).
INVISIBLE = {
    0x00A0: N_("NO-BREAK SPACE"),
    0x202F: N_("NARROW NO-BREAK SPACE"),
    0x2009: N_("THIN SPACE"),
    0x200B: N_("ZERO WIDTH SPACE"),
    0x200C: N_("ZERO WIDTH NON-JOINER"),
    0x200D: N_("ZERO WIDTH JOINER"),
    0x2060: N_("WORD JOINER"),
    0xFEFF: N_("ZERO WIDTH NO-BREAK SPACE"),
    0x00AD: N_("SOFT HYPHEN"),
}
#: Cyrillic and Greek letters that look like Latin ones, and the Latin letter meant.
LOOK_ALIKES = dict(zip("аеорсхукмтіјѕԁɡοανικρτυχεη", "aeopcxykmtijsdgoavikptuxen", strict=True))


def explain_identifier(value: str) -> tuple[Message, str]:
    """What is wrong with ``value`` (a ``Message``) and the identifier the trainer probably meant."""
    return _first_fault(value), suggestion(value)


def suggestion(value: str) -> str:
    """``value`` made into an identifier: accents removed, look-alikes made Latin, the rest dashes."""
    out = []
    for ch in value.lower():
        ch = LOOK_ALIKES.get(ch, ch)
        base = unicodedata.normalize("NFD", ch)[0]
        out.append(base if re.match(r"[a-z0-9_-]", base) else "-")
    return re.sub(r"-{2,}", "-", "".join(out)).strip("-_") or "identifiant"


def _first_fault(value: str) -> Message:
    if value[:1] in ("-", "_"):
        return Message("an identifier starts with a letter or a digit, not '{char}'", char=value[0])
    for position, ch in enumerate(value, start=1):
        if re.match(r"[a-z0-9_-]", ch):
            continue
        return _describe(ch, position)
    return Message("an identifier uses lower-case letters without accents, digits, '-' and '_'")


def _describe(ch: str, position: int) -> Message:
    code = f"U+{ord(ch):04X}"
    name = unicodedata.name(ch, "")
    if ch in LOOK_ALIKES:
        script = Message(N_("Cyrillic") if name.startswith("CYRILLIC") else N_("Greek"))
        return Message(
            "character {position} is the {script} letter {code} ({name}), which looks like the Latin '{latin}'",
            position=position,
            code=code,
            name=name,
            latin=LOOK_ALIKES[ch],
            script=script,
        )
    if ord(ch) in INVISIBLE or (unicodedata.category(ch) in ("Zs", "Cf", "Cc") and ch != " "):
        # The usual ones named in the reader's language, the others by their Unicode name.
        local = (
            Message(INVISIBLE[ord(ch)])
            if ord(ch) in INVISIBLE
            else name.lower() or Message("control character")
        )
        return Message(
            "invisible character {code} ({name}) at position {position}",
            code=code,
            name=local,
            position=position,
        )
    if ch == " ":
        return Message("space at position {position}: join the words with '-'", position=position)
    base = unicodedata.normalize("NFD", ch)[0]
    if base != ch and re.match(r"[A-Za-z]", base):
        return Message("'{char}' has an accent: identifiers are written without accents", char=ch)
    if ch.isupper():
        return Message(
            "'{char}' is a capital letter: identifiers are written in lower case", char=ch
        )
    return Message(
        "'{char}' ({code}) is not allowed: lower-case letters without accents, digits, '-' and '_'",
        char=ch,
        code=code,
    )
