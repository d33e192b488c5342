"""`booth`: the laptop passed from voter to voter, and `booth --paper`: tellers typing paper ballots.

The code is read without echo (getpass), every ballot starts on a cleared screen, and after
the receipt is read the screen is cleared again before the next voter. Enter alone at the
code prompt (or Ctrl-D) leaves the booth.
"""

from __future__ import annotations

import click

from deliberate.errors import Refused

CHOICE_KEYS = {"1": "yes", "2": "no", "3": "abstain", "yes": "yes", "no": "no", "abstain": "abstain",
               "y": "yes", "n": "no", "a": "abstain", "赞成": "yes", "反对": "no", "弃权": "abstain"}


def _clear(session) -> None:
    if session.out is None:
        click.clear()


def _show_poll(session, state, poll, paper: bool) -> None:
    t = session.t
    session.echo(t("booth.paper_title" if paper else "booth.title"))
    session.echo("")
    if poll.kind == "motion":
        motion = state.motions.items.get(poll.question) if state.motions is not None else None
        session.echo(f"{poll.question}: {motion.text if motion else ''}")
    else:
        session.echo(t("page.budget", budget=poll.budget)
                     + (f" · {t('page.max', max=poll.max)}" if poll.max else "")
                     + (f" · {t('page.min_spend', min=poll.min_spend)}" if poll.min_spend else ""))
        for pid in poll.projects:
            p = state.ballots.projects[pid]
            name = (p.name_en or p.name) if session.lang == "en" else p.name
            session.echo(f"  {pid:>4}  {name}  {p.cost}")
    session.echo("")


def _read(prompt: str, hide: bool = False) -> str | None:
    try:
        return click.prompt(prompt, default="", show_default=False, hide_input=hide).strip()
    except (click.exceptions.Abort, EOFError):
        return None


def run(session, paper: bool) -> None:
    from deliberate.ballots import box
    from deliberate.ballots.polls import open_poll
    from deliberate.cli.context import report_refusal

    app = session.app()
    t = session.t
    while True:
        app.catch_up()
        poll = open_poll(app.state)
        if poll is None:
            session.echo(t("booth.closed"))
            return
        _clear(session)
        _show_poll(session, app.state, poll, paper)
        code = _read(t("booth.code"), hide=True)
        if not code:
            return
        if poll.kind == "motion":
            answer = _read(t("booth.motion_prompt"))
            if answer is None:
                return
            choice, projects = CHOICE_KEYS.get(answer.lower(), answer), None
            shown = t(f"poll.choice.{choice}") if choice in ("yes", "no", "abstain") else choice
        else:
            answer = _read(t("booth.projects_prompt"))
            if answer is None:
                return
            choice, projects = None, project_ids(app.state, answer.replace(",", " ").split())
            shown = " ".join(projects) or t("page.no_projects")
        session.echo(t("booth.your_ballot", ballot=shown))
        if not click.confirm(t("booth.confirm"), default=True):
            session.echo(t("booth.cancelled"))
            continue
        try:
            receipt = box.cast(app, code, choice, projects)
        except Refused as refused:
            report_refusal(session, refused.refusal)
            _read("…")
            continue
        if paper:
            session.echo(t("booth.recorded", receipt=receipt))
        else:
            _read(t("booth.done", receipt=receipt), hide=True)


def project_ids(state, names) -> list[str]:
    """Ids as typed, or names of active projects turned into their ids."""
    ballots = state.ballots
    out = []
    for name in names:
        found = ballots.find(name) if ballots is not None else None
        out.append(found.id if found is not None else name)
    return out
