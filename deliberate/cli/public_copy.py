"""`public-copy OUT.db`: the database a resident needs to verify the record, and nothing private.

The copy holds the tables named in PUBLIC_TABLES, as they are in the community's
database: the event log (checkpoints are events), the Merkle tree's nodes, the
signed tree head and meta. Everything else stays behind: member_private (unit,
phone, ID number), the snapshot cache, the view_* projections, and any table added
later until it is named here.

The copy is not a whole-file copy with the private tables dropped afterwards: an
empty database is given the public tables' own CREATE statements and their rows
(INSERT ... SELECT from the attached source, in one read transaction, so a log
being written is copied as it stood at one instant). The private bytes are never
written into the copy's file, so no freed page or journal can hold them. It is
built under a temporary name beside OUT and linked into place whole; OUT is never
overwritten.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import click

from deliberate.cli.context import current

PUBLIC_TABLES = ("meta", "events", "ledger_nodes", "signed_head")


@click.command("public-copy")
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
def public_copy(out: Path) -> None:
    """公开副本 (不含隐私信息) / Write a copy residents can verify: the log, no private details."""
    from deliberate.errors import BadInput
    from deliberate.store import check_ours

    session = current()
    source = session.db_path
    if not source.exists():
        raise BadInput("store.missing", path=str(source))
    check_ours(source)
    if out.exists() or Path(str(out) + "-journal").exists():
        raise BadInput("public_copy.exists", path=str(out))
    draft = out.with_name(f".{out.name}.draft-{os.getpid()}")
    try:
        draft.unlink(missing_ok=True)  # left by a killed copy with the same process number
        events = write_public_copy(source, draft)
        _place(draft, out)
    except OSError as exc:
        raise BadInput("public_copy.cannot_write", path=str(out), why=exc.strerror or str(exc)) from None
    except sqlite3.OperationalError as exc:
        raise BadInput("public_copy.cannot_write", path=str(out), why=str(exc)) from None
    finally:
        for leftover in (draft, Path(str(draft) + "-journal")):
            leftover.unlink(missing_ok=True)
    session.emit({"out": str(out), "events": events, "tables": list(_tables(out))},
                 session.t("public_copy.done", out=out, events=events))


def write_public_copy(source: Path, target: Path) -> int:
    """Write the public tables of `source` into the new database `target`; return its number of events."""
    conn = sqlite3.connect(str(target), isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=DELETE")  # one self-contained file to hand out
        conn.execute("ATTACH DATABASE ? AS src", (str(source),))
        conn.execute("BEGIN")  # one read of the source: a log being written is copied as of one instant
        names = ", ".join("?" * len(PUBLIC_TABLES))
        schema = conn.execute(
            f"SELECT type, name, sql FROM src.sqlite_master WHERE tbl_name IN ({names}) AND sql IS NOT NULL "
            "ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 ELSE 2 END, rowid",
            PUBLIC_TABLES,
        ).fetchall()
        tables = [name for kind, name, _ in schema if kind == "table"]
        for kind, name, sql in schema:
            if kind == "table":
                conn.execute(sql)
                conn.execute(f'INSERT INTO main."{name}" SELECT * FROM src."{name}"')
        for kind, name, sql in schema:
            if kind != "table":
                conn.execute(sql)  # indexes and the append-only triggers, once the rows are in
        conn.execute("COMMIT")
        conn.execute("DETACH DATABASE src")
        events = conn.execute("SELECT COUNT(*) FROM events").fetchone()[0] if "events" in tables else 0
    finally:
        conn.close()
    with open(target, "rb") as file:
        os.fsync(file.fileno())
    return events


def _place(draft: Path, out: Path) -> None:
    """Give the finished copy its name, never over an existing file."""
    from deliberate.errors import BadInput

    try:
        os.link(draft, out)  # atomic, and refuses an existing name
        return
    except FileExistsError:
        raise BadInput("public_copy.exists", path=str(out)) from None
    except OSError:
        pass  # a file system without hard links
    if out.exists():
        raise BadInput("public_copy.exists", path=str(out))
    os.replace(draft, out)


def _tables(db: Path) -> list[str]:
    conn = sqlite3.connect(str(db))
    try:
        return [n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    finally:
        conn.close()
