"""Rules are data: both files load, and a bad file is named with its key and line."""

from pathlib import Path

import pytest

from deliberate.errors import BadInput
from deliberate.rules import BUILTIN_DIR, Rules, load_rules, parse_rules, quorum_count

GOOD = (BUILTIN_DIR / "luohu_ten.yaml").read_text(encoding="utf-8")


def bad(text: str) -> BadInput:
    with pytest.raises(BadInput) as caught:
        parse_rules(text, "council.yaml", BUILTIN_DIR)
    return caught.value


def test_both_rules_files_load_with_their_own_numbers():
    luohu, _ = load_rules(BUILTIN_DIR / "luohu_ten.yaml")
    robert, _ = load_rules(BUILTIN_DIR / "robert.yaml")
    assert (luohu.floor.speech_seconds, luohu.floor.speeches_per_question) == (120, 2)
    assert (robert.floor.speech_seconds, robert.floor.speeches_per_question) == (600, 2)
    assert luohu.rule_prefix == "luohu" and robert.rule_prefix == "ronr"
    assert "previous_question" in luohu.motions and "reconsider" in robert.motions


def test_settings_survive_the_trip_through_the_log():
    luohu, _ = load_rules(BUILTIN_DIR / "luohu_ten.yaml")
    assert Rules.from_dict(luohu.to_dict()) == Rules.from_dict(Rules.from_dict(luohu.to_dict()).to_dict())
    assert Rules.from_dict(luohu.to_dict()).floor == luohu.floor


def test_a_misspelt_key_is_named_with_its_line_and_a_guess():
    error = bad(GOOD.replace("quorum: majority", "quorom: majority"))
    assert error.key == "rules.invalid"
    assert error.params["key"] == "quorom"
    assert "did you mean 'quorum'" in error.params["why"]
    line = [i for i, text in enumerate(GOOD.splitlines(), 1) if text.startswith("quorum:")][0]
    assert error.params["line"] == line


def test_a_nested_wrong_type_is_named_with_its_path():
    error = bad(GOOD.replace("speech_seconds: 120", "speech_seconds: two minutes"))
    assert error.params["key"] == "floor.speech_seconds"
    assert "whole number" in error.params["why"]


def test_malformed_yaml_names_the_line():
    error = bad("name_zh: 罗湖\nfloor: [unclosed\n")
    assert error.key == "rules.yaml_syntax"
    assert error.params["line"] >= 2


def test_a_choice_outside_its_values_is_refused():
    error = bad(GOOD.replace("votes: never", "votes: sometimes"))
    assert error.params["key"] == "chair.votes" and "never" in error.params["why"]


def test_a_bad_quorum_is_refused():
    assert bad(GOOD.replace("quorum: majority", "quorum: most")).params["key"] == "quorum"
    assert bad(GOOD.replace("quorum: majority", 'quorum: "3/2"')).params["key"] == "quorum"


def test_a_misspelt_motion_override_is_named(tmp_path):
    error = bad(GOOD.replace("motion_overrides: {}", "motion_overrides:\n  amend_it: {second: false}"))
    assert error.params["key"].startswith("motion_overrides")


def test_quorum_counts_follow_the_setting():
    assert quorum_count("majority", 24) == 13
    assert quorum_count("majority", 25) == 13
    assert quorum_count("1/2", 25) == 13
    assert quorum_count("1/2", 24) == 12
    assert quorum_count("2/3", 10) == 7
    assert quorum_count("7", 100) == 7


def test_rules_check_and_init_refuse_a_bad_file(council, tmp_path: Path):
    broken = tmp_path / "broken.yaml"
    broken.write_text(GOOD.replace("stance_required: true", "stance_requird: true"), encoding="utf-8")
    result = council("rules", "check", str(broken))
    assert result.exit_code == 2
    assert "stance_requird" in result.output and "broken.yaml" in result.output
    result = council("init", "某社区", "--rules", str(broken))
    assert result.exit_code == 2
    assert not council.db.exists()


def test_only_the_order_and_the_count_can_be_made_overridable():
    error = bad(GOOD.replace('overridable: "equal_opportunity limits"', 'overridable: "limits neutral_chair"'))
    assert error.params["key"] == "floor.overridable" and "neutral_chair" in error.params["why"]
    rules = parse_rules(GOOD.replace('overridable: "equal_opportunity limits"', 'overridable: "limits"'),
                        "council.yaml", BUILTIN_DIR)
    assert rules.floor.overridable.split() == ["limits"]


def test_the_reason_a_rules_file_is_wrong_is_given_in_the_reader_s_language():
    from deliberate.i18n import t

    error = bad(GOOD.replace("speech_seconds: 120", "speech_seconds: 两分钟"))
    zh = t(error.key, "zh", **error.params)
    en = t(error.key, "en", **error.params)
    assert "应为不小于 0 的整数" in zh and "whole number" not in zh
    assert "whole number" in en and "整数" not in en
