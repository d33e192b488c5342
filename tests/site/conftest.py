"""Fixtures of the minutes and the site: the demo's site and a story community, each built once
per test process, and one headless Chromium for every browser test."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import run_cli

HERE = Path(__file__).resolve().parent


def cli(*args: str):
    result = run_cli(*args)
    assert result.returncode == 0, (args, result.stdout, result.stderr)
    return result


@pytest.fixture(scope="session")
def demo_dir(tmp_path_factory) -> Path:
    """`deliberate demo --dir D`: D/deliberate.db and D/site/."""
    folder = tmp_path_factory.mktemp("demo")
    cli("--lang", "en", "demo", "--dir", str(folder))
    return folder


@pytest.fixture(scope="session")
def story_db(tmp_path_factory) -> Path:
    """A community from a paper record (`@` times in a script): a motion with HTML and a script in
    its text, a member named 𠮷田, a meeting without a quorum, a meeting with no motions."""
    folder = tmp_path_factory.mktemp("story")
    db = folder / "s.db"
    cli("--db", str(db), "--lang", "en", "run", str(HERE / "story.txt"))
    return db


# `browser`: the one in tests/conftest.py (one playwright per test process).


@pytest.fixture
def page(browser):
    context = browser.new_context()
    opened = context.new_page()
    errors: list[str] = []
    opened.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    opened.on("pageerror", lambda error: errors.append(str(error)))
    opened.console_errors = errors
    yield opened
    context.close()


def copy_site(site: Path, target: Path) -> Path:
    shutil.copytree(site, target)
    return target
