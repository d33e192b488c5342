"""The floor's question desk: a council in memory (the real decide and apply, no database).

Until a question comes from the motions engine, a test puts a `Question` it builds on
the desk (`desk.pending(...)`); a question source registered here reads it from the
state object of that desk only, so it never answers for a state built anywhere else.
"""

from __future__ import annotations

from deliberate.floor import floor_of
from deliberate.question import Question, question_source
from deliberate.state import State

from tests.conftest import ROSTER, Council

NAMES = ROSTER[:8]  # the floor's community: the chair 李明 and seven members, everyone present


# Each desk's questions, by the id of its state object; the object is kept beside them, so a state
# built anywhere else (even one that reuses a freed id) is never answered for.
_STACKS: dict[int, tuple[State, list[Question]]] = {}


def _desk_stack(state: State) -> list[Question]:
    held = _STACKS.get(id(state))
    return held[1] if held and held[0] is state else []


def _desk_question(state: State) -> Question | None:
    stack = _desk_stack(state)
    return stack[-1] if stack else None


def _desk_ids(state: State) -> list[str]:
    return [q.id for q in _desk_stack(state)]


question_source(_desk_question, _desk_ids)


class Desk(Council):
    """A meeting in memory with the floor's `floor_changes` to the rules; its clock moves on a second
    a command unless told to wait longer."""

    def __init__(self, rules_file: str = "luohu_ten.yaml", names=NAMES, chair: str = "李明", **floor_changes):
        super().__init__(None)
        self.seat(names, rules_file, chair=chair, present="all", changes={"floor": floor_changes}, pure=True)
        _STACKS[id(self.state())] = (self.state(), [])

    def pending(self, qid: str = "q1", maker: str | None = None, debatable=True, stated: bool = True,
                text: str = "在3号楼加装电梯", **extra) -> Question:
        question = Question(qid, "main_motion", text, self.member(maker) if maker else None, debatable, stated,
                            **extra)
        _desk_stack(self.state()).append(question)
        return question

    def dispose(self) -> None:
        _desk_stack(self.state()).pop()

    @property
    def stack(self) -> list[Question]:
        """The questions on the desk, the immediately pending one last."""
        return _desk_stack(self.state())

    def lend_stack(self, other: State) -> None:
        """Let `other` (a state folded again from the log) see this desk's questions."""
        _STACKS[id(other)] = (other, self.stack)

    @property
    def floor(self):
        return floor_of(self.state())

    def queue(self) -> list[tuple[str, str]]:
        from deliberate.floor import queue

        return [(self.name(p.member), p.reason) for p in queue(self.state(), self.rules)]
