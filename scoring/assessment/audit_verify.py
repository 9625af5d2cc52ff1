"""Verify the audit log's hash chain and locate the first entry that was changed, deleted, swapped or inserted.

Each entry's hash covers its own ``seq``, so an entry's content found under another number tells
where it came from: the content of a later entry means entries were deleted (or two swapped), the
content of an earlier one means entries were inserted before it.
"""

from __future__ import annotations

from collections.abc import Sequence

from scoring.assessment.audit_store import GENESIS, entry_hash
from scoring.assessment.model import AuditBreak, AuditEntry
from simulator.journal.errors import JournalError

#: code → (French, English) templates of the reason; placeholders are ``str.format`` names.
REASONS: dict[str, tuple[str, str]] = {
    "modified": (
        "L'entrée n° {seq} a été modifiée ou forgée : son empreinte ne correspond plus à son contenu.",
        "Entry #{seq} was modified or forged: its hash no longer matches its content.",
    ),
    "missing": (
        "L'entrée n° {seq} manque : l'entrée suivante porte le n° {found}.",
        "Entry #{seq} is missing: the next entry is numbered #{found}.",
    ),
    "out_of_order": (
        "Numérotation incohérente : le n° {found} se trouve à la place du n° {seq}.",
        "Inconsistent numbering: #{found} is where #{seq} should be.",
    ),
    "swapped": (
        "Les entrées n° {seq} et n° {other} ont été permutées.",
        "Entries #{seq} and #{other} were swapped.",
    ),
    "deleted": (
        (
            "L'entrée n° {seq} a été supprimée : le n° {seq} porte le contenu de l'ancienne entrée n° {other} "
            "(entrées renumérotées)."
        ),
        "Entry #{seq} was deleted: #{seq} holds what was entry #{other} (entries renumbered).",
    ),
    "inserted": (
        (
            "L'entrée n° {seq} a été insérée : l'entrée n° {other} portait auparavant le n° {seq} "
            "(entrées renumérotées)."
        ),
        "Entry #{seq} was inserted: entry #{other} used to be #{seq} (entries renumbered).",
    ),
    "unlinked": (
        (
            "Chaîne rompue à l'entrée n° {seq} : elle ne fait pas suite à l'entrée n° {prev} "
            "(l'une des deux a été remplacée, ou une entrée insérée ou supprimée entre elles)."
        ),
        (
            "Chain broken at entry #{seq}: it does not follow entry #{prev} "
            "(one of them was replaced, or an entry inserted or deleted between them)."
        ),
    ),
    "bad_start": (
        "L'entrée n° 1 ne commence pas la chaîne : elle a été remplacée ou des entrées ont été insérées avant elle.",
        "Entry #1 does not start the chain: it was replaced or entries were inserted before it.",
    ),
}


def verify_chain(entries: Sequence[AuditEntry]) -> AuditBreak | None:
    """``None`` when every entry is numbered 1, 2, 3…, hashes its content and links to the one before."""
    by_seq = {entry.seq: entry for entry in entries}
    horizon = 2 * (max(by_seq, default=0) + len(entries)) + 2
    prev = GENESIS
    for k, entry in enumerate(entries, start=1):
        if entry.seq != k:
            return _break("missing" if entry.seq > k else "out_of_order", k, found=entry.seq)
        if _hashes_at(entry, k):
            if entry.prev_hash == prev:
                prev = entry.hash
                continue
            return _break("bad_start", 1) if k == 1 else _break("unlinked", k, prev=k - 1)
        home = next((seq for seq in range(1, horizon) if seq != k and _hashes_at(entry, seq)), None)
        if home is None:
            return _break("modified", k)
        if home > k:
            partner = by_seq.get(home)
            swapped = partner is not None and _hashes_at(partner, k)
            return _break("swapped" if swapped else "deleted", k, other=home)
        return _break("inserted", home, other=k)
    return None


def _hashes_at(entry: AuditEntry, seq: int) -> bool:
    """True when ``entry``'s hash is that of its content numbered ``seq``."""
    try:
        digest = entry_hash(
            seq,
            entry.at,
            entry.assessor,
            entry.action,
            entry.session_id,
            entry.payload,
            entry.prev_hash,
        )
    except JournalError:  # a payload canonical JSON refuses can only be a damaged one
        return False
    return digest == entry.hash


def _break(code: str, seq: int, **values: int) -> AuditBreak:
    fr, en = REASONS[code]
    return AuditBreak(seq, fr.format(seq=seq, **values), en.format(seq=seq, **values), code)
