"""The live speech timer in a real console, read off the screen of a real terminal (tmux).

A rules file with a six-second speech and a three-second warning: the bottom line
counts down, turns yellow with a bell at the warning, red with a bell at zero,
while the prompt still takes lines; `yield` records the overrun.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time

import pytest

from deliberate.rules import BUILTIN_DIR

from tests.conftest import ROOT

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux (apt-get install tmux)")

COUNTDOWN = re.compile(r"⏱ 王芳 \(for\) (\d+):(\d\d) left")


class Terminal:
    """One tmux server of our own (its own socket), one window running the console."""

    def __init__(self, folder, command: list[str], env: dict):
        self.socket = str(folder / "tmux.sock")
        self.raw = folder / "raw.out"
        self.tmux("new-session", "-d", "-s", "floor", "-x", "110", "-y", "24",
                  "env", *[f"{k}={v}" for k, v in env.items()], *command)
        self.tmux("pipe-pane", "-t", "floor", "-o", f"cat >> {self.raw}")

    def tmux(self, *args: str) -> str:
        done = subprocess.run(["tmux", "-S", self.socket, *args], capture_output=True, text=True, timeout=20)
        return done.stdout

    def screen(self, colours: bool = False) -> str:
        return self.tmux("capture-pane", "-p", *(["-e"] if colours else []), "-t", "floor")

    def type(self, line: str) -> None:
        self.tmux("send-keys", "-t", "floor", "-l", line)
        self.tmux("send-keys", "-t", "floor", "Enter")

    def wait_for(self, pattern: str, timeout: float = 20, colours: bool = False) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen(colours)
            if re.search(pattern, screen):
                return screen
            time.sleep(0.1)
        raise AssertionError(f"never saw {pattern!r} on the screen:\n{self.screen()}")

    def close(self) -> None:
        self.tmux("kill-server")


def test_the_console_counts_down_warns_and_records_the_overrun(seated, tmp_path):
    rules = tmp_path / "short.yaml"
    text = (BUILTIN_DIR / "luohu_ten.yaml").read_text(encoding="utf-8")
    text = text.replace("speech_seconds: 120", "speech_seconds: 6").replace("warn_seconds: 30", "warn_seconds: 3")
    rules.write_text(text, encoding="utf-8")
    council = seated
    # a fresh database on the short rules; times from the wall clock, as in a live meeting
    council.db = tmp_path / "live.db"
    for line in (["init", "文华", "--rules", str(rules)], ["member", "add", "李明"], ["member", "add", "王芳"],
                 ["member", "add", "刘洋"], ["meeting", "open", "第4次", "--chair", "李明"], ["attend", "王芳", "刘洋"],
                 ["move", "在3号楼加装电梯", "--by", "王芳"], ["second", "--by", "刘洋"],
                 ["hand", "王芳", "--stance", "pro"], ["recognize"]):
        assert council(*line).exit_code == 0, (line, council(*line).output)

    # tmux answers cursor-position requests, which prompt_toolkit needs before it draws a bottom line
    env = {"PYTHONPATH": str(ROOT), "TERM": "xterm-256color", "LANG": "C.UTF-8"}
    terminal = Terminal(tmp_path, [sys.executable, "-m", "deliberate", "--db", str(council.db), "--lang", "en",
                                   "console"], env)
    try:
        terminal.wait_for("deliberate>")
        terminal.wait_for("王芳 has the floor; start with speak")
        terminal.type("speak")
        readings = []
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and len(set(readings)) < 3:
            found = COUNTDOWN.search(terminal.screen())
            if found:
                readings.append(int(found.group(1)) * 60 + int(found.group(2)))
            time.sleep(0.2)
        assert len(set(readings)) >= 3, readings
        assert readings == sorted(readings, reverse=True) and max(readings) <= 6
        # the prompt still takes lines while the clock runs
        terminal.type("hand 刘洋 --stance con")
        terminal.wait_for("刘洋 raised a hand")
        terminal.wait_for(r"left: time nearly up", timeout=8)
        warned = terminal.screen(colours=True)
        assert "\x1b[" in warned and ("43m" in warned or ";43" in warned), "the warning is not yellow"
        over = terminal.wait_for(r"OVER by 0:0\d: time is up, the chair stops the speaker", timeout=8, colours=True)
        assert "41m" in over or ";41" in over, "the bottom line is not red at zero"
        time.sleep(1.2)
        terminal.type("yield")
        screen = terminal.wait_for(r"over time by 0:0\d; recorded")
        assert "王芳 finished speaking after 0:0" in screen
        terminal.type("exit")
        time.sleep(0.5)
    finally:
        terminal.close()
    bells = terminal.raw.read_bytes().count(b"\x07")
    assert bells >= 2, "a bell at the warning and at zero"
    ended = [e.payload for e in council.events() if e.type == "speech_ended"]
    assert len(ended) == 1 and ended[0]["limit"] == 6 and ended[0]["overrun"] > 1
