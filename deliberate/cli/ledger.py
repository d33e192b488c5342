"""Ledger commands: verify, checkpoint, seal, proof, key show / rotate.

Each command opens the log, calls one ledger function, and renders the result;
failures are raised as BadInput (exit 2) or IntegrityError (exit 3) and the
root turns them into one message.
"""

from __future__ import annotations

import base64
import json
import os
from pathlib import Path

import click

from deliberate.cli.params import EVENT_NUMBER
from deliberate.errors import BadInput, IntegrityError

# The ledger's modules (and cryptography) are imported inside each command,
# so `deliberate --help` and every other command start without them.


def _session():
    return click.get_current_context().obj


def _read_text(path: Path, key: str) -> str:
    from deliberate.ledger.verify import os_why

    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise BadInput(key, path=str(path), why=os_why(exc)) from None


# -- verify ----------------------------------------------------------------------
@click.command("verify")
@click.argument("directory", required=False, type=click.Path(path_type=Path))
@click.option("--since", "since", type=click.Path(path_type=Path),
              help="已保存的检查点 / a saved checkpoint: check that today's log extends it")
@click.option("--key", "fingerprint", help="可信的密钥指纹 / the community key fingerprint to trust (for DIRECTORY)")
def verify(directory: Path | None, since: Path | None, fingerprint: str | None) -> None:
    """核对记录或已封存的目录 / Check the log (hashes, chain, Merkle tree, signatures, fold) or a sealed DIRECTORY.

    Exit 0 when all is well, 3 when the record was tampered with, 2 when the input is unreadable.
    """
    from deliberate.ledger import keys
    from deliberate.ledger.verify import verify_database

    session = _session()
    if directory is not None:
        _verify_directory(session, directory, fingerprint)
        return
    since_text = _read_text(since, "ledger.since_unreadable") if since is not None else None
    summary = verify_database(session.db_path, since_text, str(since) if since else "")
    t = session.t
    lines = [t("ledger.verify_ok", events=summary.events, checkpoints=summary.checkpoints)]
    lines.append(t("ledger.verify_root", events=summary.events, root=summary.root.hex()))
    if summary.latest:
        lines.append(t("ledger.verify_latest", seq=summary.latest["seq"], size=summary.latest["size"]))
    else:
        lines.append(t("ledger.verify_no_checkpoint"))
    if summary.head:
        lines.append(t("ledger.verify_head", size=summary.head["size"]))
    if summary.unsigned:
        lines.append(t("ledger.verify_unsigned", count=summary.unsigned, first=summary.unsigned_from))
    if summary.keys:
        lines.append(t("ledger.verify_key", fingerprint=keys.fingerprint(summary.keys[-1])))
    if summary.snapshots_ignored:
        lines.append(t("ledger.verify_snapshots_ignored", count=summary.snapshots_ignored))
    if summary.since:
        lines.append(t("ledger.verify_since_ok", size=summary.since["size"]))
    session.emit(summary.as_dict(), "\n".join(lines))


def _trusted_keys(session) -> list[bytes]:
    """The community's keys from its log, each rotation's signatures checked (a forged one exits 3)."""
    from deliberate.ledger.verify import community_keys, open_log

    path = Path(session.db_path)
    if not path.is_file():
        return []
    conn = open_log(path)
    try:
        return community_keys(conn)
    finally:
        conn.close()


def _verify_directory(session, directory: Path, fingerprint: str | None) -> None:
    from deliberate.ledger import seal as sealing

    trusted = _trusted_keys(session)
    checked = sealing.check_directory(directory, trusted, fingerprint)
    t = session.t
    if checked.differences:
        first, rest = checked.differences[0], checked.differences[1:]
        more = ""
        if rest:
            items = ", ".join(f"{t('ledger.kind.' + d.kind)} {d.path}" for d in rest)
            more = t("ledger.more_problems", count=len(rest), items=items)
        raise IntegrityError(f"ledger.file_{first.kind}", path=first.path, more=more)
    sealed = checked.manifest
    text = t("ledger.dir_ok", path=str(directory), files=len(sealed.files), fingerprint=sealed.fingerprint)
    if checked.newer_checkpoint is not None:
        text += "\n" + t("ledger.dir_checkpoint_newer", size=checked.newer_checkpoint,
                         sealed=sealed.checkpoint[0] if sealed.checkpoint else 0)
    if not checked.anchored:
        text += "\n" + t("ledger.dir_unanchored")
    session.emit(
        {
            "directory": str(directory),
            "files": len(sealed.files),
            "fingerprint": sealed.fingerprint,
            "origin": sealed.origin,
            "checkpoint": {"size": sealed.checkpoint[0], "root": sealed.checkpoint[1].hex()}
            if sealed.checkpoint else None,
            "anchored": checked.anchored,
            "checkpoint_newer": checked.newer_checkpoint,
        },
        text,
    )


# -- checkpoint --------------------------------------------------------------------
@click.command("checkpoint")
@click.option("--out", type=click.Path(path_type=Path), help="另存检查点 / also save the checkpoint to this file")
def checkpoint(out: Path | None) -> None:
    """签名检查点 / Sign a checkpoint of the whole log now and record it."""
    session = _session()
    if out is not None and not (out.parent.is_dir() and os.access(out.parent, os.W_OK)):
        # Refuse before recording: a checkpoint is never recorded for a file that cannot be written.
        raise BadInput("ledger.cannot_write", path=str(out), why=session.t("ledger.no_such_folder"))
    stored = session.app().checkpoint(session.now())
    payload = stored[0].payload
    text = session.t("ledger.checkpoint_made", seq=stored[0].seq, size=payload["size"]) + "\n" + payload["note"]
    if out is not None:
        try:
            out.write_text(payload["note"], encoding="utf-8")
        except OSError as exc:
            raise BadInput("ledger.cannot_write", path=str(out), why=exc.strerror or str(exc)) from None
        text += "\n" + session.t("ledger.checkpoint_saved", path=str(out))
    session.emit({"seq": stored[0].seq, **payload}, text.rstrip("\n"))


# -- seal ----------------------------------------------------------------------------
@click.command("seal")
@click.argument("directory", type=click.Path(path_type=Path))
def seal(directory: Path) -> None:
    """封存公示目录 / Write a signed manifest of every file in DIRECTORY.

    Refused (exit 2, nothing written): a DIRECTORY that holds the database or its key, a copy of
    the key, a link to a directory, a FIFO or device, or a file name with a control character.
    """
    from deliberate.ledger import checkpoint as cp
    from deliberate.ledger import keys
    from deliberate.ledger import seal as sealing

    session = _session()
    db = Path(session.db_path)
    secrets = [keys.key_path(db), keys.pending_key_path(db)]
    private = [db, *(db.with_name(db.name + tail) for tail in ("-wal", "-shm", "-journal")), *secrets]
    store = session.store()
    app = session.app()
    key = cp.signing_key(store, session.db_path)
    latest = cp.latest(store)
    note_text = latest[1]["note"] if latest else None
    origin = cp.origin_for(app.state.community or "")
    path = sealing.seal_directory(directory, key, origin, note_text, private=private, secrets=secrets)
    sealed = sealing.read_manifest(Path(directory))[1]
    session.emit(
        {"directory": str(directory), "manifest": str(path), "files": len(sealed.files),
         "fingerprint": sealed.fingerprint},
        session.t("ledger.sealed", path=str(directory), files=len(sealed.files), manifest=path.name,
                  fingerprint=sealed.fingerprint),
    )


# -- proof ----------------------------------------------------------------------------
@click.command("proof")
@click.argument("event_seq", type=EVENT_NUMBER)
def proof(event_seq: int) -> None:
    """包含证明（回执） / Print the inclusion proof of event EVENT_SEQ in the latest checkpoint (JSON)."""
    from deliberate.ledger.verify import open_log

    session = _session()
    conn = open_log(session.db_path)
    try:
        data = inclusion_receipt(conn, event_seq)
    finally:
        conn.close()
    if session.json:
        session.emit(data, "")
    else:
        session.echo(json.dumps(data, ensure_ascii=False, indent=2))


def inclusion_receipt(conn, event_seq: int) -> dict:
    """The proof that event `event_seq` is in the tree signed by the latest checkpoint."""
    from deliberate.ledger import checkpoint as cp
    from deliberate.ledger import merkle
    from deliberate.ledger import tree_store
    from deliberate.record import record_bytes

    events = conn.execute("SELECT COALESCE(MAX(seq), 0) FROM events").fetchone()[0]
    row = conn.execute(
        "SELECT seq, type, at, payload, prev_hash FROM events WHERE seq = ?", (event_seq,)
    ).fetchone()
    if row is None:
        raise BadInput("ledger.no_such_event", seq=event_seq, events=events)
    latest = cp.latest(conn)
    size, root = 0, merkle.EMPTY_ROOT
    if latest:
        try:
            size, root, note_text = int(latest[1]["size"]), bytes.fromhex(latest[1]["root"]), latest[1]["note"]
        except (KeyError, TypeError, ValueError):
            raise IntegrityError("ledger.checkpoint_malformed", seq=latest[0], why="size, root or note") from None
    if event_seq > size:
        raise BadInput("ledger.not_checkpointed", seq=event_seq, size=size)
    record = record_bytes(*row)
    leaf = merkle.leaf_hash(record)
    index = event_seq - 1
    try:
        path = tree_store.inclusion_proof_at(conn, index, size)
    except tree_store.TreeStoreError:
        raise IntegrityError("ledger.tree_store_mismatch", events=size) from None
    if not merkle.verify_inclusion(leaf, index, size, path, root):
        raise IntegrityError("ledger.tree_store_mismatch", events=size)
    return {
        "event": event_seq,
        "leaf_index": index,
        "tree_size": size,
        "record": record.decode("utf-8"),
        "leaf_hash": leaf.hex(),
        "proof": [h.hex() for h in path],
        "root": root.hex(),
        "checkpoint_event": latest[0],
        "checkpoint": note_text,
    }


# -- key ------------------------------------------------------------------------------
@click.group("key")
def key() -> None:
    """社区签名密钥 / The community signing key: show its fingerprint, rotate it."""


@key.command("show")
def key_show() -> None:
    """显示密钥指纹 / Print the community key's fingerprint."""
    from deliberate.ledger import checkpoint as cp
    from deliberate.ledger import keys
    from deliberate.ledger.verify import open_log

    session = _session()
    conn = open_log(session.db_path)
    try:
        history = cp.community(conn)[1]
    finally:
        conn.close()
    if not history:
        raise BadInput("ledger.no_public_key")
    current = history[-1].public_key
    fpr = keys.fingerprint(current)
    path = keys.key_path(session.db_path)
    lines = [session.t("ledger.key_fingerprint", fingerprint=fpr)]
    file_state = "absent"
    if path.exists():
        try:
            mine = keys.public_bytes(keys.load_key(session.db_path))
        except BadInput:
            mine = None
        file_state = "ok" if mine == current else "other"
        if mine == current:
            lines.append(session.t("ledger.key_file_ok", path=str(path)))
        else:
            lines.append(session.t("ledger.key_file_other", path=str(path),
                                   file=keys.fingerprint(mine) if mine else "-"))
    else:
        lines.append(session.t("ledger.key_file_absent", path=str(path)))
    session.emit(
        {"fingerprint": fpr, "public_key": base64.b64encode(current).decode(), "key_file": file_state,
         "keys": [{"seq": r.seq, "fingerprint": keys.fingerprint(r.public_key)} for r in history]},
        "\n".join(lines),
    )


@key.command("rotate")
def key_rotate() -> None:
    """更换社区密钥 / Replace the community key; the change is signed by the old key and recorded."""
    from deliberate.ledger import checkpoint as cp
    from deliberate.ledger import keys
    from deliberate.ledger.events import RotateKey

    session = _session()
    app = session.app()
    db_path = session.db_path
    pending = keys.pending_key_path(db_path)
    old = cp.signing_key(app.store, db_path)
    pending.unlink(missing_ok=True)  # a rotation that never got recorded
    new = keys.write_new_key(pending)
    try:
        payload = cp.rotation_payload(cp.origin_for(app.state.community or ""), old, new)
        stored = app.execute(RotateKey(session.now(), payload))
    except BaseException:
        pending.unlink(missing_ok=True)
        raise
    if pending.exists():  # signing the new head may already have moved it into place
        os.replace(pending, keys.key_path(db_path))
    old_fpr, new_fpr = keys.fingerprint(keys.public_bytes(old)), keys.fingerprint(keys.public_bytes(new))
    session.emit(
        {"seq": stored[0].seq, "old_fingerprint": old_fpr, "fingerprint": new_fpr},
        session.t("ledger.key_rotated", seq=stored[0].seq, old=old_fpr, new=new_fpr),
    )


COMMANDS = [verify, checkpoint, seal, proof, key]
