"""Verified transcripts: a session's header and events, handed to the scorer only once the hash chain checks out.

``StoreTranscripts`` works on any ``JournalStore`` (it verifies with ``verify_events``).
``SqliteTranscripts`` reads the SQLite journal directly on its own read-only connection and checks
each stored event's hash over the canonical text the store kept, which avoids re-encoding every
payload; when anything is off it asks ``verify_session`` for the exact reason, so both agree on
what they refuse and why. A PostgreSQL backend adds its own reader beside these.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, fields
from hashlib import sha256 as _sha256
from pathlib import Path
from typing import Any, Protocol

from scoring.fastjson import loads_bytes
from scoring.quoted import verification_reason
from simulator.i18n import DEFAULT_LANG, N_, Message, translator
from simulator.journal.canonical import header_hash
from simulator.journal.errors import UnknownSession
from simulator.journal.events import Event, SessionHeader, header_from_dict
from simulator.journal.store import JournalStore
from simulator.journal.verify import VerifyResult, verify_events, verify_session


class Refused(Exception):
    """A journal that must not be scored (it failed verification, or the épreuve is not over)."""

    def __init__(self, session_id: str, code: str, why: Message) -> None:
        super().__init__(f"{session_id}: {why}")
        self.session_id, self.code, self.why = session_id, code, why

    def message(self, lang: str = DEFAULT_LANG) -> str:
        """Why, in ``lang`` (fr, nl or en)."""
        return self.why.to(translator("engine", lang))

    @classmethod
    def from_verification(cls, session_id: str, result: VerifyResult) -> Refused:
        """The refusal of a journal that fails verification, quoting the verifier's reason."""
        why = Message(
            N_("the journal fails verification: {reason}"), reason=verification_reason(result)
        )
        return cls(session_id, f"journal-{result.reason_code}", why)


@dataclass(frozen=True)
class Transcript:
    """A verified journal: its header and all its events, in order."""

    header: SessionHeader
    events: list[Event]


class TranscriptSource(Protocol):
    """Where verified transcripts come from (a journal store)."""

    def session_ids(self) -> list[str]: ...

    def verified(self, session_id: str) -> Transcript:
        """The session's transcript; ``Refused`` if it fails verification, ``UnknownSession`` if absent."""
        ...

    def refusal(self, session_id: str) -> Refused:
        """Why the session must not be scored, as the journal's own verification says it (asked when
        a payload of a transcript handed out does not read as a JSON object)."""
        ...

    def close(self) -> None: ...


def _refusal(store: JournalStore, session_id: str) -> Refused:
    result = verify_session(store, session_id)
    if not result.ok:
        return Refused.from_verification(session_id, result)
    why = Message(N_("the journal fails verification: an event's payload does not read as JSON"))
    return Refused(session_id, "journal-unreadable-payload", why)


class StoreTranscripts:
    """Verified transcripts from any ``JournalStore``."""

    def __init__(self, store: JournalStore) -> None:
        self.store = store

    def session_ids(self) -> list[str]:
        return self.store.session_ids()

    def verified(self, session_id: str) -> Transcript:
        try:
            header = self.store.header(session_id)
            events = list(self.store.events(session_id))
        except UnknownSession:
            raise
        except (ValueError, TypeError):  # an unreadable header or event: let verification say where
            raise Refused.from_verification(
                session_id, verify_session(self.store, session_id)
            ) from None
        result = verify_events(header, events)
        stored = getattr(self.store, "stored_header_hash", None)
        if result.ok and callable(stored) and stored(session_id) != header_hash(header):
            result = verify_session(self.store, session_id)
        if not result.ok:
            raise Refused.from_verification(session_id, result)
        return Transcript(header, events)

    def refusal(self, session_id: str) -> Refused:
        return _refusal(self.store, session_id)

    def close(self) -> None:
        self.store.close()


#: The payload is read as the stored bytes (hashed and parsed as they are, never decoded to text and
#: encoded back); the other text columns are decoded by SQLite: a damaged one sends the session to the
#: slow path. A payload whose bytes hash right but do not read as JSON (a chain forged over bytes the
#: journal never writes) raises ``UnreadablePayload`` where scoring parses it, and is refused then.
_EVENTS = (
    "SELECT seq, at, type, CAST(payload AS BLOB), prev_hash, hash FROM events "
    "WHERE session_id = ? ORDER BY seq"
)
_SESSION = (
    "SELECT CAST(header_json AS BLOB), CAST(header_hash AS BLOB) FROM sessions WHERE session_id = ?"
)


class SqliteTranscripts:
    """Verified transcripts straight from a SQLite journal file (read-only connection)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            from simulator.i18n import Message
            from simulator.journal.errors import StoreMisconfigured

            raise StoreMisconfigured(str(self.path), Message("file not found"))
        self._conn = sqlite3.connect(
            f"{self.path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False
        )
        self._store: JournalStore | None = None

    def session_ids(self) -> list[str]:
        return [
            row[0] for row in self._conn.execute("SELECT session_id FROM sessions ORDER BY rowid")
        ]

    def verified(self, session_id: str) -> Transcript:
        row = self._conn.execute(_SESSION, (session_id,)).fetchone()
        if row is None:
            raise UnknownSession(session_id)
        transcript = self._fast(session_id, row[0], row[1])
        if transcript is not None:
            return transcript
        return StoreTranscripts(self._journal()).verified(session_id)

    def _fast(self, session_id: str, header_json: bytes, stored_head: bytes) -> Transcript | None:
        """Check the chain over the stored canonical bytes; None as soon as anything is off."""
        try:
            header = header_from_dict(json.loads(header_json.decode("utf-8")))
            prev = stored_head.decode("utf-8")
            # the stored header is the canonical text its hash was made of: hashing its bytes is
            # enough, and re-serialising it only for a header stored in another form
            if _sha256(header_json).hexdigest() != prev and header_hash(header) != prev:
                return None
            rows = self._conn.execute(_EVENTS, (session_id,)).fetchall()
            hashed = _Envelope(session_id).chain(prev, rows)
        except (ValueError, TypeError, AttributeError, sqlite3.Error):
            return None
        if hashed is None:
            return None
        # ``Event(...)`` without the frozen dataclass's ``object.__setattr__`` per field, and the payload
        # without an ``__init__`` call (together half the cost of reading an event); equal field for field
        new, set_raw = object.__new__, _RAW_SLOT.__set__
        session, number, moment, kind, content, link_to, own = _EVENT_SLOTS
        events = []
        for seq, at, type_, raw, link, this in rows:
            payload = new(RawPayload)
            set_raw(payload, raw)
            event = new(Event)
            session(event, session_id)
            number(event, seq)
            moment(event, at)
            kind(event, type_)
            content(event, payload)
            link_to(event, link)
            own(event, this)
            events.append(event)
        return Transcript(header, events)

    def refusal(self, session_id: str) -> Refused:
        return _refusal(self._journal(), session_id)

    def _journal(
        self,
    ) -> JournalStore:  # the journal's own reader, for the exact reason of a refusal
        if self._store is None:
            from simulator.journal.sqlite_store import SqliteJournalStore

            self._store = SqliteJournalStore(self.path, create=False)
        return self._store

    def close(self) -> None:
        self._conn.close()
        if self._store is not None:
            self._store.close()
            self._store = None


class _Envelope:
    """The journal's event hash for one session, computed over the stored text (no parsing, no re-serialising).

    ``event_hash_from_text`` hashes ``{"at":…,"payload":…,"prev":…,"seq":…,"session":…,"type":…}``
    in canonical JSON. The payload is stored in exactly that canonical text; the other strings are
    JSON-quoted here as they are when they hold no quote, backslash or control character (else the
    session takes the slow path). A test holds this equal to the journal's function; were it ever to
    differ, sessions would merely take the slow path, never let a tampered event through.
    """

    _PLAIN = re.compile(r'[^"\\\x00-\x1f]*')

    def __init__(self, session_id: str) -> None:
        self.session = ',"session":' + json.dumps(session_id, ensure_ascii=False) + ',"type":"'

    def hash(self, prev: str, seq: int, at: str, type_: str, payload: bytes) -> str:
        if type(seq) is not int or self._PLAIN.fullmatch(at + prev + type_) is None:
            raise ValueError("not a plain event")
        return self._digest(prev, seq, at, type_, payload)

    def _digest(self, prev: str, seq: int, at: str, type_: str, payload: bytes) -> str:
        digest = _sha256(f'{{"at":"{at}","payload":'.encode())
        digest.update(payload)
        digest.update(f',"prev":"{prev}","seq":{seq}{self.session}{type_}"}}'.encode())
        return digest.hexdigest()

    def chain(self, head: str, rows: list[tuple[Any, ...]]) -> str | None:
        """The hash the rows ``(seq, at, type, payload, prev_hash, hash)`` end on, starting from the header's
        ``head``; None when a link, a number or a hash is off (the session then takes the slow path)."""
        prev, expected, digest, plain = head, 1, self._digest, []
        for seq, at, type_, text, link, this in rows:
            if (
                seq != expected
                or type(seq) is not int
                or link != prev
                or digest(link, seq, at, type_, text) != this
            ):
                return None
            plain.append(at)
            plain.append(type_)
            prev, expected = this, expected + 1
        # the time stamps and types checked plain at once (the links equal hashes computed here: hex)
        return prev if self._PLAIN.fullmatch("".join(plain)) is not None else None


class UnreadablePayload(ValueError):
    """A stored payload that does not read as a JSON object (its hash held: the chain was forged)."""


class RawPayload(Mapping[str, Any]):
    """An event payload kept as its canonical bytes (UTF-8) and parsed on first use.

    Scoring needs every event's evidence and the conversation lines, not the tool results:
    ``scored_payloads`` skips parsing an event that has neither.
    """

    #: ``_data`` (what the payload parsed to) stays unset until first use, so that building one is a
    #: single slot assignment.
    __slots__ = ("_data", "raw")
    _data: dict[str, Any]

    def __init__(self, raw: bytes) -> None:
        self.raw = raw

    def _parsed(self) -> dict[str, Any]:
        try:
            return self._data
        except AttributeError:
            self._data = _read(self.raw)
            return self._data

    def __getitem__(self, key: str) -> Any:
        return self._parsed()[key]

    def get(self, key: str, default: Any = None) -> Any:
        return self._parsed().get(key, default)

    def __iter__(self) -> Iterator[str]:
        return iter(self._parsed())

    def __len__(self) -> int:
        return len(self._parsed())


#: What a payload's canonical text holds when it carries evidence (keys sorted, no spaces: an empty
#: list is written ``[]``) ...
CARRIES_EVIDENCE = b'"evidence":[{'
#: ... and what an action's holds when it showed no line. A hint can only be wrong towards parsing more.
SHOWS_NO_LINE = b',"lines":[],"node":'


def scored_payloads(events: Iterable[Event]) -> Iterator[tuple[Event, Mapping[str, Any]]]:
    """The events scoring reads — those that carry evidence, and the actions that showed lines — with
    their payloads, each parsed once; the others (tool results, arrivals) are verified, never parsed.

    A parsed payload is not kept on its event: scoring reads it once, here, and what it keeps of it
    (an observation's explanation and detail) stays referenced; the rest is freed as soon as the
    next event is read, while it is still in the processor's cache, instead of all at once after
    the session (about 0.15 ms of a standard session's 6). Scoring reads none of these payloads
    again (``tests/scoring/test_scored_payloads.py``); anything that did would parse it again."""
    for event in events:
        payload = event.payload
        if type(payload) is not RawPayload:
            yield event, payload
            continue
        raw = payload.raw
        if CARRIES_EVIDENCE in raw or (event.type == "action" and SHOWS_NO_LINE not in raw):
            yield event, _read(raw)


def _read(raw: bytes) -> dict[str, Any]:
    """A stored payload parsed; ``UnreadablePayload`` when it is not a JSON object."""
    try:
        data = loads_bytes(raw)
    except ValueError as exc:  # JSONDecodeError, UnicodeDecodeError
        raise UnreadablePayload(str(exc)) from None
    if type(data) is not dict:
        raise UnreadablePayload("payload is not an object")
    return data


_RAW_SLOT = RawPayload.__dict__["raw"]
#: The setters of ``Event``'s slots, in field order.
_EVENT_SLOTS = tuple(Event.__dict__[f.name].__set__ for f in fields(Event))


def envelope_hash(
    prev: str, session_id: str, seq: int, at: str, type_: str, payload: str | bytes
) -> str:
    """The fast path's event hash over a payload's text or stored bytes (tests hold it equal to
    ``event_hash_from_text``)."""
    if isinstance(payload, str):
        payload = payload.encode("utf-8", "surrogatepass")
    return _Envelope(session_id).hash(prev, seq, at, type_, payload)
