"""The seal of a directory of published files: a signed manifest (pure: no I/O).

The manifest is a C2SP signed note, signed by the community key under the key
name of the log's origin. Its body, one item per line::

    deliberate-manifest v1
    origin deliberate/莲花北社区
    key 3F2A 9C01 77B4 E2D0 5A1C 8E3F 0B6D 42A9
    public-key <base64 of the 32-byte Ed25519 public key>
    checkpoint 1234 <base64 root>
    file <sha256 hex> <path>
    file <sha256 hex> <path>
    ...

``key`` is the community key's fingerprint (see `keys.fingerprint`) and
``public-key`` the key itself, which must have that fingerprint;
``checkpoint`` the latest signed checkpoint's size and root (``checkpoint none``
when there is none yet); one ``file`` line per published file, sorted by path,
paths relative to the directory with '/' separators, UTF-8. The manifest file
itself is not listed.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass

from deliberate.ledger import note

HEADER = "deliberate-manifest v1"
FILE_NAME = "deliberate-manifest.txt"
CHECKPOINT_FILE = "checkpoint.txt"


# Every `ManifestError.reason`; the edges say each as the catalog sentence ``ledger.manifest.<reason>``.
REASONS = (
    "header", "missing_lines", "expected_line", "bad_public_key", "bad_checkpoint_root", "bad_checkpoint",
    "bad_file_line", "listed_twice", "unlistable_path",
)


class ManifestError(ValueError):
    """A manifest body that does not follow the format: `reason` (one of REASONS) at `line`, with `params`."""

    def __init__(self, line: int, reason: str, detail: str = "", **params: str):
        super().__init__(f"line {line}: {reason} {detail}".rstrip())
        self.line = line
        self.reason = reason
        self.detail = detail
        self.params = params


@dataclass(frozen=True)
class Manifest:
    """A sealed folder's manifest: every file's hash and the checkpoint it is sealed with."""
    origin: str
    fingerprint: str
    public_key: bytes
    checkpoint: tuple[int, bytes] | None
    files: dict[str, str]            # path -> sha256 hex


def valid_path(path: str) -> bool:
    """A listable path: relative, '/'-separated, no empty, '.' or '..' part, no control character."""
    parts = path.split("/")
    return bool(path) and not any(ch < " " or ch == "\x7f" for ch in path) and all(
        part not in ("", ".", "..") for part in parts
    )


def body(manifest: Manifest) -> str:
    lines = [
        HEADER,
        f"origin {manifest.origin}",
        f"key {manifest.fingerprint}",
        f"public-key {base64.b64encode(manifest.public_key).decode()}",
    ]
    if manifest.checkpoint is None:
        lines.append("checkpoint none")
    else:
        size, root = manifest.checkpoint
        lines.append(f"checkpoint {size} {base64.b64encode(root).decode()}")
    for path in sorted(manifest.files):
        if not valid_path(path):
            raise ManifestError(len(lines) + 1, "unlistable_path", repr(path), path=repr(path))
        digest = manifest.files[path]
        lines.append(f"file {digest} {path}")
    return "\n".join(lines) + "\n"


def parse(text: str) -> Manifest:
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines or lines[0] != HEADER:
        raise ManifestError(1, "header", HEADER)
    if len(lines) < 5:
        raise ManifestError(len(lines) + 1, "missing_lines")
    origin = _field(lines[1], "origin", 2)
    fingerprint = _field(lines[2], "key", 3)
    try:
        public_key = base64.b64decode(_field(lines[3], "public-key", 4), validate=True)
    except (binascii.Error, ValueError):
        raise ManifestError(4, "bad_public_key") from None
    if len(public_key) != 32:
        raise ManifestError(4, "bad_public_key")
    checkpoint_text = _field(lines[4], "checkpoint", 5)
    checkpoint = None
    if checkpoint_text != "none":
        size_text, _, root_text = checkpoint_text.partition(" ")
        try:
            root = base64.b64decode(root_text, validate=True)
        except (binascii.Error, ValueError):
            raise ManifestError(5, "bad_checkpoint_root") from None
        if not size_text.isdigit() or len(root) != 32:
            raise ManifestError(5, "bad_checkpoint")
        checkpoint = (int(size_text), root)
    files: dict[str, str] = {}
    for number, line in enumerate(lines[5:], 6):
        digest_path = _field(line, "file", number)
        digest, _, path = digest_path.partition(" ")
        if len(digest) != 64 or any(c not in "0123456789abcdef" for c in digest) or not valid_path(path):
            raise ManifestError(number, "bad_file_line", line[:80])
        if path in files:
            raise ManifestError(number, "listed_twice", path, path=path)
        files[path] = digest
    return Manifest(origin, fingerprint, public_key, checkpoint, files)


def _field(line: str, name: str, number: int) -> str:
    prefix = name + " "
    if not line.startswith(prefix) or not line[len(prefix):]:
        raise ManifestError(number, "expected_line", name, name=name)
    return line[len(prefix):]


def sign(manifest: Manifest, private_key) -> str:
    """The manifest note, signed under the key name of its origin."""
    return note.sign(body(manifest), manifest.origin, private_key)


@dataclass(frozen=True)
class Difference:
    """One file that differs from a manifest."""
    kind: str      # "changed", "missing" or "added"
    path: str


def compare(manifest: Manifest, found: dict[str, str]) -> list[Difference]:
    """What differs between the sealed files and the files `found` now (path -> sha256 hex)."""
    out = []
    for path in sorted(set(manifest.files) | set(found)):
        if path not in found:
            out.append(Difference("missing", path))
        elif path not in manifest.files:
            out.append(Difference("added", path))
        elif manifest.files[path] != found[path]:
            out.append(Difference("changed", path))
    return out
