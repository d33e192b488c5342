"""Commands for the meeting: open, close, attendance, quorum, the state, the log."""

from __future__ import annotations

import click

from deliberate.cli.context import current
from deliberate.cli.params import COUNT, EVENT_NUMBER, NAME, TITLE


@click.group()
def meeting():
    """会议 / Open and close a meeting."""


@meeting.command("open")
@click.argument("title", type=TITLE)
@click.option("--chair", required=True, type=NAME, help="主持人 / who presides")
@click.option("--secretary", default="", type=NAME, help="记录员 / who keeps the minutes")
@click.option("--paper", is_flag=True,
              help="补录早先举行的纸质会议 / a meeting held earlier, entered from its paper minutes")
def meeting_open(title, chair, secretary, paper):
    """开会 / Open a meeting (one at a time).

    \b
    --paper: 补录早于记录中最后时间的会议；会内各行的时间须依次向后 / a meeting held before the
    record's last time, entered from paper; its own lines' times must run forward.
    """
    from deliberate.meeting import OpenMeeting

    session = current()
    session.app().execute(OpenMeeting(session.now(), title, chair, secretary, paper))
    m = session.app().state.meeting
    session.emit({"meeting": m.number, "title": m.title, "chair": m.chair},
                 session.t("meeting.opened", number=m.number, title=m.title, chair=m.chair)
                 + "\n" + quorum_line(session))


@meeting.command("close")
def meeting_close():
    """散会 (无待决事项时) / Close the meeting when no business is pending."""
    from deliberate.meeting import CloseMeeting

    session = current()
    title = session.app().state.meeting.title if session.app().state.meeting else ""
    session.app().execute(CloseMeeting(session.now()))
    session.emit({"closed": title}, session.t("meeting.closed", title=title))


@click.command()
@click.argument("names", nargs=-1, required=True, type=NAME)
def attend(names):
    """签到 / Mark members present (arrivals during the meeting too)."""
    from deliberate.meeting import Attend

    from deliberate.texts import check_distinct

    check_distinct(names)
    session = current()
    session.app().execute(Attend(session.now(), tuple(names)))
    session.emit({"present": list(names), "quorum": quorum_data(session)},
                 session.t("meeting.attended", names=session.join(names)) + "\n" + quorum_line(session))


@click.command()
@click.argument("names", nargs=-1, required=True, type=NAME)
def depart(names):
    """离场 / Mark members as having left."""
    from deliberate.meeting import Depart

    from deliberate.texts import check_distinct

    check_distinct(names)
    session = current()
    session.app().execute(Depart(session.now(), tuple(names)))
    session.emit({"departed": list(names), "quorum": quorum_data(session)},
                 session.t("meeting.departed", names=session.join(names)) + "\n" + quorum_line(session))


def quorum_data(session) -> dict:
    from deliberate.meeting import quorum

    app = session.app()
    q = quorum(app.state, app.rules)
    return {"present": q.present, "required": q.required, "roster": q.roster, "met": q.met}


def quorum_line(session) -> str:
    q = quorum_data(session)
    key = "meeting.quorum_met" if q["met"] else "meeting.quorum_not_met"
    return session.t(key, **q)


@click.command("quorum")
def quorum_command():
    """法定人数 / Present against the quorum the rules require."""
    session = current()
    app = session.app()
    data = quorum_data(session)
    data["rule"] = app.rules.quorum
    data["in_session"] = app.state.in_session()
    session.emit(data, quorum_line(session))


@click.command("state")
@click.option("--rebuild", is_flag=True, help="从日志重新折叠 / refold the state from the log, ignoring the cache")
def state_command(rebuild):
    """当前状态 / The state: meeting, attendance, quorum (and more as areas land)."""
    from deliberate.app import rebuild as refold
    from deliberate.cli.status import render_state
    from deliberate.views import state_view

    session = current()
    app = session.app()
    state = refold(app.store) if rebuild else app.state
    rules = app.rules if state.rules else None
    data = state_view(state, rules, at=shown_at(session))
    session.emit(data, "" if session.json else render_state(session, data))  # words only when shown


def shown_at(session) -> str:
    """The time a view is shown at: --at, or the clock now (a speech's time is read then)."""
    from deliberate import clock

    at = session.now()
    return clock.now() if at == clock.LIVE else at


@click.command("log")
@click.option("--since", type=EVENT_NUMBER, default=1, help="从第几个事件起 / from this event number")
@click.option("--limit", type=COUNT, default=50, help="最多显示 / at most this many")
def log_command(since, limit):
    """事件日志 / The events of the log, in order, each said in words (--json: as recorded, with the words)."""
    import itertools

    from deliberate import domain
    from deliberate.narrate import narrated

    session = current()
    store = session.store()
    since = max(since, 1)
    # Each event is worded against the state just before it: fold what comes before the first one
    # shown, then fold as we go.
    from deliberate.app import retracted_seqs

    gone = retracted_seqs(store)   # shown struck out, as paper minutes strike a line through
    state = domain.fold(store.read(1, since), skip=gone)
    data, lines = [], []
    for event, key, params in narrated(itertools.islice(store.read(since), limit), state, skip=gone):
        text = session.t(key, **params)
        data.append({"seq": event.seq, "type": event.type, "at": event.at, "payload": event.payload,
                     "hash": event.hash, "text": text, "retracted": event.seq in gone})
        if event.seq in gone:
            text = session.t("log.retracted", text=text)
        lines.append(f"{event.seq:>6}  {event.at}  {text}")
    session.emit({"events": data}, "\n".join(lines) or session.t("log.empty"))


# `meeting list` lives with the minutes (deliberate.cli.minutes).
from deliberate.cli.minutes import meeting_list  # noqa: E402

meeting.add_command(meeting_list, "list")
