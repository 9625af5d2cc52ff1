"""Why an identifier is refused, named character by character: an accent, a capital, an invisible
character or a Cyrillic or Greek letter that looks Latin (with its code point), and the fix."""

from __future__ import annotations

import re
import unicodedata

IDENT = re.compile(r"^[a-z0-9][a-z0-9_-]*$")

#: Invisible characters an editor or a copy from a word processor leaves, with their French names.
INVISIBLE_FR = {
    0x00A0: "espace insécable", 0x202F: "espace fine insécable", 0x2009: "espace fine",
    0x200B: "espace sans chasse", 0x200C: "antiliant sans chasse", 0x200D: "liant sans chasse",
    0x2060: "gluon de mots", 0xFEFF: "indicateur d'ordre des octets (BOM)", 0x00AD: "trait d'union conditionnel",
}
#: Cyrillic and Greek letters that look like Latin ones, and the Latin letter meant.
LOOK_ALIKES = dict(zip("аеорсхукмтіјѕԁɡοανικρτυχεη", "aeopcxykmtijsdgoavikptuxen", strict=True))


def explain_identifier(value: str) -> tuple[dict[str, str], str]:
    """What is wrong with ``value`` (``{"fr", "en"}``) and the identifier the trainer probably meant."""
    return _first_fault(value), suggestion(value)


def suggestion(value: str) -> str:
    """``value`` made into an identifier: accents removed, look-alikes made Latin, the rest dashes."""
    out = []
    for ch in value.lower():
        ch = LOOK_ALIKES.get(ch, ch)
        base = unicodedata.normalize("NFD", ch)[0]
        out.append(base if re.match(r"[a-z0-9_-]", base) else "-")
    return re.sub(r"-{2,}", "-", "".join(out)).strip("-_") or "identifiant"


def _first_fault(value: str) -> dict[str, str]:
    if value[:1] in ("-", "_"):
        return {"fr": f"un identifiant commence par une lettre ou un chiffre, pas par « {value[0]} »",
                "en": f"an identifier starts with a letter or a digit, not '{value[0]}'"}
    for position, ch in enumerate(value, start=1):
        if re.match(r"[a-z0-9_-]", ch):
            continue
        return _describe(ch, position)
    return {"fr": "un identifiant s'écrit en minuscules sans accents, chiffres, « - » et « _ »",
            "en": "an identifier uses lower-case letters without accents, digits, '-' and '_'"}


def _describe(ch: str, position: int) -> dict[str, str]:
    code = f"U+{ord(ch):04X}"
    name = unicodedata.name(ch, "")
    if ch in LOOK_ALIKES:
        script = "cyrillique" if name.startswith("CYRILLIC") else "grecque"
        return {"fr": f"le caractère {position} est la lettre {script} {code} ({name}), qui ressemble au « {LOOK_ALIKES[ch]} » latin",
                "en": f"character {position} is {code} ({name}), which looks like the Latin '{LOOK_ALIKES[ch]}'"}
    if ord(ch) in INVISIBLE_FR or (unicodedata.category(ch) in ("Zs", "Cf", "Cc") and ch != " "):
        french = INVISIBLE_FR.get(ord(ch), name.lower() or "caractère de contrôle")
        return {"fr": f"caractère invisible {code} ({french}) en position {position}",
                "en": f"invisible character {code} ({name or 'control character'}) at position {position}"}
    if ch == " ":
        return {"fr": f"espace en position {position} : reliez les mots par « - »",
                "en": f"space at position {position}: join the words with '-'"}
    base = unicodedata.normalize("NFD", ch)[0]
    if base != ch and re.match(r"[A-Za-z]", base):
        return {"fr": f"« {ch} » porte un accent : les identifiants s'écrivent sans accents",
                "en": f"'{ch}' has an accent: identifiers are written without accents"}
    if ch.isupper():
        return {"fr": f"« {ch} » est une majuscule : les identifiants s'écrivent en minuscules",
                "en": f"'{ch}' is a capital letter: identifiers are written in lower case"}
    return {"fr": f"« {ch} » ({code}) n'est pas permis : lettres minuscules sans accents, chiffres, « - » et « _ »",
            "en": f"'{ch}' ({code}) is not allowed: lower-case letters without accents, digits, '-' and '_'"}
