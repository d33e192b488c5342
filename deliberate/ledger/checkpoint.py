"""Signed checkpoints of the log, and the community key's history in it.

A ``checkpoint`` event's payload::

    {"note": "<C2SP checkpoint note text>", "size": N, "root": "<hex>",
     "previous": {"size": M, "consistency": ["<hex>", ...]}}      # when M > 0

``size`` counts the events before the checkpoint event itself: the app appends
the checkpoint right after the events it covers, in the same transaction.
``previous`` carries the RFC 9162 consistency proof from the last checkpoint,
so a reader holding only the checkpoints can check that no signed history was
rewritten.

The origin line (and the key name) is ``deliberate/<community name>``, with
spaces and '+' replaced by '-' (the C2SP formats forbid them).

Key rotation: a ``key_rotated`` event's payload is::

    {"previous_key": "<base64>", "public_key": "<base64>",
     "signature": "<base64 Ed25519 signature by the previous key>",
     "new_signature": "<base64 Ed25519 signature by the new key>"}

both over `rotation_message(origin, previous_key, public_key)`.
"""

from __future__ import annotations

import base64
import json
import os
import sqlite3
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from deliberate.ledger import keys, note, tree_store
from deliberate.errors import BadInput, IntegrityError

ORIGIN_PREFIX = "deliberate/"
ROTATION_CONTEXT = "deliberate key rotation v1"
KEY_EVENTS = ("community_created", "key_rotated")


def origin_for(community_name: str) -> str:
    """The checkpoint origin (and key name) of a community."""
    name = unicodedata.normalize("NFC", community_name or "").strip()
    clean = "".join("-" if (ch.isspace() or ch == "+" or ch < " ") else ch for ch in name)
    return ORIGIN_PREFIX + (clean or "community")


def _conn(conn_or_store) -> sqlite3.Connection:
    return getattr(conn_or_store, "conn", conn_or_store)


# -- the key's history -------------------------------------------------------
@dataclass(frozen=True)
class KeyRecord:
    """A community key and the seq from which it signs."""
    seq: int
    public_key: bytes


def rotation_message(origin: str, previous_key: bytes, public_key: bytes) -> bytes:
    return (
        f"{ROTATION_CONTEXT}\n{origin}\n"
        f"{base64.b64encode(previous_key).decode()}\n{base64.b64encode(public_key).decode()}\n"
    ).encode("utf-8")


def rotation_payload(origin: str, old: Ed25519PrivateKey, new: Ed25519PrivateKey) -> dict:
    """The payload of a ``key_rotated`` event: the new key, signed by the old and by itself."""
    old_pub, new_pub = keys.public_bytes(old), keys.public_bytes(new)
    message = rotation_message(origin, old_pub, new_pub)
    return {
        "previous_key": base64.b64encode(old_pub).decode(),
        "public_key": base64.b64encode(new_pub).decode(),
        "signature": base64.b64encode(old.sign(message)).decode(),
        "new_signature": base64.b64encode(new.sign(message)).decode(),
    }


def rotation_valid(origin: str, current_key: bytes, payload: dict) -> bytes | None:
    """The new public key if `payload` is a rotation from `current_key` signed by both keys."""
    try:
        previous = keys.decode_public(payload["previous_key"])
        new = keys.decode_public(payload["public_key"])
        signature = base64.b64decode(payload["signature"], validate=True)
        new_signature = base64.b64decode(payload["new_signature"], validate=True)
    except (KeyError, TypeError, ValueError):
        return None
    if previous is None or new is None or previous != current_key:
        return None
    message = rotation_message(origin, previous, new)
    try:
        Ed25519PublicKey.from_public_bytes(previous).verify(signature, message)
        Ed25519PublicKey.from_public_bytes(new).verify(new_signature, message)
    except (InvalidSignature, ValueError):
        return None
    return new


def community(conn_or_store) -> tuple[str | None, list[KeyRecord]]:
    """The community's name and its public keys in the order they were recorded.

    Reads the log as written; `deliberate verify` checks the rotations' signatures.
    """
    name, history = None, []
    for seq, type_, payload in _conn(conn_or_store).execute(
        "SELECT seq, type, payload FROM events WHERE type IN (?, ?) ORDER BY seq", KEY_EVENTS
    ):
        data = json.loads(payload)
        if type_ == "community_created":
            name = data.get("name")
        raw = keys.decode_public(data.get("public_key", "")) if isinstance(data.get("public_key"), str) else None
        if raw is not None:
            history.append(KeyRecord(seq, raw))
    return name, history


def signing_key(conn_or_store, db_path: Path | str, current: bytes | None = None) -> Ed25519PrivateKey:
    """The key file that matches the log's current public key (read from the log unless given).

    A rotation interrupted after its event was recorded left the new key in
    ``<db>.key.new``: it is moved into place here.
    """
    if current is None:
        _, history = community(conn_or_store)
        if not history:
            raise BadInput("ledger.no_public_key")
        current = history[-1].public_key
    pending = keys.pending_key_path(db_path)
    if pending.exists():
        new = keys.read_key(pending)
        if keys.public_bytes(new) == current:
            os.replace(pending, keys.key_path(db_path))
            return new
    key = keys.load_key(db_path)
    if keys.public_bytes(key) != current:
        raise IntegrityError(
            "ledger.key_mismatch",
            path=str(keys.key_path(db_path)),
            file=keys.fingerprint(keys.public_bytes(key)),
            log=keys.fingerprint(current),
        )
    return key


# -- checkpoints ---------------------------------------------------------------
def latest(conn_or_store) -> tuple[int, dict] | None:
    """(seq, payload) of the newest checkpoint event, or None."""
    row = _conn(conn_or_store).execute(
        "SELECT seq, payload FROM events WHERE type = 'checkpoint' ORDER BY seq DESC LIMIT 1"
    ).fetchone()
    return (row[0], json.loads(row[1])) if row else None


def make_checkpoint(conn_or_store, db_path: Path | str, community_name: str) -> dict:
    """Sign the tree of every event so far; the payload of the ``checkpoint`` event to append next."""
    conn = _conn(conn_or_store)
    size = conn.execute("SELECT COALESCE(MAX(seq), 0) FROM events").fetchone()[0]
    stored = tree_store.size(conn)
    if stored != size:
        raise IntegrityError("ledger.tree_store_behind", stored=stored, events=size)
    key = signing_key(conn, db_path)
    root = tree_store.root_at(conn, size)
    origin = origin_for(community_name)
    payload: dict = {
        "note": note.sign_checkpoint(origin, size, root, key),
        "size": size,
        "root": root.hex(),
    }
    previous = latest(conn)
    old_size = previous[1].get("size") if previous is not None and isinstance(previous[1], dict) else None
    if isinstance(old_size, int):  # a malformed earlier checkpoint is for `verify` to report
        if 0 < old_size <= size:
            payload["previous"] = {
                "size": old_size,
                "consistency": [h.hex() for h in tree_store.consistency_proof_at(conn, old_size, size)],
            }
    return payload
