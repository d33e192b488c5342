"""Mistakes corrected in the record (issue 14): undo and correct, honoured by the fold, shown in log."""

from __future__ import annotations


def ok(result):
    assert result.exit_code == 0, result.output
    return result


def test_undo_takes_back_the_last_action_and_the_fold_honours_it(council):
    council.seat(8)
    ok(council("attend", "王芳", "陈静", at=council.clock()))
    ok(council("attend", "黄丽", at=council.clock()))          # the wrong member
    wrong = council.events()[-1].seq
    result = ok(council("undo", "--reason", "签错了人", at=council.clock()))
    assert str(wrong) in result.output
    present = [council.name(i) for i in council.state().meeting.present]
    assert "黄丽" not in present and "王芳" in present
    council.check_fold()   # the state refolded from the file is the same
    # the original stays in the log, struck out, and the correction is said in words
    log = ok(council("log")).output
    assert "[retracted]" in log and "签错了人" in log
    events = council.events()
    assert events[wrong - 1].type == "attended" and events[-1].type == "corrected"
    # she can now be marked present for real, and verify accepts the record
    ok(council("attend", "黄丽", at=council.clock()))
    assert ok(council("verify")).exit_code == 0


def test_undo_again_takes_back_the_action_before(council):
    council.seat(8)
    ok(council("attend", "王芳", at=council.clock()))
    ok(council("attend", "陈静", at=council.clock()))
    ok(council("undo", at=council.clock()))
    ok(council("undo", at=council.clock()))
    assert council.state().meeting.present == [council.member("李明")]
    code, answer = council.json("undo", at=council.clock())
    assert code == 1 and answer["rule"] == "record.correct", answer


def test_correct_retracts_an_earlier_action_nothing_depends_on(council):
    council.seat(8)
    ok(council("attend", "王芳", at=council.clock()))
    ok(council("attend", "黄丽", at=council.clock()))
    wrong = council.events()[-1].seq
    ok(council("attend", "陈静", at=council.clock()))
    ok(council("correct", str(wrong), "--reason", "黄丽没来", at=council.clock()))
    present = {council.name(i) for i in council.state().meeting.present}
    assert present == {"李明", "王芳", "陈静"}
    council.check_fold()


def test_correct_says_what_depends_on_it_and_records_nothing(council):
    council.seat(8)
    ok(council("attend", "王芳", "陈静", "刘洋", "张伟", "赵磊", at=council.clock()))
    arrival = council.events()[-1].seq
    ok(council("move", "在3号楼加装电梯", "--by", "赵磊", at=council.clock()))
    before = len(council.events())
    code, answer = council.json("correct", str(arrival), "--reason", "记错", at=council.clock())
    assert code == 1 and answer["rule"] == "record.correct", answer
    assert str(before) in answer["message"]
    assert len(council.events()) == before
    code, answer = council.json("correct", str(arrival), at=council.clock())
    assert code == 2  # --reason is required


def test_a_correction_cannot_reach_outside_this_meeting(council):
    council.seat(8)
    code, answer = council.json("correct", "2", "--reason", "x", at=council.clock())
    assert code == 1 and answer["rule"] == "record.correct", answer


def test_a_correction_refused_for_what_depends_on_it_names_the_whole_action(council):
    council.seat(8, present=())
    ok(council("attend", "王芳", "陈静", "刘洋", "张伟", "赵磊", at=council.clock()))
    first = len(council.events()) - 4
    ok(council("move", "在3号楼加装电梯", "--by", "王芳", at=council.clock()))
    code, answer = council.json("correct", str(first + 2), "--reason", "刘洋 arrived later", at=council.clock())
    assert code == 1 and f"event {first}–{first + 4}" in answer["message"], answer
    assert str(first + 5) in answer["message"], answer
