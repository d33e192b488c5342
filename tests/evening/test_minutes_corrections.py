"""The minutes model honours corrections (issue 14): a retracted event is a line shown as corrected,
and what it did does not count."""

from __future__ import annotations


def ok(result):
    assert result.exit_code == 0, result.output
    return result


def test_the_minutes_show_a_retracted_attendance_as_corrected_and_do_not_count_it(council):
    from deliberate.minutes.model import community_record

    council.seat(8)
    ok(council("attend", "王芳", at=council.clock()))
    ok(council("attend", "黄丽", at=council.clock()))     # the wrong member
    wrong = council.events()[-1].seq
    ok(council("undo", "--reason", "签错了人", at=council.clock()))
    correction = council.events()[-1].seq
    record = community_record(council.app.store.read())
    meeting = record.meetings[-1]
    assert "黄丽" not in meeting.present and "王芳" in meeting.present
    struck = [line for line in meeting.lines if line.seq == wrong]
    assert len(struck) == 1 and struck[0].corrected_by == correction
    assert all(line.corrected_by is None for line in meeting.lines if line.seq != wrong)
