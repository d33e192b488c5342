"""The floor through the real CLI, on a real database, with the motions engine's questions.

Stories per principle of the Luohu Ten, under both rules files. Times are given
with --at so the durations in the record are exact.
"""

from __future__ import annotations

import pytest

from deliberate.rules import BUILTIN_DIR

BOTH = pytest.mark.parametrize("rules_file, prefix", [("luohu_ten.yaml", "luohu"), ("robert.yaml", "ronr")])


def debate(council, rules_file: str = "luohu_ten.yaml", motion: str = "在3号楼加装电梯", maker: str = "王芳"):
    """The floor's community of eight, everyone present, and a motion moved, seconded and stated."""
    council.seat(8, rules_file, present="all")
    ok(council("move", motion, "--by", maker, at=council.clock()))
    ok(council("second", "--by", "刘洋" if maker != "刘洋" else "陈静", at=council.clock()))
    return council


def ok(result):
    assert result.exit_code == 0, result.output
    return result


def act(council, *args, step: float = 1):
    """A line at the next second; (exit code, JSON answer)."""
    return council.json(*args, at=council.clock(step))


def refused(council, rule: str, *args, step: float = 1) -> dict:
    before = len(council.events())
    code, answer = act(council, *args, step=step)
    assert code == 1 and answer["ok"] is False and answer["rule"] == rule, answer
    assert answer["message"] and answer["hint"]
    assert len(council.events()) == before, "a refusal recorded something"
    return answer


def turn(council, name: str, stance: str, seconds: float = 60):
    """hand, recognize (the next by the rules must be `name`), speak, yield after `seconds`."""
    assert act(council, "hand", name, "--stance", stance)[0] == 0
    code, answer = act(council, "recognize")
    assert code == 0 and answer["member"] == name, answer
    assert act(council, "speak")[0] == 0
    code, answer = act(council, "yield", step=seconds)
    assert code == 0, answer
    return answer


def floor_events(council, kind: str) -> list[dict]:
    return [e.payload for e in council.events() if e.type == kind]


# -- 一时一件: debate only on the pending question ---------------------------------


@BOTH
def test_a_hand_with_nothing_pending_is_refused(council, rules_file, prefix):
    ok(council("init", "文华", "--rules", str(BUILTIN_DIR / rules_file), at=council.clock()))
    ok(council("member", "add", "王芳", at=council.clock()))
    ok(council("meeting", "open", "第4次", "--chair", "王芳", at=council.clock()))
    ok(council("member", "add", "刘洋", at=council.clock()))
    ok(council("attend", "刘洋", at=council.clock()))
    answer = refused(council, f"{prefix}.no_question", "hand", "刘洋", "--stance", "pro")
    assert "move" in answer["hint"]


# -- 机会均等, 立场明确: the queue and its reasons ------------------------------------


@BOTH
def test_the_queue_says_who_waits_and_why(council, rules_file, prefix):
    debate(council, rules_file)
    turn(council, "王芳", "pro")
    for name, stance in (("赵磊", "pro"), ("刘洋", "con"), ("王芳", "pro"), ("周杰", "question")):
        act(council, "hand", name, "--stance", stance)
    code, answer = act(council, "queue")
    assert [(p["member"], p["stance"], p["reason"]) for p in answer["queue"]] == [
        ("刘洋", "con", "alternate"),        # pro spoke last: the other side first
        ("赵磊", "pro", "first_come"),
        ("周杰", "question", "new_speaker"),  # has not spoken: before 王芳, who has
        ("王芳", "pro", "spoken_before"),
    ]
    text = council("queue", "--at", council.clock()).output
    assert "pro and con take turns" in text and "waits behind new speakers" in text


@BOTH
def test_recognising_out_of_turn_is_refused_with_the_rule(council, rules_file, prefix):
    debate(council, rules_file)
    turn(council, "王芳", "pro")
    act(council, "hand", "赵磊", "--stance", "pro")
    act(council, "hand", "刘洋", "--stance", "con")
    answer = refused(council, f"{prefix}.equal_opportunity", "recognize", "赵磊")
    assert "刘洋" in answer["message"]
    code, answer = act(council, "recognize", "刘洋")
    assert code == 0 and answer["reason"] == "alternate"


def test_the_chair_departs_from_the_order_only_with_a_recorded_reason(council):
    debate(council)
    act(council, "hand", "赵磊", "--stance", "pro")
    act(council, "hand", "刘洋", "--stance", "con")
    code, answer = act(council, "recognize", "刘洋", "--override", "刘洋需提前离场照顾老人")
    assert code == 0
    assert floor_events(council, "floor_granted")[-1]["override"] == {
        "rules": ["luohu.equal_opportunity"], "reason": "刘洋需提前离场照顾老人"}


def test_robert_leaves_departures_from_the_order_to_the_assembly(council):
    debate(council, "robert.yaml")
    act(council, "hand", "赵磊", "--stance", "pro")
    act(council, "hand", "刘洋", "--stance", "con")
    refused(council, "ronr.override", "recognize", "刘洋", "--override", "赶时间")


@BOTH
def test_nobody_speaks_unrecognised(council, rules_file, prefix):
    debate(council, rules_file)
    act(council, "hand", "赵磊", "--stance", "pro")
    refused(council, f"{prefix}.equal_opportunity", "speak")


def test_luohu_refuses_a_hand_without_a_stance_in_both_languages(council):
    debate(council)
    answer = refused(council, "luohu.stance", "hand", "赵磊")
    assert "--stance" in answer["hint"]
    council.lang = "zh"
    answer = refused(council, "luohu.stance", "hand", "赵磊")
    assert "立场" in answer["message"] and "赞成" in answer["hint"]
    code, answer = act(council, "hand", "赵磊", "--stance", "赞成")
    assert code == 0 and answer["stance"] == "pro"
    assert floor_events(council, "floor_requested")[-1]["stance"] == "pro"


def test_a_stance_that_is_no_stance_is_bad_input(council):
    debate(council)
    code, answer = act(council, "hand", "赵磊", "--stance", "maybe")
    assert code == 2 and "pro" in answer["message"]


# -- 发言完整: no interrupting ------------------------------------------------------


@BOTH
def test_a_speaker_is_not_interrupted(council, rules_file, prefix):
    debate(council, rules_file)
    act(council, "hand", "赵磊", "--stance", "pro")
    act(council, "hand", "刘洋", "--stance", "con")
    act(council, "recognize")
    act(council, "speak")
    refused(council, f"{prefix}.no_interrupting", "recognize")
    refused(council, f"{prefix}.no_interrupting", "speak", "刘洋")


@BOTH
def test_only_motions_the_chart_lets_interrupt_may_be_made_over_a_speaker(council, rules_file, prefix):
    debate(council, rules_file)
    act(council, "hand", "王芳", "--stance", "pro")
    act(council, "recognize")
    act(council, "speak")
    answer = refused(council, f"{prefix}.no_interrupting", "amend", "--by", "刘洋", "--insert", "，一个月内",
                     "--after", "电梯")
    assert "王芳" in answer["message"] and "Amend" in answer["message"]
    code, answer = act(council, "motion", "point_of_order", "发言离题", "--by", "刘洋")
    assert code == 0, answer
    code, state = act(council, "state")
    assert state["floor"]["holder"]["member"] == "王芳", "the speaker keeps the floor through the point of order"


# -- 限时限次: time and count limits ------------------------------------------------


@BOTH
def test_a_third_speech_is_refused(council, rules_file, prefix):
    debate(council, rules_file)
    turn(council, "王芳", "pro")
    turn(council, "刘洋", "con")
    turn(council, "王芳", "pro")
    answer = refused(council, f"{prefix}.limits", "hand", "王芳", "--stance", "pro")
    assert "2" in answer["message"]


@BOTH
def test_going_over_time_is_recorded_with_the_overrun(council, rules_file, prefix):
    debate(council, rules_file)
    limit = 120 if prefix == "luohu" else 600
    answer = turn(council, "王芳", "pro", seconds=limit + 42.5)
    assert answer["seconds"] == limit + 42.5 and answer["overrun"] == 42.5
    assert answer["cut_off_at_limit"] is True
    ended = floor_events(council, "speech_ended")[-1]
    assert ended["overrun"] == 42.5 and ended["limit"] == limit
    code, state = act(council, "state")
    assert state["floor"]["holder"] is None and state["floor"]["counts"] == {"王芳": 1}


def test_the_speech_timer_in_the_state_runs_on_recorded_time(council):
    debate(council)
    act(council, "hand", "王芳", "--stance", "pro")
    act(council, "recognize")
    act(council, "speak")
    act(council, "hand", "刘洋", "--stance", "con", step=95)
    code, state = act(council, "state")
    holder = state["floor"]["holder"]
    assert holder["member"] == "王芳" and holder["speaking"]
    assert holder["elapsed"] == 96 and holder["remaining"] == 24 and holder["over"] is False  # read a second later
    text = council("state", "--at", council.clock(20)).output
    assert "Speaking: 王芳 (for), 1:56 used, 0:04 left" in text  # as of the time it is shown (issue 14)


def test_a_question_that_is_pending_again_keeps_its_counts(council):
    debate(council)
    turn(council, "赵磊", "pro")
    turn(council, "刘洋", "con")
    turn(council, "赵磊", "pro")
    ok(council("amend", "--by", "陈静", "--insert", "，费用由业主分摊", "--after", "电梯", at=council.clock()))
    ok(council("second", "--by", "黄丽", at=council.clock()))
    turn(council, "赵磊", "con")  # the amendment is a new question
    ok(council("vote", "open", at=council.clock()))
    ok(council("vote", "count", "--yes", "2", "--no", "4", at=council.clock()))
    ok(council("vote", "close", at=council.clock()))
    refused(council, "luohu.limits", "hand", "赵磊", "--stance", "pro")


def test_the_assembly_can_limit_debate_on_a_question(council):
    debate(council)
    ok(council("motion", "limit_or_extend_limits_of_debate", "--seconds", "60", "--speeches", "1",
               "--by", "陈静", at=council.clock()))
    ok(council("second", "--by", "黄丽", at=council.clock()))
    ok(council("vote", "open", at=council.clock()))
    ok(council("vote", "count", "--yes", "5", "--no", "1", at=council.clock()))
    ok(council("vote", "close", at=council.clock()))
    code, state = act(council, "state")
    assert state["floor"]["limits"]["speeches_per_question"] == 1
    assert state["floor"]["limits"]["speech_seconds"] == 60
    answer = turn(council, "赵磊", "pro", seconds=75)
    assert answer["limit"] == 60 and answer["overrun"] == 15
    refused(council, "luohu.limits", "hand", "赵磊", "--stance", "pro")


# -- 主持中立: the chair ----------------------------------------------------------


@BOTH
def test_the_chair_hands_over_the_chair_to_speak(council, rules_file, prefix):
    debate(council, rules_file)
    refused(council, f"{prefix}.neutral_chair", "hand", "李明", "--stance", "con")
    code, answer = act(council, "chair", "pass", "陈静")
    assert code == 0 and answer["to"] == "陈静"
    assert council.state().floor.presiding_id == council.state().keys["陈静"]
    turn(council, "李明", "con")
    refused(council, f"{prefix}.neutral_chair", "hand", "陈静", "--stance", "pro")
    refused(council, f"{prefix}.neutral_chair", "chair", "resume")
    ok(council("vote", "open", at=council.clock()))
    ok(council("vote", "count", "--yes", "4", "--no", "2", at=council.clock()))
    ok(council("vote", "close", at=council.clock()))
    code, answer = act(council, "chair", "resume")
    assert code == 0 and answer["presiding"] == "李明"
    assert [e.type for e in council.events() if e.type.startswith("chair_")] == ["chair_passed", "chair_resumed"]


# -- 文明表达: calls to order ----------------------------------------------------


@BOTH
def test_a_call_to_order_is_recorded_with_its_reason(council, rules_file, prefix):
    debate(council, rules_file)
    act(council, "hand", "刘洋", "--stance", "con")
    act(council, "recognize")
    act(council, "speak")
    code, answer = act(council, "order", "刘洋", "--reason", "人身攻击")
    assert code == 0 and answer == {"ok": True, "member": "刘洋", "reason": "人身攻击", "had_floor": True}
    assert floor_events(council, "called_to_order")[-1]["reason"] == "人身攻击"
    code, state = act(council, "state")
    assert state["floor"]["orders"][0]["member"] == "刘洋"


# -- the same lines from a script and in a subprocess ---------------------------------


def test_a_script_runs_the_debate_and_stops_at_the_refused_third_speech(council, tmp_path):
    debate(council)
    script = tmp_path / "debate.txt"
    script.write_text("\n".join([
        "@ 2026-11-20T19:30:00+08:00",
        "hand 王芳 --stance pro", "recognize", "speak",
        "@ 2026-11-20T19:31:50+08:00", "yield",
        "hand 刘洋 --stance con", "recognize", "speak",
        "@ 2026-11-20T19:33:00+08:00", "yield",
        "hand 王芳 --stance pro", "recognize", "speak",
        "@ 2026-11-20T19:34:00+08:00", "yield",
        "hand 王芳 --stance pro",
        "hand 刘洋 --stance con",
    ]), encoding="utf-8")
    result = council("run", str(script))
    assert result.exit_code == 1
    assert "luohu.limits" in result.output and "line 17" in result.output
    durations = [p["seconds"] for p in floor_events(council, "speech_ended")]
    assert durations == [110, 70, 60]


def test_the_program_itself_answers_the_floor_verbs(council):
    from tests.conftest import run_cli

    db = str(council.seat(4, present=("王芳", "刘洋")).db)
    steps = [
        ["move", "在3号楼加装电梯", "--by", "王芳"], ["second", "--by", "刘洋"],
        ["hand", "王芳", "--stance", "pro"], ["recognize"], ["speak"],
    ]
    for step in steps:
        done = run_cli("--db", db, "--lang", "en", *step)
        assert done.returncode == 0, (step, done.stderr)
    done = run_cli("--db", db, "--lang", "zh", "speak", "刘洋")
    assert done.returncode == 1 and "[luohu.no_interrupting]" in done.stderr and "发言完整" in done.stderr
    done = run_cli("--db", db, "--lang", "en", "yield")
    assert done.returncode == 0 and "王芳 finished speaking" in done.stdout
