"""Bad input gets one line, the right exit code, and nothing recorded.

Exit 2 for input that can never be valid (malformed, empty, out of range,
unreadable, wrong encoding); exit 1 only for well-formed actions the rules refuse
now. Whatever the input, no traceback reaches the user, the log is not touched,
and no file the command was not asked to write is changed.
"""

from __future__ import annotations

import os
import shlex
import sqlite3
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from deliberate.rules import BUILTIN_DIR

ROOT = Path(__file__).resolve().parents[2]
GOOD_RULES = (BUILTIN_DIR / "luohu_ten.yaml").read_text(encoding="utf-8")
AT = "2026-11-20T18:00:00+08:00"


# -- helpers -------------------------------------------------------------------------------


def count(council) -> int:
    return len(council.events())


def one_message(result) -> str:
    """The output, checked to be a message and its hint at most: never a traceback."""
    text = result.output
    assert "Traceback" not in text
    assert len(text.strip().splitlines()) <= 2, text
    return text


def started(council):
    assert council("init", "文华社区居民议事会", at=AT).exit_code == 0
    assert council("member", "add", "王芳", at=AT).exit_code == 0
    return council


def rules_file(folder: Path, text: str, name: str = "council.yaml") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def limited(*args: str, seconds: int = 60) -> subprocess.CompletedProcess:
    """The real program with 1 GB of memory and a minute: an input that blows either fails the test."""
    import resource

    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "deliberate", *args], env=env, capture_output=True,
                          text=True, timeout=seconds, preexec_fn=limit)


def read_only(folder: Path, *args: str) -> subprocess.CompletedProcess:
    """The real program with `folder` read-only (a private read-only bind mount for root)."""
    line = [sys.executable, "-m", "deliberate", *args]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    if os.geteuid() == 0:
        inner = " ".join(shlex.quote(a) for a in line)
        command = f"mount --bind {folder} {folder} && mount -o remount,bind,ro {folder} && {inner}"
        return subprocess.run(["unshare", "-m", "sh", "-c", command], capture_output=True, text=True, env=env)
    folder.chmod(0o555)
    try:
        return subprocess.run(line, capture_output=True, text=True, env=env)
    finally:
        folder.chmod(0o755)


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


# -- rules files ---------------------------------------------------------------------------


def test_a_quorum_with_a_zero_denominator_is_refused(council, tmp_path):
    path = rules_file(tmp_path, GOOD_RULES.replace("quorum: majority", 'quorum: "1/0"'))
    result = council("init", "文华社区", "--rules", str(path))
    assert result.exit_code == 2 and "quorum" in one_message(result) and "1/0" in result.output
    assert not council.db.exists()


def test_a_recursive_anchor_is_refused(council, tmp_path):
    path = rules_file(tmp_path, GOOD_RULES.replace("motion_overrides: {}", "motion_overrides: &a [*a]"))
    result = council("init", "文华社区", "--rules", str(path))
    assert result.exit_code == 2 and "alias" in one_message(result) and "line 10" in result.output
    assert not council.db.exists()


def test_a_billion_laughs_file_is_refused_within_bounded_memory(tmp_path):
    laughs = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        laughs.append(f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]")
    path = rules_file(tmp_path, GOOD_RULES + "\n".join(laughs) + "\n")
    db = tmp_path / "council.db"
    result = limited("--db", str(db), "--lang", "en", "init", "文华社区", "--rules", str(path))
    assert result.returncode == 2, result.stderr[-500:]
    assert "alias" in result.stderr and "Traceback" not in result.stderr
    assert not db.exists()


def test_a_rules_file_over_one_megabyte_is_refused(council, tmp_path):
    path = rules_file(tmp_path, GOOD_RULES + ("# " + "x" * 98 + "\n") * 11_000)
    result = council("init", "文华社区", "--rules", str(path))
    assert result.exit_code == 2 and "1 MB" in one_message(result)
    assert not council.db.exists()


def test_a_duplicate_key_is_refused_naming_both_lines(council, tmp_path):
    text = GOOD_RULES.replace("quorum: majority", "quorum: majority\nquorum: 3")
    line = [i for i, t in enumerate(text.splitlines(), 1) if t.startswith("quorum:")][0]
    path = rules_file(tmp_path, text)
    result = council("init", "文华社区", "--rules", str(path))
    message = one_message(result)
    assert result.exit_code == 2 and "quorum" in message
    assert f"line {line}" in message and f"line {line + 1}" in message
    assert not council.db.exists()


def test_a_duplicate_nested_key_is_refused_too(council, tmp_path):
    text = GOOD_RULES.replace("  neutral: true", "  neutral: true\n  neutral: false")
    result = council("init", "文华社区", "--rules", str(rules_file(tmp_path, text)))
    assert result.exit_code == 2 and "chair.neutral" in one_message(result)
    assert not council.db.exists()


@pytest.mark.parametrize("kind", ["directory", "binary", "outside", "absolute", "dev_zero"])
def test_a_chart_that_is_not_a_chart_file_beside_the_rules_is_refused(council, tmp_path, kind):
    folder = tmp_path / "rules"
    folder.mkdir()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "motions.yaml").write_text((BUILTIN_DIR / "motions.yaml").read_text(encoding="utf-8"),
                                            encoding="utf-8")
    chart, why = {
        "directory": ("charts.yaml", "is not a regular file"),
        "binary": ("binary.yaml", "is not valid UTF-8"),
        "outside": ("../elsewhere/motions.yaml", "in the rules file's own folder"),
        "absolute": (str(elsewhere / "motions.yaml"), "in the rules file's own folder"),
        "dev_zero": ("/dev/zero", "in the rules file's own folder"),
    }[kind]
    (folder / "charts.yaml").mkdir()
    (folder / "binary.yaml").write_bytes(bytes(range(256)) * 64)
    path = rules_file(folder, GOOD_RULES.replace("chart: motions.yaml", f"chart: {chart}"))
    assert started(council)("rules", "check", str(BUILTIN_DIR / "luohu_ten.yaml")).exit_code == 0
    before = count(council)
    result = council("rules", "adopt", str(path))
    message = one_message(result)
    assert result.exit_code == 2 and "chart" in message and why in message
    assert count(council) == before


def test_dev_zero_as_a_chart_is_never_read(tmp_path):
    path = rules_file(tmp_path, GOOD_RULES.replace("chart: motions.yaml", "chart: /dev/zero"))
    db = tmp_path / "council.db"
    result = limited("--db", str(db), "--lang", "en", "init", "文华社区", "--rules", str(path), seconds=30)
    assert result.returncode == 2 and "own folder" in result.stderr and "Traceback" not in result.stderr
    assert not db.exists()


def test_dev_zero_as_a_rules_file_is_never_read(tmp_path):
    db = tmp_path / "council.db"
    result = limited("--db", str(db), "--lang", "en", "init", "文华社区", "--rules", "/dev/zero", seconds=30)
    assert result.returncode == 2 and "Traceback" not in result.stderr and "/dev/zero is not a regular file" in result.stderr
    assert not db.exists()


def test_a_rules_file_with_a_5000_digit_number_is_refused(council, tmp_path):
    text = GOOD_RULES.replace("speech_seconds: 120", "speech_seconds: 1" + "0" * 5000)
    line = [i for i, t in enumerate(text.splitlines(), 1) if "speech_seconds" in t][0]
    result = council("init", "文华社区", "--rules", str(rules_file(tmp_path, text)))
    assert result.exit_code == 2 and f"line {line}" in one_message(result) and "digits" in result.output
    big = GOOD_RULES.replace("speech_seconds: 120", "speech_seconds: 99999999")
    result = council("init", "文华社区", "--rules", str(rules_file(tmp_path, big)))
    assert result.exit_code == 2 and "1000000" in one_message(result)
    assert not council.db.exists()


def test_a_rules_file_nested_thousands_deep_is_refused(council, tmp_path):
    text = GOOD_RULES.replace("motion_overrides: {}", "motion_overrides: " + "[" * 5000 + "]" * 5000)
    result = council("init", "文华社区", "--rules", str(rules_file(tmp_path, text)))
    assert result.exit_code == 2 and "deeper" in one_message(result) and "line 10" in result.output
    assert not council.db.exists()


def test_a_rules_file_with_an_impossible_date_names_its_line(council, tmp_path):
    text = GOOD_RULES.replace("name_en: Luohu Ten", "name_en: 2026-13-45")
    result = council("init", "文华社区", "--rules", str(rules_file(tmp_path, text)))
    assert result.exit_code == 2 and "line 5" in one_message(result) and "month" in result.output
    assert not council.db.exists()


def test_a_chart_with_an_alias_is_refused(council, tmp_path):
    chart = (BUILTIN_DIR / "motions.yaml").read_text(encoding="utf-8") + "extra: &x [1]\nagain: *x\n"
    (tmp_path / "our_chart.yaml").write_text(chart, encoding="utf-8")
    path = rules_file(tmp_path, GOOD_RULES.replace("chart: motions.yaml", "chart: our_chart.yaml"))
    result = council("init", "文华社区", "--rules", str(path))
    assert result.exit_code == 2 and "our_chart.yaml" in one_message(result) and "alias" in result.output
    assert not council.db.exists()


def test_a_chart_beside_the_rules_file_is_still_used(council, tmp_path):
    chart = (BUILTIN_DIR / "motions.yaml").read_text(encoding="utf-8")
    (tmp_path / "our_chart.yaml").write_text(chart, encoding="utf-8")
    path = rules_file(tmp_path, GOOD_RULES.replace("chart: motions.yaml", "chart: our_chart.yaml"))
    result = council("init", "文华社区", "--rules", str(path))
    assert result.exit_code == 0, result.output
    assert count(council) == 1


# -- roster spreadsheets ---------------------------------------------------------------------


def test_csv_with_a_utf8_bom_then_invalid_bytes_is_refused(council, tmp_path):
    started(council)
    path = tmp_path / "roster.csv"
    path.write_bytes(b"\xef\xbb\xbf" + "姓名\n陈静\n".encode() + b"\xff\xfe\n")
    before = count(council)
    result = council("member", "import", str(path))
    message = one_message(result)
    assert result.exit_code == 2 and "UTF-8" in message and "line 3" in message
    assert count(council) == before


def test_csv_with_a_utf16_bom_and_an_odd_length_is_refused(council, tmp_path):
    started(council)
    path = tmp_path / "roster.csv"
    path.write_bytes("姓名\n陈静\n".encode("utf-16") + b"\x00")
    before = count(council)
    result = council("member", "import", str(path))
    assert result.exit_code == 2 and "UTF-16" in one_message(result)
    assert count(council) == before


def test_csv_mixing_utf8_rows_with_a_gb18030_row_is_refused_naming_the_row(council, tmp_path):
    started(council)
    path = tmp_path / "roster.csv"
    path.write_bytes("姓名,单元\n陈静,3栋\n".encode() + "刘洋,4栋\n".encode("gb18030") + "张伟,5栋\n".encode())
    before = count(council)
    result = council("member", "import", str(path))
    message = one_message(result)
    assert result.exit_code == 2 and "line 3" in message and ("GB18030" in message or "mix" in message)
    assert count(council) == before


def test_csv_in_gb18030_throughout_still_imports(council, tmp_path):
    started(council)
    path = tmp_path / "roster.csv"
    path.write_bytes("姓名,单元\n陈静,3栋\n刘洋,4栋\n".encode("gb18030"))
    result = council("member", "import", str(path))
    assert result.exit_code == 0, result.output
    assert [m.name for m in council.state().roster] == ["王芳", "陈静", "刘洋"]


def test_csv_with_an_unclosed_quote_is_refused(council, tmp_path):
    started(council)
    path = tmp_path / "roster.csv"
    path.write_text('姓名,角色\n陈静,"楼长\n刘洋,居民\n', encoding="utf-8")
    before = count(council)
    result = council("member", "import", str(path))
    message = one_message(result)
    assert result.exit_code == 2 and "never closed" in message and "line 2" in message
    assert count(council) == before


# -- names -----------------------------------------------------------------------------------

INVISIBLE = {
    "nul": "\x00", "zero_width_space": "\u200b", "zero_width_joiner": "\u200d", "word_joiner": "\u2060",
    "bom": "\ufeff", "rtl_override": "\u202e", "rtl_isolate": "\u2067", "lrm": "\u200e",
    "variation_selector": "\ufe0f", "variation_selector_supplement": "\U000e0100", "soft_hyphen": "\u00ad",
    "hangul_filler": "\u3164", "hangul_choseong_filler": "\u115f", "hangul_jungseong_filler": "\u1160",
    "halfwidth_hangul_filler": "\uffa0", "tag": "\U000e0041", "combining_grapheme_joiner": "\u034f",
}


@pytest.mark.parametrize("char", INVISIBLE.values(), ids=INVISIBLE.keys())
def test_a_name_with_invisible_characters_is_the_same_member(council, char):
    started(council)
    before = count(council)
    result = council("member", "add", "王" + char + "芳" + char)
    assert result.exit_code == 1 and "already on the roster" in one_message(result)
    assert count(council) == before


@pytest.mark.parametrize("char", INVISIBLE.values(), ids=INVISIBLE.keys())
def test_a_name_of_only_invisible_characters_is_refused(council, char):
    started(council)
    before = count(council)
    result = council("member", "add", char * 3)
    assert result.exit_code == 2 and "name is empty once invisible" in one_message(result)
    assert count(council) == before


def test_a_recorded_name_keeps_no_invisible_characters(council):
    started(council)
    assert council("member", "add", "\u202e陈\u200b静\u00ad\ufe0f").exit_code == 0
    assert council.events()[-1].payload["name"] == "陈静"
    assert [m.name for m in council.state().roster] == ["王芳", "陈静"]


def test_attend_finds_a_member_typed_with_invisible_characters(seated):
    before = set(seated.state().meeting.present)
    result = seated("attend", "王\u200b芳", "陈\u2060静\u3164")
    assert result.exit_code == 0, result.output
    state = seated.state()
    assert sorted(state.members[i].name for i in set(state.meeting.present) - before) == ["王芳", "陈静"]


def test_a_full_width_space_inside_a_chinese_name_folds_away(council):
    assert council("init", "文华社区", at=AT).exit_code == 0
    for name in ("李　明", "王芳", "陈静"):
        assert council("member", "add", name, at=AT).exit_code == 0
    assert council("meeting", "open", "第4次会议", "--chair", "王芳", at=AT).exit_code == 0
    result = council("attend", "李明", at=AT)
    assert result.exit_code == 0, result.output
    before = count(council)
    again = council("member", "add", "李 明", at=AT)
    assert again.exit_code == 1 and "already on the roster" in one_message(again)
    assert count(council) == before


def test_latin_names_keep_their_inner_space(council):
    started(council)
    assert council("member", "add", "Li Ming").exit_code == 0
    assert council("member", "add", "LiMing").exit_code == 0


def test_an_argument_that_is_not_utf8_is_refused(council):
    started(council)
    before = count(council)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "LC_ALL": "C.UTF-8"}
    for line in ([b"member", b"add", b"\xe9\x99\x88\xff"], [b"move", b"\xff\xfe", b"--by", "王芳".encode()]):
        result = subprocess.run([sys.executable, "-m", "deliberate", "--db", str(council.db), "--lang", "en", *line],
                                capture_output=True, text=True, env=env)
        assert result.returncode == 2 and "UTF-8" in result.stderr and "Traceback" not in result.stderr
    assert count(council) == before


# -- texts -----------------------------------------------------------------------------------


@pytest.mark.parametrize("char", ["\x1b", "\x07", "\r", "\x00", "\x7f", "\x9b"], ids=["esc", "bel", "cr", "nul", "del", "csi"])
def test_a_control_character_in_a_motion_is_refused(seated, char):
    seated("attend", "王芳", "陈静", "刘洋", at="2026-11-20T19:01:00+08:00")
    before = count(seated)
    result = seated("move", f"修缮{char}[2J路灯", "--by", "王芳", at="2026-11-20T19:02:00+08:00")
    assert result.exit_code == 2 and "control character" in one_message(result)
    assert count(seated) == before


def test_a_newline_in_a_motion_is_kept(seated):
    seated("attend", "王芳", "陈静", "刘洋", at="2026-11-20T19:01:00+08:00")
    result = seated("move", "修缮路灯\n并更换灯泡", "--by", "王芳", at="2026-11-20T19:02:00+08:00")
    assert result.exit_code == 0, result.output
    assert seated.events()[-1].payload["text"] == "修缮路灯\n并更换灯泡"


def test_a_control_character_in_a_title_or_reason_is_refused(seated):
    before = count(seated)
    result = seated("member", "remove", "张伟", "--reason", "迁出\x1b[31m")
    assert result.exit_code == 2 and "control character" in one_message(result)
    assert count(seated) == before


def test_a_motion_over_2000_characters_is_refused_naming_the_limit(seated):
    seated("attend", "王芳", "陈静", "刘洋", at="2026-11-20T19:01:00+08:00")
    before = count(seated)
    result = seated("move", "长" * 2001, "--by", "王芳", at="2026-11-20T19:02:00+08:00")
    assert result.exit_code == 2 and "2000" in one_message(result)
    assert count(seated) == before
    result = seated("move", "长" * 2000, "--by", "王芳", at="2026-11-20T19:02:00+08:00")
    assert result.exit_code == 0, result.output


def test_a_reason_over_500_characters_is_refused_naming_the_limit(seated):
    before = count(seated)
    result = seated("member", "remove", "张伟", "--reason", "因" * 501)
    assert result.exit_code == 2 and "500" in one_message(result)
    assert count(seated) == before


def test_a_name_over_60_characters_is_refused_naming_the_limit(council):
    started(council)
    before = count(council)
    result = council("member", "add", "名" * 61)
    assert result.exit_code == 2 and "60" in one_message(result)
    result = council("meeting", "open", "第4次会议", "--chair", "主" * 61)
    assert result.exit_code == 2 and "60" in one_message(result)
    assert count(council) == before


def test_a_title_over_200_characters_is_refused_naming_the_limit(council):
    started(council)
    before = count(council)
    result = council("meeting", "open", "题" * 201, "--chair", "王芳")
    assert result.exit_code == 2 and "200" in one_message(result)
    assert count(council) == before


# -- numbers ---------------------------------------------------------------------------------

HUGE = "1" + "0" * 5000


def test_a_5000_digit_budget_is_refused_with_the_bound(council):
    started(council)
    before = count(council)
    result = council("budget", HUGE)
    message = one_message(result)
    assert result.exit_code == 2 and "10^12" in message
    assert count(council) == before


def test_a_5000_digit_cost_is_refused_with_the_bound(council):
    started(council)
    before = count(council)
    result = council("project", "add", "路灯", "--cost", HUGE)
    assert result.exit_code == 2 and "10^12" in one_message(result)
    result = council("project", "add", "路灯", "--cost", "１" + "０" * 13)
    assert result.exit_code == 2 and "10^12" in one_message(result)
    assert count(council) == before


def test_the_largest_budget_is_accepted(council):
    started(council)
    assert council("budget", "1" + "0" * 12).exit_code == 0


def pb(budget: str = "1000", cost: str = "100", points: str | None = None) -> str:
    votes = "voter_id;vote;points\nv1;p1;" + points if points is not None else "voter_id;vote\nv1;p1"
    return (f"META\nkey;value\nbudget;{budget}\nvote_type;{'cumulative' if points else 'approval'}\n"
            f"PROJECTS\nproject_id;cost\np1;{cost}\nVOTES\n{votes}\n")


@pytest.mark.parametrize("field,text", [("budget", pb(budget=HUGE)), ("cost", pb(cost=HUGE)),
                                        ("points", pb(points=HUGE))])
def test_a_pabulib_file_with_5000_digit_numbers_is_refused(council, tmp_path, field, text):
    path = tmp_path / "election.pb"
    path.write_text(text, encoding="utf-8")
    result = council("ballot", "select", str(path))
    message = one_message(result)
    assert result.exit_code == 2 and "10^12" in message and "line" in message
    assert not council.db.exists()


def test_proof_of_a_huge_event_number_is_refused(council):
    started(council)
    before = council.db.read_bytes()
    result = council("proof", "1180591620717411303424")
    assert result.exit_code == 2 and "10^12" in one_message(result)
    assert council.db.read_bytes() == before


def test_the_log_from_a_huge_event_number_is_refused(council):
    started(council)
    result = council("log", "--since", "1180591620717411303424")
    assert result.exit_code == 2 and "10^12" in one_message(result)
    result = council("log", "--limit", "1" + "0" * 30)
    assert result.exit_code == 2 and "10^12" in one_message(result)
    assert council("log", "--since", "2", "--limit", "1").exit_code == 0


# -- times -----------------------------------------------------------------------------------


def test_a_time_in_year_one_is_refused_with_the_range(council):
    started(council)
    before = count(council)
    result = council("member", "add", "陈静", at="0001-01-01T00:00")
    assert result.exit_code == 2 and "1970" in one_message(result)
    assert count(council) == before


def test_an_empty_time_is_refused(council):
    started(council)
    before = count(council)
    result = council("member", "add", "陈静", "--at", "")
    assert result.exit_code == 2 and "time" in one_message(result)
    assert count(council) == before


def test_a_time_in_the_future_is_refused(council):
    started(council)
    before = count(council)
    tomorrow = (datetime.now().astimezone() + timedelta(days=1)).isoformat(timespec="seconds")
    result = council("member", "add", "陈静", at=tomorrow)
    assert result.exit_code == 2 and "future" in one_message(result)
    far = council("member", "add", "陈静", at="9999-12-31T23:59:59-12:00")
    assert far.exit_code == 2 and "future" in one_message(far)
    assert count(council) == before
    soon = (datetime.now().astimezone() + timedelta(minutes=5)).isoformat(timespec="seconds")
    assert council("member", "add", "陈静", at=soon).exit_code == 0


@pytest.mark.parametrize("when,gist", [("0001-01-01T00:00", "1970"), ("9000-01-01T00:00+08:00", "future")])
def test_an_at_line_out_of_range_in_a_script_is_refused(council, tmp_path, when, gist):
    started(council)
    script = tmp_path / "paper.txt"
    script.write_text(f"@ 2026-11-20T19:00:00+08:00\nmember add 陈静\n@ {when}\nmember add 刘洋\n", encoding="utf-8")
    before = count(council)
    result = council("run", str(script))
    assert result.exit_code == 2 and gist in result.output and "line 3" in result.output
    assert "Traceback" not in result.output
    assert count(council) == before + 1  # the line before it was recorded, the one after it was not


# -- scripts ---------------------------------------------------------------------------------


def test_a_script_with_a_bom_then_invalid_utf8_is_refused_naming_file_and_place(council, tmp_path):
    started(council)
    script = tmp_path / "paper.txt"
    script.write_bytes(b"\xef\xbb\xbfmember add \xe9\x99\x88\xe9\x9d\x99\n# \xff\xfe\nmember add x\n")
    before = count(council)
    result = council("run", str(script))
    message = one_message(result)
    assert result.exit_code == 2 and "paper.txt" in message and "line 2" in message and "byte 23" in message
    assert count(council) == before


def test_a_script_line_over_64_kb_is_refused_with_its_line(council, tmp_path):
    started(council)
    script = tmp_path / "paper.txt"
    script.write_text("member add 陈静\nmove \"" + "x" * 2_000_000 + "\" --by 王芳\nmember add 刘洋\n",
                      encoding="utf-8")
    before = count(council)
    result = council("run", str(script))
    assert result.exit_code == 2 and "line 2" in result.output and "64 KB" in result.output
    assert "Traceback" not in result.output and len(result.output) < 2000
    assert count(council) == before + 1


def test_a_long_word_splits_in_linear_time():
    from deliberate.cli.script import split_line

    word = "长" * 60_000
    assert split_line(f'move "{word}" --by 王芳') == ["move", word, "--by", "王芳"]


@given(st.text(alphabet="ab 王\t#\\'\"\n", max_size=30))
def test_split_line_splits_as_a_posix_shell_does(line):
    from deliberate.cli.script import split_line
    from deliberate.errors import BadInput

    lexer = shlex.shlex(line, posix=True)
    lexer.whitespace_split = True
    lexer.commenters = "#"
    try:
        expected = list(lexer)
    except ValueError as exc:
        with pytest.raises(BadInput) as caught:
            split_line(line)
        assert caught.value.params["why"] == str(exc)
    else:
        assert split_line(line) == expected


# -- databases -------------------------------------------------------------------------------


@pytest.mark.parametrize("verb", ["state", "verify", "log"])
def test_an_empty_file_is_diagnosed_and_left_empty(tmp_path, council, verb):
    council.db.write_bytes(b"")
    result = council(verb)
    assert result.exit_code == 2 and "is an empty file" in one_message(result)
    assert files_of(tmp_path) == {"council.db": b""}


@pytest.mark.parametrize("verb", ["state", "verify", "member list"])
def test_another_programs_sqlite_file_is_diagnosed_and_left_byte_identical(tmp_path, council, verb):
    conn = sqlite3.connect(council.db)
    conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, path TEXT)")
    conn.execute("INSERT INTO photos(path) VALUES ('a.jpg')")
    conn.commit()
    conn.close()
    before = files_of(tmp_path)
    result = council(*verb.split())
    assert result.exit_code == 2 and "not a deliberate" in one_message(result)
    assert files_of(tmp_path) == before


def test_a_file_that_is_not_sqlite_is_left_byte_identical(tmp_path, council):
    council.db.write_text("name,phone\n王芳,13800000000\n", encoding="utf-8")
    before = files_of(tmp_path)
    result = council("state")
    assert result.exit_code == 2 and "not a deliberate" in one_message(result)
    assert files_of(tmp_path) == before


def test_a_database_on_read_only_media_can_be_read_and_verified(council):
    folder, db = council.folder, council.db
    started(council)
    assert council("checkpoint").exit_code == 0
    before = files_of(folder)
    assert "council.db" in before and "council.db-wal" not in before
    state = read_only(folder, "--db", str(db), "--lang", "en", "state")
    assert state.returncode == 0, state.stderr
    assert "文华社区居民议事会" in state.stdout
    verified = read_only(folder, "--db", str(db), "--lang", "en", "verify")
    assert verified.returncode == 0, verified.stderr
    written = read_only(folder, "--db", str(db), "--lang", "en", "member", "add", "陈静")
    assert written.returncode == 2 and "Traceback" not in written.stderr
    assert "cannot write" in written.stderr
    assert files_of(folder) == before
