"""The `deliberate` command: the root of the one grammar.

Commands live in modules of their own and are imported only when used, so
`deliberate --help` and one-shot actions start fast.
"""

from __future__ import annotations

import importlib
import sys

import click

from deliberate.cli.context import BAD_INPUT, invoke, report, session_from, split_globals
from deliberate.cli.help_words import HostContext, localize
from deliberate.errors import BadInput

# verb -> "module:attribute"; the module is imported only when the verb is used.
COMMANDS = {
    "init": "deliberate.cli.community:init",
    "member": "deliberate.cli.community:member",
    "rules": "deliberate.cli.community:rules_group",
    "meeting": "deliberate.cli.meeting:meeting",
    "attend": "deliberate.cli.meeting:attend",
    "depart": "deliberate.cli.meeting:depart",
    "quorum": "deliberate.cli.meeting:quorum_command",
    "state": "deliberate.cli.meeting:state_command",
    "log": "deliberate.cli.meeting:log_command",
    "undo": "deliberate.cli.corrections:undo",
    "correct": "deliberate.cli.corrections:correct",
    "console": "deliberate.cli.console:console",
    "run": "deliberate.cli.script:run",
    "demo": "deliberate.cli.demo:demo",
    "agenda": "deliberate.cli.agenda:agenda",
    # motions (the chart, the stack, votes, rulings)
    "motions": "deliberate.cli.motions:motions",
    "move": "deliberate.cli.motions:move",
    "second": "deliberate.cli.motions:second",
    "amend": "deliberate.cli.motions:amend",
    "motion": "deliberate.cli.motions:motion",
    "withdraw": "deliberate.cli.motions:withdraw",
    "vote": "deliberate.cli.motions:vote",
    "ruling": "deliberate.cli.motions:ruling",
    "appeal": "deliberate.cli.motions:appeal",
    # the floor (hands, the queue, speeches, the chair)
    "hand": "deliberate.cli.floor:hand",
    "queue": "deliberate.cli.floor:queue",
    "recognize": "deliberate.cli.floor:recognize",
    "speak": "deliberate.cli.floor:speak",
    "yield": "deliberate.cli.floor:yield_floor",
    "chair": "deliberate.cli.floor:chair",
    "order": "deliberate.cli.floor:order",
    # budgets and ballots
    "ballot": "deliberate.cli.ballot:ballot",
    "project": "deliberate.cli.ballot:project",
    "budget": "deliberate.cli.ballot:budget",
    "poll": "deliberate.cli.polls:poll",
    "slips": "deliberate.cli.polls:slips",
    "cast": "deliberate.cli.polls:cast",
    "booth": "deliberate.cli.polls:booth",
    "receipt": "deliberate.cli.polls:receipt",
    "serve": "deliberate.cli.polls:serve",
    "verify": "deliberate.cli.ledger:verify",
    "checkpoint": "deliberate.cli.ledger:checkpoint",
    "seal": "deliberate.cli.ledger:seal",
    "proof": "deliberate.cli.ledger:proof",
    "key": "deliberate.cli.ledger:key",
    "public-copy": "deliberate.cli.public_copy:public_copy",
    # the record as minutes, and the published site
    "decisions": "deliberate.cli.minutes:decisions",
    "speakers": "deliberate.cli.minutes:speakers",
    "minutes": "deliberate.cli.minutes:minutes",
    "publish": "deliberate.cli.publish:publish",
    # projections of the log (view_* tables) and export to a spreadsheet
    "tables": "deliberate.cli.export:tables",
    "export": "deliberate.cli.export:export",
}


class LazyGroup(click.Group):
    context_class = HostContext  # click's help words in the host's language
    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, obj=None, **extra):
        if obj is None:
            # Called from outside (the shell, click's test runner): one line of the grammar,
            # with global options anywhere and failures mapped to exit codes.
            code = main(list(sys.argv[1:] if args is None else args))
            if standalone_mode:
                sys.exit(code)
            return code
        return super().main(args, prog_name, complete_var, standalone_mode, obj=obj, **extra)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [name for name in COMMANDS if self.get_command(ctx, name) is not None]

    def aliases(self) -> list[str]:
        """The Chinese names of the verbs that are here (deliberate.cli.verbs)."""
        from deliberate.cli.verbs import ALIASES

        return [alias for alias, verb in ALIASES.items() if verb in COMMANDS]

    def resolve_command(self, ctx: click.Context, args: list[str]):
        from deliberate.cli.verbs import resolve

        if args:
            args = [resolve(args[0]), *args[1:]]  # 签到 王芳 is attend 王芳
        return super().resolve_command(ctx, args)

    def format_commands(self, ctx: click.Context, formatter) -> None:
        super().format_commands(ctx, formatter)
        from deliberate.cli.verbs import aliases_of

        rows = [(verb, " ".join(aliases_of(verb))) for verb in self.list_commands(ctx) if aliases_of(verb)]
        if rows:
            with formatter.section("中文命令 / Chinese verbs"):
                formatter.write_dl(rows)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        from deliberate.cli.verbs import resolve

        target = COMMANDS.get(resolve(name))
        if target is None:
            return None
        module_name, _, attribute = target.partition(":")
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name == module_name:  # an area that has not landed yet
                return None
            raise
        command = getattr(module, attribute, None)
        return localize(command) if command is not None else None


CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


@click.group(cls=LazyGroup, context_settings=CONTEXT)
@click.option("--db", metavar="PATH", help="数据库文件 / the database (default ./deliberate.db or $DELIBERATE_DB)")
@click.option("--lang", type=click.Choice(["zh", "en"]), help="语言 / language (default: from the locale)")
@click.option("--json", "json_", is_flag=True, help="以 JSON 回答 / answer in JSON, errors included")
@click.option("--at", metavar="TIME", help="事件时间 (ISO 8601) / when it happened, to enter a paper record")
@click.version_option(package_name="deliberate")
def root(db, lang, json_, at):
    """deliberate: 按罗伯特议事规则开会、表决、公示会议纪要。
    Run a fair council meeting under Robert's Rules, vote, publish the minutes.

    \b
    全局选项可放在动词前后 / global options go before or after the verb.
    退出码 / exit codes: 0 完成 done · 1 规则拒绝 refused · 2 输入有误 bad input · 3 完整性校验失败 integrity.
    """


def main(args: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if args is None else args)
    try:
        found, _ = split_globals(args)
        session = session_from(found)
    except BadInput as bad:
        from deliberate.cli.context import Session
        from pathlib import Path

        fallback = Session(db_path=Path("deliberate.db"), lang="zh" if "zh" in args else "en",
                           json="--json" in args)
        return report(fallback, BAD_INPUT, "input", bad.key, bad.params, bad.hint_key)
    try:
        return invoke(root, args, session)
    finally:
        session.close()


def entry() -> None:
    sys.exit(main())
