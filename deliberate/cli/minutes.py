"""The record as minutes in the terminal: meeting list, decisions, speakers, minutes.

Each command reads the log, builds the minutes model (deliberate.minutes, pure) and says it in
the session's language; --json gives the same data with names, never internal ids.
"""

from __future__ import annotations

from pathlib import Path

import click

from deliberate.cli.context import current
from deliberate.cli.params import COUNT
from deliberate.errors import BadInput


def load_record(session):
    from deliberate.minutes.model import community_record

    return community_record(session.store().read())


def chosen(record, number: int | None) -> list:
    if number is None:
        return list(record.meetings)
    meeting = record.meeting(number)
    if meeting is None:
        raise BadInput("minutes.no_meeting", number=number, held=len(record.meetings))
    return [meeting]


MEETING_OPTION = click.option("--meeting", "number", type=COUNT, default=None,
                              help="只看第 N 次会议 / only meeting N")


@click.command("list")
def meeting_list():
    """会议列表 / Every meeting: date, title, chair, attendance, what was decided."""
    from deliberate.minutes.words import meeting_summary, status_word

    session = current()
    record = load_record(session)
    data = [meeting_summary(record, m, session.lang) for m in record.meetings]
    lines = []
    for item in data:
        decided = ("；" if session.lang == "zh" else "; ").join(
            f"{d['id']} {status_word(d['outcome'], session.lang)}" for d in item["decided"]) or session.t("minutes.none")
        lines.append(session.t("minutes.list.line", number=item["number"], date=item["date"], title=item["title"],
                               chair=item["chair"], present=item["present"], roster=item["roster"], decided=decided))
    session.emit({"community": record.name, "meetings": data}, "\n".join(lines) or session.t("minutes.list.none"))


@click.command("decisions")
@MEETING_OPTION
def decisions(number):
    """表决结果 / Each motion voted: its final text, counts against threshold and base, outcome."""
    from deliberate.minutes.words import decision_data

    session = current()
    record = load_record(session)
    data = [decision_data(record, m, v, session.lang) for m in chosen(record, number) for v in m.votes]
    lines = [session.t("minutes.decision_line", meeting=d["meeting"], id=d["id"], text=d["text"] or d["kind"],
                       yes=d["yes"], no=d["no"], abstain=d["abstain"], requirement=d["requirement_text"],
                       base=d["base_text"], base_count=d["base_count"], needed=d["needed"],
                       outcome=d["outcome_text"]) for d in data]
    session.emit({"decisions": data}, "\n".join(lines) or session.t("minutes.no_decisions"))


@click.command("speakers")
@MEETING_OPTION
def speakers(number):
    """发言记录 / Who spoke, stance, duration, and calls to order."""
    from deliberate.minutes.words import speech_data

    session = current()
    record = load_record(session)
    meetings = chosen(record, number)
    data = [speech_data(m, s, session.lang) for m in meetings for s in m.speeches]
    orders = [{"meeting": m.number, "name": name, "reason": reason, "at": at}
              for m in meetings for at, name, reason in m.calls_to_order]
    lines = [session.t("minutes.speaker_line", meeting=d["meeting"], name=d["name"], id=d["question"],
                       stance=d["stance_text"], duration=d["duration"],
                       cut=session.t("minutes.speaker_cut") if d["cut"] else "") for d in data]
    lines += [session.t("minutes.order_count", meeting=o["meeting"], name=o["name"], reason=o["reason"])
              for o in orders]
    session.emit({"speeches": data, "calls_to_order": orders}, "\n".join(lines) or session.t("minutes.no_speakers"))


@click.command("minutes")
@MEETING_OPTION
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="写入 Markdown 文件 / write the Markdown to FILE")
def minutes(number, out):
    """会议纪要 (Markdown) / The minutes as Markdown, ready to print (the latest meeting unless --meeting).

    \b
    中文：时间地点、主持人与记录员、出席与缺席、每次表决时的法定人数、动议人与附议人、
    修正案及处理、通过的文本、辩论、裁决与申诉、票数与门槛、无记名投票结果、散会、
    社区密钥指纹与检查点。语言用 --lang zh|en。详见 docs/zh/publisher.md。
    English: date and place, chair and secretary, attendance and the quorum at each vote,
    mover and seconder, amendments and their disposal, the text as adopted, the debate,
    rulings and appeals, counts against threshold and base, secret-ballot results,
    adjournment, the key fingerprint and checkpoint. Language: --lang zh|en. See docs/en/publisher.md.
    """
    from deliberate.minutes.words import minutes_markdown

    session = current()
    record = load_record(session)
    if not record.meetings:
        raise BadInput("minutes.no_meeting", number=number or 1, held=0)
    meeting = chosen(record, number)[0] if number is not None else record.meetings[-1]
    text = minutes_markdown(record, meeting, session.lang)
    if out is not None:
        try:
            out.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise BadInput("minutes.cannot_write", path=str(out), why=exc.strerror or str(exc)) from None
        session.emit({"meeting": meeting.number, "path": str(out)}, session.t("minutes.written", path=str(out)))
        return
    session.emit({"meeting": meeting.number, "markdown": text}, text)
