"""An agenda and the orders of the day (issue 14): `agenda add | list | next | done` recorded as
events, shown in `state`, and a call for the orders of the day that has something to enforce."""

from __future__ import annotations

from datetime import timedelta

from tests.conftest import OPENING


def ok(result):
    assert result.exit_code == 0, result.output
    return result


def at(minutes: float) -> str:
    """A time this many minutes after the meeting opened (19:00)."""
    return (OPENING + timedelta(minutes=minutes)).isoformat(timespec="milliseconds")


def call(council, when: str):
    return council.json("motion", "call_for_orders_of_the_day", "--by", "刘洋", at=when)


def test_the_agenda_is_recorded_listed_and_shown_in_state(council):
    council.seat(8, present="all")
    ok(council("agenda", "add", "审议电梯加装方案", "--minutes", "20", "--motion", "在3号楼加装电梯", at=at(1)))
    ok(council("agenda", "add", "路灯维修", at=at(2)))
    listed = ok(council("agenda", "list", at=at(3))).output
    assert "a1" in listed and "审议电梯加装方案" in listed and "20 min" in listed and "在3号楼加装电梯" in listed
    assert "a2" in listed and "路灯维修" in listed
    ok(council("agenda", "next", at=at(4)))
    shown = ok(council("state", at=at(5))).output
    assert "Agenda: now a1 审议电梯加装方案; 1 item(s) waiting" in shown
    code, data = council.json("state", at=at(5))
    assert data["agenda"]["current"] == "a1"
    ok(council("agenda", "done", at=at(6)))
    types = [e.type for e in council.events()[-4:]]
    assert types == ["agenda_item_added", "agenda_item_added", "agenda_taken_up", "agenda_item_done"]
    assert council.state().agenda.items["a1"].status == "done"
    council.check_fold()
    # `agenda next` moves on; with nothing left it says so
    ok(council("agenda", "next", at=at(7)))
    code, answer = council.json("agenda", "next", at=at(8))
    assert code == 0 and council.state().agenda.current is None     # a2 finished, nothing taken up
    code, answer = council.json("agenda", "next", at=at(9))
    assert code == 1 and answer["rule"] == "agenda.empty", answer


def test_the_call_for_the_orders_of_the_day_is_refused_with_a_reason_when_nothing_is_due(council):
    council.seat(8, present="all")
    code, answer = call(council, at(1))
    assert code == 1 and answer["rule"] == "ronr.orders_of_the_day", answer
    assert "agenda is empty" in answer["message"]
    ok(council("agenda", "add", "审议电梯加装方案", "--minutes", "10", at=at(2)))
    ok(council("agenda", "add", "路灯维修", at=at(3)))
    ok(council("agenda", "next", at=at(4)))
    code, answer = call(council, at(9))               # five of its ten minutes used
    assert code == 1 and "a1" in answer["message"] and "5 minute" in answer["message"], answer
    assert not [e for e in council.events() if e.type == "motion_made"]


def test_the_call_is_granted_when_an_item_is_due_and_takes_it_up(council):
    council.seat(8, present="all")
    ok(council("agenda", "add", "审议电梯加装方案", "--minutes", "10", at=at(1)))
    ok(council("agenda", "add", "路灯维修", at=at(2)))
    ok(council("agenda", "next", at=at(3)))
    code, answer = call(council, at(14))              # a1's ten minutes are up
    assert code == 0, answer
    types = [e.type for e in council.events()[-4:]]
    assert types == ["motion_made", "motion_disposed", "agenda_item_done", "agenda_taken_up"]
    assert council.events()[-1].payload == {"item": "a2", "how": "orders_of_the_day"}
    assert council.state().agenda.current == "a2"
    assert "Orders of the day" in ok(council("log", at=at(15))).output
    council.check_fold()


def postpone(council, until: str, special: bool = False):
    ok(council("move", "在3号楼加装电梯", "--by", "王芳", at=council.clock()))
    ok(council("second", "--by", "刘洋", at=council.clock()))
    extra = ["--special-order"] if special else []
    ok(council("motion", "postpone_to_a_certain_time", "--to", until, "--by", "陈静", *extra, at=council.clock()))
    ok(council("second", "--by", "赵磊", at=council.clock()))
    ok(council("vote", "open", at=council.clock()))
    ok(council("vote", "count", "--yes", "7", "--no", "0", at=council.clock()))
    ok(council("vote", "close", at=council.clock()))
    assert council.status("q1") == "postponed"


def test_a_question_postponed_to_a_time_comes_back_due_when_the_recorded_time_passes_it(council):
    council.seat(8, present="all")
    postpone(council, "19:30")
    code, answer = call(council, at(20))
    assert code == 1 and "q1" in answer["message"] and "19:30" in answer["message"], answer
    listed = ok(council("agenda", "list", at=at(21))).output
    assert "q1" in listed and "due now" not in listed
    ok(council("agenda", "add", "路灯维修", at=at(31)))    # recorded after 19:30: q1 is due
    listed = ok(council("agenda", "list", at=at(32))).output
    assert "q1" in listed and "due now" in listed
    code, data = council.json("state", at=at(32))
    assert data["agenda"]["due"] == ["q1", "a1"]
    code, answer = call(council, at(33))
    assert code == 0, answer
    assert council.events()[-1].payload == {"item": "q1", "how": "orders_of_the_day"}
    assert council.status("q1") == "pending" and council.state().motions.stack == ["q1"]
    council.check_fold()


def test_a_question_postponed_to_the_next_meeting_is_on_its_agenda(council):
    council.seat(8, present="all")
    postpone(council, "下次会议")
    code, answer = council.json("agenda", "next", at=council.clock())
    assert code == 1 and answer["rule"] == "agenda.empty", answer    # not this meeting
    ok(council("meeting", "close", at=council.clock()))
    ok(council("meeting", "open", "第二次会议", "--chair", "李明", at=council.clock(3600)))
    ok(council("attend", "王芳", "陈静", "刘洋", "张伟", "赵磊", at=council.clock()))
    code, data = council.json("state", at=council.clock())
    assert data["agenda"]["due"] == ["q1"], data["agenda"]
    ok(council("agenda", "next", at=council.clock()))
    assert council.status("q1") == "pending" and council.state().agenda.current == "q1"


def test_a_special_order_interrupts_a_pending_question(council):
    council.seat(8, present="all")
    postpone(council, "19:30", special=True)
    ok(council("move", "修路灯", "--by", "王芳", at=at(25)))
    ok(council("second", "--by", "刘洋", at=at(26)))
    code, answer = call(council, at(27))
    assert code == 1 and "q3" in answer["message"], answer       # pending, and 19:30 has not come
    code, answer = call(council, at(31))
    assert code == 0, answer
    assert council.state().motions.stack == ["q3", "q1"]


def test_the_minutes_have_an_agenda_section(council):
    council.seat(8, present="all")
    ok(council("agenda", "add", "审议电梯加装方案", "--minutes", "20", at=at(1)))
    ok(council("agenda", "next", at=at(2)))
    ok(council("agenda", "done", at=at(3)))
    text = ok(council("minutes", at=at(4))).output
    assert "## Agenda" in text and "a1" in text and "审议电梯加装方案" in text
    business = text.index("## Business")
    assert text.index("## Agenda") < business


def test_agenda_lines_quote_as_each_language_quotes(council):
    council.seat(5, present="all")
    ok(council("agenda", "add", "水贝公园临时公厕", "--minutes", "20", at=council.clock()))
    ok(council("agenda", "next", at=council.clock()))
    council.lang = "en"
    shown = ok(council("log")).output
    assert "a1 '水贝公园临时公厕' is taken up" in shown and "“" not in shown, shown
    council.lang = "zh"
    assert "开始处理 a1“水贝公园临时公厕”" in ok(council("log")).output
