"""Making motions: move, second, the chair stating the question, lapse, withdraw. Pure.

Events (the record format):

- ``motion_made`` {id, motion, text, maker, target, params, pending}: a motion is made;
  `pending` motions go on the stack, the others (an inquiry, a call for the orders of the
  day, a demand for a division) are recorded and answered at once.
- ``motion_seconded`` {id, seconder}
- ``question_stated`` {id}: the chair states the question; debate may begin. The
  chair states a question as soon as it is seconded (or made, when it needs no second).
  The words the chair says are not recorded: they follow from the motion (see
  `stack.statement`) and are worded at the edge, in the reader's language. A record of
  format 1 also carries ``text`` (the statement in Chinese), which the fold ignores.
- ``motion_disposed`` {id, status, reason?}: a motion leaves the stack without a vote:
  ``lapsed`` (no second), ``withdrawn``, ``granted`` / ``answered`` (requests).

Votes are in `voting`, rulings and appeals in `rulings`.
"""

from __future__ import annotations

from msgspec import Struct, field

from deliberate.core import Command
from deliberate.floor import interruption
from deliberate.motions import text as amend_text
from deliberate.motions.order import (
    maker_may_move, place, present_member, reconsider_allowed, require_business,
)
from deliberate.motions.stack import (
    Motion, chart_of, motions_of, peek, top,
)
from deliberate.motions.thresholds import no_vote
from deliberate.names import clean
from deliberate.refusal import Refusal, with_causes
from deliberate.state import State
from deliberate.record import Event


class MakeMotion(Command):
    """A member makes a motion of a kind in the chart."""
    kind: str                 # a chart id
    by: str                   # the member's name
    text: str = ""
    params: dict = field(default_factory=dict)


class Second(Command):
    """A member seconds the pending motion."""
    by: str
    question: str | None = None


class Lapse(Command):
    """The chair declares the motion awaiting a second lost for want of one."""


class Withdraw(Command):
    """The maker withdraws the pending motion."""
    by: str
    objected: bool = False    # a member objects to withdrawal by general consent: it is voted


def next_id(state: State) -> str:
    return f"q{peek(state).next_motion}"


# -- making a motion ------------------------------------------------------------------------


def decide_make(state: State, command: MakeMotion, rules) -> list[Event] | Refusal:
    chart = chart_of(rules)
    kind = command.kind
    if kind not in chart:
        return Refusal("motions.unknown", "motions.unknown_kind", {"kind": kind},
                       hint_key="motions.unknown_kind.hint")
    spec = chart[kind]
    refusal = require_business(state, rules, kind)
    if refusal:
        return refusal
    member = present_member(state, rules, command.by, "move")
    if isinstance(member, Refusal):
        # say every rule broken: the member is not here, and the motion would be out of order anyway
        out_of_order = interruption(state, rules, kind, None)
        if out_of_order is None:
            out_of_order = place(state, rules, chart, kind, dict(command.params))
        return with_causes(member, out_of_order)
    # While another member has the floor, only a motion the chart lets interrupt (the floor's rule).
    refusal = interruption(state, rules, kind, member.id)
    if refusal:
        return refusal
    params = dict(command.params)
    words = clean(command.text) if kind != "main_motion" else command.text.strip()
    target = place(state, rules, chart, kind, params)
    if isinstance(target, Refusal):
        return target
    refusal = maker_may_move(state, rules, chart, spec, member, target, params)
    if refusal:
        return refusal
    checked = _check_content(state, rules, chart, kind, words, params, target)
    if isinstance(checked, Refusal):
        return checked
    words, params = checked
    motion_id = next_id(state)
    waits = no_vote(spec.vote) and "chair" in spec.vote     # the chair rules on it
    on_stack = not no_vote(spec.vote) or waits
    payload = {"id": motion_id, "motion": kind, "text": words, "maker": member.id,
               "target": target, "params": params, "pending": on_stack}
    events = [Event("motion_made", command.at, payload)]
    if not spec.second and on_stack:
        events.append(Event("question_stated", command.at, {"id": motion_id}))
    if not on_stack:
        status = "answered" if params.get("answer") else "granted"
        events.append(Event("motion_disposed", command.at, {"id": motion_id, "status": status}))
        if kind == "division_of_the_assembly":
            events.append(Event("vote_retaken", command.at, {"question": target, "method": "rising"}))
    return events


def _check_content(state, rules, chart, kind, words, params, target):
    """The motion's own words and options, by what it does (the chart's `effect`)."""
    m = peek(state)
    effect = chart[kind].effect
    need_text = {"adopt_question": "motions.need_text", "refer": "motions.need_committee",
                 "postpone": "motions.need_time", "fix_adjourned_meeting": "motions.need_time",
                 "chair_rules": "motions.need_point", "suspend_rule": "motions.need_rule",
                 "admit_privilege": "motions.need_point", "chair_answers": "motions.need_point",
                 "answer_request": "motions.need_point"}
    if effect in ("refer", "postpone", "fix_adjourned_meeting") and params.get("to"):
        words = words or clean(params["to"])
    if effect in need_text and not words:
        return Refusal("motions.input", need_text[effect], {}, hint_key=need_text[effect] + ".hint")
    if effect == "amend_text":
        try:
            op = amend_text.amendment(**params.get("amendment", {}))
        except amend_text.AmendmentError as bad:
            return Refusal("ronr.amend", bad.key, bad.params, hint_key="motions.amend.hint")
        target_motion = m.items[target]
        try:
            if target_motion.kind == "amend":
                # a secondary amendment: it amends the words of the primary, which must still apply
                new_words = amend_text.apply_amendment(target_motion.text, op)
                amend_text.apply_amendment(m.items[target_motion.target].text,
                                           amend_text.with_operand(target_motion.params["op"], new_words))
            else:
                amend_text.apply_amendment(target_motion.text, op)
        except amend_text.AmendmentError as bad:
            return Refusal("ronr.amend", bad.key, bad.params, hint_key="motions.amend.hint")
        return amend_text.operand(op), {"op": op}
    if effect == "set_debate_limit":
        limits = {k: params[k] for k in ("seconds", "speeches") if params.get(k)}
        if not limits:
            return Refusal("motions.input", "motions.need_limits", {}, hint_key="motions.need_limits.hint")
        return words, {"limits": limits}
    if effect == "divide_question":
        target_motion = m.items[target]
        if target_motion.kind != "main_motion":
            return Refusal("ronr.division", "motions.divide_main_only", {}, hint_key="motions.divide_main_only.hint")
        return words, {"parts": [p.strip() for p in params["parts"] if p.strip()]}
    if effect in ("take_from_table", "rescind_or_amend_adopted", "discharge_committee", "reconsider_vote"):
        return _check_bring_back(state, rules, chart, kind, words, params, target)
    keep = {k: v for k, v in params.items() if k in ("flags", "all", "answer", "minutes", "to") and v}
    return words, keep


def _check_bring_back(state, rules, chart, kind, words, params, target):
    m = peek(state)
    motion = m.items.get(target) if target else None
    spec = chart[kind]
    keep = {k: v for k, v in params.items() if k in ("question", "flags", "voted") and v}
    if motion is None:
        rule = {"take_from_table": "ronr.take_from_table", "rescind_or_amend_adopted": "ronr.rescind",
                "discharge_committee": "ronr.discharge"}.get(spec.effect, "ronr.reconsider")
        return Refusal(rule, "motions.no_such_question" if target else "motions.question_needed",
                       {"question": target or ""},
                       hint_key="motions.no_such_question.hint")
    if spec.effect == "take_from_table":
        return words, keep      # same_or_next_session checks it is on the table
    if spec.effect == "rescind_or_amend_adopted":
        if motion.kind not in spec.applies_to or motion.status != "adopted":
            return Refusal("ronr.rescind", "motions.rescind_what", {"question": motion.id, "status": motion.status},
                           hint_key="motions.rescind_what.hint")
        return words, keep
    if spec.effect == "discharge_committee":
        if motion.status != "referred":
            return Refusal("ronr.discharge", "motions.discharge_what", {"question": motion.id},
                           hint_key="motions.discharge_what.hint")
        return words, keep
    # reconsider
    result = m.results[motion.result]
    if not reconsider_allowed(chart[motion.kind], result.adopted):
        return Refusal("ronr.reconsider", "motions.reconsider_not_allowed",
                       {"question": motion.id, "name_zh": chart[motion.kind].name_zh,
                        "name_en": chart[motion.kind].name_en, "value": str(chart[motion.kind].reconsider)},
                       hint_key="motions.reconsider_not_allowed.hint")
    if motion.status == "reconsidered" or any(
            o.kind == "reconsider" and o.target == motion.id and o.status in ("pending", "adopted", "lost")
            for o in m.items.values()):
        return Refusal("ronr.reconsider", "motions.reconsider_twice", {"question": motion.id},
                       hint_key="motions.reconsider_twice.hint")
    stack = m.stack
    if motion.target and motion.target in m.items and (not stack or stack[-1] != motion.target):
        return Refusal("ronr.reconsider", "motions.reconsider_context", {"question": motion.id,
                       "target": motion.target}, hint_key="motions.reconsider_context.hint")
    if not motion.target and stack:
        return Refusal("ronr.precedence", "motions.question_pending",
                       {"kind": kind, "name_zh": spec.name_zh, "name_en": spec.name_en, "other": stack[-1],
                        "other_zh": chart[m.items[stack[-1]].kind].name_zh,
                        "other_en": chart[m.items[stack[-1]].kind].name_en},
                       hint_key="motions.question_pending.hint")
    return words, keep


# -- seconding, stating, lapsing -------------------------------------------------------------


def awaiting_second(state: State) -> Motion | None:
    motion = top(state)
    return motion if motion is not None and not motion.stated else None


def decide_second(state: State, command: Second, rules) -> list[Event] | Refusal:
    motion = awaiting_second(state)
    refusal = require_business(state, rules, motion.kind if motion else None)
    if refusal:
        return refusal
    if motion is None or (command.question and command.question != motion.id):
        key = "motions.nothing_to_second.question" if command.question else "motions.nothing_to_second"
        nothing = Refusal("ronr.second", key, {"question": command.question or ""},
                          hint_key="motions.nothing_to_second.hint")
        absent = present_member(state, rules, command.by, "second")
        return with_causes(nothing, absent if isinstance(absent, Refusal) else None)
    member = present_member(state, rules, command.by, "second")
    if isinstance(member, Refusal):
        return member
    if member.id == motion.maker:
        return Refusal("ronr.second", "motions.maker_seconds", {"name": member.name, "question": motion.id},
                       hint_key="motions.maker_seconds.hint")
    return [
        Event("motion_seconded", command.at, {"id": motion.id, "seconder": member.id}),
        Event("question_stated", command.at, {"id": motion.id}),
    ]


def decide_lapse(state: State, command: Lapse, rules) -> list[Event] | Refusal:
    if not state.in_session():
        return Refusal("meeting.not_open", "meeting.not_open", hint_key="meeting.not_open.hint")
    motion = awaiting_second(state)
    if motion is None:
        return Refusal("ronr.second", "motions.nothing_to_lapse", {}, hint_key="motions.nothing_to_lapse.hint")
    return [Event("motion_disposed", command.at, {"id": motion.id, "status": "lapsed"})]


def decide_withdraw(state: State, command: Withdraw, rules) -> list[Event] | Refusal:
    """Before it is stated the maker withdraws freely; after, by general consent or a vote (§33:11)."""
    if not state.in_session():
        return Refusal("meeting.not_open", "meeting.not_open", hint_key="meeting.not_open.hint")
    m = peek(state)
    motion = top(state)
    if motion is None:
        return Refusal("ronr.withdraw", "motions.nothing_to_withdraw", {}, hint_key="motions.nothing_to_withdraw.hint")
    member = present_member(state, rules, command.by, "move")
    if isinstance(member, Refusal):
        return member
    if member.id != motion.maker:
        return Refusal("ronr.withdraw", "motions.only_maker", {"name": member.name, "question": motion.id},
                       hint_key="motions.only_maker.hint")
    if m.vote is not None:
        return Refusal("ronr.voting", "motions.vote_in_progress", {"question": m.vote.question},
                       hint_key="motions.vote_in_progress.hint")
    if not motion.stated:
        return [Event("motion_disposed", command.at, {"id": motion.id, "status": "withdrawn",
                                                        "reason": "before_stated"})]
    if not command.objected:
        return [Event("motion_disposed", command.at, {"id": motion.id, "status": "withdrawn",
                                                        "reason": "general_consent"})]
    # an objection: the request is put to a vote (the request needs no second)
    return decide_make(state, MakeMotion(command.at, "request_to_withdraw_or_modify_motion", command.by,
                                         "", {}), rules)


# -- appliers ----------------------------------------------------------------------------------


def apply_made(state: State, event) -> None:
    m = motions_of(state)
    p = event.payload
    meeting = state.meeting.number if state.meeting is not None else 0
    motion = Motion(p["id"], p["motion"], p["text"], p.get("maker"), event.at, meeting,
                    target=p.get("target"), params=dict(p.get("params") or {}))
    if motion.kind == "amend":
        motion.params["op"] = dict(motion.params["op"])
    m.items[motion.id] = motion
    m.next_motion = max(m.next_motion, int(motion.id[1:]) + 1)
    m.appealable = None
    m.last_closed = None
    if p.get("pending", True):
        m.stack.append(motion.id)


def apply_seconded(state: State, event) -> None:
    motions_of(state).items[event.payload["id"]].seconder = event.payload["seconder"]


def apply_stated(state: State, event) -> None:
    motions_of(state).items[event.payload["id"]].stated = True


def apply_disposed(state: State, event) -> None:
    m = motions_of(state)
    motion = m.items[event.payload["id"]]
    motion.status = event.payload["status"]
    if motion.id in m.stack:
        del m.stack[m.stack.index(motion.id):]


# -- the meeting cannot close over pending business ------------------------------------------


def business_pending(state: State) -> Refusal | None:
    m = peek(state)
    if m.vote is not None:
        return Refusal("ronr.voting", "motions.close_vote_open", {"question": m.vote.question},
                       hint_key="motions.close_vote_open.hint")
    if m.stack:
        return Refusal("ronr.pending", "motions.close_pending", {"count": len(m.stack), "question": m.stack[-1]},
                       hint_key="motions.close_pending.hint")
    return None


# -- this area's tables (merged by deliberate.domain) ----------------------------
DECIDERS = {
    MakeMotion: decide_make,
    Second: decide_second,
    Lapse: decide_lapse,
    Withdraw: decide_withdraw,
}
APPLIERS = {
    "motion_made": apply_made,
    "motion_seconded": apply_seconded,
    "question_stated": apply_stated,
    "motion_disposed": apply_disposed,
}
CLOSING_CHECKS = (business_pending,)
