"""The stored subtree hashes answer roots and proofs exactly as the pure tree does."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from deliberate.ledger import merkle, tree_store


def fresh(path) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), isolation_level=None)
    tree_store.ensure_schema(conn)
    return conn


def append_in_batches(conn, leaves, batches):
    start = 0
    for size in batches:
        chunk = leaves[start:start + size]
        if not chunk:
            break
        conn.execute("BEGIN")
        tree_store.append_leaves(conn, start, chunk)
        conn.execute("COMMIT")
        start += len(chunk)
    if start < len(leaves):
        tree_store.append_leaves(conn, start, leaves[start:])


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 70), st.lists(st.integers(1, 9), max_size=12), st.data())
def test_stored_tree_answers_like_the_pure_tree(tmp_path_factory, n, batches, data):
    conn = fresh(tmp_path_factory.mktemp("tree") / "t.db")
    leaves = [merkle.leaf_hash(i.to_bytes(4, "big")) for i in range(n)]
    append_in_batches(conn, leaves, batches)
    assert tree_store.size(conn) == n
    for size in range(n + 1):
        assert tree_store.root_at(conn, size) == merkle.root(leaves[:size])
    if n:
        size = data.draw(st.integers(1, n))
        index = data.draw(st.integers(0, size - 1))
        assert tree_store.inclusion_proof_at(conn, index, size) == merkle.inclusion_proof(leaves[:size], index)
        old = data.draw(st.integers(0, size))
        assert tree_store.consistency_proof_at(conn, old, size) == merkle.consistency_proof(leaves[:size], old)
    conn.close()


def test_every_proof_of_a_small_tree_matches(tmp_path):
    conn = fresh(tmp_path / "t.db")
    leaves = [merkle.leaf_hash(bytes([i])) for i in range(33)]
    tree_store.append_leaves(conn, 0, leaves)
    for size in range(1, 34):
        root = merkle.root(leaves[:size])
        for index in range(size):
            proof = tree_store.inclusion_proof_at(conn, index, size)
            assert merkle.verify_inclusion(leaves[index], index, size, proof, root)
        for old in range(1, size + 1):
            proof = tree_store.consistency_proof_at(conn, old, size)
            assert merkle.verify_consistency(old, size, merkle.root(leaves[:old]), root, proof)


def test_nodes_are_only_the_complete_subtrees(tmp_path):
    conn = fresh(tmp_path / "t.db")
    tree_store.append_leaves(conn, 0, [merkle.leaf_hash(bytes([i])) for i in range(7)])
    rows = sorted(conn.execute("SELECT level, idx FROM ledger_nodes"))
    assert rows == [(0, i) for i in range(7)] + [(1, 0), (1, 1), (1, 2), (2, 0)]


def test_appending_anywhere_but_the_end_is_refused(tmp_path):
    conn = fresh(tmp_path / "t.db")
    tree_store.append_leaves(conn, 0, [merkle.leaf_hash(b"a")])
    with pytest.raises(tree_store.TreeStoreError):
        tree_store.append_leaves(conn, 0, [merkle.leaf_hash(b"b")])
    with pytest.raises(tree_store.TreeStoreError):
        tree_store.append_leaves(conn, 2, [merkle.leaf_hash(b"b")])
    with pytest.raises(tree_store.TreeStoreError):
        tree_store.append_leaves(conn, 1, [b"short"])


def test_sizes_beyond_the_stored_tree_are_refused(tmp_path):
    conn = fresh(tmp_path / "t.db")
    tree_store.append_leaves(conn, 0, [merkle.leaf_hash(bytes([i])) for i in range(3)])
    assert tree_store.root_at(conn, 0) == merkle.EMPTY_ROOT
    for call in (lambda: tree_store.root_at(conn, 4),
                 lambda: tree_store.inclusion_proof_at(conn, 3, 3),
                 lambda: tree_store.inclusion_proof_at(conn, 0, 4),
                 lambda: tree_store.consistency_proof_at(conn, 2, 4),
                 lambda: tree_store.consistency_proof_at(conn, 3, 2)):
        with pytest.raises(tree_store.TreeStoreError):
            call()


def test_stored_nodes_cannot_be_changed_or_deleted(tmp_path):
    conn = fresh(tmp_path / "t.db")
    tree_store.append_leaves(conn, 0, [merkle.leaf_hash(b"a"), merkle.leaf_hash(b"b")])
    with pytest.raises(sqlite3.DatabaseError):
        conn.execute("UPDATE ledger_nodes SET hash = x'00' WHERE level = 0")
    with pytest.raises(sqlite3.DatabaseError):
        conn.execute("DELETE FROM ledger_nodes")


def test_store_append_keeps_the_tree_in_the_same_transaction(tmp_path):
    from deliberate.store import Event, Store, record_bytes

    store = Store.create(tmp_path / "log.db")
    store.append([Event("a", "2026-01-01T00:00:00.000+08:00", {"i": i}) for i in range(5)])
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.append([Event("b", "2026-01-01T00:00:01.000+08:00", {})])
            raise RuntimeError("crash in the middle of an action")
    assert tree_store.size(store.conn) == 5
    leaves = [merkle.leaf_hash(record_bytes(*row[:5])) for row in store.rows()]
    assert tree_store.root_at(store.conn, 5) == merkle.root(leaves)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.integers(1, 9), min_size=1, max_size=12))
def test_each_append_returns_the_root_of_the_tree_it_leaves(tmp_path_factory, batches):
    conn = fresh(tmp_path_factory.mktemp("roots") / "t.db")
    leaves, start = [], 0
    for size in batches:
        chunk = [merkle.leaf_hash(f"{start + i}".encode()) for i in range(size)]
        leaves += chunk
        returned = tree_store.append_leaves(conn, start, chunk)
        start += size
        assert returned == merkle.root(leaves) == tree_store.root_at(conn, start)
