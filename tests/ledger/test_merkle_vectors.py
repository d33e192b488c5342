"""RFC 9162 Merkle tree against published vectors (CT, transparency-dev); see tests/data/merkle/SOURCES.md."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest


from deliberate.ledger import merkle

VECTORS = Path(__file__).resolve().parent.parent / "data" / "merkle"
CT = json.loads((VECTORS / "ct_vectors.json").read_text())
TREE = json.loads((VECTORS / "tdev_tree.json").read_text())
INCLUSION = json.loads((VECTORS / "tdev_inclusion.json").read_text())["probes"]
CONSISTENCY = json.loads((VECTORS / "tdev_consistency.json").read_text())["probes"]

LEAVES = [merkle.leaf_hash(bytes.fromhex(x)) for x in CT["inputs"]]
h = bytes.fromhex


def b64(value):
    return base64.b64decode(value) if value is not None else b""


def test_empty_tree_is_the_hash_of_nothing():
    assert merkle.root([]).hex() == CT["empty_root"] == TREE["root_hashes"][0]
    assert merkle.EMPTY_ROOT.hex() == CT["empty_root"]


def test_leaf_hashes_are_the_level_zero_nodes():
    assert [leaf.hex() for leaf in LEAVES] == TREE["node_hashes"][0]


@pytest.mark.parametrize("size", range(1, 9))
def test_roots_of_the_ct_reference_tree(size):
    assert merkle.root(LEAVES[:size]).hex() == CT["roots"][size - 1] == TREE["root_hashes"][size]


def test_every_complete_subtree_matches_transparency_dev():
    for level, row in enumerate(TREE["node_hashes"]):
        for index, want in enumerate(row):
            width = 1 << level
            assert merkle.root(LEAVES[index * width:(index + 1) * width]).hex() == want


def test_node_hash_prefixes_one_and_concatenates():
    assert merkle.node_hash(LEAVES[0], LEAVES[1]).hex() == TREE["node_hashes"][1][0]


@pytest.mark.parametrize("case", CT["paths"], ids=lambda c: f"index{c['index']}-size{c['size']}")
def test_inclusion_proofs_match_ct(case):
    proof = merkle.inclusion_proof(LEAVES[:case["size"]], case["index"])
    assert [p.hex() for p in proof] == case["path"]
    root = h(CT["roots"][case["size"] - 1])
    assert merkle.verify_inclusion(LEAVES[case["index"]], case["index"], case["size"], proof, root)


@pytest.mark.parametrize("case", CT["consistency"], ids=lambda c: f"{c['old_size']}-{c['new_size']}")
def test_consistency_proofs_match_ct(case):
    old, new = case["old_size"], case["new_size"]
    proof = merkle.consistency_proof(LEAVES[:new], old)
    assert [p.hex() for p in proof] == case["proof"]
    assert merkle.verify_consistency(old, new, h(CT["roots"][old - 1]), h(CT["roots"][new - 1]), proof)


@pytest.mark.parametrize("probe", INCLUSION, ids=lambda p: p["file"].removeprefix("testdata/inclusion/"))
def test_transparency_dev_inclusion_probes(probe):
    proof = [b64(p) for p in probe["proof"] or []]
    ok = merkle.verify_inclusion(b64(probe["leafHash"]), probe["leafIdx"], probe["treeSize"], proof, b64(probe["root"]))
    assert ok is (not probe["wantErr"])


@pytest.mark.parametrize("probe", CONSISTENCY, ids=lambda p: p["file"].removeprefix("testdata/consistency/"))
def test_transparency_dev_consistency_probes(probe):
    proof = [b64(p) for p in probe["proof"] or []]
    ok = merkle.verify_consistency(probe["size1"], probe["size2"], b64(probe["root1"]), b64(probe["root2"]), proof)
    assert ok is (not probe["wantErr"])


def test_happy_path_probes_are_the_proofs_we_build():
    """The transparency-dev happy paths are proofs over the reference tree: we must build the same."""
    checked = 0
    for probe in INCLUSION:
        if probe["file"].endswith("/happy-path.json") and probe["treeSize"] <= 8:
            proof = merkle.inclusion_proof(LEAVES[:probe["treeSize"]], probe["leafIdx"])
            assert [base64.b64encode(p).decode() for p in proof] == (probe["proof"] or [])
            checked += 1
    for probe in CONSISTENCY:
        if probe["file"].endswith("/happy-path.json") and probe["size2"] <= 8:
            proof = merkle.consistency_proof(LEAVES[:probe["size2"]], probe["size1"])
            assert [base64.b64encode(p).decode() for p in proof] == (probe["proof"] or [])
            checked += 1
    assert checked == 10
