"""Seal a directory of published files, and check a sealed directory (the I/O of `manifest`).

`seal_directory` writes the latest checkpoint note as ``checkpoint.txt`` and then
the signed manifest ``deliberate-manifest.txt``; `check_directory` reads them
back. The site writer calls `seal_directory` after writing its pages.

What a manifest can hold is plain files under plain directories, with names
that are one line of UTF-8: a link to a directory, a FIFO, a socket or device,
a link to nothing, a name with a control character (a newline) or undecodable
bytes is refused by `seal` (exit 2) and reported by `verify` (exit 3). A link
to a file is followed (its content is what is sealed).

A seal is atomic: each file is written under a temporary name in the
directory (``<name>.tmp``), flushed to disk, and renamed over the old one, the
checkpoint first and the manifest last. Killed at any instant, the directory
verifies as the old seal or the new one: between the two renames it holds the
old manifest and a newer checkpoint, which `check_directory` accepts when the
newer checkpoint is genuine (signed, in the strict form `seal` writes, at least
as new as the sealed one). A temporary file a killed seal left behind is
replaced by the next seal and is not counted as an unsealed file.
"""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from deliberate.ledger import keys, manifest, note
from deliberate.errors import BadInput, IntegrityError

CHUNK = 1 << 20
# What an interrupted seal may leave at the top of the directory; never sealed, never reported.
TEMP_NAMES = frozenset({manifest.FILE_NAME + ".tmp", manifest.CHECKPOINT_FILE + ".tmp"})
NOT_SEALED = TEMP_NAMES | {manifest.FILE_NAME}


def _localized(key: str, **params):
    from deliberate.i18n import Localized

    return Localized(key, **params)


def _os_why(exc: Exception):
    from deliberate.ledger.verify import os_why

    return os_why(exc)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(CHUNK), b""):
            digest.update(block)
    return digest.hexdigest()


def shown(path: str) -> str:
    """A path on one line, for a message: control characters and undecodable bytes escaped."""
    return "".join(
        ch.encode("unicode_escape").decode("ascii") if ch < " " or ch == "\x7f" or "\ud800" <= ch <= "\udfff"
        else ch
        for ch in path
    )


@dataclass(frozen=True)
class Odd:
    """An entry a manifest cannot hold: `kind` is dir_link, not_regular, dangling_link, bad_name or unreadable."""

    path: str
    kind: str


def _bad_name(rel: str) -> bool:
    if any(ch < " " or ch == "\x7f" for ch in rel):
        return True
    try:
        rel.encode("utf-8")
    except UnicodeEncodeError:  # bytes that are not UTF-8 (surrogate escapes)
        return True
    return False


def scan_directory(directory: Path) -> tuple[dict[str, str], list[Odd]]:
    """Every plain file under `directory` (links to files followed) but the manifest: path -> sha256 hex,
    and the entries a manifest cannot hold."""
    directory = Path(directory)
    found: dict[str, str] = {}
    odd: list[Odd] = []
    errors: list[OSError] = []

    def rel_of(full: Path) -> str:
        return full.relative_to(directory).as_posix()

    for base, dirs, files in os.walk(directory, onerror=errors.append):
        dirs.sort()
        here = Path(base)
        for name in dirs:
            full = here / name
            if full.is_symlink():  # os.walk does not descend into it: what it holds would go unsealed
                odd.append(Odd(rel_of(full), "dir_link"))
        for name in sorted(files):
            full = here / name
            rel = rel_of(full)
            if rel in NOT_SEALED:
                continue
            if _bad_name(rel):
                odd.append(Odd(rel, "bad_name"))
                continue
            try:
                mode = os.stat(full).st_mode
            except FileNotFoundError:
                odd.append(Odd(rel, "dangling_link"))
                continue
            except OSError:
                odd.append(Odd(rel, "unreadable"))
                continue
            if not stat.S_ISREG(mode):
                odd.append(Odd(rel, "not_regular"))
                continue
            try:
                found[rel] = file_sha256(full)
            except OSError:
                odd.append(Odd(rel, "unreadable"))
    for error in errors:
        where = Path(error.filename) if error.filename else directory
        odd.append(Odd(rel_of(where) if where != directory else ".", "unreadable"))
    odd.sort(key=lambda entry: entry.path)
    return found, odd


def hash_directory(directory: Path) -> dict[str, str]:
    """Every plain file under `directory` but the manifest: path -> sha256 hex (odd entries left out)."""
    return scan_directory(directory)[0]


def _odd_params(odd: list[Odd]) -> dict:
    first, rest = odd[0], odd[1:]
    more = ""
    if rest:
        items = ", ".join(shown(entry.path) for entry in rest)
        more = _localized("ledger.more_problems", count=len(rest), items=items)
    return {"path": shown(first.path), "why": _localized(f"ledger.odd.{first.kind}"), "more": more}


def _inside(path: Path, directory: Path) -> bool:
    try:
        resolved = path.resolve()
    except OSError:
        return False
    return resolved == directory or directory in resolved.parents


def _write_atomic(directory: Path, name: str, text: str) -> None:
    """Write `text` to ``<name>.tmp``, flush it to disk, rename it over `name`, flush the directory."""
    target, tmp = directory / name, directory / (name + ".tmp")
    try:
        try:
            os.unlink(tmp)  # what a killed seal left
        except FileNotFoundError:
            pass
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        try:
            data = text.encode("utf-8")
            while data:
                data = data[os.write(fd, data):]
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError as exc:
        raise BadInput("ledger.cannot_write", path=str(tmp), why=_os_why(exc)) from None
    os.replace(tmp, target)
    _fsync_directory(directory)


def _fsync_directory(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def seal_directory(directory: Path | str, private_key, origin: str, checkpoint_note: str | None, *,
                   private: Iterable[Path | str] = (), secrets: Iterable[Path | str] = ()) -> Path:
    """Write ``checkpoint.txt`` (when a checkpoint exists) and the signed manifest; return its path.

    Refused (BadInput, nothing written): a directory holding any of the `private` paths (the
    database, its key), a file with the content of one of the `secrets` (a copy of the key),
    or an entry a manifest cannot hold.
    """
    directory = Path(directory)
    if not directory.is_dir():
        raise BadInput("ledger.not_a_directory", path=str(directory))
    top = directory.resolve()
    for path in map(Path, private):
        if path.exists() and _inside(path, top):
            raise BadInput("ledger.seal_holds_private", path=str(directory), what=str(path))
    found, odd = scan_directory(directory)
    if odd:
        raise BadInput("ledger.seal_odd_entry", **_odd_params(odd))
    secret_digests = set()
    for path in map(Path, secrets):
        try:
            secret_digests.add(file_sha256(path))
        except OSError:
            continue
    for rel, digest in found.items():
        if digest in secret_digests:
            raise BadInput("ledger.seal_key_copy", path=shown(rel))
    checkpoint = None
    if checkpoint_note is not None:
        try:
            body = note.read_checkpoint(checkpoint_note)[1]
        except note.NoteError as exc:
            from deliberate.ledger.verify import note_why

            raise BadInput("ledger.not_a_checkpoint", where=manifest.CHECKPOINT_FILE, why=note_why(exc)) from None
        checkpoint = (body.size, body.root)
        # The checkpoint first: until the manifest is renamed, the old seal holds (with a newer checkpoint).
        _write_atomic(directory, manifest.CHECKPOINT_FILE, checkpoint_note)
        found[manifest.CHECKPOINT_FILE] = hashlib.sha256(checkpoint_note.encode("utf-8")).hexdigest()
    public = keys.public_bytes(private_key)
    sealed = manifest.Manifest(
        origin=origin,
        fingerprint=keys.fingerprint(public),
        public_key=public,
        checkpoint=checkpoint,
        files=found,
    )
    target = directory / manifest.FILE_NAME
    _write_atomic(directory, manifest.FILE_NAME, manifest.sign(sealed, private_key))
    return target


@dataclass(frozen=True)
class Checked:
    """What checking a sealed folder found."""
    manifest: manifest.Manifest
    differences: list[manifest.Difference]
    anchored: bool          # was the key checked against the log or a given fingerprint?
    newer_checkpoint: int | None = None   # checkpoint.txt is a genuine checkpoint newer than the seal's (a seal was interrupted)


def _manifest_why(exc: manifest.ManifestError):
    what = _localized(f"ledger.manifest.{exc.reason}", **exc.params)
    return _localized("ledger.at_line", what=what, line=exc.line)


def read_manifest(directory: Path) -> tuple[note.Note, manifest.Manifest]:
    path = directory / manifest.FILE_NAME
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        raise BadInput("ledger.no_manifest", path=str(directory)) from None
    except OSError as exc:
        raise BadInput("ledger.not_a_manifest", path=str(path), why=_os_why(exc)) from None
    if not stat.S_ISREG(mode):  # a FIFO would never end
        raise BadInput("ledger.not_a_manifest", path=str(path), why=_localized("ledger.odd.not_regular"))
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise BadInput("ledger.not_a_manifest", path=str(path), why=_os_why(exc)) from None
    try:
        parsed = note.parse(text)
    except note.NoteError as exc:
        from deliberate.ledger.verify import note_why

        if exc.reason == "bad_signature_line":
            raise IntegrityError("ledger.garbled_signature", where=manifest.FILE_NAME, line=exc.line) from None
        raise BadInput("ledger.not_a_manifest", path=str(path), why=note_why(exc)) from None
    try:
        return parsed, manifest.parse(parsed.body)
    except manifest.ManifestError as exc:
        raise BadInput("ledger.not_a_manifest", path=str(path), why=_manifest_why(exc)) from None


def check_directory(directory: Path | str, trusted_keys: list[bytes], fingerprint: str | None = None) -> Checked:
    """Check the manifest's signature and every file it lists.

    The signing key must be one of `trusted_keys` (the community's keys, from
    its log) or have `fingerprint` (as printed on the paper minutes); with
    neither, the manifest is checked against the key it names (`anchored` False).
    An entry a manifest cannot hold (a link to a directory, a FIFO, a name with
    a newline, ...) raises IntegrityError naming it.
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
    found, odd = scan_directory(directory)
    if odd:
        raise IntegrityError("ledger.dir_odd_entry", **_odd_params(odd))
    differences = manifest.compare(sealed, found)
    signers = [signer, *trusted_keys]
    newer = None
    changed = [d for d in differences if d.path == manifest.CHECKPOINT_FILE and d.kind in ("changed", "added")]
    if changed:
        newer = _newer_checkpoint(directory, sealed, signers)
        if newer is not None:
            differences.remove(changed[0])
    if not differences and sealed.checkpoint is not None and newer is None:
        _check_checkpoint_file(directory, sealed, signers)
    return Checked(sealed, differences, anchored, newer)


def _newer_checkpoint(directory: Path, sealed: manifest.Manifest, signers: list[bytes]) -> int | None:
    """The size of ``checkpoint.txt`` when it is a genuine checkpoint at least as new as the sealed one.

    Genuine: exactly the form `seal` writes (the three checkpoint lines and one
    signature, by the origin's name), signed by the manifest's key or a trusted
    one. Such a file is what a seal killed between its two renames leaves; it
    carries nothing but a signed tree head.
    """
    try:
        text = (directory / manifest.CHECKPOINT_FILE).read_text(encoding="utf-8")
        parsed, body = note.read_checkpoint(text)
    except (OSError, UnicodeDecodeError, note.NoteError):
        return None
    if len(parsed.signatures) != 1 or body.extensions or body.origin != sealed.origin:
        return None
    if parsed.signatures[0].name != body.origin or parsed.body != note.checkpoint_body(body.origin, body.size, body.root):
        return None
    if not any(note.verify(parsed, body.origin, key) for key in signers):
        return None
    if sealed.checkpoint is not None:
        size, root = sealed.checkpoint
        if body.size < size or (body.size == size and body.root != root):
            return None
    return body.size


def _check_checkpoint_file(directory: Path, sealed: manifest.Manifest, signers: list[bytes]) -> None:
    path = directory / manifest.CHECKPOINT_FILE
    if not path.is_file():
        raise IntegrityError("ledger.file_missing", path=manifest.CHECKPOINT_FILE, more="")
    from deliberate.ledger.verify import read_note

    parsed, body = read_note(path.read_text(encoding="utf-8"), manifest.CHECKPOINT_FILE)
    if (body.size, body.root) != sealed.checkpoint or not any(note.verify(parsed, body.origin, k) for k in signers):
        raise IntegrityError("ledger.bad_signature", where=manifest.CHECKPOINT_FILE)
