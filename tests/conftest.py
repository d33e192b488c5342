"""Shared fixtures: a real database in tmp_path driven through the real CLI.

Every test community comes from one builder, `Council.seat`: the real CLI makes each kind
of community once per test process, and each test gets a copy of its files.
"""

from __future__ import annotations

import atexit
import copy
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import settings

# `from tests.conftest import ...` in a test module gets this module, not a second copy of it.
sys.modules.setdefault("tests.conftest", sys.modules[__name__])

# CI replays the same examples every run (a failure there is reproducible);
# a developer's run explores new ones.
settings.register_profile("ci", derandomize=True, deadline=None)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


def _temporary_files_in_ram() -> None:
    """tmp_path and tempfile under /dev/shm where there is room: the databases are real SQLite
    files all the same, but on a loaded machine syncing them to disk took most of the run."""
    shm = Path("/dev/shm")
    if "TMPDIR" in os.environ or not (shm.is_dir() and os.access(shm, os.W_OK | os.X_OK)):
        return
    if shutil.disk_usage(shm).free < 1 << 30:
        return
    os.environ["TMPDIR"] = str(shm)  # this process, its test workers and every program a test runs
    tempfile.tempdir = None          # asked again on next use


_temporary_files_in_ram()


# -- communities ---------------------------------------------------------------------------------

# The members, in the order they join: a roster of N is the first N (the chair 李明 is the fourth).
ROSTER = ("王芳", "陈静", "刘洋", "李明", "张伟", "赵磊", "黄丽", "周杰", "杨秀英", "吴敏", "徐强", "孙悦")
# The motions' meeting: twelve members, 张伟 keeps the minutes, everyone present.
MEETING = dict(roster=12, secretary="张伟", present="all")
EVE = "2026-11-20T18:00:00+08:00"            # the community is made and the members join
OPENING = datetime(2026, 11, 20, 19, 0, tzinfo=timezone(timedelta(hours=8)))  # the meeting opens


class Clock:
    """Seconds after the meeting opened; each call moves it on and says the time."""

    def __init__(self):
        self.seconds = 0.0

    def __call__(self, step: float = 1) -> str:
        self.seconds += step
        return (OPENING + timedelta(seconds=self.seconds)).isoformat(timespec="milliseconds")


class Council:
    """A community: its database in a folder, the CLI to drive it, and its commands run through the App.

    `seat(pure=True)` keeps it in memory instead: no database, the same commands decided and
    folded by the pure core (`log` holds the events).
    """

    def __init__(self, folder: Path | None, lang: str = "en"):
        self.folder = folder
        self.db = folder / "council.db" if folder is not None else None
        self.lang = lang
        self.runner = CliRunner()
        self.clock = Clock()
        self.rules = None   # in memory: the rules the pure core decides by
        self.log = None     # in memory: the events
        self._state = None
        self._app = None

    def seat(self, roster=5, rules: str = "luohu_ten.yaml", chair: str = "李明", secretary: str = "",
             present=(), changes: dict | None = None, pure: bool = False) -> "Council":
        """Make this council the community: the first `roster` of ROSTER (or these names) under the
        built-in `rules` file with `changes` ({section: {setting: value}}), a meeting open under
        `chair` (and `secretary`), and `present` ("all", or names) marked present.

        Made by the real CLI once per process (`_template`); here its files are copied, or, `pure`,
        its events folded in memory with `changes` applied to the rules they record.
        """
        from deliberate import domain
        from deliberate.rules import Rules

        names = ROSTER[:roster] if isinstance(roster, int) else tuple(roster)
        present = "all" if present == "all" else tuple(present)
        sections = tuple(sorted((s, tuple(sorted(v.items()))) for s, v in (changes or {}).items()))
        if not pure:
            template = _template(names, rules, chair, secretary, present, sections)
            for file in template.files:
                shutil.copy2(file, self.folder / file.name)
            return self
        template = _template(names, rules, chair, secretary, present, ())
        self.log = copy.deepcopy(template.log)
        recorded = next(e.payload["rules"] for e in self.log if e.type == "community_created")
        for section, settings_ in sections:
            recorded[section] = {**recorded[section], **dict(settings_)}
        self._state = domain.fold(self.log)
        self.rules = Rules.from_dict(self._state.rules)
        return self

    # -- the CLI ---------------------------------------------------------------------------------
    def __call__(self, *args: str, at: str | None = None):
        from deliberate.cli.main import root

        line = ["--db", str(self.db), "--lang", self.lang, *args]
        if at:
            line += ["--at", at]
        return self.runner.invoke(root, line, catch_exceptions=False)

    def json(self, *args: str, at: str | None = None) -> tuple[int, dict]:
        result = self(*args, "--json", at=at)
        return result.exit_code, json.loads(result.stdout.strip().splitlines()[-1])

    def console_command(self) -> list[str]:
        return [sys.executable, "-m", "deliberate", "--db", str(self.db), "--lang", self.lang, "console"]

    # -- reading ---------------------------------------------------------------------------------
    def events(self) -> list:
        from deliberate.store import Store

        if self.log is not None:
            return list(self.log)
        store = Store.open(self.db)
        try:
            return list(store.read())
        finally:
            store.close()

    def state(self):
        """The state now: the live one of our App or in memory, else folded from the file."""
        from deliberate.app import App
        from deliberate.store import Store

        if self.log is not None:
            return self._state
        if self._app is not None and self._app.store.size() == self._app.state.seq:
            return self._app.state
        app = App(Store.open(self.db))
        try:
            return app.state
        finally:
            app.close()

    def refold(self):
        """The state folded again from the whole log."""
        from deliberate import domain
        from deliberate.app import rebuild

        return domain.fold(self.log) if self.log is not None else rebuild(self.app.store)

    def size(self) -> int:
        return len(self.log) if self.log is not None else self.app.store.size()

    def member(self, name: str) -> str:
        return self.state().keys[name]

    def name(self, member_id: str) -> str:
        return self.state().members[member_id].name

    @property
    def m(self):
        return self.state().motions

    def status(self, motion_id: str) -> str:
        return self.m.items[motion_id].status

    def text(self, motion_id: str) -> str:
        return self.m.items[motion_id].text

    def stack_kinds(self) -> list[str]:
        return [self.m.items[i].kind for i in self.m.stack]

    def check_fold(self) -> None:
        from deliberate import state as codec

        folded = self.refold()
        assert folded == self.state()
        assert codec.loads(codec.dumps(self.state())) == folded

    # -- commands --------------------------------------------------------------------------------
    @property
    def app(self):
        """The App on our file (it signs nothing: no signer)."""
        from deliberate.app import App
        from deliberate.store import Store

        if self._app is None:
            self._app = App(Store.open(self.db))
        return self._app

    def close(self) -> None:
        if self._app is not None:
            self._app.close()
            self._app = None

    def do(self, make, *args, wait: float = 1, **kwargs):
        """Run `make(now, *args, **kwargs)`, `wait` seconds after the last command: the events
        recorded, or the Refusal (and nothing recorded)."""
        from deliberate import domain
        from deliberate.record import StoredEvent
        from deliberate.errors import Refused
        from deliberate.refusal import Refusal

        command = make(self.clock(wait), *args, **kwargs)
        if self.log is not None:
            result = domain.decide(self._state, command, self.rules)
            if isinstance(result, Refusal):
                return result
            stored = [StoredEvent(len(self.log) + n, e.type, e.at, e.payload, "", "") for n, e in enumerate(result, 1)]
            for event in stored:
                self.log.append(event)
                domain.apply(self._state, event)
            return stored
        before = self.size()
        try:
            return self.app.execute(command)
        except Refused as refused:
            assert self.size() == before, "a refusal recorded something"
            return refused.refusal

    def ok(self, make, *args, **kwargs):
        from deliberate.refusal import Refusal

        result = self.do(make, *args, **kwargs)
        assert not isinstance(result, Refusal), f"refused: {result.rule} {result.message('en')} {result.params}"
        return result

    def refused(self, rule: str, make, *args, **kwargs):
        from deliberate.refusal import Refusal

        size = self.size()
        result = self.do(make, *args, **kwargs)
        assert isinstance(result, Refusal), f"expected a refusal {rule}, recorded {[e.type for e in result]}"
        assert result.rule == rule, f"expected {rule}, got {result.rule}: {result.message('en')}"
        assert self.size() == size
        return result

    # -- motions, for stories ----------------------------------------------------------------------
    def motion(self, kind: str, by: str, text: str = "", **params):
        from deliberate.motions.engine import MakeMotion

        return self.ok(MakeMotion, kind, by, text, params)

    def moved(self, kind: str, by: str, text: str = "", second: str | None = None, **params) -> str:
        """Make a motion and, when it needs one, second it; return its id."""
        stored = self.motion(kind, by, text, **params)
        motion_id = stored[0].payload["id"]
        if second:
            from deliberate.motions.engine import Second

            self.ok(Second, second)
        return motion_id

    def vote(self, yes: int, no: int, abstain: int = 0, chair_vote=None) -> dict:
        """A show of hands on the immediately pending question; the vote_closed payload."""
        from deliberate.motions.voting import CloseVote, CountVotes, OpenVote

        self.ok(OpenVote, "hands")
        self.ok(CountVotes, yes, no, abstain)
        stored = self.ok(CloseVote, chair_vote)
        return next(e.payload for e in stored if e.type == "vote_closed")

    def attempt(self, kind: str, by: str, text: str = "", **params):
        from deliberate.motions.engine import MakeMotion

        return self.do(MakeMotion, kind, by, text, params)

    def refuse_motion(self, rule: str, kind: str, by: str, text: str = "", **params):
        from deliberate.motions.engine import MakeMotion

        return self.refused(rule, MakeMotion, kind, by, text, params)


class _Template:
    def __init__(self, folder: Path, log: list):
        self.files = sorted(folder.glob("council.db*"))
        self.log = log


_templates: dict = {}
_template_root: list[Path] = []


def _template(names, rules, chair, secretary, present, sections) -> _Template:
    """The community of these settings, made once by the real CLI in a folder of its own."""
    key = (names, rules, chair, secretary, present, sections)
    if key not in _templates:
        if not _template_root:
            _template_root.append(Path(tempfile.mkdtemp(prefix="deliberate-communities-")))
            atexit.register(shutil.rmtree, _template_root[0], True)
        folder = _template_root[0] / str(len(_templates))
        folder.mkdir()
        council = Council(folder)
        for line, at in _community_lines(folder, names, rules, chair, secretary, present, sections):
            result = council(*line, at=at)
            assert result.exit_code == 0, (line, result.output)
        assert not list(folder.glob("council.db-*")), "the database is not closed: its copies would be torn"
        _templates[key] = _Template(folder, council.events())
    return _templates[key]


def _community_lines(folder, names, rules, chair, secretary, present, sections):
    from deliberate.rules import BUILTIN_DIR

    path = BUILTIN_DIR / rules
    if sections:  # the same file with these settings changed, beside the chart it names
        import yaml

        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for section, settings_ in sections:
            data[section].update(dict(settings_))
        variant = folder / "rules"
        variant.mkdir()
        (variant / data["chart"]).write_text((BUILTIN_DIR / data["chart"]).read_text(encoding="utf-8"),
                                            encoding="utf-8")
        path = variant / rules
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    opening = OPENING.isoformat()
    yield ["init", "文华社区居民议事会", "--rules", str(path)], EVE
    for name in names:
        yield ["member", "add", name], EVE
    yield ["meeting", "open", "2026年第4次居民议事会", "--chair", chair,
           *(["--secretary", secretary] if secretary else [])], opening
    arriving = [n for n in (names if present == "all" else present) if n not in (chair, secretary)]
    if arriving:
        yield ["attend", *arriving], opening


@pytest.fixture
def council(tmp_path: Path):
    made = Council(tmp_path)
    yield made
    made.close()


@pytest.fixture
def seated(council: Council) -> Council:
    """A community of five with a meeting open and nobody yet present."""
    return council.seat()


@pytest.fixture
def make_community(tmp_path: Path):
    """`make_community(lang="en", **settings)`: a Council seated with those settings (see
    `Council.seat`), each in a folder of its own."""
    made: list[Council] = []

    def make(lang: str = "en", **settings_) -> Council:
        folder = tmp_path / f"community{len(made)}"
        folder.mkdir()
        made.append(Council(folder, lang))
        return made[-1].seat(**settings_)

    yield make
    for each in made:
        each.close()


@pytest.fixture
def meeting(make_community) -> Council:
    """The motions' meeting (MEETING), its commands run through the App."""
    return make_community(**MEETING)


@pytest.fixture
def robert(make_community) -> Council:
    """The motions' meeting under Robert's Rules."""
    return make_community(rules="robert.yaml", **MEETING)


@pytest.fixture
def make_meeting(make_community):
    """`make_meeting(present=..., changes=...)`: the motions' meeting with those settings changed."""
    return lambda **settings_: make_community(**{**MEETING, **settings_})


# -- a real browser -----------------------------------------------------------------------------

CHROMIUM = "/usr/bin/chromium"  # Debian's (make test installs it), never a browser playwright downloads


@pytest.fixture(scope="session")
def browser():
    """Chromium driven by playwright, one per test process: a second sync_playwright() in the same
    process fails ("Sync API inside the asyncio loop"), so every folder's tests share this one."""
    if not Path(CHROMIUM).exists():
        pytest.skip("needs Debian's chromium (make test installs it)")
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM,
                                     args=["--no-sandbox", "--disable-background-networking", "--disable-gpu"])
        yield launched
        launched.close()


# -- a real terminal ---------------------------------------------------------------------------


class Terminal:
    """A program in a terminal of its own (a tmux server on its own socket), read off the screen."""

    POLL = 0.05  # seconds between looks at the screen

    def __init__(self, folder: Path, command: list[str], env: dict, columns: int = 110, lines: int = 24):
        folder.mkdir()
        self.socket = folder / "tmux.sock"
        self.raw = folder / "raw.out"        # every byte the program wrote
        self._piped = folder / "raw.done"    # there once the pipe to `raw` is closed
        self._status = folder / "status"     # the program's exit status, once it has exited
        pipe = f"cat >> {shlex.quote(str(self.raw))}; : > {shlex.quote(str(self._piped))}"
        # the shell, not tmux, collects the exit status: on a loaded machine tmux 3.3a was seen to leave
        # the exited console unreaped (a zombie), its pane never marked dead
        run = f'"$@"; echo $? > {shlex.quote(str(self._status))}.new; mv {shlex.quote(str(self._status))}.new ' \
              f'{shlex.quote(str(self._status))}'
        self.tmux("start-server", ";", "set-option", "-g", "remain-on-exit", "on", ";",
                  "new-session", "-d", "-s", "t", "-x", str(columns), "-y", str(lines),
                  "sh", "-c", run, "sh", "env", *[f"{k}={v}" for k, v in env.items()], *command, ";",
                  "pipe-pane", "-t", "t", "-o", pipe, check=True)

    def tmux(self, *args: str, check: bool = False) -> str:
        done = subprocess.run(["tmux", "-f", "/dev/null", "-S", str(self.socket), *args],
                              capture_output=True, text=True, timeout=60)
        assert done.returncode == 0 or not check, done.stderr
        return done.stdout

    def screen(self, colours: bool = False) -> str:
        return self.tmux("capture-pane", "-p", *(["-e"] if colours else []), "-t", "t")

    def type(self, text: str) -> None:
        self.tmux("send-keys", "-t", "t", "-l", text)

    def press(self, key: str) -> None:
        """A key by its tmux name: Enter, Tab."""
        self.tmux("send-keys", "-t", "t", key)

    def line(self, text: str) -> None:
        self.type(text)
        self.press("Enter")

    def wait_for(self, seen, timeout: float = 60, colours: bool = False) -> str:
        """The first screen on which `seen` (a regular expression, multiline, or a test of the
        screen) holds, looking every POLL seconds for at most `timeout`."""
        test = seen if callable(seen) else re.compile(seen, re.MULTILINE).search
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen(colours)
            if test(screen):
                return screen
            if time.monotonic() > deadline:
                raise AssertionError(f"never saw {seen!r} in {timeout} s; the screen:\n{self.screen()}")
            time.sleep(self.POLL)

    def exit_status(self, timeout: float = 60) -> int:
        """The program's exit status, once it has exited."""
        deadline = time.monotonic() + timeout
        while not self._status.exists():
            if time.monotonic() > deadline:
                raise AssertionError(f"still running after {timeout} s; the screen:\n{self.screen()}")
            time.sleep(self.POLL)
        return int(self._status.read_text())

    def output(self, timeout: float = 60) -> bytes:
        """Every byte the program wrote, once the terminal is closed."""
        self.close()  # closes the pipe: `cat` writes the last bytes and ends
        deadline = time.monotonic() + timeout
        while not self._piped.exists():
            if time.monotonic() > deadline:
                raise AssertionError(f"the pipe to {self.raw} did not close in {timeout} s")
            time.sleep(self.POLL)
        return self.raw.read_bytes()

    def close(self) -> None:
        self.tmux("kill-server")


@pytest.fixture
def console(tmp_path: Path):
    """`console(council)`: the council's console running in a real terminal."""
    if shutil.which("tmux") is None:
        pytest.skip("needs tmux (apt-get install tmux)")
    opened: list[Terminal] = []

    def open_console(council: Council) -> Terminal:
        env = {"PYTHONPATH": str(ROOT), "TERM": "xterm-256color", "LANG": "C.UTF-8"}
        opened.append(Terminal(tmp_path / f"terminal{len(opened)}", council.console_command(), env))
        return opened[-1]

    yield open_console
    for terminal in opened:
        terminal.close()


def run_cli(*args: str, cwd: Path | None = None, env: dict | None = None, stdin: str | None = None):
    """The real program in a subprocess."""
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    return subprocess.run([sys.executable, "-m", "deliberate", *args], cwd=cwd, env=full_env,
                          input=stdin, capture_output=True, text=True, timeout=120)
