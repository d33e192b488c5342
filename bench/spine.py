"""Spine figures: start-up, one-shot action on a long log, console line, script append, fold.

Run: python bench/spine.py
Targets (issue 3): --help median <= 150 ms; one-shot `attend` on 10,000 events <= 200 ms;
the same as a console line <= 10 ms; 10,000 events appended by `run` <= 5 s; fold of 10,000 <= 0.5 s.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchkit import prepare, reference  # noqa: E402

ROOT = prepare()
ENV = {**os.environ, "PYTHONPATH": str(ROOT), "DELIBERATE_LANG": "en"}
MEMBERS = 100
EVENTS = 10_000


def cli(*args: str) -> float:
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "deliberate", *args], env=ENV,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"deliberate {' '.join(args)} failed: {result.stderr}")
    return elapsed


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def build_script(folder: Path) -> Path:
    roster = folder / "roster.csv"
    roster.write_text("姓名\n" + "".join(f"居民{i:03d}\n" for i in range(MEMBERS)), encoding="utf-8")
    lines = ["@ 2026-11-20T18:00:00+08:00", "init 基准社区", f"member import {roster}",
             "meeting open 基准会议 --chair 居民000"]
    events = 1 + MEMBERS + 2
    i = 0
    while events < EVENTS:
        name = f"居民{1 + i % (MEMBERS - 1):03d}"
        lines.append(f"attend {name}" if (i // (MEMBERS - 1)) % 2 == 0 else f"depart {name}")
        events += 1
        i += 1
    path = folder / "meeting.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def main() -> None:
    print(reference())
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = folder / "bench.db"
        help_ms = median_ms([cli("--help") for _ in range(15)])

        script = build_script(folder)
        run_s = cli("--db", str(db), "run", str(script))

        from deliberate.app import open_app, rebuild
        from deliberate.store import Store

        store = Store.open(db)
        size = store.size()
        folds = []
        for _ in range(3):
            start = time.perf_counter()
            rebuild(store)
            folds.append(time.perf_counter() - start)
        store.close()

        app = open_app(db)
        present = set(app.state.meeting.present)
        outside = [m.name for m in app.state.roster if m.id not in present][:20]
        app.close()
        one_shot = []
        for name in outside[:10]:
            one_shot.append(cli("--db", str(db), "attend", name))

        from deliberate.cli.console import handle
        from deliberate.cli.context import Session

        session = Session(db_path=db, lang="en", interactive=True, out=open(os.devnull, "w"))
        session.app()
        lines = []
        for name in outside[10:20]:
            start = time.perf_counter()
            code = handle(session, f"attend {name}")
            lines.append(time.perf_counter() - start)
            assert code == 0, code
        session.close()

    rows = [
        ("deliberate --help (median of 15)", f"{help_ms:.0f} ms", "<= 150 ms"),
        (f"run: {size:,} events appended from a script", f"{run_s:.2f} s", "<= 5 s"),
        (f"fold {size:,} events from scratch (best of 3)", f"{min(folds) * 1000:.0f} ms", "<= 500 ms"),
        (f"one-shot attend on {size:,} events (median of 10)", f"{median_ms(one_shot):.0f} ms", "<= 200 ms"),
        ("the same as a console line (median of 10)", f"{median_ms(lines):.1f} ms", "<= 10 ms"),
    ]
    width = max(len(r[0]) for r in rows)
    print("bench/spine.py")
    for what, figure, target in rows:
        print(f"  {what:<{width}}  {figure:>9}   target {target}")


if __name__ == "__main__":
    main()
