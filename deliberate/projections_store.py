"""The projections written into the community's database with sqlite-utils (the edge).

`refresh(store)` rebuilds every ``view_*`` table from the log when the log has
grown since the last rebuild (or the projections' version changed), in one
transaction: all the tables are dropped and created again, so a reader sees the
old tables or the new ones, never half of each. ``view_meta`` records the log's
last ``seq`` and ``hash`` and the projections' version they were built from.

The rows come from the pure `deliberate.projections.project`; nothing here
decides anything, and nothing in the log is touched.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from deliberate import projections
from deliberate.projections import META_TABLE, PREFIX, TABLES
from deliberate.record import GENESIS


@dataclass(frozen=True)
class Refreshed:
    """What refreshing the projection tables did."""
    rebuilt: bool                 # False when the tables were already current
    seq: int                      # the log's last seq they reflect
    counts: dict[str, int] = field(default_factory=dict)   # table name -> rows


def database(store) -> Any:
    """sqlite-utils' view of the store's own connection (so its transaction is ours)."""
    import sqlite_utils

    return sqlite_utils.Database(store.conn, execute_plugins=False)


def refresh(store, state: Any = None, force: bool = False) -> Refreshed:
    """Bring the ``view_*`` tables up to the log; rebuild them only when stale (or `force`).

    `state` is the fold of the log if the caller holds it (it is used only when it
    covers the whole log); otherwise the log is folded again here.
    """
    db = database(store)
    if not force:
        current = _current(db, store)
        if current is not None:
            return current
    with store.transaction():       # BEGIN IMMEDIATE: nothing is appended while we read
        if not force:
            current = _current(db, store)
            if current is not None:
                return current
        last = store.last()
        seq, digest = (last[0], last[2]) if last else (0, GENESIS)
        rows = fold(store, state, seq)
        write(db, rows, {"version": projections.VERSION, "log_seq": str(seq), "log_hash": digest})
    return Refreshed(True, seq, {name: len(table_rows) for name, table_rows in rows.items()})


def fold(store, state: Any = None, seq: int | None = None) -> dict[str, list[dict]]:
    """The rows of every projection, folded from the log up to `seq` (all of it by default)."""
    if seq is None:
        last = store.last()
        seq = last[0] if last else 0
    if state is None or getattr(state, "seq", None) != seq:
        from deliberate.app import rebuild

        state = rebuild(store)
    return projections.project(store.read(1, seq + 1), motions_final(state))


def motions_final(state: Any) -> dict[str, dict]:
    """Where each motion stands at the end of the fold: {id: {status, text}}."""
    items = getattr(getattr(state, "motions", None), "items", None) or {}
    return {motion_id: {"status": getattr(m, "status", None), "text": getattr(m, "text", None)}
            for motion_id, m in items.items()}


def write(db, rows: dict[str, list[dict]], meta: dict[str, str]) -> None:
    """Drop every ``view_*`` table and create them again with `rows`; call inside a transaction."""
    for name in sorted(db.table_names()):
        if name.startswith(PREFIX):
            db[name].drop()
    for table in TABLES:
        db[table.stored].create(
            dict(table.columns), pk=table.pk,
            foreign_keys=[(column, PREFIX + other, other_column)
                          for column, other, other_column in table.foreign_keys],
        )
        db[table.stored].insert_all(rows.get(table.name, []))
    db[META_TABLE].create({"key": str, "value": str}, pk="key")
    db[META_TABLE].insert_all([{"key": k, "value": meta[k]} for k in sorted(meta)])


def rows_of(store, table: projections.Table) -> list[dict]:
    """The rows of one projection table, in their stored order."""
    db = database(store)
    return list(db.query(f"SELECT * FROM [{table.stored}] ORDER BY rowid"))


def _current(db, store) -> Refreshed | None:
    """The projections as they stand, if they reflect the whole log in this version."""
    if META_TABLE not in db.table_names():
        return None
    meta = {row["key"]: row["value"] for row in db.query(f"SELECT key, value FROM [{META_TABLE}]")}
    last = store.last()
    seq, digest = (last[0], last[2]) if last else (0, GENESIS)
    if meta.get("version") != projections.VERSION or meta.get("log_seq") != str(seq) \
            or meta.get("log_hash") != digest:
        return None
    names = set(db.table_names())
    if any(table.stored not in names for table in TABLES):
        return None
    counts = {table.name: db[table.stored].count for table in TABLES}
    return Refreshed(False, seq, counts)
