"""One grammar: the shell, the console and a script parse the same lines the same way."""

import json
import os
from pathlib import Path

import click
import pytest

from tests.conftest import run_cli


def test_global_options_work_before_and_after_the_verb(seated):
    from click.testing import CliRunner

    from deliberate.cli.main import root

    runner = CliRunner()
    after = runner.invoke(root, ["quorum", "--db", str(seated.db), "--json", "--lang", "zh"])
    before = runner.invoke(root, ["--json", "--lang", "zh", "--db", str(seated.db), "quorum"])
    assert after.exit_code == before.exit_code == 0
    assert json.loads(after.stdout) == json.loads(before.stdout)


def test_errors_answer_in_json_with_rule_message_and_hint(seated):
    code, answer = seated.json("attend", "不存在的人")
    assert code == 1
    assert set(answer) >= {"ok", "rule", "message", "hint"} and answer["ok"] is False


def test_bad_usage_exits_2_in_json_too(seated):
    code, answer = seated.json("meeting", "open")
    assert code == 2 and answer["rule"] == "usage"
    code, answer = seated.json("attend", "王芳", at="yesterday evening")
    assert code == 2 and answer["rule"] == "input.bad_time"


def test_messages_come_in_chinese_and_english(seated):
    seated.lang = "zh"
    zh = seated("attend", "王芳").output
    assert "签到" in zh and "法定人数" in zh
    seated.lang = "en"
    assert "Present" in seated("attend", "陈静").output


def test_the_database_comes_from_the_environment(seated, tmp_path):
    result = run_cli("quorum", "--json", cwd=tmp_path, env={"DELIBERATE_DB": str(seated.db)})
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["present"] == 1


def test_a_missing_database_says_how_to_make_one(tmp_path):
    result = run_cli("--db", str(tmp_path / "none.db"), "--lang", "en", "quorum")
    assert result.returncode == 2 and "deliberate init" in result.stderr


def test_a_database_that_is_not_ours_exits_2(tmp_path):
    other = tmp_path / "photo.db"
    other.write_bytes(b"\x89PNG\r\n" + bytes(200))
    result = run_cli("--db", str(other), "--lang", "en", "state")
    assert result.returncode == 2 and "not a deliberate database" in result.stderr


def test_a_script_runs_line_by_line_and_stops_at_the_first_refusal(seated, tmp_path):
    script = tmp_path / "meeting.txt"
    script.write_text("# 签到\n@ 2026-11-20T19:05:00+08:00\nattend 王芳\n"
                      "attend 王芳   # twice\nattend 陈静\n", encoding="utf-8")
    result = seated("run", str(script))
    assert result.exit_code == 1
    assert "line 4" in result.output
    names = [seated.state().members[i].name for i in seated.state().meeting.present]
    assert names == ["李明", "王芳"]
    assert seated.events()[-1].at == "2026-11-20T19:05:00.000+08:00"


def test_keep_going_runs_past_a_refused_line(seated, tmp_path):
    script = tmp_path / "meeting.txt"
    script.write_text("attend 王芳\nattend 王芳\nattend 陈静\n", encoding="utf-8")
    result = seated("run", str(script), "--keep-going")
    assert result.exit_code == 1
    assert len(seated.state().meeting.present) == 3


def test_a_script_line_may_carry_its_own_time_and_quotes(seated, tmp_path):
    script = tmp_path / "m.txt"
    script.write_text('attend "王芳" --at 2026-11-20T19:10:00+08:00\n', encoding="utf-8")
    assert seated("run", str(script)).exit_code == 0
    assert seated.events()[-1].at == "2026-11-20T19:10:00.000+08:00"


def test_a_script_with_unbalanced_quotes_names_the_line(seated, tmp_path):
    script = tmp_path / "m.txt"
    script.write_text('attend 王芳\nattend "陈静\n', encoding="utf-8")
    result = seated("run", str(script))
    assert result.exit_code == 2 and "line 2" in result.output


def test_the_console_reads_the_same_lines_and_shows_the_state(seated):
    result = run_cli("--db", str(seated.db), "--lang", "en", "console",
                     stdin="attend 王芳\nattend 王芳\nquorum\nexit\n")
    assert result.returncode == 0
    assert "Present: 王芳" in result.stdout
    assert "already present" in result.stderr
    assert result.stdout.count("Present 2 / quorum 3") >= 2


def test_every_command_has_help_in_both_languages():
    from deliberate.cli.main import COMMANDS, root

    ctx = click.Context(root)
    chinese = __import__("re").compile(r"[\u4e00-\u9fff]")
    for name in COMMANDS:
        command = root.get_command(ctx, name)
        if command is None:
            continue
        commands = [command] + (list(command.commands.values()) if isinstance(command, click.Group) else [])
        for each in commands:
            help_text = each.help or ""
            assert chinese.search(help_text) and __import__("re").search(r"[A-Za-z]{3}", help_text), each.name


def test_help_is_quick_to_reach_from_a_subprocess():
    result = run_cli("--help")
    assert result.returncode == 0 and "init" in result.stdout and "attend" in result.stdout


def test_init_twice_is_refused(council):
    assert council("init", "文华社区").exit_code == 0
    result = council("init", "文华社区")
    assert result.exit_code == 2 and "already exists" in result.output


def test_init_in_a_read_only_directory_fails_cleanly(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    db = folder / "council.db"
    if os.geteuid() == 0:
        # root ignores permissions: make the folder read-only with a private read-only bind mount
        import shlex
        import subprocess
        import sys

        inner = " ".join(shlex.quote(a) for a in [sys.executable, "-m", "deliberate", "--db", str(db),
                                                   "--lang", "en", "init", "某社区"])
        command = (f"mount --bind {folder} {folder} && mount -o remount,bind,ro {folder} && {inner}")
        result = subprocess.run(["unshare", "-m", "sh", "-c", command], capture_output=True, text=True,
                                env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])})
    else:
        folder.chmod(0o555)
        result = run_cli("--db", str(db), "--lang", "en", "init", "某社区")
    assert result.returncode == 2, result.stderr
    assert "cannot create the database" in result.stderr
    assert not db.exists()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_state_json_has_the_same_shape_in_both_languages(seated, lang):
    seated.lang = lang
    code, data = seated.json("state")
    assert code == 0 and data["meeting"]["chair"] == "李明" and data["quorum"]["required"] == 3


def test_a_line_marked_with_bang_must_be_refused(seated, tmp_path):
    script = tmp_path / "training.txt"
    script.write_text("attend 王芳\n! attend 王芳\nattend 陈静\n", encoding="utf-8")
    result = seated("run", str(script))
    assert result.exit_code == 0 and "as expected" in result.output
    assert len(seated.state().meeting.present) == 3
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("! attend 刘洋\nattend 张伟\n", encoding="utf-8")
    result = seated("run", str(wrong))
    assert result.exit_code == 1 and "expected to be refused" in result.output
    assert "张伟" not in [seated.state().members[i].name for i in seated.state().meeting.present]


def test_every_command_answers_bad_usage_in_json(seated):
    from deliberate.cli.main import COMMANDS, root

    ctx = click.Context(root)
    paths = []
    for name in COMMANDS:
        command = root.get_command(ctx, name)
        if isinstance(command, click.Group):
            paths += [[name, sub] for sub in command.commands]
        elif command is not None:
            paths.append([name])
    assert len(paths) > 30
    for path in paths:
        result = seated(*path, "--no-such-option", "--json")
        answer = json.loads(result.stdout)
        assert result.exit_code == 2 and answer["ok"] is False and answer["message"], path
