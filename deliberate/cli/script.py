"""`run FILE`: the grammar's lines from a file, one transaction each.

'#' starts a comment; a line `@ TIME` sets the time of the lines after it (for
entering a paper record); `--at` on a line overrides it for that line. A line
that begins with `!` is expected to be refused (a training script, the demo):
its refusal is shown and the script goes on; if it is recorded instead, the
script stops there.
"""

from __future__ import annotations

import re
from pathlib import Path

import click

from deliberate.cli.context import DONE, REFUSED, current, invoke
from deliberate.errors import BadInput

NOT_IN_SCRIPTS = {"console", "run", "demo", "serve", "booth"}  # these wait for people


LONGEST_LINE = 64 * 1024  # bytes of one line in a script: a motion is at most a few KB
_SPACES = " \t\r\n"
_PLAIN = re.compile(r"[^ \t\r\n#\\'\"]+")   # a run of a word outside quotes
_IN_DOUBLE = re.compile(r'[^"\\]+')           # a run inside double quotes


def split_line(line: str) -> list[str]:
    """One line of the grammar as words, as a POSIX shell splits them (shlex, posix, whitespace_split).

    Quotes, backslash escapes and '#' comments; one pass over the line, so a long
    line takes linear time (shlex grows each word a character at a time).
    """
    words: list[str] = []
    parts: list[str] = []
    started = False  # a word has begun (an empty pair of quotes begins one)
    i, n = 0, len(line)
    try:
        while i < n:
            char = line[i]
            if char in _SPACES or char == "#":
                if started:
                    words.append("".join(parts))
                    parts, started = [], False
                if char == "#":  # a comment: to the end of the line
                    end = line.find("\n", i)
                    i = n if end < 0 else end + 1
                else:
                    i += 1
            elif char == "\\":
                if i + 1 >= n:
                    raise ValueError("No escaped character")
                parts.append(line[i + 1])
                started, i = True, i + 2
            elif char == "'":
                end = line.find("'", i + 1)
                if end < 0:
                    raise ValueError("No closing quotation")
                parts.append(line[i + 1:end])
                started, i = True, end + 1
            elif char == '"':
                started, i = True, i + 1
                while True:
                    run = _IN_DOUBLE.match(line, i)
                    if run:
                        parts.append(run.group())
                        i = run.end()
                    if i >= n:
                        raise ValueError("No closing quotation")
                    if line[i] == '"':
                        i += 1
                        break
                    if i + 1 >= n:  # a backslash last
                        raise ValueError("No escaped character")
                    escaped = line[i + 1]
                    parts.append(escaped if escaped in '\\"' else "\\" + escaped)
                    i += 2
            else:
                run = _PLAIN.match(line, i)
                parts.append(run.group())
                started, i = True, run.end()
    except ValueError as exc:
        raise BadInput("input.bad_quoting", why=str(exc)) from None
    if started:
        words.append("".join(parts))
    return words


def read_script(path: str) -> list[str]:
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise BadInput("script.unreadable", file=path, why=exc.strerror or str(exc)) from exc
    from deliberate.roster_csv import decode

    return decode(data, path).splitlines()


def run_lines(session, lines: list[str], source: str, keep_going: bool = False,
              start: int = 1, echo: bool = False) -> tuple[int, int, int]:
    """Run `lines` from line `start` (the `@ TIME` lines before it still set the clock);
    return (exit code, lines run, lines refused). `echo` (the demo's) shows each line before its result."""
    from deliberate import clock
    from deliberate.cli.main import root

    session.interactive = True
    first_failure, ran, failed = DONE, 0, 0
    for number, raw in enumerate(lines, start=1):
        stripped = raw.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if number < start and not stripped.startswith("@"):
            continue
        if len(raw) > LONGEST_LINE // 4 and len(raw.encode("utf-8", "surrogatepass")) > LONGEST_LINE:
            from deliberate.cli.context import BAD_INPUT, report

            report(session, BAD_INPUT, "input", "script.line_too_long",
                   {"file": source, "line": number, "limit": LONGEST_LINE // 1024}, None)
            failed += 1
            first_failure = first_failure or BAD_INPUT
            if not keep_going:
                break
            continue
        if echo and not session.json:
            session.echo(f"› {stripped}")
        expect_refusal = stripped.startswith("!")
        if expect_refusal:
            stripped = stripped[1:].strip()
        try:
            if stripped.startswith("@"):
                session.clock = clock.parse_at(stripped[1:])
                continue
            words = split_line(stripped)
            if words and words[0] in NOT_IN_SCRIPTS:
                raise BadInput("script.not_in_script", verb=words[0])
        except BadInput as bad:
            from deliberate.cli.context import BAD_INPUT, report

            code = report(session, BAD_INPUT, "input", bad.key, bad.params, bad.hint_key)
        else:
            if not words:
                continue
            if _already_made(session, words):
                session.echo(session.t("script.init_skipped", line=number, name=words[1]), err=True)
                continue
            ran += 1
            code = invoke(root, words, session)
            if expect_refusal:
                if code == REFUSED:
                    session.echo(session.t("script.refused_as_expected", line=number), err=True)
                    continue
                if code == DONE:
                    session.echo(session.t("script.not_refused", file=source, line=number, text=stripped), err=True)
                    code = REFUSED
        if code != DONE:
            failed += 1
            first_failure = first_failure or code
            shown = stripped if len(stripped) <= 80 else stripped[:80] + "…"
            where = session.t("script.at_line", file=source, line=number, text=shown)
            session.echo(where, err=True)
            if not keep_going:
                break
    return first_failure, ran, failed


@click.command()
@click.argument("script_file", type=click.Path(dir_okay=False))
@click.option("--keep-going", is_flag=True, help="遇到拒绝继续执行 / go on after a refused line")
@click.option("--check", is_flag=True, help="只检查，不记录：列出每一行会被拒绝的行 / decide every line on a copy, record nothing")
@click.option("--from", "start", type=int, default=1, metavar="LINE", help="从第几行开始（修正后续跑）/ resume at this line")
def run(script_file, keep_going, check, start):
    """执行脚本 / Run the grammar's lines from a file: stops at the first refused line.

    \b
    run --check meeting.txt      每一行对照当前记录的副本判定，不记录任何内容 / decided on a copy, nothing recorded
    run --from 12 meeting.txt    从第 12 行续跑 / resume at line 12 after a fix
    """
    session = current()
    lines = read_script(script_file)
    if check:
        _check(session, lines, script_file, start)
        return
    code, ran, failed = run_lines(session, lines, script_file, keep_going, start)
    if not session.json:
        session.echo(session.t("script.summary", ran=ran, failed=failed), err=True)
    if code != DONE:
        raise click.exceptions.Exit(code)


def _already_made(session, words: list[str]) -> bool:
    """`init NAME` against a database that already holds the community NAME: nothing to do."""
    if words[0] != "init" or len(words) < 2 or not session.db_path.exists():
        return False
    from deliberate.names import clean

    try:
        community = session.app().state.community
    except Exception:  # noqa: BLE001 - not our database: let init say so
        return False
    return community is not None and clean(community) == clean(words[1])


def _check(session, lines: list[str], source: str, start: int) -> None:
    """Every line decided against a copy of the record (a scratch database), nothing recorded here."""
    import shutil
    import sqlite3
    import tempfile
    from pathlib import Path as _Path

    with tempfile.TemporaryDirectory(prefix="deliberate-check-") as scratch:
        copy = _Path(scratch) / "check.db"
        if session.db_path.exists():
            source_db = sqlite3.connect(f"file:{session.db_path}?mode=ro", uri=True)
            target = sqlite3.connect(copy)
            try:
                source_db.backup(target)
            finally:
                target.close()
                source_db.close()
            key = _Path(str(session.db_path) + ".key")
            if key.exists():
                shutil.copy2(key, _Path(str(copy) + ".key"))
        real, session.db_path = session.db_path, copy
        shown = session.out
        if not session.json:  # a check shows what would be refused, not what each line would have done
            import io

            session.out = io.StringIO()
        session.close()
        try:
            code, ran, failed = run_lines(session, lines, source, keep_going=True, start=start)
        finally:
            session.close()
            session.db_path, session.out = real, shown
    if not session.json:
        session.echo(session.t("script.check_summary", ran=ran, failed=failed), err=True)
    else:
        session.echo(__import__("deliberate.cli.context", fromlist=["dumps"]).dumps(
            {"ok": failed == 0, "checked": ran, "refused": failed}))
    if code != DONE:
        raise click.exceptions.Exit(code)
