"""Secret polls from the command line: poll open/close/status, slips, cast, booth, receipt, serve."""

from __future__ import annotations

import click

from deliberate.cli.context import current


def _poll_view(session):
    from deliberate.ballots.polls import poll_view

    app = session.app()
    return poll_view(app.state, None)


# -- opening, closing, status --------------------------------------------------------------
@click.group("poll")
def poll() -> None:
    """无记名投票 / Secret polls: open on the projects, close, status."""


@poll.command("open")
@click.option("--projects", "projects", is_flag=True, required=True, help="对项目投票 / a poll on the projects")
@click.option("--max", "max_", type=int, default=None, help="最多选几项 / approve at most N projects")
@click.option("--knapsack", is_flag=True, help="总额不超过预算 / the chosen projects' cost stays within the budget")
@click.option("--min-spend", "min_spend", type=int, default=None, metavar="PCT",
              help="至少花到预算的百分之几 (配合 --knapsack) / spend at least PCT% of the budget")
def poll_open(projects, max_, knapsack, min_spend) -> None:
    """开始项目投票 / Open a project poll (attendance is frozen now)."""
    from deliberate.ballots.polls import OpenProjectPoll

    session = current()
    app = session.app()
    stored = app.execute(OpenProjectPoll(session.now(), max_, knapsack, min_spend))
    opened(session, stored)


def opened(session, stored) -> None:
    p = next(e.payload for e in stored if e.type == "poll_opened")
    session.emit({"poll": p["poll"], "kind": p["kind"], "present": p["present"], "attendance": p["attendance"]},
                 session.t("poll.cli.opened", poll=p["poll"], present=p["present"]))


def open_secret_vote() -> None:
    """`vote open --method secret`: the vote and its poll, in one action."""
    from deliberate.ballots.polls import OpenSecretVote

    session = current()
    stored = session.app().execute(OpenSecretVote(session.now()))
    opened(session, stored)


@poll.command("close")
def poll_close() -> None:
    """结束投票并计票 / Close the poll: the ballots enter the record, counted; the tree is signed."""
    close_poll(current())


def close_poll(session) -> None:
    from deliberate.ballots import box

    app = session.app()
    at = session.now()
    result = box.close(app, at)
    lines = []
    if result["kind"] == "motion":
        from deliberate.cli.motions_view import describe_events
        from deliberate.refusal import Refusal

        c = result["counts"]
        lines.append(session.t("poll.cli.closed_motion", poll=result["poll"], ballots=result["ballots"], **c))
        decided = box.close_vote(app, at)
        if isinstance(decided, Refusal):
            from deliberate.cli.context import report_refusal

            report_refusal(session, decided)
        else:
            closed = next(e.payload for e in decided if e.type == "vote_closed")
            result["vote"] = {k: closed[k] for k in ("question", "outcome", "adopted", "yes", "no", "abstain")}
            lines.append(describe_events(session, app, decided))
    else:
        o = result["outcome"]
        lines.append(session.t("poll.cli.closed_projects" if o["selected"] else "poll.cli.closed_projects.none",
                               poll=result["poll"], ballots=result["ballots"],
                               rule=o["rule"], selected=_projects_named(app.state, o["selected"], session),
                               spent=o["spent"],
                               budget=o["budget"]))
    signed = _sign(session, app)
    if signed:
        result["checkpoint"] = signed
    session.emit(result, "\n".join(lines))


def _projects_named(state, ids, session) -> str:
    """Selected projects as the host knows them: `p1 增设临时公厕、p3 …`."""
    projects = state.ballots.projects if state.ballots is not None else {}
    return session.join(f"{pid} {projects[pid].name}" if pid in projects else pid for pid in ids)


def _sign(session, app) -> int | None:
    """Sign a checkpoint over the ballots (receipts are proved against it); warn without a key."""
    from deliberate.errors import BadInput, IntegrityError, Refused

    try:
        stored = app.checkpoint(session.now())
    except (BadInput, IntegrityError) as problem:
        session.echo(session.t("poll.cli.unsigned", why=session.t(problem.key, **problem.params)), err=True)
        return None
    except Refused:
        return None
    return stored[-1].payload["size"]


@poll.command("status")
def poll_status() -> None:
    """投票进度：已发码数、已投票数（不显示计票） / Codes issued and ballots in; never a running tally."""
    from deliberate.ballots import box
    from deliberate.errors import Refused
    from deliberate.refusal import Refusal

    session = current()
    view = _poll_view(session)
    if view is None:
        raise Refused(Refusal("poll.no_poll", "poll.no_poll"))
    ballots = box.counted(session.app().store, view["poll"]) if view["open"] else view["ballots"]
    data = {k: v for k, v in view.items() if k != "result" or not view["open"]}
    data["ballots"] = ballots
    text = session.t("poll.cli.status", poll=view["poll"], kind=session.t(f"poll.kind.{view['kind']}"),
                     state=session.t("poll.cli.open" if view["open"] else "poll.cli.closed"),
                     present=view["present"], codes=view["codes"], ballots=ballots)
    session.emit(data, text)


# -- codes ---------------------------------------------------------------------------------
@click.command("slips")
@click.option("--out", "out", default="slips.html", type=click.Path(dir_okay=False), show_default=True,
              help="写入的 HTML 文件 / the HTML file to print")
@click.option("--add", "add", type=int, default=None, metavar="N", help="补发 N 个新码 / issue N more codes")
@click.option("--paper", is_flag=True, help="打印纸质选票 / print paper ballots, one per code")
@click.option("--url", "url", default=None, help="手机投票网址 / the phone page's address (default: this laptop's, port 8000)")
def slips(out, add, paper, url) -> None:
    """为出席成员打印一次性投票码 / Print one one-time code per present member, to cut and hand out."""
    from pathlib import Path

    from deliberate.ballots import box
    from deliberate.ballots.polls import open_poll
    from deliberate.cli import slips_page
    from deliberate.errors import BadInput

    session = current()
    app = session.app()
    poll_before = open_poll(app.state)
    count = add if add is not None else (poll_before.present if poll_before else 1)
    poll_id, codes = box.issue(app, count, add is not None, session.now())
    base = url or default_url(8000)
    poll = app.state.ballots.polls[poll_id]
    if session.json:
        session.emit({"poll": poll_id, "url": base, "codes": codes}, "")
        return
    page = slips_page.render(app.state, poll, codes, base, session.lang, paper)
    try:
        Path(out).write_text(page, encoding="utf-8")
    except OSError as error:
        raise BadInput("budget.export.unwritable", path=out, reason=error.strerror or str(error)) from None
    session.emit({}, session.t("poll.cli.slips", count=len(codes), issued=len(poll.verifiers), file=out))


def default_url(port: int) -> str:
    from deliberate.server.run import lan_address

    return f"http://{lan_address()}:{port}/"


# -- casting -----------------------------------------------------------------------------------
@click.command("cast", context_settings={"ignore_unknown_options": True})
@click.argument("words", nargs=-1, required=True)
def cast(words) -> None:
    """投票 / Cast a ballot: `cast CODE yes|no|abstain` or `cast CODE --projects p1 p3`."""
    from deliberate.ballots import box

    session = current()
    code, choice, projects = _ballot_words(words)
    receipt = box.cast(session.app(), code, choice, projects)
    session.emit({"receipt": receipt}, session.t("poll.cli.cast", receipt=receipt))


def _ballot_words(words):
    from deliberate.errors import BadInput

    code, rest = words[0], list(words[1:])
    if rest[:1] == ["--projects"]:
        return code, None, [w for w in rest[1:] for w in w.replace(",", " ").split()]
    if len(rest) != 1:
        raise BadInput("poll.cast_usage")
    return code, rest[0].lower(), None


# -- receipts ------------------------------------------------------------------------------------
@click.group("receipt")
def receipt() -> None:
    """回执 / Receipts: check that a ballot was counted."""


@receipt.command("check")
@click.argument("code")
def receipt_check(code) -> None:
    """核对回执：选票及其包含证明 / The ballot and its inclusion proof against a signed checkpoint."""
    from deliberate.ballots import box

    session = current()
    app = session.app()
    proof = box.receipt_proof(app.store, app.state, code)
    text = session.t("poll.cli.receipt_ok" if proof["verified"] else "poll.cli.receipt_bad",
                     receipt=proof["ballot"]["receipt"], seq=proof["seq"], leaf=proof["leaf_index"],
                     size=proof["tree_size"], root=proof["root"][:16])
    ballot = proof["ballot"]
    shown = ballot.get("choice") or " ".join(ballot.get("projects") or []) or "-"
    session.emit(proof, f"{text}\n  {ballot['poll']}: {shown}")
    if not proof["verified"]:
        raise click.exceptions.Exit(3)


# -- the booth -------------------------------------------------------------------------------------
@click.command("booth")
@click.option("--paper", is_flag=True, help="计票员录入纸质选票 / tellers type in paper ballots")
def booth(paper) -> None:
    """投票间：轮流在这台电脑上投票（不显示投票码） / Pass the laptop: a blank ballot for each voter."""
    from deliberate.cli import booth as booth_mode

    booth_mode.run(current(), paper)


# -- the phone server --------------------------------------------------------------------------------
@click.command("serve")
@click.option("--host", default="0.0.0.0", show_default=True, help="监听地址 / address to listen on")
@click.option("--port", default=8000, type=int, show_default=True, help="端口 / port")
def serve(host, port) -> None:
    """手机投票服务 / Serve the phone page over the room's Wi-Fi (Ctrl-C to stop)."""
    from deliberate.server.run import serve as run_server

    session = current()
    run_server(session, host, port)
