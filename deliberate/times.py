"""Recorded times compared and subtracted. Pure: no clock is read here (see deliberate.clock)."""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache


@lru_cache(maxsize=4096)
def instant(at: str) -> datetime:
    return datetime.fromisoformat(at)


def seconds_between(start: str, end: str) -> float:
    return (instant(end) - instant(start)).total_seconds()
