"""decide and apply: the pure heart. No I/O, no clock, no randomness.

`decide(state, command, rules, deciders)` returns the events an action records,
or a Refusal naming the rule it breaks. `apply(state, event, appliers)` folds one
recorded event into the state. Each area (roster, meeting, motions, floor,
ballots, ledger) exports plain tables, ``DECIDERS = {Command type: function}``
and ``APPLIERS = {event type: function}``; `deliberate.domain` merges them in
one visible list and binds these functions to the result.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable

from deliberate.record import Event
from deliberate.refusal import Refusal
from deliberate.state import State
from deliberate.times import instant


@dataclass(frozen=True)
class Command:
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
    if state.last_at is not None and instant(command.at) < instant(state.last_at):
        # The record runs forward: a paper record is entered in the order it happened.
        return Refusal("record.chronology", "record.chronology", {"at": command.at, "last": state.last_at})
    return deciders[type(command)](state, command, rules)


def apply(state: State, event, appliers: dict) -> State:
    """Fold one recorded event (anything with type, at, payload, seq) into `state`."""
    for handler in appliers.get(event.type, ()):
        handler(state, event)
    state.seq = event.seq
    state.last_at = event.at
    return state
