"""`deliberate seal DIR` and `deliberate verify DIR`: one flipped byte, a missing or added file, another key."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from deliberate.ledger import keys, manifest, note


@pytest.fixture
def site(council, tmp_path):
    assert council("init", "莲花北社区", at="2026-11-20T18:00:00+08:00").exit_code == 0
    assert council("member", "add", "王芳", at="2026-11-20T18:00:00+08:00").exit_code == 0
    assert council("checkpoint", at="2026-11-20T18:01:00+08:00").exit_code == 0
    folder = tmp_path / "site"
    (folder / "meetings").mkdir(parents=True)
    (folder / "index.html").write_text("<h1>莲花北社区</h1>\n", encoding="utf-8")
    (folder / "meetings" / "1.html").write_text("<p>第一次会议纪要</p>\n", encoding="utf-8")
    (folder / "style.css").write_bytes(b"body { margin: 0 }\n")
    result = council("seal", str(folder))
    assert result.exit_code == 0, result.output
    return council, folder


def test_seal_writes_a_signed_manifest_of_every_file(site):
    council, folder = site
    text = (folder / manifest.FILE_NAME).read_text(encoding="utf-8")
    parsed = note.parse(text)
    sealed = manifest.parse(parsed.body)
    assert sorted(sealed.files) == ["checkpoint.txt", "index.html", "meetings/1.html", "style.css"]
    public = keys.public_bytes(keys.load_key(council.db))
    assert sealed.public_key == public and sealed.fingerprint == keys.fingerprint(public)
    assert note.verify(parsed, sealed.origin, public)
    assert sealed.checkpoint[0] == 2
    assert text.startswith("deliberate-manifest v1\norigin deliberate/莲花北社区\nkey ")


def test_an_untouched_directory_verifies(site):
    council, folder = site
    result = council("verify", str(folder))
    assert result.exit_code == 0, result.output
    assert "all 4 files match the signed manifest" in result.output


@pytest.mark.parametrize("name", ["index.html", "meetings/1.html", "style.css", "checkpoint.txt"])
def test_one_flipped_byte_in_any_file_is_named(site, name):
    council, folder = site
    path = folder / name
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))
    result = council("verify", str(folder))
    assert result.exit_code == 3
    assert f"the file {name} changed after it was sealed" in result.stderr


def test_a_missing_file_is_named(site):
    council, folder = site
    (folder / "meetings" / "1.html").unlink()
    result = council("verify", str(folder))
    assert result.exit_code == 3
    assert "the file meetings/1.html listed in the manifest is missing" in result.stderr


def test_an_added_file_is_named(site):
    council, folder = site
    (folder / "meetings" / "2.html").write_text("伪造的纪要", encoding="utf-8")
    result = council("verify", str(folder))
    assert result.exit_code == 3
    assert "the file meetings/2.html was added after sealing" in result.stderr


def test_several_differences_are_all_listed(site):
    council, folder = site
    (folder / "style.css").unlink()
    (folder / "extra.js").write_text("x")
    result = council("verify", str(folder))
    assert result.exit_code == 3
    assert "extra.js" in result.stderr and "style.css" in result.stderr


def test_a_manifest_signed_by_another_community_key_is_refused(site, tmp_path):
    council, folder = site
    other = type(council)(tmp_path / "other")
    other.folder.mkdir()
    assert other("init", "莲花北社区", at="2026-11-20T18:00:00+08:00").exit_code == 0
    result = other("verify", str(folder))
    assert result.exit_code == 3
    assert "deliberate-manifest.txt is signed by another key" in result.stderr


def test_a_manifest_resigned_by_a_stranger_is_refused_by_fingerprint(site):
    council, folder = site
    sealed = manifest.parse(note.parse((folder / manifest.FILE_NAME).read_text(encoding="utf-8")).body)
    stranger = Ed25519PrivateKey.generate()
    public = keys.public_bytes(stranger)
    forged = manifest.Manifest(sealed.origin, keys.fingerprint(public), public, sealed.checkpoint, sealed.files)
    (folder / manifest.FILE_NAME).write_text(manifest.sign(forged, stranger), encoding="utf-8")
    real = keys.fingerprint(keys.public_bytes(keys.load_key(council.db)))
    result = council("verify", str(folder))
    assert result.exit_code == 3 and "signed by another key" in result.stderr
    from click.testing import CliRunner
    from deliberate.cli.main import root

    result = CliRunner().invoke(root, ["--db", str(folder / "no.db"), "--lang", "en", "verify", str(folder), "--key", real])
    assert result.exit_code == 3 and f"not the community key {real}" in result.stderr


def test_an_edited_manifest_line_breaks_its_signature(site):
    council, folder = site
    path = folder / manifest.FILE_NAME
    text = path.read_text(encoding="utf-8")
    line = next(x for x in text.splitlines() if x.endswith(" style.css"))
    fake = "file " + "0" * 64 + " style.css"
    path.write_text(text.replace(line, fake), encoding="utf-8")
    result = council("verify", str(folder))
    assert result.exit_code == 3
    assert "the signature of deliberate-manifest.txt does not verify" in result.stderr


def test_a_garbled_manifest_signature_line_is_named(site):
    council, folder = site
    path = folder / manifest.FILE_NAME
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\n— ", "\n~ "), encoding="utf-8")
    result = council("verify", str(folder))
    assert result.exit_code == 3 and "signature line of deliberate-manifest.txt" in result.stderr


def test_a_directory_without_a_manifest_is_bad_input(council, tmp_path):
    (tmp_path / "plain").mkdir()
    result = council("verify", str(tmp_path / "plain"))
    assert result.exit_code == 2 and "no signed manifest" in result.stderr


def test_without_a_trusted_key_the_fingerprint_is_shown_to_compare(site):
    council, folder = site
    from click.testing import CliRunner
    from deliberate.cli.main import root

    result = CliRunner().invoke(root, ["--db", str(folder / "no.db"), "--lang", "en", "verify", str(folder)])
    real = keys.fingerprint(keys.public_bytes(keys.load_key(council.db)))
    assert result.exit_code == 0
    assert real in result.output and "printed on the paper minutes" in result.output


def test_manifest_body_round_trips_and_rejects_bad_lines():
    public = bytes(range(32))
    sealed = manifest.Manifest("deliberate/x", keys.fingerprint(public), public, (3, bytes(32)),
                               {"b/c.html": "a" * 64, "a.html": "b" * 64})
    text = manifest.body(sealed)
    assert manifest.parse(text) == sealed
    assert text.index("a.html") < text.index("b/c.html")
    for bad in (text.replace("deliberate-manifest v1", "manifest"),
                text.replace("file " + "b" * 64, "file xyz"),
                text + "file " + "c" * 64 + " ../etc/passwd\n",
                text + "file " + "c" * 64 + " a.html\n"):
        with pytest.raises(manifest.ManifestError):
            manifest.parse(bad)
