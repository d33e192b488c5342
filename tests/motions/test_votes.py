"""Votes: methods, thresholds and their base, ties, the chair's vote, the record of why it carried (RONR §44-45)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from deliberate.motions.thresholds import decide_vote, needed, requirements
from deliberate.motions.voting import CloseVote, CountVotes, OpenVote, RecordTally, RollCall

TOILET = "在水贝公园增设临时公厕"


def test_ronr_majority_of_votes_cast_ignores_abstentions(meeting):
    meeting.moved("main_motion", "王芳", TOILET, second="陈静")
    result = meeting.vote(4, 3, 4)
    assert (result["requirement"], result["base"], result["base_count"], result["needed"]) == \
        ("majority", "votes_cast", 7, 4)
    assert result["adopted"] and result["outcome"] == "adopted"
    assert result["quorum"] == {"present": 12, "required": 7, "roster": 12}


def test_ronr_tie_fails(meeting):
    meeting.moved("main_motion", "王芳", TOILET, second="陈静")
    result = meeting.vote(5, 5, 1)
    assert not result["adopted"] and meeting.status("q1") == "lost"


def test_ronr_two_thirds_for_previous_question(meeting):
    meeting.moved("main_motion", "王芳", TOILET, second="陈静")
    meeting.moved("previous_question", "陈静", second="王芳")
    result = meeting.vote(6, 4)
    assert (result["requirement"], result["needed"], result["adopted"]) == ("two_thirds", 7, False)
    assert meeting.m.items["q1"].debate_closed is False
    meeting.moved("previous_question", "陈静", second="王芳")
    assert meeting.vote(7, 3)["adopted"]
    assert meeting.m.items["q1"].debate_closed


def test_majority_of_members_present_when_the_rules_say_so(make_meeting):
    mt = make_meeting(changes={"voting": {"majority_base": "present"}})
    mt.moved("main_motion", "王芳", TOILET, second="陈静")
    result = mt.vote(6, 1, 4)           # 6 of 12 present is not more than half
    assert (result["base"], result["base_count"], result["needed"], result["adopted"]) == ("present", 12, 7, False)


def test_abstentions_count_when_the_rules_say_so(make_meeting):
    mt = make_meeting(changes={"voting": {"abstentions_count": True}})
    mt.moved("main_motion", "王芳", TOILET, second="陈静")
    result = mt.vote(5, 3, 3)
    assert (result["base_count"], result["adopted"]) == (11, False)


def test_ronr_voting_counts_cannot_exceed_voters_present(meeting):
    meeting.moved("main_motion", "王芳", TOILET, second="陈静")
    meeting.ok(OpenVote, "hands")
    refusal = meeting.refused("ronr.voting", CountVotes, 10, 2, 0)   # 11 may vote (the chair does not)
    assert refusal.params == {"total": 12, "voters": 11}
    meeting.refused("motions.input", CountVotes, -1, 2, 0)


def test_ronr_voting_no_vote_without_a_stated_question(meeting):
    meeting.refused("ronr.voting", OpenVote, "hands")
    meeting.motion("main_motion", "王芳", TOILET)
    meeting.refused("ronr.second", OpenVote, "hands")
    meeting.refused("ronr.voting", CountVotes, 1, 0, 0)
    meeting.refused("ronr.voting", CloseVote)


def test_ronr_voting_result_needs_a_count(meeting):
    meeting.moved("main_motion", "王芳", TOILET, second="陈静")
    meeting.ok(OpenVote, "hands")
    meeting.refused("ronr.voting", OpenVote, "hands")
    meeting.refused("ronr.voting", CloseVote)
    meeting.ok(CountVotes, 3, 2, 0)
    meeting.ok(CountVotes, 6, 2, 0)     # a recount replaces the count
    stored = meeting.ok(CloseVote)
    assert stored[0].payload["yes"] == 6


def test_roll_call_records_each_member(meeting):
    meeting.moved("main_motion", "王芳", TOILET, second="陈静")
    meeting.ok(OpenVote, "roll")
    meeting.refused("motions.input", CountVotes, 1, 0, 0)
    meeting.ok(RollCall, ("王芳", "陈静"), ("刘洋",), ())
    meeting.ok(RollCall, ("赵磊",), (), ())                     # one member a line
    meeting.refused("ronr.voting", RollCall, (), ("王芳",), ())   # no second vote
    meeting.refused("luohu.neutral_chair", RollCall, ("李明",), (), ())
    meeting.refused("roster.unknown", RollCall, ("无名氏",), (), ())
    stored = meeting.ok(CloseVote)
    p = stored[0].payload
    assert (p["yes"], p["no"], p["abstain"], p["adopted"]) == (3, 1, 0, True)
    assert p["roll"] == {meeting.member("王芳"): "yes", meeting.member("陈静"): "yes",
                         meeting.member("刘洋"): "no", meeting.member("赵磊"): "yes"}


def test_secret_ballot_counts_arrive_as_a_tally(meeting):
    meeting.moved("main_motion", "王芳", TOILET, second="陈静")
    meeting.ok(OpenVote, "secret")
    meeting.refused("motions.input", CountVotes, 5, 1, 0)
    meeting.refused("ronr.voting", CloseVote)
    stored = meeting.ok(RecordTally, 7, 3, 1, "ballots")
    assert stored[0].type == "vote_tallied" and stored[0].payload["source"] == "ballots"
    assert meeting.ok(CloseVote)[0].payload["method"] == "secret"
    assert meeting.status("q1") == "adopted"
    meeting.check_fold()


def test_tally_refused_for_a_vote_by_hands(meeting):
    meeting.moved("main_motion", "王芳", TOILET, second="陈静")
    meeting.ok(OpenVote, "hands")
    meeting.refused("motions.input", RecordTally, 7, 3, 1, "ballots")


def test_luohu_neutral_chair_never_votes(meeting):
    meeting.moved("main_motion", "王芳", TOILET, second="陈静")
    meeting.ok(OpenVote, "hands")
    meeting.ok(CountVotes, 5, 5, 0)
    meeting.refused("luohu.neutral_chair", CloseVote, "yes")
    assert not meeting.ok(CloseVote)[0].payload["adopted"]


def test_ronr_chair_votes_to_break_a_tie_only(robert):
    robert.moved("main_motion", "王芳", TOILET, second="陈静")
    robert.ok(OpenVote, "hands")
    robert.ok(CountVotes, 6, 4, 0)
    robert.refused("ronr.chair_vote", CloseVote, "yes")        # would not change the result
    robert.ok(CountVotes, 5, 5, 0)
    result = robert.ok(CloseVote, "yes")[0].payload
    assert (result["yes"], result["chair_vote"], result["adopted"]) == (6, "yes", True)


def test_chair_votes_always_when_the_rules_say_so(make_meeting):
    mt = make_meeting(changes={"chair": {"votes": "always", "neutral": False}})
    mt.moved("main_motion", "王芳", TOILET, second="陈静")
    mt.ok(OpenVote, "roll")
    mt.ok(RollCall, ("李明", "王芳"), ("刘洋",), ())
    assert mt.ok(CloseVote)[0].payload["yes"] == 2


def test_ronr_voting_no_motions_while_a_vote_is_open(meeting):
    meeting.moved("main_motion", "王芳", TOILET, second="陈静")
    meeting.ok(OpenVote, "hands")
    meeting.refuse_motion("ronr.voting", "adjourn", "刘洋")


# -- the thresholds, as properties ---------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 60), st.integers(0, 60), st.integers(0, 20))
def test_majority_is_more_than_half_of_votes_cast(yes, no, abstain):
    out = decide_vote("majority", set(), yes, no, abstain, 100, 100, "votes_cast", False)
    assert out.adopted == (yes > no)


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 60), st.integers(0, 60))
def test_two_thirds_is_at_least_twice_the_noes(yes, no):
    out = decide_vote("two_thirds", set(), yes, no, 0, 100, 100, "votes_cast", False)
    assert out.adopted == (yes + no > 0 and yes >= 2 * no)


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 60), st.integers(0, 60))
def test_appeal_reverses_only_on_a_majority_against(yes, no):
    out = decide_vote("majority_in_negative_to_reverse", set(), yes, no, 0, 100, 100, "votes_cast", False)
    assert out.adopted == (no <= yes)       # a tie sustains the chair


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 200))
def test_needed_is_the_least_that_carries(base):
    m, t = needed("majority", base), needed("two_thirds", base)
    assert m * 2 > base and (m - 1) * 2 <= base
    assert t * 3 >= 2 * base and (t - 1) * 3 < 2 * base


def test_variant_requirements_read_from_the_chart_words():
    rescind = "majority_with_notice_or_two_thirds_or_majority_of_entire_membership"
    assert [(r.word, r.base) for r in requirements(rescind, set(), "votes_cast")] == \
        [("two_thirds", "votes_cast"), ("majority", "entitled")]
    assert ("majority", "votes_cast") in [(r.word, r.base) for r in requirements(rescind, {"notice"}, "votes_cast")]
    postpone = "majority_or_two_thirds_if_special_order"
    assert [r.word for r in requirements(postpone, set(), "votes_cast")] == ["majority"]
    assert [r.word for r in requirements(postpone, {"special_order"}, "votes_cast")] == ["two_thirds"]
    discharge = "majority_with_notice_or_if_overdue_or_two_thirds_or_majority_of_entire_membership"
    assert ("majority", "votes_cast") in [(r.word, r.base) for r in requirements(discharge, {"overdue"}, "votes_cast")]
