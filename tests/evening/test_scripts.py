"""Scripts checked before they touch the record, resumed after a fix, and re-run over an existing community."""

from __future__ import annotations

SCRIPT = """\
init 文华社区居民议事会
attend 王芳 陈静 刘洋 张伟
attend 无名氏
move "在3号楼加装电梯" --by 王芳
second --by 陈静
vote open
vote count --yes 9 --no 0
"""


def test_run_check_reports_every_refused_line_and_records_nothing(council, tmp_path):
    council.seat(8)
    script = tmp_path / "meeting.txt"
    script.write_text(SCRIPT, encoding="utf-8")
    before = len(council.events())
    result = council("run", "--check", str(script), at=council.clock())
    assert result.exit_code != 0
    assert "line 3" in result.stderr and "line 7" in result.stderr, result.stderr
    assert "nothing was recorded" in result.stderr
    assert len(council.events()) == before
    # what a line would do is not shown: only what would be refused (and never the scratch copy's path)
    assert "Present" not in result.stdout and "check.db" not in result.output, result.output


def test_run_from_resumes_after_a_fix_and_init_of_the_same_community_is_skipped(council, tmp_path):
    council.seat(8)
    script = tmp_path / "meeting.txt"
    script.write_text(SCRIPT.replace("vote count --yes 9", "vote count --yes 3"), encoding="utf-8")
    result = council("run", str(script), at=council.clock())
    assert result.exit_code == 1 and "init skipped" in result.stderr and "line 3" in result.stderr, result.stderr
    result = council("run", "--from", "4", str(script), at=council.clock())
    assert result.exit_code == 0, result.stderr
    assert [e.type for e in council.events()][-1] == "votes_counted"


def test_serve_and_booth_wait_for_people_so_a_script_refuses_them_naming_the_verb(council, tmp_path):
    council.seat(8)
    before = len(council.events())
    for verb in ("serve", "booth"):
        script = tmp_path / f"{verb}.txt"
        script.write_text(f"{verb}\n", encoding="utf-8")
        result = council("run", str(script), at=council.clock())
        assert result.exit_code == 2, (verb, result.exit_code, result.stderr)
        assert f"'{verb}' cannot be used inside a script" in result.stderr and "line 1" in result.stderr
    assert len(council.events()) == before
