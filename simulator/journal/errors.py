"""Errors raised by the journal store, each with a stable code and a message translated where shown."""

from __future__ import annotations

from simulator.i18n import Message, translator, written_out


class JournalError(Exception):
    """Base class of every journal error; ``str()`` gives the French then the English text.

    ``why`` is the message (domain ``engine``); ``message(lang)`` is its text in ``lang``.
    """

    code = "journal_error"

    def __init__(self, why: Message) -> None:
        super().__init__(" / ".join(written_out(why, "engine").values()))
        self.why = why

    def message(self, lang: str) -> str:
        """The text in ``lang`` (``fr``, ``nl`` or ``en``)."""
        return self.why.to(translator("engine", lang))


class SessionInUse(JournalError):
    """Another process or store instance holds the exclusive claim on this session."""

    code = "session_in_use"

    def __init__(self, session_id: str, holder: str = "") -> None:
        if holder:
            why = Message(
                "Session '{session_id}' is already open in another process (holder: {holder}); "
                "close it before resuming this session.",
                session_id=session_id,
                holder=holder,
            )
        else:
            why = Message(
                "Session '{session_id}' is already open in another process; "
                "close it before resuming this session.",
                session_id=session_id,
            )
        super().__init__(why)
        self.session_id = session_id
        self.holder = holder


class StoreMisconfigured(JournalError):
    """The store failed its start-up self-check and must not be used; ``reason`` says why (a
    ``Message``, or the database's own words)."""

    code = "store_misconfigured"

    def __init__(self, path: str, reason: Message | str) -> None:
        super().__init__(
            Message("Journal store refused ({path}): {reason}", path=path, reason=reason)
        )
        self.path = path
        self.reason = reason


class UnknownSession(JournalError, LookupError):
    """No session with this id exists in the store."""

    code = "unknown_session"

    def __init__(self, session_id: str) -> None:
        super().__init__(Message("Unknown session: '{session_id}'.", session_id=session_id))
        self.session_id = session_id


class DuplicateSession(JournalError):
    """A session with this id already exists; headers are written once."""

    code = "duplicate_session"

    def __init__(self, session_id: str) -> None:
        super().__init__(Message("Session '{session_id}' already exists.", session_id=session_id))
        self.session_id = session_id


class InvalidRecord(JournalError, ValueError):
    """A header or event given by the caller is malformed (bad id, timestamp or payload); ``detail``
    says how (a ``Message``, or a library's own words)."""

    code = "invalid_record"

    def __init__(self, field: str, detail: Message | str) -> None:
        super().__init__(Message("invalid field '{field}': {detail}", field=field, detail=detail))
        self.field = field
        self.detail = detail


class StoreClosed(JournalError):
    """The store was closed and can no longer be used."""

    code = "store_closed"

    def __init__(self) -> None:
        super().__init__(Message("the journal store is closed."))


class StoreWriteFailed(JournalError):
    """The database refused or failed a write; nothing was acknowledged."""

    code = "store_write_failed"

    def __init__(self, detail: str) -> None:
        super().__init__(Message("could not write to the journal ({detail}).", detail=detail))
        self.detail = detail
