"""A pure test desk for the floor: the real decide and apply, no database.

Until a question comes from the motions engine, a test puts a `Question` it
builds on the desk (`desk.pending(...)`); a question source registered here
reads it from the state object of that desk only, so it never answers for a
state built anywhere else.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from deliberate import domain
from deliberate.floor import floor_of
from deliberate.meeting import Attend, OpenMeeting
from deliberate.question import Question, question_source
from deliberate.refusal import Refusal
from deliberate.roster import AddMembers, CreateCommunity, NewMember
from deliberate.rules import BUILTIN_DIR, load_rules
from deliberate.state import State
from deliberate.store import StoredEvent

NAMES = ("李明", "王芳", "陈静", "刘洋", "张伟", "赵磊", "黄丽", "周杰")
START = datetime(2026, 11, 20, 19, 0, tzinfo=timezone(timedelta(hours=8)))


def _desk_question(state: State) -> Question | None:
    stack = state.__dict__.get("_desk_stack")
    return stack[-1] if stack else None


def _desk_ids(state: State) -> list[str]:
    return [q.id for q in state.__dict__.get("_desk_stack") or []]


question_source(_desk_question, _desk_ids)


class Desk:
    """A meeting in memory: members present, the chair 李明, a clock that moves on."""

    def __init__(self, rules_file: str = "luohu_ten.yaml", names=NAMES, chair: str = "李明", **floor_changes):
        from dataclasses import replace

        rules, _ = load_rules(BUILTIN_DIR / rules_file)
        if floor_changes:
            rules = replace(rules, floor=replace(rules.floor, **floor_changes))
        self.rules = rules
        self.state = State()
        self.state._desk_stack = []
        self.log: list[StoredEvent] = []
        self.clock = START
        self.ok(CreateCommunity(self.now(), "文华社区", rules.to_dict(), rules_file))
        self.ok(AddMembers(self.now(), tuple(NewMember(n) for n in names)))
        self.ok(OpenMeeting(self.now(), "第4次会议", chair))
        self.ok(Attend(self.now(), tuple(n for n in names if n != chair)))

    # -- time and questions ---------------------------------------------------
    def now(self) -> str:
        return self.clock.isoformat(timespec="milliseconds")

    def wait(self, seconds: float) -> None:
        self.clock += timedelta(seconds=seconds)

    def pending(self, qid: str = "q1", maker: str | None = None, debatable=True, stated: bool = True,
                text: str = "在3号楼加装电梯", **extra) -> Question:
        question = Question(qid, "main_motion", text, self.id(maker) if maker else None, debatable, stated)
        for key, value in extra.items():
            object.__setattr__(question, key, value)
        self.state._desk_stack.append(question)
        return question

    def dispose(self) -> None:
        self.state._desk_stack.pop()

    # -- acting ---------------------------------------------------------------
    def do(self, command_type, *args, wait: float = 1.0, **kwargs):
        """Decide `command_type(now, *args)` and fold its events; return the events or the Refusal."""
        self.wait(wait)
        command = command_type(self.now(), *args, **kwargs)
        result = domain.decide(self.state, command, self.rules)
        if isinstance(result, Refusal):
            return result
        for event in result:
            stored = StoredEvent(len(self.log) + 1, event.type, event.at, event.payload, "", "")
            self.log.append(stored)
            domain.apply(self.state, stored)
        return result

    def ok(self, command):
        result = domain.decide(self.state, command, self.rules)
        assert not isinstance(result, Refusal), (result.rule, result.message("en"))
        for event in result:
            stored = StoredEvent(len(self.log) + 1, event.type, event.at, event.payload, "", "")
            self.log.append(stored)
            domain.apply(self.state, stored)
        return result

    # -- reading --------------------------------------------------------------
    def id(self, name: str) -> str:
        return next(m.id for m in self.state.members.values() if m.name == name)

    def name(self, member_id: str) -> str:
        return self.state.members[member_id].name

    @property
    def floor(self):
        return floor_of(self.state)

    def queue(self) -> list[tuple[str, str]]:
        from deliberate.floor import queue

        return [(self.name(p.member), p.reason) for p in queue(self.state, self.rules)]

    def refold(self) -> State:
        return domain.fold(self.log)
