"""Floor figures: 200 members raise hands on one question; `queue` and `recognize` as console lines.

Run: python bench/floor.py
Target (issue 5): each `queue` and `recognize` line <= 10 ms, timed as the console
handles it (`deliberate.cli.console.handle(session, line)`: parse, decide, one
SQLite transaction, the answer), with 200 hands up on one question.
"""

from __future__ import annotations

import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchkit import prepare, reference  # noqa: E402

ROOT = prepare()
MEMBERS = 200
TARGET_MS = 10.0


def main() -> None:
    print(reference())
    from deliberate.cli.console import handle
    from deliberate.cli.context import DONE, Session
    from deliberate.floor import queue

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        roster = folder / "roster.csv"
        names = [f"居民{i:03d}" for i in range(MEMBERS + 1)]   # 居民000 chairs
        roster.write_text("姓名\n" + "".join(n + "\n" for n in names), encoding="utf-8")
        session = Session(db_path=folder / "floor.db", lang="en", interactive=True, out=io.StringIO())
        session.clock = "2026-11-20T19:00:00.000+08:00"

        def line(text: str) -> float:
            start = time.perf_counter()
            code = handle(session, text)
            elapsed = time.perf_counter() - start
            if code != DONE:
                raise SystemExit(f"'{text}' failed ({code}): {session.out.getvalue()[-500:]}")
            return elapsed

        for setup in ["init 基准社区", f"member import {roster}", "meeting open 基准会议 --chair 居民000",
                      "attend " + " ".join(names[1:]), '"move" "在3号楼加装电梯" --by 居民001', "second --by 居民002"]:
            line(setup)
        stances = ("pro", "con", "question")
        hands = [line(f"hand {name} --stance {stances[i % 3]}") for i, name in enumerate(names[1:])]
        # what the console shows after each line (the state with the floor part), 200 waiting
        from deliberate.cli.console import status_line

        shown = []
        for _ in range(20):
            start = time.perf_counter()
            status_line(session)
            shown.append(time.perf_counter() - start)

        from datetime import datetime, timedelta

        queues, recognitions, turns = [], [], 0
        moment = datetime.fromisoformat(session.clock)

        def later(seconds: int) -> str:
            nonlocal moment
            moment += timedelta(seconds=seconds)
            return moment.isoformat(timespec="milliseconds")

        while True:
            queues.append(line("queue"))
            app = session.app()
            if not queue(app.state, app.rules):
                break
            recognitions.append(line("recognize"))
            session.clock = later(5)
            line("speak")
            session.clock = later(60)
            line("yield")
            turns += 1
        events = session.app().store.size()
        session.close()

    def figures(label: str, samples: list[float]) -> bool:
        ms = sorted(s * 1000 for s in samples)
        p95 = ms[int(0.95 * (len(ms) - 1))]
        ok = ms[-1] <= TARGET_MS
        print(f"{label:<34} n={len(ms):<4} median {statistics.median(ms):6.2f} ms   p95 {p95:6.2f} ms   "
              f"max {ms[-1]:6.2f} ms   {'ok' if ok else 'OVER'} (<= {TARGET_MS:.0f} ms)")
        return ok

    print(f"floor: {MEMBERS} members, one question, {turns} speeches, {events} events in the log")
    figures("hand (raise, queue 0..199 ahead)", hands)
    good = figures("queue (200 .. 0 waiting)", queues)
    good = figures("recognize (200 .. 1 waiting)", recognitions) and good
    ms = statistics.median(shown) * 1000
    print(f"{'(state shown after a line, 200 up)':<34} n={len(shown):<4} median {ms:6.2f} ms   (not part of the target)")
    print("all queue and recognize lines within the target" if good else "some lines over the target")


if __name__ == "__main__":
    main()
