"""C2SP signed notes and checkpoints: the Go reference vectors, and every malformed note refused."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from deliberate.ledger import note

V = json.loads((Path(__file__).resolve().parent.parent / "data" / "merkle" / "signed_note_vectors.json").read_text())


def peter_private() -> Ed25519PrivateKey:
    raw = base64.b64decode(V["peter_skey"].split("+", 4)[4])  # the key itself may hold "+"
    assert raw[0] == 1
    return Ed25519PrivateKey.from_private_bytes(raw[1:])


def vkey_parts(vkey: str) -> tuple[str, str, bytes]:
    name, key_hash, blob = vkey.split("+", 2)
    raw = base64.b64decode(blob)
    assert raw[0] == 1
    return name, key_hash, raw[1:]


def test_key_id_and_verifier_key_match_the_go_reference():
    for vkey in (V["peter_vkey"], V["enoch_vkey"]):
        name, key_hash, public = vkey_parts(vkey)
        assert note.key_id(name, public).hex() == key_hash
        assert note.vkey(name, public) == vkey


def test_signing_reproduces_the_go_reference_note_byte_for_byte():
    key = peter_private()
    assert note.vkey("PeterNeumann", key.public_key().public_bytes_raw()) == V["peter_vkey"]
    assert note.sign(V["text"], "PeterNeumann", key) == V["text"] + "\n" + V["peter_sig"]


def test_a_note_with_two_signatures_verifies_for_each_key():
    parsed = note.parse(V["text"] + "\n" + V["peter_sig"] + V["enoch_sig"])
    assert parsed.body == V["text"]
    assert [s.name for s in parsed.signatures] == ["PeterNeumann", "EnochRoot"]
    for vkey in (V["peter_vkey"], V["enoch_vkey"]):
        name, _, public = vkey_parts(vkey)
        assert note.verify(parsed, name, public)


def test_a_changed_text_or_signature_does_not_verify():
    name, _, public = vkey_parts(V["peter_vkey"])
    changed = note.parse(V["text"].replace("problem,", "problem;") + "\n" + V["peter_sig"])
    assert not note.verify(changed, name, public)
    sig = V["peter_sig"]
    mangled = note.parse(V["text"] + "\n" + sig[:60] + "ABCD" + sig[60:])
    assert not note.verify(mangled, name, public)
    other_name, _, other_public = vkey_parts(V["enoch_vkey"])
    assert not note.verify(note.parse(V["text"] + "\n" + sig), other_name, other_public)


@pytest.mark.parametrize("text, reason", [
    (V["text"], "no_signatures"),
    (V["text"] + "\n", "no_signatures"),
    (V["text"] + "\n" + V["peter_sig"][:-1], "no_final_newline"),
    ("\x01" + V["text"] + "\n" + V["peter_sig"], "control_character"),
    (V["text"] + "\n— Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n",
     "bad_signature_line"),
    (V["text"] + "\n" + V["peter_sig"] + "Unexpected line.\n", "bad_signature_line"),
    (V["text"] + "\n" + V["peter_sig"] * 101, "too_many_signatures"),
    (V["text"] + "\n— PeterNeumann not*base64\n", "bad_signature_line"),
    (V["text"] + "\n— PeterNeumann AAAA\n", "bad_signature_line"),
    ("\n\n" + V["peter_sig"], "bad_body"),
])
def test_malformed_notes_are_refused_with_a_reason(text, reason):
    with pytest.raises(note.NoteError) as caught:
        note.parse(text)
    assert caught.value.reason == reason


def test_a_garbled_signature_line_says_which_line():
    text = V["text"] + "\n" + V["peter_sig"] + "— PeterNeumann ###\n"
    with pytest.raises(note.NoteError) as caught:
        note.parse(text)
    assert caught.value.reason == "bad_signature_line" and caught.value.line == 5


def test_checkpoint_round_trip_and_format():
    key = Ed25519PrivateKey.generate()
    root = bytes(range(32))
    text = note.sign_checkpoint("deliberate/莲花北社区", 42, root, key)
    lines = text.split("\n")
    assert lines[:4] == ["deliberate/莲花北社区", "42", base64.b64encode(root).decode(), ""]
    assert lines[4].startswith("— deliberate/莲花北社区 ")
    assert len(base64.b64decode(lines[4].split(" ")[2])) == 4 + 64
    parsed, checkpoint = note.read_checkpoint(text)
    assert (checkpoint.origin, checkpoint.size, checkpoint.root) == ("deliberate/莲花北社区", 42, root)
    assert note.verify(parsed, "deliberate/莲花北社区", key.public_key().public_bytes_raw())


@pytest.mark.parametrize("body", [
    "origin\n",
    "origin\n12\n",
    "origin\n012\n" + base64.b64encode(bytes(32)).decode() + "\n",
    "origin\n-1\n" + base64.b64encode(bytes(32)).decode() + "\n",
    "origin\n12\n" + base64.b64encode(bytes(31)).decode() + "\n",
    "origin\n12\nnot base64!\n",
    "\n12\n" + base64.b64encode(bytes(32)).decode() + "\n",
])
def test_malformed_checkpoint_bodies_are_refused(body):
    with pytest.raises(note.NoteError):
        note.parse_checkpoint(body)


def test_key_names_with_spaces_or_plus_cannot_sign():
    key = Ed25519PrivateKey.generate()
    for name in ("two words", "a+b", "", "全角\u3000空格"):
        with pytest.raises(note.NoteError):
            note.sign("body\n", name, key)
