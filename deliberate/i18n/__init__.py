"""Messages in zh-CN and en.

Each area of the package keeps its messages in a module of its own,
``deliberate/i18n/messages_<area>.py``, holding ``MESSAGES = {key: {"zh": ..., "en": ...}}``.
They are found by name, so adding an area needs no edit here; a test fails when
a key lacks either language or when two areas define the same key.
"""

from __future__ import annotations

import importlib
import locale
import os
import pkgutil

LANGS = ("zh", "en")
_catalog: dict[str, dict[str, str]] | None = None


def catalog() -> dict[str, dict[str, str]]:
    global _catalog
    if _catalog is None:
        merged: dict[str, dict[str, str]] = {}
        for info in pkgutil.iter_modules(__path__):
            if info.name.startswith("messages_"):
                module = importlib.import_module(f"{__name__}.{info.name}")
                merged.update(module.MESSAGES)
        _catalog = merged
    return _catalog


def t(key: str, lang: str = "zh", /, **params: object) -> str:
    """The message `key` in `lang`, formatted with `params`; the key itself if unknown."""
    entry = catalog().get(key)
    if entry is None:
        return key
    text = entry.get(lang) or entry["zh"]
    return text.format(**params) if params else text


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
