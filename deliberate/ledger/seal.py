"""Seal a directory of published files, and check a sealed directory (the I/O of `manifest`).

`seal_directory` writes the latest checkpoint note as ``checkpoint.txt`` and then
the signed manifest ``deliberate-manifest.txt``; `check_directory` reads them
back. The site writer calls `seal_directory` after writing its pages.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from deliberate.ledger import keys, manifest, note
from deliberate.refusal import BadInput, IntegrityError

CHUNK = 1 << 20


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(CHUNK), b""):
            digest.update(block)
    return digest.hexdigest()


def hash_directory(directory: Path) -> dict[str, str]:
    """Every file under `directory` (links followed to files) but the manifest: path -> sha256 hex."""
    found = {}
    for base, dirs, files in os.walk(directory):
        dirs.sort()
        for name in sorted(files):
            full = Path(base) / name
            rel = full.relative_to(directory).as_posix()
            if rel == manifest.FILE_NAME or not full.is_file():
                continue
            found[rel] = file_sha256(full)
    return found


def seal_directory(directory: Path | str, private_key, origin: str, checkpoint_note: str | None) -> Path:
    """Write ``checkpoint.txt`` (when a checkpoint exists) and the signed manifest; return its path."""
    directory = Path(directory)
    if not directory.is_dir():
        raise BadInput("ledger.not_a_directory", path=str(directory))
    checkpoint = None
    if checkpoint_note is not None:
        (directory / manifest.CHECKPOINT_FILE).write_text(checkpoint_note, encoding="utf-8")
        body = note.read_checkpoint(checkpoint_note)[1]
        checkpoint = (body.size, body.root)
    public = keys.public_bytes(private_key)
    sealed = manifest.Manifest(
        origin=origin,
        fingerprint=keys.fingerprint(public),
        public_key=public,
        checkpoint=checkpoint,
        files=hash_directory(directory),
    )
    target = directory / manifest.FILE_NAME
    tmp = directory / (manifest.FILE_NAME + ".tmp")
    tmp.write_text(manifest.sign(sealed, private_key), encoding="utf-8")
    os.replace(tmp, target)
    return target


@dataclass(frozen=True)
class Checked:
    manifest: manifest.Manifest
    differences: list[manifest.Difference]
    anchored: bool          # was the key checked against the log or a given fingerprint?


def read_manifest(directory: Path) -> tuple[note.Note, manifest.Manifest]:
    path = directory / manifest.FILE_NAME
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BadInput("ledger.no_manifest", path=str(directory)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise BadInput("ledger.not_a_manifest", path=str(path), why=str(exc)) from None
    try:
        parsed = note.parse(text)
    except note.NoteError as exc:
        if exc.reason == "bad_signature_line":
            raise IntegrityError("ledger.garbled_signature", where=manifest.FILE_NAME, line=exc.line) from None
        raise BadInput("ledger.not_a_manifest", path=str(path), why=str(exc)) from None
    try:
        return parsed, manifest.parse(parsed.body)
    except manifest.ManifestError as exc:
        raise BadInput("ledger.not_a_manifest", path=str(path), why=str(exc)) from None


def check_directory(directory: Path | str, trusted_keys: list[bytes], fingerprint: str | None = None) -> Checked:
    """Check the manifest's signature and every file it lists.

    The signing key must be one of `trusted_keys` (the community's keys, from
    its log) or have `fingerprint` (as printed on the paper minutes); with
    neither, the manifest is checked against the key it names (`anchored` False).
    """
    directory = Path(directory)
    if not directory.is_dir():
        raise BadInput("ledger.not_a_directory", path=str(directory))
    parsed, sealed = read_manifest(directory)
    signer = sealed.public_key
    if not keys.same_fingerprint(keys.fingerprint(signer), sealed.fingerprint):
        raise IntegrityError("ledger.manifest_key_line", path=manifest.FILE_NAME)
    anchored = bool(trusted_keys) or fingerprint is not None
    if trusted_keys and signer not in trusted_keys:
        raise IntegrityError(
            "ledger.wrong_key", where=manifest.FILE_NAME, key_id=note.key_id(sealed.origin, signer).hex(),
            fingerprint=keys.fingerprint(trusted_keys[-1]),
        )
    if fingerprint is not None and not keys.same_fingerprint(keys.fingerprint(signer), fingerprint):
        raise IntegrityError(
            "ledger.wrong_key", where=manifest.FILE_NAME, key_id=note.key_id(sealed.origin, signer).hex(),
            fingerprint=fingerprint,
        )
    if not note.verify(parsed, sealed.origin, signer):
        raise IntegrityError("ledger.bad_signature", where=manifest.FILE_NAME)
    differences = manifest.compare(sealed, hash_directory(directory))
    if not differences and sealed.checkpoint is not None:
        _check_checkpoint_file(directory, sealed, [signer, *trusted_keys])
    return Checked(sealed, differences, anchored)


def _check_checkpoint_file(directory: Path, sealed: manifest.Manifest, signers: list[bytes]) -> None:
    path = directory / manifest.CHECKPOINT_FILE
    if not path.is_file():
        raise IntegrityError("ledger.file_missing", path=manifest.CHECKPOINT_FILE, more="")
    from deliberate.ledger.verify import read_note

    parsed, body = read_note(path.read_text(encoding="utf-8"), manifest.CHECKPOINT_FILE)
    if (body.size, body.root) != sealed.checkpoint or not any(note.verify(parsed, body.origin, k) for k in signers):
        raise IntegrityError("ledger.bad_signature", where=manifest.CHECKPOINT_FILE)
