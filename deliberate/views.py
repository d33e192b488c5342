"""What the host sees of the state: plain data with names resolved. Pure.

Areas that own a slice of the state (floor, motions, ballots) register a view
function here; `state --json` and the console show them all.
"""

from __future__ import annotations

from typing import Callable

from deliberate.meeting import quorum
from deliberate.rules import Rules
from deliberate.state import State

_views: list[tuple[str, Callable]] = []


def view(name: str) -> Callable:
    """Register `function(state, rules) -> data | None` as the part `name` of the state view."""

    def register(function: Callable) -> Callable:
        _views.append((name, function))
        return function

    return register


def member_name(state: State, member_id: str | None) -> str:
    if member_id is None:
        return ""
    member = state.members.get(member_id)
    return member.name if member else member_id


def state_view(state: State, rules: Rules | None) -> dict:
    data: dict = {
        "community": state.community,
        "seq": state.seq,
        "last_at": state.last_at,
        "roster_size": len(state.roster),
        "meetings_held": state.meetings_held,
        "meeting": None,
    }
    if rules is not None:
        data["rules"] = {"name_zh": rules.name_zh, "name_en": rules.name_en, "source": state.rules_source}
    if state.meeting is not None:
        m = state.meeting
        data["meeting"] = {
            "number": m.number,
            "title": m.title,
            "opened_at": m.opened_at,
            "closed_at": m.closed_at,
            "in_session": state.in_session(),
            "chair": m.chair,
            "secretary": m.secretary,
            "present": [member_name(state, i) for i in m.present],
        }
    if rules is not None:
        q = quorum(state, rules)
        data["quorum"] = {"present": q.present, "required": q.required, "roster": q.roster, "met": q.met}
    for name, function in _views:
        part = function(state, rules)
        if part is not None:
            data[name] = part
    return data
