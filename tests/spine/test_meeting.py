"""Meetings: one at a time, attendance as events, quorum at any moment from the log."""

from deliberate.app import rebuild
from deliberate.meeting import quorum
from deliberate.rules import Rules
from deliberate.store import Store


def test_opening_marks_a_member_chair_present(seated):
    state = seated.state()
    assert state.in_session() and state.meeting.chair == "李明"
    assert [state.members[i].name for i in state.meeting.present] == ["李明"]


def test_a_second_meeting_while_one_is_open_is_refused(seated):
    code, answer = seated.json("meeting", "open", "另一个会", "--chair", "王芳")
    assert code == 1 and answer["rule"] == "meeting.already_open"
    assert "meeting close" in answer["hint"]


def test_attending_twice_is_refused_and_records_nothing(seated):
    assert seated("attend", "王芳").exit_code == 0
    before = len(seated.events())
    code, answer = seated.json("attend", "陈静", "王芳")
    assert code == 1 and answer["rule"] == "meeting.already_present"
    assert len(seated.events()) == before
    assert "陈静" not in [seated.state().members[i].name for i in seated.state().meeting.present]


def test_an_unknown_member_is_refused_with_close_names(seated):
    code, answer = seated.json("attend", "王方")
    assert code == 1 and answer["rule"] == "roster.unknown"
    assert "王芳" in answer["message"]


def test_quorum_follows_arrivals_and_departures(seated):
    seated("attend", "王芳", "陈静")
    code, answer = seated.json("quorum")
    assert answer["present"] == 3 and answer["required"] == 3 and answer["met"] is True
    seated("depart", "陈静")
    code, answer = seated.json("quorum")
    assert answer["present"] == 2 and answer["met"] is False


def test_the_quorum_at_any_moment_is_derivable_from_the_log(seated):
    seated("attend", "王芳", "陈静")
    seated("depart", "王芳")
    seated("attend", "刘洋")
    store = Store.open(seated.db)
    events = list(store.read())
    store.close()
    from deliberate.domain import fold

    rules = Rules.from_dict(fold(events[:1]).rules)
    presents = [quorum(fold(events[:n]), rules).present for n in range(len(events) + 1)]
    # opening (李明), then 王芳 and 陈静 arrive, 王芳 leaves, 刘洋 arrives
    assert presents[-5:] == [1, 2, 3, 2, 3]


def test_leaving_when_not_present_is_refused(seated):
    code, answer = seated.json("depart", "王芳")
    assert code == 1 and answer["rule"] == "meeting.not_present"


def test_attending_without_an_open_meeting_is_refused(council):
    council("init", "文华社区居民议事会")
    council("member", "add", "王芳")
    code, answer = council.json("attend", "王芳")
    assert code == 1 and answer["rule"] == "meeting.not_open"


def test_closing_then_opening_numbers_the_meetings(seated):
    assert seated("meeting", "close").exit_code == 0
    assert seated("meeting", "open", "第5次", "--chair", "王芳").exit_code == 0
    state = seated.state()
    assert state.meeting.number == 2 and state.meetings_held == 2


def test_a_time_before_the_last_record_is_refused(seated):
    code, answer = seated.json("attend", "王芳", at="2026-11-20T18:30:00+08:00")
    assert code == 1 and answer["rule"] == "record.chronology"


def test_chair_must_be_member_under_rules_that_say_so(council, tmp_path):
    from deliberate.rules import BUILTIN_DIR

    text = (BUILTIN_DIR / "robert.yaml").read_text(encoding="utf-8").replace(
        "must_be_member: false", "must_be_member: true")
    (tmp_path / "motions.yaml").write_text((BUILTIN_DIR / "motions.yaml").read_text(encoding="utf-8"),
                                           encoding="utf-8")
    rules = tmp_path / "strict.yaml"
    rules.write_text(text, encoding="utf-8")
    assert council("init", "某社区", "--rules", str(rules)).exit_code == 0
    code, answer = council.json("meeting", "open", "会", "--chair", "外请主持人")
    assert code == 1 and answer["rule"] == "ronr.chair_member"


def test_rebuilding_from_the_log_gives_the_live_state(seated):
    seated("attend", "王芳", "陈静")
    seated("depart", "陈静")
    store = Store.open(seated.db)
    assert rebuild(store) == seated.state()
    store.close()
