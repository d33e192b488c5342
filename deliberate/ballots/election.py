"""The model of a budget election: projects, a budget, ballots (pure, standard library only).

An `Election` is what every selection rule reads. It can come from a pabulib file
(`deliberate.ballots.pabulib`) or be built in memory by a meeting that ran its own poll.
Money is in whole currency units (int) everywhere.
"""

from __future__ import annotations

import gc
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field

from deliberate.errors import BadInput


@contextmanager
def no_cycle_collection():
    """Pause Python's cycle collector while a block builds many small objects and no cycles.

    Reading a large file or merging its ballots makes hundreds of thousands of tuples and
    frozensets; the collector would rescan them again and again (2-3x the time). Memory
    is still freed by reference counting; the collector is restored on leaving the block.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def id_order(project_id: str) -> tuple:
    """The order of project ids used to break the last ties: numbers by value, then text.

    Ids made only of ASCII digits compare as whole numbers ("9" before "10") and come
    before all other ids, which compare as text (by code point). The order never
    depends on where a project stands in a file.
    """
    if project_id.isascii() and project_id.isdigit():
        return (0, int(project_id), project_id)
    return (1, 0, project_id)


@dataclass(frozen=True)
class Project:
    """A project on the ballot: id (text), cost, names, categories, other columns kept as read."""

    id: str
    cost: int
    name: str = ""
    name_zh: str = ""
    name_en: str = ""
    category: tuple[str, ...] = ()
    extra: tuple[tuple[str, str], ...] = ()

    def label(self, lang: str = "zh") -> str:
        """The name to show in `lang`, falling back to the other language, then the original name."""
        first, second = (self.name_zh, self.name_en) if lang == "zh" else (self.name_en, self.name_zh)
        return first or second or self.name


@dataclass(frozen=True)
class Ballot:
    """One voter's ballot: the projects they approve, and points when the vote gave points."""

    voter: str
    approved: tuple[str, ...]
    points: tuple[int, ...] | None = None
    extra: tuple[tuple[str, str], ...] = ()

    def supports(self) -> frozenset[str]:
        """The projects this ballot supports: all listed, except those given zero points."""
        if self.points is None:
            return frozenset(self.approved)
        return frozenset(p for p, pt in zip(self.approved, self.points) if pt > 0)


@dataclass(frozen=True)
class Election:
    """Projects, a budget and ballots; checked on construction (BadInput on a contradiction)."""

    projects: tuple[Project, ...]
    budget: int
    ballots: tuple[Ballot, ...]
    vote_type: str = "approval"
    meta: tuple[tuple[str, str], ...] = field(default=())

    def __post_init__(self) -> None:
        object.__setattr__(self, "projects", tuple(self.projects))
        object.__setattr__(self, "ballots", tuple(self.ballots))
        object.__setattr__(self, "meta", tuple(self.meta))
        if isinstance(self.budget, bool) or not isinstance(self.budget, int) or self.budget < 0:
            raise BadInput("budget.model.bad_budget", value=self.budget)
        seen: set[str] = set()
        for project in self.projects:
            if project.id in seen:
                raise BadInput("budget.model.duplicate_project", project=project.id)
            seen.add(project.id)
            if isinstance(project.cost, bool) or not isinstance(project.cost, int) or project.cost < 0:
                raise BadInput("budget.model.bad_cost", project=project.id, value=project.cost)
        voters: set[str] = set()
        for ballot in self.ballots:
            if ballot.voter in voters:
                raise BadInput("budget.model.duplicate_voter", voter=ballot.voter)
            voters.add(ballot.voter)
            if len(set(ballot.approved)) != len(ballot.approved):
                twice = next(p for p, k in Counter(ballot.approved).items() if k > 1)
                raise BadInput("budget.model.duplicate_in_ballot", voter=ballot.voter, project=twice)
            for project_id in ballot.approved:
                if project_id not in seen:
                    raise BadInput("budget.model.unknown_project", voter=ballot.voter, project=project_id)
            if ballot.points is not None:
                if len(ballot.points) != len(ballot.approved):
                    raise BadInput("budget.model.points_mismatch", voter=ballot.voter)
                if any(pt < 0 for pt in ballot.points):
                    raise BadInput("budget.model.negative_points", voter=ballot.voter)

    def project(self, project_id: str) -> Project:
        for project in self.projects:
            if project.id == project_id:
                return project
        raise KeyError(project_id)

    def costs(self) -> dict[str, int]:
        return {p.id: p.cost for p in self.projects}

    def scores(self) -> dict[str, int]:
        """Votes per project: approvals, or the sum of points when the ballots carry points."""
        score = {p.id: 0 for p in self.projects}
        for ballot in self.ballots:
            if ballot.points is None:
                for project_id in ballot.approved:
                    score[project_id] += 1
            else:
                for project_id, pt in zip(ballot.approved, ballot.points):
                    score[project_id] += pt
        return score

    def approvals(self) -> dict[str, int]:
        """Supporters per project (a ballot supports what it lists with a positive score)."""
        count = {p.id: 0 for p in self.projects}
        for ballot in self.ballots:
            for project_id in ballot.supports():
                count[project_id] += 1
        return count

    def profile(self) -> list[tuple[frozenset[str], int]]:
        """Identical ballots merged: (supported projects, how many voters), in a canonical order.

        The order depends only on the ballots' contents, never on their order in a file.
        """
        merged = Counter(ballot.supports() for ballot in self.ballots)
        rank = {pid: k for k, pid in enumerate(sorted((p.id for p in self.projects), key=id_order))}
        return sorted(merged.items(), key=lambda item: sorted(rank[p] for p in item[0]))
