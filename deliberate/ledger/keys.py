"""The community's Ed25519 signing key: a file beside the database, never inside it.

``<db>.key`` holds the private key as unencrypted PKCS#8 PEM, mode 0600. The
public key goes into the log (``community_created`` and ``key_rotated``
events); the private key is never recorded and never published.

The fingerprint is what people compare by eye or read aloud: the first 16
bytes of SHA-256 of the raw 32-byte public key, in eight groups of four
uppercase hex digits (``3F2A 9C01 77B4 E2D0 5A1C 8E3F 0B6D 42A9``).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from deliberate.errors import BadInput

FINGERPRINT_BYTES = 16


def key_path(db_path: Path | str) -> Path:
    """Where the community key of `db_path` lives: ``<db>.key`` beside it."""
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + ".key")


def pending_key_path(db_path: Path | str) -> Path:
    """Where a rotation writes the new key until the rotation is recorded."""
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + ".key.new")


def _pem(key: Ed25519PrivateKey) -> bytes:
    from cryptography.hazmat.primitives import serialization

    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


# RFC 8410: an Ed25519 private key in PKCS #8, without attributes or public key, is these 16 bytes of DER
# and the 32-byte seed. It is what `_pem` writes.
_PKCS8_ED25519 = bytes.fromhex("302e020100300506032b657004220420")
_PEM_LINES = (b"-----BEGIN PRIVATE KEY-----", b"-----END PRIVATE KEY-----")


def _from_pem(data: bytes):
    """The private key in `data`. The plain RFC 8410 form we write is read directly (importing
    cryptography's serialization package costs every signed action ~15 ms); anything else, by it."""
    lines = data.strip().splitlines()
    if len(lines) == 3 and (lines[0], lines[2]) == _PEM_LINES:
        try:
            der = base64.b64decode(lines[1], validate=True)
        except binascii.Error:
            der = b""
        if len(der) == 48 and der.startswith(_PKCS8_ED25519):
            return Ed25519PrivateKey.from_private_bytes(der[16:])
    from cryptography.hazmat.primitives import serialization

    return serialization.load_pem_private_key(data, password=None)


def write_new_key(path: Path) -> Ed25519PrivateKey:
    """Generate a key and write it to `path` (mode 0600); refuse if `path` exists."""
    key = Ed25519PrivateKey.generate()
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise BadInput("ledger.key_exists", path=str(path)) from None
    except OSError as exc:
        raise BadInput("ledger.key_unwritable", path=str(path), why=exc.strerror or str(exc)) from None
    with os.fdopen(fd, "wb") as out:
        out.write(_pem(key))
        out.flush()
        os.fsync(out.fileno())
    return key


def create_key(db_path: Path | str) -> Ed25519PrivateKey:
    """Make the community key at `init`; an existing key is never overwritten."""
    return write_new_key(key_path(db_path))


def read_key(path: Path) -> Ed25519PrivateKey:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise BadInput("ledger.key_missing", path=str(path)) from None
    except OSError as exc:
        raise BadInput("ledger.key_unreadable", path=str(path), why=exc.strerror or str(exc)) from None
    try:
        key = _from_pem(data)
    except (ValueError, TypeError):
        key = None
    if not isinstance(key, Ed25519PrivateKey):
        raise BadInput("ledger.key_unreadable", path=str(path), why="not an Ed25519 private key")
    return key


def load_key(db_path: Path | str) -> Ed25519PrivateKey:
    return read_key(key_path(db_path))


def public_bytes(key: Ed25519PrivateKey | Ed25519PublicKey) -> bytes:
    """The raw 32-byte public key of `key` (private or public)."""
    if isinstance(key, Ed25519PrivateKey):
        key = key.public_key()
    return key.public_bytes_raw()


def public_b64(key: Ed25519PrivateKey | Ed25519PublicKey) -> str:
    """The public key as the log records it: base64 of the 32 raw bytes."""
    return base64.b64encode(public_bytes(key)).decode()


def decode_public(text: str) -> bytes | None:
    """A recorded public key (base64) as 32 bytes, or None when it is not one."""
    try:
        raw = base64.b64decode(text, validate=True)
    except (ValueError, TypeError):
        return None
    return raw if len(raw) == 32 else None


def fingerprint(public_key_bytes: bytes) -> str:
    """Eight groups of four hex digits: short enough to read aloud and print on minutes."""
    digest = hashlib.sha256(public_key_bytes).hexdigest()[: FINGERPRINT_BYTES * 2].upper()
    return " ".join(digest[i:i + 4] for i in range(0, len(digest), 4))


def same_fingerprint(a: str, b: str) -> bool:
    """Compare fingerprints as people type them: spaces, dashes and case do not matter."""
    def norm(s: str) -> str:
        return "".join(ch for ch in s.upper() if ch in "0123456789ABCDEF")
    return norm(a) == norm(b) and len(norm(a)) == FINGERPRINT_BYTES * 2
