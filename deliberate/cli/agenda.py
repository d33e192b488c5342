"""`agenda add | list | next | done`: the meeting's agenda and the orders of the day (deliberate.agenda)."""

from __future__ import annotations

import click

from deliberate.cli.context import current
from deliberate.cli.params import COUNT, MOTION, TITLE


@click.group()
def agenda():
    """议程 / The meeting's agenda: add items, take up the next, finish the one in hand."""


@agenda.command("add")
@click.argument("text", type=TITLE)
@click.option("--minutes", type=COUNT, default=None, help="分配的时间（分钟）/ minutes allotted")
@click.option("--motion", "motion_text", default="", type=MOTION, help="拟提出的动议 / the motion to be moved under it")
def agenda_add(text, minutes, motion_text):
    """列入议程 / Add an item to this meeting's agenda."""
    from deliberate.agenda import AddItem

    session = current()
    stored = session.app().execute(AddItem(session.now(), text, minutes, motion_text))
    p = stored[0].payload
    session.emit({"added": p}, session.t("agenda.added", id=p["id"], text=p["text"]))


@agenda.command("list")
def agenda_list():
    """列出议程 / The agenda, with the questions postponed to a certain time."""
    from deliberate.agenda import agenda_view

    session = current()
    app = session.app()
    app.catch_up()
    data = agenda_view(app.state, None) or {"items": [], "postponed": [], "current": None, "due": []}
    session.emit({"agenda": data}, render_list(session, data))


@agenda.command("next")
def agenda_next():
    """下一项 / Take up the next business: an order of the day that is due, else the next item."""
    from deliberate.agenda import NextItem

    session = current()
    stored = session.app().execute(NextItem(session.now()))
    session.emit({"events": [{"type": e.type, **e.payload} for e in stored]}, _said(session, stored))


@agenda.command("done")
def agenda_done():
    """本项完毕 / The item in hand is finished."""
    from deliberate.agenda import ItemDone

    session = current()
    stored = session.app().execute(ItemDone(session.now()))
    session.emit({"done": stored[0].payload["item"]}, _said(session, stored))


def _said(session, stored) -> str:
    state = session.app().state
    lines = []
    for event in stored:
        item = event.payload["item"]
        key = "agenda.taken_up" if event.type == "agenda_taken_up" else "agenda.finished"
        lines.append(session.t(key, item=item, text=_text(state, item)))
    return "\n".join(lines)


def _text(state, item: str) -> str:
    from deliberate.motions.stack import peek

    if state.agenda is not None and item in state.agenda.items:
        return state.agenda.items[item].text
    motion = peek(state).items.get(item)
    return motion.text if motion is not None else ""


def render_list(session, data: dict) -> str:
    t = session.t
    if not data["items"] and not data["postponed"]:
        return t("agenda.empty_list")
    lines = [t("agenda.title")]
    for item in data["items"]:
        mark = {"current": "▶", "done": "✓"}.get(item["status"], "·")
        lines.append("  " + t("agenda.line", mark=mark, id=item["id"], text=item["text"],
                              minutes=t("agenda.minutes", minutes=item["minutes"]) if item["minutes"] else "",
                              motion=t("agenda.motion", motion=item["motion"]) if item["motion"] else ""))
    for p in data["postponed"]:
        lines.append("  " + t("agenda.postponed_line", mark="!" if p["due"] else "·", question=p["question"],
                              text=p["text"], until=p["until"], special=t("agenda.special") if p["special"] else "",
                              due=t("agenda.due") if p["due"] else ""))
    return "\n".join(lines)


def render(session, data: dict) -> str:
    """The agenda's line in `state` and the console's status."""
    part = data.get("agenda")
    if not part:
        return ""
    t = session.t
    current_item = part["current"]
    if current_item:
        text = next((i["text"] for i in part["items"] if i["id"] == current_item), "")
        if not text:
            text = next((p["text"] for p in part["postponed"] if p["question"] == current_item), "")
        now = f"{current_item} {text}".strip()
    else:
        now = t("agenda.nothing_in_hand")
    waiting = sum(1 for i in part["items"] if i["status"] == "waiting")
    due = t("agenda.state_due", items=session.join(part["due"])) if part["due"] else ""
    return t("agenda.state", current=now, waiting=waiting, due=due)
