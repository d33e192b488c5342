"""Budget selection: every real pabulib file x every rule, timed; the two CLI targets.

Run from the repository root: `python bench/budget.py`. Prints one row per file and rule
(voters, projects, seconds, projects selected, money spent), then the whole-CLI runs that
the targets are about:
  equalshares/add1 on Warszawa-Mokotów 2020 <= 5 s, on Łódź 2020 <= 3 s (as CLI processes),
  every rule on every file together <= 30 s.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from deliberate.ballots.pabulib import read_pb  # noqa: E402
from deliberate.ballots.select import RULES, select  # noqa: E402

DATA = ROOT / "tests" / "data" / "pabulib"
TARGETS = [("poland_warszawa_2020_mokotow.pb", 5.0), ("poland_lodz_2020_.pb", 3.0)]


def main() -> int:
    files = sorted(DATA.glob("*.pb"), key=lambda p: p.stat().st_size)
    print(f"{'file':<58} {'rule':<28} {'voters':>7} {'proj':>5} {'sec':>6} {'sel':>4} {'spent/budget':>20}")
    total = 0.0
    for path in files:
        for rule in RULES:
            start = time.perf_counter()
            election = read_pb(path)
            outcome = select(election, rule)
            took = time.perf_counter() - start
            total += took
            assert outcome.spent <= election.budget, (path.name, rule)
            print(f"{path.name:<58} {rule:<28} {len(election.ballots):>7} {len(election.projects):>5} "
                  f"{took:>6.2f} {len(outcome.selected):>4} {outcome.spent:>10}/{election.budget:<10}")
    print(f"\nall files x all rules (read + select, in one process): {total:.2f} s (target <= 30 s)")
    failed = total > 30
    print("\nwhole CLI runs: python -m deliberate ballot select FILE --rule equalshares/add1 --json")
    for name, limit in TARGETS:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "deliberate", "ballot", "select", str(DATA / name),
                        "--rule", "equalshares/add1", "--json"], cwd=ROOT, check=True, capture_output=True)
        took = time.perf_counter() - start
        failed |= took > limit
        print(f"  {name:<40} {took:6.2f} s (target <= {limit:.0f} s){'  OVER' if took > limit else ''}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
