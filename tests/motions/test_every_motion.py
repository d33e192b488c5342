"""A story for every motion of the chart, named after its section of RONR.

`test_every_chart_motion_has_a_story` keeps the list honest: a motion added to the chart
without a story here fails it.
"""

from __future__ import annotations

from deliberate.meeting import Attend
from deliberate.motions.chart import MOTION_IDS
from deliberate.motions.engine import Second
from deliberate.motions.rulings import MakeRuling
from deliberate.motions.voting import CloseVote, CountVotes, OpenVote, RollCall
from deliberate.question import pending_question

TOILET = "在水贝公园增设临时公厕"
STORIES = {}


def story(*kinds):
    def mark(function):
        for kind in kinds:
            STORIES[kind] = function.__name__
        return function

    return mark


def main(mt, text=TOILET):
    return mt.moved("main_motion", "王芳", text, second="陈静")


@story("main_motion")
def test_ronr_10_main_motion_adopted(meeting):
    main(meeting)
    assert meeting.vote(9, 2)["outcome"] == "adopted"
    assert meeting.status("q1") == "adopted"


@story("amend")
def test_ronr_12_amend_then_adopt_as_amended(meeting):
    main(meeting)
    meeting.moved("amend", "刘洋", second="陈静", amendment={"insert": "，并在一个月内完成", "after": "临时公厕"})
    meeting.vote(8, 2)
    meeting.vote(9, 1)
    assert meeting.m.results[-1].text == "在水贝公园增设临时公厕，并在一个月内完成"


@story("postpone_indefinitely")
def test_ronr_11_postpone_indefinitely_kills_the_main(meeting):
    main(meeting)
    meeting.moved("postpone_indefinitely", "刘洋", second="赵磊")
    assert pending_question(meeting.state()).debatable is True
    meeting.vote(6, 4)
    assert meeting.status("q1") == "postponed_indefinitely" and meeting.m.stack == []


@story("commit_or_refer")
def test_ronr_13_commit_sends_the_main_and_its_amendments_to_a_committee(meeting):
    main(meeting)
    meeting.moved("amend", "刘洋", second="陈静", amendment={"strike": "临时"})
    refer = meeting.moved("commit_or_refer", "王芳", to="环境小组", second="刘洋")
    assert pending_question(meeting.state()).debatable == "restricted"
    meeting.vote(8, 2)
    assert meeting.status("q1") == "referred" and meeting.m.items["q1"].params["committee"] == "环境小组"
    assert meeting.status("q2") == "referred" and meeting.m.stack == []
    assert meeting.text(refer) == "环境小组"


@story("postpone_to_a_certain_time")
def test_ronr_14_postpone_to_a_certain_time_and_special_order_needs_two_thirds(meeting):
    main(meeting)
    meeting.refuse_motion("motions.input", "postpone_to_a_certain_time", "刘洋")
    meeting.moved("postpone_to_a_certain_time", "刘洋", to="下次会议", second="赵磊", flags=["special_order"])
    result = meeting.vote(6, 4)
    assert (result["requirement"], result["adopted"]) == ("two_thirds", False)
    meeting.moved("postpone_to_a_certain_time", "刘洋", to="下次会议", second="赵磊")
    assert meeting.vote(6, 4)["adopted"]
    assert meeting.status("q1") == "postponed" and meeting.m.items["q1"].params["until"] == "下次会议"


@story("limit_or_extend_limits_of_debate")
def test_ronr_15_limit_debate_needs_two_thirds_and_sets_the_floor_limits(meeting):
    main(meeting)
    meeting.refuse_motion("motions.input", "limit_or_extend_limits_of_debate", "刘洋")
    meeting.moved("limit_or_extend_limits_of_debate", "刘洋", second="赵磊", seconds=60, speeches=1)
    assert pending_question(meeting.state()).debatable is False
    meeting.vote(8, 3)
    question = pending_question(meeting.state())
    assert question.id == "q1" and question.limits == {"seconds": 60, "speeches": 1}


@story("previous_question")
def test_ronr_16_previous_question_closes_debate(meeting):
    main(meeting)
    meeting.moved("previous_question", "陈静", second="王芳")
    meeting.vote(8, 2)
    assert pending_question(meeting.state()).debatable is False


@story("lay_on_the_table", "take_from_the_table")
def test_ronr_17_34_lay_on_the_table_and_take_from_it(meeting):
    main(meeting)
    meeting.moved("amend", "刘洋", second="陈静", amendment={"strike": "临时"})
    meeting.moved("lay_on_the_table", "赵磊", second="周杰")
    meeting.vote(7, 3)
    assert meeting.m.stack == [] and meeting.m.tabled == [["q1", "q2"]]
    assert meeting.status("q1") == "tabled"
    meeting.refuse_motion("ronr.take_from_table", "take_from_the_table", "吴敏", question="q9")
    main(meeting, "增设路灯")
    meeting.refuse_motion("ronr.precedence", "take_from_the_table", "吴敏", question="q1")
    meeting.vote(9, 1)
    meeting.moved("take_from_the_table", "吴敏", question="q1", second="徐强")
    meeting.vote(7, 3)
    assert meeting.stack_kinds() == ["main_motion", "amend"] and meeting.status("q1") == "pending"
    meeting.check_fold()


@story("call_for_orders_of_the_day")
def test_ronr_18_call_for_orders_of_the_day_on_one_members_demand(meeting):
    main(meeting)
    # nothing is due (no agenda, nothing postponed): the call has nothing to enforce (issue 14)
    meeting.refuse_motion("ronr.orders_of_the_day", "call_for_orders_of_the_day", "刘洋")
    # q1 postponed, as a special order, to a time already past: its time has come
    meeting.moved("postpone_to_a_certain_time", "刘洋", to="19:00", second="赵磊", flags=["special_order"])
    assert meeting.vote(9, 1)["adopted"] and meeting.m.stack == []
    stored = meeting.motion("call_for_orders_of_the_day", "刘洋")
    assert [e.type for e in stored] == ["motion_made", "motion_disposed", "agenda_taken_up"]
    assert stored[1].payload["status"] == "granted" and stored[2].payload["item"] == "q1"
    assert meeting.stack_kinds() == ["main_motion"]


@story("raise_question_of_privilege")
def test_ronr_19_question_of_privilege_the_chair_admits_it(meeting):
    main(meeting)
    meeting.refuse_motion("motions.input", "raise_question_of_privilege", "刘洋")
    meeting.motion("raise_question_of_privilege", "刘洋", "会场太吵，听不清")
    assert meeting.stack_kinds()[-1] == "raise_question_of_privilege"
    meeting.refused("ronr.voting", OpenVote, "hands")           # the chair decides, no vote
    meeting.ok(MakeRuling, "请大家保持安静", "admitted")
    assert meeting.stack_kinds() == ["main_motion"]


@story("recess")
def test_ronr_20_recess(meeting):
    main(meeting)
    meeting.moved("recess", "刘洋", second="赵磊", minutes=10)
    assert meeting.m.items["q2"].params["minutes"] == 10
    assert meeting.vote(8, 2)["adopted"]
    assert meeting.stack_kinds() == ["main_motion"]


@story("adjourn")
def test_ronr_21_adjourn_closes_the_meeting_and_leaves_unfinished_business(meeting):
    main(meeting)
    meeting.refuse_motion("ronr.adjourn", "adjourn", "刘洋", to="明天")
    meeting.moved("adjourn", "刘洋", second="赵磊")
    meeting.ok(OpenVote, "hands")
    meeting.ok(CountVotes, 8, 2, 0)
    stored = meeting.ok(CloseVote)
    assert [e.type for e in stored] == ["vote_closed", "meeting_closed"]
    assert not meeting.state().in_session()
    assert meeting.status("q1") == "unfinished" and meeting.m.stack == []
    meeting.check_fold()


def test_ronr_21_adjourn_lost_the_meeting_goes_on(meeting):
    main(meeting)
    meeting.moved("adjourn", "刘洋", second="赵磊")
    assert not meeting.vote(3, 7)["adopted"]
    assert meeting.state().in_session() and meeting.stack_kinds() == ["main_motion"]


@story("fix_time_to_which_to_adjourn")
def test_ronr_22_fix_the_time_to_which_to_adjourn(meeting):
    main(meeting)
    meeting.refuse_motion("motions.input", "fix_time_to_which_to_adjourn", "刘洋")
    meeting.moved("fix_time_to_which_to_adjourn", "刘洋", to="2026-11-27 19:00", second="赵磊")
    meeting.refuse_motion("ronr.precedence", "adjourn", "周杰")     # adjourn (12) ranks below it (13)
    meeting.vote(8, 2)
    assert meeting.stack_kinds() == ["main_motion"]
    assert meeting.m.adjourn_to == "2026-11-27 19:00"


@story("point_of_order", "appeal")
def test_ronr_23_24_point_of_order_ruling_and_appeal_reverses(meeting):
    main(meeting, "取消社区全部停车位")
    meeting.motion("point_of_order", "刘洋", "该动议不在议题范围内")
    meeting.refuse_motion("ronr.appeal", "appeal", "刘洋")     # no ruling yet
    stored = meeting.ok(MakeRuling, "该动议不在议题范围内", "out_of_order")
    assert stored[0].payload["removed"] == ["q1"] and meeting.m.stack == []
    meeting.moved("appeal", "王芳", second="陈静")
    assert pending_question(meeting.state()).text == "是否维持主持人的裁决？"
    result = meeting.vote(4, 6)
    assert result["outcome"] == "reversed" and meeting.m.rulings["r1"].reversed
    assert meeting.stack_kinds() == ["main_motion"]            # the motion is back before the meeting


def test_ronr_24_appeal_a_tie_sustains_the_chair(meeting):
    main(meeting)
    meeting.ok(MakeRuling, "该动议不在议题范围内", "out_of_order")
    meeting.moved("appeal", "王芳", second="陈静")
    result = meeting.vote(5, 5)
    assert result["outcome"] == "sustained" and meeting.m.stack == []
    assert meeting.status("q1") == "out_of_order"


def test_ronr_appeal_only_immediately_after_the_ruling(meeting):
    meeting.ok(MakeRuling, "发言须围绕议题", "ruling")
    main(meeting)
    meeting.refuse_motion("ronr.appeal", "appeal", "刘洋")


@story("suspend_the_rules")
def test_ronr_25_suspend_the_rules_needs_two_thirds(meeting):
    meeting.moved("suspend_the_rules", "刘洋", "允许非成员发言一次", second="赵磊")
    assert not meeting.vote(6, 4)["adopted"]
    meeting.moved("suspend_the_rules", "刘洋", "允许非成员发言一次", second="赵磊")
    assert meeting.vote(8, 2)["adopted"] and meeting.m.suspended == ["允许非成员发言一次"]


@story("objection_to_consideration")
def test_ronr_26_objection_to_consideration(meeting):
    main(meeting, "禁止在小区养狗")
    meeting.motion("objection_to_consideration", "刘洋")
    result = meeting.vote(3, 7)              # "shall the question be considered?" 7 of 10 against
    assert result["outcome"] == "not_considered"
    assert meeting.status("q1") == "not_considered" and meeting.m.stack == []


def test_ronr_objection_too_late_after_a_subsidiary_was_stated(meeting):
    main(meeting)
    meeting.moved("amend", "刘洋", second="陈静", amendment={"strike": "临时"})
    meeting.vote(3, 7)
    meeting.refuse_motion("ronr.objection", "objection_to_consideration", "赵磊")


@story("division_of_a_question")
def test_ronr_27_division_of_a_question(meeting):
    main(meeting, "在水贝公园增设临时公厕；在翠竹路增设路灯")
    meeting.refuse_motion("ronr.division", "division_of_a_question", "刘洋", parts=["只有一部分"])
    meeting.moved("division_of_a_question", "刘洋", second="赵磊",
                  parts=["在水贝公园增设临时公厕", "在翠竹路增设路灯"])
    result = meeting.vote(8, 2)
    assert [p["id"] for p in result["parts"]] == ["q3", "q4"]
    assert meeting.status("q1") == "divided"
    assert pending_question(meeting.state()).text == "在水贝公园增设临时公厕"
    meeting.vote(8, 2)
    assert pending_question(meeting.state()).text == "在翠竹路增设路灯"
    meeting.vote(2, 8)
    assert (meeting.status("q3"), meeting.status("q4")) == ("adopted", "lost")
    meeting.check_fold()


@story("consideration_by_paragraph")
def test_ronr_28_consideration_by_paragraph(meeting):
    main(meeting)
    meeting.refuse_motion("ronr.seriatim", "consideration_by_paragraph", "刘洋")
    meeting.vote(9, 1)
    main(meeting, "一、增设公厕\n二、增设路灯")
    meeting.moved("consideration_by_paragraph", "刘洋", second="赵磊")
    meeting.vote(9, 1)
    assert meeting.m.items["q2"].params["seriatim"] is True


@story("division_of_the_assembly")
def test_ronr_29_division_of_the_assembly_retakes_the_vote_by_rising(meeting):
    main(meeting)
    meeting.refuse_motion("ronr.division_of_assembly", "division_of_the_assembly", "刘洋")
    meeting.ok(OpenVote, "hands")
    meeting.refuse_motion("ronr.division_of_assembly", "division_of_the_assembly", "刘洋")
    meeting.ok(CountVotes, 6, 5, 0)
    stored = meeting.motion("division_of_the_assembly", "刘洋")
    assert [e.type for e in stored] == ["motion_made", "motion_disposed", "vote_retaken"]
    assert meeting.m.vote.method == "rising" and meeting.m.vote.counts is None
    meeting.refused("ronr.voting", CloseVote)
    meeting.ok(CountVotes, 5, 6, 0)
    assert not meeting.ok(CloseVote)[0].payload["adopted"]


@story("parliamentary_inquiry", "request_for_information")
def test_ronr_33_inquiries_are_answered_not_voted(meeting):
    main(meeting)
    stored = meeting.motion("parliamentary_inquiry", "刘洋", "现在可以提出修改吗？", answer="可以")
    assert stored[1].payload["status"] == "answered"
    stored = meeting.motion("request_for_information", "赵磊", "公厕预算多少？")
    assert stored[1].payload["status"] == "granted"
    assert meeting.stack_kinds() == ["main_motion"]


@story("request_to_withdraw_or_modify_motion")
def test_ronr_33_request_to_withdraw_by_vote(meeting):
    main(meeting)
    meeting.motion("request_to_withdraw_or_modify_motion", "王芳")
    meeting.vote(7, 3)
    assert meeting.status("q1") == "withdrawn"


@story("rescind_or_amend_something_previously_adopted")
def test_ronr_35_rescind_needs_two_thirds_without_notice(meeting):
    main(meeting)
    meeting.vote(9, 1)
    meeting.refuse_motion("ronr.rescind", "rescind_or_amend_something_previously_adopted", "刘洋",
                          question="q2x")
    meeting.moved("rescind_or_amend_something_previously_adopted", "刘洋", question="q1", second="赵磊")
    result = meeting.vote(6, 4)                # 6 of 10 is not two-thirds, nor 7 of 12 members
    assert not result["adopted"] and result["requirement"] == "two_thirds"
    meeting.moved("rescind_or_amend_something_previously_adopted", "刘洋", question="q1", second="赵磊",
                  flags=["notice"])
    assert meeting.vote(6, 4)["adopted"]
    assert meeting.status("q1") == "rescinded"
    meeting.refuse_motion("ronr.rescind", "rescind_or_amend_something_previously_adopted", "刘洋", question="q1")


def test_ronr_35_majority_of_entire_membership_suffices(meeting):
    main(meeting)
    meeting.vote(9, 1)
    meeting.moved("rescind_or_amend_something_previously_adopted", "刘洋", question="q1", second="赵磊")
    result = meeting.vote(7, 4)        # 7 of 11 is not 2/3, but 7 of 12 members is a majority of all
    assert result["adopted"] and result["requirement"] == "majority_of_entire_membership"


@story("discharge_a_committee")
def test_ronr_36_discharge_a_committee_brings_the_question_back(meeting):
    main(meeting)
    meeting.moved("commit_or_refer", "刘洋", to="环境小组", second="赵磊")
    meeting.vote(8, 2)
    meeting.refuse_motion("ronr.discharge", "discharge_a_committee", "刘洋", question="q2")
    meeting.moved("discharge_a_committee", "刘洋", question="q1", second="赵磊", flags=["overdue"])
    assert meeting.vote(6, 4)["adopted"]
    assert meeting.stack_kinds() == ["main_motion"] and meeting.status("q1") == "pending"


@story("reconsider")
def test_ronr_37_reconsider_by_the_prevailing_side_on_a_roll_call(meeting):
    main(meeting)
    meeting.ok(OpenVote, "roll")
    meeting.ok(RollCall, ("王芳", "陈静", "刘洋"), ("赵磊", "周杰"), ())
    meeting.ok(CloseVote)
    refusal = meeting.refuse_motion("ronr.reconsider", "reconsider", "赵磊", question="q1")
    assert refusal.params["side"] == "yes"
    meeting.moved("reconsider", "刘洋", question="q1", second="赵磊")
    assert pending_question(meeting.state()).debatable is True          # if_target: the main is debatable
    meeting.vote(7, 3)
    assert meeting.stack_kinds() == ["main_motion"] and meeting.status("q1") == "pending"
    meeting.vote(2, 8)
    assert meeting.status("q1") == "lost"
    meeting.refuse_motion("ronr.reconsider", "reconsider", "周杰", question="q1", voted="no")   # only once


def test_ronr_37_reconsider_by_declaration_after_a_show_of_hands(meeting):
    main(meeting)
    meeting.vote(3, 7)
    meeting.refuse_motion("ronr.reconsider", "reconsider", "刘洋", question="q1")           # declare
    meeting.refuse_motion("ronr.reconsider", "reconsider", "刘洋", question="q1", voted="yes")
    meeting.moved("reconsider", "刘洋", question="q1", voted="no", second="赵磊")


def test_ronr_37_reconsider_not_for_what_the_chart_forbids(meeting):
    main(meeting)
    meeting.moved("adjourn", "刘洋", second="赵磊")
    meeting.vote(2, 8)
    refusal = meeting.refuse_motion("ronr.reconsider", "reconsider", "赵磊", question="q2", voted="no")
    assert refusal.key == "motions.reconsider_not_allowed"


def test_ronr_37_reconsider_only_in_the_same_meeting(meeting):
    from deliberate.meeting import CloseMeeting, OpenMeeting

    main(meeting)
    meeting.vote(3, 7)
    meeting.ok(CloseMeeting)
    meeting.ok(OpenMeeting, "第5次居民议事会", "李明", "张伟")
    meeting.ok(Attend, ("王芳", "陈静", "刘洋", "赵磊", "周杰", "吴敏", "徐强"))
    refusal = meeting.refuse_motion("ronr.reconsider", "reconsider", "刘洋", question="q1", voted="no")
    assert refusal.key == "motions.reconsider_late"


def test_every_chart_motion_has_a_story():
    assert sorted(MOTION_IDS) == sorted(STORIES)
    assert Second and MakeRuling  # imported for the stories
