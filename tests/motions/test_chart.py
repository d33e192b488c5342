"""The chart of motions: RONR's values in rules/motions.yaml, their checking, and the docs made from them."""

from __future__ import annotations

import ast
import copy
import importlib.util
import json
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from deliberate.motions import chart as chart_module
from deliberate.motions.chart import (
    CLASSES,
    MOTION_IDS,
    ROW_KEYS,
    ChartError,
    MotionSpec,
    chart_rows,
    load_chart,
)

ROOT = Path(__file__).resolve().parents[2]
CHART_FILE = ROOT / "rules" / "motions.yaml"


def _load_generator():
    spec = importlib.util.spec_from_file_location("gen_motions_doc", ROOT / "tools" / "gen_motions_doc.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def raw() -> dict:
    with CHART_FILE.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@pytest.fixture
def data(raw) -> dict:
    return copy.deepcopy(raw)


@pytest.fixture(scope="module")
def chart(raw):
    return load_chart(copy.deepcopy(raw))


# --- (a) what RONR says, as the file says it --------------------------------------------

RONR_FACTS = [
    # (motion, field, value, where RONR says so)
    ("main_motion", "rank", 1, "§5: the main motion ranks lowest"),
    ("main_motion", "second", True, "§10: a main motion needs a second"),
    ("postpone_indefinitely", "debatable", True, "§11: debate goes into the main question"),
    ("postpone_indefinitely", "reconsider", "affirmative_only", "§11: only an affirmative vote"),
    ("amend", "debatable", "if_target", "§12: debatable if the motion to amend is"),
    ("amend", "vote", "majority", "§12: majority even when the motion amended needs two-thirds"),
    ("commit_or_refer", "debatable", "restricted", "§13: only the propriety of committing"),
    ("postpone_to_a_certain_time", "debatable", "restricted", "§14: only the propriety of postponing"),
    ("postpone_to_a_certain_time", "vote", "majority_or_two_thirds_if_special_order", "§14"),
    ("limit_or_extend_limits_of_debate", "vote", "two_thirds", "§15"),
    ("limit_or_extend_limits_of_debate", "debatable", False, "§15"),
    ("limit_or_extend_limits_of_debate", "amendable", True, "§15"),
    ("previous_question", "vote", "two_thirds", "§16"),
    ("previous_question", "debatable", False, "§16"),
    ("previous_question", "amendable", False, "§16"),
    ("previous_question", "rank", 7, "§16"),
    ("lay_on_the_table", "debatable", False, "§17"),
    ("lay_on_the_table", "amendable", False, "§17"),
    ("lay_on_the_table", "reconsider", "negative_only", "§17: taken from the table instead"),
    ("call_for_orders_of_the_day", "interrupts", True, "§18"),
    ("call_for_orders_of_the_day", "second", False, "§18"),
    ("raise_question_of_privilege", "interrupts", True, "§19"),
    ("recess", "amendable", True, "§20: as to length"),
    ("recess", "reconsider", False, "§20"),
    ("adjourn", "class", "privileged", "§21"),
    ("adjourn", "rank", 12, "§21"),
    ("adjourn", "debatable", False, "§21"),
    ("adjourn", "amendable", False, "§21"),
    ("fix_time_to_which_to_adjourn", "rank", 13, "§22: the highest-ranking motion"),
    ("point_of_order", "second", False, "§23"),
    ("point_of_order", "interrupts", True, "§23"),
    ("point_of_order", "vote", "none_chair_rules", "§23: the chair rules"),
    ("appeal", "vote", "majority_in_negative_to_reverse", "§24: a tie sustains the chair"),
    ("appeal", "second", True, "§24"),
    ("appeal", "reconsider", True, "§24"),
    ("suspend_the_rules", "vote", "two_thirds", "§25"),
    ("suspend_the_rules", "reconsider", False, "§25"),
    ("objection_to_consideration", "vote", "two_thirds_against_consideration", "§26"),
    ("objection_to_consideration", "second", False, "§26"),
    ("objection_to_consideration", "applies_to", ("main_motion",), "§26: original main motions only"),
    ("division_of_a_question", "amendable", True, "§27"),
    ("division_of_the_assembly", "vote", "none", "§29: one member's demand"),
    ("division_of_the_assembly", "second", False, "§29"),
    ("parliamentary_inquiry", "vote", "none", "§33: the chair answers"),
    ("request_to_withdraw_or_modify_motion", "moved_by", "maker", "§33"),
    ("take_from_the_table", "debatable", False, "§34"),
    ("rescind_or_amend_something_previously_adopted", "vote",
     "majority_with_notice_or_two_thirds_or_majority_of_entire_membership", "§35"),
    ("rescind_or_amend_something_previously_adopted", "reconsider", "negative_only", "§35"),
    ("discharge_a_committee", "debatable", True, "§36"),
    ("reconsider", "moved_by", "prevailing_side", "§37: only by one who voted with the prevailing side"),
    ("reconsider", "interrupts", True, "§37: made, not considered, while another has the floor"),
    ("reconsider", "debatable", "if_target", "§37"),
    ("reconsider", "amendable", False, "§37"),
]

ATTRIBUTE = {"class": "motion_class"}


@pytest.mark.parametrize(("motion", "field", "value", "source"), RONR_FACTS,
                         ids=[f"{m}.{f}" for m, f, _, _ in RONR_FACTS])
def test_chart_holds_ronr_fact(chart, motion, field, value, source):
    actual = getattr(chart[motion], ATTRIBUTE.get(field, field))
    assert actual == value and type(actual) is type(value), f"{motion}.{field}: {source}"


RONR_SECTIONS = {
    "main_motion": 10, "postpone_indefinitely": 11, "amend": 12, "commit_or_refer": 13,
    "postpone_to_a_certain_time": 14, "limit_or_extend_limits_of_debate": 15,
    "previous_question": 16, "lay_on_the_table": 17, "call_for_orders_of_the_day": 18,
    "raise_question_of_privilege": 19, "recess": 20, "adjourn": 21,
    "fix_time_to_which_to_adjourn": 22, "point_of_order": 23, "appeal": 24,
    "suspend_the_rules": 25, "objection_to_consideration": 26, "division_of_a_question": 27,
    "consideration_by_paragraph": 28, "division_of_the_assembly": 29,
    "parliamentary_inquiry": 33, "request_for_information": 33,
    "request_to_withdraw_or_modify_motion": 33, "take_from_the_table": 34,
    "rescind_or_amend_something_previously_adopted": 35, "discharge_a_committee": 36,
    "reconsider": 37,
}


def test_each_motion_cites_its_ronr_section(chart):
    assert {m: s.ronr for m, s in chart.items()} == {m: f"§{n}" for m, n in RONR_SECTIONS.items()}


def test_chart_lists_exactly_the_motions_in_order(chart):
    assert tuple(chart) == MOTION_IDS
    assert len(chart) == len(MOTION_IDS) == 27


def test_only_requests_and_demands_need_no_second(chart):
    unseconded = {m for m, s in chart.items() if not s.second}
    assert unseconded == {
        "call_for_orders_of_the_day", "raise_question_of_privilege", "point_of_order",
        "objection_to_consideration", "division_of_the_assembly", "parliamentary_inquiry",
        "request_for_information", "request_to_withdraw_or_modify_motion",
    }


def test_a_vote_of_none_only_for_motions_needing_no_second(chart):
    # §5-§33: what the chair rules or one member demands is never seconded
    for spec in chart.values():
        if spec.vote_base == "none":
            assert not spec.second, spec.id


def test_amend_applies_to_amendable_motions_only(chart):
    assert chart.can_apply("amend", ["main_motion"])
    assert chart.can_apply("amend", ["main_motion", "commit_or_refer"])
    assert not chart.can_apply("amend", ["main_motion", "previous_question"])
    assert not chart.can_apply("amend", ["main_motion", "adjourn"])


def test_postpone_indefinitely_applies_only_to_a_main_motion(chart):
    assert chart.can_apply("postpone_indefinitely", ["main_motion"])
    assert not chart.can_apply("postpone_indefinitely", ["main_motion", "amend"])


def test_previous_question_applies_to_debatable_or_amendable_motions(chart):
    assert chart.can_apply("previous_question", ["main_motion"])
    assert chart.can_apply("previous_question", ["main_motion", "amend"])
    assert chart.can_apply("previous_question", ["main_motion", "recess"])  # amendable
    assert not chart.can_apply("previous_question", ["main_motion", "lay_on_the_table"])
    assert not chart.can_apply("previous_question", [])


def test_limit_debate_needs_a_debatable_target_through_if_target(chart):
    assert chart.can_apply("limit_or_extend_limits_of_debate", ["main_motion", "amend"])
    assert not chart.can_apply("limit_or_extend_limits_of_debate", ["main_motion", "recess", "amend"])


def test_if_target_debatability_follows_the_chain(chart):
    assert chart.is_debatable(["main_motion", "amend", "amend"]) is True
    assert chart.is_debatable(["main_motion", "commit_or_refer", "amend"]) == "restricted"
    assert chart.is_debatable(["main_motion", "recess", "amend"]) is False
    assert chart.is_debatable(["main_motion", "reconsider"]) is True
    assert chart.is_debatable(["amend"]) is False


def test_chart_rows_are_the_json_shape(chart):
    rows = chart_rows(chart)
    assert [r["id"] for r in rows] == list(MOTION_IDS)
    assert all(tuple(r) == ROW_KEYS for r in rows)
    assert json.loads(json.dumps(rows, ensure_ascii=False)) == rows
    adjourn = rows[MOTION_IDS.index("adjourn")]
    assert adjourn == {
        "id": "adjourn", "class": "privileged", "rank": 12, "interrupts": False, "second": True,
        "debatable": False, "amendable": False, "vote": "majority", "reconsider": False,
        "name_zh": "休会", "name_en": "Adjourn", "ronr": "§21",
    }


def test_motion_spec_is_frozen(chart):
    with pytest.raises(AttributeError):
        chart["amend"].vote = "two_thirds"  # type: ignore[misc]
    assert isinstance(chart.get("amend"), MotionSpec)
    assert chart.get("no_such_motion") is None


def test_chart_module_imports_only_the_standard_library_and_msgspec():
    """msgspec makes the domain's plain-data classes; nothing else outside the standard library."""
    tree = ast.parse(Path(chart_module.__file__).read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            names.add((node.module or "").split(".")[0])
    assert names <= set(sys.stdlib_module_names) | {"__future__", "msgspec"}, names


# --- (b) every way the data can be wrong -----------------------------------------------


def _error(data, overrides=None) -> ChartError:
    with pytest.raises(ChartError) as caught:
        load_chart(data, overrides)
    return caught.value


def test_unknown_field_is_refused(data):
    data["motions"]["amend"]["colour"] = "red"
    assert _error(data).path == ("motions", "amend", "colour")


def test_missing_field_is_refused(data):
    del data["motions"]["amend"]["vote"]
    error = _error(data)
    assert (error.path, error.why, error.source) == (("motions", "amend", "vote"), "missing field", "chart")


@pytest.mark.parametrize(("field", "value"), [
    ("second", "yes"),
    ("interrupts", 1),
    ("rank", True),
    ("rank", 14),
    ("rank", "3"),
    ("class", "secondary"),
    ("debatable", "maybe"),
    ("debatable", 1),
    ("amendable", None),
    ("vote", "plurality"),
    ("vote", "Majority"),
    ("vote", 2),
    ("reconsider", "sometimes"),
    ("moved_by", "chair"),
    ("requires_pending", "no"),
    ("applies_to", "main_motion"),
    ("applies_to", ["no_such_motion"]),
    ("applies_to", ["main_motion", "main_motion"]),
    ("in_order_when", ["Not Snake"]),
    ("effect", "amend text"),
    ("name_zh", ""),
    ("name_en", None),
    ("ronr", "12"),
])
def test_wrong_value_is_refused_at_its_path(data, field, value):
    data["motions"]["amend"][field] = value
    error = _error(data)
    assert error.path == ("motions", "amend", field)
    assert error.source == "chart"
    assert str(error).startswith(f"motions.amend.{field}: ")


def test_unknown_motion_id_in_chart_is_refused(data):
    data["motions"]["table_it"] = copy.deepcopy(data["motions"]["lay_on_the_table"])
    assert _error(data).path == ("motions", "table_it")


def test_missing_motion_is_refused(data):
    del data["motions"]["reconsider"]
    assert _error(data).path == ("motions", "reconsider")


def test_motions_out_of_order_are_refused(data):
    motions = data["motions"]
    data["motions"] = {"amend": motions["amend"], **{k: v for k, v in motions.items() if k != "amend"}}
    error = _error(data)
    assert error.path == ("motions", "amend")
    assert "main_motion" in error.why


def test_unknown_motion_id_in_overrides_is_refused(data):
    error = _error(data, {"table_it": {"vote": "majority"}})
    assert (error.path, error.source) == (("motion_overrides", "table_it"), "overrides")


def test_wrong_value_in_overrides_is_refused_at_its_path(data):
    error = _error(data, {"adjourn": {"vote": "plurality"}})
    assert (error.path, error.source) == (("motion_overrides", "adjourn", "vote"), "overrides")


def test_unknown_field_in_overrides_is_refused(data):
    error = _error(data, {"adjourn": {"speed": "fast"}})
    assert error.path == ("motion_overrides", "adjourn", "speed")


def test_overrides_that_are_not_mappings_are_refused(data):
    assert _error(copy.deepcopy(data), ["adjourn"]).path == ("motion_overrides",)
    assert _error(data, {"adjourn": "majority"}).path == ("motion_overrides", "adjourn")


def test_override_changes_one_field_and_nothing_else(data, chart):
    changed = load_chart(data, {"previous_question": {"vote": "majority"}})
    assert changed["previous_question"].vote == "majority"
    assert chart["previous_question"].vote == "two_thirds"
    for motion_id in MOTION_IDS:
        if motion_id != "previous_question":
            assert changed[motion_id] == chart[motion_id]
    assert load_chart(data, {}) == load_chart(data, None) == chart


def test_duplicate_rank_from_override_is_refused_in_the_overrides(data):
    error = _error(data, {"recess": {"rank": 12}})
    assert (error.path, error.source) == (("motion_overrides", "recess", "rank"), "overrides")
    assert "adjourn" in error.why or "recess" in error.why


def test_rank_outside_its_class_is_refused(data):
    data["motions"]["adjourn"]["rank"] = 5
    assert _error(data).path in {("motions", "adjourn", "rank"), ("motions", "postpone_to_a_certain_time", "rank")}


def test_rank_on_an_incidental_motion_is_refused(data):
    data["motions"]["appeal"]["rank"] = 9
    assert _error(data).path == ("motions", "appeal", "rank")


def test_a_rank_left_empty_is_refused(data):
    error = _error(copy.deepcopy(data), {"adjourn": {"class": "incidental", "rank": None}})
    assert (error.path, error.source) == (("motion_overrides",), "overrides")
    assert "12" in error.why
    data["motions"]["adjourn"].update({"class": "incidental", "rank": None})
    assert _error(data).path == ("motions",)


def test_class_override_that_contradicts_the_rank_is_refused_at_the_class(data):
    error = _error(data, {"adjourn": {"class": "incidental"}})
    assert (error.path, error.source) == (("motion_overrides", "adjourn", "class"), "overrides")


@pytest.mark.parametrize(("change", "path"), [
    (lambda d: d.__setitem__("version", 2), ("version",)),
    (lambda d: d.__setitem__("version", True), ("version",)),
    (lambda d: d.pop("version"), ("version",)),
    (lambda d: d.pop("motions"), ("motions",)),
    (lambda d: d.__setitem__("extra", 1), ("extra",)),
    (lambda d: d.__setitem__("motions", []), ("motions",)),
    (lambda d: d["motions"].__setitem__("amend", "majority"), ("motions", "amend")),
])
def test_top_level_shape_is_checked(data, change, path):
    change(data)
    assert _error(data).path == path


def test_chart_that_is_not_a_mapping_is_refused():
    assert _error(["main_motion"]).path == ()


VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(-2, 20), st.sampled_from(
        ["majority", "two_thirds", "none_x", "restricted", "if_target", "negative_only",
         "main", "incidental", "maker", "§9", "", "x y", "amendable"]),
    st.lists(st.sampled_from(["any", "main_motion", "debatable", "bogus", "Bad"]), max_size=3),
)


@settings(max_examples=300, deadline=None)
@given(motion=st.sampled_from(MOTION_IDS + ("bogus",)),
       field=st.sampled_from(sorted(ROW_KEYS[1:]) + ["applies_to", "moved_by", "unknown"]),
       value=VALUES)
def test_any_override_loads_or_raises_chart_error(raw, motion, field, value):
    try:
        result = load_chart(copy.deepcopy(raw), {motion: {field: value}})
    except ChartError as error:
        assert error.path[0] in ("motion_overrides", "motions")
    else:
        assert getattr(result[motion], ATTRIBUTE.get(field, field)) == (
            tuple(value) if isinstance(value, list) else value)


# --- (c) the docs are what the generator writes -----------------------------------------


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_motions_doc_is_generated_from_the_chart(lang):
    generator = _load_generator()
    path = ROOT / "docs" / lang / "motions.md"
    expected = generator.render(generator.load(), lang)
    assert path.read_text(encoding="utf-8") == expected, "run: python tools/gen_motions_doc.py"


def test_generator_writes_both_languages():
    generator = _load_generator()
    written = generator.pages(generator.load())
    assert set(written) == {ROOT / "docs" / "zh" / "motions.md", ROOT / "docs" / "en" / "motions.md"}
    for lang in ("zh", "en"):
        text = written[ROOT / "docs" / lang / "motions.md"]
        for motion_id in MOTION_IDS:
            assert f"`{motion_id}`" in text


# --- (d) precedence --------------------------------------------------------------------


def test_ranks_one_to_thirteen_each_used_once(chart):
    ranks = [s.rank for s in chart.values() if s.rank is not None]
    assert sorted(ranks) == list(range(1, 14))


def test_rank_order_matches_class_order(chart):
    ranked = chart.by_rank()
    assert [s.rank for s in ranked] == list(range(1, 14))
    order = [CLASSES.index(s.motion_class) for s in ranked]
    assert order == sorted(order)
    assert [s.motion_class for s in ranked] == ["main"] + ["subsidiary"] * 7 + ["privileged"] * 5


def test_unranked_motions_are_incidental_or_bring_back(chart):
    for spec in chart.values():
        assert (spec.rank is None) == (spec.motion_class in ("incidental", "bring_back")), spec.id


def test_chart_lists_ranked_motions_in_rank_order(chart):
    ranked_in_file = [s.id for s in chart.values() if s.rank is not None]
    assert ranked_in_file == [s.id for s in chart.by_rank()]
