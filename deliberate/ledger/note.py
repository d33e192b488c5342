"""Signed notes and checkpoints in the C2SP formats (pure: no I/O).

A signed note (https://c2sp.org/signed-note) is UTF-8 text: a body of one or
more lines, each ending in a newline, then a blank line, then signature lines::

    — <key name> <base64(4-byte key id || signature)>

For Ed25519 the key id is the first 4 bytes of
SHA-256(key name || 0x0A || 0x01 || 32-byte public key), and the signature is
over the body bytes. A checkpoint (https://c2sp.org/tlog-checkpoint) is a note
whose body is the log's origin line, its size in decimal, and its root hash in
base64, each on a line of its own.

Every malformed input raises `NoteError` whose `reason` (one of `REASONS`) names
what is wrong and `line` which line; the edges say it as a catalog sentence.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import unicodedata
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

SIG_PREFIX = "\u2014 "  # em dash and a space
ALG_ED25519 = b"\x01"
MAX_SIGNATURES = 100


# Every `NoteError.reason`; the edges say each as the catalog sentence ``ledger.note.<reason>``.
REASONS = (
    "not_text", "no_final_newline", "no_signatures", "bad_body", "control_character",
    "too_many_signatures", "bad_signature_line", "bad_key_name", "bad_origin", "bad_checkpoint",
)


class NoteError(ValueError):
    """A note or checkpoint that does not follow its format (`reason` is one of REASONS)."""

    def __init__(self, reason: str, line: int | None = None, detail: str = ""):
        super().__init__(f"{reason} (line {line}): {detail}" if line else f"{reason}: {detail}")
        self.reason = reason
        self.line = line
        self.detail = detail


@dataclass(frozen=True)
class Signature:
    """One signature line of a signed note."""
    name: str
    key_id: bytes
    signature: bytes


@dataclass(frozen=True)
class Note:
    """A signed note: its text and signature lines."""
    body: str
    signatures: tuple[Signature, ...]


@dataclass(frozen=True)
class Checkpoint:
    """A checkpoint's body: origin, tree size and root."""
    origin: str
    size: int
    root: bytes
    extensions: tuple[str, ...] = ()


def valid_name(name: str) -> bool:
    """A key name: non-empty UTF-8 with no Unicode space and no '+'."""
    return bool(name) and "+" not in name and not any(
        ch.isspace() or unicodedata.category(ch) == "Zs" for ch in name
    )


def key_id(name: str, public_key: bytes) -> bytes:
    """C2SP key id of an Ed25519 key: SHA-256(name || 0x0A || 0x01 || key)[:4]."""
    return hashlib.sha256(name.encode("utf-8") + b"\n" + ALG_ED25519 + public_key).digest()[:4]


def vkey(name: str, public_key: bytes) -> str:
    """The verifier key string: ``name+hex(key id)+base64(0x01 || key)``."""
    return f"{name}+{key_id(name, public_key).hex()}+{base64.b64encode(ALG_ED25519 + public_key).decode()}"


def _check_text(text: str, what: str) -> None:
    for number, line in enumerate(text.split("\n"), 1):
        for ch in line:
            if ch < " " and ch != "\t" or ch == "\x7f":
                raise NoteError("control_character", number, what)


def sign(body: str, name: str, private_key: Ed25519PrivateKey) -> str:
    """The note text: `body`, a blank line, and one signature line by `private_key`."""
    if not body.endswith("\n") or body.startswith("\n") or "\n\n" in body:
        raise NoteError("bad_body", None, "the body must be non-empty lines, each ending in a newline")
    _check_text(body, "body")
    if not valid_name(name):
        raise NoteError("bad_key_name", None, name)
    public = private_key.public_key().public_bytes_raw()
    signature = private_key.sign(body.encode("utf-8"))
    blob = base64.b64encode(key_id(name, public) + signature).decode()
    return f"{body}\n{SIG_PREFIX}{name} {blob}\n"


def parse(text: str) -> Note:
    """Split a note into body and signatures; raise NoteError on anything malformed."""
    if not isinstance(text, str):
        raise NoteError("not_text", None, "")
    if not text.endswith("\n"):
        raise NoteError("no_final_newline", text.count("\n") + 1, "")
    split = text.rfind("\n\n")
    if split < 0:
        raise NoteError("no_signatures", None, "no blank line before the signatures")
    body = text[: split + 1]
    if not body.strip("\n") or body.startswith("\n"):
        raise NoteError("bad_body", 1, "empty body")
    _check_text(body, "body")
    first_sig_line = body.count("\n") + 2
    lines = text[split + 2:].split("\n")[:-1]
    if not lines:
        raise NoteError("no_signatures", first_sig_line, "")
    if len(lines) > MAX_SIGNATURES:
        raise NoteError("too_many_signatures", first_sig_line, str(len(lines)))
    signatures = []
    for offset, line in enumerate(lines):
        signatures.append(_parse_signature_line(line, first_sig_line + offset))
    return Note(body, tuple(signatures))


def _parse_signature_line(line: str, number: int) -> Signature:
    if not line.startswith(SIG_PREFIX):
        raise NoteError("bad_signature_line", number, line[:60])
    name, sep, blob = line[len(SIG_PREFIX):].partition(" ")
    if not sep or not valid_name(name) or " " in blob:
        raise NoteError("bad_signature_line", number, line[:60])
    try:
        raw = base64.b64decode(blob, validate=True)
    except (binascii.Error, ValueError):
        raise NoteError("bad_signature_line", number, line[:60]) from None
    if len(raw) < 5:
        raise NoteError("bad_signature_line", number, line[:60])
    return Signature(name, raw[:4], raw[4:])


def verify(note: Note, name: str, public_key: bytes) -> bool:
    """Does `note` carry a valid Ed25519 signature by (`name`, `public_key`)?"""
    wanted = key_id(name, public_key)
    try:
        key = Ed25519PublicKey.from_public_bytes(public_key)
    except ValueError:
        return False
    for sig in note.signatures:
        if sig.name == name and sig.key_id == wanted and len(sig.signature) == 64:
            try:
                key.verify(sig.signature, note.body.encode("utf-8"))
                return True
            except InvalidSignature:
                continue
    return False


# -- checkpoints -------------------------------------------------------------
def checkpoint_body(origin: str, size: int, root: bytes) -> str:
    """The tlog-checkpoint body: origin, size, base64 root."""
    if not origin or "\n" in origin:
        raise NoteError("bad_origin", 1, origin)
    return f"{origin}\n{int(size)}\n{base64.b64encode(root).decode()}\n"


def parse_checkpoint(body: str) -> Checkpoint:
    lines = body.split("\n")[:-1]
    if len(lines) < 3:
        raise NoteError("bad_checkpoint", len(lines) + 1, "a checkpoint has origin, size and root lines")
    origin, size_text, root_text = lines[:3]
    if not origin:
        raise NoteError("bad_checkpoint", 1, "empty origin")
    if not size_text.isascii() or not size_text.isdigit() or (size_text != "0" and size_text.startswith("0")):
        raise NoteError("bad_checkpoint", 2, size_text[:40])
    try:
        root = base64.b64decode(root_text, validate=True)
    except (binascii.Error, ValueError):
        raise NoteError("bad_checkpoint", 3, root_text[:60]) from None
    if len(root) != 32:
        raise NoteError("bad_checkpoint", 3, root_text[:60])
    return Checkpoint(origin, int(size_text), root, tuple(lines[3:]))


def sign_checkpoint(origin: str, size: int, root: bytes, private_key: Ed25519PrivateKey) -> str:
    """A checkpoint note signed by `private_key` under the key name `origin`."""
    return sign(checkpoint_body(origin, size, root), origin, private_key)


def read_checkpoint(text: str) -> tuple[Note, Checkpoint]:
    note = parse(text)
    return note, parse_checkpoint(note.body)
