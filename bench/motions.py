"""Benchmark of the motions: a 2,000-line meeting script through `run`, then `state --json` on it.

Run from anywhere: python bench/motions.py. Prints the figures; budgets: run <= 10 s,
state --json <= 150 ms (each a fresh `python -m deliberate` process, as the host runs it).
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchkit import prepare, reference  # noqa: E402

ROOT = prepare()

LINES = 2000
MEMBERS = [f"成员{i:02d}" for i in range(1, 31)]
PROJECTS = ["增设临时公厕", "增设路灯", "开放共享车位", "安装空调滴水管", "修缮健身器材", "增加垃圾分类点"]


def script() -> list[str]:
    lines = ["@ 2026-11-20T19:00:00+08:00", "init 基准社区"]
    lines += [f"member add {name}" for name in MEMBERS]
    lines += [f"meeting open 基准会议 --chair {MEMBERS[0]}", "attend " + " ".join(MEMBERS[1:])]
    cycle = 0
    while len(lines) < LINES - 1:
        a, b, c = MEMBERS[1 + cycle % 29], MEMBERS[1 + (cycle + 1) % 29], MEMBERS[1 + (cycle + 2) % 29]
        project = f"{PROJECTS[cycle % len(PROJECTS)]}（第{cycle + 1}项）"
        lines += [
            f'move "在文华社区{project}" --by {a}',
            f"second --by {b}",
            f'amend --by {c} --insert "，并在一个月内完成" --after "{project}"',
            f"second --by {a}",
            "vote open --method hands",
            f"vote count --yes {12 + cycle % 7} --no {5 + cycle % 5} --abstain 1",
            "vote close",
            "vote open --method roll" if cycle % 5 == 0 else "vote open --method hands",
            (f"vote roll --yes {' '.join(MEMBERS[1:20])} --no {' '.join(MEMBERS[20:])}" if cycle % 5 == 0
             else f"vote count --yes {10 + cycle % 7} --no {6 + cycle % 4} --abstain 2"),
            "vote close",
        ]
        cycle += 1
    # the meeting is still in session with a question pending: `state` has a stack to show
    lines += [f'move "在文华社区安装空调滴水管" --by {MEMBERS[3]}', f"second --by {MEMBERS[4]}",
              f'amend --by {MEMBERS[5]} --insert "，由物业统一安装" --after "滴水管"', f"second --by {MEMBERS[6]}"]
    return lines


def deliberate(db: Path, *args: str) -> tuple[float, subprocess.CompletedProcess]:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "deliberate", "--db", str(db), *args], cwd=ROOT,
                          capture_output=True, text=True)
    return time.perf_counter() - start, done


def _python_floor() -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"])
    return time.perf_counter() - start


def _in_process(db: Path) -> tuple[float, float, float]:
    from deliberate.app import open_app
    from deliberate.cli.context import dumps
    from deliberate.views import state_view

    t0 = time.perf_counter()
    app = open_app(db)
    t1 = time.perf_counter()
    data = state_view(app.state, app.rules)
    t2 = time.perf_counter()
    dumps(data)
    t3 = time.perf_counter()
    app.close()
    return 1000 * (t1 - t0), 1000 * (t2 - t1), 1000 * (t3 - t2)


def main() -> int:
    print(reference())
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        path = work / "meeting.txt"
        lines = script()
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        db = work / "bench.db"
        seconds, done = deliberate(db, "--lang", "en", "run", str(path))
        if done.returncode != 0:
            print(done.stderr[-2000:])
            return 1
        state_times = []
        for _ in range(7):
            took, shown = deliberate(db, "--json", "state")
            state_times.append(took)
        data = json.loads(shown.stdout)
        results = len([1 for _ in data["motions"]["results"]])
        floor_start = min(_python_floor() for _ in range(3))
        in_process = _in_process(db)
        print(f"script lines           {len(lines)}")
        print(f"events in the log      {data['seq']}")
        print(f"run (whole script)     {seconds:.2f} s   (budget 10 s)   "
              f"{1000 * seconds / len(lines):.2f} ms a line")
        print(f"state --json           median {1000 * statistics.median(state_times):.0f} ms, "
              f"best {1000 * min(state_times):.0f} ms   (budget 150 ms; last {results} results shown)")
        print(f"python -c pass         {1000 * floor_start:.0f} ms   (this machine's interpreter start-up)")
        print(f"state --json, in process: open the log {in_process[0]:.1f} ms, view {in_process[1]:.1f} ms, "
              f"JSON {in_process[2]:.1f} ms")
        beyond = statistics.median(state_times) - floor_start
        print(f"state --json beyond interpreter start-up  {1000 * beyond:.0f} ms")
        ok = seconds <= 10 and statistics.median(state_times) <= 0.150
        print("within budget" if ok else "OVER BUDGET")
        return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
