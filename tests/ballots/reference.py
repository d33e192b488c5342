"""A plain, exact reference of the selection rules, written for clarity and not for speed.

One Fraction budget per voter, every rho recomputed from scratch every round, no merging,
no floats. The engine in deliberate.ballots must agree with it exactly.
"""

from __future__ import annotations

from fractions import Fraction


def id_key(pid: str):
    """Project id order: ASCII-digit ids by number first, then the rest as text."""
    if pid.isascii() and pid.isdigit():
        return (0, int(pid), pid)
    return (1, 0, pid)


def payment(budgets: list[Fraction], cost: int) -> Fraction | None:
    """The least q with sum(min(b, q)) == cost, or None when the budgets cannot pay."""
    if sum(budgets) < cost:
        return None
    ordered = sorted(budgets)
    paid = Fraction(0)
    for k, b in enumerate(ordered):
        q = (cost - paid) / (len(ordered) - k)
        if q <= b:
            return q
        paid += b
    raise AssertionError("unreachable: the budgets cover the cost")


def rhos(costs: dict[str, int], ballots: list[frozenset[str]], budgets: list[Fraction],
         funded: set[str]) -> dict[str, Fraction]:
    """rho = q/cost of every affordable, unfunded project with a supporter."""
    out = {}
    for pid, cost in costs.items():
        supporters = [i for i, b in enumerate(ballots) if pid in b]
        if pid in funded or not supporters:
            continue
        q = payment([budgets[i] for i in supporters], cost)
        if q is not None:
            out[pid] = q / cost if cost else Fraction(0)
    return out


def mes(costs: dict[str, int], ballots: list[frozenset[str]], per_voter: Fraction):
    """MES with cost utilities: (funded in order, [(round, tied projects, chosen)])."""
    budgets = [Fraction(per_voter)] * len(ballots)
    approvals = {pid: sum(pid in b for b in ballots) for pid in costs}
    funded: list[str] = []
    ties = []
    while True:
        rho = rhos(costs, ballots, budgets, set(funded))
        if not rho:
            return funded, ties
        low = min(rho.values())
        tied = sorted((p for p in rho if rho[p] == low), key=id_key)
        chosen = min(tied, key=lambda p: (costs[p], -approvals[p], id_key(p)))
        if len(tied) > 1:
            ties.append((len(funded) + 1, tuple(tied), chosen))
        q = low * costs[chosen]
        budgets = [b - min(b, q) if chosen in ballot else b
                   for b, ballot in zip(budgets, ballots)]
        funded.append(chosen)


def add1(costs: dict[str, int], ballots: list[frozenset[str]], budget: int):
    n = len(ballots)
    if n == 0:
        return []
    supported = {p for b in ballots for p in b}
    best, _ = mes(costs, ballots, Fraction(budget, n))
    k = budget // n
    while set(best) != supported:
        k += 1
        outcome, _ = mes(costs, ballots, Fraction(k))
        if sum(costs[p] for p in outcome) > budget:
            break
        best = outcome
    return best


def greedy(costs: dict[str, int], votes: dict[str, int], budget: int):
    order = sorted((p for p in costs if votes[p] > 0), key=lambda p: (-votes[p], costs[p], id_key(p)))
    chosen, left = [], budget
    for p in order:
        if costs[p] <= left:
            chosen.append(p)
            left -= costs[p]
    return chosen
