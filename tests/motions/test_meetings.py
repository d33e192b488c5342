"""Real meetings, replayed by `deliberate run` in a subprocess; every motion's outcome asserted.

Each script in tests/data/meetings/ says where its procedure comes from, and carries its
expected outcomes in `# expect: q1=adopted ...` and `# expect-text: q1=...` lines.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from deliberate.app import rebuild
from deliberate.store import Store

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = sorted((ROOT / "tests" / "data" / "meetings").glob("*.txt"))


def expectations(path: Path) -> tuple[dict, dict]:
    status, text = {}, {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# expect:"):
            status.update(pair.split("=", 1) for pair in line[len("# expect:"):].split())
        elif line.startswith("# expect-text:"):
            key, _, value = line[len("# expect-text:"):].strip().partition("=")
            text[key] = value
    return status, text


def deliberate(db: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "deliberate", "--db", str(db), "--lang", "en", *args],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_there_are_at_least_three_meetings():
    assert len(SCRIPTS) >= 3


@pytest.mark.parametrize("script", SCRIPTS, ids=[p.stem for p in SCRIPTS])
def test_meeting_replays_with_every_outcome(tmp_path, script):
    status, text = expectations(script)
    assert status, f"{script.name} has no # expect: line"
    db = tmp_path / "meeting.db"
    done = deliberate(db, "run", str(script))
    assert done.returncode == 0, done.stderr
    store = Store.open(db)
    try:
        state = rebuild(store)
    finally:
        store.close()
    items = state.motions.items
    assert set(items) == set(status), f"motions made: {sorted(items)}"
    assert {k: items[k].status for k in status} == status
    for motion_id, words in text.items():
        assert items[motion_id].text == words
    assert state.motions.stack == [] and state.motions.vote is None
    assert not state.in_session()
    # the state command shows the same record
    shown = json.loads(deliberate(db, "--json", "state").stdout)
    assert shown["ok"] and shown["motions"]["stack"] == []
    assert shown["motions"]["results"], "the last results are shown"


def test_a_refused_line_stops_the_run_with_exit_1(tmp_path):
    script = tmp_path / "bad.txt"
    script.write_text("init 测试社区\nmember add 甲\nmember add 乙\nmember add 丙\n"
                      "meeting open 会议 --chair 甲\nattend 乙 丙\n"
                      "move 增设路灯 --by 乙\nsecond --by 乙\nattend 甲\n", encoding="utf-8")
    done = deliberate(tmp_path / "x.db", "run", str(script))
    assert done.returncode == 1
    assert "ronr.second" in done.stderr and "line 8" in done.stderr
