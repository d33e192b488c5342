"""What every benchmark does first: find the package, and compile it as an install would.

An installed package ships its bytecode; a checkout run with PYTHONDONTWRITEBYTECODE
set would otherwise recompile every module in every timed subprocess.
"""

from __future__ import annotations

import compileall
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def prepare() -> Path:
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    compileall.compile_dir(str(ROOT / "deliberate"), quiet=1)
    return ROOT


def reference() -> str:
    """A reference workload timed in the same run, to read the figures against (machines differ up to 3x).

    Bare interpreter start-up (`python -c pass`, median of 15) and a fixed hashing loop
    (SHA-256 of 1 MiB, 200 times, best of 3).
    """
    import hashlib
    import statistics
    import subprocess
    import time

    starts = []
    for _ in range(15):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        starts.append(time.perf_counter() - start)
    block, loops = b"\x5a" * (1 << 20), []
    for _ in range(3):
        start = time.perf_counter()
        for _ in range(200):
            hashlib.sha256(block).digest()
        loops.append(time.perf_counter() - start)
    return (f"reference: python -c pass {statistics.median(starts) * 1000:.0f} ms (median of 15); "
            f"SHA-256 of 200 MiB {min(loops) * 1000:.0f} ms (best of 3)")
