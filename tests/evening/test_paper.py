"""A meeting held before the log's last event, entered from its paper minutes (`meeting open --paper`).

The record still runs forward: outside a paper meeting no time may go back; inside one, the
meeting's own lines run forward among themselves.
"""

from __future__ import annotations

PAPER = """\
# the March meeting, from its paper minutes
@ 2026-03-01T19:00:00+08:00
meeting open "2026年第1次居民议事会（补录）" --chair 李明 --secretary 张伟 --paper
@ 2026-03-01T19:05:00+08:00
attend 王芳 陈静 刘洋
@ 2026-03-01T19:20:00+08:00
move "在3号楼加装电梯" --by 王芳
second --by 陈静
@ 2026-03-01T19:40:00+08:00
vote open
vote count --yes 4 --no 0
vote close
@ 2026-03-01T20:00:00+08:00
meeting close
"""


def closed(council):
    """A community of eight made on 2026-11-20, its live meeting closed."""
    council.seat(8)
    assert council("meeting", "close", at=council.clock()).exit_code == 0, "close"
    return council


def test_a_meeting_held_before_the_community_was_made_is_entered_from_paper(council, tmp_path):
    closed(council)
    before = len(council.events())
    script = tmp_path / "march.txt"
    script.write_text(PAPER, encoding="utf-8")
    result = council("run", str(script), at=council.clock())
    assert result.exit_code == 0, result.stderr
    new = council.events()[before:]
    assert [e.type for e in new][0] == "meeting_opened" and new[0].payload["paper"] is True
    types = [e.type for e in new]
    assert "votes_counted" in types and types[-2:] == ["meeting_closed", "checkpoint"], types
    assert all(e.at.startswith("2026-03-01") for e in new[:-1])
    # the closing is signed at the latest time the record had reached, not back in March
    assert new[-1].at.startswith("2026-11-20")
    state = council.state()
    assert not state.in_session() and state.meetings_held == 2 and state.meeting.paper
    # the record is sound, and its minutes show the meeting at its own times
    assert council("verify").exit_code == 0
    minutes = council("minutes", "--meeting", "2")
    assert minutes.exit_code == 0, minutes.output
    assert "2026-03-01" in minutes.stdout and "entered from paper" in minutes.stdout.lower(), minutes.stdout
    log = council("log")
    assert "entered from paper" in log.stdout, log.stdout


def test_times_inside_a_paper_meeting_must_run_forward(council, tmp_path):
    closed(council)
    script = tmp_path / "march.txt"
    script.write_text(PAPER.replace("@ 2026-03-01T19:20:00+08:00", "@ 2026-03-01T18:50:00+08:00"), encoding="utf-8")
    before = len(council.events())
    code, answer = council.json("run", str(script), at=council.clock())
    assert code == 1 and answer["rule"] == "record.chronology", answer
    assert "paper" in answer["message"], answer
    # the lines before it are recorded (chair, secretary and three members present); the motion is not
    assert [e.type for e in council.events()[before:]] == ["meeting_opened"] + ["attended"] * 5


def test_outside_a_paper_meeting_an_old_time_is_still_refused(council, tmp_path):
    closed(council)
    # before the paper meeting is entered
    code, answer = council.json("member", "add", "马建国", at="2026-03-01T18:00:00+08:00")
    assert code == 1 and answer["rule"] == "record.chronology"
    assert "--paper" in answer["hint"], answer
    script = tmp_path / "march.txt"
    script.write_text(PAPER, encoding="utf-8")
    assert council("run", str(script), at=council.clock()).exit_code == 0
    # after it: the record has reached the live meeting's time, not the paper meeting's close
    code, answer = council.json("member", "add", "马建国", at="2026-03-02T10:00:00+08:00")
    assert code == 1 and answer["rule"] == "record.chronology", answer
    assert answer["message"].count("2026-11-20") == 1, answer
    assert council("member", "add", "马建国", at=council.clock()).exit_code == 0


def test_a_paper_meeting_waits_for_the_live_meeting_to_close(council):
    council.seat(8)
    code, answer = council.json("meeting", "open", "补录", "--chair", "李明", "--paper",
                                at="2026-03-01T19:00:00+08:00")
    assert code == 1 and answer["rule"] == "meeting.already_open", answer


def test_the_fold_of_a_paper_meeting_is_the_state(council, tmp_path):
    closed(council)
    script = tmp_path / "march.txt"
    script.write_text(PAPER, encoding="utf-8")
    assert council("run", str(script), at=council.clock()).exit_code == 0
    council.check_fold()
