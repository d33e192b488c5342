"""The core is pure: no I/O module, no clock, no randomness in decide and apply."""

import ast
import json
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "deliberate"
PURE = ["core.py", "roster.py", "meeting.py", "names.py", "state.py", "question.py", "views.py",
        "times.py", "refusal.py", "errors.py", "roster_csv.py", "domain.py", "record.py", "ledger/events.py", "texts.py", "narrate.py",
        *[f"motions/{p.name}" for p in (PACKAGE / "motions").glob("*.py")],
        *[f"ballots/{n}.py" for n in ("election", "outcome", "greedy", "mes", "select", "projects", "polls")],
        "ledger/merkle.py", "ledger/note.py", "ledger/manifest.py",
        *[f"minutes/{p.name}" for p in (PACKAGE / "minutes").glob("*.py")], "site/pages.py"]
FORBIDDEN_MODULES = {"sqlite3", "os", "pathlib", "time", "random", "socket", "subprocess", "shutil",
                     "sqlite_utils", "click", "deliberate.store", "deliberate.clock", "deliberate.app",
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
        assert path.exists(), f"{name} is listed as pure but does not exist"
        tree = ast.parse(path.read_text(encoding="utf-8"))
        bad = {m for m in imported(tree) if m in FORBIDDEN_MODULES or m.split(".")[0] in FORBIDDEN_MODULES}
        assert not bad, f"{name} imports {bad}"
        calls = {n.func.attr if isinstance(n.func, ast.Attribute) else getattr(n.func, "id", "")
                 for n in ast.walk(tree) if isinstance(n, ast.Call)}
        assert not calls & FORBIDDEN_CALLS, f"{name} calls {calls & FORBIDDEN_CALLS}"


def test_store_is_the_only_spine_module_that_opens_sqlite():
    users = [p.name for p in PACKAGE.glob("*.py") if "import sqlite3" in p.read_text(encoding="utf-8")]
    assert users == ["store.py"]


# What the pure core may never pull in, directly or through anything it imports.
NOT_IN_THE_CORE = ("sqlite3", "_sqlite3", "click", "yaml", "prompt_toolkit", "jinja2", "numpy", "sqlite_utils",
                   "cryptography", "deliberate.cli", "deliberate.store", "deliberate.app", "deliberate.clock")


def loaded_by(module: str) -> list[str]:
    """The modules in sys.modules after importing `module` in a fresh interpreter."""
    code = f"import sys, {module}; import json; print(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=PACKAGE.parent).stdout
    return json.loads(out)


def test_importing_the_domain_loads_no_io_module():
    loaded = loaded_by("deliberate.domain")
    assert "deliberate.floor" in loaded and "deliberate.motions.voting" in loaded  # the whole core came in
    bad = [m for m in loaded if any(m == f or m.startswith(f + ".") for f in NOT_IN_THE_CORE)]
    assert not bad, f"importing deliberate.domain loaded {bad}"


def test_every_area_exports_plain_tables_merged_in_one_list():
    from deliberate import domain

    for area in domain.AREAS:
        tables = [getattr(area, name, None) for name in ("DECIDERS", "APPLIERS", "VIEWS", "CLOSING_CHECKS")]
        assert any(tables), f"{area.__name__} exports no table"
    deciders = sum(len(getattr(area, "DECIDERS", {})) for area in domain.AREAS)
    assert deciders == len(domain.DECIDERS)  # no command has two deciders, none is lost
    # The meeting opens before the floor starts afresh: the order of AREAS, not of imports.
    assert [f.__module__ for f in domain.APPLIERS["meeting_opened"]] == ["deliberate.meeting", "deliberate.floor"]


def test_two_deciders_for_one_command_fail_at_start_up():
    import types

    import pytest

    from deliberate import core, meeting

    twin = types.SimpleNamespace(__name__="twin", DECIDERS={meeting.Attend: lambda *a: []})
    with pytest.raises(core.TableClash, match="Attend"):
        core.merge_deciders([meeting, twin])
