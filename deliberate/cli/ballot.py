"""`deliberate ballot ...`: budget elections from the command line (parse, call, render)."""

from __future__ import annotations

import click

from deliberate.cli.params import MONEY, TITLE
from deliberate.i18n import t

RULES = ("greedy", "equalshares", "equalshares/add1", "equalshares/add1-comparison")


@click.group("ballot")
def ballot() -> None:
    """预算投票：按选票选出项目 / Budget elections: select projects from ballots, export them."""


@ballot.command("select")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--rule", type=click.Choice(RULES), default="equalshares/add1", show_default=True,
              help="选择规则 / the selection rule")
def select_command(file: str, rule: str) -> None:
    """按规则从 pabulib 文件选出项目 / Select projects from a pabulib .pb FILE under a rule."""
    from deliberate.ballots.pabulib import read_pb
    from deliberate.ballots.select import select

    session = click.get_current_context().obj
    election = read_pb(file)
    outcome = select(election, rule)
    text = "" if session.json else render(election, outcome, session.lang)
    session.emit(outcome.as_dict(), text)


def render(election, outcome, lang: str) -> str:
    """The outcome as a table of selected projects and the money spent, in `lang`."""
    votes = election.scores()
    projects = {p.id: p for p in election.projects}
    rows = [(pid, projects[pid].label(lang), str(projects[pid].cost), str(votes[pid]))
            for pid in outcome.selected]
    head = (t("budget.cli.id", lang), t("budget.cli.name", lang), t("budget.cli.cost", lang),
            t("budget.cli.votes", lang))
    lines = [t("budget.cli.rule", lang, rule=outcome.rule)]
    if rows:
        width = [max(_width(r[i]) for r in [head, *rows]) for i in range(4)]
        for row in [head, *rows]:
            lines.append("  ".join(_pad(cell, width[i], right=i >= 2) for i, cell in enumerate(row)).rstrip())
    else:
        lines.append(t("budget.cli.none", lang))
    lines.append(t("budget.cli.spent", lang, spent=outcome.spent, budget=outcome.budget))
    if outcome.ties:
        lines.append(t("budget.cli.ties", lang))
        for tie in outcome.ties:
            lines.append(t("budget.cli.tie", lang, stage=tie.stage, step=tie.step, tied=", ".join(tie.tied),
                           chosen=", ".join(tie.chosen), by=", ".join(tie.by)))
    return "\n".join(lines)


def _width(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int, right: bool) -> str:
    gap = " " * (width - _width(text))
    return gap + text if right else text + gap


# -- the community's projects and budget, in the record --------------------------------
@ballot.command("export")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--poll", "poll_id", default=None, help="投票编号 (默认最近结束的项目投票) / the poll (default: the latest closed project poll)")
def export_command(file: str, poll_id: str | None) -> None:
    """导出项目、预算与选票为 pabulib 文件 / Write the projects, budget and a poll's ballots as a pabulib FILE."""
    from pathlib import Path

    from deliberate.ballots.pabulib import write_pb
    from deliberate.ballots.projects import election
    from deliberate.cli.context import current
    from deliberate.errors import BadInput, Refused
    from deliberate.refusal import Refusal

    session = current()
    state = session.app().state
    found = _poll_election(session, state, poll_id)
    if found is None:
        found = election(state)
    if found is None:
        raise Refused(Refusal("budget.export", "budget.export.no_budget", hint_key="budget.export.no_budget.hint"))
    try:
        Path(file).write_text(write_pb(found), encoding="utf-8", newline="\n")
    except OSError as error:
        raise BadInput("budget.export.unwritable", path=file, reason=error.strerror or str(error)) from None
    data = {"file": file, "projects": len(found.projects), "budget": found.budget, "votes": len(found.ballots)}
    session.emit(data, session.t("budget.record.exported", file=file, count=data["projects"],
                                 budget=found.budget, votes=data["votes"]))


def _poll_election(session, state, poll_id):
    """The election of a closed project poll, its ballots read from the log (voter ids: the receipts)."""
    from deliberate.ballots.polls import poll_election
    from deliberate.errors import Refused
    from deliberate.refusal import Refusal

    polls = state.ballots.polls if state.ballots is not None else {}
    if poll_id is None:
        closed = [p for p in polls.values() if p.kind == "projects" and not p.open]
        if not closed:
            return None
        poll = closed[-1]
    else:
        poll = polls.get(poll_id)
        if poll is None or poll.kind != "projects" or poll.open:
            raise Refused(Refusal("poll.not_open", "poll.no_poll"))
    cast = [e.payload for e in session.app().store.read() if e.type == "ballot_cast" and e.payload["poll"] == poll.id]
    return poll_election(state, poll, [b["projects"] for b in cast], [b["receipt"] for b in cast])


@click.group("project")
def project() -> None:
    """社区的项目清单 / The community's list of projects for the budget."""


@project.command("add")
@click.argument("name", type=TITLE)
@click.option("--cost", required=True, type=MONEY, metavar="N", help="费用（元，可写 8万、8.5万、80,000） / cost in yuan (8万, 8.5万, 80,000 too)")
@click.option("--category", default="", type=TITLE, help="类别 / category")
@click.option("--name-en", default="", type=TITLE, metavar="TEXT", help="英文名称 / name in English")
def project_add(name: str, cost: str, category: str, name_en: str) -> None:
    """登记一个项目 / Add a project to the list."""
    from deliberate.ballots.projects import AddProject, project_data
    from deliberate.cli.context import current

    session = current()
    app = session.app()
    stored = app.execute(AddProject(session.now(), name, cost, category, name_en))
    added = app.state.ballots.projects[stored[0].payload["id"]]
    session.emit({"project": project_data(added)},
                 session.t("budget.record.added", id=added.id, name=added.name, cost=added.cost))


@project.command("list")
def project_list() -> None:
    """列出项目与预算 / List the projects and the budget."""
    from deliberate.ballots.projects import projects_view
    from deliberate.cli.context import current

    session = current()
    data = projects_view(session.app().state, None) or {"budget": None, "projects": [], "total_cost": 0,
                                                         "withdrawn": []}
    session.emit(data, "" if session.json else render_projects(data, session.lang))


@project.command("withdraw")
@click.argument("name", type=TITLE)
def project_withdraw(name: str) -> None:
    """撤回一个项目（名称或编号） / Withdraw a project (by name or id)."""
    from deliberate.ballots.projects import WithdrawProject, project_data
    from deliberate.cli.context import current

    session = current()
    app = session.app()
    stored = app.execute(WithdrawProject(session.now(), name))
    gone = app.state.ballots.projects[stored[0].payload["id"]]
    session.emit({"withdrawn": project_data(gone)},
                 session.t("budget.record.withdrawn", id=gone.id, name=gone.name))


class _AmountCommand(click.Command):
    """A command whose one argument may be a negative number: `budget -3` is refused by the
    rules (with the reason) rather than read as an unknown option."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0][:1] == "-" and args[0][1:2].isdigit():
            args = ["--", *args]
        return super().parse_args(ctx, args)


@click.command("budget", cls=_AmountCommand)
@click.argument("amount", metavar="N", type=MONEY)
def budget(amount: str) -> None:
    """登记预算（元，可写 8万、80,000） / Record the budget in yuan (8万, 8.5万, 80,000 too)."""
    from deliberate.ballots.projects import SetBudget
    from deliberate.cli.context import current

    session = current()
    app = session.app()
    app.execute(SetBudget(session.now(), amount))
    session.emit({"budget": app.state.ballots.budget},
                 session.t("budget.record.budget", amount=app.state.ballots.budget))


def render_projects(data: dict, lang: str) -> str:
    """The list as a table (id, name, cost, category) under a line with the budget and the total."""
    budget_text = str(data["budget"]) if data["budget"] is not None else t("budget.record.no_budget", lang)
    lines = [t("budget.record.list_budget", lang, budget=budget_text, total=data["total_cost"],
               count=len(data["projects"]))]
    if not data["projects"]:
        lines.append(t("budget.record.no_projects", lang))
        return "\n".join(lines)
    head = (t("budget.cli.id", lang), t("budget.cli.name", lang), t("budget.cli.cost", lang),
            t("budget.record.category", lang), t("budget.record.funded", lang))
    rows = []
    for p in data["projects"]:
        label = (p["name_en"] or p["name"]) if lang == "en" else p["name"]
        rows.append((p["id"], label, str(p["cost"]), p["category"], "✓" if p.get("funded") else ""))
    if not any(p.get("funded") for p in data["projects"]):
        head, rows = head[:4], [r[:4] for r in rows]
    width = [max(_width(r[i]) for r in [head, *rows]) for i in range(len(head))]
    for row in [head, *rows]:
        lines.append("  ".join(_pad(cell, width[i], right=i == 2) for i, cell in enumerate(row)).rstrip())
    return "\n".join(lines)
