"""A record of format version 1 is still read: folded, verified and narrated by today's deliberate.

tests/data/v1_log/deliberate.db is the sample meeting as the format-1 deliberate wrote it
(its README says how). Format 2 differs only in `question_stated`, which holds the id alone.
"""

import json
import shutil
import sqlite3
from types import SimpleNamespace

import pytest

from tests.conftest import DATA, run_cli

V1 = DATA / "v1_log" / "deliberate.db"


@pytest.fixture
def v1_copy(tmp_path):
    """A copy of the version-1 log (never opened in place: SQLite would leave files beside it)."""
    copy = tmp_path / "v1.db"
    shutil.copyfile(V1, copy)
    return copy


@pytest.fixture(scope="module")
def v2_demo(tmp_path_factory):
    folder = tmp_path_factory.mktemp("v2demo")
    result = run_cli("--lang", "en", "demo", "--dir", str(folder))
    assert result.returncode == 0, result.stderr
    return folder / "deliberate.db"


def meta(db) -> dict:
    conn = sqlite3.connect(db)
    try:
        return dict(conn.execute("SELECT key, value FROM meta"))
    finally:
        conn.close()


def read_all(db) -> list:
    from deliberate.store import Store

    store = Store.open(db)
    try:
        return list(store.read())
    finally:
        store.close()


def test_the_data_is_a_version_1_log_that_still_holds_the_old_statement_text(v1_copy):
    assert meta(v1_copy)["format_version"] == "1"
    stated = [e.payload for e in read_all(v1_copy) if e.type == "question_stated"]
    assert len(stated) == 9 and all(set(p) == {"id", "text"} for p in stated)
    assert {"id": "q3", "text": "结束辩论"} in stated          # a sentence the format-1 core composed in Chinese


def test_todays_fold_of_a_version_1_log_has_its_meetings_members_and_outcomes(v1_copy):
    from deliberate import domain
    from deliberate.motions.stack import chart_of, statement

    state = domain.fold(read_all(v1_copy))
    assert state.community == "文华社区居民议事会" and state.seq == 167
    assert len(state.roster) == 24 and state.members["m3"].name == "王芳"
    assert state.meetings_held == 1 and state.meeting.title == "2026年第4次居民议事会"
    assert state.meeting.closed_at == "2026-11-20T20:40:00.000+08:00"
    assert "m8" not in state.meeting.present and len(state.meeting.present) == 14
    items = state.motions.items
    assert {i: items[i].status for i in sorted(items)} == {
        "q1": "adopted", "q2": "adopted", "q3": "adopted", "q4": "referred", "q5": "adopted",
        "q6": "adopted", "q7": "adopted", "q8": "lost", "q9": "ruled"}
    assert items["q1"].text == "在水贝公园增设临时公厕，并在一个月内完成"
    assert all(items[i].stated for i in items)
    assert [(r.question, r.outcome) for r in state.motions.results] == [
        ("q2", "adopted"), ("q3", "adopted"), ("q1", "adopted"), ("q5", "adopted"), ("q7", "adopted"),
        ("q6", "adopted"), ("q8", "lost")]
    assert state.motions.rulings["r1"].decision == "not_well_taken"
    assert state.signed_size == 166
    # the statement is derived from the motion: what the old record's text said, in either language
    chart = chart_of(SimpleNamespace(motions=state.rules["motions"]))
    assert statement(items["q5"], chart, "zh") == "委托：环境小组"
    assert statement(items["q5"], chart, "en") == "Commit or refer: 环境小组"


def test_state_and_verify_read_a_copy_of_the_version_1_log(v1_copy):
    verified = run_cli("verify", "--db", str(v1_copy), "--json")
    assert verified.returncode == 0, verified.stderr
    assert json.loads(verified.stdout)["ok"] is True
    state = run_cli("--db", str(v1_copy), "--json", "state")
    assert state.returncode == 0, state.stderr
    assert json.loads(state.stdout)["community"] == "文华社区居民议事会"
    assert meta(v1_copy)["format_version"] == "1"          # reading changes nothing


def test_a_new_database_says_format_version_2(council):
    assert council("init", "文华社区居民议事会").exit_code == 0
    assert meta(council.db) == {"format": "deliberate-log", "format_version": "2"}


def test_a_log_of_a_newer_format_is_refused_with_its_version_and_the_way_out(council):
    assert council("init", "文华社区居民议事会").exit_code == 0
    conn = sqlite3.connect(council.db)
    with conn:
        conn.execute("UPDATE meta SET value = '3' WHERE key = 'format_version'")
    conn.close()
    before = council.db.read_bytes()
    for lang, words in (("en", "upgrade deliberate"), ("zh", "请升级 deliberate")):
        result = run_cli("--db", str(council.db), "--lang", lang, "state")
        assert result.returncode == 2
        assert "3" in result.stderr and words in result.stderr and "1, 2" in result.stderr
    assert council.db.read_bytes() == before


def secret_ballots(event) -> bool:
    """The sample meeting's secret ballots (20:16 to 20:24) and its agenda (issue 14), added after
    format 1's copy was made."""
    return "2026-11-20T20:16" <= event.at < "2026-11-20T20:25" or event.type.startswith("agenda_")


def test_formats_1_and_2_of_the_same_meeting_differ_only_in_question_stated(v1_copy, v2_demo):
    """Format 2 drops the statement text; every other fact of the sample meeting is recorded alike."""
    old, new = read_all(v1_copy), [e for e in read_all(v2_demo) if not secret_ballots(e)]
    assert [(e.type, e.at) for e in old] == [(e.type, e.at) for e in new]
    for before, after in zip(old, new):
        if before.type == "question_stated":
            assert after.payload == {"id": before.payload["id"]}
        elif before.type == "community_created":       # a new community key; settings added since are left out
            rules = {k: ({kk: vv for kk, vv in v.items() if kk in before.payload["rules"][k]}
                         if isinstance(v, dict) and k != "motions" else v)
                     for k, v in after.payload["rules"].items() if k in before.payload["rules"]}
            assert {**before.payload, "public_key": ""} == {**after.payload, "public_key": "", "rules": rules}
        elif before.type != "checkpoint":              # signed by that key, over other bytes
            assert before.payload == after.payload, before.type


def test_both_formats_narrate_alike(v1_copy, v2_demo):
    """The words of a question come from the motion in the state, never from the old text field."""
    from deliberate.i18n import t
    from deliberate.narrate import narrated
    from deliberate.state import State

    for lang in ("zh", "en"):
        old = [t(k, lang, **p) for e, k, p in narrated(read_all(v1_copy), State()) if e.type != "checkpoint"]
        new = [t(k, lang, **p) for e, k, p in narrated(read_all(v2_demo), State())
               if e.type != "checkpoint" and not secret_ballots(e)]
        assert old == new
    en = [t(k, "en", **p) for e, k, p in narrated(read_all(v1_copy), State()) if e.type == "question_stated"]
    assert "The chair states the question q3: Previous question" in en
