"""The Merkle tree's complete subtrees, kept in SQLite beside the event log.

Table ``ledger_nodes(level, idx, hash)``: the hash of every complete subtree,
leaves [idx * 2**level, (idx + 1) * 2**level). `append_leaves` runs inside the
store's append transaction, so the table always covers exactly the events
written; roots and proofs for any earlier size then cost a few dozen lookups
instead of a pass over the log.

This is a cache for answering proofs fast. `deliberate verify` never trusts it:
it recomputes the tree from the events, and compares.
"""

from __future__ import annotations

import sqlite3

from deliberate.ledger import merkle

SCHEMA = """
CREATE TABLE IF NOT EXISTS ledger_nodes (
    level INTEGER NOT NULL,
    idx INTEGER NOT NULL,
    hash BLOB NOT NULL,
    PRIMARY KEY (level, idx)
) WITHOUT ROWID;
CREATE TRIGGER IF NOT EXISTS ledger_nodes_no_update BEFORE UPDATE ON ledger_nodes
BEGIN SELECT RAISE(ABORT, 'the Merkle tree is append-only'); END;
CREATE TRIGGER IF NOT EXISTS ledger_nodes_no_delete BEFORE DELETE ON ledger_nodes
BEGIN SELECT RAISE(ABORT, 'the Merkle tree is append-only'); END;
"""


class TreeStoreError(ValueError):
    """The stored tree cannot answer: a size beyond it, or a node missing."""


def ensure_schema(conn: sqlite3.Connection) -> None:
    for statement in SCHEMA.split(";\n"):
        if statement.strip():
            conn.execute(statement)


def has_schema(conn: sqlite3.Connection) -> bool:
    return conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'ledger_nodes'"
    ).fetchone() is not None


def size(conn: sqlite3.Connection) -> int:
    """How many leaves the stored tree holds."""
    row = conn.execute("SELECT MAX(idx) FROM ledger_nodes WHERE level = 0").fetchone()
    return 0 if row is None or row[0] is None else row[0] + 1


def _node(conn: sqlite3.Connection, level: int, idx: int) -> bytes:
    row = conn.execute(
        "SELECT hash FROM ledger_nodes WHERE level = ? AND idx = ?", (level, idx)
    ).fetchone()
    if row is None:
        raise TreeStoreError(f"the stored tree has no node at level {level}, index {idx}")
    return bytes(row[0])


def append_leaves(conn: sqlite3.Connection, start_index: int, leaf_hashes: list[bytes]) -> bytes:
    """Add leaves `start_index`, `start_index + 1`, ... and every subtree they complete; return the new root.

    Call inside the transaction that appends the matching events.
    """
    if not leaf_hashes:
        return root_at(conn, start_index)
    have = size(conn)
    if start_index != have:
        raise TreeStoreError(f"the stored tree holds {have} leaves, cannot append at {start_index}")
    # The right border: one complete subtree per set bit of the size, largest first.
    frontier = [
        _node(conn, level, (start_index >> level) - 1)
        for level in range(start_index.bit_length() - 1, -1, -1)
        if start_index >> level & 1
    ]
    rows = []
    n = start_index
    for leaf in leaf_hashes:
        if len(leaf) != merkle.HASH_SIZE:
            raise TreeStoreError("a leaf hash must be 32 bytes")
        rows.append((0, n, leaf))
        h, level, m = leaf, 0, n
        while m & 1:
            h = merkle.node_hash(frontier.pop(), h)
            level += 1
            m >>= 1
            rows.append((level, m, h))
        frontier.append(h)
        n += 1
    conn.executemany("INSERT INTO ledger_nodes(level, idx, hash) VALUES (?, ?, ?)", rows)
    # The root folds the right border's subtrees, smallest first: no lookup needed.
    root = frontier[-1]
    for left in reversed(frontier[:-1]):
        root = merkle.node_hash(left, root)
    return root


class _Reader:
    """`mth(start, end)` over the stored nodes, remembering what it read."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self.seen: dict[tuple[int, int], bytes] = {}

    def node(self, level: int, idx: int) -> bytes:
        key = (level, idx)
        found = self.seen.get(key)
        if found is None:
            found = self.seen[key] = _node(self.conn, level, idx)
        return found

    def mth(self, start: int, end: int) -> bytes:
        return merkle.fold_range([self.node(level, idx) for level, idx in merkle.decompose(start, end)])


def _check_size(conn: sqlite3.Connection, wanted: int) -> None:
    have = size(conn)
    if wanted > have:
        raise TreeStoreError(f"the stored tree holds {have} leaves, not {wanted}")


def root_at(conn: sqlite3.Connection, tree_size: int) -> bytes:
    """The root of the tree of the first `tree_size` leaves."""
    if tree_size < 0:
        raise TreeStoreError("a tree size cannot be negative")
    if tree_size == 0:
        return merkle.EMPTY_ROOT
    _check_size(conn, tree_size)
    return _Reader(conn).mth(0, tree_size)


def inclusion_proof_at(conn: sqlite3.Connection, index: int, tree_size: int) -> list[bytes]:
    """The audit path of leaf `index` in the tree of the first `tree_size` leaves."""
    if not 0 <= index < tree_size:
        raise TreeStoreError(f"leaf {index} is outside a tree of {tree_size} leaves")
    _check_size(conn, tree_size)
    return merkle.path(index, 0, tree_size, _Reader(conn).mth)


def consistency_proof_at(conn: sqlite3.Connection, old_size: int, new_size: int) -> list[bytes]:
    """The proof that the first `old_size` leaves' tree is a prefix of the first `new_size`'."""
    if not 0 <= old_size <= new_size:
        raise TreeStoreError(f"no consistency proof from {old_size} to {new_size}")
    _check_size(conn, new_size)
    if old_size in (0, new_size):
        return []
    return merkle.subproof(old_size, 0, new_size, True, _Reader(conn).mth)
