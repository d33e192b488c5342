"""Messages a host understands (issue 14, group 3): usage errors in the host's language, hints
a host can type, every cause of a refusal, the quorum moving, and amounts as people write them."""

from __future__ import annotations

import pytest


def ok(result):
    assert result.exit_code == 0, result.output
    return result


def test_a_mistyped_verb_is_answered_in_chinese_with_a_suggestion(council):
    council.seat(3)
    council.lang = "zh"
    result = council("atend", "王芳")
    assert result.exit_code == 2
    assert "没有“atend”这个命令，您是不是要输入 attend？" in result.output
    assert "No such command" not in result.output


@pytest.mark.parametrize("args, zh, english", [
    (("attend", "王芳", "--bogus", "x"), "没有 --bogus 这个选项", "No such option"),
    (("vote", "roll"), "缺少", "Missing argument"),
    (("meeting", "opne"), "您是不是要输入 open", "No such command"),
    (("vote", "open", "extra"), "多出了参数", "unexpected extra"),
    (("recognize", "--override"), "后面需要一个值", "requires an argument"),
    (("run", "--from", "abc", "x.txt"), "不是数字", "is not a valid integer"),
])
def test_every_usage_error_is_in_the_chosen_language(council, args, zh, english):
    council.seat(3)
    council.lang = "zh"
    result = council(*args)
    assert result.exit_code == 2, result.output
    assert zh in result.output and english not in result.output, result.output
    council.lang = "en"
    result = council(*args)
    assert result.exit_code == 2 and "Error: " in result.output and "用法" not in result.output


def test_without_a_quorum_the_hint_lists_lines_a_host_can_type(council):
    council.seat(10, present=())
    council.lang = "zh"
    code, answer = council.json("move", "加装电梯", "--by", "李明", at=council.clock())
    assert code == 1 and answer["rule"] == "ronr.quorum", answer
    assert "motion adjourn --by 姓名" in answer["hint"]
    assert "only: fix_time" not in answer["hint"]


def test_a_motion_awaiting_a_second_is_named_in_the_hosts_language(council):
    council.seat(5, present="all")
    council.lang = "zh"
    ok(council("move", "加装电梯", "--by", "王芳", at=council.clock()))
    result = council("vote", "open", at=council.clock())
    assert result.exit_code == 1
    assert "修改/Amend" not in result.output and "主动议/" not in result.output
    assert "q1 主动议" in result.output, result.output


def test_a_refusal_with_several_causes_says_all_of_them(council):
    council.seat(8, present=("王芳", "陈静", "刘洋", "张伟", "赵磊"))
    ok(council("move", "加装电梯", "--by", "王芳", at=council.clock()))
    ok(council("second", "--by", "刘洋", at=council.clock()))
    ok(council("hand", "陈静", "--stance", "pro", at=council.clock()))
    ok(council("recognize", at=council.clock()))
    ok(council("speak", at=council.clock()))
    # 黄丽 is not here, and a main motion may not interrupt 陈静's speech anyway
    result = council("move", "另一件事", "--by", "黄丽", at=council.clock())
    assert result.exit_code == 1
    assert "not present" in result.output.lower() or "absent" in result.output.lower(), result.output
    assert "also [luohu.no_interrupting]" in result.output, result.output
    # nothing to second, and the seconder is not here
    result = council("second", "--by", "黄丽", at=council.clock())
    assert result.exit_code == 1 and "also [ronr.present]" in result.output, result.output


def test_adding_a_member_mid_meeting_says_the_quorum_moved(council):
    council.seat(11, present="all")
    result = ok(council("member", "add", "新成员", at=council.clock()))
    assert "from 6 to 7" in result.output, result.output
    council.lang = "zh"
    result = ok(council("member", "add", "又一位", at=council.clock()))
    assert "法定人数" not in result.output  # 13 members: still 7


@pytest.mark.parametrize("typed, yuan", [
    ("8万", 80_000), ("8.5万", 85_000), ("80,000", 80_000), ("８０，０００", 80_000), ("8万元", 80_000),
])
def test_amounts_as_people_write_them(council, typed, yuan):
    council.seat(3)
    ok(council("budget", typed, at=council.clock()))
    ok(council("project", "add", "加装电梯", "--cost", typed, at=council.clock()))
    state = council.state()
    assert state.ballots.budget == yuan
    assert [p.cost for p in state.ballots.projects.values()] == [yuan]


def test_amounts_that_are_not_whole_yuan_are_still_refused():
    from deliberate.amounts import normalize

    assert normalize("8.00005万") == "8.00005万" and normalize("abc") == "abc" and normalize("8,0000") == "8,0000"


def test_a_hand_that_breaks_several_floor_rules_hears_every_one(council):
    council.seat(8, present="all")
    ok(council("move", "加装电梯", "--by", "王芳", at=council.clock()))
    ok(council("second", "--by", "刘洋", at=council.clock()))
    # the presiding chair raises a hand and states no stance: the neutral chair, and stance first
    result = council("hand", "李明", at=council.clock())
    assert result.exit_code == 1
    assert "[luohu.neutral_chair]" in result.output and "also [luohu.stance]" in result.output, result.output
    code, answer = council.json("hand", "李明", at=council.clock())
    assert code == 1 and answer["rule"] == "luohu.neutral_chair"
    assert [cause["rule"] for cause in answer["causes"]] == ["luohu.stance"], answer
    assert answer["causes"][0]["message"] and "--stance" in answer["hint"], answer


def test_a_reason_sets_aside_only_the_rules_it_may_and_every_cause_is_still_said(council):
    council.seat(8, present="all")
    ok(council("move", "加装电梯", "--by", "王芳", at=council.clock()))
    ok(council("second", "--by", "刘洋", at=council.clock()))
    for _ in range(2):  # 陈静 has spoken twice for: the Luohu limit
        ok(council("hand", "陈静", "--stance", "pro", at=council.clock()))
        ok(council("recognize", at=council.clock()))
        ok(council("speak", at=council.clock()))
        ok(council("yield", at=council.clock()))
    # a third hand, with no stance: the limit may be set aside with a reason, stating a stance may not
    code, answer = council.json("hand", "陈静", "--override", "补充数据", at=council.clock())
    assert code == 1 and answer["rule"] == "luohu.stance", answer
    assert [cause["rule"] for cause in answer["causes"]] == ["luohu.limits"], answer
    ok(council("hand", "陈静", "--stance", "pro", "--override", "补充数据", at=council.clock()))


@pytest.mark.parametrize("args", [("--help",), ("attend", "--help"), ("meeting", "--help"), ("meeting", "open", "-h")])
def test_help_says_clicks_own_words_in_the_chosen_language(council, args):
    council.seat(3)
    council.lang = "zh"
    shown = council(*args).output
    assert shown.startswith("用法：deliberate") and "选项：" in shown and "显示本帮助并退出" in shown, shown
    assert "Usage:" not in shown and "Options:" not in shown and "Show this message" not in shown, shown
    council.lang = "en"
    shown = council(*args).output
    assert shown.startswith("Usage: deliberate") and "Options:" in shown and "Show this message and exit." in shown


def test_a_group_without_its_command_shows_its_help_not_an_error_holding_it(council):
    council.seat(3)
    council.lang = "zh"
    result = council("meeting")
    assert result.exit_code == 2
    assert result.output.startswith("用法：deliberate meeting") and "错误" not in result.output, result.output
    code, answer = council.json("meeting")
    assert code == 2 and "\n" not in answer["message"] and "deliberate meeting" in answer["message"], answer


def test_lists_are_joined_as_each_language_joins_them(council):
    council.seat(5, present=("王芳", "陈静"))
    council.lang = "en"
    shown = ok(council("state")).output
    assert "王芳, 陈静" in shown and "、" not in shown, shown
    code, answer = council.json("attend", "刘洋", "王芳", "陈静", at=council.clock())
    assert "王芳, 陈静" in answer["message"], answer
    council.lang = "zh"
    assert "王芳、陈静" in ok(council("state")).output
