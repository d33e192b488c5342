"""`deliberate ballot ...`: budget elections from the command line (parse, call, render)."""

from __future__ import annotations

import click

from deliberate.i18n import t

RULES = ("greedy", "equalshares", "equalshares/add1", "equalshares/add1-comparison")


@click.group("ballot")
def ballot() -> None:
    """Budget elections: select projects from ballots. 预算投票：按选票选出项目。"""


@ballot.command("select")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--rule", type=click.Choice(RULES), default="equalshares/add1", show_default=True,
              help="Selection rule. 选择规则。")
def select_command(file: str, rule: str) -> None:
    """Select projects from a pabulib .pb FILE under a rule. 按规则从 pabulib 文件选出项目。"""
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
