"""Whether a motion is in order now, and who may make it: precedence read from the chart. Pure.

A motion is placed on the stack over the immediately pending question (RONR §5):

- one with `applies_to` (subsidiary and most incidental motions) applies to the highest
  pending motion it can apply to; every motion above that target must rank below it
  (an incidental motion pending above it blocks it, unless it applies to that motion);
- one without (main, privileged) must outrank every pending motion; incidental motions
  pending yield to privileged ones (§6), bring-back motions taken up rank as main motions;
- `requires_pending` and the chart's `in_order_when` conditions are then checked one by one.

What the chart says is read here, never repeated; what each `in_order_when` word means is
interpreted in `CONDITIONS` (a word this module does not know is not enforced).
"""

from __future__ import annotations

from deliberate.meeting import present_member as member_present, quorum
from deliberate.motions.chart import Chart, MotionSpec
from deliberate.motions.stack import Motion, chain, motions_of, peek, presiding_id
from deliberate.refusal import Refusal
from deliberate.state import State

def in_order_during_a_vote(chart: Chart) -> set[str]:
    """Once voting has begun nothing interrupts it but what concerns the vote itself (RONR §45:9)."""
    return {spec.id for spec in chart.values() if "during_voting" in spec.in_order_when}


def _names(chart: Chart, kinds) -> dict:
    kinds = list(kinds)
    return {
        "names_zh": "、".join(chart[k].name_zh for k in kinds) or "-",
        "names_en": ", ".join(chart[k].name_en for k in kinds) or "-",
    }


def effective_rank(spec: MotionSpec) -> int | None:
    """The rank a pending motion holds on the stack; None for incidental motions."""
    if spec.rank is not None:
        return spec.rank
    if spec.motion_class == "bring_back":
        return 1   # once taken up, a motion that brings back a question is considered like a main motion
    return None


def passes(spec: MotionSpec, below: MotionSpec) -> bool:
    """`spec` may be made while `below` is pending under it without applying to it."""
    rank = effective_rank(below)
    if rank is None:
        return spec.motion_class == "privileged"
    return spec.rank is not None and spec.rank > rank


def place(state: State, rules, chart: Chart, kind: str, params: dict) -> str | None | Refusal:
    """The motion's target (a motion id, a ruling id, or None), or why it is out of order now."""
    spec = chart[kind]
    m = peek(state)
    stack = [m.items[i] for i in m.stack]
    prefix = "ronr"
    # a motion awaiting a second is dealt with first (seconded or declared lapsed)
    if stack and not stack[-1].stated and not spec.interrupts:
        waiting = stack[-1]
        return Refusal(f"{prefix}.second", "motions.awaiting_second",
                       {"motion": _label(chart, waiting)}, hint_key="motions.awaiting_second.hint")
    if m.vote is not None and kind not in in_order_during_a_vote(chart):
        return Refusal(f"{prefix}.voting", "motions.vote_in_progress",
                       {"question": m.vote.question}, hint_key="motions.vote_in_progress.hint")
    if spec.requires_pending and not stack:
        return Refusal(f"{prefix}.precedence", "motions.requires_pending", _spec_params(spec),
                       hint_key="motions.requires_pending.hint")
    target: str | None = None
    if spec.motion_class == "bring_back":
        target = params.get("question")
        if not target and spec.effect == "reconsider_vote" and m.results:
            target = m.results[-1].question   # reconsider: the most recent vote by default
    elif kind == "appeal":
        target = m.appealable
    elif kind == "division_of_the_assembly":
        target = m.vote.question if m.vote is not None else None
    elif spec.applies_to and stack:
        found = _target(stack, chart, spec, state)
        if isinstance(found, Refusal):
            return found
        target = found
    elif stack and spec.motion_class in ("main", "subsidiary", "privileged"):
        for below in stack:
            if not passes(spec, chart[below.kind]):
                return _outranked(chart, spec, below)
    for condition in spec.in_order_when:
        check = CONDITIONS.get(condition)
        if check is None:
            continue
        refusal = check(state, rules, chart, spec, params, target)
        if refusal is not None:
            return refusal
    return target


def _target(stack: list[Motion], chart: Chart, spec: MotionSpec, state: State) -> str | Refusal:
    for below in reversed(stack):
        kinds = chain(state, below)
        if chart.can_apply(spec.id, kinds):
            if spec.id == "amend" and kinds[-2:] == ["amend", "amend"]:
                # §12:11: an amendment of the second degree cannot itself be amended
                return Refusal("ronr.amend_degree", "motions.amend_degree", {},
                               hint_key="motions.amend_degree.hint")
            return below.id
        if spec.motion_class == "incidental":
            break   # an incidental motion arises from the immediately pending question only
        if not passes(spec, chart[below.kind]):
            return _outranked(chart, spec, below)
    return Refusal("ronr.applies_to", "motions.applies_to",
                   {**_spec_params(spec), **_names(chart, [stack[-1].kind])},
                   hint_key="motions.applies_to.hint")


def _outranked(chart: Chart, spec: MotionSpec, below: Motion) -> Refusal:
    other = chart[below.kind]
    return Refusal("ronr.precedence", "motions.outranked",
                   {**_spec_params(spec), "other_zh": other.name_zh, "other_en": other.name_en,
                    "other_id": below.id},
                   hint_key="motions.outranked.hint")


def _spec_params(spec: MotionSpec) -> dict:
    return {"kind": spec.id, "name_zh": spec.name_zh, "name_en": spec.name_en, "ronr": spec.ronr}


def _label(chart: Chart, motion: Motion):
    """A motion as the host reads it: its id and its name in the message's language."""
    from deliberate.i18n import Words

    return Words(f"{motion.id} {chart[motion.kind].name_zh}", f"{motion.id} {chart[motion.kind].name_en}")


def typeable_motions(rules, kinds) -> object:
    """The lines a host types to make each motion of `kinds` (`motion adjourn --by 姓名  休会`), one a line."""
    from deliberate.i18n import Words
    from deliberate.motions.stack import chart_of

    chart = chart_of(rules)
    specs = [chart[k] for k in kinds if k in chart]
    return Words("".join(f"\n    motion {s.id} --by 姓名    （{s.name_zh}）" for s in specs),
                 "".join(f"\n    motion {s.id} --by NAME    ({s.name_en})" for s in specs))


# -- the chart's in_order_when words ----------------------------------------------------


def _no_question_pending(state, rules, chart, spec, params, target):
    stack = peek(state).stack
    if stack:
        top = peek(state).items[stack[-1]]
        return Refusal("ronr.precedence", "motions.question_pending",
                       {**_spec_params(spec), "other": top.id, "other_zh": chart[top.kind].name_zh,
                        "other_en": chart[top.kind].name_en},
                       hint_key="motions.question_pending.hint")
    return None


def _unqualified(state, rules, chart, spec, params, target):
    if params.get("to"):
        return Refusal("ronr.adjourn", "motions.adjourn_qualified", {"to": params["to"]},
                       hint_key="motions.adjourn_qualified.hint")
    return None


def _immediately_after_ruling(state, rules, chart, spec, params, target):
    ruling = peek(state).rulings.get(target) if target else None
    if ruling is None or state.meeting is None or ruling.meeting != state.meeting.number:
        return Refusal("ronr.appeal", "motions.no_ruling_to_appeal", {}, hint_key="motions.no_ruling_to_appeal.hint")
    return None


def _before_debate(state, rules, chart, spec, params, target):
    m = peek(state)
    if target is None:
        return None
    main = m.items[target]
    if any(other.target == main.id and other.stated for other in m.items.values()):
        return Refusal("ronr.objection", "motions.objection_too_late", {"question": main.id},
                       hint_key="motions.objection_too_late.hint")
    spoken = getattr(state.floor, "spoken_on", None) if state.floor is not None else None
    if callable(spoken) and spoken(main.id):
        return Refusal("ronr.objection", "motions.objection_too_late", {"question": main.id},
                       hint_key="motions.objection_too_late.hint")
    return None


def _independent_parts(state, rules, chart, spec, params, target):
    parts = [p for p in params.get("parts", []) if p.strip()]
    if len(parts) < 2:
        return Refusal("ronr.division", "motions.division_parts", {}, hint_key="motions.division_parts.hint")
    return None


def _several_paragraphs(state, rules, chart, spec, params, target):
    if target is None:
        return None
    text = peek(state).items[target].text
    if len(paragraphs(text)) < 2:
        return Refusal("ronr.seriatim", "motions.one_paragraph", {}, hint_key="motions.one_paragraph.hint")
    return None


def paragraphs(text: str) -> list[str]:
    import re

    return [p for p in re.split(r"[\n；;]+", text) if p.strip()]


def _after_vote_taken(state, rules, chart, spec, params, target):
    vote = peek(state).vote
    if vote is None or vote.counts is None or vote.method not in ("hands", "rising"):
        return Refusal("ronr.division_of_assembly", "motions.no_vote_to_divide", {},
                       hint_key="motions.no_vote_to_divide.hint")
    return None


def _before_voting_begins(state, rules, chart, spec, params, target):
    vote = peek(state).vote
    if vote is not None and vote.question == target:
        return Refusal("ronr.voting", "motions.vote_in_progress", {"question": target},
                       hint_key="motions.vote_in_progress.hint")
    return None


def _same_or_next_session(state, rules, chart, spec, params, target):
    m = peek(state)
    segment = next((s for s in m.tabled if target in s), None)
    if segment is None:
        return Refusal("ronr.take_from_table", "motions.not_on_table" if target else "motions.nothing_on_table",
                       {"question": target or ""}, hint_key="motions.not_on_table.hint")
    tabled_in = m.items[segment[0]].params.get("tabled_in", 0)
    if state.meeting is not None and state.meeting.number > tabled_in + 1:
        return Refusal("ronr.take_from_table", "motions.table_expired", {"question": target},
                       hint_key="motions.table_expired.hint")
    return None


def _reconsider_within(state, rules, chart, spec, params, target):
    from deliberate.times import instant

    m = peek(state)
    motion = m.items.get(target) if target else None
    if motion is None or motion.result is None:
        return Refusal("ronr.reconsider", "motions.reconsider_nothing" if target else "motions.reconsider_no_vote",
                       {"question": target or ""},
                       hint_key="motions.reconsider_nothing.hint")
    result = m.results[motion.result]
    within = rules.business.reconsider_within
    if within == "same_meeting":
        late = state.meeting is None or result.meeting != state.meeting.number
    else:
        late = state.last_at is None or instant(result.at).date() != instant(state.last_at).date()
    if late:
        return Refusal("ronr.reconsider", "motions.reconsider_late",
                       {"question": target, "within": within}, hint_key="motions.reconsider_late.hint")
    return None


def _orders_due(state, rules, chart, spec, params, target):
    from deliberate.agenda import orders_due_condition

    return orders_due_condition(state, rules, chart, spec, params, target)


CONDITIONS = {
    "orders_of_the_day_due_and_not_taken_up": _orders_due,
    "no_question_pending": _no_question_pending,
    "unqualified": _unqualified,
    "immediately_after_ruling": _immediately_after_ruling,
    "before_debate_or_subsidiary_stated": _before_debate,
    "question_has_independent_parts": _independent_parts,
    "question_has_several_paragraphs": _several_paragraphs,
    "after_vote_taken_before_other_business": _after_vote_taken,
    "before_voting_begins": _before_voting_begins,
    "same_or_next_session": _same_or_next_session,
    "same_day_or_next_day_of_session": _reconsider_within,
    # Not enforced (the chair's judgement, or facts the record does not hold):
    # urgent_matter_needs_attention,
    # privilege_needs_immediate_attention, privileged_only_while_question_pending,
    # no_adjournment_time_already_set, assembly_meets_again, at_time_of_breach.
}


# -- who may act --------------------------------------------------------------------------


def require_business(state: State, rules, kind: str | None = None) -> Refusal | None:
    """A meeting in session, with a quorum unless the rules or the motion say otherwise."""
    if not state.in_session():
        return Refusal("meeting.not_open", "meeting.not_open", hint_key="meeting.not_open.hint")
    if rules.business.quorum_required and (kind is None or kind not in rules.business.without_quorum.split()):
        q = quorum(state, rules)
        if not q.met:
            return Refusal("ronr.quorum", "motions.no_quorum",
                           {"present": q.present, "required": q.required,
                            "allowed": typeable_motions(rules, rules.business.without_quorum.split())},
                           hint_key="motions.no_quorum.hint")
    return None


def present_member(state: State, rules, name: str, acting_as: str):
    """The member named, if present and not the neutral presiding officer; else a Refusal."""
    member = member_present(state, name)
    if isinstance(member, Refusal):
        return member
    if member.id == presiding_id(state) and rules.chair.neutral:
        return Refusal(f"{rules.rule_prefix}.neutral_chair", f"motions.neutral_chair.{acting_as}",
                       {"name": member.name}, hint_key="motions.neutral_chair.hint")
    return member


def maker_may_move(state: State, rules, chart: Chart, spec: MotionSpec, member, target: str | None,
                   params: dict) -> Refusal | None:
    """The chart's `moved_by`: any member, the maker of the target, or the prevailing side."""
    m = peek(state)
    if spec.moved_by == "maker":
        motion = m.items.get(target) if target else None
        if motion is not None and motion.maker != member.id:
            return Refusal("ronr.maker", "motions.only_maker", {"name": member.name, "question": motion.id},
                           hint_key="motions.only_maker.hint")
    if spec.moved_by == "prevailing_side":
        motion = m.items.get(target) if target else None
        if motion is None or motion.result is None:
            return None
        return prevailing_side(m, motion, member, params)
    return None


def prevailing_side(m, motion: Motion, member, params: dict) -> Refusal | None:
    """Roll call: the record says how the member voted. Otherwise the member declares it."""
    result = m.results[motion.result]
    prevailing = "yes" if result.adopted else "no"
    if result.roll:
        voted = result.roll.get(member.id)
    else:
        voted = params.get("voted")
        if voted is None:
            return Refusal("ronr.reconsider", "motions.declare_side", {"question": motion.id},
                           hint_key="motions.declare_side.hint")
    if voted != prevailing:
        return Refusal("ronr.reconsider", "motions.not_prevailing",
                       {"name": member.name, "question": motion.id, "side": prevailing},
                       hint_key="motions.not_prevailing.hint")
    return None


def reconsider_allowed(spec_of_target: MotionSpec, adopted: bool) -> bool:
    """The target's own `reconsider` field (conditional ones are allowed: the condition is the chair's)."""
    value = spec_of_target.reconsider
    if value is True or value == "conditional":
        return True
    if value == "negative_only":
        return not adopted
    if value == "affirmative_only":
        return adopted
    return False


def ensure(state: State) -> None:
    motions_of(state)
