"""Fixtures of the motions' story tests: the motions' meeting (tests/conftest.py MEETING) in a real SQLite file."""

from __future__ import annotations

import pytest

from tests.conftest import MEETING


@pytest.fixture
def meeting(make_community):
    return make_community(**MEETING)


@pytest.fixture
def robert(make_community):
    return make_community(rules="robert.yaml", **MEETING)


@pytest.fixture
def make_meeting(make_community):
    """`make_meeting(present=..., changes=...)`: the motions' meeting with those settings changed."""
    return lambda **settings: make_community(**{**MEETING, **settings})
