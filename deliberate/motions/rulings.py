"""The chair's rulings, and appeals from them (RONR §23, §24). Pure.

A point of order (or a question of privilege) waits on the stack until the chair rules.
The ruling answers it; a ruling that the pending question is out of order takes that
question off the stack. Immediately after, before other business, any member may appeal:
the appeal, once seconded, puts "shall the decision of the chair be sustained?"; a majority
voting no reverses the ruling (a tie sustains it), and a question ruled out of order
comes back onto the stack.

Event: ``ruling_made`` {id, text, decision, point, removed}: decision is ``well_taken``,
``not_well_taken``, ``out_of_order``, ``admitted``, ``refused`` or ``ruling``; `point` is the
point of order or question of privilege it answers; `removed` the motions ruled out of order.
The appeal is a ``motion_made`` of the chart's ``appeal`` whose target is the ruling's id.
"""

from __future__ import annotations

from msgspec import Struct

from deliberate.core import Command
from deliberate.motions.stack import Ruling, chart_of, motions_of, peek
from deliberate.names import clean
from deliberate.refusal import Refusal
from deliberate.state import State
from deliberate.record import Event

DECISIONS = ("ruling", "well_taken", "not_well_taken", "out_of_order", "admitted", "refused")


class MakeRuling(Command):
    """The chair rules on a point of order or question of privilege."""
    text: str
    decision: str = "ruling"


def decide_ruling(state: State, command: MakeRuling, rules) -> list[Event] | Refusal:
    chart = chart_of(rules)
    if not state.in_session():
        return Refusal("meeting.not_open", "meeting.not_open", hint_key="meeting.not_open.hint")
    text = clean(command.text)
    if not text:
        return Refusal("motions.input", "motions.ruling_text", {}, hint_key="motions.ruling_text.hint")
    if command.decision not in DECISIONS:
        return Refusal("motions.input", "motions.bad_decision", {"decision": command.decision},
                       hint_key="motions.bad_decision.hint")
    m = peek(state)
    point = None
    below = list(m.stack)
    if below and chart[m.items[below[-1]].kind].effect in ("chair_rules", "admit_privilege"):
        point = below.pop()
    # During a vote the chair rules only on a point raised about it; the question voted on stays.
    if m.vote is not None and (point is None or command.decision == "out_of_order"):
        return Refusal("ronr.voting", "motions.vote_in_progress", {"question": m.vote.question},
                       hint_key="motions.vote_in_progress.hint")
    removed: list[str] = []
    if command.decision == "out_of_order":
        if not below:
            return Refusal("ronr.point_of_order", "motions.nothing_out_of_order", {},
                           hint_key="motions.nothing_out_of_order.hint")
        removed = [below[-1]]
    ruling_id = f"r{m.next_ruling}"
    return [Event("ruling_made", command.at, {"id": ruling_id, "text": text, "decision": command.decision,
                                               "point": point, "removed": removed})]


def apply_ruling(state: State, event) -> None:
    m = motions_of(state)
    p = event.payload
    meeting = state.meeting.number if state.meeting is not None else 0
    m.rulings[p["id"]] = Ruling(p["id"], p["text"], event.at, meeting, p.get("point"), p["decision"],
                                list(p.get("removed") or []))
    m.next_ruling = max(m.next_ruling, int(p["id"][1:]) + 1)
    if p.get("point") and p["point"] in m.stack:
        m.stack.remove(p["point"])
        m.items[p["point"]].status = "ruled"
    for motion_id in p.get("removed") or []:
        if motion_id in m.stack:
            m.stack.remove(motion_id)
        m.items[motion_id].status = "out_of_order"
    m.last_closed = None
    m.appealable = p["id"]


# -- this area's tables (merged by deliberate.domain) ----------------------------
DECIDERS = {
    MakeRuling: decide_ruling,
}
APPLIERS = {
    "ruling_made": apply_ruling,
}
