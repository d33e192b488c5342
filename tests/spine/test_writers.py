"""Several writers at once: the time of a live action is read inside the write lock, so none is refused."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import ROOT

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


def test_a_lock_held_too_long_says_the_database_is_busy_and_records_nothing(seated):
    import sqlite3

    before = len(seated.events())
    holder = sqlite3.connect(str(seated.db), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another writer, in the middle of its action
    try:
        env = {**os.environ, "PYTHONPATH": str(ROOT), "DELIBERATE_LANG": "en", "DELIBERATE_BUSY_SECONDS": "0.2"}
        done = subprocess.run([sys.executable, "-m", "deliberate", "--db", str(seated.db), "attend", "王芳"],
                              env=env, capture_output=True, text=True, timeout=60)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert done.returncode == 2
    assert "busy" in done.stderr and "another deliberate is writing" in done.stderr
    assert "permission" not in done.stderr.lower()
    assert len(seated.events()) == before


def test_the_console_sees_what_another_writer_recorded_before_every_line(seated):
    import io
    import json

    from deliberate.cli.console import handle
    from deliberate.cli.context import Session

    out = io.StringIO()
    console = Session(db_path=seated.db, lang="en", json=True, interactive=True, out=out)
    assert handle(console, "quorum") == 0
    first = json.loads(out.getvalue().strip().splitlines()[-1])
    assert seated("attend", "王芳", "陈静").exit_code == 0  # a second writer: a one-shot command
    assert handle(console, "quorum") == 0  # a read-only verb, in the console opened before
    second = json.loads(out.getvalue().strip().splitlines()[-1])
    console.close()
    assert second["present"] == first["present"] + 2
