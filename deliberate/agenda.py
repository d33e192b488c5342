"""The meeting's agenda (议程) and the orders of the day. Pure: no I/O, no clock.

The agenda is a list of items the host adds while the meeting is in session; one item at a
time is the business before the meeting. A question postponed to a certain time (RONR §14,
`motion postpone_to_a_certain_time --to ...`) comes back as an order of the day: it is *due*
once the recorded time of the action passes the time it was postponed to ("20:30",
"2026-12-05 19:30", "晚上9点"), or at the next meeting when it was postponed "to the next
meeting" (下次会议). "Due" is always judged on the time the command records, never a clock.

Events (the record format):

- ``agenda_item_added`` {id, text, minutes?, motion?}: an item on this meeting's agenda;
  `minutes` is the time allotted to it, `motion` the motion to be moved under it.
- ``agenda_taken_up`` {item, how}: the item (an agenda item ``a1`` or a postponed question
  ``q3``) becomes the business before the meeting; `how` is ``next`` (`agenda next`) or
  ``orders_of_the_day`` (a call for the orders of the day granted). A postponed question
  taken up is pending again.
- ``agenda_item_done`` {item}: the item in hand is finished.

When is something due? A postponed question whose time or meeting has come; an agenda item
when no item is in hand (or the one in hand has used its allotted minutes) and no question is
pending. While a question is pending only a special order is due: it interrupts (§14:14).
`motion call_for_orders_of_the_day` is granted only when something is due, and the due item
is then taken up in the same action.
"""

from __future__ import annotations

import re
from msgspec import Struct, field
from datetime import datetime, timedelta

from deliberate.core import Command
from deliberate.meeting import require_session
from deliberate.motions.stack import motions_of, peek
from deliberate.record import Event
from deliberate.refusal import Refusal
from deliberate.state import State
from deliberate.times import instant


class Item(Struct):
    """One item of a meeting's agenda (议程)."""
    id: str
    text: str
    meeting: int
    added_at: str
    minutes: int | None = None
    motion: str = ""
    status: str = "waiting"           # waiting | current | done
    taken_up_at: str | None = None
    done_at: str | None = None


class Agenda(Struct):
    """The agenda's slice of the state: its items and the one being taken up."""
    items: dict = field(default_factory=dict)    # id -> Item
    next_item: int = 1
    current: str | None = None                   # an item id (a1) or a question id (q3)
    current_at: str | None = None


def agenda_of(state: State) -> Agenda:
    if state.agenda is None:
        state.agenda = Agenda()
    return state.agenda


def peek_agenda(state: State) -> Agenda:
    return state.agenda if state.agenda is not None else Agenda()


# -- commands ----------------------------------------------------------------------------------


class AddItem(Command):
    """Put an item on the open meeting's agenda."""
    text: str
    minutes: int | None = None
    motion: str = ""


class NextItem(Command):
    """Take up the next business: a due order of the day first, else the next item waiting."""


class ItemDone(Command):
    """The item in hand is finished."""


# -- postponed questions: when they come back -----------------------------------------------

# Patterns compiled on first use (re caches them): most commands never read a postponement's words.
NEXT_MEETING = r"(?i)下次|下一次|下届|下一届|next\s+meeting|next\s+session"
DATE = r"(\d{4})[-/年](\d{1,2})[-/月](\d{1,2})日?"
CLOCK = r"(\d{1,2})\s*[:：]\s*(\d{2})"
CHINESE_HOUR = r"(上午|中午|下午|晚上|傍晚)?\s*(\d{1,2})\s*[点點时時]\s*(半|(\d{1,2})\s*分?)?"


def when_due(until: str, postponed_at: str, postponed_in: int) -> tuple[str, object] | None:
    """("meeting", number) or ("time", ISO time) the words `until` name; None when they name neither."""
    text = (until or "").strip()
    if re.search(NEXT_MEETING, text):
        return ("meeting", postponed_in + 1)
    base = instant(postponed_at)
    date = re.search(DATE, text)
    day = base.date()
    if date:
        try:
            day = datetime(int(date.group(1)), int(date.group(2)), int(date.group(3))).date()
        except ValueError:
            return None
        text = text[:date.start()] + text[date.end():]
    hour = minute = None
    found = re.search(CLOCK, text)
    if found:
        hour, minute = int(found.group(1)), int(found.group(2))
    else:
        found = re.search(CHINESE_HOUR, text)
        if found:
            hour = int(found.group(2))
            minute = 30 if found.group(3) == "半" else int(found.group(4) or 0)
            if found.group(1) in ("下午", "晚上", "傍晚") and hour < 12:
                hour += 12
    if hour is None:
        if not date:
            return None
        hour = minute = 0
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return None
    moment = datetime(day.year, day.month, day.day, hour, minute, tzinfo=base.tzinfo)
    return ("time", moment.isoformat())


def postponed(state: State) -> list[dict]:
    """The questions postponed to a certain time, each with when it comes back and whether it is special."""
    m = peek(state)
    found = []
    for motion in m.items.values():
        if motion.status != "postponed" or not motion.params.get("until"):
            continue
        by = [o for o in m.items.values() if o.kind == "postpone_to_a_certain_time" and o.target == motion.id
              and o.status == "adopted" and o.result is not None]
        if not by:
            continue
        result = m.results[by[-1].result]
        special = "special_order" in (by[-1].params.get("flags") or ())
        found.append({"question": motion.id, "text": motion.text, "until": motion.params["until"],
                      "when": when_due(motion.params["until"], result.at, result.meeting), "special": special})
    return found


def _arrived(state: State, when, at: str) -> bool:
    if when is None or not state.in_session():
        return False
    kind, value = when
    if kind == "meeting":
        return state.meeting.number >= value
    return instant(at) >= instant(value)


def due(state: State, at: str | None) -> list[str]:
    """What is due at `at` (the recorded time of an action), in the order it is taken up: special
    orders, then other postponed questions, then the next agenda item. Empty when nothing is."""
    if not state.in_session() or at is None:
        return []
    pending = bool(peek(state).stack)
    a = peek_agenda(state)
    questions = [p for p in postponed(state) if _arrived(state, p["when"], at)]
    questions.sort(key=lambda p: not p["special"])
    found = [p["question"] for p in questions if p["special"] or not pending]
    if pending:
        return found
    if _in_hand_running(state, a, at):
        return found
    waiting = _waiting(state, a)
    if waiting:
        found.append(waiting[0].id)
    return found


def _in_hand_running(state: State, a: Agenda, at: str) -> bool:
    """An item in hand still within its allotted minutes (or with none allotted)."""
    if a.current is None:
        return False
    item = a.items.get(a.current)
    if item is None or not item.minutes or item.taken_up_at is None:
        return True
    return instant(at) < instant(item.taken_up_at) + timedelta(minutes=item.minutes)


def _waiting(state: State, a: Agenda) -> list[Item]:
    number = state.meeting.number if state.meeting is not None else 0
    return [i for i in a.items.values() if i.meeting == number and i.status == "waiting"]


def why_nothing_due(state: State, at: str) -> tuple[str, dict]:
    """The message (key, params) that says why nothing is due at `at`."""
    a = peek_agenda(state)
    m = peek(state)
    if m.stack:
        return "agenda.why.question_pending", {"question": m.stack[-1]}
    if a.current is not None and a.current in a.items:
        item = a.items[a.current]
        if item.minutes and item.taken_up_at:
            left = instant(item.taken_up_at) + timedelta(minutes=item.minutes) - instant(at)
            return "agenda.why.in_hand_minutes", {"item": item.id, "text": item.text,
                                                  "left": max(1, -int(-left.total_seconds() // 60))}
        return "agenda.why.in_hand", {"item": item.id, "text": item.text}
    later = [p for p in postponed(state) if p["when"] is not None]
    if later:
        p = later[0]
        return "agenda.why.later", {"question": p["question"], "until": p["until"]}
    return "agenda.why.empty", {}


# -- deciders ----------------------------------------------------------------------------------


def decide_add(state: State, command: AddItem, rules) -> list[Event] | Refusal:
    refusal = require_session(state)
    if refusal:
        return refusal
    text = " ".join(command.text.split())
    if not text:
        return Refusal("agenda.input", "agenda.need_text", hint_key="agenda.need_text.hint")
    if command.minutes is not None and command.minutes <= 0:
        return Refusal("agenda.input", "agenda.bad_minutes", {"minutes": command.minutes},
                       hint_key="agenda.need_text.hint")
    payload: dict = {"id": f"a{peek_agenda(state).next_item}", "text": text}
    if command.minutes:
        payload["minutes"] = command.minutes
    if command.motion.strip():
        payload["motion"] = command.motion.strip()
    return [Event("agenda_item_added", command.at, payload)]


def decide_next(state: State, command: NextItem, rules) -> list[Event] | Refusal:
    refusal = require_session(state)
    if refusal:
        return refusal
    a = peek_agenda(state)
    m = peek(state)
    questions = [p for p in postponed(state) if _arrived(state, p["when"], command.at)]
    questions.sort(key=lambda p: not p["special"])
    if m.stack and not any(p["special"] for p in questions):
        return Refusal("ronr.orders_of_the_day", "agenda.question_pending", {"question": m.stack[-1]},
                       hint_key="agenda.question_pending.hint")
    events = []
    if a.current is not None and not (m.stack and a.current == m.stack[-1]):
        events.append(Event("agenda_item_done", command.at, {"item": a.current}))
    if questions:
        chosen = questions[0]["question"]
    else:
        waiting = _waiting(state, a)
        if not waiting:
            if events:
                return events
            return Refusal("agenda.empty", "agenda.nothing_left", hint_key="agenda.nothing_left.hint")
        chosen = waiting[0].id
    events.append(Event("agenda_taken_up", command.at, {"item": chosen, "how": "next"}))
    return events


def decide_done(state: State, command: ItemDone, rules) -> list[Event] | Refusal:
    refusal = require_session(state)
    if refusal:
        return refusal
    a = peek_agenda(state)
    if a.current is None:
        return Refusal("agenda.none_in_hand", "agenda.none_in_hand", hint_key="agenda.none_in_hand.hint")
    return [Event("agenda_item_done", command.at, {"item": a.current})]


# -- the orders of the day: the chart's condition and the call's effect -------------------------


def orders_due_condition(state, rules, chart, spec, params, target):
    """`in_order_when: orders_of_the_day_due_and_not_taken_up` (motions.order reads it here)."""
    at = params.get("at") or state.last_at
    if due(state, at):
        return None
    key, reason = why_nothing_due(state, at)
    return Refusal("ronr.orders_of_the_day", key, reason, hint_key="agenda.nothing_due.hint")


def with_orders_of_the_day(decide_make):
    """The motion decider, with a granted call for the orders of the day taking up what is due."""

    def decide(state: State, command, rules):
        if getattr(command, "kind", None) != "call_for_orders_of_the_day":
            return decide_make(state, command, rules)
        from msgspec.structs import replace

        command = replace(command, params={**command.params, "at": command.at})
        events = decide_make(state, command, rules)
        if isinstance(events, Refusal):
            return events
        items = due(state, command.at)
        a = peek_agenda(state)
        if a.current is not None and a.current in a.items:      # its time is up: the item in hand ends
            events = events + [Event("agenda_item_done", command.at, {"item": a.current})]
        return events + [Event("agenda_taken_up", command.at, {"item": items[0], "how": "orders_of_the_day"})]

    return decide


# -- appliers ----------------------------------------------------------------------------------


def apply_added(state: State, event) -> None:
    a = agenda_of(state)
    p = event.payload
    number = state.meeting.number if state.meeting is not None else 0
    a.items[p["id"]] = Item(p["id"], p["text"], number, event.at, p.get("minutes"), p.get("motion", ""))
    a.next_item = max(a.next_item, int(p["id"][1:]) + 1)


def apply_taken_up(state: State, event) -> None:
    a = agenda_of(state)
    item_id = event.payload["item"]
    a.current, a.current_at = item_id, event.at
    if item_id in a.items:
        a.items[item_id].status = "current"
        a.items[item_id].taken_up_at = event.at
        return
    m = motions_of(state)          # a postponed question: pending again, the business before the meeting
    motion = m.items.get(item_id)
    if motion is not None:
        motion.status = "pending"
        motion.params.pop("until", None)
        m.stack.append(motion.id)


def apply_done(state: State, event) -> None:
    a = agenda_of(state)
    item_id = event.payload["item"]
    if item_id in a.items:
        a.items[item_id].status = "done"
        a.items[item_id].done_at = event.at
    if a.current == item_id:
        a.current = a.current_at = None


def apply_meeting_boundary(state: State, event) -> None:
    if state.agenda is not None:
        state.agenda.current = state.agenda.current_at = None


# -- the view ----------------------------------------------------------------------------------


def agenda_view(state: State, rules) -> dict | None:
    if not state.in_session():
        return None
    a = peek_agenda(state)
    number = state.meeting.number
    items = [{"id": i.id, "text": i.text, "minutes": i.minutes, "motion": i.motion, "status": i.status}
             for i in a.items.values() if i.meeting == number]
    at = state.last_at
    questions = [{"question": p["question"], "text": p["text"], "until": p["until"], "special": p["special"],
                  "due": _arrived(state, p["when"], at)} for p in postponed(state)]
    if not items and not questions and a.current is None:
        return None
    return {"items": items, "postponed": questions, "current": a.current, "due": due(state, at)}


DECIDERS = {AddItem: decide_add, NextItem: decide_next, ItemDone: decide_done}
APPLIERS = {
    "agenda_item_added": apply_added,
    "agenda_taken_up": apply_taken_up,
    "agenda_item_done": apply_done,
    "meeting_closed": apply_meeting_boundary,     # one meeting at a time: the next opens with nothing in hand
}
VIEWS = {"agenda": agenda_view}
