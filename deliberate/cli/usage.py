"""click's usage errors in the host's language, with a "did you mean" for verbs and options.

click words its errors in English; `words(session, usage)` maps each kind it raises
(no such command, no such option, a missing or bad parameter, extra arguments) to a
catalog message that keeps the original detail (the name typed, the value given).
"""

from __future__ import annotations

import difflib
import re

import click

_NO_SUCH_COMMAND = re.compile(r"No such command '([^']+)'")
_EXTRA = re.compile(r"Got unexpected extra arguments? \((.*)\)")
_NEEDS_VALUE = re.compile(r"Option '(.+)' requires an? (?:argument|arguments)")


def closest(word: str, candidates) -> str | None:
    """The candidate `word` was most likely a misspelling of, if any is close."""
    cutoff = 0.6 if word.isascii() else 0.5  # two Chinese characters, one wrong, are half alike
    found = difflib.get_close_matches(word, list(candidates), n=1, cutoff=cutoff)
    return found[0] if found else None


def _verbs(ctx) -> list[str]:
    command = getattr(ctx, "command", None) if ctx is not None else None
    if not isinstance(command, click.Group):
        return []
    names = list(command.list_commands(ctx))
    aliases = getattr(command, "aliases", None)
    if callable(aliases):
        names += list(aliases())
    return names


def _param_name(param) -> str:
    if param is None:
        return "?"
    if isinstance(param, click.Option):
        return max(param.opts, key=len)
    return param.human_readable_name


def words(session, usage: click.ClickException) -> str:
    """The usage error `usage` as one message (or two lines, with a suggestion) in session.lang."""
    t = session.t
    ctx = getattr(usage, "ctx", None)
    detail = usage.format_message()
    if isinstance(usage, click.NoSuchOption):
        text = t("usage.no_such_option", option=usage.option_name)
        guess = usage.possibilities[0] if usage.possibilities else closest(
            usage.option_name, [o for p in (ctx.command.params if ctx else ()) for o in getattr(p, "opts", ())])
        return _with_guess(t, text, guess)
    if isinstance(usage, click.MissingParameter):
        param = usage.param
        key = "usage.missing_option" if isinstance(param, click.Option) else "usage.missing_argument"
        return t(key, param=_param_name(param))
    if isinstance(usage, click.BadParameter):
        return _bad_parameter(t, usage)
    found = _NO_SUCH_COMMAND.search(detail)
    if found:
        name = found.group(1)
        return _with_guess(t, t("usage.no_such_command", name=name), closest(name, _verbs(ctx)))
    found = _NEEDS_VALUE.search(detail)
    if found:
        return t("usage.option_needs_value", option=found.group(1))
    found = _EXTRA.search(detail)
    if found:
        return t("usage.extra_arguments", extra=found.group(1))
    return t("usage.other", detail=detail)


def _with_guess(t, text: str, guess: str | None) -> str:
    if not guess:
        return text
    # one sentence in Chinese (没有“atend”这个命令，您是不是要输入 attend？), two in English
    if text.endswith("。"):
        return text[:-1] + "，" + t("usage.did_you_mean", suggestion=guess)
    return text + " " + t("usage.did_you_mean", suggestion=guess).capitalize()


def _bad_parameter(t, usage: click.BadParameter) -> str:
    param = usage.param
    name = usage.param_hint if isinstance(usage.param_hint, str) else _param_name(param)
    name = name.strip("'\"") if name else _param_name(param)
    value = _value_of(usage)
    kind = getattr(param, "type", None)
    if isinstance(kind, click.Choice) and value is not None:
        return t("usage.bad_choice", param=name, value=value, choices=", ".join(map(str, kind.choices)))
    if isinstance(kind, (click.types.IntParamType, click.types.FloatParamType)) and value is not None:
        return t("usage.not_a_number", param=name, value=value)
    if isinstance(kind, click.Path) and value is not None and "does not exist" in usage.message:
        return t("usage.no_file", param=name, value=value)
    return t("usage.bad_value", param=name, detail=usage.message)


def _value_of(usage: click.BadParameter) -> str | None:
    found = re.search(r"'([^']*)'", usage.message)
    return found.group(1) if found else None
