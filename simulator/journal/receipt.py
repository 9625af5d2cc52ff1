"""Receipt codes: a journal head written down on paper (the attendance sheet) to check the journal against later.

A receipt is the first 55 bits of a head hash in Crockford base32 (11 characters: no I, L, O or U)
followed by one check character, grouped by four: ``7KQ2-M9XD-4TR8``. The check character (a sum
of the characters weighted 1…11 in GF(32)) catches any single wrong character and any two
characters swapped. The invigilator copies the code shown at the end of the épreuve; the seat
also has a code at every 100th event. ``matching_seq`` finds which event (0 for the header) a
receipt was taken from: a journal edited and re-hashed after it no longer holds that head;
``check_receipt`` also refuses events added after an end-of-épreuve receipt.
"""

from __future__ import annotations

from collections.abc import Iterable

from simulator.journal.canonical import header_hash
from simulator.journal.events import Event
from simulator.journal.store import JournalStore

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
#: Characters people confuse, read as Crockford base32 reads them.
_READ_AS = {"O": "0", "I": "1", "L": "1", "U": "V"}
DATA_CHARS = 11
#: Events between two intermediate receipts.
CHECKPOINT = 100


def code_of(head: str) -> str:
    """The receipt code of a head hash (64 hex digits)."""
    bits = bin(int(head, 16))[2:].zfill(len(head) * 4)[: DATA_CHARS * 5]
    data = "".join(ALPHABET[int(bits[i : i + 5], 2)] for i in range(0, len(bits), 5))
    full = data + _check(data)
    return "-".join(full[i : i + 4] for i in range(0, len(full), 4))


def normalised_code(code: str) -> str | None:
    """The 12 characters of a code as typed (case, dashes, spaces, O/I/L forgiven); ``None`` if not a valid code."""
    text = "".join(_READ_AS.get(ch, ch) for ch in code.upper() if ch not in "- \t")
    if len(text) != DATA_CHARS + 1 or any(ch not in ALPHABET for ch in text):
        return None
    return text if _check(text[:DATA_CHARS]) == text[-1] else None


def receipt_code(store: JournalStore, session_id: str) -> str:
    """The receipt of the session's journal as it stands (its last event's hash, or its header's)."""
    last = store.last_event(session_id)
    return code_of(last.hash if last is not None else header_hash(store.header(session_id)))


def checkpoint_codes(events: Iterable[Event]) -> list[tuple[int, str]]:
    """``(seq, code)`` at every 100th event: the receipts a seat shows along the way."""
    return [(event.seq, code_of(event.hash)) for event in events if event.seq % CHECKPOINT == 0]


def checkpoint_code(store: JournalStore, session_id: str, seq: int) -> tuple[int, str] | None:
    """``(seq, code)`` of the last checkpoint (every 100th event) at or before ``seq``; None before the first.

    A seat shows it as the épreuve goes, so the invigilator can copy it onto the attendance sheet.
    """
    at = seq // CHECKPOINT * CHECKPOINT
    if at == 0:
        return None
    event = next(iter(store.events(session_id, after_seq=at - 1)), None)
    return (at, code_of(event.hash)) if event is not None and event.seq == at else None


def matching_seq(store: JournalStore, session_id: str, code: str) -> int | None:
    """The seq of the event whose hash the receipt was taken from (0: the header), else ``None``."""
    wanted = normalised_code(code)
    if wanted is None:
        return None
    if code_of(header_hash(store.header(session_id))).replace("-", "") == wanted:
        return 0
    for event in store.events(session_id):
        if code_of(event.hash).replace("-", "") == wanted:
            return event.seq
    return None


def check_receipt(store: JournalStore, session_id: str, code: str) -> tuple[bool, str, str]:
    """Whether the journal matches the receipt, and why (French, English).

    It matches when it holds the head the receipt was taken from, and either ends there (the
    end-of-épreuve receipt) or it was an intermediate receipt (every 100th event).
    """
    if normalised_code(code) is None:
        return (
            False,
            f"reçu « {code} » mal recopié : 12 caractères dont le dernier est de contrôle.",
            f"receipt '{code}' miscopied: 12 characters, the last one a check character.",
        )
    seq = matching_seq(store, session_id, code)
    last = store.last_event(session_id)
    count = last.seq if last is not None else 0
    if seq is None:
        return (
            False,
            f"le journal ne contient plus la tête du reçu {code} : modifié et ré-empreint, ou coupé, "
            "après la remise du reçu.",
            f"the journal no longer holds the head of receipt {code}: edited and re-hashed, or cut, "
            "after the receipt was given.",
        )
    if seq != count and seq % CHECKPOINT:
        return (
            False,
            f"le reçu {code} est celui de l'événement n° {seq}, mais le journal continue jusqu'au n° "
            f"{count} : événements ajoutés après la fin de l'épreuve.",
            f"receipt {code} is that of event #{seq}, but the journal goes on to #{count}: events added "
            "after the end of the épreuve.",
        )
    return (
        True,
        f"le reçu {code} correspond au journal jusqu'à l'événement n° {seq}.",
        f"receipt {code} matches the journal up to event #{seq}.",
    )


def _check(data: str) -> str:
    """The check character: the characters' values weighted 1…11 and summed in GF(32).

    In a field, a wrong value times a non-zero weight is never zero, and two neighbours swapped
    change the sum by (a + b)(w + w') which is never zero either: both errors are always caught.
    """
    total = 0
    for weight, ch in enumerate(data, start=1):
        total ^= _gf32_times(weight, ALPHABET.index(ch))
    return ALPHABET[total]


def _gf32_times(a: int, b: int) -> int:
    """``a × b`` in GF(2⁵) (modulo x⁵ + x² + 1)."""
    product = 0
    while b:
        if b & 1:
            product ^= a
        b >>= 1
        a <<= 1
        if a & 0b100000:
            a ^= 0b100101
    return product
