"""The console and Chinese verbs (issue 14, group 6): every verb has a Chinese name that works in
the shell, the console and scripts; help lists them; the console's status block stays short."""

from __future__ import annotations

from tests.conftest import run_cli


def ok(result):
    assert result.exit_code == 0, result.output
    return result


def test_every_verb_has_a_chinese_alias_listed_in_help(council):
    from deliberate.cli.main import COMMANDS
    from deliberate.cli.verbs import ALIASES

    assert set(COMMANDS) <= set(ALIASES.values())
    council.seat(3)
    text = ok(council("--help")).output
    assert "签到" in text and "附议" in text and "表决" in text


def test_chinese_verbs_work_in_the_shell_and_in_scripts(council, tmp_path):
    council.seat(5)
    ok(council("签到", "王芳", "陈静", "刘洋", at=council.clock()))
    ok(council("动议", "加装电梯", "--by", "王芳", at=council.clock()))
    script = tmp_path / "evening.txt"
    script.write_text(f"@ {council.clock()}\n附议 --by 刘洋\n举手 陈静 --stance pro\n", encoding="utf-8")
    ok(council("run", str(script)))
    kinds = [e.type for e in council.events()]
    assert "motion_seconded" in kinds and "floor_requested" in kinds


def test_the_console_helps_with_a_verb_and_keeps_the_status_short(council):
    council.seat(8, present="all")
    lines = ("help 签到\n"
             "提议 加装电梯 --by 王芳\n"
             "附议 --by 刘洋\n"
             "status\n")
    done = run_cli("--db", str(council.db), "--lang", "zh", "--at", council.clock(), "console", stdin=lines)
    out = done.stdout
    assert "用法：deliberate attend" in out and "签到" in out, out  # help 签到: attend's own help, in Chinese
    blocks = [b.split("\n")[0:] for b in out.split("── ")[1:]]
    assert len(blocks) == 3, out   # after help, the motion and the second; `status` shows its own
    for block in blocks:
        shown = [block[0]] + [line for line in block[1:] if line.startswith("   ")]
        assert len(shown) <= 4, block
    assert "q1" in "".join(blocks[2][:4])  # what is pending comes first
    assert "输入 status 查看全部" in out
    # `status` shows the full view: the names present and what is in order
    assert "现在可以提出" in out.split("── ")[-1]


def test_console_completion_offers_the_chinese_verbs(council):
    from deliberate.cli.console import words_for_completion
    from deliberate.cli.context import session_from

    council.seat(3)
    session = session_from({"db": str(council.db), "lang": "zh"})
    try:
        words = words_for_completion(session)
    finally:
        session.close()
    assert {"签到", "附议", "表决", "status", "王芳"} <= set(words)


def test_the_short_status_puts_the_speaker_and_the_question_before_the_rest(council):
    council.seat(8, present="all")
    lines = ("提议 加装电梯 --by 王芳\n"
             "附议 --by 刘洋\n"
             "举手 陈静 --stance pro\n"
             "举手 张伟 --stance con\n"
             "准许发言\n"
             "发言\n")
    done = run_cli("--db", str(council.db), "--lang", "zh", "--at", council.clock(), "console", stdin=lines)
    last = done.stdout.split("── ")[-1].splitlines()
    shown = [last[0]] + [line for line in last[1:] if line.startswith("   ")]
    assert len(shown) <= 4, shown
    assert any("发言中：陈静" in line for line in shown), shown     # who speaks, and the time
    assert any("▶ q1" in line for line in shown), shown          # on what
    assert any("张伟" in line for line in shown), shown           # who is next
