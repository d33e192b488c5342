"""decide and apply: the pure heart. No I/O, no clock, no randomness.

`decide(state, command, rules)` returns the events an action records, or a
Refusal naming the rule it breaks. `apply(state, event)` folds one recorded
event into the state. Each area (roster, meeting, floor, motions, ballots)
registers its deciders and appliers here; `deliberate.domain` imports them all.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from deliberate.times import instant
from deliberate.refusal import Refusal
from deliberate.state import State
from deliberate.record import Event

_deciders: dict[type, Callable] = {}
_appliers: dict[str, list[Callable]] = {}


@dataclass(frozen=True)
class Command:
    """Something the host asks for; `at` is when it happened (ISO 8601)."""

    at: str


def decider(command_type: type) -> Callable:
    def register(function: Callable) -> Callable:
        _deciders[command_type] = function
        return function

    return register


def applier(event_type: str) -> Callable:
    """Register `function(state, event)`; several areas may fold the same event, in import order."""

    def register(function: Callable) -> Callable:
        _appliers.setdefault(event_type, []).append(function)
        return function

    return register


def decide(state: State, command: Command, rules) -> list[Event] | Refusal:
    if state.last_at is not None and instant(command.at) < instant(state.last_at):
        # The record runs forward: a paper record is entered in the order it happened.
        return Refusal("record.chronology", "record.chronology", {"at": command.at, "last": state.last_at})
    return _deciders[type(command)](state, command, rules)


def apply(state: State, event) -> State:
    """Fold one recorded event (anything with type, at, payload, seq) into `state`."""
    for handler in _appliers.get(event.type, ()):
        handler(state, event)
    state.seq = event.seq
    state.last_at = event.at
    return state


def known_event_types() -> set[str]:
    return set(_appliers)


def fold(events, state: State | None = None) -> State:
    state = state if state is not None else State()
    for event in events:
        apply(state, event)
    return state
