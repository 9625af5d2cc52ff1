"""Plain-sentence explanations (French, English) of every verification outcome, keyed by code."""

from __future__ import annotations

from typing import Any

#: code → (French template, English template); placeholders use ``str.format`` names.
REASONS: dict[str, tuple[str, str]] = {
    "ok": (
        "OK : {checked} événements vérifiés, chaîne intacte.",
        "OK: {checked} events verified, chain intact.",
    ),
    # --- the chain of events ------------------------------------------------------------
    "hash_mismatch": (
        "L'événement n° {seq} a été modifié : son empreinte ne correspond plus à son contenu.",
        "Event #{seq} was modified: its hash no longer matches its content.",
    ),
    "prev_mismatch": (
        (
            "Chaîne rompue à l'événement n° {seq} : il ne fait pas suite à l'événement "
            "n° {prev} (événement supprimé, inséré ou remplacé)."
        ),
        (
            "Chain broken at event #{seq}: it does not follow event #{prev} "
            "(event deleted, inserted or replaced)."
        ),
    ),
    "header_link_broken": (
        (
            "L'événement n° 1 n'est pas relié à l'en-tête de la session "
            "(en-tête modifié ou événement remplacé)."
        ),
        "Event #1 is not linked to the session header (header modified or event replaced).",
    ),
    "header_modified": (
        "L'en-tête de la session a été modifié : son empreinte ne correspond plus.",
        "The session header was modified: its hash no longer matches.",
    ),
    "missing": (
        "L'événement n° {seq} manque : l'événement suivant porte le n° {found}.",
        "Event #{seq} is missing: the next event is numbered #{found}.",
    ),
    "swapped": (
        "Événements dans le désordre : le n° {found} se trouve à la place du n° {seq}.",
        "Events out of order: #{found} is where #{seq} should be.",
    ),
    "duplicate": (
        "L'événement n° {found} apparaît en double, à la place du n° {seq}.",
        "Event #{found} is duplicated, where #{seq} should be.",
    ),
    "out_of_order": (
        "Numérotation incohérente : le n° {found} se trouve à la place du n° {seq}.",
        "Inconsistent numbering: #{found} is where #{seq} should be.",
    ),
    "wrong_session": (
        "L'événement n° {seq} appartient à une autre session (« {other} »).",
        "Event #{seq} belongs to another session ('{other}').",
    ),
    "truncated": (
        (
            "Journal tronqué : {expected} événements attendus, {checked} trouvés ; "
            "l'événement n° {seq} manque."
        ),
        "Journal truncated: {expected} events expected, {checked} found; event #{seq} is missing.",
    ),
    "extra_events": (
        "Événements en trop : le journal devait s'arrêter au n° {last}, le n° {seq} est en trop.",
        "Unexpected events: the journal should end at #{last}, #{seq} is extra.",
    ),
    "head_mismatch": (
        "Le journal ne se termine pas sur l'empreinte attendue : il a été tronqué ou réécrit.",
        "The journal does not end on the expected hash: it was truncated or rewritten.",
    ),
    "unreadable_event": (
        "L'événement n° {seq} est illisible : {detail}.",
        "Event #{seq} is unreadable: {detail}.",
    ),
    "header_unreadable": (
        "En-tête de session illisible : {detail}.",
        "Session header unreadable: {detail}.",
    ),
    # --- reading a JSON Lines file ------------------------------------------------------
    "unreadable": ("Fichier illisible : {detail}.", "File unreadable: {detail}."),
    "empty": ("Le fichier est vide.", "The file is empty."),
    "invalid_utf8": (
        "Ligne {line} : texte qui n'est pas de l'UTF-8 valide (octet {byte}).",
        "Line {line}: text is not valid UTF-8 (byte {byte}).",
    ),
    "invalid_json": (
        "Ligne {line} : ce n'est pas du JSON valide ({detail}).",
        "Line {line}: not valid JSON ({detail}).",
    ),
    "not_canonical": (
        "Ligne {line} : ligne modifiée (elle n'est plus sous forme canonique).",
        "Line {line}: line was altered (no longer in canonical form).",
    ),
    "truncated_line": (
        "Ligne {line} : dernière ligne tronquée (pas de fin de ligne).",
        "Line {line}: last line truncated (no end of line).",
    ),
    "missing_header": (
        "Ligne 1 : l'en-tête de session est absent.",
        "Line 1: the session header is missing.",
    ),
    "bad_line": ("Ligne {line} : {detail_fr}.", "Line {line}: {detail_en}."),
    "missing_seal": (
        "Le sceau final est absent après la ligne {line} : le fichier est tronqué.",
        "The final seal is missing after line {line}: the file is truncated.",
    ),
    "after_seal": (
        "Ligne {line} : contenu après le sceau final.",
        "Line {line}: content after the final seal.",
    ),
}


def describe(code: str, **values: Any) -> tuple[str, str]:
    """Return the (French, English) sentences for ``code`` filled with ``values``."""
    fr, en = REASONS[code]
    return fr.format(**values), en.format(**values)
