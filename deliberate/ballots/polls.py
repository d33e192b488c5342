"""Secret polls: one-time codes, ballots, close and count (pure: decide and apply).

A poll is opened on the pending motion (`vote open --method secret`) or on the community's
projects (`poll open --projects`). At open, the members present are frozen: their number and
the SHA-256 of their ids (sorted, one a line) are recorded, and no more codes may ever be
issued than that number. Codes are drawn at the edge; the record holds only a *verifier* per
code, SHA-256 of "<poll>:<code>", sorted (so their order says nothing about who got which).

Ballots are kept beside the log while the poll is open (see `deliberate.ballots.box`) and
enter the log only at close, all together, ordered by the hash of their content and nonce,
carrying the close time: the record shows neither the order nor the time of casting.

Events (the record format):

- ``poll_opened`` {poll, kind: motion|projects, question, present, attendance, projects,
  budget, max, min_spend, rule}
- ``codes_issued`` {poll, verifiers: [hex, sorted], issued: total so far}
- ``ballot_cast`` {poll, choice | projects, nonce, receipt}: one per ballot, at close
- ``poll_closed`` {poll, ballots, codes, counts | outcome}: a motion poll's counts (then a
  ``vote_tallied`` from the ballots), or a project poll's outcome under the rules' selection rule
"""

from __future__ import annotations

import hashlib
from msgspec import Struct, field

from deliberate.ballots.projects import Ballots
from deliberate.core import Command
from deliberate.motions.order import require_business
from deliberate.motions.stack import peek
from deliberate.record import Event, canonical_json
from deliberate.refusal import Refusal
from deliberate.state import State

CHOICES = ("yes", "no", "abstain")
# Crockford's base32 without I, L, O, U: no look-alikes. 16 symbols carry 80 bits; one more checks them.
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_SYMBOLS = 16
_VALUE = {ch: i for i, ch in enumerate(ALPHABET)}
_READ_AS = {"O": "0", "I": "1", "L": "1"}
RECEIPT_HEX = 16


# -- codes -------------------------------------------------------------------------------
def check_symbol(body: str) -> str:
    """The check symbol of `body`: odd weights mod 32, so any single wrong symbol changes it."""
    return ALPHABET[sum((2 * i + 1) * _VALUE[ch] for i, ch in enumerate(body)) % 32]


def code_from_bits(value: int) -> str:
    """An 80-bit number as a code: 16 symbols and a check symbol, shown in groups of four."""
    body = "".join(ALPHABET[(value >> (5 * i)) & 31] for i in range(CODE_SYMBOLS))
    return shown(body + check_symbol(body))


def shown(code: str) -> str:
    return "-".join(code[i:i + 4] for i in range(0, len(code), 4))


def normal_code(text: str) -> str | None:
    """The code as typed, made canonical (case, spaces, dashes, O/I/L); None if malformed or mistyped."""
    if not isinstance(text, str):
        return None
    plain = "".join(_READ_AS.get(ch, ch) for ch in text.upper() if ch not in " -\t")
    if len(plain) != CODE_SYMBOLS + 1 or any(ch not in _VALUE for ch in plain):
        return None
    if check_symbol(plain[:-1]) != plain[-1]:
        return None
    return plain


def verifier(poll_id: str, code: str) -> str:
    """What the record keeps of a code (the code in canonical form)."""
    return hashlib.sha256(f"{poll_id}:{code}".encode("ascii")).hexdigest()


def attendance_hash(member_ids) -> str:
    return hashlib.sha256("\n".join(sorted(member_ids)).encode("utf-8")).hexdigest()


# -- ballots -----------------------------------------------------------------------------
def ballot_content(poll_id: str, choice: str | None = None, projects=None) -> dict:
    if projects is not None:
        return {"poll": poll_id, "projects": sorted(projects, key=_id_key)}
    return {"poll": poll_id, "choice": choice}


def ballot_hash(content: dict, nonce: str) -> str:
    """SHA-256 of the ballot's canonical content with its nonce: the order at close and the receipt."""
    return hashlib.sha256(canonical_json({**content, "nonce": nonce}).encode("utf-8")).hexdigest()


def receipt_of(content: dict, nonce: str) -> str:
    return ballot_hash(content, nonce)[:RECEIPT_HEX]


def _id_key(project_id: str):
    digits = project_id[1:]
    return (0, int(digits), project_id) if project_id[:1] == "p" and digits.isdigit() else (1, 0, project_id)


# -- the slice of the state --------------------------------------------------------------
class Poll(Struct):
    """A secret poll, on a motion or on projects."""
    id: str
    kind: str                      # motion | projects
    question: str | None
    opened_at: str
    present: int
    attendance: str
    projects: list = field(default_factory=list)
    budget: int | None = None
    max: int | None = None
    min_spend: int | None = None
    rule: str | None = None
    knapsack: bool = False
    verifiers: dict = field(default_factory=dict)   # verifier -> batch (1: the slips, 2...: --add)
    batches: int = 0
    closed_at: str | None = None
    ballots: int = 0
    result: dict | None = None

    @property
    def open(self) -> bool:
        return self.closed_at is None

    def terms(self) -> dict:
        return {"poll": self.id, "kind": self.kind, "question": self.question, "projects": list(self.projects),
                "budget": self.budget, "max": self.max, "min_spend": self.min_spend, "knapsack": self.knapsack}


def slice_of(state: State) -> Ballots:
    if state.ballots is None:
        state.ballots = Ballots()
    return state.ballots


def polls_of(state: State) -> dict:
    return state.ballots.polls if state.ballots is not None else {}


def open_poll(state: State) -> Poll | None:
    ballots = state.ballots
    if ballots is None or ballots.open_poll is None:
        return None
    return ballots.polls[ballots.open_poll]


def latest_poll(state: State) -> Poll | None:
    polls = polls_of(state)
    return polls[next(reversed(polls))] if polls else None


# -- commands ------------------------------------------------------------------------------
class OpenSecretVote(Command):
    """`vote open --method secret`: the vote on the pending motion, and its poll."""


class OpenProjectPoll(Command):
    """Open a secret poll on which projects to fund."""
    max: int | None = None
    knapsack: bool = False
    min_spend_pct: int | None = None


class IssueCodes(Command):
    """Record the verifiers of ballot codes printed for the open poll."""
    verifiers: tuple[str, ...]     # of codes drawn at the edge, for the open poll
    add: bool = False              # more codes (`slips --add`), not the first printing
    poll: str | None = None


class ClosePoll(Command):
    """Close the open poll and count the ballots kept beside the log."""
    ballots: tuple = ()            # the accepted ballots kept beside the log: {content, nonce}
    poll: str | None = None


# -- deciding ------------------------------------------------------------------------------
def _no_poll_open(state: State) -> Refusal | None:
    poll = open_poll(state)
    if poll is not None:
        return Refusal("poll.one_at_a_time", "poll.already_open", {"poll": poll.id},
                       hint_key="poll.already_open.hint")
    return None


def voters(state: State, rules) -> list[str]:
    """The members present who may vote: the presiding member only where the chair always votes."""
    from deliberate.motions.stack import presiding_id

    chair = presiding_id(state)
    always = rules is not None and rules.chair.votes == "always"
    return [m for m in state.meeting.present if always or m != chair]


def _opened(state: State, rules, at: str, kind: str, question: str | None, **terms) -> Event:
    present = voters(state, rules)
    payload = {"poll": f"v{len(polls_of(state)) + 1}", "kind": kind, "question": question,
               "present": len(present), "attendance": attendance_hash(present),
               "projects": [], "budget": None, "max": None, "min_spend": None, "rule": None, **terms}
    return Event("poll_opened", at, payload)


def decide_open_secret(state: State, command: OpenSecretVote, rules) -> list[Event] | Refusal:
    from deliberate.motions.voting import OpenVote, decide_open

    refusal = _no_poll_open(state)
    if refusal:
        return refusal
    result = decide_open(state, OpenVote(command.at, "secret"), rules)
    if isinstance(result, Refusal):
        return result
    if not voters(state, rules):
        return Refusal("poll.nobody_present", "poll.nobody_present", hint_key="poll.nobody_present.hint")
    question = next(e.payload["question"] for e in result if e.type == "vote_opened")
    return result + [_opened(state, rules, command.at, "motion", question)]


def decide_open_projects(state: State, command: OpenProjectPoll, rules) -> list[Event] | Refusal:
    if not state.in_session():
        return Refusal("meeting.not_open", "meeting.not_open", hint_key="meeting.not_open.hint")
    refusal = _no_poll_open(state)
    if refusal:
        return refusal
    if not voters(state, rules):
        return Refusal("poll.nobody_present", "poll.nobody_present", hint_key="poll.nobody_present.hint")
    ballots = state.ballots
    if ballots is None or ballots.budget is None:
        return Refusal("poll.no_budget", "poll.no_budget", hint_key="poll.no_budget.hint")
    active = ballots.active()
    if not active:
        return Refusal("poll.no_projects", "poll.no_projects", hint_key="poll.no_projects.hint")
    if command.max is not None and command.max < 1:
        return Refusal("poll.terms", "poll.bad_max", {"max": command.max})
    pct = command.min_spend_pct
    if pct is not None and (not command.knapsack or not 0 <= pct <= 100):
        return Refusal("poll.terms", "poll.bad_min_spend", {"pct": pct})
    min_spend = (ballots.budget * pct + 99) // 100 if pct is not None else None
    if not command.knapsack and command.max is None:
        max_ = len(active)
    else:
        max_ = command.max
    rule = rules.ballots.selection if rules is not None else "equalshares/add1"
    return [_opened(state, rules, command.at, "projects", None, projects=[p.id for p in active],
                    budget=ballots.budget, max=max_, min_spend=min_spend,
                    knapsack=command.knapsack, rule=rule)]


def _the_poll(state: State, wanted: str | None) -> Poll | Refusal:
    poll = open_poll(state)
    if poll is None or (wanted and wanted != poll.id):
        return Refusal("poll.not_open", "poll.not_open", hint_key="poll.not_open.hint")
    return poll


def decide_issue(state: State, command: IssueCodes, rules) -> list[Event] | Refusal:
    poll = _the_poll(state, command.poll)
    if isinstance(poll, Refusal):
        return poll
    if poll.verifiers and not command.add:
        return Refusal("poll.codes_once", "poll.slips_once", {"poll": poll.id, "issued": len(poll.verifiers)},
                       hint_key="poll.slips_once.hint")
    fresh = set(command.verifiers)
    if not fresh or len(fresh) != len(command.verifiers) or fresh & set(poll.verifiers):
        return Refusal("poll.codes_once", "poll.bad_issue", {"poll": poll.id})
    total = len(poll.verifiers) + len(fresh)
    if total > poll.present:
        return Refusal("poll.attendance", "poll.over_attendance",
                       {"asked": len(fresh), "issued": len(poll.verifiers), "present": poll.present},
                       hint_key="poll.over_attendance.hint")
    return [Event("codes_issued", command.at, {"poll": poll.id, "verifiers": sorted(fresh), "issued": total})]


def check_ballot(state: State, poll: Poll, choice=None, projects=None) -> dict | Refusal:
    """The ballot's canonical content, or the refusal saying what is wrong with it (all at once)."""
    if poll.kind == "motion":
        if projects is not None or choice not in CHOICES:
            return Refusal("poll.ballot", "poll.bad_choice", {"choice": str(choice)[:40]},
                           hint_key="poll.bad_choice.hint")
        return ballot_content(poll.id, choice)
    if projects is None or choice is not None:
        return Refusal("poll.ballot", "poll.needs_projects", {}, hint_key="poll.needs_projects.hint")
    chosen = [str(p)[:40] for p in projects]
    unknown = [p for p in chosen if p not in poll.projects]
    if unknown:
        return Refusal("poll.ballot", "poll.unknown_project", {"projects": ", ".join(unknown[:5])},
                       hint_key="poll.unknown_project.hint")
    if len(set(chosen)) != len(chosen):
        return Refusal("poll.ballot", "poll.duplicate_project", {})
    if poll.max is not None and len(chosen) > poll.max:
        return Refusal("poll.ballot", "poll.overvote", {"count": len(chosen), "max": poll.max},
                       hint_key="poll.overvote.hint")
    if poll.knapsack:
        cost = {p.id: p.cost for p in state.ballots.projects.values()}
        total = sum(cost[p] for p in chosen)
        if total > poll.budget:
            return Refusal("poll.ballot", "poll.over_budget", {"total": total, "budget": poll.budget},
                           hint_key="poll.over_budget.hint")
        if poll.min_spend is not None and total < poll.min_spend:
            return Refusal("poll.ballot", "poll.under_min_spend", {"total": total, "min": poll.min_spend},
                           hint_key="poll.under_min_spend.hint")
    return ballot_content(poll.id, None, chosen)


def decide_close(state: State, command: ClosePoll, rules) -> list[Event] | Refusal:
    poll = _the_poll(state, command.poll)
    if isinstance(poll, Refusal):
        return poll
    if poll.kind == "motion":
        # Counted only when the vote can then be closed: without a quorum the ballots stay in the box.
        motion = peek(state).items.get(poll.question)
        refusal = require_business(state, rules, motion.kind if motion else None)
        if refusal:
            return refusal
    if len(command.ballots) > len(poll.verifiers):
        return Refusal("poll.attendance", "poll.too_many_ballots",
                       {"ballots": len(command.ballots), "codes": len(poll.verifiers)})
    checked = []
    for ballot in command.ballots:
        content = check_ballot(state, poll, ballot.get("choice"), ballot.get("projects"))
        if isinstance(content, Refusal):
            return content
        nonce = str(ballot["nonce"])
        checked.append((ballot_hash(content, nonce), content, nonce))
    checked.sort(key=lambda item: item[0])
    at = command.at
    events = [Event("ballot_cast", at, {**content, "nonce": nonce, "receipt": digest[:RECEIPT_HEX]})
              for digest, content, nonce in checked]
    closed = {"poll": poll.id, "kind": poll.kind, "ballots": len(checked), "codes": len(poll.verifiers)}
    if poll.kind == "motion":
        counts = {c: sum(1 for _, content, _ in checked if content["choice"] == c) for c in CHOICES}
        closed["counts"] = counts
        events.append(Event("poll_closed", at, closed))
        events.append(Event("vote_tallied", at, {"question": poll.question, **counts, "source": "ballots"}))
    else:
        closed["outcome"] = select_outcome(state, poll, [content["projects"] for _, content, _ in checked],
                                           [digest[:RECEIPT_HEX] for digest, _, _ in checked]).as_dict()
        events.append(Event("poll_closed", at, closed))
    return events


def poll_election(state: State, poll: Poll, approvals, voters):
    """The poll as an `Election`: its projects, its budget at open, and these ballots (voter ids given)."""
    from deliberate.ballots.election import Ballot, Election, Project

    projects = [state.ballots.projects[pid] for pid in poll.projects]
    meta = [("description", f"{state.community}: poll {poll.id}"), ("country", "China"),
            ("unit", state.community or ""), ("num_projects", str(len(projects))),
            ("num_votes", str(len(voters))), ("currency", "CNY"), ("rule", poll.rule or ""),
            ("max_length", str(poll.max or len(projects)))]
    if poll.knapsack:
        meta.append(("max_sum_cost", str(poll.budget)))
        if poll.min_spend is not None:
            meta.append(("min_sum_cost", str(poll.min_spend)))
    return Election([Project(p.id, p.cost, name=p.name, name_en=p.name_en) for p in projects], poll.budget,
                    [Ballot(v, tuple(a)) for v, a in zip(voters, approvals)], "approval", tuple(meta))


def select_outcome(state: State, poll: Poll, approvals, voters):
    from deliberate.ballots.select import select

    return select(poll_election(state, poll, approvals, voters), poll.rule or "equalshares/add1")


def closing_check(state: State) -> Refusal | None:
    poll = open_poll(state)
    if poll is not None:
        return Refusal("poll.close_first", "poll.close_first", {"poll": poll.id}, hint_key="poll.close_first.hint")
    return None


# -- applying ----------------------------------------------------------------------------
def apply_opened(state: State, event) -> None:
    p = event.payload
    ballots = slice_of(state)
    poll = Poll(p["poll"], p["kind"], p.get("question"), event.at, p["present"], p["attendance"],
                list(p.get("projects") or []), p.get("budget"), p.get("max"), p.get("min_spend"), p.get("rule"),
                bool(p.get("knapsack")))
    ballots.polls[poll.id] = poll
    ballots.open_poll = poll.id


def apply_issued(state: State, event) -> None:
    poll = state.ballots.polls[event.payload["poll"]]
    poll.batches += 1
    for v in event.payload["verifiers"]:
        poll.verifiers[v] = poll.batches


def apply_cast(state: State, event) -> None:
    state.ballots.polls[event.payload["poll"]].ballots += 1


def apply_closed(state: State, event) -> None:
    p = event.payload
    ballots = state.ballots
    poll = ballots.polls[p["poll"]]
    poll.closed_at = event.at
    poll.result = p.get("outcome") or p.get("counts")
    if ballots.open_poll == poll.id:
        ballots.open_poll = None
    if p.get("outcome"):
        for pid in p["outcome"]["selected"]:
            ballots.funded[pid] = poll.id


# -- what others read ----------------------------------------------------------------------
def poll_view(state: State, rules) -> dict | None:
    """The open poll (else the latest): its terms, codes issued and ballots counted; never a running tally."""
    poll = open_poll(state) or latest_poll(state)
    if poll is None:
        return None
    return {**poll.terms(), "open": poll.open, "codes": len(poll.verifiers), "present": poll.present,
            "rule": poll.rule, "ballots": poll.ballots if not poll.open else None,
            "result": poll.result, "opened_at": poll.opened_at, "closed_at": poll.closed_at}


# -- this area's tables (merged by deliberate.domain) ----------------------------
DECIDERS = {
    OpenSecretVote: decide_open_secret,
    OpenProjectPoll: decide_open_projects,
    IssueCodes: decide_issue,
    ClosePoll: decide_close,
}
APPLIERS = {
    "poll_opened": apply_opened,
    "codes_issued": apply_issued,
    "ballot_cast": apply_cast,
    "poll_closed": apply_closed,
}
VIEWS = {
    "poll": poll_view,
}
CLOSING_CHECKS = (closing_check,)
