"""Commands for motions: the chart, move, second, amend, any motion, withdraw, votes, rulings, appeals."""

from __future__ import annotations

import click

from deliberate.cli.context import current
from deliberate.cli.params import MOTION, NAME, REASON, TITLE


def _chart_now(session):
    """The chart of the rules in force, or of the default rules file when there is no database."""
    from deliberate.motions.stack import chart_of

    if session.db_path.exists():
        app = session.app()
        if app.state.rules:
            return chart_of(app.rules)
    from deliberate.rules import DEFAULT_RULES, load_rules

    rules, _ = load_rules(DEFAULT_RULES)
    return chart_of(rules)


def _after(session, stored) -> None:
    """Say what was recorded, in the host's language, as `log` words it."""
    from deliberate.cli.motions_view import describe_events

    app = session.app()
    data = {"events": [{"seq": e.seq, "type": e.type, "payload": e.payload} for e in stored]}
    session.emit(data, describe_events(session, app, stored))


def _execute(command) -> None:
    session = current()
    stored = session.app().execute(command)
    _after(session, stored)


# -- the chart --------------------------------------------------------------------------------


@click.group()
def motions():
    """动议 / The chart of motions, and what the chair declares about them."""


@motions.command("chart")
def motions_chart():
    """动议表 (优先级、附议、可辩论、可修改、表决) / The chart: rank, second, debate, amendment, vote."""
    from deliberate.cli.table import table
    from deliberate.motions.chart import chart_rows

    session = current()
    rows = chart_rows(_chart_now(session))
    zh = session.lang == "zh"
    t = session.t
    yes_no = {True: t("motions.yes"), False: t("motions.no")}
    headers = [t(f"motions.col.{c}") for c in ("name", "class", "rank", "interrupts", "second", "debatable",
                                                  "amendable", "vote", "reconsider", "ronr")]
    body = []
    for r in rows:
        body.append([
            r["name_zh"] if zh else r["name_en"], t(f"motions.class.{r['class']}"), r["rank"] or "-",
            yes_no[r["interrupts"]], yes_no[r["second"]],
            yes_no.get(r["debatable"], r["debatable"]) if isinstance(r["debatable"], bool) else r["debatable"],
            yes_no[r["amendable"]], r["vote"],
            yes_no.get(r["reconsider"]) if isinstance(r["reconsider"], bool) else r["reconsider"], r["ronr"],
        ])
    session.emit({"motions": rows}, table(headers, body))


@motions.command("lapse")
def motions_lapse():
    """无人附议，动议不成立 / The chair declares the motion lost for want of a second."""
    from deliberate.motions.engine import Lapse

    session = current()
    _execute(Lapse(session.now()))


@motions.command("pending")
def motions_pending():
    """待决议题 / The stack of pending questions and what is in order now."""
    from deliberate.cli.motions_view import render
    from deliberate.motions.view import motions_view

    session = current()
    app = session.app()
    data = motions_view(app.state, app.rules)
    session.emit({"motions": data}, render(session, {"motions": data}) or session.t("motions.view.none"))


# -- making motions ----------------------------------------------------------------------------


@click.command()
@click.argument("text", type=MOTION)
@click.option("--by", "by", required=True, type=NAME, help="动议人 / the member who moves")
def move(text, by):
    """提出主动议 / Move a main motion: `move "在水贝公园增设临时公厕" --by 王芳`."""
    from deliberate.motions.engine import MakeMotion

    session = current()
    _execute(MakeMotion(session.now(), "main_motion", by, text))


@click.command()
@click.option("--by", "by", required=True, type=NAME, help="附议人 / the member who seconds")
@click.option("--question", default=None, help="动议编号 / the motion's id (default: the one awaiting a second)")
def second(by, question):
    """附议 / Second the motion awaiting a second; the chair then states the question."""
    from deliberate.motions.engine import Second

    session = current()
    _execute(Second(session.now(), by, question))


@click.command()
@click.option("--by", "by", required=True, type=NAME, help="动议人 / the member who moves the amendment")
@click.option("--insert", default="", type=MOTION, help="插入的文字 / words to insert")
@click.option("--after", default="", type=MOTION, help="插在这些文字之后 / insert after these words")
@click.option("--before", default="", type=MOTION, help="插在这些文字之前 / insert before these words")
@click.option("--strike", default="", type=MOTION, help="删去的文字 / words to strike (with --insert: strike and insert)")
@click.option("--substitute", default="", type=MOTION, help="替换全文 / a whole new text in place of the old")
def amend(by, insert, after, before, strike, substitute):
    """修改动议 / Amend the pending question (or the pending amendment: second degree).

    \b
    amend --by 刘洋 --insert "，并在一个月内完成" --after "临时公厕"
    amend --by 刘洋 --strike "临时"            amend --by 刘洋 --strike "临时" --insert "永久"
    amend --by 刘洋 --substitute "新的全文"
    """
    from deliberate.motions.engine import MakeMotion

    session = current()
    amendment = {k: v for k, v in (("insert", insert), ("after", after), ("before", before),
                                    ("strike", strike), ("substitute", substitute)) if v}
    _execute(MakeMotion(session.now(), "amend", by, "", {"amendment": amendment}))


@click.command()
@click.argument("kind")
@click.argument("text", required=False, default="", type=MOTION)
@click.option("--by", "by", required=True, type=NAME, help="动议人 / the member who moves")
@click.option("--to", "to", default="", type=TITLE, help="委托对象或时间 / committee, or time (refer, postpone, fix time)")
@click.option("--question", default="", help="所涉议题编号 / the question it brings back (reconsider, rescind...)")
@click.option("--seconds", type=int, default=0, help="每次发言秒数 / seconds a speech (limit debate)")
@click.option("--speeches", type=int, default=0, help="每人发言次数 / speeches a member (limit debate)")
@click.option("--part", "parts", multiple=True, type=MOTION, help="拆分后的一部分 (可重复) / one part (division; repeat)")
@click.option("--notice", is_flag=True, help="已事先通知 / previous notice was given (rescind, discharge)")
@click.option("--overdue", is_flag=True, help="委员会逾期未报告 / the committee failed to report in time")
@click.option("--special-order", is_flag=True, help="设为特别议程 / make it a special order (postpone)")
@click.option("--voted", type=click.Choice(["yes", "no"]), default=None,
              help="动议人当时的投票 / how the mover voted (reconsider, when no roll call)")
@click.option("--all", "all_", is_flag=True, help="对所有待决议题 / on all pending questions (previous question)")
@click.option("--answer", default="", type=REASON, help="主持人的答复 / the chair's answer (inquiries)")
@click.option("--minutes", type=int, default=0, help="休息分钟数 / minutes (recess)")
def motion(kind, text, by, to, question, seconds, speeches, parts, notice, overdue, special_order, voted, all_,
           answer, minutes):
    """提出动议表中的任一动议 / Make any motion of the chart by its id or name (see `motions chart`).

    \b
    motion previous_question --by 陈静
    motion commit_or_refer --to 环境小组 --by 王芳
    motion reconsider --question q3 --by 刘洋 --voted yes
    """
    from deliberate.motions.engine import MakeMotion

    session = current()
    chart = _chart_now(session)
    kind_id = _kind(chart, kind)
    flags = [f for f, on in (("notice", notice), ("overdue", overdue), ("special_order", special_order)) if on]
    params = {"to": to, "question": question, "seconds": seconds, "speeches": speeches, "parts": list(parts),
              "flags": flags, "voted": voted, "all": all_, "answer": answer, "minutes": minutes}
    params = {k: v for k, v in params.items() if v}
    if minutes and not text:
        text = session.t("motions.minutes", minutes=minutes)
    _execute(MakeMotion(session.now(), kind_id, by, text, params))


def _kind(chart, given: str) -> str:
    from deliberate.errors import BadInput

    if given in chart:
        return given
    for spec in chart.values():
        if given in (spec.name_zh, spec.name_en, spec.name_en.lower()):
            return spec.id
    raise BadInput("motions.unknown_kind", kind=given)


@click.command()
@click.option("--by", "by", required=True, type=NAME, help="动议人 / the maker of the motion")
@click.option("--objected", is_flag=True, help="有人反对收回：付表决 / someone objects: the request is voted")
def withdraw(by, objected):
    """收回动议 / The maker withdraws the motion (freely before it is stated; after, by consent or vote)."""
    from deliberate.motions.engine import Withdraw

    session = current()
    _execute(Withdraw(session.now(), by, objected))


# -- votes -----------------------------------------------------------------------------------------


@click.group()
def vote():
    """表决 / Vote on the immediately pending question: open, count, roll, tally, close."""


@vote.command("open")
@click.option("--method", type=click.Choice(["hands", "roll", "secret"]), default="hands",
              help="举手 hands · 点名 roll · 无记名 secret")
def vote_open(method):
    """开始表决 / Put the question to a vote."""
    from deliberate.motions.voting import OpenVote

    if method == "secret":  # a secret poll: codes, ballots (deliberate.cli.polls)
        from deliberate.cli.polls import open_secret_vote

        return open_secret_vote()
    session = current()
    _execute(OpenVote(session.now(), method))


@vote.command("count")
@click.option("--yes", "yes", type=int, required=True, help="赞成 / in favour")
@click.option("--no", "no", type=int, required=True, help="反对 / against")
@click.option("--abstain", type=int, default=0, help="弃权 / abstaining")
def vote_count(yes, no, abstain):
    """举手计票 / The count of a show of hands (a recount replaces it until the vote closes)."""
    from deliberate.motions.voting import CountVotes

    session = current()
    _execute(CountVotes(session.now(), yes, no, abstain))


@vote.command("roll", context_settings={"ignore_unknown_options": True})
@click.argument("words", nargs=-1, required=True)
def vote_roll(words):
    """点名表决 / Roll call: `vote roll --yes 王芳 陈静 --no 刘洋 --abstain 赵磊` (or one member a line)."""
    from deliberate.motions.voting import RollCall
    from deliberate.errors import BadInput

    buckets: dict[str, list[str]] = {"yes": [], "no": [], "abstain": []}
    current_bucket = None
    for word in words:
        if word.startswith("--"):
            current_bucket = word[2:]
            if current_bucket not in buckets:
                raise BadInput("motions.roll_usage", word=word)
            continue
        if current_bucket is None:
            raise BadInput("motions.roll_usage", word=word)
        buckets[current_bucket].append(word)
    from deliberate.texts import check_distinct

    check_distinct([name for names in buckets.values() for name in names])
    session = current()
    _execute(RollCall(session.now(), tuple(buckets["yes"]), tuple(buckets["no"]), tuple(buckets["abstain"])))


@vote.command("tally")
@click.option("--yes", "yes", type=int, required=True, help="赞成 / in favour")
@click.option("--no", "no", type=int, required=True, help="反对 / against")
@click.option("--abstain", type=int, default=0, help="弃权 / abstaining")
@click.option("--source", default="paper", help="计票来源 / where the count comes from (paper, ballots)")
def vote_tally(yes, no, abstain, source):
    """无记名投票计票结果 / The counts of a secret ballot (the ballot box sends them itself)."""
    from deliberate.motions.voting import RecordTally

    session = current()
    _execute(RecordTally(session.now(), yes, no, abstain, source))


@vote.command("close")
@click.option("--chair-vote", type=click.Choice(["yes", "no"]), default=None,
              help="主持人投票 (规则允许时) / the chair's vote, where the rules allow it")
def vote_close(chair_vote):
    """宣布表决结果 / Announce the result (with the counts, the threshold and the quorum)."""
    from deliberate.motions.voting import CloseVote

    session = current()
    from deliberate.ballots.polls import open_poll

    poll = open_poll(session.app().state)
    if poll is not None and poll.kind == "motion" and chair_vote is None:  # the secret poll closes first
        from deliberate.cli.polls import close_poll

        return close_poll(session)
    _execute(CloseVote(session.now(), chair_vote))


# -- rulings and appeals -----------------------------------------------------------------------------


@click.command()
@click.argument("text", type=MOTION)
@click.option("--decision", type=click.Choice(["ruling", "well_taken", "not_well_taken", "out_of_order",
                                               "admitted", "refused"]), default=None,
              help="裁决 / well_taken, not_well_taken, out_of_order (the pending motion), admitted, refused")
def ruling(text, decision):
    """主持人裁决 / The chair rules (on a point of order, a question of privilege, or of its own motion)."""
    from deliberate.motions.rulings import MakeRuling

    session = current()
    _execute(MakeRuling(session.now(), text, decision or "ruling"))


@click.command()
@click.option("--by", "by", required=True, type=NAME, help="申诉人 / the member who appeals")
def appeal(by):
    """对主持人裁决申诉 / Appeal from the chair's ruling, immediately after it."""
    from deliberate.motions.engine import MakeMotion

    session = current()
    _execute(MakeMotion(session.now(), "appeal", by))
