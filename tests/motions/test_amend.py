"""Amendments of the first and second degree, applied to the exact words (RONR §12)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from deliberate.motions.text import AmendmentError, amendment, apply_amendment
from deliberate.question import pending_question

TOILET = "在水贝公园增设临时公厕"


@pytest.mark.parametrize("options, after", [
    ({"insert": "，并在一个月内完成", "after": "临时公厕"}, "在水贝公园增设临时公厕，并在一个月内完成"),
    ({"insert": "两座", "before": "临时公厕"}, "在水贝公园增设两座临时公厕"),
    ({"insert": "。"}, "在水贝公园增设临时公厕。"),
    ({"strike": "临时"}, "在水贝公园增设公厕"),
    ({"strike": "临时", "insert": "无障碍"}, "在水贝公园增设无障碍公厕"),
    ({"substitute": "在洪湖公园增设公厕"}, "在洪湖公园增设公厕"),
])
def test_ronr_amend_each_form_changes_the_exact_text(meeting, options, after):
    meeting.moved("main_motion", "王芳", TOILET, second="陈静")
    amend_id = meeting.moved("amend", "刘洋", second="陈静", amendment=options)
    assert meeting.state().motions.items[amend_id].target == "q1"
    result = meeting.vote(8, 2)
    assert result["text_after"] == after
    assert meeting.text("q1") == after
    assert pending_question(meeting.state()).text == after   # the text as amended, before the vote
    meeting.check_fold()


def test_lost_amendment_leaves_the_text(meeting):
    meeting.moved("main_motion", "王芳", TOILET, second="陈静")
    meeting.moved("amend", "刘洋", second="陈静", amendment={"strike": "临时"})
    assert not meeting.vote(2, 8)["adopted"]
    assert meeting.text("q1") == TOILET


def test_ronr_amend_words_must_be_found_once(meeting):
    meeting.moved("main_motion", "王芳", "公园增设公厕，公园增设路灯", second="陈静")
    refusal = meeting.refuse_motion("ronr.amend", "amend", "刘洋", amendment={"strike": "公园"})
    assert refusal.key == "motions.amend.ambiguous" and refusal.params["count"] == "2"
    refusal = meeting.refuse_motion("ronr.amend", "amend", "刘洋", amendment={"insert": "x", "after": "水贝"})
    assert refusal.key == "motions.amend.not_found"
    meeting.refuse_motion("ronr.amend", "amend", "刘洋", amendment={})
    meeting.refuse_motion("ronr.amend", "amend", "刘洋", amendment={"substitute": "a", "insert": "b"})


def test_secondary_amendment_amends_the_primary(meeting):
    meeting.moved("main_motion", "王芳", TOILET, second="陈静")
    primary = meeting.moved("amend", "刘洋", second="陈静",
                            amendment={"insert": "，并在一个月内完成", "after": "临时公厕"})
    secondary = meeting.moved("amend", "赵磊", second="陈静", amendment={"strike": "一个月", "insert": "两个月"})
    assert meeting.state().motions.items[secondary].target == primary
    from deliberate.motions.view import motions_view

    view = motions_view(meeting.state(), meeting.app.rules)
    assert view["stack"][-1]["text_if_adopted"] == "在水贝公园增设临时公厕，并在两个月内完成"
    assert meeting.vote(7, 3)["text_after"] == "，并在两个月内完成"
    assert meeting.text(primary) == "，并在两个月内完成"
    assert meeting.text("q1") == TOILET            # the main changes only when the primary is adopted
    assert meeting.vote(7, 3)["text_after"] == "在水贝公园增设临时公厕，并在两个月内完成"
    meeting.check_fold()


def test_ronr_amend_degree_no_third_degree(meeting):
    meeting.moved("main_motion", "王芳", TOILET, second="陈静")
    meeting.moved("amend", "刘洋", second="陈静", amendment={"insert": "，并在一个月内完成", "after": "临时公厕"})
    meeting.moved("amend", "赵磊", second="陈静", amendment={"strike": "一个月", "insert": "两个月"})
    refusal = meeting.refuse_motion("ronr.amend_degree", "amend", "周杰", amendment={"strike": "两"})
    assert "§12:11" in refusal.message("en")


def test_secondary_amendment_must_leave_the_primary_applicable(meeting):
    meeting.moved("main_motion", "王芳", TOILET, second="陈静")
    meeting.moved("amend", "刘洋", second="陈静", amendment={"strike": "临时"})
    # changing the struck words to words not in the main text would make the primary meaningless
    meeting.refuse_motion("ronr.amend", "amend", "赵磊", amendment={"substitute": "永久"})


def test_ronr_applies_to_no_amendment_of_an_unamendable_motion(meeting):
    meeting.moved("main_motion", "王芳", TOILET, second="陈静")
    meeting.moved("previous_question", "陈静", second="王芳")
    # previous question (rank 7) is not amendable, and amend (rank 3) cannot pass it
    meeting.refuse_motion("ronr.precedence", "amend", "刘洋", amendment={"strike": "临时"})


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="公园路灯临时增设水贝，。ab", min_size=1, max_size=20),
       st.text(alphabet="公园路灯临时增设水贝，。ab", min_size=1, max_size=6))
def test_insert_then_strike_restores_the_text(text, words):
    """A property of the text operations: striking what was just inserted gives the text back."""
    marked = words + "§"
    inserted = apply_amendment(text, amendment(insert=marked))
    assert inserted == text + marked
    assert apply_amendment(inserted, amendment(strike=marked)) == text


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab", min_size=0, max_size=8), st.text(alphabet="ab", min_size=1, max_size=3))
def test_anchor_must_be_unique(text, anchor):
    op = amendment(insert="X", after=anchor)
    if text.count(anchor) == 1:
        result = apply_amendment(text, op)
        assert result.replace("X", "", 1) == text
    else:
        with pytest.raises(AmendmentError):
            apply_amendment(text, op)
