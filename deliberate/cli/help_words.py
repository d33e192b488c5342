"""click's own help words in the host's language: the usage prefix, the headings, its option texts.

The commands' help is written in both languages already; click adds `Usage:`, `Options`,
`Commands` and `Show this message and exit.` in English. Every command runs in a `HostContext`
(set by `localize`, as the CLI loads it), whose formatter says those words in the session's language.
"""

from __future__ import annotations

import click

# click's words, as its help shows them, and how a Chinese reader sees them.
CLICK_WORDS_ZH = {
    "Options": "选项",
    "Commands": "命令",
    "Arguments": "参数",
    "Show this message and exit.": "显示本帮助并退出。",
    "Show the version and exit.": "显示版本并退出。",
    "[required]": "[必填]",
    "[default: ": "[默认：",
}


class HostHelpFormatter(click.HelpFormatter):
    """click's formatter, saying click's own words in `lang`."""

    def __init__(self, lang: str, **kwargs):
        super().__init__(**kwargs)
        self.lang = lang

    def _words(self, text: str) -> str:
        if self.lang != "zh":
            return text
        for english, chinese in CLICK_WORDS_ZH.items():
            text = text.replace(english, chinese)
        return text

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        if prefix is None:
            prefix = "用法：" if self.lang == "zh" else "Usage: "
        super().write_usage(prog, args, prefix)

    def write_heading(self, heading: str) -> None:
        colon = "：" if self.lang == "zh" else ":"
        self.write(f"{'':>{self.current_indent}}{self._words(heading)}{colon}\n")

    def write_dl(self, rows, col_max: int = 30, col_spacing: int = 2) -> None:
        super().write_dl([(term, self._words(text)) for term, text in rows], col_max, col_spacing)


class HostContext(click.Context):
    """A context whose help is formatted in the session's language (its `obj`)."""

    def make_formatter(self) -> click.HelpFormatter:
        return HostHelpFormatter(getattr(self.obj, "lang", "en"), width=self.terminal_width,
                                 max_width=self.max_content_width)


def localize(command: click.Command) -> click.Command:
    """`command`, and every command under it, run in a HostContext."""
    command.context_class = HostContext
    for sub in getattr(command, "commands", {}).values():
        localize(sub)
    return command
