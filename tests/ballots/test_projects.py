"""The community's projects and budget in the record: stories of each refusal (pure), the real
CLI on a real database, the fold and its snapshot, and the pabulib export read back."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest
from hypothesis import given, settings, strategies as st

from deliberate import domain
from deliberate import state as state_codec
from deliberate.app import App, rebuild
from deliberate.ballots.pabulib import parse_pb, read_pb, write_pb
from deliberate.ballots.projects import AddProject, SetBudget, WithdrawProject, election
from deliberate.i18n import t
from deliberate.errors import Refused
from deliberate.refusal import Refusal
from deliberate.roster import CreateCommunity
from deliberate.rules import DEFAULT_RULES, load_rules
from deliberate.state import State
from deliberate.store import Store

AT = "2026-11-20T19:00:00.000+08:00"


# -- pure stories -------------------------------------------------------------------------
class Story:
    """A state folded from events decided in memory: decide, then apply what was decided."""

    def __init__(self, founded: bool = True):
        self.state = State()
        self.seq = 0
        if founded:
            rules, _ = load_rules(DEFAULT_RULES)
            self.do(CreateCommunity(AT, "文华社区", rules.to_dict(), "luohu_ten.yaml"))

    def decide(self, command):
        return domain.decide(self.state, command, None)

    def do(self, command):
        result = self.decide(command)
        assert not isinstance(result, Refusal), result
        for event in result:
            self.seq += 1
            domain.apply(self.state, SimpleNamespace(type=event.type, at=event.at, payload=event.payload,
                                                     seq=self.seq))
        return result

    def refused(self, command) -> Refusal:
        before = state_codec.dumps(self.state)
        result = self.decide(command)
        assert isinstance(result, Refusal), result
        assert state_codec.dumps(self.state) == before  # a refusal changes nothing
        for lang in ("zh", "en"):
            for key in (result.key, result.hint_key):
                if key:
                    text = t(key, lang, **result.params)
                    assert text != key and "{" not in text
        return result


def test_projects_get_ids_in_order_and_a_cost_in_whole_yuan():
    story = Story()
    story.do(AddProject(AT, " 儿童 游乐场 ", "120000", "休闲", "Playground"))
    story.do(AddProject(AT, "路灯", "１５００"))  # full-width digits, as an IME types them
    story.do(AddProject(AT, "长椅", "800.00"))
    ballots = story.state.ballots
    assert [(p.id, p.name, p.cost) for p in ballots.active()] == [
        ("p1", "儿童 游乐场", 120000), ("p2", "路灯", 1500), ("p3", "长椅", 800)]
    assert (ballots.projects["p1"].name_en, ballots.projects["p1"].category) == ("Playground", "休闲")


def test_nothing_is_recorded_before_the_community_exists():
    story = Story(founded=False)
    for command in (AddProject(AT, "路灯", "1500"), SetBudget(AT, "100"), WithdrawProject(AT, "路灯")):
        assert story.refused(command).rule == "record.not_created"


def test_a_project_needs_a_name_and_a_short_one():
    story = Story()
    assert story.refused(AddProject(AT, "   ", "1500")).key == "budget.project.empty_name"
    assert story.refused(AddProject(AT, "长" * 201, "1500")).key == "budget.project.long_name"


def test_a_duplicate_name_is_refused_as_names_are_compared():
    story = Story()
    story.do(AddProject(AT, "Park Bench", "1500"))
    refusal = story.refused(AddProject(AT, "ＰＡＲＫ  bench", "99"))  # full width, case, spaces
    assert (refusal.rule, refusal.key, refusal.params["id"]) == (
        "budget.duplicate_project", "budget.project.duplicate", "p1")
    assert refusal.hint_key == "budget.project.duplicate.hint"


@pytest.mark.parametrize("cost", ["1500.5", "1,500", "abc", "", "1e3", "0x10"])
def test_a_cost_that_is_not_whole_yuan_is_refused(cost):
    refusal = Story().refused(AddProject(AT, "路灯", cost))
    assert (refusal.rule, refusal.key) == ("budget.cost", "budget.cost.not_whole")
    assert "1500.5" in refusal.message("en")


@pytest.mark.parametrize("cost", ["0", "-5", 0, -1])
def test_a_cost_of_zero_or_less_is_refused(cost):
    assert Story().refused(AddProject(AT, "路灯", cost)).key == "budget.cost.not_positive"


@pytest.mark.parametrize("amount", ["1500.5", "五十万", "1 500"])
def test_a_budget_that_is_not_whole_yuan_is_refused(amount):
    refusal = Story().refused(SetBudget(AT, amount))
    assert (refusal.rule, refusal.key) == ("budget.amount", "budget.amount.not_whole")


@pytest.mark.parametrize("amount", ["0", "-3", 0])
def test_a_budget_of_zero_or_less_is_refused(amount):
    assert Story().refused(SetBudget(AT, amount)).key == "budget.amount.not_positive"


def test_a_later_budget_replaces_the_earlier_one():
    story = Story()
    story.do(SetBudget(AT, "500000"))
    story.do(SetBudget(AT, 650000))
    assert story.state.ballots.budget == 650000


def test_withdrawing_an_unknown_project_is_refused_with_close_names():
    story = Story()
    story.do(AddProject(AT, "儿童游乐场", "120000"))
    refusal = story.refused(WithdrawProject(AT, "儿童乐园"))
    assert (refusal.rule, refusal.key, refusal.params["suggest"]) == (
        "budget.unknown_project", "budget.project.unknown", "儿童游乐场")


def test_a_withdrawn_project_cannot_be_withdrawn_again_and_its_name_is_free():
    story = Story()
    story.do(AddProject(AT, "路灯", "1500"))
    story.do(WithdrawProject(AT, "p1"))  # by id
    assert story.refused(WithdrawProject(AT, "路灯")).key == "budget.project.unknown.none"  # nothing close is left
    story.do(AddProject(AT, "路灯", "1800"))  # the name may be used again; the id is new
    assert [(p.id, p.cost) for p in story.state.ballots.active()] == [("p2", 1800)]
    assert story.state.ballots.projects["p1"].withdrawn_at == AT


# -- the fold, the snapshot, the export model ------------------------------------------------
names = st.sampled_from(["路灯", "长椅", "Park", "ＰＡＲＫ", "儿童游乐场", "p1", "p2"])
actions = st.lists(st.one_of(
    st.tuples(st.just("add"), names, st.sampled_from(["1500", "0", "1500.5", "１２", "70000"])),
    st.tuples(st.just("withdraw"), names, st.none()),
    st.tuples(st.just("budget"), st.none(), st.sampled_from(["500000", "-1", "9.5", "1"])),
), max_size=25)


@settings(max_examples=60, deadline=None)
@given(actions)
def test_replay_gives_the_live_state_and_the_export_reads_back(tmp_path_factory, steps):
    folder = tmp_path_factory.mktemp("projects")
    rules, _ = load_rules(DEFAULT_RULES)
    app = App(Store.create(folder / "c.db"))
    app.execute(CreateCommunity(AT, "文华社区", rules.to_dict(), "luohu_ten.yaml"))
    for kind, name, value in steps:
        command = (AddProject(AT, name, value) if kind == "add" else
                   WithdrawProject(AT, name) if kind == "withdraw" else SetBudget(AT, value))
        size = app.store.size()
        try:
            app.execute(command)
        except Refused:
            assert app.store.size() == size
    assert rebuild(app.store) == app.state
    assert state_codec.loads(state_codec.dumps(app.state)) == app.state
    ballots = app.state.ballots
    if ballots is not None:
        ids = list(ballots.projects)
        assert ids == [f"p{k}" for k in range(1, len(ids) + 1)]  # never reused
        keys = [p.key for p in ballots.active()]
        assert len(keys) == len(set(keys))
    found = election(app.state)
    if found is not None:
        assert parse_pb(write_pb(found)) == found
    app.close()


# -- the real command line -------------------------------------------------------------------
def test_projects_and_a_budget_through_the_cli_then_exported_and_read_back(council, tmp_path):
    assert council("init", "文华社区居民议事会", at="2026-11-20T18:00:00+08:00").exit_code == 0
    code, added = council.json("project", "add", "儿童游乐场", "--cost", "120000", "--category", "休闲",
                               "--name-en", "Playground")
    assert code == 0 and added["project"] == {"id": "p1", "name": "儿童游乐场", "name_en": "Playground",
                                               "cost": 120000, "category": "休闲"}
    assert council("project", "add", "路灯改造", "--cost", "45000", "--category", "安全").exit_code == 0
    assert council("project", "add", "旧长椅", "--cost", "800").exit_code == 0
    code, withdrawn = council.json("project", "withdraw", "旧长椅")
    assert code == 0 and withdrawn["withdrawn"]["id"] == "p3"
    code, answer = council.json("budget", "150000")
    assert code == 0 and answer["budget"] == 150000

    code, listed = council.json("project", "list")
    assert code == 0 and listed["budget"] == 150000 and listed["total_cost"] == 165000
    assert [p["id"] for p in listed["projects"]] == ["p1", "p2"] and listed["withdrawn"] == ["p3"]
    council.lang = "zh"
    text = council("project", "list").output
    assert "预算：150000" in text and "路灯改造" in text and "旧长椅" not in text
    council.lang = "en"
    assert "Playground" in council("project", "list").output

    target = tmp_path / "wenhua.pb"
    code, exported = council.json("ballot", "export", str(target))
    assert code == 0 and exported == {"ok": True, "file": str(target), "projects": 2, "budget": 150000,
                                      "votes": 0}
    back = read_pb(target)
    assert back.budget == 150000 and back.ballots == ()
    assert [(p.id, p.cost, p.name, p.name_en, p.category) for p in back.projects] == [
        ("p1", 120000, "儿童游乐场", "Playground", ("休闲",)), ("p2", 45000, "路灯改造", "", ("安全",))]
    assert dict(back.meta)["num_votes"] == "0" and dict(back.meta)["num_projects"] == "2"
    code, selected = council.json("ballot", "select", str(target))  # no ballots yet: nothing chosen
    assert code == 0 and selected["selected"] == []

    state = council("state", "--json")
    assert json.loads(state.stdout)["projects"]["budget"] == 150000
    assert [e.type for e in council.events()][-5:] == [
        "project_added", "project_added", "project_added", "project_withdrawn", "budget_set"]


def test_cli_refusals_exit_1_and_record_nothing(council, tmp_path):
    assert council("init", "文华社区居民议事会", at="2026-11-20T18:00:00+08:00").exit_code == 0
    before = len(council.events())
    code, answer = council.json("budget", "1500.5")
    assert code == 1 and answer["rule"] == "budget.amount" and "1500.5" in answer["message"]
    code, answer = council.json("budget", "-3")
    assert code == 1 and answer["rule"] == "budget.amount"
    code, answer = council.json("project", "add", "路灯", "--cost", "0")
    assert code == 1 and answer["rule"] == "budget.cost"
    code, answer = council.json("project", "withdraw", "路灯")
    assert code == 1 and answer["rule"] == "budget.unknown_project"
    code, answer = council.json("ballot", "export", str(tmp_path / "x.pb"))
    assert code == 1 and answer["rule"] == "budget.export" and not (tmp_path / "x.pb").exists()
    assert len(council.events()) == before


def test_every_new_command_has_bilingual_help():
    from click.testing import CliRunner

    from deliberate.cli.main import root

    runner = CliRunner()
    for line in (["project", "--help"], ["project", "add", "--help"], ["project", "list", "--help"],
                 ["project", "withdraw", "--help"], ["budget", "--help"], ["ballot", "export", "--help"]):
        result = runner.invoke(root, line)
        assert result.exit_code == 0, line
        assert " / " in result.output and any("\u4e00" <= ch <= "\u9fff" for ch in result.output), line
