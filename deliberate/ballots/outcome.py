"""What a selection rule returns: the projects chosen, the money spent, and every tie it broke."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Tie:
    """A tie that a rule broke, and how.

    `stage` is the rule that met the tie (``greedy``, ``equalshares``, ``add1-comparison``);
    `step` the round of that rule (1-based); `tied` the projects that were equal on the
    rule's own criterion; `chosen` what the tie-break took; `by` the criteria used, in order
    (``cost``: lower cost first, ``votes``: more votes first, ``id``: project id order,
    ``draw_keeps_mes``: an equal comparison keeps the MES outcome).
    """

    stage: str
    step: int
    tied: tuple[str, ...]
    chosen: tuple[str, ...]
    by: tuple[str, ...]

    def as_dict(self) -> dict:
        return {
            "stage": self.stage,
            "step": self.step,
            "tied": list(self.tied),
            "chosen": list(self.chosen),
            "by": list(self.by),
        }


@dataclass(frozen=True)
class Outcome:
    """The result of a rule: `selected` in the order the rule chose them."""

    rule: str
    budget: int
    selected: tuple[str, ...]
    spent: int
    ties: tuple[Tie, ...] = ()
    details: dict = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {
            "selected": list(self.selected),
            "spent": self.spent,
            "budget": self.budget,
            "rule": self.rule,
            "ties": [tie.as_dict() for tie in self.ties],
            **self.details,
        }
