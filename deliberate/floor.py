"""The floor: raised hands, recognition, speeches and their limits, the chair. Pure.

The Luohu Ten that govern the floor, each refused under its own rule id
(`{rule_prefix}.x`, so robert.yaml gives `ronr.x`):

- neutral_chair     主持中立: the presiding member does not debate; to speak the
                    chair hands the chair over until the question is disposed.
- equal_opportunity 机会均等: nobody speaks unrecognised; the chair recognises in
                    the order of `floor_queue.order_queue`.
- stance            立场明确: for, against or a question, stated before speaking.
- no_interrupting   发言完整 / 面对主持: while a member has the floor nobody else
                    is recognised; motions that may interrupt are the chart's
                    (`interruption` below is the check the motions engine calls).
- limits            限时限次: a limit per speech (overrun recorded) and a number of
                    speeches per member per question in this meeting.
- civility          文明表达: the chair calls a member to order, with the reason.
- no_question / undebatable: debate is on the immediately pending question only.

Speech times come from the log: a speech lasts from its `speech_started` to its
`speech_ended`, so a replayed meeting gives the same durations.
"""

from __future__ import annotations

from msgspec import Struct, field

from deliberate.times import seconds_between
from deliberate.core import Command
from deliberate.floor_queue import SIDES, STANCES, Place, Waiting, order_queue
from deliberate.meeting import present_member, require_session
from deliberate.question import Question, pending_ids, pending_question
from deliberate.refusal import Refusal, with_causes
from deliberate.roster import find_member
from deliberate.rules import Rules
from deliberate.state import State
from deliberate.record import Event

# The rules a chair may set aside with a recorded reason, where the file allows it.


# -- the state of the floor ------------------------------------------------


class Hand(Struct):
    """A raised hand waiting for the floor."""
    member: str
    question: str
    stance: str | None
    order: int
    at: str
    overridden: list = field(default_factory=list)   # rule ids already set aside for this hand


class Speech(Struct):
    """A speech, under way or ended."""
    member: str
    question: str
    stance: str | None
    started_at: str
    limit: int
    ended_at: str | None = None
    seconds: float | None = None
    overrun: float = 0.0
    ended_by: str = ""


class Holder(Struct):
    """The member the chair has recognised; `speech` once the speech has begun."""

    member: str
    question: str
    stance: str | None
    at: str
    reason: str
    speech: Speech | None = None


class CallToOrderRecord(Struct):
    """A member called to order, and why."""
    member: str
    reason: str
    at: str
    question: str | None


class Floor(Struct):
    """The floor's slice of the state: the chair, hands, speeches and calls to order."""
    meeting: int
    chair_id: str | None
    presiding_id: str | None
    passed_for: str | None = None      # the question the chair stepped down for
    passed: bool = False
    hands: list = field(default_factory=list)          # Hand, in the order raised
    holder: Holder | None = None
    speeches: list = field(default_factory=list)       # ended Speech records
    counts: dict = field(default_factory=dict)         # question -> member -> speeches begun
    last_side: dict = field(default_factory=dict)      # question -> "pro" | "con" of the last such speech
    orders: list = field(default_factory=list)         # CallToOrderRecord
    next_order: int = 1

    def spoken_on(self, question: str) -> bool:
        """Has debate begun on `question` (anyone has begun a speech on it)?"""
        return bool(self.counts.get(question)) or (
            self.holder is not None and self.holder.question == question and self.holder.speech is not None)


# -- commands ----------------------------------------------------------------


class RaiseHand(Command):
    """A member raises a hand, stating a stance where the rules require one."""
    name: str
    stance: str | None = None
    override: str = ""


class LowerHand(Command):
    """A member lowers a hand."""
    name: str


class Recognize(Command):
    """The chair gives the floor to the next hand, or to one named."""
    name: str | None = None
    override: str = ""


class Speak(Command):
    """A recognized member begins to speak."""
    name: str | None = None
    stance: str | None = None


class Yield(Command):
    """The speaker ends, or the chair cuts the speech."""
    cut: bool = False          # the chair stops the speaker


class PassChair(Command):
    """The chair hands the chair to a member to take part in debate."""
    name: str


class ResumeChair(Command):
    """The chair takes the chair back."""
    pass


class CallToOrder(Command):
    """The chair calls a member to order."""
    name: str
    reason: str


# -- reading the floor (also for the motions engine and the views) ---------


def floor_of(state: State) -> Floor | None:
    """The floor of the meeting in session, or None."""
    floor = state.floor
    if floor is None or state.meeting is None or floor.meeting != state.meeting.number:
        return None
    return floor


def holder_id(state: State) -> str | None:
    """Member id of whoever has the floor (recognised or speaking), or None."""
    floor = floor_of(state)
    return floor.holder.member if floor and floor.holder else None


def presiding_id(state: State) -> str | None:
    floor = floor_of(state)
    if floor is not None:
        return floor.presiding_id
    return state.meeting.chair_id if state.meeting else None


def interruption(state: State, rules: Rules, motion_id: str, member_id: str | None) -> Refusal | None:
    """发言完整: a motion made while another member has the floor must be one the chart lets interrupt."""
    holder = holder_id(state)
    if holder is None or holder == member_id:
        return None
    spec = rules.motions.get(motion_id) or {}
    if spec.get("interrupts"):
        return None
    names = " / ".join(n for n in (spec.get("name_zh"), spec.get("name_en")) if n) or motion_id
    return Refusal(f"{rules.rule_prefix}.no_interrupting", "floor.interrupt",
                   {"holder": _name(state, holder), "motion": names}, hint_key="floor.interrupt.hint")


def debatable(question: Question) -> bool:
    # "if_target" is resolved by the motions engine when it states the question; if it
    # is passed through unresolved, debate is allowed rather than silently refused.
    return question.debatable is not False


def spoken(floor: Floor, question: str, member: str) -> int:
    return floor.counts.get(question, {}).get(member, 0)


def queue(state: State, rules: Rules) -> list[Place]:
    """Who waits on the immediately pending question, in the order the chair must recognise them."""
    floor = floor_of(state)
    question = pending_question(state)
    if floor is None or question is None:
        return []
    return _queue(state, floor, question, rules)


def _queue(state: State, floor: Floor, question: Question, rules: Rules) -> list[Place]:
    present = set(state.meeting.present)
    excluded = {floor.presiding_id} if rules.chair.neutral else set()
    if floor.holder:
        excluded.add(floor.holder.member)
    waiting = [
        Waiting(h.member, h.stance, h.order, spoken(floor, question.id, h.member))
        for h in floor.hands
        if h.question == question.id and h.member in present and h.member not in excluded
    ]
    last_side = floor.last_side.get(question.id)
    if floor.holder and floor.holder.question == question.id and floor.holder.stance in SIDES:
        last_side = floor.holder.stance
    begun = bool(floor.counts.get(question.id)) or (floor.holder is not None and floor.holder.question == question.id)
    fr = rules.floor
    return order_queue(waiting, last_side, question.maker, begun,
                       fr.maker_speaks_first, fr.new_speakers_first, fr.alternate_pro_con)


# -- deciding ----------------------------------------------------------------


def _name(state: State, member_id: str | None) -> str:
    if member_id is None:
        return "-"
    member = state.members.get(member_id)
    return member.name if member else member_id


def _rule(rules: Rules, name: str) -> str:
    return f"{rules.rule_prefix}.{name}"


def _empty_floor(state: State) -> Floor:
    return Floor(state.meeting.number, state.meeting.chair_id, state.meeting.chair_id)


def _context(state: State) -> tuple[Floor | None, Refusal | None]:
    refusal = require_session(state)
    if refusal:
        return None, refusal
    return floor_of(state) or _empty_floor(state), None


def _debate_question(state: State, rules: Rules) -> Question | Refusal:
    question = pending_question(state)
    if question is None:
        return Refusal(_rule(rules, "no_question"), "floor.no_question", hint_key="floor.no_question.hint")
    if not question.stated:
        return Refusal(_rule(rules, "no_question"), "floor.not_stated", {"text": question.text},
                       hint_key="floor.not_stated.hint")
    if not debatable(question):
        return Refusal(_rule(rules, "undebatable"), "floor.undebatable", {"text": question.text},
                       hint_key="floor.undebatable.hint")
    return question


def _neutral(state: State, floor: Floor, rules: Rules, member_id: str) -> Refusal | None:
    if rules.chair.neutral and member_id == floor.presiding_id:
        return Refusal(_rule(rules, "neutral_chair"), "floor.neutral_chair", {"name": _name(state, member_id)},
                       hint_key="floor.neutral_chair.hint")
    return None


def limits(question: Question, rules: Rules) -> tuple[int, int]:
    """(seconds per speech, speeches per member) on `question`: the rules', unless the
    assembly limited or extended debate on it (a `limits` mapping the question may carry)."""
    changed = question.limits
    return (int(changed.get("seconds") or rules.floor.speech_seconds),
            int(changed.get("speeches") or rules.floor.speeches_per_question))


def _limit_breach(state: State, floor: Floor, rules: Rules, member_id: str, question: Question) -> Refusal | None:
    count, limit = spoken(floor, question.id, member_id), limits(question, rules)[1]
    if count >= limit:
        return Refusal(_rule(rules, "limits"), "floor.limits", {"name": _name(state, member_id), "count": count,
                                                                 "limit": limit}, hint_key="floor.limits.hint")
    return None


def _settle(rules: Rules, breaches: list[Refusal], override: str) -> Refusal | dict | None:
    """Refuse on the breaches, or accept them under the chair's recorded reason.

    Returns a Refusal, or the `override` record to put on the event ({} when none).
    """
    reason = override.strip()
    if reason and not rules.floor.chair_may_override:
        return Refusal(_rule(rules, "override"), "floor.override_not_allowed", hint_key="floor.override_not_allowed.hint")
    if not breaches:
        if reason:
            return Refusal("floor.override_unneeded", "floor.override_unneeded")
        return {}
    allowed = rules.floor.overridable.split()
    fixed = [b for b in breaches if b.rule.rsplit(".", 1)[-1] not in allowed]
    if not reason or fixed:
        first = (fixed or breaches)[0]
        return with_causes(first, *(b for b in breaches if b is not first))
    return {"rules": [b.rule for b in breaches], "reason": reason}


def _floor_taken(state: State, floor: Floor, rules: Rules) -> Refusal | None:
    if floor.holder is None:
        return None
    key = "floor.taken_speaking" if floor.holder.speech else "floor.taken"
    return Refusal(_rule(rules, "no_interrupting"), key, {"name": _name(state, floor.holder.member)},
                   hint_key="floor.taken.hint")


def _no_stance(state: State, rules: Rules, stance: str | None, member_id: str) -> Refusal | None:
    if stance is None and rules.floor.stance_required:
        return Refusal(_rule(rules, "stance"), "floor.stance", {"name": _name(state, member_id)},
                       hint_key="floor.stance.hint")
    return None


def decide_hand(state: State, command: RaiseHand, rules: Rules) -> list[Event] | Refusal:
    floor, refusal = _context(state)
    if refusal:
        return refusal
    member = present_member(state, command.name)
    if isinstance(member, Refusal):
        return member
    question = _debate_question(state, rules)
    if isinstance(question, Refusal):
        return question
    if floor.holder and floor.holder.member == member.id:
        return Refusal("floor.has_floor", "floor.has_floor", {"name": member.name})
    if any(h.member == member.id and h.question == question.id for h in floor.hands):
        return Refusal("floor.hand_up", "floor.hand_up", {"name": member.name}, hint_key="floor.hand_up.hint")
    stance = command.stance
    if stance is not None and stance not in STANCES:
        return Refusal(_rule(rules, "stance"), "floor.stance_unknown", {"stance": stance}, hint_key="floor.stance.hint")
    # Every floor rule the hand breaks is said, not only the first (the chair may set aside only some).
    breaches = [b for b in (_neutral(state, floor, rules, member.id), _no_stance(state, rules, stance, member.id),
                            _limit_breach(state, floor, rules, member.id, question)) if b]
    settled = _settle(rules, breaches, command.override)
    if isinstance(settled, Refusal):
        return settled
    payload = {"member": member.id, "question": question.id, "stance": stance}
    if settled:
        payload["override"] = settled
    return [Event("floor_requested", command.at, payload)]


def decide_lower(state: State, command: LowerHand, rules: Rules) -> list[Event] | Refusal:
    floor, refusal = _context(state)
    if refusal:
        return refusal
    member = find_member(state, command.name)
    if isinstance(member, Refusal):
        return member
    question = pending_question(state)
    hand = next((h for h in floor.hands if h.member == member.id and (question is None or h.question == question.id)),
                None)
    if hand is None:
        return Refusal("floor.no_hand", "floor.no_hand", {"name": member.name}, hint_key="floor.no_hand.hint")
    return [Event("floor_request_withdrawn", command.at, {"member": member.id, "question": hand.question})]


def decide_recognize(state: State, command: Recognize, rules: Rules) -> list[Event] | Refusal:
    floor, refusal = _context(state)
    if refusal:
        return refusal
    question = _debate_question(state, rules)
    if isinstance(question, Refusal):
        return question
    taken = _floor_taken(state, floor, rules)
    if taken:
        return taken
    order = _queue(state, floor, question, rules)
    if command.name is None:
        if not order:
            return Refusal("floor.queue_empty", "floor.queue_empty", hint_key="floor.queue_empty.hint")
        place, breaches = order[0], []
    else:
        member = present_member(state, command.name)
        if isinstance(member, Refusal):
            return member
        neutral = _neutral(state, floor, rules, member.id)
        if neutral:
            return neutral
        place = next((p for p in order if p.member == member.id), None)
        if place is None:
            return Refusal(_rule(rules, "equal_opportunity"), "floor.no_hand_raised", {"name": member.name},
                           hint_key="floor.no_hand_raised.hint")
        breaches = []
        if place is not order[0]:
            breaches.append(Refusal(_rule(rules, "equal_opportunity"), f"floor.out_of_turn.{order[0].reason}",
                                    {"name": member.name, "next": _name(state, order[0].member)},
                                    hint_key="floor.out_of_turn.hint"))
    hand = next(h for h in floor.hands if h.member == place.member and h.question == question.id)
    limit = _limit_breach(state, floor, rules, place.member, question)
    if limit and limit.rule not in hand.overridden:
        breaches.append(limit)
    settled = _settle(rules, breaches, command.override)
    if isinstance(settled, Refusal):
        return settled
    payload = {"member": place.member, "question": question.id, "stance": place.stance, "reason": place.reason}
    if settled:
        # Recognised by the chair's exception: that, not the queue's order, is why.
        payload["reason"] = "override"
        payload["override"] = settled
    return [Event("floor_granted", command.at, payload)]


def decide_speak(state: State, command: Speak, rules: Rules) -> list[Event] | Refusal:
    floor, refusal = _context(state)
    if refusal:
        return refusal
    question = _debate_question(state, rules)
    if isinstance(question, Refusal):
        return question
    holder = floor.holder
    if command.name is not None:
        member = find_member(state, command.name)
        if isinstance(member, Refusal):
            return member
        if holder is None or holder.member != member.id:
            if holder is not None and holder.speech is not None:
                return _floor_taken(state, floor, rules)
            return Refusal(_rule(rules, "equal_opportunity"), "floor.not_recognized", {"name": member.name},
                           hint_key="floor.not_recognized.hint")
    if holder is None:
        return Refusal(_rule(rules, "equal_opportunity"), "floor.nobody_recognized",
                       hint_key="floor.not_recognized.hint")
    if holder.speech is not None:
        return Refusal("floor.already_speaking", "floor.already_speaking", {"name": _name(state, holder.member)},
                       hint_key="floor.already_speaking.hint")
    if holder.question != question.id:
        return Refusal("floor.question_changed", "floor.question_changed", {"name": _name(state, holder.member),
                                                                           "text": question.text},
                       hint_key="floor.question_changed.hint")
    stance = command.stance or holder.stance
    if stance is not None and stance not in STANCES:
        return Refusal(_rule(rules, "stance"), "floor.stance_unknown", {"stance": stance}, hint_key="floor.stance.hint")
    breaches = [b for b in (_neutral(state, floor, rules, holder.member),
                            _no_stance(state, rules, stance, holder.member)) if b]
    if breaches:
        return with_causes(*breaches)
    return [Event("speech_started", command.at, {
        "member": holder.member, "question": question.id, "stance": stance,
        "limit": limits(question, rules)[0], "number": spoken(floor, question.id, holder.member) + 1,
    })]


def decide_yield(state: State, command: Yield, rules: Rules) -> list[Event] | Refusal:
    floor, refusal = _context(state)
    if refusal:
        return refusal
    holder = floor.holder
    if holder is None:
        return Refusal("floor.nobody_has_floor", "floor.nobody_has_floor", hint_key="floor.nobody_has_floor.hint")
    if holder.speech is None:
        return [Event("floor_yielded", command.at, {"member": holder.member, "question": holder.question})]
    speech = holder.speech
    seconds = round(seconds_between(speech.started_at, command.at), 3)
    overrun = round(max(0.0, seconds - speech.limit), 3)
    return [Event("speech_ended", command.at, {
        "member": holder.member, "question": holder.question, "seconds": seconds, "limit": speech.limit,
        "overrun": overrun, "ended_by": "chair" if command.cut else "speaker",
    })]


def decide_pass(state: State, command: PassChair, rules: Rules) -> list[Event] | Refusal:
    floor, refusal = _context(state)
    if refusal:
        return refusal
    member = present_member(state, command.name)
    if isinstance(member, Refusal):
        return member
    if member.id == floor.presiding_id:
        return Refusal("floor.already_presiding", "floor.already_presiding", {"name": member.name})
    if floor.passed and member.id == floor.chair_id:
        # Handing the chair back is resuming it, with the same check.
        return Refusal("floor.use_resume", "floor.use_resume", {"name": member.name}, hint_key="floor.use_resume.hint")
    if floor.holder and floor.holder.member == member.id:
        return Refusal("floor.has_floor", "floor.has_floor", {"name": member.name})
    question = pending_question(state)
    if rules.chair.neutral and question is not None and spoken(floor, question.id, member.id):
        return Refusal(_rule(rules, "neutral_chair"), "floor.chair_has_spoken", {"name": member.name},
                       hint_key="floor.chair_has_spoken.hint")
    for_question = floor.passed_for if floor.passed else (question.id if question else None)
    return [Event("chair_passed", command.at, {"from": floor.presiding_id, "to": member.id, "question": for_question})]


def decide_resume(state: State, command: ResumeChair, rules: Rules) -> list[Event] | Refusal:
    floor, refusal = _context(state)
    if refusal:
        return refusal
    if not floor.passed:
        return Refusal("floor.chair_not_passed", "floor.chair_not_passed", {"name": _name(state, floor.chair_id)})
    if floor.holder and floor.holder.member == floor.chair_id:
        return Refusal("floor.chair_holds_floor", "floor.chair_holds_floor", {"name": _name(state, floor.chair_id)},
                       hint_key="floor.chair_holds_floor.hint")
    if rules.chair.neutral and floor.passed_for is not None and floor.passed_for in pending_ids(state):
        return Refusal(_rule(rules, "neutral_chair"), "floor.resume_too_soon", {"name": _name(state, floor.chair_id)},
                       hint_key="floor.resume_too_soon.hint")
    return [Event("chair_resumed", command.at, {"from": floor.presiding_id, "to": floor.chair_id})]


def decide_order(state: State, command: CallToOrder, rules: Rules) -> list[Event] | Refusal:
    floor, refusal = _context(state)
    if refusal:
        return refusal
    member = find_member(state, command.name)
    if isinstance(member, Refusal):
        return member
    reason = command.reason.strip()
    if not reason:
        return Refusal(_rule(rules, "civility"), "floor.order_reason", {"name": member.name})
    question = pending_question(state)
    payload = {"member": member.id, "reason": reason, "question": question.id if question else None,
               "had_floor": bool(floor.holder and floor.holder.member == member.id)}
    return [Event("called_to_order", command.at, payload)]


def end_debate(state: State, rules: Rules, at: str) -> list[Event] | Refusal:
    """Putting the question ends debate: refused while a member has the floor (naming `yield`),
    or, where the rules file says `vote_ends_speech: true`, the events that end the speech first."""
    floor = floor_of(state)
    if floor is None or floor.holder is None:
        return []
    if not rules.floor.vote_ends_speech:
        key = "floor.vote_while_speaking" if floor.holder.speech else "floor.vote_while_recognized"
        return Refusal(_rule(rules, "no_interrupting"), key, {"name": _name(state, floor.holder.member)},
                       hint_key="floor.vote_while_speaking.hint")
    return decide_yield(state, Yield(at, cut=True), rules)


def speech_open(state: State) -> Refusal | None:
    floor = floor_of(state)
    if floor and floor.holder:
        return Refusal("floor.close_with_floor", "floor.close_with_floor", {"name": _name(state, floor.holder.member)},
                       hint_key="floor.close_with_floor.hint")
    return None


# -- applying ----------------------------------------------------------------


def _live(state: State) -> Floor:
    floor = floor_of(state)
    if floor is None:  # a log written before this area existed: start the floor now
        floor = state.floor = _empty_floor(state)
    return floor


def start_floor(state: State, event) -> None:
    """A new meeting starts with an empty floor (the meeting's own applier ran first)."""
    state.floor = _empty_floor(state)


def apply_requested(state: State, event) -> None:
    floor, p = _live(state), event.payload
    override = p.get("override")
    floor.hands.append(Hand(p["member"], p["question"], p.get("stance"), floor.next_order, event.at,
                            list(override["rules"]) if override else []))
    floor.next_order += 1


def _drop_hand(floor: Floor, member: str, question: str) -> None:
    floor.hands = [h for h in floor.hands if not (h.member == member and h.question == question)]


def apply_withdrawn(state: State, event) -> None:
    _drop_hand(_live(state), event.payload["member"], event.payload["question"])


def apply_granted(state: State, event) -> None:
    floor, p = _live(state), event.payload
    _drop_hand(floor, p["member"], p["question"])
    floor.holder = Holder(p["member"], p["question"], p.get("stance"), event.at, p.get("reason", ""))


def apply_yielded(state: State, event) -> None:
    _live(state).holder = None


def apply_started(state: State, event) -> None:
    floor, p = _live(state), event.payload
    holder = floor.holder
    holder.stance = p.get("stance")
    holder.speech = Speech(p["member"], p["question"], p.get("stance"), event.at, p["limit"])
    per_question = floor.counts.setdefault(p["question"], {})
    per_question[p["member"]] = per_question.get(p["member"], 0) + 1
    if p.get("stance") in SIDES:
        floor.last_side[p["question"]] = p["stance"]


def apply_ended(state: State, event) -> None:
    floor, p = _live(state), event.payload
    speech = floor.holder.speech
    speech.ended_at = event.at
    speech.seconds = p["seconds"]
    speech.overrun = p["overrun"]
    speech.ended_by = p["ended_by"]
    floor.speeches.append(speech)
    floor.holder = None


def apply_passed(state: State, event) -> None:
    floor, p = _live(state), event.payload
    if not floor.passed:
        floor.passed, floor.passed_for = True, p.get("question")
    floor.presiding_id = p["to"]
    floor.hands = [h for h in floor.hands if h.member != p["to"]]


def apply_resumed(state: State, event) -> None:
    floor = _live(state)
    floor.presiding_id = floor.chair_id
    floor.passed, floor.passed_for = False, None
    floor.hands = [h for h in floor.hands if h.member != floor.chair_id]


def apply_order(state: State, event) -> None:
    p = event.payload
    _live(state).orders.append(CallToOrderRecord(p["member"], p["reason"], event.at, p.get("question")))


# -- the view ----------------------------------------------------------------


def speech_clock(speech: Speech, at: str) -> dict:
    """Elapsed and remaining seconds of a speech as of `at` (a recorded time)."""
    elapsed = max(0.0, seconds_between(speech.started_at, at))
    return {"elapsed": round(elapsed, 3), "remaining": round(speech.limit - elapsed, 3), "limit": speech.limit}


def floor_view(state: State, rules: Rules | None) -> dict | None:
    floor = floor_of(state)
    if floor is None or rules is None or not state.in_session():
        return None
    name = lambda member_id: _name(state, member_id)  # noqa: E731
    question = pending_question(state)
    data: dict = {
        "presiding": name(floor.presiding_id) if floor.presiding_id else state.meeting.chair,
        "presiding_id": floor.presiding_id,
        "chair_passed": floor.passed,
        "question": None,
        "holder": None,
        "queue": [],
        "counts": {},
        "limits": {"speech_seconds": rules.floor.speech_seconds,
                   "speeches_per_question": rules.floor.speeches_per_question,
                   "warn_seconds": rules.floor.warn_seconds,
                   "cut_off_at_limit": rules.floor.cut_off_at_limit},
        "orders": [{"member": name(o.member), "reason": o.reason, "at": o.at} for o in floor.orders],
    }
    if question is not None:
        data["question"] = {"id": question.id, "text": question.text, "debatable": debatable(question)}
        data["queue"] = [
            {"position": i, "member": name(p.member), "stance": p.stance, "spoken": p.spoken, "reason": p.reason}
            for i, p in enumerate(_queue(state, floor, question, rules), start=1)
        ]
        data["counts"] = {name(m): n for m, n in floor.counts.get(question.id, {}).items()}
        seconds, speeches = limits(question, rules)
        data["limits"].update(speech_seconds=seconds, speeches_per_question=speeches)
    if floor.holder:
        h = floor.holder
        holder = {"member": name(h.member), "member_id": h.member, "stance": h.stance, "question": h.question,
                  "recognized_at": h.at, "speaking": h.speech is not None}
        if h.speech is not None:
            holder["started_at"] = h.speech.started_at
            holder.update(speech_clock(h.speech, state.last_at))
            holder["over"] = holder["remaining"] < 0
        data["holder"] = holder
    return data


def clock_at(state: State, view: dict, at: str) -> None:
    """Bring the speech clock of a floor view to `at` (the time it is shown), never before the last event."""
    floor = floor_of(state)
    holder = view.get("holder")
    if floor is None or floor.holder is None or floor.holder.speech is None or not holder:
        return
    if state.last_at is not None and seconds_between(state.last_at, at) < 0:
        return
    holder.update(speech_clock(floor.holder.speech, at))
    holder["over"] = holder["remaining"] < 0


# -- this area's tables (merged by deliberate.domain) ----------------------------
DECIDERS = {
    RaiseHand: decide_hand,
    LowerHand: decide_lower,
    Recognize: decide_recognize,
    Speak: decide_speak,
    Yield: decide_yield,
    PassChair: decide_pass,
    ResumeChair: decide_resume,
    CallToOrder: decide_order,
}
APPLIERS = {
    "meeting_opened": start_floor,
    "floor_requested": apply_requested,
    "floor_request_withdrawn": apply_withdrawn,
    "floor_granted": apply_granted,
    "floor_yielded": apply_yielded,
    "speech_started": apply_started,
    "speech_ended": apply_ended,
    "chair_passed": apply_passed,
    "chair_resumed": apply_resumed,
    "called_to_order": apply_order,
}
VIEWS = {
    "floor": floor_view,
}
CLOSING_CHECKS = (speech_open,)
