"""What a typed text, name or number may be: the limits, and one check for each. Pure.

The edges (the CLI's parameters, file readers) call these where input is parsed,
so a text that can never be valid is refused with exit 2 before anything is
decided or recorded. Each refusal names the limit it applies.
"""

from __future__ import annotations

import re
import unicodedata

from deliberate.i18n import Localized
from deliberate.names import clean
from deliberate.errors import BadInput

MOTION_MAX = 2_000      # characters of a motion, an amendment's words, a ruling
REASON_MAX = 500        # characters of a reason, an answer, a note
TITLE_MAX = 200         # characters of a title, a community's or a project's name
NAME_MAX = 60           # characters of a person's name, after cleaning
MONEY_MAX = 10 ** 12    # yuan: a budget or a cost
EVENT_MAX = 10 ** 12    # the highest event number a command may name

# Direction controls (embeddings, overrides, isolates) make recorded text print in another order.
_DIRECTION = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_WHOLE = re.compile(r"^\s*[+-]?(\d+)(?:\.0*)?\s*$")


def what(kind: str) -> Localized:
    """The word for a kind of text (motion, reason, title, name, ...) in the reader's language."""
    return Localized(f"input.what.{kind}")


def check_text(text: str, limit: int, kind: str) -> str:
    """`text` unchanged, or BadInput: a control character other than a newline, or more than `limit` characters."""
    if not text.isprintable():
        for position, char in enumerate(text, start=1):
            if char == "\n":
                continue
            category = unicodedata.category(char)
            if category == "Cs":
                raise BadInput("input.text.not_utf8", what=what(kind), position=position)
            if category == "Cc" or char in _DIRECTION:
                raise BadInput("input.text.control", what=what(kind), char=f"U+{ord(char):04X}", position=position)
    if len(text) > limit:
        raise BadInput("input.text.too_long", what=what(kind), length=len(text), limit=limit)
    return text


def check_name(name: str, kind: str = "name", limit: int = NAME_MAX) -> str:
    """`name` unchanged, or BadInput: nothing visible left once cleaned, or longer than `limit` once cleaned."""
    for position, char in enumerate(name, start=1):
        if "\ud800" <= char <= "\udfff":  # a byte that was not UTF-8, smuggled in by the shell
            raise BadInput("input.text.not_utf8", what=what(kind), position=position)
    shown = clean(name)
    if not shown:
        raise BadInput("input.name.empty", what=what(kind))
    if len(shown) > limit:
        raise BadInput("input.text.too_long", what=what(kind), length=len(shown), limit=limit)
    return name


def check_distinct(names, kind: str = "name") -> None:
    """BadInput naming the first name typed twice on one line (the same member however typed)."""
    from deliberate.names import name_key

    seen: set[str] = set()
    for name in names:
        key = name_key(name)
        if key in seen:
            raise BadInput("input.name.twice", what=what(kind), name=clean(name))
        seen.add(key)


def money_too_large(text: str) -> bool:
    """True when `text` is a whole number of yuan (in any digits) above MONEY_MAX; never builds a huge int."""
    match = _WHOLE.match(unicodedata.normalize("NFKC", text)) if len(text) < 100_000 else None
    if match is None:
        return len(text) >= 100_000
    digits = match.group(1).lstrip("0")
    return len(digits) > len(str(MONEY_MAX)) or (digits != "" and int(digits) > MONEY_MAX)


def check_money(text: str) -> str:
    """`text` unchanged, or BadInput when it is an amount above MONEY_MAX (other faults are the rules' to say)."""
    if money_too_large(text):
        raise BadInput("input.money.too_large", value=_shorten(text), limit="10^12")
    return text


def check_event_number(text: str) -> int:
    """An event number 1..EVENT_MAX, or BadInput."""
    number = _whole(text, EVENT_MAX)
    if number is None or number < 1:
        raise BadInput("input.event_number", value=_shorten(text), limit="10^12")
    return number


def check_count(text: str) -> int:
    """A count 0..EVENT_MAX (how many events to show, say), or BadInput."""
    number = _whole(text, EVENT_MAX)
    if number is None:
        raise BadInput("input.count", value=_shorten(text), limit="10^12")
    return number


def _whole(text: str, limit: int) -> int | None:
    """`text` as a whole number 0..limit (any digits, full-width too), else None; never builds a huge int."""
    digits = unicodedata.normalize("NFKC", text.strip()) if len(text) < 100 else ""
    if not digits.isascii() or not digits.isdigit() or len(digits.lstrip("0")) > len(str(limit)):
        return None
    number = int(digits)
    return number if number <= limit else None


def _shorten(text: str, keep: int = 24) -> str:
    return text if len(text) <= keep else text[:keep] + f"…({len(text)})"
