"""Errors raised by the journal store, each with a stable code and French/English messages."""

from __future__ import annotations


class JournalError(Exception):
    """Base class of every journal error; ``str()`` gives the French then the English text."""

    code = "journal_error"

    def __init__(self, message_fr: str, message_en: str) -> None:
        super().__init__(f"{message_fr} / {message_en}")
        self.message_fr = message_fr
        self.message_en = message_en


class SessionInUse(JournalError):
    """Another process or store instance holds the exclusive claim on this session."""

    code = "session_in_use"

    def __init__(self, session_id: str, holder: str = "") -> None:
        who_fr = f" (détenteur : {holder})" if holder else ""
        who_en = f" (holder: {holder})" if holder else ""
        super().__init__(
            f"La session « {session_id} » est déjà ouverte par un autre programme{who_fr} ; "
            "fermez-le avant de reprendre cette session.",
            f"Session '{session_id}' is already open in another process{who_en}; "
            "close it before resuming this session.",
        )
        self.session_id = session_id
        self.holder = holder


class StoreMisconfigured(JournalError):
    """The store failed its start-up self-check and must not be used."""

    code = "store_misconfigured"

    def __init__(self, path: str, reason_fr: str, reason_en: str) -> None:
        super().__init__(
            f"Journal refusé ({path}) : {reason_fr}",
            f"Journal store refused ({path}): {reason_en}",
        )
        self.path = path
        self.reason = reason_en
        self.reason_fr = reason_fr


class UnknownSession(JournalError, LookupError):
    """No session with this id exists in the store."""

    code = "unknown_session"

    def __init__(self, session_id: str) -> None:
        super().__init__(
            f"Session inconnue : « {session_id} ».",
            f"Unknown session: '{session_id}'.",
        )
        self.session_id = session_id


class DuplicateSession(JournalError):
    """A session with this id already exists; headers are written once."""

    code = "duplicate_session"

    def __init__(self, session_id: str) -> None:
        super().__init__(
            f"La session « {session_id} » existe déjà.",
            f"Session '{session_id}' already exists.",
        )
        self.session_id = session_id


class InvalidRecord(JournalError, ValueError):
    """A header or event given by the caller is malformed (bad id, timestamp or payload)."""

    code = "invalid_record"

    def __init__(self, field: str, detail_fr: str, detail_en: str) -> None:
        super().__init__(
            f"champ « {field} » invalide : {detail_fr}", f"invalid field '{field}': {detail_en}"
        )
        self.field = field


class StoreClosed(JournalError):
    """The store was closed and can no longer be used."""

    code = "store_closed"

    def __init__(self) -> None:
        super().__init__("le journal est fermé.", "the journal store is closed.")


class StoreWriteFailed(JournalError):
    """The database refused or failed a write; nothing was acknowledged."""

    code = "store_write_failed"

    def __init__(self, detail: str) -> None:
        super().__init__(
            f"écriture dans le journal impossible ({detail}).",
            f"could not write to the journal ({detail}).",
        )
        self.detail = detail
