"""The motions' verbs through the real CLI (click's CliRunner on the root group, a real database)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from deliberate.cli.context import invoke, session_from, split_globals
from deliberate.cli.main import COMMANDS, root
from deliberate.motions.chart import MOTION_IDS, ROW_KEYS

VERBS = ["motions", "move", "second", "amend", "motion", "withdraw", "vote", "ruling", "appeal"]


def run(db, *args, lang="en"):
    """One line of the grammar against `db`, as the shell runs it; (exit code, stdout + stderr)."""
    found, _ = split_globals(list(args))          # as `deliberate.cli.main.main` does
    session = session_from({**found, "db": str(db), "lang": lang})
    with CliRunner().isolation() as streams:
        code = invoke(root, list(args), session)
        session.close()
        output = streams[0].getvalue().decode("utf-8") + streams[1].getvalue().decode("utf-8")
    return code, output


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "council.db"
    for line in (["init", "文华社区"], ["member", "add", "李明"], ["member", "add", "王芳"],
                 ["member", "add", "陈静"], ["member", "add", "刘洋"], ["member", "add", "赵磊"],
                 ["meeting", "open", "第4次会议", "--chair", "李明"], ["attend", "王芳", "陈静", "刘洋", "赵磊"]):
        code, out = run(path, *line)
        assert code == 0, out
    return path


def test_chart_json_has_every_motion_with_its_fields(tmp_path):
    code, out = run(tmp_path / "none.db", "motions", "chart", "--json")
    assert code == 0
    rows = json.loads(out)["motions"]
    assert [r["id"] for r in rows] == list(MOTION_IDS)
    assert all(tuple(r) == ROW_KEYS for r in rows)


def test_chart_table_for_people_in_both_languages(tmp_path):
    code, out = run(tmp_path / "none.db", "motions", "chart", lang="zh")
    assert code == 0 and "结束辩论" in out and "§16" in out
    code, out = run(tmp_path / "none.db", "motions", "chart", lang="en")
    assert "Previous question" in out


def test_move_second_amend_vote_through_the_cli(db):
    assert run(db, "move", "在水贝公园增设临时公厕", "--by", "王芳")[0] == 0
    code, out = run(db, "--json", "second", "--by", "陈静")
    data = json.loads(out)
    assert code == 0 and [e["type"] for e in data["events"]] == ["motion_seconded", "question_stated"]
    assert run(db, "amend", "--by", "刘洋", "--insert", "，并在一个月内完成", "--after", "临时公厕")[0] == 0
    assert run(db, "second", "--by", "赵磊")[0] == 0
    code, out = run(db, "--json", "state")
    stack = json.loads(out)["motions"]["stack"]
    assert stack[-1]["text_if_adopted"] == "在水贝公园增设临时公厕，并在一个月内完成"
    assert run(db, "vote", "open", "--method", "roll")[0] == 0
    assert run(db, "vote", "roll", "--yes", "王芳", "陈静", "--no", "刘洋")[0] == 0
    code, out = run(db, "vote", "close", lang="zh")
    assert code == 0 and "通过" in out and "修改后的文本" in out


def test_refusal_exit_1_with_rule_message_and_hint_in_json(db):
    run(db, "move", "在水贝公园增设临时公厕", "--by", "王芳")
    before = run(db, "--json", "log", "--limit", "1000")[1]
    code, out = run(db, "--json", "second", "--by", "王芳")
    data = json.loads(out)
    assert code == 1
    assert data == {"ok": False, "rule": "ronr.second", "message": data["message"], "hint": data["hint"]}
    assert "王芳" in data["message"] and data["hint"]
    assert run(db, "--json", "log", "--limit", "1000")[1] == before     # nothing recorded


def test_neutral_chair_refused_in_chinese(db):
    code, out = run(db, "move", "增设路灯", "--by", "李明", lang="zh")
    assert code == 1 and "luohu.neutral_chair" in out and "主持人" in out


def test_motion_by_chinese_name_and_unknown_kind(db):
    run(db, "move", "增设路灯", "--by", "王芳")
    run(db, "second", "--by", "陈静")
    assert run(db, "motion", "委托", "--to", "环境小组", "--by", "刘洋")[0] == 0
    assert run(db, "motion", "filibuster", "--by", "刘洋")[0] == 2


def test_ruling_and_appeal(db):
    run(db, "move", "增设路灯", "--by", "王芳")
    run(db, "second", "--by", "陈静")
    assert run(db, "ruling", "该动议不在议题范围内", "--decision", "out_of_order")[0] == 0
    assert run(db, "appeal", "--by", "王芳")[0] == 0
    assert run(db, "second", "--by", "陈静")[0] == 0
    code, out = run(db, "--json", "state")
    assert json.loads(out)["motions"]["stack"][-1]["motion"] == "appeal"


def test_vote_roll_needs_a_choice_before_names(db):
    run(db, "move", "增设路灯", "--by", "王芳")
    run(db, "second", "--by", "陈静")
    run(db, "vote", "open", "--method", "roll")
    assert run(db, "vote", "roll", "王芳")[0] == 2


@pytest.mark.parametrize("verb", VERBS)
def test_every_verb_has_bilingual_help(verb):
    assert COMMANDS[verb].startswith("deliberate.cli.motions:")
    result = CliRunner().invoke(root, [verb, "--help"])
    assert result.exit_code == 0
    assert "/" in result.output and any("\u4e00" <= ch <= "\u9fff" for ch in result.output)
