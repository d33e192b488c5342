"""Mistakes corrected in the record: `undo` and `correct SEQ`. Pure.

Nothing recorded is ever changed. A correction is a new event, ``corrected``
{retracts: [seq, ...], reason, how: undo | correct}, that names the events of one
earlier action it takes back. The fold honours it: the state is the fold of the log
*without the retracted events* (`deliberate.domain.fold(events, skip=...)`, the App
refolding when a correction is recorded), while the retracted events stay in the log,
shown in `log` as struck out, as paper minutes strike a line through.

A correction is sound only when nothing recorded after the action depends on it.
`dependents` says which later events do: a later event depends on the action when it
names a member or question the action names (a vote by the member whose arrival is
retracted), when the action is a turning point (a question stated, put or decided: what
was in order after it depended on it), or when the log no longer folds without it.
Either way the host is told which events depend on it, and nothing is recorded.
"""

from __future__ import annotations

from msgspec import Struct

from deliberate.core import Command
from deliberate.i18n import listed
from deliberate.meeting import require_session
from deliberate.record import Event
from deliberate.refusal import Refusal
from deliberate.state import State

# Events a correction never takes back: the roster (private details live beside the log),
# the community and its key, signatures, and corrections themselves.
NOT_RETRACTABLE = frozenset({
    "community_created", "rules_adopted", "member_added", "member_removed", "member_updated",
    "key_rotated", "checkpoint", "corrected", "meeting_opened",
})


# Events that change what is in order for everything after them (a question stated, put,
# decided; the meeting closed): every later event depends on them, so only `undo` takes them back.
TURNING_POINTS = frozenset({
    "question_stated", "motion_disposed", "vote_opened", "vote_closed", "vote_retaken", "meeting_closed",
    "ruling_made", "chair_passed", "chair_resumed", "agenda_taken_up",
})


class Correct(Command):
    """Retract earlier actions (`undo`, `correct SEQ`): the originals stay in the log."""
    retracts: tuple[int, ...]
    reason: str = ""
    how: str = "correct"          # undo | correct
    depends: tuple[int, ...] = ()  # later events that depend on it (the edge reads the log to say)


def decide_correct(state: State, command: Correct, rules) -> list[Event] | Refusal:
    refusal = require_session(state)
    if refusal:
        return refusal
    if not command.retracts:
        return Refusal("record.correct", "correct.nothing", hint_key="correct.nothing.hint")
    seqs = sorted(set(command.retracts))
    opened = state.meeting_seq
    for seq in seqs:
        if seq > state.seq or seq <= opened:
            return Refusal("record.correct", "correct.not_this_meeting", {"seq": seq},
                           hint_key="correct.not_this_meeting.hint")
        if seq in state.corrections:
            return Refusal("record.correct", "correct.already", {"seq": seq, "by": state.corrections[seq]},
                           hint_key="correct.already.hint")
    if command.how == "correct" and not command.reason.strip():
        return Refusal("record.correct", "correct.reason", hint_key="correct.reason.hint")
    if command.depends:
        return Refusal("record.correct", "correct.depends",
                       {"seq": seqs[0], "span": str(seqs[0]) if len(seqs) == 1 else f"{seqs[0]}–{seqs[-1]}",
                        "depends": listed(command.depends)},
                       hint_key="correct.depends.hint")
    return [Event("corrected", command.at, {"retracts": seqs, "reason": command.reason.strip(),
                                            "how": command.how})]


def apply_corrected(state: State, event) -> None:
    for seq in event.payload["retracts"]:
        state.corrections[seq] = event.seq


# -- reading the log (pure functions over events the edge has read) -------------------------


def retracted(events) -> set[int]:
    """Every seq a `corrected` event among `events` takes back."""
    return {seq for e in events if e.type == "corrected" for seq in e.payload["retracts"]}


# The events one action records after its first (the deciders' own lists): an event of these
# types at the same time as the one before it belongs to the same action.
FOLLOWS = {
    "meeting_opened": {"attended"},
    "attended": {"attended"},
    "departed": {"departed"},
    "motion_made": {"question_stated", "motion_disposed", "vote_retaken"},
    "motion_disposed": {"agenda_item_done", "agenda_taken_up"},   # a call for the orders of the day
    "agenda_item_done": {"agenda_taken_up"},     # agenda next
    "motion_seconded": {"question_stated"},
    "speech_ended": {"vote_opened"},
    "floor_yielded": {"vote_opened"},
    "vote_closed": {"meeting_closed", "checkpoint"},
    "meeting_closed": {"checkpoint"},
}


def actions(events, since: int) -> list[list]:
    """The events from `since` on, grouped by action (the first event and its followers at its time)."""
    groups: list[list] = []
    for event in events:
        if event.seq < since:
            continue
        last = groups[-1][-1] if groups else None
        if last is not None and last.at == event.at and last.seq == event.seq - 1 \
                and event.type in FOLLOWS.get(last.type, ()):
            groups[-1].append(event)
        else:
            groups.append([event])
    return groups


def retractable(group, gone: set[int]) -> list[int]:
    if any(e.type == "meeting_opened" for e in group):
        return []   # opening the meeting (with the chair marked present) is not undone
    return [e.seq for e in group if e.type not in NOT_RETRACTABLE and e.seq not in gone]


def last_action(events, since: int) -> list[int]:
    """The seqs of the last action after `since` not yet taken back (empty when there is none)."""
    gone = retracted(events)
    for group in reversed(actions(events, since)):
        seqs = retractable(group, gone)
        if seqs:
            return seqs
    return []


def action_of(events, seq: int, since: int) -> list[int]:
    """The seqs of the action that recorded `seq` (empty when it is not one a correction takes back)."""
    gone = retracted(events)
    for group in actions(events, since):
        if any(e.seq == seq for e in group):
            return retractable(group, gone) if seq in retractable(group, gone) else []
    return []


def _ids(value, found: set[str]) -> set[str]:
    if isinstance(value, str):
        found.add(value)
    elif isinstance(value, dict):
        for k, v in value.items():
            _ids(k, found)
            _ids(v, found)
    elif isinstance(value, (list, tuple)):
        for v in value:
            _ids(v, found)
    return found


def dependents(events, seqs: list[int], fold) -> list[int]:
    """The later events (not retracted) that depend on the events `seqs`, by the rules above.

    `fold` is the whole domain's (`deliberate.domain.fold`): this area is one of those it folds."""
    events = list(events)
    taken = set(seqs)
    gone = retracted(events) | taken
    first = min(seqs)
    state = fold((e for e in events if e.seq < first), skip=gone - taken)
    members = set(state.members)
    named: set[str] = set()
    for e in events:
        if e.seq in taken:
            _ids(e.payload, named)
            if e.payload.get("id"):
                named.add(e.payload["id"])
    subjects = {s for s in named if s in members or _question_id(s)}
    later = [e for e in events if e.seq > first and e.seq not in gone and e.type not in ("checkpoint",)]
    if any(e.type in TURNING_POINTS for e in events if e.seq in taken):
        return [e.seq for e in later]
    found = [e.seq for e in later if subjects & _ids(e.payload, set())]
    if found:
        return found
    try:  # the rest of the log must still fold without it
        fold((e for e in events if e.seq >= first), state, skip=gone)
    except Exception:  # noqa: BLE001 - an applier that cannot fold it is a dependency
        return [e.seq for e in later]
    return []


def _question_id(text: str) -> bool:
    return len(text) > 1 and text[0] == "q" and text[1:].isdigit()


DECIDERS = {Correct: decide_correct}
APPLIERS = {"corrected": apply_corrected}
