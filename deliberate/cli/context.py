"""The one grammar's plumbing: global options, the session, and exit codes.

A shell command, a console line and a script line all go through `invoke`:
global options are taken from anywhere on the line, the rest is parsed by the
one click group, and every failure becomes one message and one exit code:
0 done, 1 refused by the rules, 2 bad usage or input, 3 integrity check failed.
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from deliberate.errors import BadInput, IntegrityError, Refused

if TYPE_CHECKING:
    from deliberate.refusal import Refusal

DONE, REFUSED, BAD_INPUT, INTEGRITY = 0, 1, 2, 3
GLOBAL_VALUE_OPTIONS = ("--db", "--lang", "--at")
GLOBAL_FLAGS = ("--json",)


@dataclass
class Session:
    """What every command can reach: the database, the language, JSON or text, the time."""

    db_path: Path
    lang: str
    json: bool = False
    at: str | None = None           # --at for this line only
    clock: str | None = None        # a script's running time ("@ TIME" lines)
    interactive: bool = False       # inside console or run: keep the app open
    out: Any = None                 # where text goes (defaults to stdout)
    _app: Any = None
    extras: dict = field(default_factory=dict)

    # -- the database ----------------------------------------------------
    def app(self):
        """The open application (state loaded); kept open across lines in console and run."""
        if self._app is None:
            from deliberate.app import open_app

            self._app = open_app(self.db_path, on_warning=self.warn_unsigned)
        return self._app

    def warn_unsigned(self, problem) -> None:
        """A meeting closed but no checkpoint could be signed (a lost or wrong key file)."""
        why = self.t(problem.key, **problem.params)
        self.echo(self.t("ledger.checkpoint_skipped", why=why), err=True)

    def store(self):
        return self.app().store

    def close(self) -> None:
        if self._app is not None:
            self._app.close()
            self._app = None

    def now(self) -> str:
        """The time of the action: --at, else the script's clock, else the wall clock when it is recorded."""
        from deliberate import clock

        if self.at is not None:  # an empty --at is an error, not "now"
            return clock.parse_at(self.at)
        if self.clock:
            return self.clock
        return clock.LIVE  # the app reads the clock inside the write lock

    # -- output -------------------------------------------------------------
    def t(self, key: str, /, **params: Any) -> str:
        from deliberate.i18n import t

        return t(key, self.lang, **params)

    def join(self, items) -> str:
        """A list as the host's language writes one: 王芳、陈静 / 王芳, 陈静."""
        return ("、" if self.lang == "zh" else ", ").join(items)

    def emit(self, data: dict, text: str) -> None:
        if self.json:
            self.echo(dumps({"ok": True, **data}))
        elif text:
            self.echo(text)

    def echo(self, text: str, err: bool = False) -> None:
        click.echo(text, file=self.out if (self.out and not err) else (sys.stderr if err else None))


def dumps(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, default=_jsonable)


def _jsonable(value: Any) -> Any:
    from msgspec import Struct  # the domain's plain data

    if isinstance(value, Struct):
        from msgspec.structs import asdict

        return asdict(value)  # json.dumps comes back here for the values inside
    if hasattr(value, "__dataclass_fields__"):  # an edge's plain data
        from dataclasses import asdict

        return asdict(value)
    if isinstance(value, (set, tuple)):
        return list(value)
    return str(value)


def split_globals(args: list[str]) -> tuple[dict[str, Any], list[str]]:
    """Take the global options from anywhere in `args` (before or after the verb).

    Everything after a bare `--` is left alone, so a motion text may start with dashes.
    """
    found: dict[str, Any] = {}
    rest: list[str] = []
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--":
            rest.extend(args[i:])
            break
        name, eq, value = arg.partition("=")
        if name in GLOBAL_VALUE_OPTIONS:
            if not eq:
                if i + 1 >= len(args):
                    raise BadInput("input.option_needs_value", option=name)
                value = args[i + 1]
                i += 1
            found[name[2:]] = value
            found.setdefault(name[2:] + "_all", []).append(value)  # publish takes every --db
        elif arg in GLOBAL_FLAGS:
            found[arg[2:]] = True
        else:
            rest.append(arg)
        i += 1
    return found, rest


def session_from(found: dict[str, Any]) -> Session:
    from deliberate.i18n import default_lang

    lang = found.get("lang") or default_lang()
    if lang not in ("zh", "en"):
        raise BadInput("input.bad_lang", value=lang)
    db = found.get("db") or os.environ.get("DELIBERATE_DB") or "deliberate.db"
    return Session(db_path=Path(db), lang=lang, json=bool(found.get("json")), at=found.get("at"))


def invoke(root: click.Group, args: list[str], session: Session) -> int:
    """Run one line of the grammar against `session`; return its exit code."""
    saved = (session.lang, session.json, session.at)
    try:
        found, rest = split_globals(args)
        if "db" in found and session.interactive and Path(found["db"]) != session.db_path:
            raise BadInput("input.db_in_session")
        session.lang = found.get("lang", session.lang)
        session.json = session.json or bool(found.get("json"))
        session.at = found.get("at")
        session.extras["dbs"] = found.get("db_all", [])
        outcome = _click(root, rest, session)
        return outcome if isinstance(outcome, int) else DONE
    except Refused as refused:
        return report_refusal(session, refused.refusal)
    except BadInput as bad:
        return report(session, BAD_INPUT, "input", bad.key, bad.params, bad.hint_key)
    except IntegrityError as broken:
        return report(session, INTEGRITY, "integrity", broken.key, broken.params, None)
    except sqlite3.OperationalError as exc:
        # Locked, read-only or vanished: the action did not happen, and says why.
        key = "store.busy" if "locked" in str(exc) or "busy" in str(exc) else "store.readonly"
        return report(session, BAD_INPUT, "input", key, {"path": session.db_path, "why": exc}, None)
    except click.exceptions.Exit as done:
        return done.exit_code
    except click.ClickException as usage:
        return report_usage(session, usage)
    except click.exceptions.Abort:
        return BAD_INPUT
    finally:
        # a line's own --lang, --json and --at last for that line only (and its error report)
        session.lang, session.json, session.at = saved


def _click(root: click.Group, rest: list[str], session: Session) -> Any:
    """Parse and run the verb in `rest`. The global options are already taken out, so the group itself
    has nothing to parse: the verb's command runs under one root context kept for the session (parsing
    the group again for every line of a `run` cost about a third of its time)."""
    if not rest or rest[0].startswith("-"):  # --help or --version: the group answers itself
        # click returns a command's Exit code instead of raising it when not standalone
        return root.main(args=rest, prog_name="deliberate", obj=session, standalone_mode=False)
    parent = session.extras.get("root_context")
    if parent is None:
        parent = session.extras["root_context"] = click.Context(root, info_name="deliberate", obj=session,
                                                               **root.context_settings)
    with parent:
        name, command, args = root.resolve_command(parent, rest)
        with command.make_context(name, args, parent=parent) as ctx:
            return command.invoke(ctx)


def report_refusal(session: Session, refusal: Refusal) -> int:
    problems = refusal.params.get("problems")
    message = refusal.message(session.lang)
    if problems:
        message += "\n" + "\n".join(_problem_line(session, p) for p in problems)
    hint = refusal.hint(session.lang)
    causes = [{"rule": cause.rule, "message": cause.message(session.lang)} for cause in refusal.causes()]
    for cause in refusal.causes():  # every other rule the same action breaks, on a line of its own
        message += "\n  " + session.t("refusal.also", rule=cause.rule, message=cause.message(session.lang))
        more = cause.hint(session.lang)
        if more not in hint:  # two causes may share a hint
            hint = "\n  ".join(h for h in (hint, more) if h)
    return _report(session, REFUSED, refusal.rule, message, hint, problems, causes)


def _problem_line(session: Session, problem) -> str:
    where = session.t("roster.row", row=problem.row) if problem.row else ""
    return f"  {where}{problem.name}: {session.t(problem.reason, **problem.params)}"


def report(session: Session, code: int, rule: str, key: str, params: dict, hint_key: str | None) -> int:
    from deliberate.i18n import catalog

    message = session.t(key, **params)
    hint = session.t(hint_key, **params) if hint_key else ""
    if not hint and key + ".hint" in catalog():
        hint = session.t(key + ".hint", **params)
    return _report(session, code, key if rule == "input" else rule, message, hint)


def report_usage(session: Session, usage: click.ClickException) -> int:
    from deliberate.cli.usage import words

    ctx = getattr(usage, "ctx", None)
    if isinstance(usage, click.exceptions.NoArgsIsHelpError):  # a group alone (`meeting`): its help
        if not session.json:
            session.echo(usage.format_message(), err=True)
            return BAD_INPUT
        message = session.t("input.command_needed", command=ctx.command_path)
    else:
        message = words(session, usage)  # click's English, in the host's language
    hint = session.t("input.usage_hint", command=ctx.command_path if ctx else "deliberate")
    return _report(session, BAD_INPUT, "usage", message, hint)


def _report(session: Session, code: int, rule: str, message: str, hint: str, problems=None, causes=()) -> int:
    if session.json:
        data = {"ok": False, "rule": rule, "message": message, "hint": hint}
        if causes:
            data["causes"] = list(causes)  # every other rule the action breaks: {"rule", "message"}
        if problems:
            data["problems"] = [
                {"row": p.row, "name": p.name, "why": session.t(p.reason, **p.params)} for p in problems
            ]
        session.echo(dumps(data))
    else:
        label = session.t("label.refused" if code == REFUSED else "label.error")
        session.echo(f"{label} [{rule}] {message}" if code == REFUSED else f"{label}: {message}", err=True)
        if hint:
            session.echo(f"  {hint}", err=True)
    return code


def current() -> Session:
    return click.get_current_context().obj
