"""The RFC 9162 Merkle tree (section 2.1): hashes, roots, proofs and their verifiers.

Pure: standard library only, no I/O. Hashes are 32-byte ``bytes``.

- the empty tree's hash is SHA-256 of nothing;
- a leaf is SHA-256(0x00 || data), an interior node SHA-256(0x01 || left || right);
- a tree of n > 1 leaves splits into a left subtree of k leaves, k the largest
  power of two strictly less than n, and a right subtree of the n - k others.
  Nothing is padded or duplicated.

Proof builders work on any source of subtree hashes: `inclusion_proof` and
`consistency_proof` take the list of leaf hashes, while `path` and `subproof`
take a function ``mth(start, end)`` so that `tree_store` can answer from the
subtree hashes it keeps in SQLite. Verifiers return False, never raise, on any
malformed input.
"""

from __future__ import annotations

import hashlib
from typing import Callable, Iterable, Sequence

HASH_SIZE = 32
EMPTY_ROOT = hashlib.sha256(b"").digest()

_sha256 = hashlib.sha256

Mth = Callable[[int, int], bytes]
"""The hash of the subtree of leaves [start, end), start aligned as the tree aligns it."""


def leaf_hash(data: bytes) -> bytes:
    """RFC 9162: MTH({d}) = SHA-256(0x00 || d)."""
    return _sha256(b"\x00" + bytes(data)).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    """RFC 9162: SHA-256(0x01 || left || right)."""
    return _sha256(b"\x01" + left + right).digest()


def split_point(n: int) -> int:
    """The largest power of two strictly less than `n` (n >= 2)."""
    return 1 << ((n - 1).bit_length() - 1)


# -- roots -------------------------------------------------------------------
class Frontier:
    """The compact range of a growing tree: the roots of its complete subtrees, left to right.

    Appending a leaf costs one leaf's worth of merges on average; `root()` folds
    at most log2(n) hashes. `verify` streams a million events through one.
    """

    __slots__ = ("size", "hashes")

    def __init__(self) -> None:
        self.size = 0
        self.hashes: list[bytes] = []

    def append(self, leaf: bytes) -> None:
        hashes = self.hashes
        size = self.size
        while size & 1:
            leaf = _sha256(b"\x01" + hashes.pop() + leaf).digest()
            size >>= 1
        hashes.append(leaf)
        self.size += 1

    def root(self) -> bytes:
        if not self.hashes:
            return EMPTY_ROOT
        hashes = self.hashes
        result = hashes[-1]
        for left in reversed(hashes[:-1]):
            result = _sha256(b"\x01" + left + result).digest()
        return result


def root(leaf_hashes: Iterable[bytes]) -> bytes:
    """MTH of the tree with these leaf hashes; `root([])` is the empty-tree hash."""
    frontier = Frontier()
    for leaf in leaf_hashes:
        frontier.append(leaf)
    return frontier.root()


def fold_range(hashes: Sequence[bytes]) -> bytes:
    """The root of a range given as its complete subtrees, largest (leftmost) first."""
    result = hashes[-1]
    for left in reversed(hashes[:-1]):
        result = node_hash(left, result)
    return result


def decompose(start: int, end: int) -> list[tuple[int, int]]:
    """The complete subtrees that make up [start, end), as (level, index), left to right.

    `start` must be a multiple of the smallest power of two >= end - start, as
    every subtree RFC 9162 splits off is.
    """
    parts = []
    while start < end:
        level = (end - start).bit_length() - 1
        if start:
            level = min(level, (start & -start).bit_length() - 1)
        parts.append((level, start >> level))
        start += 1 << level
    return parts


# -- proofs ------------------------------------------------------------------
def path(index: int, start: int, end: int, mth: Mth) -> list[bytes]:
    """RFC 9162 2.1.3.1 PATH(m, D[start:end]) for leaf `index` (absolute), deepest first."""
    proof: list[bytes] = []
    while end - start > 1:
        k = split_point(end - start)
        if index < start + k:
            proof.append(mth(start + k, end))
            end = start + k
        else:
            proof.append(mth(start, start + k))
            start += k
    proof.reverse()
    return proof


def subproof(m: int, start: int, end: int, complete: bool, mth: Mth) -> list[bytes]:
    """RFC 9162 2.1.4.1 SUBPROOF(m, D[start:end], b), with m counted from `start`."""
    proof: list[bytes] = []
    while True:
        n = end - start
        if m == n:
            if not complete:
                proof.append(mth(start, end))
            break
        k = split_point(n)
        if m <= k:
            proof.append(mth(start + k, end))
            end = start + k
        else:
            proof.append(mth(start, start + k))
            start += k
            m -= k
            complete = False
    proof.reverse()
    return proof


def _list_mth(leaf_hashes: Sequence[bytes]) -> Mth:
    def mth(start: int, end: int) -> bytes:
        return fold_range([_range_root(leaf_hashes, level, i) for level, i in decompose(start, end)])

    return mth


def _range_root(leaf_hashes: Sequence[bytes], level: int, i: int) -> bytes:
    return root(leaf_hashes[i << level:(i + 1) << level])


def inclusion_proof(leaf_hashes: Sequence[bytes], index: int) -> list[bytes]:
    """The audit path of leaf `index` in the tree of all `leaf_hashes`."""
    n = len(leaf_hashes)
    if not 0 <= index < n:
        raise ValueError(f"index {index} is outside a tree of {n} leaves")
    return path(index, 0, n, _list_mth(leaf_hashes))


def consistency_proof(leaf_hashes: Sequence[bytes], old_size: int) -> list[bytes]:
    """PROOF(old_size, D[0:n]): the tree of `old_size` leaves is a prefix of this one."""
    n = len(leaf_hashes)
    if not 0 <= old_size <= n:
        raise ValueError(f"old size {old_size} is outside 0..{n}")
    if old_size in (0, n):
        return []
    return subproof(old_size, 0, n, True, _list_mth(leaf_hashes))


# -- verifiers ---------------------------------------------------------------
def _is_hash(value: object) -> bool:
    return isinstance(value, (bytes, bytearray)) and len(value) == HASH_SIZE


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def inclusion_proof_length(index: int, size: int) -> int:
    """How many hashes the audit path of `index` in a tree of `size` has."""
    inner = (index ^ (size - 1)).bit_length()
    return inner + bin(index >> inner).count("1")


def consistency_proof_length(old_size: int, new_size: int) -> int:
    """How many hashes PROOF(old_size, new_size) has, for 0 < old_size < new_size."""
    shift = (old_size & -old_size).bit_length() - 1
    last = old_size - 1
    inner = (last ^ (new_size - 1)).bit_length()
    border = bin(last >> inner).count("1")
    seed = 0 if old_size == 1 << shift else 1
    return seed + inner - shift + border


def verify_inclusion(leaf_hash: bytes, index: int, tree_size: int, proof: Sequence[bytes], root: bytes) -> bool:
    """RFC 9162 2.1.3.2: does `proof` place `leaf_hash` at `index` of the tree with `root`?"""
    try:
        if not (_is_int(index) and _is_int(tree_size)) or not 0 <= index < tree_size:
            return False
        if not (_is_hash(leaf_hash) and _is_hash(root)):
            return False
        proof = list(proof)
        if not all(_is_hash(p) for p in proof):
            return False
        if len(proof) != inclusion_proof_length(index, tree_size):
            return False
        fn, sn, r = index, tree_size - 1, bytes(leaf_hash)
        for p in proof:
            if sn == 0:
                return False
            if fn & 1 or fn == sn:
                r = node_hash(bytes(p), r)
                while fn and not fn & 1:
                    fn >>= 1
                    sn >>= 1
            else:
                r = node_hash(r, bytes(p))
            fn >>= 1
            sn >>= 1
        return sn == 0 and r == bytes(root)
    except (TypeError, ValueError):
        return False


def verify_consistency(old_size: int, new_size: int, old_root: bytes, new_root: bytes, proof: Sequence[bytes]) -> bool:
    """RFC 9162 2.1.4.2: is the tree (`old_size`, `old_root`) a prefix of (`new_size`, `new_root`)?"""
    try:
        if not (_is_int(old_size) and _is_int(new_size)):
            return False
        # As transparency-dev/merkle, the roots' lengths are not checked: with
        # equal sizes they need only be byte-equal, otherwise they are compared
        # with 32-byte hashes and a root of another length cannot match.
        if not (isinstance(old_root, (bytes, bytearray)) and isinstance(new_root, (bytes, bytearray))):
            return False
        proof = list(proof)
        if not all(_is_hash(p) for p in proof):
            return False
        if old_size <= 0 or new_size < old_size:
            return False
        if old_size == new_size:
            return not proof and bytes(old_root) == bytes(new_root)
        if len(proof) != consistency_proof_length(old_size, new_size):
            return False
        path_ = [bytes(p) for p in proof]
        if old_size & (old_size - 1) == 0:
            path_.insert(0, bytes(old_root))
        fn, sn = old_size - 1, new_size - 1
        while fn & 1:
            fn >>= 1
            sn >>= 1
        fr = sr = path_[0]
        for c in path_[1:]:
            if sn == 0:
                return False
            if fn & 1 or fn == sn:
                fr = node_hash(c, fr)
                sr = node_hash(c, sr)
                while fn and not fn & 1:
                    fn >>= 1
                    sn >>= 1
            else:
                sr = node_hash(sr, c)
            fn >>= 1
            sn >>= 1
        return sn == 0 and fr == bytes(old_root) and sr == bytes(new_root)
    except (TypeError, ValueError):
        return False
