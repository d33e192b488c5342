"""Who the community is: its founding, its members, their privacy. Pure."""

from __future__ import annotations

import re
from msgspec import Struct, field

from deliberate.core import Command
from deliberate.i18n import listed
from deliberate.names import clean, name_key, person as person_name
from deliberate.refusal import Refusal
from deliberate.state import Member, State
from deliberate.record import Event


class NewMember(Struct, frozen=True):
    """A member as typed or read from a roster row, before it is checked."""
    name: str
    role: str = ""
    unit: str | None = None
    phone: str | None = None
    id_number: str | None = None
    row: int | None = None  # the CSV row it came from, for messages


class CreateCommunity(Command):
    """Create the community: its name, rules and signing key."""
    name: str
    rules: dict
    rules_source: str
    public_key: str | None = None


class AddMembers(Command):
    """Add one or more members to the roster, all or none."""
    members: tuple[NewMember, ...]


class RemoveMember(Command):
    """Take a member off the roster."""
    name: str
    reason: str = ""


# -- checks on one person's details ----------------------------------------

_PHONE_SEPARATORS = re.compile(r"[\s\-()（）]")
_MOBILE = re.compile(r"^1[3-9]\d{9}$")
_LANDLINE = re.compile(r"^0\d{2,3}\d{7,8}$")
_LOCAL = re.compile(r"^\d{7,8}$")
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


def normal_phone(text: str) -> str | None:
    """A mainland mobile, landline or local number with separators removed; None if not a phone."""
    digits = _PHONE_SEPARATORS.sub("", text.translate({c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}))
    if digits.startswith("+86"):
        digits = digits[3:]
    elif digits.startswith("86") and len(digits) == 13:
        digits = digits[2:]
    if _MOBILE.match(digits) or _LANDLINE.match(digits) or _LOCAL.match(digits):
        return digits
    return None


def valid_id_number(text: str) -> bool:
    """An 18-character resident identity number with a correct check character (GB 11643)."""
    text = text.strip().upper()
    if not re.match(r"^\d{17}[\dX]$", text):
        return False
    total = sum(int(d) * w for d, w in zip(text[:17], _ID_WEIGHTS))
    return _ID_CHECK[total % 11] == text[17]


def mask_phone(phone: str | None) -> str:
    if not phone:
        return ""
    return phone[:3] + "*" * max(len(phone) - 7, 1) + phone[-4:] if len(phone) > 7 else "*" * len(phone)


def mask_id(id_number: str | None) -> str:
    if not id_number:
        return ""
    return id_number[:4] + "*" * (len(id_number) - 8) + id_number[-4:]


def mask_unit(unit: str | None) -> str:
    if not unit:
        return ""
    first = unit.split()[0] if " " in unit else unit[:1]
    return first + " ***"


class RowProblem(Struct, frozen=True):
    """Why one roster row cannot be added."""
    row: int | None
    name: str
    reason: str          # a message key
    params: dict = field(default_factory=dict)


def check_new_members(state: State, members: tuple[NewMember, ...]) -> list[RowProblem]:
    """Every problem with these people, all at once (so a file is fixed in one pass)."""
    problems: list[RowProblem] = []
    seen: dict[str, int | None] = {}
    for person in members:
        name = person_name(person.name)
        if not name:
            problems.append(RowProblem(person.row, "", "roster.problem.empty_name"))
            continue
        key = name_key(name)
        if key in state.keys and state.members[state.keys[key]].active:
            problems.append(RowProblem(person.row, name, "roster.problem.already_member"))
        elif key in seen:
            problems.append(RowProblem(person.row, name, "roster.problem.duplicate", {"first": seen[key]}))
        seen.setdefault(key, person.row)
        if person.phone and normal_phone(person.phone) is None:
            problems.append(RowProblem(person.row, name, "roster.problem.phone", {"phone": person.phone}))
        if person.id_number and not valid_id_number(person.id_number):
            problems.append(RowProblem(person.row, name, "roster.problem.id_number"))
        if len(name) > 60:
            problems.append(RowProblem(person.row, name[:20], "roster.problem.long_name"))
    return problems


# -- finding a member by name ----------------------------------------------


def find_member(state: State, name: str) -> Member | Refusal:
    key = name_key(name)
    member_id = state.keys.get(key)
    if member_id is None or not state.members[member_id].active:
        suggest = _suggest(state, name)
        return Refusal("roster.unknown", "roster.unknown" if suggest else "roster.unknown_none",
                       {"name": clean(name), "suggest": suggest}, hint_key="roster.unknown.hint")
    return state.members[member_id]


def _suggest(state: State, name: str) -> str:
    import difflib

    from deliberate.names import simplified

    names = [m.name for m in state.roster]
    close = difflib.get_close_matches(clean(name), names, n=3, cutoff=0.4)
    # A name typed in Traditional characters (陳曉梅) suggests its Simplified member (陈晓梅) first.
    member_id = state.keys.get(name_key(simplified(name)))
    if member_id is not None and state.members[member_id].active:
        close = [state.members[member_id].name] + [n for n in close if n != state.members[member_id].name]
    return listed(close[:3])


# -- deciders ----------------------------------------------------------------


def decide_create(state: State, command: CreateCommunity, rules) -> list[Event] | Refusal:
    if state.community is not None:
        return Refusal("record.already_created", "record.already_created", {"name": state.community})
    name = clean(command.name)
    if not name:
        return Refusal("record.community_name", "record.community_name")
    payload = {"name": name, "rules": command.rules, "rules_source": command.rules_source}
    if command.public_key:
        payload["public_key"] = command.public_key
    return [Event("community_created", command.at, payload)]


def decide_add(state: State, command: AddMembers, rules) -> list[Event] | Refusal:
    if state.community is None:
        return Refusal("record.not_created", "record.not_created")
    problems = check_new_members(state, command.members)
    if problems:
        return Refusal("roster.invalid", "roster.invalid", {"problems": problems, "count": len(problems)})
    events = []
    next_number = len(state.members) + 1
    for offset, person in enumerate(command.members):
        payload = {"id": f"m{next_number + offset}", "name": person_name(person.name)}
        if person.role:
            payload["role"] = clean(person.role)
        events.append(Event("member_added", command.at, payload))
    return events


def decide_remove(state: State, command: RemoveMember, rules) -> list[Event] | Refusal:
    member = find_member(state, command.name)
    if isinstance(member, Refusal):
        return member
    if state.in_session() and member.id in state.meeting.present:
        return Refusal("roster.remove_present", "roster.remove_present", {"name": member.name})
    return [Event("member_removed", command.at, {"id": member.id, "reason": command.reason})]


# -- appliers ----------------------------------------------------------------


def apply_created(state: State, event) -> None:
    state.community = event.payload["name"]
    state.rules = event.payload["rules"]
    state.rules_source = event.payload["rules_source"]
    state.public_key = event.payload.get("public_key")


def apply_rules(state: State, event) -> None:
    state.rules = event.payload["rules"]
    state.rules_source = event.payload["rules_source"]


def apply_added(state: State, event) -> None:
    p = event.payload
    state.members[p["id"]] = Member(p["id"], p["name"], name_key(p["name"]), p.get("role", ""))
    state.keys[name_key(p["name"])] = p["id"]


def apply_removed(state: State, event) -> None:
    state.members[event.payload["id"]].active = False


# -- this area's tables (merged by deliberate.domain) ----------------------------
DECIDERS = {
    CreateCommunity: decide_create,
    AddMembers: decide_add,
    RemoveMember: decide_remove,
}
APPLIERS = {
    "community_created": apply_created,
    "rules_adopted": apply_rules,
    "member_added": apply_added,
    "member_removed": apply_removed,
}
