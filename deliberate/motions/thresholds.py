"""What a vote needs to carry, read from the chart's `vote` field and the rules. Pure.

The chart writes a motion's vote as ``majority``, ``two_thirds`` or ``none``, or as a
variant built from those words (RONR Table II). A variant is read as alternatives
joined by ``_or_``; each alternative is a requirement, optionally conditioned:

- ``majority``, ``two_thirds``: of the base the rules name (``voting.majority_base``);
- ``..._of_entire_membership``: of the roster, whatever the rules' base;
- ``X_if_F``: when the flag F is given (``special_order``), X is the requirement, alone;
- ``X_with_F`` and a bare ``if_F`` (which repeats the word before it): X also carries the
  question when the flag F is given (``notice``, ``overdue``);
- ``majority_in_negative_to_reverse`` (appeal): the question "shall the decision of the
  chair be sustained?" is decided against the chair only by a majority voting no;
- ``..._against_consideration`` (objection): consideration is refused only when the
  noes reach the requirement.

Any other variant falls back to its first word. A tie never reaches a majority, so it fails
(and sustains the chair on appeal).
"""

from __future__ import annotations

from msgspec import Struct


class Requirement(Struct, frozen=True):
    """What a motion needs to be adopted: a majority or two thirds, of what."""
    word: str            # majority | two_thirds
    base: str            # votes_cast | present | entitled
    negative: bool = False  # the noes decide (appeal, objection to consideration)


class Outcome(Struct, frozen=True):
    """A vote's result against its requirement."""
    adopted: bool        # the question put was answered yes (sustained, considered)
    requirement: str     # e.g. "majority", "two_thirds", "majority_of_entire_membership"
    base: str
    base_count: int
    needed: int


def no_vote(vote: str) -> bool:
    """The chart says the chair rules, or a member's demand suffices: nothing is voted."""
    return vote == "none" or vote.startswith("none_")


def requirements(vote: str, flags: frozenset[str] | set[str], default_base: str) -> list[Requirement]:
    """The requirements any one of which carries the question (for `negative` ones: defeats it)."""
    if vote.endswith("_in_negative_to_reverse"):
        return [Requirement(_word(vote), "votes_cast", negative=True)]
    if vote.endswith("_against_consideration"):
        return [Requirement(_word(vote), "votes_cast", negative=True)]
    alternatives: list[Requirement] = []
    previous = "majority"
    for part in vote.split("_or_"):
        word = _word(part) or previous
        base = "entitled" if part.endswith("_of_entire_membership") else default_base
        requirement = Requirement(word, base)
        previous = word
        if "_if_" in part or part.startswith("if_"):
            flag = part.split("if_", 1)[1]
            if flag in flags:
                if part.startswith("if_"):
                    alternatives.append(requirement)
                else:
                    return [requirement]
            continue
        if "_with_" in part:
            if part.split("_with_", 1)[1] in flags:
                alternatives.append(requirement)
            continue
        alternatives.append(requirement)
    return alternatives or [Requirement("majority", default_base)]


def _word(part: str) -> str:
    for word in ("two_thirds", "majority"):
        if part == word or part.startswith(word + "_"):
            return word
    return ""


def needed(word: str, base_count: int) -> int:
    """The fewest votes that make `word` of `base_count`: more than half, or at least two-thirds."""
    if word == "two_thirds":
        return -(-2 * base_count // 3)
    return base_count // 2 + 1


def decide_vote(
    vote: str,
    flags: frozenset[str] | set[str],
    yes: int,
    no: int,
    abstain: int,
    present: int,
    entitled: int,
    default_base: str,
    abstentions_count: bool,
) -> Outcome:
    """Whether the question carried, with the requirement and base that decided it."""
    cast = yes + no + (abstain if abstentions_count else 0)
    sizes = {"votes_cast": cast, "present": present, "entitled": entitled}
    options = requirements(vote, flags, default_base)
    first: Outcome | None = None
    for req in options:
        count = sizes[req.base]
        need = needed(req.word, count)
        name = req.word + ("_of_entire_membership" if req.base == "entitled" and req.base != default_base else "")
        if req.negative:
            # yes means the chair is sustained / the question is considered
            defeated = count > 0 and no >= need
            outcome = Outcome(not defeated, name, req.base, count, need)
            return outcome
        carried = count > 0 and yes >= need
        outcome = Outcome(carried, name, req.base, count, need)
        if carried:
            return outcome
        first = first or outcome
    return first
