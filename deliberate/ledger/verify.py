"""`deliberate verify --db`: check a whole log from its rows, trusting nothing stored.

``meta.format_version`` must be one this deliberate reads. Then one pass over
the events, in order:

1. the sequence numbers run 1, 2, 3, ... without a gap;
2. each row's hash is SHA-256 of its record bytes, and its prev_hash is the
   hash of the row before (64 zeros for the first);
3. the Merkle tree is rebuilt from the record bytes (RFC 9162 leaves), and
   every node stored in ``ledger_nodes`` is compared with the rebuilt one;
4. each payload is a JSON object in the canonical encoding (it re-encodes to
   the same text);
5. the community is created once, by event #1; its key is followed through
   ``key_rotated`` events, each signed by the key before it;
6. each ``checkpoint`` event's note is parsed, its signature checked with the
   key in force, it covers every event before it, its root matches the rebuilt
   tree at its size, its consistency proof from the previous checkpoint holds,
   and no two checkpoints of one size disagree (a fork);
7. the whole log folds (`deliberate.domain`): every type is known, every
   event applies to the state before it, every member it names was added;
   a cached snapshot of this version must equal the fold at its event;
8. the stored subtree table covers exactly the events (a shorter log means its
   tail was cut off);
9. the signed tree head (table ``signed_head``, re-signed by the app after
   every action) is signed by the key in force at the end of the log and
   matches the rebuilt tree at its size. Events after it (and after the newest
   checkpoint event) are covered by no signature: with the key file beside the
   database that is tampering (the app would have signed them); without it (a
   public copy) the summary says how many;
10. with ``--since``, a saved checkpoint note must be signed by a community key
    and be a prefix of today's log (rebuilt root at its size, and an RFC 9162
    consistency proof to today's root).

The first problem raises `IntegrityError` (exit 3) naming the event or the
checkpoint; an unreadable database or note raises `BadInput` (exit 2). Every
reason is a catalog sentence (zh and en), never an internal code.
"""

from __future__ import annotations

import base64
import hashlib
import json
import json.encoder
import json.scanner
import os
import sqlite3
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from deliberate.ledger import checkpoint as cp
from deliberate.ledger import keys, merkle, note, tree_store
from deliberate.record import FORMAT, GENESIS, READABLE_VERSIONS, canonical_json, record_bytes
from deliberate.errors import BadInput, IntegrityError

COLUMNS = {"seq", "type", "at", "payload", "prev_hash", "hash"}


@dataclass
class Summary:
    """What verifying a log found: its size, root, checkpoints and keys."""
    events: int = 0
    root: bytes = merkle.EMPTY_ROOT
    checkpoints: int = 0
    latest: dict | None = None           # {"seq", "size", "root"} of the newest checkpoint
    keys: list[bytes] = field(default_factory=list)
    origin: str | None = None
    since: dict | None = None            # {"size", "root", "proof"} of a --since check
    head: dict | None = None             # {"size", "root"} of the signed tree head
    unsigned: int = 0                    # events no signature covers (after the head and the newest checkpoint)
    unsigned_from: int | None = None     # the first of them
    snapshots_checked: int = 0           # cached states of this version, each equal to the fold
    snapshots_ignored: int = 0           # cached states of another version (never read)

    def as_dict(self) -> dict:
        return {
            "events": self.events,
            "root": self.root.hex(),
            "checkpoints": self.checkpoints,
            "latest_checkpoint": self.latest,
            "signed_head": self.head,
            "unsigned_events": self.unsigned,
            "unsigned_from": self.unsigned_from,
            "fingerprint": keys.fingerprint(self.keys[-1]) if self.keys else None,
            "origin": self.origin,
            "since": self.since,
            "snapshots_checked": self.snapshots_checked,
            "snapshots_ignored": self.snapshots_ignored,
        }


def open_log(db_path: Path | str) -> sqlite3.Connection:
    """A connection to a deliberate log, or BadInput when the file is missing or not ours."""
    path = Path(db_path)
    if not path.is_file():
        raise BadInput("ledger.db_missing", path=str(path))
    if path.stat().st_size == 0:
        raise BadInput("store.empty", path=str(path))
    conn = sqlite3.connect(str(path), isolation_level=None, timeout=10)
    try:
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = 'format'").fetchone()
        except sqlite3.OperationalError:
            if os.access(path.parent, os.W_OK):
                raise
            # read-only media: no write-ahead index can be made, and nobody writes, so read the file as it stands
            conn.close()
            conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True, isolation_level=None)
            row = conn.execute("SELECT value FROM meta WHERE key = 'format'").fetchone()
        columns = {r[1] for r in conn.execute("PRAGMA table_info(events)")}
    except sqlite3.DatabaseError:
        conn.close()
        raise BadInput("ledger.not_ours", path=str(path)) from None
    if row is None or row[0] != FORMAT or not COLUMNS <= columns:
        conn.close()
        raise BadInput("ledger.not_ours", path=str(path))
    return conn


# -- reasons said as sentences ----------------------------------------------------------
def note_why(exc: note.NoteError):
    """Why a note is unreadable, as a sentence in the reader's language (never the internal reason code)."""
    from deliberate.i18n import Localized

    reason = exc.reason if exc.reason in note.REASONS else "unreadable"
    what = Localized(f"ledger.note.{reason}")
    return Localized("ledger.at_line", what=what, line=exc.line) if exc.line else what


def os_why(exc: Exception):
    """Why a file could not be read or written, as a sentence in the reader's language where it is a common case."""
    for kind, key in ((FileNotFoundError, "ledger.why.no_such_file"), (IsADirectoryError, "ledger.why.is_directory"),
                      (PermissionError, "ledger.why.no_permission"), (UnicodeDecodeError, "ledger.why.not_utf8")):
        if isinstance(exc, kind):
            return _why(key)
    return getattr(exc, "strerror", None) or str(exc)


def _why(key: str, **params):
    from deliberate.i18n import Localized

    return Localized(key, **params)


def read_note(text: str, where: str) -> tuple[note.Note, note.Checkpoint]:
    """Parse a saved checkpoint: BadInput if it is not one, IntegrityError if its signature line is garbled."""
    try:
        parsed = note.parse(text)
    except note.NoteError as exc:
        if exc.reason == "bad_signature_line":
            raise IntegrityError("ledger.garbled_signature", where=where, line=exc.line) from None
        raise BadInput("ledger.not_a_checkpoint", where=where, why=note_why(exc)) from None
    try:
        return parsed, note.parse_checkpoint(parsed.body)
    except note.NoteError as exc:
        raise BadInput("ledger.not_a_checkpoint", where=where, why=note_why(exc)) from None


def verify_database(db_path: Path | str, since_text: str | None = None, since_name: str = "") -> Summary:
    """Check the log at `db_path`; the key file beside it (`keys.key_path`) says whether every event must be signed."""
    conn = open_log(db_path)
    try:
        conn.execute("BEGIN")  # one consistent snapshot for every read below
        try:
            return _verify(conn, since_text, since_name, Path(db_path))
        finally:
            conn.execute("ROLLBACK")
    finally:
        conn.close()


def community_keys(conn: sqlite3.Connection) -> list[bytes]:
    """The community's public keys, oldest first, each rotation checked against the key before it.

    For `verify DIR --db`: a key that a forged (unsigned) ``key_rotated`` event introduced is never
    trusted; the whole log is checked by `verify_database`.
    """
    check = _Checker(set())
    for seq, type_, payload in conn.execute(
        "SELECT seq, type, payload FROM events WHERE type IN ('community_created', 'key_rotated') ORDER BY seq"
    ):
        getattr(check, type_)(seq, _json_object(payload, seq, type_))
    return check.summary.keys


def _json_object(payload: object, seq: int, type_: object) -> dict:
    try:
        data = json.loads(payload)
    except (ValueError, TypeError, RecursionError):
        data = None
    if type(data) is not dict:
        raise IntegrityError("ledger.payload_malformed", seq=seq, type=type_)
    return data


def _checkpoint_sizes(conn: sqlite3.Connection) -> set[int]:
    sizes = set()
    for (payload,) in conn.execute("SELECT payload FROM events WHERE type = 'checkpoint'"):
        try:
            size = json.loads(payload).get("size")
        except (ValueError, AttributeError, TypeError, RecursionError):
            continue
        if isinstance(size, int):
            sizes.add(size)
    return sizes


def _check_format_version(conn: sqlite3.Connection) -> None:
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'format_version'").fetchone()
    except sqlite3.DatabaseError:
        row = None
    version = row[0] if row else None
    if version not in READABLE_VERSIONS:
        raise IntegrityError("ledger.format_version", version="-" if version is None else str(version),
                             readable=", ".join(READABLE_VERSIONS))


def _read_head(conn: sqlite3.Connection) -> tuple[note.Note, note.Checkpoint] | None:
    """The signed tree head the app keeps after every action, parsed; None when there is none."""
    try:
        found = conn.execute("SELECT size, note FROM signed_head").fetchall()
    except sqlite3.DatabaseError:
        return None  # a database from before signed heads
    if not found:
        return None
    if len(found) > 1:
        raise IntegrityError("ledger.head_malformed", why=_why("ledger.why.head_rows", count=len(found)))
    size, text = found[0]
    where = _why("ledger.where_head")
    try:
        parsed = note.parse(text)
        body = note.parse_checkpoint(parsed.body)
    except note.NoteError as exc:
        if exc.reason == "bad_signature_line":
            raise IntegrityError("ledger.garbled_signature", where=where, line=exc.line) from None
        raise IntegrityError("ledger.head_malformed", why=note_why(exc)) from None
    if type(size) is not int or size != body.size:
        raise IntegrityError("ledger.head_malformed", why=_why("ledger.why.head_size", size=size, note=body.size))
    return parsed, body


def _read_snapshots(conn: sqlite3.Connection) -> tuple[dict[int, str], int]:
    """Cached states this version would have written (tag -> state text to check), and how many others there are."""
    from deliberate.app import SNAPSHOT_VERSION

    try:
        found = conn.execute("SELECT seq, state FROM snapshots ORDER BY seq").fetchall()
    except sqlite3.DatabaseError:
        return {}, 0
    current, ignored = {}, 0
    for seq, text in found:
        version, _, body = text.partition("\n") if isinstance(text, str) else ("", "", "")
        if version == SNAPSHOT_VERSION:
            current[seq] = body
        else:
            ignored += 1
    return current, ignored


class _Event:
    """An event as the appliers read it (what `StoredEvent` holds, without a frozen dataclass's cost)."""

    __slots__ = ("seq", "type", "at", "payload", "prev_hash", "hash")

    def __init__(self, seq, type_, at, payload, prev_hash, hash_):
        self.seq, self.type, self.at, self.payload, self.prev_hash, self.hash = seq, type_, at, payload, prev_hash, hash_


# Payload fields that name a member by id (None where the record allows no member).
MEMBER_FIELDS = ("member", "maker", "seconder", "chair_id", "secretary_id")
# Event types recorded with no applier: none today (every type the app writes folds into the state).
PASSIVE_TYPES: frozenset[str] = frozenset()
FOLD_ERRORS = (LookupError, TypeError, ValueError, AttributeError)


def _fold_why(exc: Exception):
    if isinstance(exc, KeyError) and exc.args:
        return _why("ledger.fold.missing", name=str(exc.args[0]))
    if isinstance(exc, LookupError):
        return _why("ledger.fold.not_found")
    if isinstance(exc, TypeError):
        return _why("ledger.fold.wrong_type")
    if isinstance(exc, AttributeError):
        return _why("ledger.fold.nothing_open")
    return _why("ledger.fold.not_in_state")


class _Nodes:
    """Compares every stored Merkle node (``ledger_nodes``) with the node rebuilt from the events, a chunk at a time."""

    CHUNK = 4096
    LEVELS = 64

    def __init__(self, conn: sqlite3.Connection, enabled: bool):
        self.conn = conn
        self.enabled = enabled
        self.pending: list[list[bytes]] = [[] for _ in range(self.LEVELS)]
        self.start = [0] * self.LEVELS
        self.problem: tuple[int, int] | None = None

    def flush(self, level: int) -> None:
        buf = self.pending[level]
        first = self.start[level]
        if self.enabled and self.problem is None and buf:
            query = "SELECT {} FROM ledger_nodes WHERE level = ? AND idx >= ? AND idx < ? ORDER BY idx"
            span = (level, first, first + len(buf))
            try:
                # (level, idx) is the key: as many rows as nodes in the span means one row per index.
                stored = [h for (h,) in self.conn.execute(query.format("hash"), span)]
                if len(stored) != len(buf) or stored != buf:
                    have = dict(self.conn.execute(query.format("idx, hash"), span).fetchall())
                    bad = next(i for i, h in enumerate(buf) if have.get(first + i) != h)
                    self.problem = (level, first + bad)
            except sqlite3.DatabaseError:
                self.problem = (level, first)
        self.start[level] = first + len(buf)
        buf.clear()

    def finish(self, size: int) -> None:
        """Flush what is left, and look for nodes beyond the tree of `size` leaves."""
        for level in range(self.LEVELS):
            self.flush(level)
        if not self.enabled or self.problem is not None:
            return
        try:
            for level in range(size.bit_length()):
                extra = self.conn.execute(
                    "SELECT idx FROM ledger_nodes WHERE level = ? AND (idx < 0 OR idx >= ?) ORDER BY idx LIMIT 1",
                    (level, size >> level),
                ).fetchone()
                if extra is not None:
                    self.problem = (level, extra[0])
                    return
            for query in ("SELECT level, idx FROM ledger_nodes WHERE level >= ? ORDER BY level, idx LIMIT 1",
                          "SELECT level, idx FROM ledger_nodes WHERE level < 0 ORDER BY level, idx LIMIT 1"):
                extra = self.conn.execute(query, (size.bit_length(),) if "?" in query else ()).fetchone()
                if extra is not None:
                    self.problem = (extra[0], extra[1])
                    return
        except sqlite3.DatabaseError:
            self.problem = (0, 0)


def _canonical_encoder():
    """`canonical_json` without its NFC pass, made once (the C encoder when there is one): str of a JSON value."""
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:
        return json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode
    iterencode = make(None, None, json.encoder.encode_basestring, None, ":", ",", True, False, True)
    join = "".join
    return lambda value: join(iterencode(value, 0))


def _json_scanner():
    """scan(text, 0) -> (value, end), raising ValueError or StopIteration on what is not JSON at its start."""
    make = getattr(json.scanner, "c_make_scanner", None)
    if make is None:
        return lambda text, _: (json.loads(text), len(text))
    return make(json.JSONDecoder())


def _payload_problem(payload: object, seq: int, type_: object) -> IntegrityError:
    """Why a payload the fast path refused is wrong: not a JSON object (raised), or not in the canonical encoding."""
    _json_object(payload, seq, type_)
    return IntegrityError("ledger.payload_not_canonical", seq=seq)


def _fold_root(stack: list[bytes]) -> bytes:
    if not stack:
        return merkle.EMPTY_ROOT
    result = stack[-1]
    for left in reversed(stack[:-1]):
        result = merkle.node_hash(left, result)
    return result


class _Checker:
    """Folds the rows one by one; raises at the first problem."""

    def __init__(self, targets: set[int]):
        self.targets = targets
        self.roots: dict[int, bytes] = {}
        self.summary = Summary()
        self.origin: str | None = None
        self.created = False
        self.current_key: bytes | None = None
        self.by_size: dict[int, tuple[int, bytes]] = {}
        self.last_cp: tuple[int, int, bytes] | None = None   # (seq, size, root)

    # -- special events --------------------------------------------------------
    def community_created(self, seq: int, data: dict) -> None:
        if self.created or seq != 1:
            raise IntegrityError("ledger.created_again", seq=seq)
        self.created = True
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

    CHECKPOINT_FIELDS = frozenset({"note", "size", "root", "previous"})

    def checkpoint(self, seq: int, data: dict) -> None:
        text = data.get("note")
        if not isinstance(text, str):
            raise IntegrityError("ledger.checkpoint_malformed", seq=seq, why=_why("ledger.why.no_note"))
        if not data.keys() <= self.CHECKPOINT_FIELDS:
            extra = ", ".join(sorted(data.keys() - self.CHECKPOINT_FIELDS))
            raise IntegrityError("ledger.checkpoint_malformed", seq=seq, why=_why("ledger.why.extra_fields", fields=extra))
        try:
            parsed = note.parse(text)
            body = note.parse_checkpoint(parsed.body)
        except note.NoteError as exc:
            if exc.reason == "bad_signature_line":
                raise IntegrityError("ledger.garbled_signature", where=f"#{seq}", line=exc.line) from None
            raise IntegrityError("ledger.checkpoint_malformed", seq=seq, why=note_why(exc)) from None
        if data.get("size") != body.size or data.get("root") != body.root.hex():
            raise IntegrityError("ledger.checkpoint_malformed", seq=seq, why=_why("ledger.why.payload_note_differ"))
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
        if body.size != seq - 1:
            # The app signs every event before the checkpoint; an old note copied forward covers fewer.
            raise IntegrityError("ledger.checkpoint_short", seq=seq, size=body.size, before=seq - 1)
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

    def head(self, parsed: note.Note, body: note.Checkpoint, events: int) -> None:
        """The signed head: by the key in force at the end of the log, over the first `size` events as rebuilt."""
        where = _why("ledger.where_head")
        if self.origin is not None and body.origin != self.origin:
            raise IntegrityError("ledger.head_malformed",
                                 why=_why("ledger.why.other_origin", origin=body.origin, expected=self.origin))
        if self.current_key is None:
            raise IntegrityError("ledger.head_malformed", why=_why("ledger.why.no_key"))
        self._check_signature(parsed, body.origin, where)
        if body.size > events:
            raise IntegrityError("ledger.head_beyond", size=body.size, events=events)
        if self.roots.get(body.size) != body.root:
            raise IntegrityError("ledger.head_mismatch", size=body.size)
        self.summary.head = {"size": body.size, "root": body.root.hex()}

    def _consistent(self, previous: object, last_size: int, last_root: bytes, body: note.Checkpoint) -> bool:
        try:
            proof = [bytes.fromhex(h) for h in previous["consistency"]]
            claimed = previous["size"]
        except (TypeError, KeyError, ValueError):
            return False
        return claimed == last_size and merkle.verify_consistency(last_size, body.size, last_root, body.root, proof)

    def _check_signature(self, parsed: note.Note, origin: str, where) -> None:
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


def _verify(conn: sqlite3.Connection, since_text: str | None, since_name: str, db_path: Path | None = None) -> Summary:
    from deliberate import domain
    from deliberate import state as state_codec
    from deliberate.state import State

    _check_format_version(conn)
    since = read_note(since_text, since_name) if since_text is not None else None
    head = _read_head(conn)
    snapshots, ignored = _read_snapshots(conn)
    targets = _checkpoint_sizes(conn)
    if since is not None:
        targets.add(since[1].size)
    if head is not None:
        targets.add(head[1].size)
    check = _Checker(targets)
    roots = check.roots
    nodes = _Nodes(conn, tree_store.has_schema(conn))
    pending, flush, chunk = nodes.pending, nodes.flush, nodes.CHUNK
    level0 = pending[0]
    stack: list[bytes] = []
    sha = hashlib.sha256
    encode = _canonical_encoder()
    scan = _json_scanner()
    is_normalized = unicodedata.is_normalized
    special = {"community_created": check.community_created, "key_rotated": check.key_rotated,
               "checkpoint": check.checkpoint}
    appliers = domain.APPLIERS
    apply = domain.apply
    state = State()
    snapshot_problem: int | None = None
    prev, expected = GENESIS, 1
    rows = conn.execute("SELECT seq, type, at, payload, prev_hash, hash FROM events ORDER BY seq")
    for seq, type_, at, payload, prev_hash, hash_ in rows:
        if seq != expected:
            raise IntegrityError("ledger.event_missing", seq=expected, next=seq)
        if expected - 1 in targets:
            roots[expected - 1] = _fold_root(stack)
        try:
            record = record_bytes(seq, type_, at, payload, prev_hash)
        except TypeError:
            raise IntegrityError("ledger.event_edited", seq=seq) from None
        if sha(record).hexdigest() != hash_:
            raise IntegrityError("ledger.event_edited", seq=seq)
        if prev_hash != prev:
            raise IntegrityError("ledger.chain_broken", seq=seq, prev=seq - 1)
        # The Merkle tree: the leaf, and every subtree it completes, compared with the stored nodes.
        h = sha(b"\x00" + record).digest()
        level0.append(h)
        if len(level0) >= chunk:
            flush(0)
        m, level = expected - 1, 0
        while m & 1:
            h = sha(b"\x01" + stack.pop() + h).digest()
            level += 1
            m >>= 1
            done = pending[level]
            done.append(h)
            if len(done) >= chunk:
                flush(level)
        stack.append(h)
        prev = hash_
        expected += 1
        # The payload: a JSON object in the one canonical encoding (it re-encodes to the same text).
        try:
            data, end = scan(payload, 0)
        except (ValueError, StopIteration, RecursionError):
            raise _payload_problem(payload, seq, type_) from None
        if end != len(payload) or type(data) is not dict:
            raise _payload_problem(payload, seq, type_)
        if (encode(data) != payload or not is_normalized("NFC", payload)) and canonical_json(data) != payload:
            raise IntegrityError("ledger.payload_not_canonical", seq=seq)
        handler = special.get(type_)
        if handler is not None:
            handler(seq, data)
        # The fold: every event applies to the state of the log before it.
        if type_ not in appliers and type_ not in PASSIVE_TYPES:
            raise IntegrityError("ledger.unknown_type", seq=seq, type=type_)
        try:
            apply(state, _Event(seq, type_, at, data, prev_hash, hash_))
            for name in MEMBER_FIELDS:
                if name in data:
                    member = data[name]
                    if member is not None and member not in state.members:
                        raise IntegrityError("ledger.unknown_member", seq=seq, member=str(member))
            if type_ == "roll_call_recorded":
                for member in data["votes"]:
                    if member not in state.members:
                        raise IntegrityError("ledger.unknown_member", seq=seq, member=str(member))
        except FOLD_ERRORS as exc:
            raise IntegrityError("ledger.does_not_fold", seq=seq, type=type_, why=_fold_why(exc)) from None
        if seq in snapshots and snapshot_problem is None and state_codec.dumps(state) != snapshots[seq]:
            snapshot_problem = seq
    size = expected - 1
    root = _fold_root(stack)
    roots[size] = root
    summary = check.summary
    summary.events, summary.root = size, root
    summary.origin = summary.origin or check.origin
    # The stored tree: it covers exactly the events, and every node agrees with the rebuilt one.
    _check_tree_store(conn, size, root, nodes)
    if snapshot_problem is None:
        snapshot_problem = next((seq for seq in snapshots if type(seq) is not int or not 0 < seq <= size), None)
    if snapshot_problem is not None:
        raise IntegrityError("ledger.snapshot_mismatch", seq=snapshot_problem)
    summary.snapshots_checked, summary.snapshots_ignored = len(snapshots), ignored
    key_here = _check_key_file(db_path, summary.keys) if db_path is not None else False
    if head is not None:
        check.head(head[0], head[1], size)
    # What no signature covers: the events after the signed head and after the newest checkpoint event.
    covered = max(check.last_cp[0] if check.last_cp else 0, head[1].size if head else 0)
    summary.unsigned = size - covered
    summary.unsigned_from = covered + 1 if summary.unsigned else None
    if summary.unsigned and key_here:
        raise IntegrityError("ledger.unsigned_events", count=summary.unsigned, first=covered + 1)
    if since is not None:
        summary.since = _check_since(conn, check, since, size, root)
    return summary


def _check_key_file(db_path: Path, log_keys: list[bytes]) -> bool:
    """Is the community key file beside the database? Raise if it is no key this log names (the log was re-keyed)."""
    path = keys.key_path(db_path)
    if not path.exists():
        return False
    try:
        mine = keys.public_bytes(keys.read_key(path))
    except BadInput:
        return True
    if log_keys and mine not in log_keys:
        raise IntegrityError("ledger.key_file_foreign", path=str(path), file=keys.fingerprint(mine),
                             log=keys.fingerprint(log_keys[-1]))
    return True


def _check_tree_store(conn: sqlite3.Connection, size: int, root: bytes, nodes: _Nodes | None = None) -> None:
    if not tree_store.has_schema(conn):
        raise IntegrityError("ledger.tree_store_missing")
    stored = tree_store.size(conn)
    if stored > size:
        raise IntegrityError("ledger.truncated", events=size, stored=stored)
    if stored < size:
        raise IntegrityError("ledger.tree_store_behind", stored=stored, events=size)
    if nodes is not None:
        nodes.finish(size)
        if nodes.problem is not None:
            raise IntegrityError("ledger.node_mismatch", level=nodes.problem[0], idx=nodes.problem[1])
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
