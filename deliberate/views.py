"""What the host sees of the state: plain data with names resolved. Pure.

Areas that own a slice of the state (floor, motions, ballots) export a ``VIEWS``
table; `deliberate.domain` merges them, and `state --json` and the console show them all.
"""

from __future__ import annotations

from deliberate import domain
from deliberate.meeting import quorum
from deliberate.rules import Rules
from deliberate.state import State, member_name


def state_view(state: State, rules: Rules | None, at: str | None = None) -> dict:
    """The state as data; `at` (a time the edge read from its clock) makes a speech's time current."""
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
    for name, function in domain.VIEWS.items():
        part = function(state, rules)
        if part is not None:
            data[name] = part
    if at is not None and data.get("floor"):
        from deliberate.floor import clock_at

        clock_at(state, data["floor"], at)
    return data
