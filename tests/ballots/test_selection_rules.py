"""Selection rules on random small elections: budget limits, greedy, MES by its definition,
agreement with the exact reference on tie-heavy elections, invariance to file order."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given, settings, strategies as st

from deliberate.ballots.election import Ballot, Election, Project
from deliberate.ballots.greedy import greedy
from deliberate.ballots.mes import EqualShares
from deliberate.ballots.select import RULES, preference_counts, select
from tests.ballots import reference

IDS = ["1", "2", "3", "9", "10", "07", "a", "B", "L002", "项目"]


@st.composite
def elections(draw, tie_heavy: bool = False, max_projects: int = 6, max_voters: int = 12):
    ids = draw(st.lists(st.sampled_from(IDS), min_size=1, max_size=max_projects, unique=True))
    cost = st.sampled_from([0, 1, 2, 3, 4, 6, 12]) if tie_heavy else st.integers(0, 60)
    costs = draw(st.lists(cost, min_size=len(ids), max_size=len(ids)))
    if tie_heavy:  # few distinct ballots, repeated: equal budgets and equal rho everywhere
        kinds = draw(st.lists(st.frozensets(st.sampled_from(ids)), min_size=1, max_size=3))
        sets = draw(st.lists(st.sampled_from(kinds), max_size=max_voters))
    else:
        sets = draw(st.lists(st.frozensets(st.sampled_from(ids)), max_size=max_voters))
    budget = draw(st.integers(0, sum(costs) + 5))
    projects = [Project(pid, c) for pid, c in zip(ids, costs)]
    ballots = [Ballot(f"v{k}", tuple(sorted(s))) for k, s in enumerate(sets)]
    return Election(projects, budget, ballots)


def plain(election: Election):
    costs = {p.id: p.cost for p in election.projects}
    ballots = [frozenset(b.approved) for b in election.ballots]
    return costs, ballots


@settings(max_examples=200, deadline=None)
@given(elections())
def test_no_rule_ever_spends_more_than_the_budget(election):
    costs = election.costs()
    for rule in RULES:
        outcome = select(election, rule)
        assert outcome.spent == sum(costs[p] for p in outcome.selected) <= election.budget
        assert len(set(outcome.selected)) == len(outcome.selected)


@settings(max_examples=200, deadline=None)
@given(elections())
def test_greedy_funds_the_most_voted_project_that_fits(election):
    outcome = greedy(election)
    votes, costs = election.scores(), election.costs()
    fitting = [p for p in costs if costs[p] <= election.budget and votes[p] > 0]
    if fitting:
        top = max(votes[p] for p in fitting)
        assert outcome.selected[0] in [p for p in fitting if votes[p] == top]
    # and it is exhaustive: no voted project left out still fits
    left = election.budget - outcome.spent
    assert all(costs[p] > left for p in costs if votes[p] > 0 and p not in outcome.selected)


@settings(max_examples=150, deadline=None)
@given(elections(tie_heavy=True))
def test_add1_never_spends_more_than_the_budget_and_matches_the_reference(election):
    outcome = select(election, "equalshares/add1")
    assert outcome.spent <= election.budget
    costs, ballots = plain(election)
    assert list(outcome.selected) == reference.add1(costs, ballots, election.budget)


@settings(max_examples=300, deadline=None)
@given(elections(tie_heavy=True), st.integers(0, 40))
def test_mes_matches_the_exact_reference_on_tie_heavy_elections(election, extra):
    costs, ballots = plain(election)
    engine = EqualShares(election)
    for per_voter in (Fraction(election.budget, max(1, len(ballots))), Fraction(extra), Fraction(extra, 7)):
        funded, ties = engine.run(per_voter)
        expected, expected_ties = reference.mes(costs, ballots, per_voter)
        assert funded == expected
        assert [(t.step, t.tied, t.chosen[0]) for t in ties] == expected_ties


@settings(max_examples=200, deadline=None)
@given(elections(max_projects=4, max_voters=6), st.integers(0, 30))
def test_each_mes_round_takes_a_project_of_least_rho_brute_force(election, numerator):
    """Replay the engine's choices on per-voter Fraction budgets and check the definition."""
    costs, ballots = plain(election)
    per_voter = Fraction(numerator, 3)
    funded, _ = EqualShares(election).run(per_voter)
    budgets = [per_voter] * len(ballots)
    done: set[str] = set()
    for chosen in funded:
        # every affordable project, by brute force over who pays in full
        rho = {}
        for pid, cost in costs.items():
            members = [i for i, b in enumerate(ballots) if pid in b]
            if pid in done or not members:
                continue
            options = []
            for mask in range(1 << len(members)):
                full = [i for k, i in enumerate(members) if mask >> k & 1]
                rest = [i for i in members if i not in full]
                if not rest:
                    if sum(budgets[i] for i in full) == cost:
                        options.append(max([budgets[i] for i in full], default=Fraction(0)))
                    continue
                q = (Fraction(cost) - sum(budgets[i] for i in full)) / len(rest)  # Fraction, never float
                if q >= 0 and all(budgets[i] <= q for i in full) and all(budgets[i] >= q for i in rest):
                    options.append(q)
            if options:
                rho[pid] = Fraction(min(options)) / cost if cost else Fraction(0)
        assert all(isinstance(r, Fraction) for r in rho.values())
        assert chosen in rho, "the engine funded a project its supporters cannot pay for"
        assert rho[chosen] == min(rho.values())
        q = rho[chosen] * costs[chosen]
        budgets = [b - min(b, q) if chosen in ballot else b for b, ballot in zip(budgets, ballots)]
        done.add(chosen)
    left = reference.rhos(costs, ballots, budgets, done)
    assert not left, "the engine stopped while a project was still affordable"


@settings(max_examples=150, deadline=None)
@given(elections(tie_heavy=True), st.randoms(use_true_random=False))
def test_outcome_does_not_depend_on_the_order_in_the_file(election, rnd):
    projects, ballots = list(election.projects), list(election.ballots)
    rnd.shuffle(projects)
    rnd.shuffle(ballots)
    shuffled = Election(projects, election.budget, ballots)
    for rule in RULES:
        a, b = select(election, rule), select(shuffled, rule)
        assert (a.selected, a.spent, a.ties) == (b.selected, b.spent, b.ties)


@settings(max_examples=150, deadline=None)
@given(elections())
def test_greedy_matches_the_reference(election):
    costs = election.costs()
    assert list(greedy(election).selected) == reference.greedy(costs, election.scores(), election.budget)


@settings(max_examples=150, deadline=None)
@given(elections(tie_heavy=True))
def test_comparison_takes_greedy_only_when_more_voters_prefer_it(election):
    outcome = select(election, "equalshares/add1-comparison")
    mes, other = select(election, "equalshares/add1"), greedy(election)
    prefer_greedy, prefer_mes = preference_counts(election, other.selected, mes.selected)
    expected = other if prefer_greedy > prefer_mes else mes
    assert outcome.selected == expected.selected


def test_a_tie_in_mes_goes_to_the_lower_cost_then_more_votes_then_id():
    # two voters each; both projects cost what their supporters hold: equal rho = 1/2
    projects = [Project("b", 4), Project("a", 2), Project("c", 2)]
    ballots = [Ballot("1", ("b",)), Ballot("2", ("b",)), Ballot("3", ("a",)), Ballot("4", ("a",)),
               Ballot("5", ("c",)), Ballot("6", ("c",))]
    outcome = select(Election(projects, 12, ballots), "equalshares")
    assert outcome.selected == ("a", "c", "b")
    first = outcome.ties[0]
    # cost leaves a and c; their votes are equal too; the id decides
    assert (first.tied, first.chosen, first.by) == (("a", "b", "c"), ("a",), ("cost", "votes", "id"))


def test_a_greedy_tie_is_listed_only_when_it_decided_something():
    projects = [Project("x", 5), Project("y", 5), Project("z", 1)]
    ballots = [Ballot("1", ("x", "y", "z")), Ballot("2", ("x", "y"))]
    outcome = greedy(Election(projects, 6, ballots))
    assert outcome.selected == ("x", "z")
    assert [(t.tied, t.chosen, t.by) for t in outcome.ties] == [(("x", "y"), ("x",), ("id",))]
