"""The pending-question stack: precedence, seconds, stating the question, who may act (RONR §5, §4, §10)."""

from __future__ import annotations

from deliberate.meeting import CloseMeeting, Depart
from deliberate.motions.engine import Lapse, MakeMotion, Second, Withdraw
from deliberate.question import pending_ids, pending_question

TOILET = "在水贝公园增设临时公厕"


def test_main_motion_made_seconded_and_stated(meeting):
    stored = meeting.motion("main_motion", "王芳", TOILET)
    assert [e.type for e in stored] == ["motion_made"]
    assert stored[0].payload == {"id": "q1", "motion": "main_motion", "text": TOILET,
                                 "maker": meeting.member("王芳"), "target": None, "params": {}, "pending": True}
    assert pending_question(meeting.state()) is None   # not stated until seconded
    stored = meeting.ok(Second, "陈静")
    assert [e.type for e in stored] == ["motion_seconded", "question_stated"]
    question = pending_question(meeting.state())
    assert (question.id, question.motion, question.text, question.debatable) == ("q1", "main_motion", TOILET, True)
    assert pending_ids(meeting.state()) == ["q1"]
    meeting.check_fold()


def test_ronr_second_the_maker_cannot_second(meeting):
    meeting.motion("main_motion", "王芳", TOILET)
    refusal = meeting.refused("ronr.second", Second, "王芳")
    assert "王芳" in refusal.message("zh") and refusal.hint("en")


def test_ronr_second_nothing_awaits_a_second(meeting):
    meeting.refused("ronr.second", Second, "陈静")
    meeting.moved("main_motion", "王芳", TOILET, second="陈静")
    meeting.refused("ronr.second", Second, "刘洋")


def test_a_motion_awaiting_a_second_blocks_other_business_until_it_lapses(meeting):
    meeting.motion("main_motion", "王芳", TOILET)
    meeting.refuse_motion("ronr.second", "adjourn", "刘洋")
    stored = meeting.ok(Lapse)
    assert stored[0].payload == {"id": "q1", "status": "lapsed"}
    assert meeting.m.stack == [] and meeting.status("q1") == "lapsed"
    meeting.moved("main_motion", "刘洋", "增设路灯", second="陈静")


def test_ronr_precedence_main_motion_only_when_nothing_pending(meeting):
    meeting.moved("main_motion", "王芳", TOILET, second="陈静")
    refusal = meeting.refuse_motion("ronr.precedence", "main_motion", "刘洋", "增设路灯")
    assert "q1" in refusal.message("en") and refusal.hint("zh")


def test_ronr_precedence_lower_rank_refused_over_higher(meeting):
    meeting.moved("main_motion", "王芳", TOILET, second="陈静")
    meeting.moved("commit_or_refer", "刘洋", to="环境小组", second="陈静")          # rank 4
    refusal = meeting.refuse_motion("ronr.precedence", "postpone_indefinitely", "赵磊")  # rank 2
    assert refusal.params["other_id"] == "q2"
    # a higher rank is in order, and the stack stays ordered
    meeting.moved("lay_on_the_table", "赵磊", second="陈静")                        # rank 8
    meeting.moved("adjourn", "周杰", second="陈静")                                 # rank 12
    assert meeting.stack_kinds() == ["main_motion", "commit_or_refer", "lay_on_the_table", "adjourn"]
    meeting.refuse_motion("ronr.precedence", "recess", "吴敏")                      # rank 11 < 12


def test_subsidiary_applies_to_the_highest_motion_it_can(meeting):
    meeting.moved("main_motion", "王芳", TOILET, second="陈静")
    amend = meeting.moved("amend", "刘洋", second="陈静", amendment={"insert": "，并在一个月内完成"})
    refer = meeting.moved("commit_or_refer", "赵磊", to="环境小组", second="陈静")
    assert meeting.m.items[amend].target == "q1"
    assert meeting.m.items[refer].target == "q1"       # commit cannot apply to an amendment: to the main
    # an amendment of the pending referral (rank 3 below 4, but it applies to it)
    amend2 = meeting.moved("amend", "周杰", second="陈静", amendment={"substitute": "绿化小组"})
    assert meeting.m.items[amend2].target == refer
    meeting.check_fold()


def test_vote_order_is_reverse_of_stating(meeting):
    meeting.moved("main_motion", "王芳", TOILET, second="陈静")
    meeting.moved("amend", "刘洋", second="陈静", amendment={"insert": "，并在一个月内完成", "after": "临时公厕"})
    meeting.moved("previous_question", "陈静", second="王芳")
    order = []
    for _ in range(3):
        order.append(pending_question(meeting.state()).motion)
        meeting.vote(9, 1)
    assert order == ["previous_question", "amend", "main_motion"]
    assert meeting.status("q1") == "adopted"
    assert meeting.m.results[-1].text == "在水贝公园增设临时公厕，并在一个月内完成"


def test_ronr_present_only_present_members_move_and_second(make_meeting):
    mt = make_meeting(present=["王芳", "陈静", "刘洋", "赵磊", "周杰", "吴敏", "徐强"])
    mt.refuse_motion("ronr.present", "main_motion", "孙悦", TOILET)
    mt.motion("main_motion", "王芳", TOILET)
    mt.refused("ronr.present", Second, "孙悦")
    mt.refused("roster.unknown", Second, "不存在的人")


def test_luohu_neutral_chair_makes_no_motion_and_seconds_nothing(meeting):
    refusal = meeting.refuse_motion("luohu.neutral_chair", "main_motion", "李明", TOILET)
    assert refusal.hint("zh")
    meeting.motion("main_motion", "王芳", TOILET)
    meeting.refused("luohu.neutral_chair", Second, "李明")


def test_ronr_neutral_chair_under_robert(robert):
    robert.refuse_motion("ronr.neutral_chair", "main_motion", "李明", TOILET)


def test_ronr_quorum_no_business_without_a_quorum(meeting):
    meeting.ok(Depart, ("王芳", "陈静", "刘洋", "杨秀英", "赵磊", "黄丽"))     # 6 of 12 left
    refusal = meeting.refuse_motion("ronr.quorum", "main_motion", "周杰", TOILET)
    assert refusal.params["required"] == 7
    # without a quorum, the assembly may still adjourn (§40:7)
    meeting.moved("adjourn", "周杰", second="吴敏")


def test_quorum_not_required_when_the_rules_say_so(make_meeting):
    mt = make_meeting(present=["王芳", "陈静"], changes={"business": {"quorum_required": False}})
    mt.moved("main_motion", "王芳", TOILET, second="陈静")


def test_withdraw_before_stated_is_free_after_by_consent(meeting):
    meeting.motion("main_motion", "王芳", TOILET)
    meeting.refused("ronr.withdraw", Withdraw, "陈静")
    stored = meeting.ok(Withdraw, "王芳")
    assert stored[0].payload["reason"] == "before_stated"
    meeting.moved("main_motion", "王芳", TOILET, second="陈静")
    stored = meeting.ok(Withdraw, "王芳")
    assert stored[0].payload == {"id": "q2", "status": "withdrawn", "reason": "general_consent"}
    assert meeting.m.stack == []


def test_request_to_withdraw_is_voted_when_someone_objects(meeting):
    meeting.moved("main_motion", "王芳", TOILET, second="陈静")
    stored = meeting.ok(Withdraw, "王芳", True)
    assert stored[0].payload["motion"] == "request_to_withdraw_or_modify_motion"
    assert meeting.stack_kinds() == ["main_motion", "request_to_withdraw_or_modify_motion"]
    assert pending_question(meeting.state()).motion == "request_to_withdraw_or_modify_motion"  # needs no second
    meeting.vote(8, 2)
    assert meeting.status("q1") == "withdrawn" and meeting.m.stack == []


def test_request_to_withdraw_only_by_the_maker(meeting):
    meeting.moved("main_motion", "王芳", TOILET, second="陈静")
    meeting.refuse_motion("ronr.maker", "request_to_withdraw_or_modify_motion", "刘洋")


def test_meeting_cannot_close_over_a_pending_question(meeting):
    meeting.moved("main_motion", "王芳", TOILET, second="陈静")
    refusal = meeting.refused("ronr.pending", CloseMeeting)
    assert "q1" in refusal.message("zh")
    meeting.vote(9, 1)
    meeting.ok(CloseMeeting)


def test_unknown_motion_is_refused(meeting):
    meeting.refused("motions.unknown", MakeMotion, "filibuster", "王芳", "", {})
