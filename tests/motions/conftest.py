"""Fixtures of the motions' story tests: a real meeting in a real SQLite file."""

from __future__ import annotations

import pytest

from motions_meeting import Meeting


@pytest.fixture
def meeting(tmp_path):
    made = Meeting(tmp_path / "council.db")
    yield made
    made.close()


@pytest.fixture
def robert(tmp_path):
    made = Meeting(tmp_path / "robert.db", "robert.yaml")
    yield made
    made.close()


@pytest.fixture
def make_meeting(tmp_path):
    made = []

    def factory(**kwargs):
        made.append(Meeting(tmp_path / f"council{len(made)}.db", **kwargs))
        return made[-1]

    yield factory
    for one in made:
        one.close()
