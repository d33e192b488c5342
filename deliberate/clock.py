"""Times as the log keeps them: ISO 8601 with the local offset, to the millisecond.

Only the edges read the clock (`now`); the core compares recorded times (`instant`).
"""

from __future__ import annotations

from datetime import datetime

from deliberate.refusal import BadInput
from deliberate.times import instant, seconds_between  # noqa: F401  (the pure half, re-exported)


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
