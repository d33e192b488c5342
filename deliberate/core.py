"""decide and apply: the pure heart. No I/O, no clock, no randomness.

`decide(state, command, rules, deciders)` returns the events an action records,
or a Refusal naming the rule it breaks. `apply(state, event, appliers)` folds one
recorded event into the state. Each area (roster, meeting, motions, floor,
ballots, ledger) exports plain tables, ``DECIDERS = {Command type: function}``
and ``APPLIERS = {event type: function}``; `deliberate.domain` merges them in
one visible list and binds these functions to the result.
"""

from __future__ import annotations

from msgspec import Struct
from typing import Callable, Iterable

from deliberate.record import Event
from deliberate.refusal import Refusal
from deliberate.state import State
from deliberate.times import instant


class Command(Struct, frozen=True):
    """Something the host asks for; `at` is when it happened (ISO 8601)."""

    at: str


class TableClash(Exception):
    """Two areas claim the same command: a programming error, caught at start-up."""


def merge_deciders(areas: Iterable) -> dict[type, Callable]:
    merged: dict[type, Callable] = {}
    for area in areas:
        for command_type, function in getattr(area, "DECIDERS", {}).items():
            if command_type in merged:
                raise TableClash(f"{command_type.__name__} has two deciders: "
                                 f"{merged[command_type].__module__} and {area.__name__}")
            merged[command_type] = function
    return merged


def merge_appliers(areas: Iterable) -> dict[str, tuple[Callable, ...]]:
    """Every area's appliers per event type, in the order of `areas` (never import order)."""
    merged: dict[str, tuple[Callable, ...]] = {}
    for area in areas:
        for event_type, function in getattr(area, "APPLIERS", {}).items():
            merged[event_type] = merged.get(event_type, ()) + (function,)
    return merged


def decide(state: State, command: Command, rules, deciders: dict) -> list[Event] | Refusal:
    return chronology(state, command) or deciders[type(command)](state, command, rules)


def latest(*times: str | None) -> str | None:
    """The latest of recorded times (None where none is given)."""
    given = [t for t in times if t is not None]
    return max(given, key=instant) if given else None


def chronology(state: State, command: Command) -> Refusal | None:
    """The record runs forward: a paper record is entered in the order it happened.

    Outside a meeting entered from paper, no time may be before the latest the record has
    reached (`last_at`, or `reached_at` when a paper meeting took the log back in time).
    Inside one, the meeting's own lines run forward from its last. Opening a meeting from
    paper (a command with `paper` set) is the one action that may go back in time.
    """
    if getattr(command, "paper", False) is True:
        return None
    if state.in_session() and state.meeting.paper:
        last, key = state.last_at, "record.chronology.paper"
    else:
        last, key = latest(state.last_at, state.reached_at), "record.chronology"
    if last is not None and instant(command.at) < instant(last):
        return Refusal("record.chronology", key, {"at": command.at, "last": last}, hint_key=key + ".hint")
    return None


def apply(state: State, event, appliers: dict) -> State:
    """Fold one recorded event (anything with type, at, payload, seq) into `state`."""
    for handler in appliers.get(event.type, ()):
        handler(state, event)
    state.seq = event.seq
    state.last_at = event.at
    return state
