"""`console`: the grammar's lines, typed one at a time, with the state shown after each.

prompt_toolkit gives history (kept beside the database), tab completion of verbs
and member names, and Chinese input. Without a terminal it reads lines from
standard input, so it can be driven by another program.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from deliberate.cli.context import DONE, current, invoke

QUIT = {"exit", "quit", "退出", "q"}
SHOWN = -1              # handle(): the line showed the state itself
STATUS_LINES = 4        # the status block after each line, so the last commands stay on screen


def toolbars() -> tuple:
    """The parts of the console's bottom line: `part(session)` returns None, plain text,
    or prompt_toolkit styled text (a list of (style, text) pairs)."""
    from deliberate.cli import floor_view

    return (floor_view.speech_timer,)


def words_for_completion(session) -> list[str]:
    from deliberate.cli.main import COMMANDS, root

    from deliberate.cli.verbs import ALIASES

    words = set(COMMANDS) | QUIT | {"help", "status"} | {a for a, verb in ALIASES.items() if verb in COMMANDS}
    ctx = click.Context(root)
    for name in COMMANDS:
        command = root.get_command(ctx, name)
        if isinstance(command, click.Group):
            words.update(command.commands)
    try:
        words.update(m.name for m in session.app().state.roster)
    except Exception:  # no database yet: verbs only
        pass
    return sorted(words)


def status_line(session) -> str:
    from deliberate.cli.status import render_state
    from deliberate.views import state_view

    app = session.app()
    return render_state(session, state_view(app.state, app.rules if app.state.rules else None))


def handle(session, line: str) -> int | None:
    """Run one console line; None means the host asked to leave."""
    from deliberate.cli.main import root
    from deliberate.cli.script import NOT_IN_SCRIPTS, split_line
    from deliberate.errors import BadInput

    stripped = line.strip()
    if not stripped or stripped.startswith("#"):
        return DONE
    if stripped in QUIT:
        return None
    try:
        words = split_line(stripped)
    except BadInput as bad:
        from deliberate.cli.context import BAD_INPUT, report

        return report(session, BAD_INPUT, "input", bad.key, bad.params, bad.hint_key)
    if words == ["help"] or words == ["帮助"]:
        words = ["--help"]
    elif len(words) >= 2 and words[0] in ("help", "帮助"):
        words = [*words[1:], "--help"]  # help VERB: the verb's own help, here in the console
    if words in (["status"], ["状态"]) and not session.json:
        session.echo(status_line(session))  # the full view (after each line only a short one)
        return SHOWN
    if words and words[0] in NOT_IN_SCRIPTS:
        session.echo(session.t("script.not_in_script", verb=words[0]), err=True)
        return 2
    if session._app is not None:
        session._app.catch_up()  # what another writer recorded since the last line (read-only verbs too)
    return invoke(root, words, session)


@click.command()
def console():
    """交互控制台 / Type the same lines interactively; the state is shown after each."""
    session = current()
    session.interactive = True
    session.app()  # fail now, not at the first line, if the database is not ours
    if not session.json:
        session.echo(session.t("console.welcome"))
        session.echo(status_line(session))
    if sys.stdin.isatty() and sys.stdout.isatty():
        _interactive(session)
    else:
        _piped(session)


def _after(session, code: int) -> None:
    if code == DONE and not session.json:
        session.echo("── " + short_status(session).replace("\n", "\n   "))


def short_status(session) -> str:
    """The state in at most STATUS_LINES lines; `status` shows it all. In a meeting: the quorum, who has
    the floor and who waits, the question before the meeting (or the vote on it), the agenda item in hand."""
    from deliberate.cli import agenda, floor_view, motions_view
    from deliberate.cli.status import render_state
    from deliberate.views import state_view

    app = session.app()
    data = state_view(app.state, app.rules if app.state.rules else None)
    full = render_state(session, data).splitlines()
    if not app.state.in_session():
        lines, hidden = full[1:] or full, 0
    else:
        quorum = session.t("meeting.quorum_met" if data["quorum"]["met"] else "meeting.quorum_not_met", **data["quorum"])
        holder, waiting = floor_view.floor_lines(session, data)
        voting = bool((data.get("motions") or {}).get("vote"))  # hands wait for debate, not during a vote
        item = agenda.render(session, data) if (data.get("agenda") or {}).get("current") else ""
        lines = [line for line in [quorum, *holder, *motions_view.brief(session, data),
                                   *([] if voting else waiting), item] if line]
        hidden = max(0, len(full) - 3 - len(lines))  # the community, the meeting and who is present: left out
    if len(lines) > STATUS_LINES:
        hidden += len(lines) - (STATUS_LINES - 1)
        lines = lines[:STATUS_LINES - 1]
    if hidden and len(lines) < STATUS_LINES:  # a reminder that `status` shows the rest, where it fits
        lines.append(session.t("console.more_status", count=hidden))
    return "\n".join(lines)


def _piped(session) -> None:
    for line in sys.stdin:
        code = handle(session, line)
        if code is None:
            break
        _after(session, code)


def _interactive(session) -> None:
    from prompt_toolkit import PromptSession
    from prompt_toolkit.completion import WordCompleter
    parts = toolbars()
    history = private_history(Path(str(session.db_path) + ".history"))

    def bottom():
        fragments: list[tuple[str, str]] = []
        for part in (f(session) for f in parts):
            if not part:
                continue
            if fragments:
                fragments.append(("", " | "))
            fragments.extend([("", part)] if isinstance(part, str) else part)
        return fragments or None

    prompt = PromptSession(history=history, complete_while_typing=False,  # Tab completes, as in a shell
                           bottom_toolbar=bottom if parts else None,
                           refresh_interval=0.5 if parts else 0)
    while True:
        completer = WordCompleter(words_for_completion(session), WORD=True)
        try:
            line = prompt.prompt("deliberate> ", completer=completer)
        except KeyboardInterrupt:
            continue
        except EOFError:
            break
        code = handle(session, line)
        if code is None:
            break
        _after(session, code)


# -- the history file: its owner's only, and no private details in it ---------------------

PRIVATE_OPTIONS = ("--phone", "--id-number", "--unit")


def carries_private(line: str) -> bool:
    """A line that types a member's unit, phone or ID number (in any spelling of the option)."""
    return any(option in line for option in PRIVATE_OPTIONS)


def private_history(path: Path):
    """The console's history beside the database: mode 0600, and a line carrying private
    details is never written to it (it stays in this session's memory, for the arrow keys).

    The whole line is dropped rather than masked: a masked line is no use to recall, and
    masking would have to parse every way an option's value can be typed. Entries an earlier
    version wrote are scrubbed when the console opens.
    """
    from prompt_toolkit.history import FileHistory

    class PrivateHistory(FileHistory):
        def store_string(self, string: str) -> None:
            if not carries_private(string):
                super().store_string(string)

    _own_and_scrub(path)
    return PrivateHistory(str(path))


def _own_and_scrub(path: Path) -> None:
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600))
    os.chmod(path, 0o600)
    text = path.read_bytes().decode("utf-8", errors="replace")
    if not carries_private(text):
        return
    # prompt_toolkit's format: an entry is "\n# <time>\n" and then "+<line>\n" for each of its lines
    entries: list[list[str]] = [[]]
    for line in text.splitlines(keepends=True):
        if line.startswith("#"):
            entries.append([])
        entries[-1].append(line)
    kept = ["".join(e) for e in entries if not carries_private("".join(e))]
    scratch = path.with_name(path.name + ".scrub")
    fd = os.open(scratch, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write("".join(kept))
    os.replace(scratch, path)
