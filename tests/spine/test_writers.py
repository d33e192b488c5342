"""Several writers at once: the time of a live action is read inside the write lock, so none is refused."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import ROOT

NAMES = [f"居民{i:02d}" for i in range(20)]


def test_twenty_one_shot_attends_at_once_are_all_recorded(council):
    assert council("init", "文华社区居民议事会").exit_code == 0
    for name in NAMES:
        assert council("member", "add", name).exit_code == 0
    assert council("meeting", "open", "并发测试", "--chair", NAMES[0]).exit_code == 0
    env = {**os.environ, "PYTHONPATH": str(ROOT), "DELIBERATE_LANG": "en"}
    # Twenty processes, each a live action (no --at): all start before any finishes.
    procs = [subprocess.Popen([sys.executable, "-m", "deliberate", "--db", str(council.db), "attend", name],
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for name in NAMES[1:]]
    results = [(p.wait(timeout=120), p.stderr.read()) for p in procs]
    assert [code for code, _ in results] == [0] * len(procs), [err for _, err in results if err]
    state = council.state()
    assert sorted(state.members[m].name for m in state.meeting.present) == sorted(NAMES)
    times = [e.at for e in council.events()]
    assert times == sorted(times)  # the record still runs forward
    code, answer = council.json("verify")
    assert code == 0, answer
