"""The floor's Luohu Ten, as stories on the pure core, under both rules files.

Each test reads as a meeting: hands go up, the chair recognises, someone tries
what the rules forbid, and the refusal names the rule and leaves the record as it was.
"""

import pytest

from deliberate.floor import (CallToOrder, LowerHand, PassChair, RaiseHand, Recognize, ResumeChair, Speak, Yield,
                              interruption)
from deliberate.refusal import Refusal

from floorkit import Desk

BOTH = pytest.mark.parametrize("rules_file, prefix", [("luohu_ten.yaml", "luohu"), ("robert.yaml", "ronr")])


def refused(result, rule: str) -> Refusal:
    assert isinstance(result, Refusal), f"expected a refusal under {rule}, got {result}"
    assert result.rule == rule, (result.rule, result.message("en"))
    assert result.message("zh") != result.key and result.message("en") != result.key
    return result


def speech(desk: Desk, name: str, stance: str = "pro", seconds: float = 30) -> None:
    """A whole turn: hand, recognition of exactly this member, the speech, yield."""
    assert not isinstance(desk.do(RaiseHand, name, stance), Refusal)
    granted = desk.do(Recognize)
    assert not isinstance(granted, Refusal) and desk.name(granted[0].payload["member"]) == name, granted
    assert not isinstance(desk.do(Speak), Refusal)
    assert not isinstance(desk.do(Yield, wait=seconds), Refusal)


# -- nothing to debate -----------------------------------------------------------


@BOTH
def test_debate_with_nothing_pending_is_refused(rules_file, prefix):
    desk = Desk(rules_file)
    before = len(desk.log)
    refusal = refused(desk.do(RaiseHand, "王芳", "pro"), f"{prefix}.no_question")
    assert "move" in refusal.hint("en")
    assert len(desk.log) == before


@BOTH
def test_debate_on_an_undebatable_question_is_refused(rules_file, prefix):
    desk = Desk(rules_file)
    desk.pending("q1")
    desk.pending("q2", debatable=False, text="搁置")
    refused(desk.do(RaiseHand, "王芳", "pro"), f"{prefix}.undebatable")


@BOTH
def test_debate_waits_until_the_chair_states_the_question(rules_file, prefix):
    desk = Desk(rules_file)
    desk.pending("q1", stated=False)
    refused(desk.do(RaiseHand, "王芳", "pro"), f"{prefix}.no_question")


# -- 主持中立 neutral chair -----------------------------------------------------


@BOTH
def test_the_presiding_chair_may_not_debate(rules_file, prefix):
    desk = Desk(rules_file)
    desk.pending()
    refusal = refused(desk.do(RaiseHand, "李明", "pro"), f"{prefix}.neutral_chair")
    assert "chair pass" in refusal.hint("en")


@BOTH
def test_the_chair_steps_down_to_speak_and_resumes_after_the_vote(rules_file, prefix):
    desk = Desk(rules_file)
    desk.pending("q1")
    assert desk.floor.presiding_id == desk.member("李明")
    desk.do(PassChair, "陈静")
    assert desk.floor.presiding_id == desk.member("陈静")
    speech(desk, "李明", "pro")
    # the acting chair is neutral in turn
    refused(desk.do(RaiseHand, "陈静", "con"), f"{prefix}.neutral_chair")
    # the chair does not take the chair back while the question is pending, by either door
    refused(desk.do(ResumeChair), f"{prefix}.neutral_chair")
    refused(desk.do(PassChair, "李明"), "floor.use_resume")
    desk.dispose()  # voted
    assert not isinstance(desk.do(ResumeChair), Refusal)
    assert desk.floor.presiding_id == desk.member("李明")
    assert not desk.floor.passed


@BOTH
def test_the_chair_is_not_handed_to_a_member_who_has_spoken_on_the_question(rules_file, prefix):
    desk = Desk(rules_file)
    desk.pending()
    speech(desk, "王芳")
    refused(desk.do(PassChair, "王芳"), f"{prefix}.neutral_chair")


def test_a_member_given_the_chair_leaves_the_queue():
    desk = Desk()
    desk.pending()
    desk.do(RaiseHand, "陈静", "pro")
    desk.do(RaiseHand, "刘洋", "con")
    desk.do(PassChair, "陈静")
    assert desk.queue() == [("刘洋", "first_come")]


def test_a_chair_who_is_not_neutral_may_debate():
    desk = Desk()
    from msgspec.structs import replace

    desk.rules = replace(desk.rules, chair=replace(desk.rules.chair, neutral=False))
    desk.pending()
    assert not isinstance(desk.do(RaiseHand, "李明", "pro"), Refusal)


# -- 机会均等 equal opportunity --------------------------------------------------


@BOTH
def test_nobody_speaks_without_being_recognised(rules_file, prefix):
    desk = Desk(rules_file)
    desk.pending()
    desk.do(RaiseHand, "王芳", "pro")
    refused(desk.do(Speak), f"{prefix}.equal_opportunity")
    refused(desk.do(Speak, "王芳"), f"{prefix}.equal_opportunity")


@BOTH
def test_recognising_out_of_turn_is_refused_and_the_next_is_named(rules_file, prefix):
    desk = Desk(rules_file)
    desk.pending()
    speech(desk, "王芳", "pro")
    desk.do(RaiseHand, "赵磊", "pro")
    desk.do(RaiseHand, "刘洋", "con")
    refusal = refused(desk.do(Recognize, "赵磊"), f"{prefix}.equal_opportunity")
    assert "刘洋" in refusal.message("zh") and "pro and con take turns" in refusal.message("en")
    granted = desk.do(Recognize)
    assert desk.name(granted[0].payload["member"]) == "刘洋"
    assert granted[0].payload["reason"] == "alternate"


@BOTH
def test_a_member_without_a_raised_hand_is_not_recognised(rules_file, prefix):
    desk = Desk(rules_file)
    desk.pending()
    refused(desk.do(Recognize, "王芳"), f"{prefix}.equal_opportunity")


def test_luohu_lets_the_chair_depart_from_the_order_with_a_recorded_reason():
    desk = Desk()
    desk.pending()
    desk.do(RaiseHand, "王芳", "pro")
    desk.do(RaiseHand, "刘洋", "con")
    granted = desk.do(Recognize, "刘洋", override="刘洋需提前离场")
    assert granted[0].payload["override"] == {"rules": ["luohu.equal_opportunity"], "reason": "刘洋需提前离场"}
    assert desk.floor.holder.member == desk.member("刘洋")


def test_a_community_may_allow_exceptions_to_the_count_but_not_the_order():
    desk = Desk(overridable="limits")
    desk.pending()
    desk.do(RaiseHand, "王芳", "pro")
    desk.do(RaiseHand, "刘洋", "con")
    refused(desk.do(Recognize, "刘洋", override="刘洋需提前离场"), "luohu.equal_opportunity")
    assert desk.floor.holder is None


def test_robert_does_not_let_the_chair_override_alone():
    desk = Desk("robert.yaml")
    desk.pending()
    desk.do(RaiseHand, "王芳", "pro")
    desk.do(RaiseHand, "刘洋", "con")
    refusal = refused(desk.do(Recognize, "刘洋", override="赶时间"), "ronr.override")
    assert "suspend" in refusal.hint("en")


def test_an_override_with_nothing_to_override_is_refused():
    desk = Desk()
    desk.pending()
    desk.do(RaiseHand, "王芳", "pro")
    refused(desk.do(Recognize, "王芳", override="无"), "floor.override_unneeded")


# -- 立场明确 stance first ------------------------------------------------------


def test_luohu_requires_a_stance_before_speaking():
    desk = Desk()
    desk.pending()
    refusal = refused(desk.do(RaiseHand, "王芳"), "luohu.stance")
    assert "--stance" in refusal.hint("en")
    speech(desk, "王芳", "question")
    assert desk.floor.speeches[0].stance == "question"


def test_robert_does_not_require_a_stance_and_a_stance_may_be_stated_on_rising():
    desk = Desk("robert.yaml")
    desk.pending()
    assert not isinstance(desk.do(RaiseHand, "王芳"), Refusal)
    desk.do(Recognize)
    started = desk.do(Speak, stance="con")
    assert started[0].payload["stance"] == "con"


def test_a_speech_without_a_stance_is_refused_where_one_is_required():
    # the stance rule switched on after the hand went up without one
    desk = Desk(stance_required=False)
    desk.pending()
    desk.do(RaiseHand, "王芳")
    desk.do(Recognize)
    from msgspec.structs import replace

    desk.rules = replace(desk.rules, floor=replace(desk.rules.floor, stance_required=True))
    refused(desk.do(Speak), "luohu.stance")
    assert not isinstance(desk.do(Speak, stance="pro"), Refusal)


# -- 发言完整 / 面对主持 no interrupting --------------------------------------------


@BOTH
def test_nobody_takes_the_floor_from_a_speaker(rules_file, prefix):
    desk = Desk(rules_file)
    desk.pending()
    desk.do(RaiseHand, "王芳", "pro")
    desk.do(RaiseHand, "刘洋", "con")
    desk.do(Recognize)
    desk.do(Speak)
    refused(desk.do(Recognize), f"{prefix}.no_interrupting")
    refused(desk.do(Speak, "刘洋"), f"{prefix}.no_interrupting")
    # raising a hand while another speaks interrupts nobody
    assert not isinstance(desk.do(RaiseHand, "赵磊", "pro"), Refusal)


@BOTH
def test_only_motions_the_chart_lets_interrupt_may_be_made_while_another_has_the_floor(rules_file, prefix):
    desk = Desk(rules_file)
    desk.pending()
    desk.do(RaiseHand, "王芳", "pro")
    desk.do(Recognize)
    desk.do(Speak)
    liu, wang = desk.member("刘洋"), desk.member("王芳")
    refused(interruption(desk.state(), desk.rules, "amend", liu), f"{prefix}.no_interrupting")
    assert interruption(desk.state(), desk.rules, "point_of_order", liu) is None
    assert interruption(desk.state(), desk.rules, "amend", wang) is None  # the speaker may move while speaking
    desk.do(Yield)
    assert interruption(desk.state(), desk.rules, "amend", liu) is None


# -- 限时限次 time and count limits ---------------------------------------------


@BOTH
def test_a_third_speech_on_the_same_question_is_refused(rules_file, prefix):
    desk = Desk(rules_file)
    desk.pending()
    speech(desk, "王芳", "pro")
    speech(desk, "刘洋", "con")
    speech(desk, "王芳", "pro")
    before = len(desk.log)
    refusal = refused(desk.do(RaiseHand, "王芳", "pro"), f"{prefix}.limits")
    assert "2" in refusal.message("en")
    assert len(desk.log) == before


def test_counts_are_per_question_and_survive_a_subsidiary_motion():
    desk = Desk()
    desk.pending("q1")
    speech(desk, "王芳")
    speech(desk, "王芳")
    desk.pending("q2", text="修正：改为4号楼")
    speech(desk, "王芳", "con")  # a fresh question: a fresh count
    desk.dispose()               # the amendment is voted; the main question is pending again
    refused(desk.do(RaiseHand, "王芳", "pro"), "luohu.limits")


def test_the_limit_can_be_set_aside_with_a_reason_in_luohu():
    desk = Desk()
    desk.pending()
    speech(desk, "王芳")
    speech(desk, "王芳")
    raised = desk.do(RaiseHand, "王芳", "pro", override="动议人答复质询")
    assert raised[0].payload["override"]["rules"] == ["luohu.limits"]
    granted = desk.do(Recognize)  # not refused a second time for the same rule
    assert desk.name(granted[0].payload["member"]) == "王芳"
    desk.do(Speak)
    assert desk.floor.counts["q1"][desk.member("王芳")] == 3


@BOTH
def test_a_speech_over_time_is_recorded_with_its_overrun(rules_file, prefix):
    desk = Desk(rules_file)
    desk.pending()
    limit = desk.rules.floor.speech_seconds
    desk.do(RaiseHand, "王芳", "pro")
    desk.do(Recognize)
    desk.do(Speak)
    ended = desk.do(Yield, wait=limit + 17.5)
    assert ended[0].type == "speech_ended"
    assert ended[0].payload["seconds"] == limit + 17.5
    assert ended[0].payload["overrun"] == 17.5
    assert ended[0].payload["limit"] == limit


def test_a_speech_within_time_has_no_overrun_and_the_chair_may_cut_it_off():
    desk = Desk()
    desk.pending()
    desk.do(RaiseHand, "王芳", "pro")
    desk.do(Recognize)
    desk.do(Speak)
    ended = desk.do(Yield, cut=True, wait=60)
    assert ended[0].payload["overrun"] == 0 and ended[0].payload["ended_by"] == "chair"


def test_limits_the_assembly_set_on_the_question_replace_the_rules():
    desk = Desk()
    desk.pending(limits={"seconds": 60, "speeches": 1})
    speech(desk, "王芳")
    assert desk.floor.speeches[0].limit == 60
    refused(desk.do(RaiseHand, "王芳", "pro"), "luohu.limits")


def test_robert_gives_ten_minutes_and_the_maker_speaks_first():
    desk = Desk("robert.yaml")
    desk.pending(maker="王芳")
    desk.do(RaiseHand, "刘洋", "con")
    desk.do(RaiseHand, "王芳", "pro")
    assert desk.queue()[0] == ("王芳", "maker_first")
    refused(desk.do(Recognize, "刘洋"), "ronr.equal_opportunity")
    desk.do(Recognize)
    assert desk.do(Speak)[0].payload["limit"] == 600


def test_robert_no_second_speech_while_a_new_speaker_waits():
    desk = Desk("robert.yaml")
    desk.pending()
    speech(desk, "王芳", "pro")
    desk.do(RaiseHand, "王芳", "pro")
    desk.do(RaiseHand, "刘洋", "pro")
    assert desk.queue() == [("刘洋", "new_speaker"), ("王芳", "spoken_before")]
    refusal = refused(desk.do(Recognize, "王芳"), "ronr.equal_opportunity")
    assert "has not spoken" in refusal.message("en")


# -- 文明表达 civil words --------------------------------------------------------


@BOTH
def test_the_chair_calls_a_member_to_order_with_the_reason_recorded(rules_file, prefix):
    desk = Desk(rules_file)
    desk.pending()
    desk.do(RaiseHand, "刘洋", "con")
    desk.do(Recognize)
    desk.do(Speak)
    called = desk.do(CallToOrder, "刘洋", "人身攻击")
    assert called[0].type == "called_to_order"
    assert called[0].payload == {"member": desk.member("刘洋"), "reason": "人身攻击", "question": "q1", "had_floor": True}
    refused(desk.do(CallToOrder, "刘洋", "  "), f"{prefix}.civility")
    assert [(o.member, o.reason) for o in desk.floor.orders] == [(desk.member("刘洋"), "人身攻击")]


# -- hands, yielding, closing ---------------------------------------------------


def test_a_hand_can_be_lowered_and_is_not_raised_twice():
    desk = Desk()
    desk.pending()
    desk.do(RaiseHand, "王芳", "pro")
    refused(desk.do(RaiseHand, "王芳", "con"), "floor.hand_up")
    desk.do(LowerHand, "王芳")
    assert desk.queue() == []
    assert not isinstance(desk.do(RaiseHand, "王芳", "con"), Refusal)


def test_an_absent_member_does_not_raise_a_hand():
    desk = Desk(names=("李明", "王芳", "孙悦"))
    desk.pending()
    from deliberate.meeting import Depart

    desk.do(Depart, ("孙悦",))
    refused(desk.do(RaiseHand, "孙悦", "pro"), "ronr.present")


def test_yielding_before_speaking_costs_no_speech():
    desk = Desk()
    desk.pending()
    desk.do(RaiseHand, "王芳", "pro")
    desk.do(Recognize)
    yielded = desk.do(Yield)
    assert yielded[0].type == "floor_yielded"
    assert desk.floor.counts.get("q1", {}) == {} and desk.floor.holder is None


def test_the_meeting_does_not_close_while_a_member_has_the_floor():
    from deliberate.meeting import CloseMeeting

    desk = Desk()
    desk.pending()
    desk.do(RaiseHand, "王芳", "pro")
    desk.do(Recognize)
    desk.do(Speak)
    desk.dispose()
    refused(desk.do(CloseMeeting), "floor.close_with_floor")
    desk.do(Yield)
    assert not isinstance(desk.do(CloseMeeting), Refusal)


def test_a_recognised_member_must_rise_again_when_the_question_changes():
    desk = Desk()
    desk.pending("q1")
    desk.do(RaiseHand, "王芳", "pro")
    desk.do(Recognize)
    desk.pending("q2", text="暂时休会")
    refused(desk.do(Speak), "floor.question_changed")


def test_the_floor_starts_afresh_at_each_meeting():
    from deliberate.meeting import CloseMeeting, OpenMeeting

    desk = Desk()
    desk.pending()
    speech(desk, "王芳")
    desk.dispose()
    desk.do(PassChair, "陈静")
    desk.do(ResumeChair)
    desk.do(CloseMeeting)
    desk.do(OpenMeeting, "第5次会议", "陈静")
    assert desk.floor.presiding_id == desk.member("陈静")
    assert desk.floor.counts == {} and desk.floor.speeches == []


def test_several_breaches_are_named_together():
    desk = Desk()
    desk.pending()
    speech(desk, "王芳")
    desk.do(RaiseHand, "王芳", "pro")
    desk.do(RaiseHand, "刘洋", "con")
    # the assembly limits debate to one speech each while both wait
    desk.dispose()
    desk.pending(limits={"speeches": 1})
    refusal = refused(desk.do(Recognize, "王芳"), "luohu.equal_opportunity")
    assert [cause.rule for cause in refusal.causes()] == ["luohu.limits"]
    assert refusal.message("en").startswith("it is not 王芳's turn")
    overridden = desk.do(Recognize, "王芳", override="动议人答复")
    assert overridden[0].payload["override"]["rules"] == ["luohu.equal_opportunity", "luohu.limits"]


def test_the_floor_survives_the_snapshot_codec():
    from deliberate import state as codec

    desk = Desk()
    desk.pending()
    speech(desk, "王芳")
    desk.do(RaiseHand, "刘洋", "con", override="")
    desk.do(Recognize)
    desk.do(Speak)
    desk.do(CallToOrder, "刘洋", "人身攻击")
    desk.do(PassChair, "陈静")
    copy = codec.loads(codec.dumps(desk.state()))
    assert copy.floor == desk.state().floor
    assert copy.floor.holder.speech.started_at == desk.floor.holder.speech.started_at
