"""`deliberate verify --db`: check a whole log from its rows, trusting nothing stored.

One pass over the events, in order:

1. the sequence numbers run 1, 2, 3, ... without a gap;
2. each row's hash is SHA-256 of its record bytes, and its prev_hash is the
   hash of the row before (64 zeros for the first);
3. the Merkle tree is rebuilt from the record bytes (RFC 9162 leaves);
4. the community key is taken from ``community_created`` and followed through
   ``key_rotated`` events, each signed by the key before it;
5. each ``checkpoint`` event's note is parsed, its signature checked with the
   key in force, its root compared with the rebuilt tree at its size, its
   consistency proof from the previous checkpoint checked, and no two
   checkpoints of one size may disagree (a fork);
6. the stored subtree table must cover exactly the events (a shorter log
   means its tail was cut off) and agree with the rebuilt root;
7. with ``--since``, a saved checkpoint note must be signed by a community key
   and be a prefix of today's log (rebuilt root at its size, and an RFC 9162
   consistency proof to today's root).

The first problem raises `IntegrityError` (exit 3) naming the event or the
checkpoint; an unreadable database or note raises `BadInput` (exit 2).
"""

from __future__ import annotations

import base64
import hashlib
import json
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from deliberate.ledger import checkpoint as cp
from deliberate.ledger import keys, merkle, note, tree_store
from deliberate.record import FORMAT, GENESIS, record_bytes
from deliberate.refusal import BadInput, IntegrityError

COLUMNS = {"seq", "type", "at", "payload", "prev_hash", "hash"}


@dataclass
class Summary:
    events: int = 0
    root: bytes = merkle.EMPTY_ROOT
    checkpoints: int = 0
    latest: dict | None = None           # {"seq", "size", "root"} of the newest checkpoint
    keys: list[bytes] = field(default_factory=list)
    origin: str | None = None
    since: dict | None = None            # {"size", "root", "proof"} of a --since check

    def as_dict(self) -> dict:
        return {
            "events": self.events,
            "root": self.root.hex(),
            "checkpoints": self.checkpoints,
            "latest_checkpoint": self.latest,
            "fingerprint": keys.fingerprint(self.keys[-1]) if self.keys else None,
            "origin": self.origin,
            "since": self.since,
        }


def open_log(db_path: Path | str) -> sqlite3.Connection:
    """A connection to a deliberate log, or BadInput when the file is missing or not ours."""
    path = Path(db_path)
    if not path.is_file():
        raise BadInput("ledger.db_missing", path=str(path))
    conn = sqlite3.connect(str(path), isolation_level=None, timeout=10)
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'format'").fetchone()
        columns = {r[1] for r in conn.execute("PRAGMA table_info(events)")}
    except sqlite3.DatabaseError:
        conn.close()
        raise BadInput("ledger.not_ours", path=str(path)) from None
    if row is None or row[0] != FORMAT or not COLUMNS <= columns:
        conn.close()
        raise BadInput("ledger.not_ours", path=str(path))
    return conn


def read_note(text: str, where: str) -> tuple[note.Note, note.Checkpoint]:
    """Parse a saved checkpoint: BadInput if it is not one, IntegrityError if its signature line is garbled."""
    try:
        parsed = note.parse(text)
    except note.NoteError as exc:
        if exc.reason == "bad_signature_line":
            raise IntegrityError("ledger.garbled_signature", where=where, line=exc.line) from None
        raise BadInput("ledger.not_a_checkpoint", where=where, why=str(exc)) from None
    try:
        return parsed, note.parse_checkpoint(parsed.body)
    except note.NoteError as exc:
        raise BadInput("ledger.not_a_checkpoint", where=where, why=str(exc)) from None


def verify_database(db_path: Path | str, since_text: str | None = None, since_name: str = "") -> Summary:
    conn = open_log(db_path)
    try:
        conn.execute("BEGIN")  # one consistent snapshot for every read below
        try:
            return _verify(conn, since_text, since_name)
        finally:
            conn.execute("ROLLBACK")
    finally:
        conn.close()


def _checkpoint_sizes(conn: sqlite3.Connection) -> set[int]:
    sizes = set()
    for (payload,) in conn.execute("SELECT payload FROM events WHERE type = 'checkpoint'"):
        try:
            size = json.loads(payload).get("size")
        except (ValueError, AttributeError):
            continue
        if isinstance(size, int):
            sizes.add(size)
    return sizes


class _Checker:
    """Folds the rows one by one; raises at the first problem."""

    def __init__(self, targets: set[int]):
        self.targets = targets
        self.roots: dict[int, bytes] = {}
        self.summary = Summary()
        self.origin: str | None = None
        self.current_key: bytes | None = None
        self.by_size: dict[int, tuple[int, bytes]] = {}
        self.last_cp: tuple[int, int, bytes] | None = None   # (seq, size, root)

    # -- special events --------------------------------------------------------
    def community_created(self, seq: int, data: dict) -> None:
        name = data.get("name")
        if isinstance(name, str):
            self.origin = cp.origin_for(name)
        if "public_key" in data:
            raw = keys.decode_public(data["public_key"]) if isinstance(data["public_key"], str) else None
            if raw is None:
                raise IntegrityError("ledger.bad_public_key", seq=seq)
            self.current_key = raw
            self.summary.keys.append(raw)

    def key_rotated(self, seq: int, data: dict) -> None:
        if self.current_key is None:
            raise IntegrityError("ledger.rotation_unsigned", seq=seq)
        new = cp.rotation_valid(self.origin or "", self.current_key, data)
        if new is None:
            raise IntegrityError("ledger.rotation_unsigned", seq=seq)
        self.current_key = new
        self.summary.keys.append(new)

    def checkpoint(self, seq: int, data: dict) -> None:
        text = data.get("note")
        if not isinstance(text, str):
            raise IntegrityError("ledger.checkpoint_malformed", seq=seq, why="no note")
        try:
            parsed = note.parse(text)
            body = note.parse_checkpoint(parsed.body)
        except note.NoteError as exc:
            if exc.reason == "bad_signature_line":
                raise IntegrityError("ledger.garbled_signature", where=f"#{seq}", line=exc.line) from None
            raise IntegrityError("ledger.checkpoint_malformed", seq=seq, why=str(exc)) from None
        if data.get("size") != body.size or data.get("root") != body.root.hex():
            raise IntegrityError("ledger.checkpoint_malformed", seq=seq, why="payload and note differ")
        if self.origin is not None and body.origin != self.origin:
            raise IntegrityError("ledger.checkpoint_origin", seq=seq, origin=body.origin, expected=self.origin)
        if self.current_key is None:
            raise IntegrityError("ledger.no_key_for_checkpoint", seq=seq)
        self._check_signature(parsed, body.origin, f"#{seq}")
        if body.size > seq - 1:
            raise IntegrityError("ledger.checkpoint_future", seq=seq, size=body.size)
        earlier = self.by_size.get(body.size)
        if earlier is not None and earlier[1] != body.root:
            raise IntegrityError("ledger.fork", first=f"#{earlier[0]}", second=f"#{seq}", size=body.size)
        if self.roots.get(body.size) != body.root:
            raise IntegrityError("ledger.checkpoint_mismatch", seq=seq, size=body.size)
        if self.last_cp is not None:
            last_seq, last_size, last_root = self.last_cp
            if body.size < last_size:
                raise IntegrityError("ledger.checkpoint_backwards", seq=seq, size=body.size, previous=f"#{last_seq}")
            previous = data.get("previous")
            if last_size > 0 and previous is not None:
                if not self._consistent(previous, last_size, last_root, body):
                    raise IntegrityError("ledger.checkpoint_inconsistent", seq=seq, previous=f"#{last_seq}")
        self.by_size.setdefault(body.size, (seq, body.root))
        self.last_cp = (seq, body.size, body.root)
        self.summary.checkpoints += 1
        self.summary.latest = {"seq": seq, "size": body.size, "root": body.root.hex()}
        self.summary.origin = body.origin

    def _consistent(self, previous: object, last_size: int, last_root: bytes, body: note.Checkpoint) -> bool:
        try:
            proof = [bytes.fromhex(h) for h in previous["consistency"]]
            claimed = previous["size"]
        except (TypeError, KeyError, ValueError):
            return False
        return claimed == last_size and merkle.verify_consistency(last_size, body.size, last_root, body.root, proof)

    def _check_signature(self, parsed: note.Note, origin: str, where: str) -> None:
        if note.verify(parsed, origin, self.current_key):
            return
        wanted = note.key_id(origin, self.current_key)
        if any(s.name == origin and s.key_id == wanted for s in parsed.signatures):
            raise IntegrityError("ledger.bad_signature", where=where)
        found = parsed.signatures[0].key_id.hex() if parsed.signatures else "-"
        for old in self.summary.keys[:-1]:
            if note.verify(parsed, origin, old):
                raise IntegrityError("ledger.retired_key", where=where, fingerprint=keys.fingerprint(old))
        raise IntegrityError(
            "ledger.wrong_key", where=where, key_id=found, fingerprint=keys.fingerprint(self.current_key)
        )


def _verify(conn: sqlite3.Connection, since_text: str | None, since_name: str) -> Summary:
    since = read_note(since_text, since_name) if since_text is not None else None
    targets = _checkpoint_sizes(conn)
    if since is not None:
        targets.add(since[1].size)
    check = _Checker(targets)
    roots = check.roots
    frontier = merkle.Frontier()
    append = frontier.append
    sha = hashlib.sha256
    special = {"community_created": check.community_created, "key_rotated": check.key_rotated,
               "checkpoint": check.checkpoint}
    prev, expected = GENESIS, 1
    rows = conn.execute("SELECT seq, type, at, payload, prev_hash, hash FROM events ORDER BY seq")
    for seq, type_, at, payload, prev_hash, hash_ in rows:
        if seq != expected:
            raise IntegrityError("ledger.event_missing", seq=expected, next=seq)
        if expected - 1 in targets:
            roots[expected - 1] = frontier.root()
        try:
            record = record_bytes(seq, type_, at, payload, prev_hash)
        except TypeError:
            raise IntegrityError("ledger.event_edited", seq=seq) from None
        if sha(record).hexdigest() != hash_:
            raise IntegrityError("ledger.event_edited", seq=seq)
        if prev_hash != prev:
            raise IntegrityError("ledger.chain_broken", seq=seq, prev=seq - 1)
        append(sha(b"\x00" + record).digest())
        prev = hash_
        expected += 1
        handler = special.get(type_)
        if handler is not None:
            try:
                data = json.loads(payload)
            except ValueError:
                data = None
            if not isinstance(data, dict):
                raise IntegrityError("ledger.payload_malformed", seq=seq, type=type_)
            handler(seq, data)
    size = expected - 1
    root = frontier.root()
    roots[size] = root
    summary = check.summary
    summary.events, summary.root = size, root
    summary.origin = summary.origin or check.origin
    _check_tree_store(conn, size, root)
    if since is not None:
        summary.since = _check_since(conn, check, since, size, root)
    return summary


def _check_tree_store(conn: sqlite3.Connection, size: int, root: bytes) -> None:
    if not tree_store.has_schema(conn):
        raise IntegrityError("ledger.tree_store_missing")
    stored = tree_store.size(conn)
    if stored > size:
        raise IntegrityError("ledger.truncated", events=size, stored=stored)
    if stored < size:
        raise IntegrityError("ledger.tree_store_behind", stored=stored, events=size)
    try:
        stored_root = tree_store.root_at(conn, size)
    except tree_store.TreeStoreError:
        stored_root = None
    if stored_root != root:
        raise IntegrityError("ledger.tree_store_mismatch", events=size)


def _check_since(conn, check: _Checker, since, size: int, root: bytes) -> dict:
    parsed, body = since
    where = "--since"
    if check.origin is not None and body.origin != check.origin:
        raise IntegrityError("ledger.since_other_log", origin=body.origin, expected=check.origin)
    if not any(note.verify(parsed, body.origin, key) for key in check.summary.keys):
        found = parsed.signatures[0].key_id.hex() if parsed.signatures else "-"
        current = check.summary.keys[-1] if check.summary.keys else None
        raise IntegrityError(
            "ledger.wrong_key", where=where, key_id=found,
            fingerprint=keys.fingerprint(current) if current else "-",
        )
    if body.size > size:
        raise IntegrityError("ledger.rollback", saved=body.size, events=size)
    same = check.by_size.get(body.size)
    if same is not None and same[1] != body.root:
        raise IntegrityError("ledger.fork", first=where, second=f"#{same[0]}", size=body.size)
    if check.roots.get(body.size) != body.root:
        raise IntegrityError("ledger.since_mismatch", size=body.size)
    proof = tree_store.consistency_proof_at(conn, body.size, size) if 0 < body.size else []
    if body.size > 0 and not merkle.verify_consistency(body.size, size, body.root, root, proof):
        raise IntegrityError("ledger.since_mismatch", size=body.size)
    return {
        "size": body.size,
        "root": body.root.hex(),
        "proof": [h.hex() for h in proof],
        "root_b64": base64.b64encode(body.root).decode(),
    }
