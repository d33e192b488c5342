"""Times as the log keeps them: ISO 8601 with the local offset, to the millisecond.

Only the edges read the clock (`now`); the core compares recorded times (`instant`).
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from deliberate.errors import BadInput
from deliberate.times import instant, seconds_between  # noqa: F401  (the pure half, re-exported)


# The time of a live action: the app reads the clock inside the write lock, so a
# second writer (the ballot server, another console) never makes it look out of order.
LIVE = "live"


def now() -> str:
    return datetime.now().astimezone().isoformat(timespec="milliseconds")


# A recorded time lies between these: a paper record is never in the future, but the
# computer's clock may be a little behind the one on the wall.
EARLIEST_YEAR = 1970
AHEAD = timedelta(minutes=10)


def parse_at(text: str) -> str:
    """`--at` text as a log time; a time without an offset is taken as local time.

    BadInput (exit 2) when it is empty, unreadable, before 1970 or more than ten
    minutes ahead of the computer's clock.
    """
    stripped = text.strip()
    if not stripped:
        raise BadInput("input.time.empty")
    shown = stripped if len(stripped) <= 40 else stripped[:40] + "…"
    try:
        moment = datetime.fromisoformat(stripped.replace("Z", "+00:00"))
    except ValueError as exc:
        raise BadInput("input.bad_time", value=shown) from exc
    if moment.year < EARLIEST_YEAR:
        raise BadInput("input.time.too_early", value=shown)
    try:
        if moment.tzinfo is None:
            moment = moment.astimezone()
        universal = moment.astimezone(timezone.utc)
    except (OverflowError, ValueError):  # within a day of year 1 or 9999
        raise BadInput("input.time.future", value=shown, now=_now_shown()) from None
    if universal.year < EARLIEST_YEAR:
        raise BadInput("input.time.too_early", value=shown)
    if universal > datetime.now(timezone.utc) + AHEAD:
        raise BadInput("input.time.future", value=shown, now=_now_shown())
    return moment.isoformat(timespec="milliseconds")


def _now_shown() -> str:
    return datetime.now().astimezone().isoformat(timespec="minutes")
