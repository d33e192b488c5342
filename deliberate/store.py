"""The event log in SQLite: append-only, hash-chained, one transaction per action.

A row is one event: ``seq`` (1-based), ``type``, ``at`` (ISO 8601), ``payload``
(canonical JSON text), ``prev_hash`` and ``hash``. The hash covers the event's
record bytes (see `record_bytes`), which chain each event to the one before; the
same bytes are the leaves of the RFC 9162 Merkle tree (deliberate.ledger).

Nothing is updated or deleted: triggers refuse it. A correction is a new event.
WAL mode with ``synchronous=NORMAL`` keeps every action atomic when the process is
killed; a power cut may lose the last actions, never half of one.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

import msgspec

from deliberate.ledger import tree_store
from deliberate.record import (
    FORMAT, FORMAT_VERSION, GENESIS, READABLE_VERSIONS, Event, StoredEvent, canonical_json, nfc, record_bytes,
)
from deliberate.errors import BadInput

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS events (
    seq INTEGER PRIMARY KEY,
    type TEXT NOT NULL,
    at TEXT NOT NULL,
    payload TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE TRIGGER IF NOT EXISTS events_no_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS events_no_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
CREATE TABLE IF NOT EXISTS snapshots (seq INTEGER PRIMARY KEY, state TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS signed_head (id INTEGER PRIMARY KEY CHECK (id = 1), size INTEGER NOT NULL, note TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS member_private (
    member_id TEXT PRIMARY KEY,
    unit TEXT,
    phone TEXT,
    id_number TEXT
);
"""


class Store:
    """One community's log in one SQLite file."""

    def __init__(self, path: Path, conn: sqlite3.Connection):
        self.path = path
        self.conn = conn
        self.head: tuple[int, bytes] | None = None   # (size, root) after this connection's last append
        self._head_table = False

    # -- opening -------------------------------------------------------------
    @classmethod
    def create(cls, path: Path | str) -> "Store":
        path = Path(path)
        if path.exists() and path.stat().st_size > 0:
            raise BadInput("store.exists", path=str(path))
        try:
            _private_file(path)  # 0600 before SQLite writes a byte; its -wal and -shm take the same mode
            conn = _connect(path)
        except PermissionError as exc:
            raise BadInput("store.cannot_create", path=str(path), why=exc.strerror or str(exc)) from exc
        except (sqlite3.OperationalError, OSError) as exc:
            raise BadInput("store.cannot_create", path=str(path), why=str(exc)) from exc
        try:
            with conn:
                conn.executescript(SCHEMA)
                tree_store.ensure_schema(conn)
                conn.executemany(
                    "INSERT INTO meta(key, value) VALUES (?, ?)",
                    [("format", FORMAT), ("format_version", FORMAT_VERSION)],
                )
        except sqlite3.OperationalError as exc:
            conn.close()
            raise BadInput("store.cannot_create", path=str(path), why=str(exc)) from exc
        return cls(path, conn)

    @classmethod
    def open(cls, path: Path | str) -> "Store":
        path = Path(path)
        if not path.exists():
            raise BadInput("store.missing", path=str(path))
        check_ours(path)  # first, and read-only: an empty file or another program's is left as it is
        conn = _connect_or_read_only(path)
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = 'format'").fetchone()
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise BadInput("store.not_ours", path=str(path)) from exc
        if row is None or row[0] != FORMAT:
            conn.close()
            raise BadInput("store.not_ours", path=str(path))
        version = conn.execute("SELECT value FROM meta WHERE key = 'format_version'").fetchone()
        if version is None or version[0] not in READABLE_VERSIONS:  # written by a newer deliberate
            conn.close()
            raise BadInput("store.format_version", path=str(path), version=version[0] if version else "-",
                           readable=", ".join(READABLE_VERSIONS))
        return cls(path, conn)

    def close(self) -> None:
        self.conn.close()

    # -- reading -------------------------------------------------------------
    def size(self) -> int:
        return self.conn.execute("SELECT COUNT(*) FROM events").fetchone()[0]

    def last(self) -> tuple[int, str, str] | None:
        """(seq, at, hash) of the newest event, or None."""
        return self.conn.execute(
            "SELECT seq, at, hash FROM events ORDER BY seq DESC LIMIT 1"
        ).fetchone()

    def rows(self, start: int = 1, stop: int | None = None) -> Iterator[tuple]:
        """Raw rows (seq, type, at, payload_text, prev_hash, hash) from `start`, before `stop`."""
        if stop is None:
            return self.conn.execute(
                "SELECT seq, type, at, payload, prev_hash, hash FROM events WHERE seq >= ? ORDER BY seq",
                (start,),
            )
        return self.conn.execute(
            "SELECT seq, type, at, payload, prev_hash, hash FROM events "
            "WHERE seq >= ? AND seq < ? ORDER BY seq",
            (start, stop),
        )

    def read(self, start: int = 1, stop: int | None = None) -> Iterator[StoredEvent]:
        for seq, type_, at, payload, prev, hash_ in self.rows(start, stop):
            yield StoredEvent(seq, type_, at, _decode(payload), prev, hash_)

    # -- writing -------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One action: everything inside is written whole or not at all."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            self.head = None  # the appended leaves are gone with the transaction
            raise
        else:
            self.conn.execute("COMMIT")

    def append(self, events: list[Event]) -> list[StoredEvent]:
        """Chain and write `events`; call inside `transaction()` (or it opens one)."""
        if not self.conn.in_transaction:
            with self.transaction():
                return self.append(events)
        last = self.last()
        seq, prev = (last[0], last[2]) if last else (0, GENESIS)
        stored, rows, leaves = [], [], []
        sha = hashlib.sha256
        for event in events:
            seq += 1
            payload = nfc(event.payload)
            text = canonical_json(payload)
            record = record_bytes(seq, event.type, event.at, text, prev)
            digest = sha(record).hexdigest()
            rows.append((seq, event.type, event.at, text, prev, digest))
            leaves.append(sha(b"\x00" + record).digest())
            stored.append(StoredEvent(seq, event.type, event.at, payload, prev, digest))
            prev = digest
        self.conn.executemany(
            "INSERT INTO events(seq, type, at, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?)",
            rows,
        )
        self.head = (seq, tree_store.append_leaves(self.conn, seq - len(rows), leaves))
        return stored

    def root_at(self, size: int) -> bytes:
        """The tree root over the first `size` events (from the last append when it is that size)."""
        if self.head is not None and self.head[0] == size:
            return self.head[1]
        return tree_store.root_at(self.conn, size)

    # -- the signed tree head -------------------------------------------------
    def save_head(self, size: int, note_text: str) -> None:
        """Keep the newest signed tree head (a C2SP checkpoint note over the first `size` events)."""
        if not self._head_table:  # a database made before signed heads: add the table once
            self.conn.execute(
                "CREATE TABLE IF NOT EXISTS signed_head "
                "(id INTEGER PRIMARY KEY CHECK (id = 1), size INTEGER NOT NULL, note TEXT NOT NULL)"
            )
            self._head_table = True
        self.conn.execute("INSERT OR REPLACE INTO signed_head(id, size, note) VALUES (1, ?, ?)", (size, note_text))

    # -- private details, never part of the record --------------------------
    def set_private(self, member_id: str, unit: str | None, phone: str | None, id_number: str | None) -> None:
        self.conn.execute(
            "INSERT OR REPLACE INTO member_private(member_id, unit, phone, id_number) VALUES (?, ?, ?, ?)",
            (member_id, unit, phone, id_number),
        )

    def private(self) -> dict[str, dict[str, str | None]]:
        if not self.conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'member_private'"
        ).fetchone():
            return {}  # a public copy: the log without the private table
        return {
            row[0]: {"unit": row[1], "phone": row[2], "id_number": row[3]}
            for row in self.conn.execute("SELECT member_id, unit, phone, id_number FROM member_private")
        }

    def erase_private(self, member_id: str) -> None:
        """Forget a member's private details (inside the removal's transaction), bytes and all.

        secure_delete overwrites the deleted row with zeros; `truncate_wal` after the
        commit copies that page over the old one and empties the write-ahead log.
        """
        self.conn.execute("PRAGMA secure_delete=ON")
        self.conn.execute("DELETE FROM member_private WHERE member_id = ?", (member_id,))

    def truncate_wal(self) -> bool:
        """Checkpoint the write-ahead log into the database and empty it; False if a reader held it."""
        busy, _, _ = self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        return busy == 0

    # -- facts about the file itself, outside the record ---------------------
    def set_meta(self, key: str, value: str) -> None:
        self.conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))


SQLITE_HEADER = b"SQLite format 3\x00"


def check_ours(path: Path) -> None:
    """BadInput unless `path` is a deliberate database; reads only, and writes no file beside it.

    An empty file and a file that is not SQLite are told from their bytes. Another
    SQLite file is looked into with a read-only connection: `immutable` when no
    write-ahead log is beside it (so none is made), else read-only through the log.
    """
    if path.is_dir():
        raise BadInput("store.not_ours", path=str(path))
    try:
        with open(path, "rb") as file:
            header = file.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise BadInput("store.unreadable", path=str(path), why=exc.strerror or str(exc)) from None
    if not header:
        raise BadInput("store.empty", path=str(path))
    if header != SQLITE_HEADER:
        raise BadInput("store.not_ours", path=str(path))
    live = Path(str(path) + "-wal").exists()
    conn = _read_only(path, immutable=not live)
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'format'").fetchone()
    except sqlite3.DatabaseError:
        row = None
    finally:
        conn.close()
    if row is None or row[0] != FORMAT:
        raise BadInput("store.not_ours", path=str(path))


def _read_only(path: Path, immutable: bool = False) -> sqlite3.Connection:
    mode = "mode=ro&immutable=1" if immutable else "mode=ro"
    return sqlite3.connect(f"{path.resolve().as_uri()}?{mode}", uri=True, isolation_level=None, timeout=10)


def _connect_or_read_only(path: Path) -> sqlite3.Connection:
    """The usual connection; on read-only media or a read-only file, a read-only one.

    Reads work; a write fails with "readonly", which the CLI says in one line.
    """
    try:
        return _connect(path)
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise
    conn = _read_only(path)
    try:
        conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError:
        conn.close()
        if os.access(path.parent, os.W_OK):
            raise
    # A folder nobody can write: no other writer either, so the file can be read as it stands.
    return _read_only(path, immutable=True)


def _private_file(path: Path) -> None:
    """Make `path` (new or empty) readable and writable by its owner only."""
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
    os.chmod(path, 0o600)


# How long an action waits for another writer's lock before it says the database is busy.
BUSY_SECONDS = float(os.environ.get("DELIBERATE_BUSY_SECONDS", "10"))


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), isolation_level=None, timeout=BUSY_SECONDS)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    return conn


_DECODER = msgspec.json.Decoder()


def _decode(payload: str) -> Any:
    """A payload's JSON: msgspec reads it ~3x faster than json.loads, and every command folds the whole log;
    what msgspec declines (NaN, a lone surrogate: nothing we write) is read as json reads it."""
    try:
        return _DECODER.decode(payload)
    except msgspec.DecodeError:
        return json.loads(payload)
