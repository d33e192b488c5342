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
