"""Times as the log keeps them: ISO 8601 with the local offset, to the millisecond.

Only the edges read the clock (`now`); the core compares recorded times (`instant`).
"""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache

from deliberate.refusal import BadInput


def now() -> str:
    return datetime.now().astimezone().isoformat(timespec="milliseconds")


def parse_at(text: str) -> str:
    """`--at` text as a log time; a time without an offset is taken as local time."""
    try:
        moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError as exc:
        raise BadInput("input.bad_time", value=text) from exc
    if moment.tzinfo is None:
        moment = moment.astimezone()
    return moment.isoformat(timespec="milliseconds")


@lru_cache(maxsize=4096)
def instant(at: str) -> datetime:
    return datetime.fromisoformat(at)


def seconds_between(start: str, end: str) -> float:
    return (instant(end) - instant(start)).total_seconds()
