"""The community key: a 0600 file beside the database, never overwritten, read aloud by fingerprint."""

from __future__ import annotations

import stat

import pytest

from deliberate.ledger import checkpoint, keys
from deliberate.errors import BadInput


def test_the_key_is_made_beside_the_database_and_private(tmp_path):
    db = tmp_path / "council.db"
    key = keys.create_key(db)
    path = keys.key_path(db)
    assert path == tmp_path / "council.db.key"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert keys.public_bytes(keys.load_key(db)) == keys.public_bytes(key)


def test_an_existing_key_is_never_overwritten(tmp_path):
    db = tmp_path / "council.db"
    first = keys.create_key(db)
    with pytest.raises(BadInput) as refused:
        keys.create_key(db)
    assert refused.value.key == "ledger.key_exists"
    assert keys.public_bytes(keys.load_key(db)) == keys.public_bytes(first)


def test_missing_and_unreadable_keys_are_bad_input(tmp_path):
    db = tmp_path / "council.db"
    with pytest.raises(BadInput) as missing:
        keys.load_key(db)
    assert missing.value.key == "ledger.key_missing"
    keys.key_path(db).write_text("not a key")
    with pytest.raises(BadInput) as garbled:
        keys.load_key(db)
    assert garbled.value.key == "ledger.key_unreadable"


def test_fingerprint_is_eight_groups_of_four_hex_digits():
    fpr = keys.fingerprint(bytes(32))
    # SHA-256 of 32 zero bytes starts 66687aadf862bd776c8fc18b8e9f8e20
    assert fpr == "6668 7AAD F862 BD77 6C8F C18B 8E9F 8E20"
    assert keys.same_fingerprint(fpr, "66687aad-f862bd77-6c8fc18b-8e9f8e20")
    assert not keys.same_fingerprint(fpr, "6668 7AAD")


def test_origin_has_no_spaces_or_plus():
    assert checkpoint.origin_for("莲花北社区") == "deliberate/莲花北社区"
    assert checkpoint.origin_for(" Lotus North + East ") == "deliberate/Lotus-North---East"
    assert checkpoint.origin_for("全角\u3000空格") == "deliberate/全角-空格"


def test_a_key_file_reads_the_same_by_the_direct_path_and_by_cryptography(tmp_path):
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed448 import Ed448PrivateKey

    written = keys.write_new_key(tmp_path / "a.key")
    read = keys.read_key(tmp_path / "a.key")
    assert read.private_bytes_raw() == written.private_bytes_raw()
    # the same key written another way (a line break inside the base64, Windows line ends) still reads
    pem = written.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption()).decode()
    body = pem.splitlines()[1]
    (tmp_path / "b.key").write_bytes(
        f"-----BEGIN PRIVATE KEY-----\r\n{body[:20]}\r\n{body[20:]}\r\n-----END PRIVATE KEY-----\r\n".encode())
    assert keys.read_key(tmp_path / "b.key").private_bytes_raw() == written.private_bytes_raw()
    # another kind of key, or a damaged one, is refused as before
    other = Ed448PrivateKey.generate().private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                     serialization.NoEncryption())
    (tmp_path / "c.key").write_bytes(other)
    (tmp_path / "d.key").write_bytes(pem.replace(body, body[:-4] + "!!!!").encode())
    for name in ("c.key", "d.key"):
        with pytest.raises(BadInput) as refused:
            keys.read_key(tmp_path / name)
        assert refused.value.key == "ledger.key_unreadable"
