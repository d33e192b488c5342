"""Selection rules by name, the add1 completion, the comparison with greedy, the tie log (pure).

Rules (names as pabulib writes them in META `rule`):

- ``greedy``: `deliberate.ballots.greedy.greedy`.
- ``equalshares``: MES with cost utilities, each voter starting with budget/n
  (n = number of ballots, empty ballots included).
- ``equalshares/add1``: MES with budget/n per voter, then with floor(budget/n)+1,
  floor(budget/n)+2, ... per voter; keep the last outcome that costs at most the
  budget and stop at the first that costs more. The runs also stop when an outcome funds
  every project that has a supporter (nothing is left to buy).
- ``equalshares/add1-comparison``: the add1 outcome, compared with the greedy outcome
  voter by voter (how many of the voter's supported projects each funds); greedy is
  taken only when strictly more voters prefer greedy than prefer add1.
"""

from __future__ import annotations

import math
from fractions import Fraction

from deliberate.ballots.election import Election, no_cycle_collection
from deliberate.ballots.greedy import greedy
from deliberate.ballots.outcome import Outcome, Tie
from deliberate.errors import BadInput

RULES = ("greedy", "equalshares", "equalshares/add1", "equalshares/add1-comparison")


def select(election: Election, rule: str = "equalshares/add1") -> Outcome:
    """The outcome of `rule` on `election`."""
    with no_cycle_collection():
        return _select(election, rule)


def _select(election: Election, rule: str) -> Outcome:
    if rule == "greedy":
        return greedy(election)
    if rule == "equalshares":
        return equal_shares_outcome(election)
    if rule == "equalshares/add1":
        return add1(election)
    if rule == "equalshares/add1-comparison":
        return add1_comparison(election)
    raise BadInput("budget.rule.unknown", rule=rule, rules=", ".join(RULES))


def _spent(election: Election, selected) -> int:
    cost = election.costs()
    return sum(cost[p] for p in selected)


def equal_shares_outcome(election: Election) -> Outcome:
    from deliberate.ballots.mes import EqualShares

    engine = EqualShares(election)
    if engine.voters == 0:
        return Outcome("equalshares", election.budget, (), 0, (), {"per_voter_budget": "0"})
    per_voter = Fraction(election.budget, engine.voters)
    funded, ties = engine.run(per_voter)
    return Outcome("equalshares", election.budget, tuple(funded), _spent(election, funded),
                   tuple(ties), {"per_voter_budget": str(per_voter)})


def add1(election: Election, jump: bool = True) -> Outcome:
    """MES with budget/n per voter, then floor(budget/n)+1, +2, ... (see the module text).

    With `jump`, a run also proves how far the per-voter budget can rise with every
    decision of the run unchanged (`mes.Reach`); the whole budgets in that range give the
    same outcome, so they are counted but not run. `runs` counts the per-voter budgets
    considered, as the plain rule runs them; `mes_runs` the runs actually made.
    """
    from deliberate.ballots.mes import EqualShares

    engine = EqualShares(election)
    budget = election.budget
    if engine.voters == 0:
        return Outcome("equalshares/add1", budget, (), 0, (),
                       {"per_voter_budget": "0", "runs": 0, "mes_runs": 0})
    supported = {engine.ids[j] for j in range(len(engine.ids)) if engine.approvals[j] > 0}
    per_voter = Fraction(budget, engine.voters)
    best, best_ties = engine.run(per_voter, certify=jump)
    best_per_voter = per_voter
    runs = mes_runs = 1
    step = budget // engine.voters
    while set(best) != supported:
        if jump:
            # every whole budget k with k - at < reach gives `best` again: count it, skip it
            same = _last_whole_below(best_per_voter, engine.reach)
            if same > step:
                runs += same - step
                step = best_per_voter = same
        step += 1
        funded, ties = engine.run(Fraction(step), certify=jump)
        runs += 1
        mes_runs += 1
        if _spent(election, funded) > budget:
            break
        best, best_ties, best_per_voter = funded, ties, Fraction(step)
    return Outcome("equalshares/add1", budget, tuple(best), _spent(election, best), tuple(best_ties),
                   {"per_voter_budget": str(best_per_voter), "runs": runs, "mes_runs": mes_runs})


def _last_whole_below(at: Fraction, reach: float) -> int:
    """The largest whole number strictly below at + reach (reach a float, possibly inf)."""
    if reach <= 0:
        return math.ceil(at) - 1
    if math.isinf(reach):
        raise AssertionError("a run that leaves a supported project out always has a finite reach")
    return math.ceil(at + Fraction(reach)) - 1


def preference_counts(election: Election, first, second) -> tuple[int, int]:
    """How many voters get more of their supported projects from `first`, and from `second`."""
    a, b = set(first), set(second)
    prefer_first = prefer_second = 0
    for supported, weight in election.profile():
        in_a, in_b = len(supported & a), len(supported & b)
        if in_a > in_b:
            prefer_first += weight
        elif in_b > in_a:
            prefer_second += weight
    return prefer_first, prefer_second


def add1_comparison(election: Election) -> Outcome:
    mes = add1(election)
    other = greedy(election)
    prefer_greedy, prefer_mes = preference_counts(election, other.selected, mes.selected)
    details = {**mes.details, "prefer_greedy": prefer_greedy, "prefer_mes": prefer_mes}
    rule = "equalshares/add1-comparison"
    if prefer_greedy > prefer_mes:
        return Outcome(rule, election.budget, other.selected, other.spent, other.ties,
                       {**details, "chosen": "greedy"})
    ties = mes.ties
    if prefer_greedy == prefer_mes and set(other.selected) != set(mes.selected):
        ties = ties + (Tie("add1-comparison", 1, ("greedy", "equalshares/add1"),
                           ("equalshares/add1",), ("draw_keeps_mes",)),)
    return Outcome(rule, election.budget, mes.selected, mes.spent, ties,
                   {**details, "chosen": "equalshares/add1"})
