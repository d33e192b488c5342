"""pabulib files: reading real files, refusing bad ones with the line and field, writing back."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from deliberate.ballots.election import Ballot, Election, Project
from deliberate.ballots.pabulib import official_selected, parse_pb, read_pb, write_pb
from deliberate.ballots.select import RULES, select
from deliberate.i18n import t
from deliberate.errors import BadInput

DATA = Path(__file__).resolve().parent.parent / "data" / "pabulib"
GOOD = """META
key;value
budget;10
vote_type;approval
PROJECTS
project_id;cost;name
p1;6;"Park; east side"
p2;4;Lights
VOTES
voter_id;vote
v1;p1,p2
v2;p2
"""


def refusal(text: str | bytes) -> BadInput:
    with pytest.raises(BadInput) as caught:
        parse_pb(text)
    for lang in ("zh", "en"):  # the message exists in both languages and is filled in
        message = t(caught.value.key, lang, **caught.value.params)
        assert message != caught.value.key and "{" not in message
    return caught.value


def test_a_good_file_with_bom_crlf_and_a_quoted_field_reads():
    election = parse_pb(("\ufeff" + GOOD.replace("\n", "\r\n")).encode("utf-8"))
    assert election.budget == 10
    assert [p.name for p in election.projects] == ["Park; east side", "Lights"]
    assert [b.approved for b in election.ballots] == [("p1", "p2"), ("p2",)]


def test_a_missing_section_is_named():
    bad = refusal(GOOD.split("VOTES")[0])
    assert (bad.key, bad.params["section"]) == ("budget.pb.missing_section", "VOTES")


def test_a_cost_that_is_not_a_number_names_line_and_field():
    bad = refusal(GOOD.replace("p2;4;Lights", "p2;four;Lights"))
    assert bad.key == "budget.pb.not_money"
    assert (bad.params["line"], bad.params["field"], bad.params["value"]) == (8, "cost", "four")
    assert "line 8" in t(bad.key, "en", **bad.params) and "第8行" in t(bad.key, "zh", **bad.params)


def test_a_vote_for_an_unknown_project_names_line_voter_and_project():
    bad = refusal(GOOD.replace("v2;p2", "v2;p3"))
    assert bad.key == "budget.pb.unknown_project"
    assert (bad.params["line"], bad.params["voter"], bad.params["project"]) == (12, "v2", "p3")


def test_a_duplicate_voter_names_both_lines():
    bad = refusal(GOOD.replace("v2;p2", "v1;p2"))
    assert bad.key == "budget.pb.duplicate_voter"
    assert (bad.params["line"], bad.params["first"]) == (12, 11)


def test_a_file_that_is_not_utf8_names_the_line():
    bad = refusal(GOOD.replace("Lights", "Lumière").encode("latin-1"))
    assert (bad.key, bad.params["line"]) == ("budget.pb.encoding", 8)


def test_a_row_with_too_many_fields_is_refused():
    bad = refusal(GOOD.replace("p2;4;Lights", "p2;4;Lights;extra"))
    assert (bad.key, bad.params["line"], bad.params["found"], bad.params["expected"]) == (
        "budget.pb.field_count", 8, 4, 3)


def test_a_missing_budget_and_a_missing_cost_column_are_refused():
    assert refusal(GOOD.replace("budget;10\n", "")).key == "budget.pb.no_budget"
    bad = refusal(GOOD.replace("project_id;cost;name", "project_id;price;name"))
    assert (bad.key, bad.params["column"]) == ("budget.pb.missing_column", "cost")


def test_unbalanced_quotes_are_refused():
    bad = refusal(GOOD.replace('"Park; east side"', '"Park; east side'))
    assert bad.key in ("budget.pb.quote", "budget.pb.field_count")
    assert bad.params["line"] == 7


def test_a_fractional_cost_is_refused_but_a_whole_decimal_reads():
    assert refusal(GOOD.replace("p2;4;", "p2;4.5;")).key == "budget.pb.not_money"
    assert parse_pb(GOOD.replace("p2;4;", "p2;4.00;")).project("p2").cost == 4


COLUMNS = ["votes", "selected", "x"]
names = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=8)
ids = st.text("abcXYZ0123456789_-", min_size=1, max_size=5)


@st.composite
def written_elections(draw):
    pids = draw(st.lists(ids, min_size=1, max_size=5, unique=True))
    projects = [Project(pid, draw(st.integers(0, 10**9)), draw(names), draw(names), draw(names),
                        tuple(draw(st.lists(st.text("abc", min_size=1, max_size=3), max_size=2))),
                        # extra columns in one order for all projects, as a file's header gives them
                        tuple(sorted(draw(st.dictionaries(st.sampled_from(COLUMNS), names.filter(bool))).items(),
                                     key=lambda item: COLUMNS.index(item[0]))))
                for pid in pids]
    pointed = draw(st.booleans())
    ballots = []
    for k in range(draw(st.integers(0, 5))):
        chosen = tuple(draw(st.lists(st.sampled_from(pids), unique=True)))
        points = tuple(draw(st.integers(0, 9)) for _ in chosen) if pointed and chosen else None
        ballots.append(Ballot(f"voter {k};", chosen, points, (("age", str(20 + k)),)))
    meta = tuple(draw(st.dictionaries(st.sampled_from(["description", "unit", "currency"]), names)).items())
    return Election(projects, draw(st.integers(0, 10**10)), ballots,
                    "cumulative" if pointed else "approval", meta)


@settings(max_examples=200, deadline=None)
@given(written_elections())
def test_writing_then_reading_gives_the_same_election(election):
    assert parse_pb(write_pb(election)) == election
    assert parse_pb(write_pb(election).encode("utf-8")) == election


@pytest.mark.parametrize("name", sorted(p.name for p in DATA.glob("*.pb")))
def test_every_real_file_survives_a_round_trip_and_no_rule_overspends(name):
    election = read_pb(DATA / name)
    assert parse_pb(write_pb(election)) == election
    for rule in RULES:
        outcome = select(election, rule)
        assert outcome.spent <= election.budget


OFFICIAL = {
    "Netherlands_Assen_2024.pb": "equalshares/add1",
    "Poland_Swiecie_2023.pb": "equalshares/add1",
    "Poland_Wieliczka_2023_Green_Budget.pb": "equalshares/add1-comparison",
    "Poland_Warszawa_2022_Rembertow.pb": "greedy",
    "poland_warszawa_2020_mokotow.pb": "greedy",
    "poland_wroclaw_2018_.pb": "greedy",
}


@pytest.mark.parametrize("name", sorted(OFFICIAL))
def test_the_official_outcome_is_reproduced(name):
    election = read_pb(DATA / name)
    assert dict(election.meta)["rule"] == OFFICIAL[name]
    outcome = select(election, OFFICIAL[name])
    assert set(outcome.selected) == set(official_selected(election))


def test_lodz_selected_column_is_no_greedy_outcome_and_cambridge_has_none():
    lodz = read_pb(DATA / "poland_lodz_2020_.pb")
    assert set(select(lodz, "greedy").selected) != set(official_selected(lodz))
    assert official_selected(read_pb(DATA / "US_Stanford_Dataset_PB_Cambridge_2015_vote_knapsacks.pb")) is None


def test_assen_breaks_an_exact_mes_tie_by_cost_and_says_so():
    outcome = select(read_pb(DATA / "Netherlands_Assen_2024.pb"), "equalshares/add1")
    assert [tie.as_dict() for tie in outcome.ties] == [
        {"stage": "equalshares", "step": 3, "tied": ["2", "11"], "chosen": ["2"], "by": ["cost"]}]
