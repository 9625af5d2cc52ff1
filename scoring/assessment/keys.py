"""Assessors' and the centre's Ed25519 keys: generated here, the private half kept encrypted outside the store.

Each key pair's private key is encrypted with AES-256-GCM under a key derived from its holder's
passphrase with argon2id (``argon2.low_level.hash_secret_raw``), and written as one small JSON file
``<fingerprint>.key`` (0600, in a 0700 folder) of the key folder: ``--keys``, else ``$CALLSIM_KEYS``,
else ``keys`` in the user data folder (``platformdirs``). The store only ever holds public keys; a
file is found by the fingerprint of the public key the audit log registered. A wrong passphrase
fails the AES-GCM tag and is refused like an unknown account.
"""

from __future__ import annotations

import json
import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)

from scoring.assessment.model import AssessmentError
from simulator.i18n import N_, Message
from simulator.private_files import private_folder, write_private

#: Environment variable naming the key folder.
KEYS_ENV = "CALLSIM_KEYS"


class KeyUnavailable(AssessmentError):
    """The private key file is missing, unreadable, or the passphrase does not open it."""

    code = "key_unavailable"


@dataclass(frozen=True)
class KdfParams:
    """argon2id costs of the key derivation (the defaults follow RFC 9106's second recommendation)."""

    time_cost: int = 3
    memory_cost: int = 65536
    parallelism: int = 4

    def derive(self, passphrase: str, salt: bytes) -> bytes:
        """32 bytes derived from ``passphrase`` and ``salt`` with argon2id."""
        from argon2.low_level import Type, hash_secret_raw

        return hash_secret_raw(
            passphrase.encode("utf-8"),
            salt,
            time_cost=self.time_cost,
            memory_cost=self.memory_cost,
            parallelism=self.parallelism,
            hash_len=32,
            type=Type.ID,
        )


#: The costs new keys are derived with (tests replace it with cheap ones).
DEFAULT_KDF = KdfParams()


def default_keys_folder(environ: Mapping[str, str] | None = None) -> Path:
    """``$CALLSIM_KEYS``, else ``<user data folder>/callsim/keys``."""
    env = os.environ if environ is None else environ
    explicit = env.get(KEYS_ENV, "").strip()
    if explicit:
        return Path(explicit).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("callsim", appauthor=False)) / "keys"


def fingerprint(public_hex: str) -> str:
    """The first 16 hex digits of the SHA-256 of the public key (what files and messages name)."""
    import hashlib

    return hashlib.sha256(bytes.fromhex(public_hex)).hexdigest()[:16]


def public_hex(key: Ed25519PrivateKey) -> str:
    return key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw).hex()


def verify_signature(public: str, signature: str, message: bytes) -> bool:
    """True when ``signature`` (hex) is ``public``'s (hex) Ed25519 signature of ``message``."""
    try:
        Ed25519PublicKey.from_public_bytes(bytes.fromhex(public)).verify(
            bytes.fromhex(signature), message
        )
    except (InvalidSignature, ValueError, TypeError):
        return False
    return True


class KeyRing:
    """Encrypted private keys in a folder (``None``: in memory, for tests), unlocked with a passphrase."""

    def __init__(self, folder: str | Path | None = None, kdf: KdfParams | None = None) -> None:
        self.folder = None if folder is None else Path(folder)
        self.kdf = kdf or DEFAULT_KDF
        self._memory: dict[str, bytes] = {}

    def create(self, passphrase: str) -> Ed25519PrivateKey:
        """A new key pair whose private key is stored encrypted under ``passphrase``."""
        key = Ed25519PrivateKey.generate()
        salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
        raw = key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
        sealed = AESGCM(self.kdf.derive(passphrase, salt)).encrypt(nonce, raw, b"callsim-key")
        public = public_hex(key)
        document = {
            "format": "callsim-key-1",
            "public": public,
            "salt": salt.hex(),
            "nonce": nonce.hex(),
            "ciphertext": sealed.hex(),
            "kdf": {"t": self.kdf.time_cost, "m": self.kdf.memory_cost, "p": self.kdf.parallelism},
        }
        data = json.dumps(document, indent=1, sort_keys=True).encode("utf-8")
        if self.folder is None:
            self._memory[public] = data
        else:
            write_private(private_folder(self.folder) / f"{fingerprint(public)}.key", data)
        return key

    def unlock(self, public: str, passphrase: str) -> Ed25519PrivateKey:
        """The private key of ``public``, decrypted with ``passphrase`` (``KeyUnavailable`` otherwise)."""
        document = self._document(public)
        try:
            kdf = KdfParams(
                int(document["kdf"]["t"]), int(document["kdf"]["m"]), int(document["kdf"]["p"])
            )
            secret = kdf.derive(passphrase, bytes.fromhex(document["salt"]))
            raw = AESGCM(secret).decrypt(
                bytes.fromhex(document["nonce"]),
                bytes.fromhex(document["ciphertext"]),
                b"callsim-key",
            )
            key = Ed25519PrivateKey.from_private_bytes(raw)
        except Exception:  # noqa: BLE001 - a wrong passphrase or a damaged file: the same refusal
            raise KeyUnavailable(
                Message(N_("The passphrase does not open the signing key."))
            ) from None
        if public_hex(key) != public:
            raise KeyUnavailable(Message(N_("The key file does not match the registered key.")))
        return key

    def _document(self, public: str) -> dict[str, Any]:
        if self.folder is None:
            data = self._memory.get(public)
        else:
            path = self.folder / f"{fingerprint(public)}.key"
            try:
                data = path.read_bytes()
            except OSError:
                data = None
        if data is None:
            where = "memory" if self.folder is None else str(self.folder)
            raise KeyUnavailable(
                Message(
                    N_("Signing key {key} not found in {where} (option --keys or {variable})."),
                    key=fingerprint(public),
                    where=where,
                    variable=KEYS_ENV,
                )
            )
        try:
            document = json.loads(data)
        except ValueError:
            document = None
        if not isinstance(document, dict):
            raise KeyUnavailable(Message(N_("Unreadable key file.")))
        return document
