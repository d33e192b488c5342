"""The live speech timer in a real console, read off the screen of a real terminal (tmux).

A rules file with a six-second speech and a three-second warning: the bottom line
counts down, turns yellow with a bell at the warning, red with a bell at zero,
while the prompt still takes lines; `yield` records the overrun.
"""

from __future__ import annotations

import re

COUNTDOWN = re.compile(r"⏱ 王芳 \(for\) (\d+):(\d\d) left")
SHORT = {"floor": {"speech_seconds": 6, "warn_seconds": 3}}


def test_the_console_counts_down_warns_and_records_the_overrun(make_community, console):
    council = make_community(roster=4, present=("王芳", "刘洋"), changes=SHORT)
    # from here on the times are the wall clock's, as in a live meeting
    for line in (["move", "在3号楼加装电梯", "--by", "王芳"], ["second", "--by", "刘洋"],
                 ["hand", "王芳", "--stance", "pro"], ["recognize"]):
        result = council(*line)
        assert result.exit_code == 0, (line, result.output)

    # tmux answers cursor-position requests, which prompt_toolkit needs before it draws a bottom line
    screen = console(council)
    screen.wait_for("deliberate>")
    screen.wait_for("王芳 has the floor; start with speak")
    screen.line("speak")
    readings = []

    def counted_down(text: str) -> bool:
        found = COUNTDOWN.search(text)
        if found:
            readings.append(int(found.group(1)) * 60 + int(found.group(2)))
        return len(set(readings)) >= 3 or "OVER by" in text

    screen.wait_for(counted_down)
    assert len(set(readings)) >= 3, readings
    assert readings == sorted(readings, reverse=True) and max(readings) <= 6
    # the prompt still takes lines while the clock runs
    screen.line("hand 刘洋 --stance con")
    screen.wait_for("刘洋 raised a hand")
    warned = screen.wait_for(r"left: time nearly up", colours=True)
    assert "\x1b[" in warned and ("43m" in warned or ";43" in warned), "the warning is not yellow"
    over = screen.wait_for(r"OVER by 0:0\d: time is up, the chair stops the speaker", colours=True)
    assert "41m" in over or ";41" in over, "the bottom line is not red at zero"
    screen.wait_for(r"OVER by 0:0[2-9]")  # more than a second over: the overrun recorded is too
    screen.line("yield")
    shown = screen.wait_for(r"over time by 0:0\d; recorded")
    assert "王芳 finished speaking after 0:0" in shown
    screen.line("exit")
    assert screen.exit_status() == 0
    bells = screen.output().count(b"\x07")
    assert bells >= 2, "a bell at the warning and at zero"
    ended = [e.payload for e in council.events() if e.type == "speech_ended"]
    assert len(ended) == 1 and ended[0]["limit"] == 6 and ended[0]["overrun"] > 1
