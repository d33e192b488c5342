"""Budget selection: every real pabulib file x every rule, timed; the two CLI targets.

Run from the repository root: `python bench/budget.py [--repeat N]`. Prints one row per file
and rule (voters, projects, seconds, projects selected, money spent, and for add1 the per-voter
budgets considered / MES runs made), then the whole-CLI runs that the targets are about:
  equalshares/add1 on Warszawa-Mokotów 2020 <= 5 s, on Łódź 2020 <= 3 s (as CLI processes),
  every rule on every file together <= 30 s.
The CLI runs are repeated (default 3) and the best and the median are shown, with the load
average before and after: other work on the machine slows every figure.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time

from benchkit import prepare, reference  # noqa: E402

ROOT = prepare()

from deliberate.ballots.pabulib import read_pb  # noqa: E402
from deliberate.ballots.select import RULES, select  # noqa: E402

DATA = ROOT / "tests" / "data" / "pabulib"
TARGETS = [("poland_warszawa_2020_mokotow.pb", 5.0), ("poland_lodz_2020_.pb", 3.0)]


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> int:
    print(reference())
    repeat = int(sys.argv[sys.argv.index("--repeat") + 1]) if "--repeat" in sys.argv else 3
    print(f"load average (1, 5, 15 min): {load()}")
    files = sorted(DATA.glob("*.pb"), key=lambda p: p.stat().st_size)
    print(f"{'file':<58} {'rule':<28} {'voters':>7} {'proj':>5} {'sec':>6} {'sel':>4} {'spent/budget':>20}"
          f" {'runs/mes':>9}")
    total = 0.0
    for path in files:
        for rule in RULES:
            start = time.perf_counter()
            election = read_pb(path)
            outcome = select(election, rule)
            took = time.perf_counter() - start
            total += took
            assert outcome.spent <= election.budget, (path.name, rule)
            runs = (f"{outcome.details['runs']}/{outcome.details['mes_runs']}"
                    if "mes_runs" in outcome.details else "")
            print(f"{path.name:<58} {rule:<28} {len(election.ballots):>7} {len(election.projects):>5} "
                  f"{took:>6.2f} {len(outcome.selected):>4} {outcome.spent:>10}/{election.budget:<10} {runs:>9}")
    print(f"\nall files x all rules (read + select, in one process): {total:.2f} s")
    start = time.perf_counter()
    for path in files:
        for rule in RULES:
            subprocess.run([sys.executable, "-m", "deliberate", "ballot", "select", str(path), "--rule", rule,
                            "--json"], cwd=ROOT, check=True, capture_output=True)
    whole = time.perf_counter() - start
    failed = whole > 30
    print(f"all files x all rules as {len(files) * len(RULES)} whole CLI runs: {whole:.2f} s (target <= 30 s)"
          f"{'  OVER' if failed else ''}")
    print(f"\nwhole CLI runs, best and median of {repeat}: "
          "python -m deliberate ballot select FILE --rule equalshares/add1 --json")
    for name, limit in TARGETS:
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "deliberate", "ballot", "select", str(DATA / name),
                            "--rule", "equalshares/add1", "--json"], cwd=ROOT, check=True, capture_output=True)
            times.append(time.perf_counter() - start)
        best, median = min(times), statistics.median(times)
        failed |= best > limit
        print(f"  {name:<40} best {best:5.2f} s, median {median:5.2f} s (target <= {limit:.0f} s)"
              f"{'  OVER' if best > limit else ''}")
    print(f"load average (1, 5, 15 min): {load()}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
