"""Accounts: the administrator created with the store, assessors registered by an administrator, signing keys unlocked at sign-in.

An account is a name, its passphrase's argon2id hash (in the store) and an Ed25519 key pair whose
private half lives encrypted in the key folder (``KeyRing``). ``init_store`` creates the first
administrator (and the centre's key); ``add_assessor`` and ``remove_assessor`` need an administrator
signed in and are written to the audit log under their signature; ``login`` checks the passphrase,
that the name is registered in the verified audit log, and unlocks the key every act is signed with.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from scoring.assessment.audit_signatures import Registry
from scoring.assessment.audit_store import AuditStore
from scoring.assessment.integrity import Integrity
from scoring.assessment.keys import KeyRing, public_hex
from scoring.assessment.model import (
    ADMIN_ADDED,
    ASSESSOR_REMOVED,
    AssessorExists,
    AuditEntry,
    AuthenticationFailed,
    InvalidAccount,
    InvalidTransition,
    NotAdministrator,
    UnknownAssessor,
)
from simulator.i18n import N_, Message

NAME_LENGTH = (2, 40)
NAME_PUNCTUATION = frozenset(" .-_")
PASSPHRASE_MINIMUM = 12


class Accounts:
    """The account operations of ``ReviewDesk`` (which provides the stores, the key ring and the clock)."""

    audit: AuditStore
    keys: KeyRing
    integrity: Integrity
    _hasher: Any
    _unlocked: dict[str, Any]
    _decoy: str | None

    def _now(self) -> str:
        raise NotImplementedError

    def init_store(self, name: str, passphrase: str) -> AuditEntry:
        """Create the first administrator (and the centre's key, both under their passphrase); signed in after."""
        registry = self.integrity.registry()
        if registry.admins:
            raise InvalidTransition(Message(N_("This store already has an administrator.")))
        name = valid_account(name, passphrase)
        self._refuse_taken(name, registry)
        key, centre = self.keys.create(passphrase), self.keys.create(passphrase)
        payload = {"name": name, "public_key": public_hex(key), "centre_key": public_hex(centre)}
        entry = self.audit.add_assessor(
            name,
            self._hasher.hash(passphrase),
            self._now(),
            actor=name,
            action=ADMIN_ADDED,
            payload=payload,
            signer=key,
        )
        self._unlocked[name] = key
        return entry

    def add_assessor(self, admin: str, name: str, passphrase: str) -> AuditEntry:
        """Register an assessor (a new key pair under their passphrase), signed by ``admin`` (signed in).

        An account created before signatures gets its key once its current passphrase is given.
        """
        registry = self._admin_registry(admin)
        name = valid_account(name, passphrase)
        stored = self.audit.assessor_hash(name)
        if stored is not None and name in registry.legacy:
            kdf_hash = self._verified_hash(stored, passphrase)
        else:
            self._refuse_taken(name, registry)
            kdf_hash = self._hasher.hash(passphrase)
        key = self.keys.create(passphrase)
        return self.audit.add_assessor(
            name,
            kdf_hash,
            self._now(),
            actor=admin,
            payload={"name": name, "public_key": public_hex(key)},
            signer=self._unlocked[admin],
        )

    def remove_assessor(self, admin: str, name: str) -> AuditEntry:
        """Withdraw an assessor: no act after this; their past signatures still verify."""
        registry = self._admin_registry(admin)
        name = normalised(name)
        if name not in registry.assessors:
            raise UnknownAssessor(
                Message(N_("Unknown or already removed assessor: '{name}'."), name=name)
            )
        return self.audit.append(
            admin, ASSESSOR_REMOVED, "", {"name": name}, self._now(), signer=self._unlocked[admin]
        )

    def login(self, name: str, passphrase: str) -> str:
        """The assessor's name once the passphrase matches and their signing key is unlocked."""
        name = self._passphrase_ok(name, passphrase)
        registry = self.integrity.registry()
        if name not in registry.assessors:
            raise _not_registered(name, registry)
        self._unlocked[name] = self.keys.unlock(registry.assessors[name], passphrase)
        return name

    def login_admin(self, name: str, passphrase: str) -> str:
        """The administrator's name once the passphrase matches and their key is unlocked."""
        name = self._passphrase_ok(name, passphrase)
        registry = self.integrity.registry()
        if name not in registry.admins:
            raise NotAdministrator(
                Message(N_("'{name}' is not an administrator of this store."), name=name)
            )
        self._unlocked[name] = self.keys.unlock(registry.admins[name], passphrase)
        return name

    def signer(self, name: str) -> Any:
        """The key ``name`` unlocked at sign-in (``AuthenticationFailed`` when they have not signed in)."""
        if name not in self._unlocked:
            raise AuthenticationFailed(
                Message(N_("'{name}' must sign in (passphrase) before acting."), name=name)
            )
        return self._unlocked[name]

    def assessor_names(self) -> list[str]:
        """Registered assessors (not removed), then accounts written before signatures, in order."""
        registry = self.integrity.registry()
        return [
            *registry.assessors,
            *(n for n in self.audit.assessor_names() if n in registry.legacy),
        ]

    def _passphrase_ok(self, name: str, passphrase: str) -> str:
        """The same refusal, taking as long, whether the name is unknown or the passphrase wrong."""
        from argon2.exceptions import InvalidHashError, VerificationError

        name = normalised(name)
        stored = self.audit.assessor_hash(name)
        try:
            self._hasher.verify(stored or self._decoy_hash(), passphrase)
        except (VerificationError, InvalidHashError):
            error = UnknownAssessor if stored is None else AuthenticationFailed
            raise error(Message(N_("Wrong assessor name or passphrase."))) from None
        if stored is None:
            raise UnknownAssessor(Message(N_("Wrong assessor name or passphrase.")))
        return name

    def _verified_hash(self, stored: str, passphrase: str) -> str:
        from argon2.exceptions import InvalidHashError, VerificationError

        try:
            self._hasher.verify(stored, passphrase)
        except (VerificationError, InvalidHashError):
            raise AuthenticationFailed(
                Message(
                    N_(
                        "This account predates signatures: give its current passphrase to create its key."
                    )
                )
            ) from None
        return stored

    def _admin_registry(self, admin: str) -> Registry:
        registry = self.integrity.registry()
        if admin not in registry.admins or admin not in self._unlocked:
            raise NotAdministrator(
                Message(
                    N_(
                        "Only a signed-in administrator can register or remove an assessor (created by « callsim store init »)."
                    )
                )
            )
        return registry

    def _refuse_taken(self, name: str, registry: Registry) -> None:
        known = [
            *self.audit.assessor_names(),
            *registry.admins,
            *registry.assessors,
            *registry.removed,
        ]
        taken = next((other for other in known if other.casefold() == name.casefold()), None)
        if taken is not None:
            raise AssessorExists(Message(N_("The account '{taken}' already exists."), taken=taken))

    def _decoy_hash(self) -> str:
        """A hash to verify against for unknown names, so that they take as long as wrong passphrases."""
        if self._decoy is None:
            self._decoy = self._hasher.hash("callsim: no such account")
        return self._decoy


def normalised(name: str) -> str:
    """A name as accounts store it: trimmed, Unicode NFC (a terminal may send « é » decomposed)."""
    return unicodedata.normalize("NFC", name.strip())


def valid_account(name: str, passphrase: str) -> str:
    name = normalised(name)
    low, high = NAME_LENGTH
    if not low <= len(name) <= high or not all(
        ch.isalnum() or ch in NAME_PUNCTUATION for ch in name
    ):
        raise InvalidAccount(
            Message(
                N_(
                    "Assessor name refused: '{name}'. {low} to {high} characters: letters, digits, spaces, dots, hyphens or underscores."
                ),
                name=name,
                low=low,
                high=high,
            )
        )
    if len(passphrase) < PASSPHRASE_MINIMUM:
        raise InvalidAccount(
            Message(
                N_("Passphrase too short: at least {minimum} characters."),
                minimum=PASSPHRASE_MINIMUM,
            )
        )
    return name


def _not_registered(name: str, registry: Registry) -> Exception:
    if name in registry.removed:
        return AuthenticationFailed(
            Message(N_("The account '{name}' was removed by an administrator."), name=name)
        )
    if name in registry.admins:
        return UnknownAssessor(
            Message(N_("'{name}' is an administrator's account, not an assessor's."), name=name)
        )
    if name in registry.legacy:
        return AuthenticationFailed(
            Message(
                N_(
                    "The account '{name}' predates signatures: have an administrator create its key (callsim assessor add '{name}')."
                ),
                name=name,
            )
        )
    return AuthenticationFailed(
        Message(
            N_("The account '{name}' was not registered by any administrator: refused."), name=name
        )
    )
