"""`undo` and `correct SEQ`: take back an action, recorded as a correction (deliberate.corrections)."""

from __future__ import annotations

import click

from deliberate.cli.context import current
from deliberate.cli.params import EVENT_NUMBER, REASON


def _words(session, events, seqs) -> list[str]:
    """Each retracted event in words, worded against the state before it."""
    from deliberate import domain
    from deliberate.app import retracted_seqs
    from deliberate.narrate import narrate

    store = session.store()
    first = min(seqs)
    state = domain.fold(store.read(1, first), skip=retracted_seqs(store))
    lines = []
    for event in events:
        if event.seq in seqs:
            key, params = narrate(event, state)
            lines.append(f"  {event.seq:>6}  {session.t(key, **params)}")
        if event.seq >= first:
            domain.apply(state, event)
    return lines


def _retract(session, find, reason: str, how: str) -> None:
    from deliberate import domain
    from deliberate.corrections import Correct, dependents

    app = session.app()
    app.catch_up()
    since = app.state.meeting_seq if app.state.in_session() else app.state.seq
    events = list(app.store.read(since)) if app.state.in_session() else []
    seqs = find(events, since)
    mine = seqs and all(since < s <= app.state.seq for s in seqs)
    depends = tuple(dependents(list(app.store.read(1)), seqs, domain.fold)) if mine and how == "correct" else ()
    shown = _words(session, events, set(seqs)) if seqs else []
    stored = app.execute(Correct(session.now(), tuple(seqs), reason, how, depends))
    event = stored[0]
    key = "correct.undone" if how == "undo" else "correct.corrected"
    session.emit({"seq": event.seq, "retracts": event.payload["retracts"], "reason": event.payload["reason"]},
                 "\n".join([session.t(key, seqs=_seqs(event.payload["retracts"]))] + shown))


def _seqs(seqs) -> str:
    return ", ".join(str(s) for s in seqs)


@click.command()
@click.option("--reason", default="", type=REASON, help="理由（记入记录）/ why, recorded")
def undo(reason):
    """撤销本次会议的上一个操作（记为更正）/ Take back the last action of this meeting, as a recorded correction."""
    from deliberate.corrections import last_action

    _retract(current(), last_action, reason, "undo")


@click.command()
@click.argument("seq", type=EVENT_NUMBER)
@click.option("--reason", required=True, type=REASON, help="理由（记入记录）/ why, recorded")
def correct(seq, reason):
    """更正：撤回第 SEQ 号事件所属的操作 / Retract the action that recorded event SEQ (see `log`), if nothing depends on it."""
    from deliberate.corrections import action_of

    def find(events, since):
        from deliberate.errors import BadInput

        found = action_of(events, seq, since)
        if not found and any(e.seq == seq for e in events):
            raise BadInput("correct.not_retractable", seq=seq)
        return found or [seq]   # outside this meeting: the decider says so

    _retract(current(), find, reason, "correct")
