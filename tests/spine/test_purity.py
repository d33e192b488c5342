"""The core is pure: no I/O module, no clock, no randomness in decide and apply."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "deliberate"
PURE = ["core.py", "roster.py", "meeting.py", "names.py", "state.py", "question.py", "views.py",
        "times.py", "refusal.py", "roster_csv.py", "domain.py",
        *[f"motions/{p.name}" for p in (PACKAGE / "motions").glob("*.py")],
        *[f"ballots/{n}.py" for n in ("election", "outcome", "greedy", "mes", "select", "projects")],
        "ledger/merkle.py", "ledger/note.py", "ledger/manifest.py"]
FORBIDDEN_MODULES = {"sqlite3", "os", "pathlib", "time", "random", "socket", "subprocess", "shutil",
                     "sqlite_utils", "click", "deliberate.store_io", "deliberate.clock", "deliberate.app",
                     "deliberate.cli"}
FORBIDDEN_CALLS = {"now", "today", "time", "random", "urandom", "open"}


def imported(tree: ast.AST) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_pure_modules_import_no_io():
    for name in PURE + [p.name for p in PACKAGE.glob("floor*.py")]:
        path = PACKAGE / name
        if not path.exists():
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        bad = {m for m in imported(tree) if m in FORBIDDEN_MODULES or m.split(".")[0] in FORBIDDEN_MODULES}
        assert not bad, f"{name} imports {bad}"
        calls = {n.func.attr if isinstance(n.func, ast.Attribute) else getattr(n.func, "id", "")
                 for n in ast.walk(tree) if isinstance(n, ast.Call)}
        assert not calls & FORBIDDEN_CALLS, f"{name} calls {calls & FORBIDDEN_CALLS}"


def test_store_is_the_only_spine_module_that_opens_sqlite():
    users = [p.name for p in PACKAGE.glob("*.py") if "import sqlite3" in p.read_text(encoding="utf-8")]
    assert users == ["store.py"]
