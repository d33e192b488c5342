"""The record as minutes in the terminal: meeting list, decisions, speakers, minutes (zh and en)."""

from __future__ import annotations

import json

from types import SimpleNamespace

import pytest

from tests.conftest import run_cli  # noqa: F401  (the same program, in a subprocess, elsewhere)


@pytest.fixture(autouse=True)
def _capture(capsys):
    global _capsys
    _capsys = capsys


def run(db, *args):
    """The real CLI in this process (fast): its exit code and what it wrote."""
    from deliberate.cli.main import main

    _capsys.readouterr()
    code = main(["--db", str(db), *args])
    out = _capsys.readouterr()
    return SimpleNamespace(returncode=code, stdout=out.out, stderr=out.err)


def test_meeting_list_names_every_meeting_its_chair_attendance_and_decisions(demo_dir):
    result = run(demo_dir / "deliberate.db", "--json", "meeting", "list")
    data = json.loads(result.stdout)
    (meeting,) = data["meetings"]
    assert meeting["chair"] == "李明" and meeting["secretary"] == "张伟"
    assert (meeting["present"], meeting["roster"]) == (15, 24)
    assert {("q1", "adopted"), ("q6", "adopted"), ("q8", "lost")} <= {(d["id"], d["outcome"]) for d in meeting["decided"]}
    zh = run(demo_dir / "deliberate.db", "--lang", "zh", "meeting", "list").stdout
    assert "主持人 李明" in zh and "q8 未通过" in zh


def test_decisions_give_counts_against_threshold_and_base_with_names_not_ids(demo_dir):
    result = run(demo_dir / "deliberate.db", "--json", "decisions", "--meeting", "1")
    decisions = json.loads(result.stdout)["decisions"]
    q6 = next(d for d in decisions if d["id"] == "q6")
    assert q6["text"] == "开放文华大厦地下停车场夜间（晚七点至早七点）共享车位"
    assert (q6["yes"], q6["no"], q6["base_count"], q6["needed"]) == (10, 3, 13, 7)
    assert q6["maker"] == "孙悦" and q6["roll"]["黄丽"] == "no"
    assert '"m1' not in result.stdout and "m12" not in result.stdout
    text = run(demo_dir / "deliberate.db", "--lang", "en", "decisions").stdout
    assert "a majority required (votes cast 13, at least 7): adopted" in text


def test_speakers_give_stance_duration_and_calls_to_order(demo_dir):
    data = json.loads(run(demo_dir / "deliberate.db", "--json", "speakers").stdout)
    first = data["speeches"][0]
    assert (first["name"], first["stance"], first["duration"]) == ("王芳", "pro", "1:50")
    assert data["calls_to_order"][0]["name"] == "刘洋"


def test_minutes_hold_everything_the_secretary_prints(demo_dir, tmp_path):
    out = tmp_path / "minutes.md"
    assert run(demo_dir / "deliberate.db", "--lang", "zh", "minutes", "--out", str(out)).returncode == 0
    text = out.read_text(encoding="utf-8")
    for expected in ("主持人：李明；记录员：张伟", "出席：15 人", "缺席：", "中途离场：黄丽", "动议人：王芳；附议人：陈静",
                     "通过的文本：在水贝公园增设临时公厕，并在一个月内完成", "| 王芳 | 赞成 | 1:50 |",
                     "需要过半数（有效票 13，至少 7 票）", "裁决与申诉", "提请遵守秩序", "20:40 散会", "社区密钥指纹",
                     "个事件，根哈希"):
        assert expected in text, expected
    en = run(demo_dir / "deliberate.db", "--lang", "en", "minutes").stdout
    assert "Text as adopted: 在水贝公园增设临时公厕，并在一个月内完成" in en and "Absent:" in en


def test_an_unknown_meeting_is_bad_input(demo_dir):
    result = run(demo_dir / "deliberate.db", "--json", "minutes", "--meeting", "9")
    assert result.returncode == 2 and json.loads(result.stdout)["ok"] is False


def test_a_paper_record_with_a_rare_name_a_meeting_without_quorum_and_one_without_motions(story_db):
    minutes = [run(story_db, "--lang", "en", "minutes", "--meeting", str(n)).stdout for n in (1, 2, 3)]
    assert "𠮷田" in minutes[0] and "Time: 2026-01-05 19:00 to 2026-01-05 19:10" in minutes[0]
    assert "\\<script\\>" in minutes[0]       # escaped in Markdown: pasted, it stays text
    assert "lacked a quorum (1 present, 3 required)" in minutes[1]
    assert "No motion was made at this meeting." in minutes[2]
