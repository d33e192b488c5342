"""add1 skips whole budgets that a run proves give its outcome again (`mes.Reach`).

The shortcut must never change an answer: the jumping add1 equals the plain one, step by
step, on random elections and on every real file, and every per-voter budget inside a
run's proven reach (whole or not) gives that run's outcome and ties exactly.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from deliberate.ballots.mes import EqualShares
from deliberate.ballots.pabulib import read_pb
from deliberate.ballots.select import add1
from tests.ballots.test_selection_rules import elections

DATA = Path(__file__).resolve().parent.parent / "data" / "pabulib"


def same(a, b) -> bool:
    return (a.selected, a.spent, a.ties, a.details["per_voter_budget"], a.details["runs"]) == (
        b.selected, b.spent, b.ties, b.details["per_voter_budget"], b.details["runs"])


@settings(max_examples=300, deadline=None)
@given(st.one_of(elections(), elections(tie_heavy=True), elections(max_projects=8, max_voters=30)))
def test_jumping_add1_equals_the_plain_step_by_step_add1(election):
    assert same(add1(election, jump=True), add1(election, jump=False))


@settings(max_examples=300, deadline=None)
@given(st.one_of(elections(), elections(tie_heavy=True)), st.integers(0, 60), st.integers(1, 5),
       st.lists(st.fractions(0, 1), max_size=4))
def test_every_budget_inside_the_reach_gives_the_same_outcome_and_ties(election, whole, parts, inside):
    engine = EqualShares(election)
    start = Fraction(whole, parts)
    outcome = engine.run(start, certify=True)
    reach = engine.reach
    assert reach >= 0
    if reach == 0 or reach == float("inf"):
        return
    last = start + Fraction(reach) * (1 - Fraction(1, 10**9))  # just inside the reach
    for per_voter in [last, *(start + Fraction(reach) * f for f in inside if f < 1)]:
        assert engine.run(per_voter) == outcome, per_voter


# Mokotów and Łódź are left out for time (about 5 s more): no run there reaches the next
# whole budget, so their jumping add1 runs every step exactly as the plain one does.
@pytest.mark.parametrize("name", sorted(p.name for p in DATA.glob("*.pb")
                                        if "mokotow" not in p.name and "lodz" not in p.name))
def test_jumping_add1_equals_the_plain_one_on_real_files(name):
    election = read_pb(DATA / name)
    jumped, plain = add1(election, jump=True), add1(election, jump=False)
    assert same(jumped, plain)
    assert plain.details["mes_runs"] == plain.details["runs"]


def test_small_files_need_far_fewer_runs():
    outcome = add1(read_pb(DATA / "Netherlands_Assen_2024.pb"))
    assert outcome.details["runs"] == 845 and outcome.details["mes_runs"] < 200
