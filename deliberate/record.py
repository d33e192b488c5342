"""The record: what an event is, and the one encoding that is stored, hashed and signed. Pure.

An event is stored as ``seq`` (1-based), ``type``, ``at`` (ISO 8601) and
``payload`` (canonical JSON text), chained by ``prev_hash``. Its *record bytes*
(`record_bytes`) are the canonical JSON of the whole row; their SHA-256 is the
row's ``hash``, and the same bytes are the event's leaf in the RFC 9162 Merkle
tree. The store, `verify`, inclusion proofs and outside verifiers all use the
functions here, so the encoding exists once.
"""

from __future__ import annotations

import json
import unicodedata
from msgspec import Struct
from typing import Any

FORMAT = "deliberate-log"
# 2: events hold facts only (no sentence rendered in one language); see docs/*/record.md.
FORMAT_VERSION = "2"
READABLE_VERSIONS = ("1", "2")
GENESIS = "0" * 64


def nfc(value: Any) -> Any:
    """`value` with every string (keys included) in Unicode NFC."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, dict):
        return {nfc(k): nfc(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [nfc(v) for v in value]
    return value


def canonical_json(value: Any) -> str:
    """Sorted keys, no spaces, UTF-8 text as is, NFC: one text per value."""
    return json.dumps(nfc(value), sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def record_bytes(seq: int, type_: str, at: str, payload_text: str, prev_hash: str) -> bytes:
    """The bytes an event's hash and Merkle leaf cover: canonical JSON of the whole row.

    Built by concatenation (keys already in sorted order) so that checking a
    million events needs no JSON parsing. Raises TypeError when a field is not text.
    """
    dumps = json.dumps
    return (
        '{"at":' + dumps(at, ensure_ascii=False)
        + ',"payload":' + payload_text
        + ',"prev_hash":"' + prev_hash
        + '","seq":' + str(seq)
        + ',"type":' + dumps(type_, ensure_ascii=False) + "}"
    ).encode("utf-8")


class Event(Struct, frozen=True):
    """An event to append: what happened, when, and its facts."""

    type: str
    at: str
    payload: dict


class StoredEvent(Struct, frozen=True):
    """An event as recorded: its place in the log and its chain hashes."""

    seq: int
    type: str
    at: str
    payload: dict
    prev_hash: str
    hash: str
