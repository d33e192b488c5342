"""The sample meeting: a Luohu council from a GB18030 roster to a signed, verifiable record."""

import json
import sqlite3

import pytest

from tests.conftest import run_cli


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    folder = tmp_path_factory.mktemp("demo")
    result = run_cli("--lang", "en", "demo", "--dir", str(folder))
    assert result.returncode == 0, result.stderr
    return folder, result


def events(folder, kind):
    conn = sqlite3.connect(folder / "deliberate.db")
    try:
        return [json.loads(p) for (p,) in conn.execute("SELECT payload FROM events WHERE type = ?", (kind,))]
    finally:
        conn.close()


def test_the_roster_comes_from_a_gb18030_spreadsheet(demo):
    folder, _ = demo
    from deliberate.cli.demo import DEMO_DATA

    assert (DEMO_DATA / "residents.csv").read_bytes().decode("gb18030").startswith("序号")
    assert not (folder / "residents_gb18030.csv").exists()  # imported from the package: no copy left behind
    assert len(events(folder, "member_added")) == 24


def test_every_project_gets_the_outcome_the_council_gave_it(demo):
    folder, _ = demo
    mains = {e["text"]: e["outcome"] for e in events(folder, "vote_closed") if e["motion"] == "main_motion"}
    assert mains == {
        "在水贝公园增设临时公厕，并在一个月内完成": "adopted",
        "开放文华大厦地下停车场夜间（晚七点至早七点）共享车位": "adopted",
        "由社区统一为各楼加装空调滴水管，费用由居民分摊": "lost",
        "推选王芳为居民议事会与街道办的联络员": "adopted",       # by secret ballot (phones and paper)
    }
    referred = [e for e in events(folder, "vote_closed") if e["motion"] == "commit_or_refer"]
    assert referred and referred[0]["adopted"] and referred[0]["text"] == "环境小组"


def test_debate_takes_turns_with_a_call_to_order_and_a_refused_third_speech(demo):
    folder, result = demo
    stances = [e["stance"] for e in events(folder, "speech_started")]
    assert stances[:2] == ["pro", "con"]
    assert len(events(folder, "called_to_order")) == 1
    assert "luohu.limits" in result.stderr and "refused, as expected" in result.stderr


def test_the_quorum_is_reached_after_late_arrivals(demo):
    folder, result = demo
    assert "Present 11 / quorum 13 (roster 24): no quorum." in result.stdout
    assert "Present 15 / quorum 13 (roster 24): quorum present." in result.stdout


def test_the_record_is_signed_and_verifies(demo):
    folder, _ = demo
    assert len(events(folder, "checkpoint")) == 3    # each poll's close (receipts prove against it), the meeting's
    verified = run_cli("--db", str(folder / "deliberate.db"), "verify", "--json")
    assert verified.returncode == 0 and json.loads(verified.stdout)["ok"] is True


def test_the_project_list_and_budget_are_recorded_and_exported(demo):
    folder, _ = demo
    from deliberate.ballots.pabulib import read_pb

    assert [e["amount"] for e in events(folder, "budget_set")] == [300000]
    assert len(events(folder, "project_added")) == 4
    exported = read_pb(folder / "projects.pb")
    assert exported.budget == 300000 and len(exported.projects) == 4


def test_the_demo_ends_with_a_summary_of_decisions_with_counts_and_the_fingerprint(demo):
    import re

    folder, result = demo
    summary = result.stdout[result.stdout.index("── Summary"):]
    mains = {e["question"]: e for e in events(folder, "vote_closed") if e["motion"] == "main_motion"}
    for question, vote in mains.items():
        counts = f"{vote['outcome']} (yes {vote['yes']}, no {vote['no']}, abstain {vote['abstain']})"
        assert f"{question} " in summary and counts in summary, (question, counts)
    key = events(folder, "community_created")[0]["public_key"]
    from deliberate.narrate import fingerprint

    assert f"Key fingerprint: {fingerprint(key)}" in summary
    assert re.search(r"Checkpoint: \d+ events", summary) and "docs/zh/host.md" in summary
