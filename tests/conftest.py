"""Shared fixtures: a real database in tmp_path driven through the real CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import settings

# CI replays the same examples every run (a failure there is reproducible);
# a developer's run explores new ones.
settings.register_profile("ci", derandomize=True, deadline=None)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


class Council:
    """A community database in a temporary folder, and the CLI to drive it."""

    def __init__(self, folder: Path, lang: str = "en"):
        self.folder = folder
        self.db = folder / "council.db"
        self.lang = lang
        self.runner = CliRunner()

    def __call__(self, *args: str, at: str | None = None):
        from deliberate.cli.main import root

        line = ["--db", str(self.db), "--lang", self.lang, *args]
        if at:
            line += ["--at", at]
        return self.runner.invoke(root, line, catch_exceptions=False)

    def json(self, *args: str, at: str | None = None) -> tuple[int, dict]:
        result = self(*args, "--json", at=at)
        return result.exit_code, json.loads(result.stdout.strip().splitlines()[-1])

    def events(self) -> list:
        from deliberate.store import Store

        store = Store.open(self.db)
        try:
            return list(store.read())
        finally:
            store.close()

    def state(self):
        from deliberate.app import open_app

        app = open_app(self.db)
        try:
            return app.state
        finally:
            app.close()


@pytest.fixture
def council(tmp_path: Path) -> Council:
    return Council(tmp_path)


@pytest.fixture
def seated(council: Council) -> Council:
    """A community of five with a meeting open and nobody yet present."""
    assert council("init", "文华社区居民议事会", at="2026-11-20T18:00:00+08:00").exit_code == 0
    for name in ("王芳", "陈静", "刘洋", "李明", "张伟"):
        assert council("member", "add", name, at="2026-11-20T18:00:00+08:00").exit_code == 0
    result = council("meeting", "open", "2026年第4次居民议事会", "--chair", "李明",
                     at="2026-11-20T19:00:00+08:00")
    assert result.exit_code == 0, result.output
    return council


def run_cli(*args: str, cwd: Path | None = None, env: dict | None = None, stdin: str | None = None):
    """The real program in a subprocess."""
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    return subprocess.run([sys.executable, "-m", "deliberate", *args], cwd=cwd, env=full_env,
                          input=stdin, capture_output=True, text=True, timeout=120)
