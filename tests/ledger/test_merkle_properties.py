"""Every proof over a random tree verifies; a one-bit change anywhere makes it fail.

The reference below is RFC 9162's recursive definition written out as plainly
as possible, independent of deliberate.ledger.merkle's loops.
"""

from __future__ import annotations

import hashlib

from hypothesis import given, settings
from hypothesis import strategies as st

from deliberate.ledger import merkle


def ref_mth(data: list[bytes]) -> bytes:
    n = len(data)
    if n == 0:
        return hashlib.sha256(b"").digest()
    if n == 1:
        return hashlib.sha256(b"\x00" + data[0]).digest()
    k = 1
    while k * 2 < n:
        k *= 2
    return hashlib.sha256(b"\x01" + ref_mth(data[:k]) + ref_mth(data[k:])).digest()


def ref_split(n: int) -> int:
    k = 1
    while k * 2 < n:
        k *= 2
    return k


def ref_path_shape(m: int, n: int) -> list[str]:
    """Which side each audit-path sibling is on, deepest first (RFC 9162 PATH)."""
    if n == 1:
        return []
    k = ref_split(n)
    return ref_path_shape(m, k) + ["R"] if m < k else ref_path_shape(m - k, n - k) + ["L"]


def ref_proof_shape(m: int, n: int, b: bool = True) -> list[str]:
    """The role of each consistency-proof node (RFC 9162 SUBPROOF)."""
    if m == n:
        return [] if b else ["seed"]
    k = ref_split(n)
    if m <= k:
        return ref_proof_shape(m, k, b) + ["R"]
    return ref_proof_shape(m - k, n - k, False) + ["L"]


def flip(value: bytes, bit: int) -> bytes:
    data = bytearray(value)
    data[bit // 8] ^= 1 << (bit % 8)
    return bytes(data)


entries = st.lists(st.binary(max_size=12), min_size=1, max_size=70)
# Distinct entries: with two equal leaves, "this leaf is at index i" is true for both indexes.
distinct = st.lists(st.binary(max_size=12), min_size=1, max_size=70, unique=True)


@settings(max_examples=150, deadline=None)
@given(entries, st.data())
def test_root_and_proofs_agree_with_the_recursive_definition(data, draw):
    leaves = [merkle.leaf_hash(d) for d in data]
    assert merkle.root(leaves) == ref_mth(data)
    index = draw.draw(st.integers(0, len(data) - 1))
    proof = merkle.inclusion_proof(leaves, index)
    assert len(proof) == len(ref_path_shape(index, len(data)))
    old = draw.draw(st.integers(1, len(data)))
    assert len(merkle.consistency_proof(leaves, old)) == len(ref_proof_shape(old, len(data)))


@settings(max_examples=200, deadline=None)
@given(distinct, st.data())
def test_every_inclusion_proof_verifies_and_any_flipped_bit_fails(data, draw):
    leaves = [merkle.leaf_hash(d) for d in data]
    n = len(leaves)
    root = merkle.root(leaves)
    index = draw.draw(st.integers(0, n - 1))
    proof = merkle.inclusion_proof(leaves, index)
    leaf = leaves[index]
    assert merkle.verify_inclusion(leaf, index, n, proof, root)

    bit = draw.draw(st.integers(0, 255))
    assert not merkle.verify_inclusion(flip(leaf, bit), index, n, proof, root)
    assert not merkle.verify_inclusion(leaf, index, n, proof, flip(root, bit))
    if proof:
        which = draw.draw(st.integers(0, len(proof) - 1))
        changed = list(proof)
        changed[which] = flip(changed[which], bit)
        assert not merkle.verify_inclusion(leaf, index, n, changed, root)
    small = draw.draw(st.integers(0, 10))
    assert not merkle.verify_inclusion(leaf, index ^ (1 << small), n, proof, root)


@settings(max_examples=200, deadline=None)
@given(entries, st.data())
def test_a_flipped_tree_size_fails_unless_the_path_has_the_same_shape(data, draw):
    """RFC 9162 proofs do not bind the size by themselves: a size whose audit path has
    exactly the same shape computes the same root (e.g. leaf 0 of 5 leaves and of 7,
    5 ^ 2 = 7).
    That is why the size is signed in the checkpoint. Every other size fails."""
    leaves = [merkle.leaf_hash(d) for d in data]
    n = len(leaves)
    root = merkle.root(leaves)
    index = draw.draw(st.integers(0, n - 1))
    proof = merkle.inclusion_proof(leaves, index)
    other = n ^ (1 << draw.draw(st.integers(0, 10)))
    same_shape = index < other and ref_path_shape(index, other) == ref_path_shape(index, n)
    assert merkle.verify_inclusion(leaves[index], index, other, proof, root) is same_shape


def test_the_size_is_not_bound_by_the_proof_alone():
    leaves = [merkle.leaf_hash(bytes([i])) for i in range(5)]
    proof = merkle.inclusion_proof(leaves, 0)
    root = merkle.root(leaves)
    # Leaf 0 of 5, 6, 7 or 8 leaves: three right siblings each time, the same computation.
    assert all(merkle.verify_inclusion(leaves[0], 0, size, proof, root) for size in (5, 6, 7, 8))
    # 5 ^ 1 = 4 and 5 ^ 8 = 13 leaves need two and four siblings.
    assert not merkle.verify_inclusion(leaves[0], 0, 4, proof, root)
    assert not merkle.verify_inclusion(leaves[0], 0, 13, proof, root)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.binary(max_size=12), min_size=2, max_size=70, unique=True), st.data())
def test_every_consistency_proof_verifies_and_any_flipped_bit_fails(data, draw):
    leaves = [merkle.leaf_hash(d) for d in data]
    n = len(leaves)
    old = draw.draw(st.integers(1, n - 1))
    old_root, new_root = merkle.root(leaves[:old]), merkle.root(leaves)
    proof = merkle.consistency_proof(leaves, old)
    assert merkle.verify_consistency(old, n, old_root, new_root, proof)

    bit = draw.draw(st.integers(0, 255))
    assert not merkle.verify_consistency(old, n, flip(old_root, bit), new_root, proof)
    assert not merkle.verify_consistency(old, n, old_root, flip(new_root, bit), proof)
    which = draw.draw(st.integers(0, len(proof) - 1))
    changed = list(proof)
    changed[which] = flip(changed[which], bit)
    assert not merkle.verify_consistency(old, n, old_root, new_root, changed)
    small = draw.draw(st.integers(0, 10))
    other_old = old ^ (1 << small)
    assert not merkle.verify_consistency(other_old, n, old_root, new_root, proof)
    other_new = n ^ (1 << small)
    same_shape = other_new >= old and ref_proof_shape(old, other_new) == ref_proof_shape(old, n)
    assert merkle.verify_consistency(old, other_new, old_root, new_root, proof) is same_shape


@settings(max_examples=100, deadline=None)
@given(entries)
def test_frontier_root_matches_at_every_size(data):
    frontier = merkle.Frontier()
    leaves = []
    for d in data:
        leaves.append(merkle.leaf_hash(d))
        frontier.append(leaves[-1])
        assert frontier.root() == ref_mth(data[:len(leaves)])


# -- the guards: malformed input is False, never an exception --------------------
LEAVES = [merkle.leaf_hash(bytes([i])) for i in range(6)]
ROOT = merkle.root(LEAVES)
PROOF = merkle.inclusion_proof(LEAVES, 2)


def test_inclusion_guards():
    v = merkle.verify_inclusion
    assert v(LEAVES[2], 2, 6, PROOF, ROOT)
    assert not v(LEAVES[2], 6, 6, PROOF, ROOT)               # index >= size
    assert not v(LEAVES[2], -1, 6, PROOF, ROOT)
    assert not v(LEAVES[2], 0, 0, [], merkle.EMPTY_ROOT)    # empty tree has no leaf
    assert not v(LEAVES[2][:31], 2, 6, PROOF, ROOT)          # leaf hash not 32 bytes
    assert not v(LEAVES[2], 2, 6, PROOF, ROOT + b"\x00")     # root not 32 bytes
    assert not v(LEAVES[2], 2, 6, [PROOF[0][:31], *PROOF[1:]], ROOT)
    assert not v(LEAVES[2], 2, 6, PROOF + [ROOT], ROOT)      # too long
    assert not v(LEAVES[2], 2, 6, PROOF[:-1], ROOT)          # too short
    assert not v(LEAVES[2], 2, 6, [b""] + PROOF, ROOT)
    assert not v(None, 2, 6, PROOF, ROOT)
    assert not v(LEAVES[2], "2", 6, PROOF, ROOT)
    assert not v(LEAVES[2], 2, 6, None, ROOT)
    assert not v(LEAVES[2], 2, 6, [None] * len(PROOF), ROOT)


def test_consistency_guards():
    v = merkle.verify_consistency
    old_root = merkle.root(LEAVES[:3])
    proof = merkle.consistency_proof(LEAVES, 3)
    assert v(3, 6, old_root, ROOT, proof)
    assert not v(6, 3, ROOT, old_root, proof)                 # new_size < old_size
    assert not v(0, 6, merkle.EMPTY_ROOT, ROOT, [])          # old_size = 0
    assert not v(0, 0, merkle.EMPTY_ROOT, merkle.EMPTY_ROOT, [])
    assert v(6, 6, ROOT, ROOT, [])
    assert not v(6, 6, ROOT, ROOT, [ROOT])                    # equal sizes, non-empty proof
    assert not v(6, 6, ROOT, old_root, [])                    # equal sizes, roots differ
    assert not v(3, 6, old_root, ROOT, [proof[0][:31], *proof[1:]])
    assert not v(3, 6, old_root, ROOT, proof + [ROOT])
    assert not v(3, 6, old_root, ROOT, proof[:-1])
    assert not v(3, 6, old_root, ROOT, [])
    assert not v(3, 6, None, ROOT, proof)
    assert not v(3, 6, old_root, ROOT, None)
    assert not v(3.0, 6, old_root, ROOT, proof)


def test_builders_refuse_out_of_range_arguments():
    import pytest

    with pytest.raises(ValueError):
        merkle.inclusion_proof(LEAVES, 6)
    with pytest.raises(ValueError):
        merkle.consistency_proof(LEAVES, 7)
    assert merkle.consistency_proof(LEAVES, 6) == [] and merkle.consistency_proof(LEAVES, 0) == []


def test_the_tree_and_the_manifest_format_are_pure():
    """Outside verifiers and the site writer take these modules alone: no file, database or network I/O."""
    import ast
    from pathlib import Path

    forbidden = {"os", "io", "sqlite3", "pathlib", "subprocess", "socket", "shutil", "tempfile", "click"}
    package = Path(merkle.__file__).parent
    for name in ("merkle.py", "manifest.py", "note.py"):
        tree = ast.parse((package / name).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                modules = [node.module or ""]
            else:
                continue
            for module in modules:
                assert module.split(".")[0] not in forbidden, (name, module)
