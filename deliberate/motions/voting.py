"""Votes on the immediately pending question: open, count, roll call, tally, close. Pure.

Events (the record format):

- ``vote_opened`` {question, method}: method is ``hands`` (a show of hands, counted),
  ``roll`` (each member's vote named), or ``secret`` (ballots).
- ``votes_counted`` {question, yes, no, abstain}: the count of hands (or of those rising);
  a recount replaces it until the vote is closed.
- ``roll_call_recorded`` {question, votes: {member id: yes|no|abstain}}: names answering.
- ``vote_tallied`` {question, yes, no, abstain, source}: **the hook for secret ballots.**
  A vote opened with method ``secret`` takes no hands and no names: its counts arrive as
  this event, from the ballots area (which executes `RecordTally`, or appends the event in
  the same transaction as its own tally). The tally replaces any earlier one until close.
- ``vote_retaken`` {question, method}: a division of the assembly was demanded; the count
  is taken again by rising.
- ``vote_closed`` {question, motion, text, method, yes, no, abstain, chair_vote, roll,
  requirement, base, base_count, needed, adopted, outcome, quorum {present, required,
  roster}, effect, target, ...}: the chair announces the result. The record says why it
  carried: the counts, what was required of which base, and the quorum at that moment.
  The result's effect on the stack and on other motions is carried in the payload, so the
  fold needs no rules. An adopted motion to adjourn is followed by the spine's
  ``meeting_closed`` event.
"""

from __future__ import annotations

from msgspec import Struct

from deliberate.core import Command
from deliberate.floor import end_debate
from deliberate.meeting import quorum
from deliberate.motions import text as amend_text
from deliberate import meeting
from deliberate.motions.order import _label, present_member, require_business
from deliberate.motions.stack import (
    Motion, OpenVote as OpenVoteState, Result, chart_of, motions_of, peek, presiding_id, top,
)
from deliberate.motions.thresholds import decide_vote, no_vote
from deliberate.refusal import Refusal
from deliberate.state import State
from deliberate.record import Event

METHODS = ("hands", "roll", "secret")
CHOICES = ("yes", "no", "abstain")


class OpenVote(Command):
    """Put the pending question to a vote."""
    method: str = "hands"


class CountVotes(Command):
    """Record the counts of a vote by hands or rising."""
    yes: int
    no: int
    abstain: int = 0


class RollCall(Command):
    """Record each member's vote in a roll call."""
    yes: tuple[str, ...] = ()
    no: tuple[str, ...] = ()
    abstain: tuple[str, ...] = ()


class RecordTally(Command):
    """Counts from elsewhere (the ballot box) for a vote opened with method ``secret``."""

    yes: int
    no: int
    abstain: int = 0
    source: str = "ballots"
    question: str | None = None


class CloseVote(Command):
    """Close the vote and announce the result."""
    chair_vote: str | None = None   # yes | no: the chair's vote, where the rules allow it


def _open_vote(state: State) -> OpenVoteState | Refusal:
    m = peek(state)
    vote = m.vote
    if vote is None:
        return Refusal("ronr.voting", "motions.no_vote_open", {}, hint_key="motions.no_vote_open.hint")
    if m.stack and m.stack[-1] != vote.question:
        # A question that may interrupt a vote (a point of order) is pending: it is dealt with first.
        return Refusal("ronr.voting", "motions.vote_waits", {"question": vote.question, "id": m.stack[-1]},
                       hint_key="motions.vote_waits.hint")
    return vote


def _open_vote_with_quorum(state: State, rules) -> OpenVoteState | Refusal:
    """The vote in progress, if business may be done on its question (a quorum, by the rules)."""
    vote = _open_vote(state)
    if isinstance(vote, Refusal):
        return vote
    return require_business(state, rules, peek(state).items[vote.question].kind) or vote


def voters_present(state: State, rules) -> int:
    """Members present who may vote: the presiding member only where the chair always votes."""
    count = len(state.meeting.present)
    chair = presiding_id(state)
    if chair in state.meeting.present and rules.chair.votes != "always":
        count -= 1
    return count


def decide_open(state: State, command: OpenVote, rules) -> list[Event] | Refusal:
    chart = chart_of(rules)
    motion = top(state)
    refusal = require_business(state, rules, motion.kind if motion else None)
    if refusal:
        return refusal
    if command.method not in METHODS:
        return Refusal("motions.input", "motions.bad_method", {"method": command.method},
                       hint_key="motions.bad_method.hint")
    m = peek(state)
    if m.vote is not None:
        return Refusal("ronr.voting", "motions.vote_in_progress", {"question": m.vote.question},
                       hint_key="motions.vote_in_progress.hint")
    if motion is None:
        return Refusal("ronr.voting", "motions.nothing_to_vote", {}, hint_key="motions.nothing_to_vote.hint")
    if not motion.stated:
        return Refusal("ronr.second", "motions.awaiting_second",
                       {"motion": _label(chart, motion)},
                       hint_key="motions.awaiting_second.hint")
    spec = chart[motion.kind]
    if no_vote(spec.vote):
        return Refusal("ronr.voting", "motions.not_voted", {"name_zh": spec.name_zh, "name_en": spec.name_en},
                       hint_key="motions.not_voted.hint")
    ended = end_debate(state, rules, command.at)  # putting the question ends debate
    if isinstance(ended, Refusal):
        return ended
    return ended + [Event("vote_opened", command.at, {"question": motion.id, "method": command.method})]


def decide_count(state: State, command: CountVotes, rules) -> list[Event] | Refusal:
    vote = _open_vote_with_quorum(state, rules)
    if isinstance(vote, Refusal):
        return vote
    if vote.method not in ("hands", "rising"):
        return Refusal("motions.input", "motions.count_wrong_method", {"method": vote.method},
                       hint_key="motions.count_wrong_method.hint")
    counts = (command.yes, command.no, command.abstain)
    if any(c < 0 for c in counts):
        return Refusal("motions.input", "motions.negative_count", {}, hint_key="motions.negative_count.hint")
    voters = voters_present(state, rules)
    if sum(counts) > voters:
        return Refusal("ronr.voting", "motions.too_many_votes", {"total": sum(counts), "voters": voters},
                       hint_key="motions.too_many_votes.hint")
    return [Event("votes_counted", command.at, {"question": vote.question, "yes": command.yes,
                                                 "no": command.no, "abstain": command.abstain})]


def decide_roll(state: State, command: RollCall, rules) -> list[Event] | Refusal:
    vote = _open_vote_with_quorum(state, rules)
    if isinstance(vote, Refusal):
        return vote
    if vote.method != "roll":
        return Refusal("motions.input", "motions.roll_wrong_method", {"method": vote.method},
                       hint_key="motions.roll_wrong_method.hint")
    votes: dict[str, str] = {}
    for choice, names in (("yes", command.yes), ("no", command.no), ("abstain", command.abstain)):
        for name in names:
            member = present_member(state, rules, name, "vote") if rules.chair.votes != "always" else \
                meeting.present_member(state, name)
            if isinstance(member, Refusal):
                return member
            if member.id in vote.roll or member.id in votes:
                return Refusal("ronr.voting", "motions.voted_twice", {"name": member.name},
                               hint_key="motions.voted_twice.hint")
            votes[member.id] = choice
    if not votes:
        return Refusal("motions.input", "motions.roll_empty", {}, hint_key="motions.roll_empty.hint")
    return [Event("roll_call_recorded", command.at, {"question": vote.question, "votes": votes})]


def decide_tally(state: State, command: RecordTally, rules) -> list[Event] | Refusal:
    vote = _open_vote(state)
    if isinstance(vote, Refusal):
        return vote
    if vote.method != "secret" or (command.question and command.question != vote.question):
        return Refusal("motions.input", "motions.tally_wrong_vote", {"method": vote.method},
                       hint_key="motions.tally_wrong_vote.hint")
    counts = (command.yes, command.no, command.abstain)
    if any(c < 0 for c in counts):
        return Refusal("motions.input", "motions.negative_count", {}, hint_key="motions.negative_count.hint")
    if sum(counts) > len(state.meeting.present):
        return Refusal("ronr.voting", "motions.too_many_votes",
                       {"total": sum(counts), "voters": len(state.meeting.present)},
                       hint_key="motions.too_many_votes.hint")
    return [Event("vote_tallied", command.at, {"question": vote.question, "yes": command.yes, "no": command.no,
                                                "abstain": command.abstain, "source": command.source})]


def _counts(vote: OpenVoteState) -> dict | None:
    if vote.method == "roll":
        if not vote.roll:
            return None
        values = list(vote.roll.values())
        return {c: values.count(c) for c in CHOICES}
    return dict(vote.counts) if vote.counts is not None else None


def decide_close(state: State, command: CloseVote, rules) -> list[Event] | Refusal:
    chart = chart_of(rules)
    vote = _open_vote(state)
    if isinstance(vote, Refusal):
        return vote
    m = peek(state)
    motion = m.items[vote.question]
    refusal = require_business(state, rules, motion.kind)
    if refusal:
        return refusal
    counts = _counts(vote)
    if counts is None:
        return Refusal("ronr.voting", "motions.nothing_counted", {"method": vote.method},
                       hint_key=f"motions.nothing_counted.{vote.method}")
    spec = chart[motion.kind]
    flags = set(motion.params.get("flags") or [])
    q = quorum(state, rules)
    entitled = len(state.roster)

    def outcome_of(c):
        return decide_vote(spec.vote, flags, c["yes"], c["no"], c["abstain"], q.present, entitled,
                           rules.voting.majority_base, rules.voting.abstentions_count)

    result = outcome_of(counts)
    chair_vote = command.chair_vote
    if chair_vote is not None:
        refusal = _chair_may_vote(state, rules, vote, counts, chair_vote, outcome_of, result)
        if refusal:
            return refusal
        counts = dict(counts)
        counts[chair_vote] += 1
        result = outcome_of(counts)
    negative = spec.vote.endswith("_in_negative_to_reverse") or spec.vote.endswith("_against_consideration")
    if negative:
        outcome = ("sustained" if result.adopted else "reversed") if motion.kind == "appeal" else \
            ("considered" if result.adopted else "not_considered")
    else:
        outcome = "adopted" if result.adopted else "lost"
    payload = {
        "question": motion.id, "motion": motion.kind, "text": motion.text, "method": vote.method,
        "yes": counts["yes"], "no": counts["no"], "abstain": counts["abstain"],
        "chair_vote": chair_vote, "roll": dict(vote.roll),
        "requirement": result.requirement, "base": result.base, "base_count": result.base_count,
        "needed": result.needed, "adopted": result.adopted, "outcome": outcome,
        "quorum": {"present": q.present, "required": q.required, "roster": q.roster},
        "effect": spec.effect, "target": motion.target,
    }
    if result.adopted and spec.effect == "amend_text":
        payload.update(_amended(m, motion))
    if result.adopted and spec.effect == "divide_question":
        first = m.next_motion
        payload["parts"] = [{"id": f"q{first + i}", "text": part}
                            for i, part in enumerate(motion.params["parts"])]
    events = [Event("vote_closed", command.at, payload)]
    if result.adopted and spec.effect == "adjourn":
        events.append(Event("meeting_closed", command.at, {"number": state.meeting.number,
                                                            "adjourned_by": motion.id}))
    return events


def _amended(m, motion: Motion) -> dict:
    target = m.items[motion.target]
    op = motion.params["op"]
    if target.kind == "amend":
        words = amend_text.apply_amendment(target.text, op)
        return {"text_after": words, "op_after": amend_text.with_operand(target.params["op"], words)}
    return {"text_after": amend_text.apply_amendment(target.text, op)}


def _chair_may_vote(state, rules, vote, counts, choice, outcome_of, without) -> Refusal | None:
    chair = presiding_id(state)
    prefix = rules.rule_prefix if rules.chair.neutral else "ronr"
    if choice not in ("yes", "no"):
        return Refusal("motions.input", "motions.bad_choice", {"choice": choice}, hint_key="motions.bad_choice.hint")
    if chair is None:
        return Refusal("ronr.chair_vote", "motions.chair_not_member", {}, hint_key="motions.chair_not_member.hint")
    if rules.chair.votes == "never":
        return Refusal(f"{prefix}.neutral_chair", "motions.chair_never_votes", {},
                       hint_key="motions.chair_never_votes.hint")
    if chair in vote.roll:
        return Refusal("ronr.voting", "motions.voted_twice", {"name": state.members[chair].name},
                       hint_key="motions.voted_twice.hint")
    if rules.chair.votes == "to_break_tie":
        with_chair = dict(counts)
        with_chair[choice] += 1
        if outcome_of(with_chair).adopted == without.adopted:
            return Refusal("ronr.chair_vote", "motions.chair_vote_no_effect", {"choice": choice},
                           hint_key="motions.chair_vote_no_effect.hint")
    return None


# -- appliers -----------------------------------------------------------------------------------


def apply_opened(state: State, event) -> None:
    m = motions_of(state)
    m.vote = OpenVoteState(event.payload["question"], event.payload["method"], event.at)
    m.appealable = None
    m.last_closed = None


def apply_counted(state: State, event) -> None:
    p = event.payload
    motions_of(state).vote.counts = {"yes": p["yes"], "no": p["no"], "abstain": p["abstain"]}


def apply_tallied(state: State, event) -> None:
    apply_counted(state, event)


def apply_roll(state: State, event) -> None:
    motions_of(state).vote.roll.update(event.payload["votes"])


def apply_retaken(state: State, event) -> None:
    vote = motions_of(state).vote
    vote.method = event.payload["method"]
    vote.counts = None


def apply_closed(state: State, event) -> None:
    m = motions_of(state)
    p = event.payload
    m.vote = None
    m.appealable = None
    motion = m.items[p["question"]]
    if m.stack and m.stack[-1] == motion.id:
        m.stack.pop()
    meeting = state.meeting.number if state.meeting is not None else 0
    m.results.append(Result(
        question=motion.id, kind=motion.kind, text=p["text"], meeting=meeting, at=event.at,
        method=p["method"], yes=p["yes"], no=p["no"], abstain=p["abstain"],
        requirement=p["requirement"], base=p["base"], base_count=p["base_count"], needed=p["needed"],
        adopted=p["adopted"], outcome=p["outcome"], quorum_present=p["quorum"]["present"],
        quorum_required=p["quorum"]["required"], chair_vote=p.get("chair_vote"), roll=dict(p.get("roll") or {}),
    ))
    motion.result = len(m.results) - 1
    motion.status = p["outcome"]
    m.last_closed = motion.result
    effect = EFFECTS.get(p["effect"])
    if effect is not None:
        effect(state, m, motion, p)


def _cut(m, from_id: str | None, status: str | None = None) -> list[str]:
    """Take `from_id` and everything above it off the stack; return their ids."""
    if from_id not in m.stack:
        return []
    at = m.stack.index(from_id)
    cut = m.stack[at:]
    del m.stack[at:]
    if status:
        for motion_id in cut:
            m.items[motion_id].status = status
    return cut


def _target(m, motion: Motion) -> Motion | None:
    return m.items.get(motion.target) if motion.target else None


def _dispose_main(state, m, motion, p):
    if p["adopted"]:
        _cut(m, motion.target, "postponed_indefinitely")


def _amend(state, m, motion, p):
    if not p["adopted"]:
        return
    target = _target(m, motion)
    target.text = p["text_after"]
    if "op_after" in p:
        target.params["op"] = dict(p["op_after"])


def _refer(state, m, motion, p):
    if p["adopted"]:
        _target(m, motion).params["committee"] = motion.text
        _cut(m, motion.target, "referred")


def _postpone(state, m, motion, p):
    if p["adopted"]:
        _target(m, motion).params["until"] = motion.text
        _cut(m, motion.target, "postponed")


def _limit(state, m, motion, p):
    if p["adopted"] and motion.target in m.stack:
        for motion_id in m.stack[m.stack.index(motion.target):]:
            m.items[motion_id].limits = dict(motion.params.get("limits") or {})


def _close_debate(state, m, motion, p):
    if not p["adopted"]:
        return
    ids = list(m.stack) if motion.params.get("all") else (
        m.stack[m.stack.index(motion.target):] if motion.target in m.stack else [])
    for motion_id in ids:
        m.items[motion_id].debate_closed = True


def _table(state, m, motion, p):
    if p["adopted"]:
        segment = _cut(m, motion.target, "tabled")
        if segment:
            m.items[segment[0]].params["tabled_in"] = state.meeting.number if state.meeting else 0
            m.tabled.append(segment)


def _take_from_table(state, m, motion, p):
    if not p["adopted"]:
        return
    segment = next((s for s in m.tabled if motion.target in s), None)
    if segment is None:
        return
    m.tabled.remove(segment)
    for motion_id in segment:
        m.items[motion_id].status = "pending"
    m.stack.extend(segment)


def _rescind(state, m, motion, p):
    if p["adopted"]:
        target = _target(m, motion)
        if motion.text:
            target.text = motion.text
            target.params["amended_by"] = motion.id
        else:
            target.status = "rescinded"


def _discharge(state, m, motion, p):
    if p["adopted"]:
        target = _target(m, motion)
        target.status = "pending"
        m.stack.append(target.id)


def _reconsider(state, m, motion, p):
    if p["adopted"]:
        target = _target(m, motion)
        target.status = "pending"
        target.debate_closed = False
        m.stack.append(target.id)


def _suspend(state, m, motion, p):
    if p["adopted"]:
        m.suspended.append(motion.text)


def _divide(state, m, motion, p):
    if not p["adopted"]:
        return
    main = _target(m, motion)
    _cut(m, main.id, None)
    main.status = "divided"
    for part in p["parts"]:
        piece = Motion(part["id"], main.kind, part["text"], main.maker, motion.made_at, main.meeting,
                       params={"divided_from": main.id}, seconder=main.seconder, stated=True)
        m.items[piece.id] = piece
        m.next_motion = max(m.next_motion, int(piece.id[1:]) + 1)
    # the first part is voted first: it goes on top
    m.stack.extend(part["id"] for part in reversed(p["parts"]))


def _seriatim(state, m, motion, p):
    if p["adopted"]:
        _target(m, motion).params["seriatim"] = True


def _adjourn(state, m, motion, p):
    if p["adopted"]:
        for motion_id in m.stack:
            m.items[motion_id].status = "unfinished"
        m.stack.clear()


def _fix_time(state, m, motion, p):
    if p["adopted"]:
        m.adjourn_to = motion.text


def _appeal(state, m, motion, p):
    ruling = m.rulings.get(motion.target)
    if ruling is None or p["outcome"] != "reversed":
        return
    ruling.reversed = True
    for motion_id in ruling.removed:
        m.items[motion_id].status = "pending"
        m.stack.append(motion_id)


def _objection(state, m, motion, p):
    if p["outcome"] == "not_considered":
        _cut(m, motion.target, "not_considered")


def _withdraw(state, m, motion, p):
    if p["adopted"]:
        _cut(m, motion.target, "withdrawn")


EFFECTS = {
    "dispose_main": _dispose_main,
    "amend_text": _amend,
    "refer": _refer,
    "postpone": _postpone,
    "set_debate_limit": _limit,
    "close_debate": _close_debate,
    "table": _table,
    "take_from_table": _take_from_table,
    "rescind_or_amend_adopted": _rescind,
    "discharge_committee": _discharge,
    "reconsider_vote": _reconsider,
    "suspend_rule": _suspend,
    "divide_question": _divide,
    "consider_seriatim": _seriatim,
    "adjourn": _adjourn,
    "fix_adjourned_meeting": _fix_time,
    "reverse_ruling_if_lost": _appeal,
    "suppress_question": _objection,
    "withdraw_or_modify": _withdraw,
}


# -- this area's tables (merged by deliberate.domain) ----------------------------
DECIDERS = {
    OpenVote: decide_open,
    CountVotes: decide_count,
    RollCall: decide_roll,
    RecordTally: decide_tally,
    CloseVote: decide_close,
}
APPLIERS = {
    "vote_opened": apply_opened,
    "votes_counted": apply_counted,
    "vote_tallied": apply_tallied,
    "roll_call_recorded": apply_roll,
    "vote_retaken": apply_retaken,
    "vote_closed": apply_closed,
}
