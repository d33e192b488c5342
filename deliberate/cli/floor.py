"""Commands for the floor: hands, the queue, recognition, speeches, the chair, order."""

from __future__ import annotations

import click

from deliberate.cli.context import current
from deliberate.cli.params import NAME, REASON

STANCE_WORDS = {
    "pro": "pro", "for": "pro", "赞成": "pro", "支持": "pro", "正": "pro",
    "con": "con", "against": "con", "反对": "con", "反": "con",
    "question": "question", "q": "question", "提问": "question", "疑问": "question",
}
STANCE_HELP = "pro|con|question（赞成 / 反对 / 提问）"


def parse_stance(value: str | None) -> str | None:
    if value is None:
        return None
    stance = STANCE_WORDS.get(value.strip().lower())
    if stance is None:
        from deliberate.errors import BadInput

        raise BadInput("floor.bad_stance", value=value)
    return stance


def mmss(seconds: float) -> str:
    """Seconds as m:ss, rounded down to the second (negative as -m:ss)."""
    sign = "-" if seconds < 0 else ""
    whole = int(abs(seconds))
    return f"{sign}{whole // 60}:{whole % 60:02d}"


def stance_word(session, stance: str | None) -> str:
    return session.t(f"floor.stance.{stance or 'none'}")


def _override_line(session, payload: dict) -> str:
    override = payload.get("override")
    if not override:
        return ""
    return "\n" + session.t("floor.override_recorded", rules=", ".join(override["rules"]), reason=override["reason"])


def _name(session, member_id: str | None) -> str:
    from deliberate.state import member_name

    return member_name(session.app().state, member_id)


@click.command()
@click.argument("name", type=NAME)
@click.option("--stance", "-s", metavar="STANCE", help=f"立场 / stance: {STANCE_HELP}")
@click.option("--lower", is_flag=True, help="放下举手 / lower the hand (leave the queue)")
@click.option("--override", default="", type=REASON, metavar="REASON", help="主持人破例的理由 / the chair's recorded reason for an exception")
def hand(name, stance, lower, override):
    """举手并表明立场 / Raise a hand to speak on the pending question, with a stance."""
    from deliberate.floor import LowerHand, RaiseHand, queue as floor_queue

    session = current()
    app = session.app()
    if lower:
        stored = app.execute(LowerHand(session.now(), name))
        who = _name(session, stored[0].payload["member"])
        session.emit({"lowered": who}, session.t("floor.hand_lowered", name=who))
        return
    stored = app.execute(RaiseHand(session.now(), name, parse_stance(stance), override))
    payload = stored[0].payload
    who = _name(session, payload["member"])
    order = floor_queue(app.state, app.rules)
    position = next((i for i, p in enumerate(order, start=1) if p.member == payload["member"]), None)
    session.emit(
        {"member": who, "stance": payload["stance"], "question": payload["question"], "position": position,
         "override": payload.get("override")},
        session.t("floor.hand_raised" if position else "floor.hand_raised.unqueued", name=who,
                  stance=stance_word(session, payload["stance"]), position=position) + _override_line(session, payload),
    )


@click.command()
def queue():
    """等候发言的顺序及理由 / Who waits to speak, in the order the rules give, and why."""
    from deliberate.floor import floor_view

    session = current()
    app = session.app()
    data = floor_view(app.state, app.rules) or {"question": None, "queue": [], "holder": None}
    session.emit({"question": data["question"], "queue": data["queue"], "holder": data["holder"]},
                 queue_text(session, data))


def queue_text(session, data: dict) -> str:
    question = data.get("question")
    if question is None:
        return session.t("floor.no_question_now")
    from deliberate.i18n import catalog

    lines = [session.t("floor.queue_title", text=question["text"])]
    template = catalog()["floor.queue_line"][session.lang]
    stances, reasons = {}, {}  # a few words, translated once for a long queue
    for place in data["queue"]:
        stance, reason = place["stance"], place["reason"]
        if stance not in stances:
            stances[stance] = stance_word(session, stance)
        if reason not in reasons:
            reasons[reason] = session.t(f"floor.reason.{reason}")
        lines.append(template.format(position=place["position"], name=place["member"], stance=stances[stance],
                                     spoken=place["spoken"], why=reasons[reason]))
    if not data["queue"]:
        lines.append(session.t("floor.queue_none"))
    return "\n".join(lines)


@click.command()
@click.argument("name", required=False, type=NAME)
@click.option("--override", default="", type=REASON, metavar="REASON", help="主持人破例的理由 / the chair's recorded reason for an exception")
def recognize(name, override):
    """准许发言：按规则的下一位，或指定并检查 / Give the floor: the next by the rules, or NAME, checked."""
    from deliberate.floor import Recognize

    session = current()
    stored = session.app().execute(Recognize(session.now(), name, override))
    payload = stored[0].payload
    who = _name(session, payload["member"])
    session.emit(
        {"member": who, "stance": payload["stance"], "reason": payload["reason"], "question": payload["question"],
         "override": payload.get("override")},
        session.t("floor.recognized", name=who, stance=stance_word(session, payload["stance"]),
                  why=session.t(f"floor.reason.{payload['reason']}")) + _override_line(session, payload),
    )


@click.command()
@click.argument("name", required=False, type=NAME)
@click.option("--stance", "-s", metavar="STANCE", help=f"立场 / stance, if stated now: {STANCE_HELP}")
def speak(name, stance):
    """开始发言（计时开始）/ The recognised member begins speaking; the timer starts."""
    from deliberate.floor import Speak

    session = current()
    stored = session.app().execute(Speak(session.now(), name, parse_stance(stance)))
    payload = stored[0].payload
    who = _name(session, payload["member"])
    session.emit(
        {"member": who, "stance": payload["stance"], "number": payload["number"], "limit": payload["limit"],
         "started_at": stored[0].at},
        session.t("floor.speech_started", name=who, stance=stance_word(session, payload["stance"]),
                  number=payload["number"], limit=mmss(payload["limit"])),
    )


@click.command("yield")
@click.option("--cut", is_flag=True, help="主持人请发言人停止 / the chair stops the speaker")
def yield_floor(cut):
    """结束发言，交还发言权 / End the speech (its time and any overrun are recorded)."""
    from deliberate.floor import Yield

    session = current()
    app = session.app()
    cut_off = app.rules.floor.cut_off_at_limit
    stored = app.execute(Yield(session.now(), cut))
    event = stored[0]
    payload = event.payload
    who = _name(session, payload["member"])
    if event.type == "floor_yielded":
        session.emit({"member": who, "spoke": False}, session.t("floor.yielded", name=who))
        return
    text = session.t("floor.speech_ended", name=who, duration=mmss(payload["seconds"]))
    if payload["overrun"] > 0:
        text += "\n" + session.t("floor.speech_overrun", overrun=mmss(payload["overrun"]))
    if payload["ended_by"] == "chair":
        text += "\n" + session.t("floor.speech_cut")
    session.emit({"member": who, "spoke": True, "seconds": payload["seconds"], "limit": payload["limit"],
                  "overrun": payload["overrun"], "ended_by": payload["ended_by"], "cut_off_at_limit": cut_off},
                 text)


@click.group()
def chair():
    """主持：交出与恢复 / The chair: hand it to a member to speak, and resume."""


@chair.command("pass")
@click.argument("name", type=NAME)
def chair_pass(name):
    """把主持交给另一位成员 / Hand the chair to another member (to speak on the question)."""
    from deliberate.floor import PassChair

    session = current()
    app = session.app()
    before = app.state.meeting.chair if app.state.meeting else ""
    stored = app.execute(PassChair(session.now(), name))
    payload = stored[0].payload
    from_name = _name(session, payload["from"]) if payload["from"] else before
    to = _name(session, payload["to"])
    session.emit({"from": from_name, "to": to, "question": payload["question"]},
                 session.t("floor.chair_passed", from_name=from_name, to=to))


@chair.command("resume")
def chair_resume():
    """恢复主持（该议题表决之后）/ The chair resumes (once the question is voted)."""
    from deliberate.floor import ResumeChair

    session = current()
    app = session.app()
    stored = app.execute(ResumeChair(session.now()))
    payload = stored[0].payload
    who = _name(session, payload["to"]) if payload["to"] else app.state.meeting.chair
    session.emit({"presiding": who}, session.t("floor.chair_resumed", name=who))


@click.command()
@click.argument("name", type=NAME)
@click.option("--reason", required=True, type=REASON, help="理由（记入记录）/ the reason, recorded")
def order(name, reason):
    """提请遵守秩序 / Call a member to order, with the reason (recorded)."""
    from deliberate.floor import CallToOrder

    session = current()
    stored = session.app().execute(CallToOrder(session.now(), name, reason))
    payload = stored[0].payload
    who = _name(session, payload["member"])
    session.emit({"member": who, "reason": payload["reason"], "had_floor": payload["had_floor"]},
                 session.t("floor.called_to_order", name=who, reason=payload["reason"]))
