"""A meeting: opening, the chair and secretary, attendance, quorum, closing. Pure."""

from __future__ import annotations

from msgspec import Struct

from deliberate.core import Command, latest
from deliberate.i18n import listed
from deliberate.names import clean, person
from deliberate.refusal import Refusal
from deliberate.roster import find_member
from deliberate.rules import Rules
from deliberate.state import Meeting, State
from deliberate.record import Event


class OpenMeeting(Command):
    """Open a meeting, live or entered from its paper minutes."""
    title: str
    chair: str
    secretary: str = ""
    paper: bool = False   # held earlier, entered from its paper minutes (deliberate.core.chronology)


class Attend(Command):
    """Mark members present."""
    names: tuple[str, ...]


class Depart(Command):
    """Mark members as having left."""
    names: tuple[str, ...]


class CloseMeeting(Command):
    """Close the open meeting, once nothing is left pending."""
    pass


class AdoptRules(Command):
    """Put another rules file in force."""
    rules: dict
    rules_source: str


class Quorum(Struct, frozen=True):
    """Who is present against how many the quorum requires."""
    present: int
    required: int
    roster: int

    @property
    def met(self) -> bool:
        return self.present >= self.required


def quorum(state: State, rules: Rules) -> Quorum:
    """Who is here against what the rules require, at this point of the log."""
    roster = len(state.roster)
    present = len(state.meeting.present) if state.in_session() else 0
    return Quorum(present, rules.quorum_required(roster), roster)


def present_member(state: State, name: str):
    """The member named, if on the roster and in the room: only members present take part."""
    member = find_member(state, name)
    if isinstance(member, Refusal):
        return member
    if not state.in_session() or member.id not in state.meeting.present:
        return Refusal("ronr.present", "meeting.absent", {"name": member.name}, hint_key="meeting.absent.hint")
    return member


def require_session(state: State) -> Refusal | None:
    if not state.in_session():
        return Refusal("meeting.not_open", "meeting.not_open", hint_key="meeting.not_open.hint")
    return None


# -- deciders ----------------------------------------------------------------


def decide_open(state: State, command: OpenMeeting, rules: Rules) -> list[Event] | Refusal:
    if state.community is None:
        return Refusal("record.not_created", "record.not_created")
    if state.in_session():
        return Refusal("meeting.already_open", "meeting.already_open", {"title": state.meeting.title},
                       hint_key="meeting.already_open.hint")
    title = clean(command.title)
    if not title:
        return Refusal("meeting.title", "meeting.title")
    chair_name, chair_id = person(command.chair), None  # a host from outside the roster too
    if not chair_name:
        return Refusal("meeting.chair_needed", "meeting.chair_needed")
    chair = find_member(state, chair_name)
    if isinstance(chair, Refusal):
        if rules.chair.must_be_member:
            return Refusal(f"{rules.rule_prefix}.chair_member", "meeting.chair_must_be_member",
                           {"name": chair_name})
    else:
        chair_name, chair_id = chair.name, chair.id
    secretary_name, secretary_id = person(command.secretary), None
    if secretary_name:
        secretary = find_member(state, secretary_name)
        if not isinstance(secretary, Refusal):
            secretary_name, secretary_id = secretary.name, secretary.id
    payload = {
        "number": state.meetings_held + 1,
        "title": title,
        "chair": chair_name,
        "secretary": secretary_name,
    }
    if chair_id:
        payload["chair_id"] = chair_id
    if secretary_id:
        payload["secretary_id"] = secretary_id
    if command.paper:
        payload["paper"] = True
    events = [Event("meeting_opened", command.at, payload)]
    # The chair and secretary are plainly here: members among them are marked present.
    for member_id in dict.fromkeys(i for i in (chair_id, secretary_id) if i):
        events.append(Event("attended", command.at, {"member": member_id}))
    return events


def decide_attend(state: State, command: Attend, rules: Rules) -> list[Event] | Refusal:
    return _each_member(state, command, "attended", lambda present: not present, "meeting.already_present", "attend")


def decide_depart(state: State, command: Depart, rules: Rules) -> list[Event] | Refusal:
    return _each_member(state, command, "departed", lambda present: present, "meeting.not_present", "depart")


def _each_member(state: State, command: Attend | Depart, event_type: str, allowed, refusal_key: str, verb: str):
    """One event per named member, or a refusal: a name unknown, or already in (or out of) the room.
    All or nothing; a refusal for some of the names gives the line that records the others."""
    refusal = require_session(state)
    if refusal:
        return refusal
    if not command.names:
        return Refusal("meeting.attend_whom", "meeting.attend_whom")
    events, seen, others, blocked = [], set(), [], []
    for name in command.names:
        member = find_member(state, name)
        if isinstance(member, Refusal):
            return member
        if member.id in seen:
            return Refusal(refusal_key, refusal_key, {"name": member.name})
        seen.add(member.id)
        if not allowed(member.id in state.meeting.present):
            blocked.append(member.name)
            continue
        others.append(member.name)
        events.append(Event(event_type, command.at, {"member": member.id}))
    if blocked:
        params = {"name": listed(blocked)}
        if not others:
            return Refusal(refusal_key, refusal_key, params)
        line = " ".join(f'"{n}"' if " " in n else n for n in others)
        return Refusal(refusal_key, refusal_key, {**params, "line": f"{verb} {line}"}, hint_key="meeting.the_others")
    return events


def decide_close(state: State, command: CloseMeeting, rules: Rules, closing_checks=()) -> list[Event] | Refusal:
    """Close the meeting unless an area's closing check objects (domain passes every area's CLOSING_CHECKS)."""
    refusal = require_session(state)
    if refusal:
        return refusal
    blocker = pending_business(state, closing_checks)
    if blocker:
        return blocker
    return [Event("meeting_closed", command.at, {"number": state.meeting.number})]


def pending_business(state: State, closing_checks) -> Refusal | None:
    """The first objection of the areas that hold business open (a pending motion, a speech, an open vote)."""
    for check in closing_checks:
        refusal = check(state)
        if refusal:
            return refusal
    return None


def decide_adopt(state: State, command: AdoptRules, rules: Rules) -> list[Event] | Refusal:
    if state.community is None:
        return Refusal("record.not_created", "record.not_created")
    if state.in_session():
        return Refusal("meeting.rules_in_session", "meeting.rules_in_session")
    return [Event("rules_adopted", command.at, {"rules": command.rules, "rules_source": command.rules_source})]


# -- appliers ----------------------------------------------------------------


def apply_opened(state: State, event) -> None:
    p = event.payload
    state.meetings_held = p["number"]
    state.meeting_seq = event.seq   # where this meeting's actions begin (undo and correct stay after it)
    state.meeting = Meeting(p["number"], p["title"], event.at, p["chair"], p.get("chair_id"),
                            p.get("secretary", ""), p.get("secretary_id"), paper=bool(p.get("paper")))
    if state.meeting.paper:
        # The log goes back to the paper meeting's times; remember how far it had come.
        state.reached_at = latest(state.reached_at, state.last_at)


def apply_attended(state: State, event) -> None:
    state.meeting.present.append(event.payload["member"])


def apply_departed(state: State, event) -> None:
    state.meeting.present.remove(event.payload["member"])


def apply_closed(state: State, event) -> None:
    state.meeting.closed_at = event.at


# -- this area's tables (merged by deliberate.domain) ----------------------------
DECIDERS = {
    OpenMeeting: decide_open,
    Attend: decide_attend,
    Depart: decide_depart,
    CloseMeeting: decide_close,
    AdoptRules: decide_adopt,
}
APPLIERS = {
    "meeting_opened": apply_opened,
    "attended": apply_attended,
    "departed": apply_departed,
    "meeting_closed": apply_closed,
}
