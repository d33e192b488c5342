"""The whole pure domain: the areas in one list, their tables merged in one place.

Where several areas fold the same event, they run in the order of AREAS (the
meeting opens before the floor starts afresh); a command has exactly one
decider, or importing this module fails.
"""

from __future__ import annotations

from functools import partial

from deliberate import agenda, core, corrections, floor, meeting, roster
from deliberate.ballots import polls, projects
from deliberate.core import Command  # noqa: F401  (the base of every area's commands)
from deliberate.ledger import events as ledger
from deliberate.motions import engine as motions, rulings, voting
from deliberate.motions import view as motions_view
from deliberate.state import State

AREAS = (
    roster,
    meeting,
    corrections,                                # undo and correct: the fold skips what is retracted
    motions, voting, rulings, motions_view,     # the motions area
    floor,
    agenda,                                     # the agenda and the orders of the day
    projects, polls,                            # the ballots area
    ledger,
)

CLOSING_CHECKS = tuple(check for area in AREAS for check in getattr(area, "CLOSING_CHECKS", ()))
DECIDERS = core.merge_deciders(AREAS)
# Closing a meeting asks every area whether it still holds business open.
DECIDERS[meeting.CloseMeeting] = partial(meeting.decide_close, closing_checks=CLOSING_CHECKS)
# A granted call for the orders of the day takes up what is due, in the same action.
DECIDERS[motions.MakeMotion] = agenda.with_orders_of_the_day(DECIDERS[motions.MakeMotion])
APPLIERS = core.merge_appliers(AREAS)
VIEWS = {name: function for area in AREAS for name, function in getattr(area, "VIEWS", {}).items()}


def decide(state: State, command: Command, rules):
    return core.decide(state, command, rules, DECIDERS)


def apply(state: State, event) -> State:
    return core.apply(state, event, APPLIERS)


def fold(events, state: State | None = None, skip=frozenset()) -> State:
    """The state after `events`; the events whose seq is in `skip` (retracted by a correction)
    are passed over, as if they had not happened, though the record runs on past them."""
    state = state if state is not None else State()
    for event in events:
        if skip and event.seq in skip:
            state.seq, state.last_at = event.seq, event.at
            continue
        core.apply(state, event, APPLIERS)
    return state


def known_event_types() -> set[str]:
    return set(APPLIERS)
