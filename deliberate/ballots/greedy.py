"""Greedy selection: most votes first; skip a project that no longer fits and go on (pure)."""

from __future__ import annotations

from itertools import groupby

from deliberate.ballots.election import Election, id_order
from deliberate.ballots.outcome import Outcome, Tie


def greedy_order(election: Election) -> list[str]:
    """Projects with at least one vote: more votes first, then lower cost, then id order."""
    score = election.scores()
    cost = election.costs()
    voted = [p for p in score if score[p] > 0]
    return sorted(voted, key=lambda p: (-score[p], cost[p], id_order(p)))


def greedy(election: Election, budget: int | None = None) -> Outcome:
    """Take projects in `greedy_order`, each one that still fits in the money left.

    A group of projects with equal votes is listed as a tie only when the order inside
    it decided something: some of the group were funded and some were not. (When all
    or none of a group fit, any order inside it gives the same result.)
    """
    limit = election.budget if budget is None else budget
    score = election.scores()
    cost = election.costs()
    left = limit
    selected: list[str] = []
    ties: list[Tie] = []
    step = 0
    for _, group in groupby(greedy_order(election), key=lambda p: score[p]):
        members = list(group)
        taken = []
        for project_id in members:
            step += 1
            if cost[project_id] <= left:
                left -= cost[project_id]
                taken.append(project_id)
        selected.extend(taken)
        if 0 < len(taken) < len(members):
            by = []
            if len({cost[p] for p in members}) > 1:
                by.append("cost")
            if len({cost[p] for p in members}) < len(members):
                by.append("id")
            ties.append(Tie("greedy", step - len(members) + 1, tuple(members), tuple(taken), tuple(by)))
    return Outcome("greedy", limit, tuple(selected), limit - left, tuple(ties))
