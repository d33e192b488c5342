"""The state of a community and its meeting: the fold of the log, never stored on its own.

Everything here is plain data. The snapshot codec turns a state into JSON and back,
so a cached projection can be saved beside the log and rebuilt from it at will.
"""

from __future__ import annotations

import importlib
import json
from msgspec import Struct, field
from msgspec.structs import fields
from typing import Any


class Member(Struct):
    """A member on the roster (public fields only)."""
    id: str
    name: str
    key: str
    role: str = ""
    active: bool = True


class Meeting(Struct):
    """A meeting, open or closed, with its attendance."""
    number: int
    title: str
    opened_at: str
    chair: str
    chair_id: str | None
    secretary: str
    secretary_id: str | None
    present: list[str] = field(default_factory=list)  # member ids, in order of arrival
    closed_at: str | None = None
    paper: bool = False   # entered afterwards from paper minutes: its times run on a clock of their own


class State(Struct):
    """Everything the record says so far, folded from its events."""
    seq: int = 0
    last_at: str | None = None
    reached_at: str | None = None      # the latest time recorded before a meeting entered from paper
    community: str | None = None
    rules: dict | None = None          # Rules.to_dict() of the rules in force
    rules_source: str | None = None
    public_key: str | None = None
    signed_size: int = 0               # events covered by the newest checkpoint
    members: dict[str, Member] = field(default_factory=dict)   # id -> member
    keys: dict[str, str] = field(default_factory=dict)         # name key -> id
    meetings_held: int = 0
    meeting: Meeting | None = None
    motions: Any = None    # deliberate.motions owns this slice
    floor: Any = None      # deliberate.floor owns this slice
    ballots: Any = None    # deliberate.ballots owns this slice
    agenda: Any = None     # deliberate.agenda owns this slice
    meeting_seq: int = 0   # the seq of the newest meeting_opened (deliberate.corrections)
    corrections: dict[int, int] = field(default_factory=dict)  # retracted seq -> seq of its `corrected`

    @property
    def roster(self) -> list[Member]:
        return [m for m in self.members.values() if m.active]

    def in_session(self) -> bool:
        return self.meeting is not None and self.meeting.closed_at is None


def member_name(state: State, member_id: str | None) -> str:
    """A member's name for display; an unknown id is shown as itself."""
    if member_id is None:
        return ""
    member = state.members.get(member_id)
    return member.name if member else member_id


# -- snapshot codec -------------------------------------------------------


def encode(value: Any) -> Any:
    if isinstance(value, Struct):
        data = {f.name: encode(getattr(value, f.name)) for f in fields(value)}
        data["__dc__"] = f"{type(value).__module__}:{type(value).__qualname__}"
        return data
    if isinstance(value, dict):
        return {"__map__": [[encode(k), encode(v)] for k, v in value.items()]}
    if isinstance(value, list):
        return [encode(v) for v in value]
    if isinstance(value, tuple):
        return {"__tuple__": [encode(v) for v in value]}
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise TypeError(f"cannot snapshot {type(value).__name__}")


def decode(value: Any) -> Any:
    if isinstance(value, list):
        return [decode(v) for v in value]
    if isinstance(value, dict):
        if "__map__" in value:
            return {decode(k): decode(v) for k, v in value["__map__"]}
        if "__tuple__" in value:
            return tuple(decode(v) for v in value["__tuple__"])
        module_name, _, qualname = value["__dc__"].partition(":")
        if not module_name.startswith("deliberate."):
            raise ValueError(f"snapshot names a class outside deliberate: {module_name}")
        cls = getattr(importlib.import_module(module_name), qualname)
        if not (isinstance(cls, type) and issubclass(cls, Struct)):
            raise ValueError(f"snapshot names a class that is not plain data: {qualname}")
        kwargs = {k: decode(v) for k, v in value.items() if k != "__dc__"}
        return cls(**kwargs)
    return value


def dumps(state: State) -> str:
    return json.dumps(encode(state), ensure_ascii=False, separators=(",", ":"))


def loads(text: str) -> State:
    return decode(json.loads(text))
