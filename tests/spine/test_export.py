"""Projections of the log as plain tables (view_*), and `deliberate export` to a spreadsheet.

Two meetings driven through the real CLI on a real database: motions, speeches,
votes (one adopted, one lost, one referred), a member with private details, a
project. Times are given with --at so every value in the tables is exact.
"""

from __future__ import annotations

import ast
import csv
import io
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from deliberate.projections import TABLES, project
from deliberate.store import Store

PACKAGE = Path(__file__).resolve().parents[2] / "deliberate"
PRIVATE = ("13800138000", "440303199001011237", "文华大厦3栋1201")
STORED = [t.stored for t in TABLES]


class Clock:
    """Seconds after 18:00 on the day of the meeting."""

    def __init__(self):
        self.seconds = 0

    def __call__(self, step: int = 1) -> str:
        self.seconds += step
        s = self.seconds
        return f"2026-11-20T{18 + s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d}+08:00"


def ok(result):
    assert result.exit_code == 0, result.output
    return result


def turn(council, name: str, stance: str, seconds: int) -> None:
    ok(council("hand", name, "--stance", stance, at=council.clock()))
    ok(council("recognize", at=council.clock()))
    ok(council("speak", at=council.clock()))
    ok(council("yield", at=council.clock(seconds)))


@pytest.fixture
def held(council):
    """Two meetings of a council of six, recorded through the CLI."""
    clock = council.clock = Clock()
    ok(council("init", "文华社区居民议事会", at=clock()))
    ok(council("member", "add", "王芳", "--phone", PRIVATE[0], "--id-number", PRIVATE[1], "--unit", PRIVATE[2],
               "--role", "居民代表", at=clock()))
    for name in ("陈静", "刘洋", "李明", "张伟", "赵磊"):
        ok(council("member", "add", name, at=clock()))
    ok(council("project", "add", "翠竹路太阳能路灯", "--cost", "60000", "--category", "公共安全", at=clock()))
    # meeting 1: a motion debated pro and con, then adopted by a show of hands
    ok(council("meeting", "open", "2026年第4次居民议事会", "--chair", "李明", "--secretary", "张伟", at=clock(3600)))
    ok(council("attend", "王芳", "陈静", "刘洋", "赵磊", at=clock()))
    ok(council("move", "在3号楼加装电梯", "--by", "王芳", at=clock()))
    ok(council("second", "--by", "陈静", at=clock()))
    turn(council, "王芳", "pro", 90)
    turn(council, "刘洋", "con", 60)
    ok(council("vote", "open", at=clock()))
    ok(council("vote", "count", "--yes", "4", "--no", "1", at=clock()))
    ok(council("vote", "close", at=clock()))
    ok(council("meeting", "close", at=clock()))
    # meeting 2: one motion lost, one referred to a committee
    ok(council("meeting", "open", "2026年第5次居民议事会", "--chair", "李明", at=clock(3600)))
    ok(council("attend", "王芳", "陈静", "刘洋", at=clock()))
    ok(council("move", "费用由居民分摊", "--by", "刘洋", at=clock()))
    ok(council("second", "--by", "王芳", at=clock()))
    turn(council, "陈静", "con", 45)
    ok(council("vote", "open", at=clock()))
    ok(council("vote", "count", "--yes", "1", "--no", "2", at=clock()))
    ok(council("vote", "close", at=clock()))
    ok(council("move", "在翠竹路增设路灯", "--by", "陈静", at=clock()))
    ok(council("second", "--by", "刘洋", at=clock()))
    ok(council("motion", "commit_or_refer", "--to", "环境小组", "--by", "王芳", at=clock()))
    ok(council("second", "--by", "陈静", at=clock()))
    ok(council("vote", "open", at=clock()))
    ok(council("vote", "count", "--yes", "3", "--no", "0", at=clock()))
    ok(council("vote", "close", at=clock()))
    ok(council("meeting", "close", at=clock()))
    return council


def exported(council, table: str) -> list[dict]:
    """`export TABLE --json`: the rows, each an object."""
    code, answer = council.json("export", table)
    assert code == 0 and answer["ok"] is True, answer
    assert answer["table"] == table
    assert all(list(row) == answer["columns"] for row in answer["rows"])
    return answer["rows"]


def exported_csv(council, table: str, *more: str) -> bytes:
    result = ok(council("export", table, "--csv", *more))
    return result.stdout_bytes


def hashes(council) -> list[tuple[int, str, str]]:
    return [(e.seq, e.type, e.hash) for e in council.events()]


def view_dump(db: Path) -> list:
    """Every projection table's schema and rows, in stored order."""
    conn = sqlite3.connect(db)
    try:
        names = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'view\\_%' ESCAPE '\\' ORDER BY name")]
        return [(name, conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (name,)).fetchone()[0],
                 conn.execute(f"SELECT * FROM [{name}] ORDER BY rowid").fetchall()) for name in names]
    finally:
        conn.close()


# -- the tables say who did what, by name ---------------------------------------------------


def test_votes_are_exported_by_meeting_with_counts_threshold_and_outcome(held):
    votes = exported(held, "votes")
    assert [(v["meeting"], v["text"], v["yes"], v["no"], v["outcome"]) for v in votes] == [
        (1, "在3号楼加装电梯", 4, 1, "adopted"),
        (2, "费用由居民分摊", 1, 2, "lost"),
        (2, "环境小组", 3, 0, "adopted"),
    ]
    first = votes[0]
    assert first["method"] == "hands" and first["threshold"] == "majority" and first["abstain"] == 0
    assert first["present"] == 6 and first["adopted"] == 1 and first["kind"] == "main_motion"
    assert votes[1]["adopted"] == 0
    assert votes[2]["kind"] == "commit_or_refer"
    assert first["at"].startswith("2026-11-20T19:")


def test_motions_name_maker_and_seconder_and_say_where_each_stands(held):
    motions = {m["text"]: m for m in exported(held, "motions")}
    lift = motions["在3号楼加装电梯"]
    assert (lift["meeting"], lift["maker"], lift["seconder"], lift["status"]) == (1, "王芳", "陈静", "adopted")
    assert lift["maker_id"] != "王芳" and lift["id"].startswith("q")
    assert motions["费用由居民分摊"]["status"] == "lost"
    lights = motions["在翠竹路增设路灯"]
    # referred by a vote on another motion: where it stands comes from the fold of the log
    assert (lights["meeting"], lights["status"], lights["outcome"]) == (2, "referred", None)
    refer = motions["环境小组"]
    assert refer["target"] == lights["id"] and refer["maker"] == "王芳" and refer["kind"] == "commit_or_refer"


def test_speeches_name_the_speaker_the_stance_and_the_recorded_duration(held):
    speeches = exported(held, "speeches")
    assert [(s["meeting"], s["speaker"], s["stance"], s["seconds"]) for s in speeches] == [
        (1, "王芳", "pro", 90.0), (1, "刘洋", "con", 60.0), (2, "陈静", "con", 45.0),
    ]
    motions = {m["id"]: m["text"] for m in exported(held, "motions")}
    assert motions[speeches[0]["motion"]] == "在3号楼加装电梯"
    assert speeches[0]["started"] < speeches[0]["ended"]


def test_meetings_members_and_projects(held):
    meetings = exported(held, "meetings")
    assert [(m["number"], m["title"], m["chair"], m["secretary"], m["attendance"]) for m in meetings] == [
        (1, "2026年第4次居民议事会", "李明", "张伟", 6),
        (2, "2026年第5次居民议事会", "李明", None, 4),
    ]
    assert all(m["closed_at"] > m["opened_at"] for m in meetings)
    members = exported(held, "members")
    assert [m["name"] for m in members] == ["王芳", "陈静", "刘洋", "李明", "张伟", "赵磊"]
    assert members[0]["role"] == "居民代表" and all(m["active"] == 1 for m in members)
    assert list(members[0]) == ["id", "name", "role", "active", "added_at", "removed_at"]
    projects = exported(held, "projects")
    assert [(p["name"], p["cost"], p["category"], p["status"]) for p in projects] == [
        ("翠竹路太阳能路灯", 60000, "公共安全", "proposed")]


def test_chinese_table_names_and_the_stored_names_are_accepted(held):
    assert exported_csv(held, "表决") == exported_csv(held, "votes") == exported_csv(held, "view_votes")


# -- CSV for a spreadsheet, JSON for scripts ------------------------------------------------


def test_csv_is_utf8_with_bom_a_header_row_and_the_same_rows_as_json(held):
    for table in TABLES:
        data = exported_csv(held, table.name)
        assert data.startswith(b"\xef\xbb\xbf"), table.name
        rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
        assert rows[0] == table.column_names
        as_json = exported(held, table.name)
        assert rows[1:] == [["" if v is None else str(v) for v in row.values()] for row in as_json], table.name
    votes = exported_csv(held, "votes").decode("utf-8-sig")
    assert "在3号楼加装电梯" in votes and votes.endswith("\r\n")


def test_export_out_writes_a_file_and_says_so(held, tmp_path):
    out = tmp_path / "表决结果.csv"
    result = ok(held("--lang", "zh", "export", "votes", "--out", str(out)))
    assert "3" in result.output and str(out) in result.output
    assert out.read_bytes() == exported_csv(held, "votes")
    assert not list(tmp_path.glob("*.partial"))
    code, answer = held.json("export", "speeches", "--out", str(tmp_path / "speeches.json"))
    assert code == 0 and answer == {"ok": True, "table": "speeches", "format": "json",
                                    "out": str(tmp_path / "speeches.json"), "rows": 3}
    assert json.loads((tmp_path / "speeches.json").read_text(encoding="utf-8")) == exported(held, "speeches")
    code, answer = held.json("export", "votes", "--csv", "--out", str(tmp_path / "v.csv"))
    assert code == 0 and answer["format"] == "csv"
    assert (tmp_path / "v.csv").read_bytes() == out.read_bytes()


def test_an_unwritable_out_is_bad_input_in_json(held, tmp_path):
    code, answer = held.json("export", "votes", "--out", str(tmp_path / "no" / "such" / "dir.csv"))
    assert code == 2 and answer["ok"] is False and answer["rule"] == "export.cannot_write"


def test_csv_and_json_both_on_the_screen_is_bad_input(held):
    code, answer = held.json("export", "votes", "--csv")
    assert code == 2 and answer["rule"] == "export.csv_and_json" and "--out" in answer["hint"]


def test_an_unknown_table_is_exit_2_with_a_suggestion_and_the_list(held):
    code, answer = held.json("export", "vots")
    assert code == 2 and answer["ok"] is False and answer["rule"] == "export.unknown_table"
    assert "votes" in answer["message"]
    assert all(t.name in answer["hint"] for t in TABLES)
    code, answer = held.json("export", "events")           # the log itself is not a projection
    assert code == 2 and "votes" in answer["hint"]
    result = held("--lang", "zh", "export", "表决结杲")
    assert result.exit_code == 2 and "是不是" in result.output
    result = held("export", "member_private")
    assert result.exit_code == 2 and "members" in result.output


# -- private details never leave member_private ----------------------------------------------


def test_no_private_detail_reaches_a_projection_or_an_export(held, tmp_path):
    store = Store.open(held.db)
    try:
        assert store.private()[store.conn.execute(
            "SELECT json_extract(payload, '$.id') FROM events WHERE type = 'member_added' LIMIT 1").fetchone()[0]
        ]["phone"] == PRIVATE[0]   # they were recorded, beside the log
    finally:
        store.close()
    ok(held("tables"))
    for name, sql, rows in view_dump(held.db):
        text = sql + json.dumps(rows, ensure_ascii=False)
        assert not [p for p in PRIVATE if p in text], name
        assert "phone" not in sql and "id_number" not in sql and "unit" not in sql, name
    for table in TABLES:
        out = tmp_path / f"{table.name}.json"
        ok(held("export", table.name, "--json", "--out", str(out)))
        blobs = [exported_csv(held, table.name).decode("utf-8-sig"), out.read_text(encoding="utf-8"),
                 json.dumps(exported(held, table.name), ensure_ascii=False)]
        assert not [p for p in PRIVATE for blob in blobs if p in blob], table.name


# -- a cache of the log: rebuilt when stale, deterministic, never changing the log ---------


def test_export_does_not_change_the_log(held, tmp_path):
    before = hashes(held)
    for table in TABLES:
        exported_csv(held, table.name)
        exported(held, table.name)
    ok(held("tables", "--rebuild"))
    ok(held("export", "votes", "--out", str(tmp_path / "v.csv")))
    assert hashes(held) == before
    assert ok(held("verify")).exit_code == 0


def test_the_tables_are_rebuilt_when_the_log_grows_and_only_then(held):
    code, first = held.json("tables")
    assert code == 0 and first["rebuilt"] is True and first["seq"] == len(held.events())
    assert {t["table"]: t["rows"] for t in first["tables"]} == {
        "view_members": 6, "view_meetings": 2, "view_motions": 4, "view_votes": 3,
        "view_speeches": 3, "view_projects": 1}
    code, again = held.json("tables")
    assert again["rebuilt"] is False and again["seq"] == first["seq"]
    ok(held("member", "remove", "赵磊", "--reason", "搬离", at=held.clock()))
    members = {m["name"]: m for m in exported(held, "members")}       # export rebuilt them first
    assert members["赵磊"]["active"] == 0 and members["赵磊"]["removed_at"]
    code, after = held.json("tables")
    assert after["rebuilt"] is False and after["seq"] == first["seq"] + 1


def test_a_rebuild_is_deterministic(held):
    ok(held("tables"))
    first = view_dump(held.db)
    assert [name for name, _, _ in first] == sorted(STORED + ["view_meta"])
    csvs = [exported_csv(held, t.name) for t in TABLES]
    code, answer = held.json("tables", "--rebuild")
    assert code == 0 and answer["rebuilt"] is True
    assert view_dump(held.db) == first
    assert [exported_csv(held, t.name) for t in TABLES] == csvs


def test_the_tables_equal_the_pure_fold_of_the_events(held):
    ok(held("tables"))
    from deliberate.app import rebuild
    from deliberate.projections_store import motions_final, rows_of

    store = Store.open(held.db)
    try:
        expected = project(store.read(), motions_final(rebuild(store)))
        assert {t.name: rows_of(store, t) for t in TABLES} == expected
        # without the fold, a motion's status is its own last result
        alone = {m["text"]: m["status"] for m in project(store.read())["motions"]}
        assert alone["在翠竹路增设路灯"] == "pending" and alone["在3号楼加装电梯"] == "adopted"
    finally:
        store.close()


def test_a_failed_rebuild_leaves_the_old_tables_whole(held):
    from deliberate.projections_store import database, write

    ok(held("tables"))
    before = view_dump(held.db)
    store = Store.open(held.db)
    try:
        rows = project(store.read())
        rows["projects"] = [dict(rows["projects"][0], name=object())]   # cannot be stored: fails last
        with pytest.raises(sqlite3.Error):
            with store.transaction():
                write(database(store), rows, {"version": "x", "log_seq": "0", "log_hash": ""})
    finally:
        store.close()
    assert view_dump(held.db) == before


def test_sqlite_utils_lists_the_tables(held):
    ok(held("tables"))
    listed = subprocess.run([sys.executable, "-m", "sqlite_utils", "tables", str(held.db), "--counts"],
                            capture_output=True, text=True, timeout=120)
    assert listed.returncode == 0, listed.stderr
    counts = {row["table"]: row["count"] for row in json.loads(listed.stdout)}
    assert {name: counts[name] for name in STORED} == {
        "view_members": 6, "view_meetings": 2, "view_motions": 4, "view_votes": 3,
        "view_speeches": 3, "view_projects": 1}


def test_an_empty_log_gives_empty_tables_with_their_columns(council):
    ok(council("init", "文华社区居民议事会", at="2026-11-20T18:00:00+08:00"))
    data = exported_csv(council, "votes")
    assert data.decode("utf-8-sig").splitlines() == [",".join(TABLES[3].column_names)]
    assert exported(council, "speeches") == []


def test_the_projection_fold_is_pure():
    tree = ast.parse((PACKAGE / "projections.py").read_text(encoding="utf-8"))
    imported = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    imported |= {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
    forbidden = {"sqlite3", "sqlite_utils", "os", "pathlib", "time", "random", "click", "deliberate.store",
                 "deliberate.app", "deliberate.clock"}
    assert not {m for m in imported if m in forbidden or m.split(".")[0] in forbidden}


def test_a_divided_question_makes_a_motion_of_each_part_in_the_pure_fold():
    from deliberate.record import StoredEvent

    def event(seq, type_, payload):
        return StoredEvent(seq, type_, f"2026-11-20T19:{seq:02d}:00.000+08:00", payload, "", "")

    rows = project([
        event(1, "member_added", {"id": "m1", "name": "王芳"}),
        event(2, "member_added", {"id": "m2", "name": "陈静"}),
        event(3, "meeting_opened", {"number": 1, "title": "第4次", "chair": "王芳", "chair_id": "m1"}),
        event(4, "motion_made", {"id": "q1", "motion": "main_motion", "text": "修路灯并种树", "maker": "m1",
                                 "target": None, "params": {}, "pending": True}),
        event(5, "motion_seconded", {"id": "q1", "seconder": "m2"}),
        event(6, "motion_made", {"id": "q2", "motion": "division_of_a_question", "text": "", "maker": "m2",
                                 "target": "q1", "params": {}, "pending": True}),
        event(7, "vote_closed", {"question": "q2", "motion": "division_of_a_question", "text": "", "method": "hands",
                                 "yes": 2, "no": 0, "abstain": 0, "outcome": "adopted", "adopted": True,
                                 "target": "q1", "parts": [{"id": "q3", "text": "修路灯"}, {"id": "q4", "text": "种树"}]}),
        event(8, "meeting_closed", {"number": 1}),
    ])
    parts = [m for m in rows["motions"] if m["id"] in ("q3", "q4")]
    assert [(m["text"], m["maker"], m["seconder"], m["meeting"], m["kind"]) for m in parts] == [
        ("修路灯", "王芳", "陈静", 1, "main_motion"), ("种树", "王芳", "陈静", 1, "main_motion")]
    assert rows["votes"][0]["meeting"] == 1 and rows["votes"][0]["opened_at"] is None
    assert rows["meetings"][0]["closed_at"] == "2026-11-20T19:08:00.000+08:00"


def test_a_read_only_database_is_exported_from_the_log_in_memory(held):
    from deliberate.cli.export import table_rows

    expected = {t.name: exported(held, t.name) for t in TABLES}      # the tables, as written
    ok(held("member", "remove", "赵磊", at=held.clock()))           # now they are stale
    before = view_dump(held.db)
    conn = sqlite3.connect(f"{held.db.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None)
    store = Store(held.db, conn)
    try:
        votes = table_rows(store, None, TABLES[3])
        members = table_rows(store, None, TABLES[0])
    finally:
        store.close()
    assert votes == expected["votes"]
    assert [m["active"] for m in members if m["name"] == "赵磊"] == [0]
    assert view_dump(held.db) == before                               # nothing was written
