"""Projection tables and export: `deliberate tables`, `deliberate export TABLE`.

The ``view_*`` tables are a cache of the log (see deliberate.projections): both
commands rebuild them first when the log has grown, then read them. Nothing here
appends to the log.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
import sys
from pathlib import Path

import click

from deliberate.cli.context import current
from deliberate.errors import BadInput


def _refreshed(session, force: bool = False):
    from deliberate.projections_store import refresh

    app = session.app()
    return refresh(app.store, app.state, force=force)


# -- tables --------------------------------------------------------------------------------
@click.command("tables")
@click.option("--rebuild", is_flag=True, help="即使未过期也重建 / rebuild even when they are current")
def tables(rebuild: bool) -> None:
    """投影表：从记录重建并列出 / Rebuild the view_* tables from the log when stale, and list them.

    \b
    可用 datasette 或 sqlite-utils 浏览 / browse them with datasette or sqlite-utils.
    """
    from deliberate.projections import TABLES

    session = current()
    done = _refreshed(session, force=rebuild)
    listed = [{"name": t.name, "table": t.stored, "rows": done.counts.get(t.name, 0),
               "columns": t.column_names} for t in TABLES]
    head = session.t("export.rebuilt" if done.rebuilt else "export.current", seq=done.seq)
    width = max(len(t.stored) for t in TABLES)
    lines = [head] + [session.t("export.table_line", table=item["table"].ljust(width), rows=item["rows"])
                      for item in listed]
    session.emit({"rebuilt": done.rebuilt, "seq": done.seq, "tables": listed}, "\n".join(lines))


# -- export --------------------------------------------------------------------------------
@click.command("export")
@click.argument("table_name", metavar="TABLE")
@click.option("--csv", "as_csv", is_flag=True,
              help="CSV（UTF-8 带 BOM，Excel 可直接打开）/ CSV, UTF-8 with BOM so Excel opens Chinese correctly (the default)")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path),
              help="写入文件 / write to this file instead of the screen")
def export(table_name: str, as_csv: bool, out: Path | None) -> None:
    """导出投影表 / Export a table (members, meetings, motions, votes, speeches, projects) as CSV or JSON.

    \b
    deliberate export votes --out votes.csv        表决结果 / vote results for a spreadsheet
    deliberate export speeches --json              JSON 对象列表 / a list of objects
    """
    from deliberate.projections import TABLES, suggestions, table_named

    session = current()
    table = table_named(table_name)
    if table is None:
        names = ", ".join(t.name for t in TABLES)
        guesses = suggestions(table_name)
        if guesses:
            raise BadInput("export.unknown_table", name=table_name, guess=" / ".join(guesses), tables=names)
        raise BadInput("export.no_such_table", hint_key="export.unknown_table.hint", name=table_name, tables=names)
    as_json = session.json and not as_csv
    if session.json and as_csv and out is None:
        raise BadInput("export.csv_and_json")
    app = session.app()
    rows = table_rows(app.store, app.state, table)
    columns = table.column_names
    if out is None and as_json:
        session.emit({"table": table.name, "columns": columns, "rows": rows}, "")
        return
    data = json_bytes(rows) if as_json else csv_bytes(columns, rows)
    if out is None:
        _to_stdout(session, data)
        return
    _write(out, data)
    session.emit({"table": table.name, "format": "json" if as_json else "csv", "out": str(out), "rows": len(rows)},
                 session.t("export.written", table=table.name, rows=len(rows), path=str(out)))


def table_rows(store, state, table) -> list[dict]:
    """The rows of `table`: from the view_* tables, rebuilt first if stale.

    On read-only media (a published copy) the tables cannot be rebuilt: the rows are
    folded from the log in memory instead, the same rows the tables would hold.
    """
    from deliberate.projections_store import fold, refresh, rows_of

    try:
        refresh(store, state)
    except sqlite3.OperationalError as exc:
        if "readonly" not in str(exc) and "read-only" not in str(exc):
            raise
        return fold(store, state)[table.name]
    return rows_of(store, table)


def csv_bytes(columns: list[str], rows: list[dict]) -> bytes:
    """A header row and one line per row; UTF-8 with BOM and CRLF, as Excel expects."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if row.get(c) is None else row.get(c) for c in columns])
    return buffer.getvalue().encode("utf-8-sig")


def json_bytes(rows: list[dict]) -> bytes:
    return (json.dumps(rows, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _to_stdout(session, data: bytes) -> None:
    stream = getattr(sys.stdout, "buffer", None)
    if session.out is not None or stream is None:   # a console or script that sends text elsewhere
        session.echo(data.decode("utf-8-sig").rstrip("\r\n"))
        return
    sys.stdout.flush()
    stream.write(data)
    stream.flush()


def _write(path: Path, data: bytes) -> None:
    """Write whole or not at all: a half-written spreadsheet is worse than none."""
    partial = path.with_name(path.name + ".partial")
    try:
        partial.write_bytes(data)
        os.replace(partial, path)
    except OSError as exc:
        try:
            partial.unlink(missing_ok=True)
        except OSError:
            pass
        raise BadInput("export.cannot_write", path=str(path), why=exc.strerror or str(exc)) from None


COMMANDS = [tables, export]
