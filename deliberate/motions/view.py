"""What the host sees of the motions: the stack, the vote, what is in order now and for whom,
the last results. Plain JSON data. Pure."""

from __future__ import annotations

from deliberate.motions import text as amend_text
from deliberate.motions.order import place, require_business
from deliberate.motions.stack import Motion, chart_of, debatable, peek, presiding_id, statement
from deliberate.refusal import Refusal
from deliberate.state import State
from deliberate.state import member_name

RECENT = 10


def _motion(state: State, chart, motion: Motion) -> dict:
    spec = chart[motion.kind]
    data = {
        "id": motion.id, "motion": motion.kind, "name_zh": spec.name_zh, "name_en": spec.name_en,
        "text": motion.text, "statement_zh": statement(motion, chart, "zh"),
        "statement_en": statement(motion, chart, "en"),
        "maker": member_name(state, motion.maker), "seconder": member_name(state, motion.seconder),
        "stated": motion.stated, "target": motion.target, "status": motion.status,
        "debatable": debatable(state, chart, motion), "vote": spec.vote,
    }
    if motion.limits:
        data["limits"] = dict(motion.limits)
    if motion.kind == "amend":
        data["amendment"] = dict(motion.params.get("op") or {})
        data["text_if_adopted"] = _if_adopted(peek(state), motion)
    return data


def _if_adopted(m, motion: Motion) -> str | None:
    """The text of the question this amendment finally changes, as it would read if adopted."""
    try:
        target = m.items[motion.target]
        if target.kind == "amend":
            words = amend_text.apply_amendment(target.text, motion.params["op"])
            op = amend_text.with_operand(target.params["op"], words)
            return amend_text.apply_amendment(m.items[target.target].text, op)
        return amend_text.apply_amendment(target.text, motion.params["op"])
    except (amend_text.AmendmentError, KeyError):
        return None


def _result(state: State, result) -> dict:
    return {
        "question": result.question, "motion": result.kind, "text": result.text, "at": result.at,
        "method": result.method, "yes": result.yes, "no": result.no, "abstain": result.abstain,
        "chair_vote": result.chair_vote, "requirement": result.requirement, "base": result.base,
        "base_count": result.base_count, "needed": result.needed, "adopted": result.adopted,
        "outcome": result.outcome,
        "quorum": {"present": result.quorum_present, "required": result.quorum_required},
        "roll": {member_name(state, k): v for k, v in result.roll.items()},
    }


def _candidates(state: State, chart, kind: str) -> list[dict]:
    """The params to try a motion with: one per question a bring-back motion could reach."""
    m = peek(state)
    effect = chart[kind].effect
    if effect == "take_from_table":
        return [{"question": segment[0]} for segment in m.tabled]
    if effect == "rescind_or_amend_adopted":
        return [{"question": i} for i, x in m.items.items() if x.status == "adopted" and x.kind == "main_motion"]
    if effect == "discharge_committee":
        return [{"question": i} for i, x in m.items.items() if x.status == "referred"]
    if effect == "reconsider_vote":
        meeting = state.meeting.number if state.meeting else 0
        return [{"question": r.question} for r in m.results[-RECENT:]
                if r.meeting == meeting and m.items[r.question].result is not None
                and m.results[m.items[r.question].result] is r]
    if effect == "divide_question":
        return [{"parts": ["1", "2"]}]
    return [{}]


def _who(state: State, rules, chart, kind: str, target: str | None) -> dict:
    m = peek(state)
    spec = chart[kind]
    chair = presiding_id(state)
    if spec.moved_by == "maker" and target in m.items:
        return {"who": "maker", "members": [member_name(state, m.items[target].maker)]}
    if spec.moved_by == "prevailing_side" and target in m.items and m.items[target].result is not None:
        result = m.results[m.items[target].result]
        side = "yes" if result.adopted else "no"
        if result.roll:
            names = [member_name(state, i) for i, v in result.roll.items()
                     if v == side and i in state.meeting.present]
            return {"who": "prevailing_side", "side": side, "members": names}
        return {"who": "prevailing_side", "side": side, "declared": True}
    excluded = [member_name(state, chair)] if chair and rules.chair.neutral else []
    return {"who": "any_member", "except": excluded}


def in_order(state: State, rules) -> list[dict]:
    """Every motion of the chart in order right now, with what it would apply to and who may make it."""
    from deliberate.motions.engine import _check_content

    chart = chart_of(rules)
    found = []
    for kind in chart:
        if require_business(state, rules, kind) is not None:
            continue
        for params in _candidates(state, chart, kind):
            target = place(state, rules, chart, kind, params)
            if isinstance(target, Refusal):
                continue
            if chart[kind].motion_class == "bring_back" and isinstance(
                    _check_content(state, rules, chart, kind, "", dict(params), target), Refusal):
                continue
            spec = chart[kind]
            found.append({"id": kind, "name_zh": spec.name_zh, "name_en": spec.name_en, "target": target,
                          **_who(state, rules, chart, kind, target)})
    return found


def motions_view(state: State, rules) -> dict | None:
    if rules is None or not rules.motions:
        return None
    chart = chart_of(rules)
    m = peek(state)
    stack = [_motion(state, chart, m.items[i]) for i in m.stack]
    pending = [s["id"] for s in stack if s["stated"]]
    waiting = stack[-1]["id"] if stack and not stack[-1]["stated"] else None
    vote = None
    if m.vote is not None:
        vote = {"question": m.vote.question, "method": m.vote.method, "counts": m.vote.counts,
                "roll": {member_name(state, k): v for k, v in m.vote.roll.items()}}
    data = {
        "stack": stack,
        "immediately_pending": pending[-1] if pending else None,
        "awaiting_second": waiting,
        "vote": vote,
        "in_order": in_order(state, rules) if state.in_session() else [],
        "results": [_result(state, r) for r in m.results[-RECENT:]],
        "tabled": [list(s) for s in m.tabled],
        "appealable": m.appealable,
        "rulings": [{"id": r.id, "text": r.text, "decision": r.decision, "reversed": r.reversed,
                     "point": r.point, "removed": list(r.removed)} for r in list(m.rulings.values())[-RECENT:]],
    }
    if m.adjourn_to:
        data["adjourn_to"] = m.adjourn_to
    return data


# -- this area's tables (merged by deliberate.domain) ----------------------------
VIEWS = {
    "motions": motions_view,
}
