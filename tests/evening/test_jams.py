"""Bugs that jammed a real evening (issue 14): each through the real CLI on a real database."""

from __future__ import annotations


def ok(result):
    assert result.exit_code == 0, result.output
    return result


def debate(council, **seat):
    """Eight members, everyone present, a motion moved, seconded and stated."""
    council.seat(8, present="all", **seat)
    ok(council("move", "在3号楼加装电梯", "--by", "王芳", at=council.clock()))
    ok(council("second", "--by", "刘洋", at=council.clock()))
    return council


def speaking(council, name="陈静"):
    ok(council("hand", name, "--stance", "pro", at=council.clock()))
    ok(council("recognize", at=council.clock()))
    ok(council("speak", at=council.clock()))


def test_putting_the_question_is_refused_while_a_member_speaks_and_names_yield(council):
    debate(council)
    speaking(council)
    before = len(council.events())
    code, answer = council.json("vote", "open", at=council.clock())
    assert code == 1 and answer["rule"] == "luohu.no_interrupting", answer
    assert "yield" in answer["hint"]
    assert len(council.events()) == before
    # a motion that may not interrupt names yield too
    code, answer = council.json("move", "另一件事", "--by", "张伟", at=council.clock())
    assert code == 1 and "yield" in answer["hint"], answer
    ok(council("yield", at=council.clock()))
    ok(council("vote", "open", at=council.clock()))


def test_putting_the_question_ends_the_speech_where_the_rules_file_says_so(council):
    debate(council, changes={"floor": {"vote_ends_speech": True}})
    speaking(council)
    ok(council("vote", "open", at=council.clock(5)))
    types = [e.type for e in council.events()[-2:]]
    assert types == ["speech_ended", "vote_opened"]
    assert council.state().floor.holder is None


def test_the_override_reason_is_what_recognition_records_and_shows(council):
    debate(council)
    ok(council("hand", "陈静", "--stance", "pro", at=council.clock()))
    ok(council("hand", "张伟", "--stance", "pro", at=council.clock()))
    result = ok(council("recognize", "张伟", "--override", "张伟要早走", at=council.clock()))
    assert "张伟要早走" in result.output
    assert "order hands were raised" not in result.output
    granted = [e for e in council.events() if e.type == "floor_granted"][-1]
    assert granted.payload["reason"] == "override"
    assert granted.payload["override"]["reason"] == "张伟要早走"
    log = ok(council("log", "--since", str(granted.seq), "--limit", "1")).output
    assert "张伟要早走" in log and "order hands were raised" not in log


def test_a_name_twice_on_one_line_is_a_usage_error_naming_it(council):
    council.seat(8)
    code, answer = council.json("attend", "陈静", "陈静", at=council.clock())
    assert code == 2 and "陈静" in answer["message"] and "already" not in answer["message"], answer
    assert not council.state().meeting.present or "陈静" not in [council.name(i) for i in council.state().meeting.present]
    ok(council("attend", "王芳", "陈静", "刘洋", "张伟", "赵磊", at=council.clock()))
    ok(council("move", "在3号楼加装电梯", "--by", "王芳", at=council.clock()))
    ok(council("second", "--by", "刘洋", at=council.clock()))
    ok(council("vote", "open", "--method", "roll", at=council.clock()))
    code, answer = council.json("vote", "roll", "--yes", "陈静", "--no", "陈静", at=council.clock())
    assert code == 2 and "陈静" in answer["message"] and "already" not in answer["message"], answer
    code, answer = council.json("depart", "王芳", "王芳", at=council.clock())
    assert code == 2 and "王芳" in answer["message"], answer


def test_the_speech_time_is_computed_at_display_time(council):
    debate(council)
    speaking(council)
    started = council.events()[-1].at
    from datetime import datetime, timedelta

    later = (datetime.fromisoformat(started) + timedelta(seconds=7)).isoformat()
    code, answer = council.json("state", at=later)
    assert answer["floor"]["holder"]["elapsed"] == 7.0, answer["floor"]["holder"]
    text = ok(council("state", at=later)).output
    assert "0:07" in text and "1:53" in text, text


def test_reconsider_defaults_to_the_most_recent_vote_and_never_prints_a_dash(council):
    council.seat(8, present="all")
    code, answer = council.json("motion", "reconsider", "--by", "刘洋", at=council.clock())
    assert code == 1 and " -" not in answer["message"] and "(-)" not in answer["message"], answer
    ok(council("move", "在3号楼加装电梯", "--by", "王芳", at=council.clock()))
    ok(council("second", "--by", "刘洋", at=council.clock()))
    ok(council("vote", "open", "--method", "roll", at=council.clock()))
    ok(council("vote", "roll", "--yes", "王芳", "刘洋", "陈静", "张伟", "--no", "赵磊", at=council.clock()))
    ok(council("vote", "close", at=council.clock()))
    code, answer = council.json("motion", "reconsider", "--by", "刘洋", at=council.clock())
    assert code == 0, answer
    made = [e for e in council.events() if e.type == "motion_made"][-1]
    assert made.payload["target"] == "q1"


def test_an_unknown_name_with_nothing_close_prints_no_dash(council):
    council.seat(8)
    code, answer = council.json("attend", "Zebediah", at=council.clock())
    assert code == 1 and "-" not in answer["message"], answer


def test_a_meeting_without_a_secretary_or_anyone_present_shows_no_dashes(council):
    council.seat(8, present=())  # no secretary named; only the chair is present
    for lang in ("zh", "en"):
        council.lang = lang
        shown = ok(council("state")).output
        assert "记录员 -" not in shown and "secretary -" not in shown, shown
        assert "：-" not in shown and ": -" not in shown, shown


def test_minutes_name_no_empty_secretary_or_seconder(council):
    council.seat(8, present="all")
    ok(council("move", "在3号楼加装电梯", "--by", "王芳", at=council.clock()))
    ok(council("second", "--by", "刘洋", at=council.clock()))
    # a motion that needs no second: it is moved, and nobody seconds it
    ok(council("motion", "point_of_order", "发言超时", "--by", "陈静", at=council.clock()))
    for lang in ("zh", "en"):
        council.lang = lang
        minutes = ok(council("minutes")).output
        assert "记录员：-" not in minutes and "secretary: -" not in minutes, minutes
        assert "附议人：-" not in minutes and "seconded by -" not in minutes, minutes
        assert ("附议人：刘洋" if lang == "zh" else "seconded by 刘洋") in minutes, minutes


def test_the_published_site_names_no_empty_secretary_or_seconder(council, tmp_path):
    council.seat(8, present="all")
    ok(council("move", "在3号楼加装电梯", "--by", "王芳", at=council.clock()))
    ok(council("second", "--by", "刘洋", at=council.clock()))
    ok(council("motion", "point_of_order", "发言超时", "--by", "陈静", at=council.clock()))
    ok(council("publish", "--out", str(tmp_path / "site")))
    pages = {p: p.read_text(encoding="utf-8") for p in (tmp_path / "site").rglob("*.html")}
    assert pages
    for page, html in pages.items():
        for empty in ("记录员：-", "secretary: -", "附议人：-", "seconded by -"):
            assert empty not in html, (page, empty)
    assert any("无人附议" in html for html in pages.values())


def test_an_uncounted_vote_and_an_unknown_project_show_no_dashes(council):
    debate(council)
    ok(council("vote", "open", at=council.clock()))
    for lang in ("zh", "en"):
        council.lang = lang
        shown = ok(council("state")).output
        assert "赞成 -" not in shown and "- for" not in shown, shown
        assert ("尚未计票" if lang == "zh" else "not counted yet") in shown, shown
    code, answer = council.json("project", "withdraw", "Zebediah", at=council.clock())
    assert code == 1 and "-" not in answer["message"], answer


def test_attending_someone_already_present_names_them_and_hints_the_line_for_the_others(council):
    council.seat(8, present=("王芳",))
    for lang, hint in (("zh", "attend 陈静 刘洋"), ("en", "attend 陈静 刘洋")):
        council.lang = lang
        before = len(council.events())
        code, answer = council.json("attend", "陈静", "王芳", "刘洋", at=council.clock())
        assert code == 1 and answer["rule"] == "meeting.already_present", answer
        assert "王芳" in answer["message"] and hint in answer["hint"], answer
        assert len(council.events()) == before  # all or nothing, as ever
    code, answer = council.json("depart", "王芳", "陈静", at=council.clock())
    assert code == 1 and answer["rule"] == "meeting.not_present" and "depart 王芳" in answer["hint"], answer


def test_nothing_to_second_or_take_from_the_table_prints_no_dash(council):
    council.seat(8, present="all")
    for lang in ("zh", "en"):
        council.lang = lang
        code, answer = council.json("second", "--by", "刘洋", at=council.clock())
        assert code == 1 and answer["rule"] == "ronr.second" and "-" not in answer["message"], answer
        code, answer = council.json("motion", "take_from_the_table", "--by", "刘洋", at=council.clock())
        assert code == 1 and "-" not in answer["message"], answer
    code, answer = council.json("second", "--by", "刘洋", "--question", "q9", at=council.clock())
    assert code == 1 and "q9" in answer["message"], answer


def test_a_vote_interrupted_by_a_point_of_order_waits_for_the_ruling(council):
    debate(council)
    ok(council("vote", "open", at=council.clock()))
    ok(council("motion", "point_of_order", "计票方式有误", "--by", "陈静", at=council.clock()))
    for line in (("vote", "count", "--yes", "0", "--no", "0"), ("vote", "close")):
        code, answer = council.json(*line, at=council.clock())
        assert code == 1 and answer["rule"] == "ronr.voting" and "q2" in answer["message"], answer
    assert council.state().motions.items["q1"].status == "pending"
    ok(council("ruling", "计票方式无误", "--decision", "not_well_taken", at=council.clock()))
    ok(council("vote", "count", "--yes", "5", "--no", "1", at=council.clock()))
    ok(council("vote", "close", at=council.clock()))
    motions = council.state().motions
    assert motions.items["q1"].status == "adopted" and motions.stack == []
