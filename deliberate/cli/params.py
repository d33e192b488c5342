"""Parameter types for the click commands: a typed text is checked where it is parsed.

`type=NAME`, `type=MOTION`, ... on an argument or option refuses, with exit 2 and
one line naming the limit, a text that can never be valid (deliberate.texts).
The value passed on is the text as typed: the core cleans and decides.
"""

from __future__ import annotations

import click

from deliberate import texts


class _Checked(click.ParamType):
    def __init__(self, name: str, check):
        self.name = name
        self._check = check

    def convert(self, value, param, ctx):
        if value is None or not isinstance(value, str):
            return value
        if value == "" and param is not None and not param.required:
            return value  # an optional text left out
        return self._check(value)


# Named "text" like click's own string type, so the help shows the same metavars as before.
NAME = _Checked("text", lambda v: texts.check_name(v, "name"))
MOTION = _Checked("text", lambda v: texts.check_text(v, texts.MOTION_MAX, "motion"))
REASON = _Checked("text", lambda v: texts.check_text(v, texts.REASON_MAX, "reason"))
TITLE = _Checked("text", lambda v: texts.check_text(v, texts.TITLE_MAX, "title"))
def _money(text: str) -> str:
    """An amount as people write it (8万, 8.5万, 80,000, ８０，０００) as whole yuan in digits, then checked."""
    from deliberate.amounts import normalize

    return texts.check_money(normalize(text))


MONEY = _Checked("text", _money)
EVENT_NUMBER = _Checked("integer", texts.check_event_number)
COUNT = _Checked("integer", texts.check_count)
