"""`make demo` as a host reads it (issue 14): each script line before its result, a summary at the
end (the meeting, who attended, each decision with counts, the checkpoint and the key fingerprint),
and the sample script copied beside the database, with a pointer to it and to the host guide."""

from __future__ import annotations

import json
import re

import pytest

from tests.conftest import run_cli


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    folder = tmp_path_factory.mktemp("demo_summary")
    result = run_cli("--lang", "en", "demo", "--dir", str(folder))
    assert result.returncode == 0, result.stderr
    return folder, result.stdout


def test_each_script_line_is_shown_before_its_result(demo):
    _, out = demo
    lines = out.splitlines()
    shown = lines.index("› attend 孙悦 马建国 朱小红 胡军")
    assert "孙悦" in lines[shown + 1] and not lines[shown + 1].startswith("›")
    assert "Present 15 / quorum 13" in lines[shown + 2]
    assert "› agenda add 水贝公园临时公厕 --minutes 20" in lines
    assert lines[lines.index("› agenda next") + 1] == "Now before the meeting: a1 水贝公园临时公厕"


def test_the_demo_ends_with_a_summary_a_host_can_read(demo):
    folder, out = demo
    summary = out[out.index("── Summary"):]
    assert "2026年第4次居民议事会" in summary and "15 of 24 present" in summary and "王芳" in summary
    assert re.search(r"在水贝公园增设临时公厕，并在一个月内完成: adopted \(yes \d+, no \d+, abstain \d+\)", summary)
    assert re.search(r"由社区统一为各楼加装空调滴水管，费用由居民分摊: lost \(yes \d+, no \d+", summary)
    verified = json.loads(run_cli("--db", str(folder / "deliberate.db"), "--json", "verify").stdout)
    assert verified["ok"] is True
    fingerprint = re.search(r"Key fingerprint: ([0-9A-F ]{39})", summary).group(1)
    assert fingerprint in run_cli("--db", str(folder / "deliberate.db"), "--lang", "en", "minutes").stdout
    assert re.search(r"Checkpoint: \d+ events, root [0-9a-f]{16}", summary)


def test_the_sample_script_is_copied_and_pointed_to_with_the_host_guide(demo):
    folder, out = demo
    from deliberate.cli.demo import DEMO_DATA

    copied = folder / "meeting.txt"
    assert copied.read_bytes() == (DEMO_DATA / "meeting.txt").read_bytes()
    assert str(copied) in out and "docs/zh/host.md" in out


def test_a_plain_run_does_not_echo_its_lines(council, tmp_path):
    council.seat(5)
    script = tmp_path / "lines.txt"
    script.write_text("attend 王芳\n", encoding="utf-8")
    result = council("run", str(script))
    assert result.exit_code == 0 and "› attend" not in result.output


def test_publishing_one_community_says_no_count_of_communities(council, tmp_path):
    council.seat(3)
    for lang in ("en", "zh"):
        council.lang = lang
        said = council("publish", "--out", str(tmp_path / f"site-{lang}"))
        assert said.exit_code == 0, said.output
        assert "1 communities" not in said.output and "1 个社区" not in said.output, said.output
        assert ("files written" if lang == "en" else "写入") in said.output
