"""Messages in zh-CN and en.

Each area of the package keeps its messages in a module of its own,
``deliberate/i18n/messages_<area>.py``, holding ``MESSAGES = {key: {"zh": ..., "en": ...}}``.
`AREAS` lists them (a test fails when a file is missing from it), a test fails when
a key lacks either language or when two areas define the same key.
"""

from __future__ import annotations

import importlib
import locale
import os

LANGS = ("zh", "en")
# The message modules, messages_<area>.py, loaded together on the first message.
AREAS = ("core", "input", "privacy", "floor", "motions", "budget", "ballots", "ledger", "narrate", "minutes",
         "site", "export", "evening")
_catalog: dict[str, dict[str, str]] | None = None


def catalog() -> dict[str, dict[str, str]]:
    global _catalog
    if _catalog is None:
        merged: dict[str, dict[str, str]] = {}
        for area in AREAS:
            merged.update(importlib.import_module(f"{__name__}.messages_{area}").MESSAGES)
        _catalog = merged
    return _catalog


def t(key: str, lang: str = "zh", /, **params: object) -> str:
    """The message `key` in `lang`, formatted with `params`; the key itself if unknown.

    A parameter that renders itself (`Localized`, `Words`) is rendered in the same language.
    """
    entry = catalog().get(key)
    if entry is None:
        return key
    text = entry.get(lang) or entry["zh"]
    if not params:
        return text
    if lang == "en":
        text = _one_in_the_singular(text, params)
    shown = {k: v.render(lang) if callable(getattr(v, "render", None)) else v for k, v in params.items()}
    return text.format(**shown)


# English counts: "1 ballot", not "1 ballots". The nouns a message counts, and their singulars; only the
# message's own words change, never a parameter's (a motion's text is shown as typed).
_SINGULAR = {
    "ballots": "ballot", "cells": "cell", "characters": "character", "codes": "code", "communities": "community",
    "events": "event", "fields": "field", "files": "file", "leaves": "leaf", "levels": "level", "lines": "line",
    "meetings": "meeting", "members": "member", "minutes": "minute", "phones": "phone", "projects": "project",
    "questions": "question", "rows": "row", "times": "time", "votes": "vote",
}
_COUNTED = None


def _one_in_the_singular(text: str, params: dict) -> str:
    global _COUNTED
    if _COUNTED is None:
        import re

        _COUNTED = re.compile(r"\{(\w+)\} (" + "|".join(_SINGULAR) + r")\b")
    return _COUNTED.sub(lambda m: f"{{{m.group(1)}}} {_SINGULAR[m.group(2)]}"
                        if str(params.get(m.group(1))) == "1" else m.group(0), text)


class Localized(str):
    """A message to be shown inside another one, in whichever language that one is shown.

    As a plain string it is the English text, so logs and tests can read it.
    """

    def __new__(cls, key: str, /, **params: object) -> "Localized":
        text = super().__new__(cls, t(key, "en", **params))
        text.key, text.params = key, params
        return text

    def render(self, lang: str) -> str:
        return t(self.key, lang, **self.params)


class Words(str):
    """Words that are not a catalog message but exist in both languages (a motion's name in the
    chart, a statement worded from the record), shown in the language of the message around them.

    As a plain string it is the Chinese text.
    """

    def __new__(cls, zh: str, en: str) -> "Words":
        text = super().__new__(cls, zh)
        text.zh, text.en = zh, en
        return text

    def render(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh

    def __reduce__(self):
        return (Words, (self.zh, self.en))


def listed(items) -> Words:
    """A list of names or words as each language writes one: 王芳、陈静 / 王芳, 陈静."""
    items = [str(item) for item in items]
    return Words("、".join(items), ", ".join(items))


def default_lang() -> str:
    """zh when the locale is Chinese, else en; DELIBERATE_LANG overrides."""
    chosen = os.environ.get("DELIBERATE_LANG")
    if chosen in LANGS:
        return chosen
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    try:
        name = locale.getlocale()[0] or ""
    except ValueError:
        name = ""
    return "zh" if name.lower().startswith("zh") else "en"
