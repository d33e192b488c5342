"""The question before the meeting: the seam between the motions and the floor.

The motions area owns the stack of pending questions and registers a source
here; the floor debates whatever `pending_question` returns, and never reads
the motions' state itself. Pure.
"""

from __future__ import annotations

from msgspec import Struct, field
from typing import Callable

from deliberate.state import State


class Question(Struct, frozen=True):
    """The question before the meeting, as the floor needs to know it."""
    id: str                  # unique for the life of the record, e.g. "q7"
    motion: str              # its id in the chart (main_motion, amend, ...)
    text: str                # the question as stated (as amended so far)
    maker: str | None        # member id of the mover
    debatable: bool | str    # as the chart says: True, False, "restricted", "if_target"
    stated: bool = True      # the chair has stated it, so debate may begin
    limits: dict = field(default_factory=dict)   # limits of debate the assembly set: {"seconds", "speeches"}


_sources: list[Callable[[State], Question | None]] = []
_pending_ids: list[Callable[[State], list[str]]] = []


def question_source(pending: Callable[[State], Question | None], ids: Callable[[State], list[str]]) -> None:
    """Register the owner of the stack: the immediately pending question, and every pending id."""
    _sources.append(pending)
    _pending_ids.append(ids)


def pending_question(state: State) -> Question | None:
    """The immediately pending question (the top of the stack), or None."""
    for source in _sources:
        question = source(state)
        if question is not None:
            return question
    return None


def pending_ids(state: State) -> list[str]:
    """Ids of every question still pending, bottom of the stack first."""
    found: list[str] = []
    for ids in _pending_ids:
        found.extend(ids(state))
    return found
