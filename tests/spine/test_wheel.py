"""The wheel installs anywhere: built from the checkout, installed into a fresh venv outside it,
`deliberate` runs the sample meeting and verifies it with the rules, their chart and the demo
data read from inside the installed package, never from the source tree."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Not part of what the wheel is built from (and big, or made by earlier builds).
LEFT_OUT_AT_ROOT = {".git", ".venv", "build", "dist", "demo", "tests", "docs", "bench", ".hypothesis", ".pytest_cache"}


def _left_out(directory: str, names: list[str]) -> set[str]:
    left = {name for name in names if name == "__pycache__" or name.endswith(".egg-info")}
    if Path(directory) == ROOT:
        left |= LEFT_OUT_AT_ROOT & set(names)
    return left


def _run(args, **kwargs) -> subprocess.CompletedProcess:
    result = subprocess.run([str(a) for a in args], capture_output=True, text=True, **kwargs)
    assert result.returncode == 0, f"{args}\n{result.stdout}\n{result.stderr}"
    return result


def _built_wheel(tmp_path: Path) -> tuple[Path, Path]:
    """A copy of the checkout and the wheel `pip wheel` builds from it (a build writes build/ and
    *.egg-info beside its source, and the checkout is shared)."""
    source = tmp_path / "source"
    shutil.copytree(ROOT, source, ignore=_left_out)
    dist = tmp_path / "dist"
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", dist, source])
    (wheel,) = dist.glob("deliberate-*.whl")
    return source, wheel


def test_every_module_rules_file_and_demo_file_is_in_the_wheel_and_it_runs_outside_the_checkout(tmp_path):
    source, wheel = _built_wheel(tmp_path)
    names = set(zipfile.ZipFile(wheel).namelist())
    package = source / "deliberate"
    modules = {"deliberate/" + p.relative_to(package).as_posix() for p in package.rglob("*.py")
               if "__pycache__" not in p.parts}
    assert modules - names == set(), "a subpackage is missing from [tool.setuptools] packages"
    assert {f"deliberate/_rules/{p.name}" for p in (source / "rules").glob("*.yaml")} <= names
    assert {"deliberate/_rules/luohu_ten.yaml", "deliberate/_rules/motions.yaml"} <= names
    assert {"deliberate/demo/meeting.txt", "deliberate/demo/residents.csv"} <= names

    # A fresh venv outside the checkout, without pip and without the system's site-packages. Its
    # dependencies come from the project venv through a .pth line (fast, and no download). A folder
    # reached that way is only put on sys.path: its own .pth files, among them the project's
    # editable install, are not run, so `deliberate` can come only from the wheel.
    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", venv])
    python = venv / "bin" / "python"
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    paths = json.loads(_run([python, "-c", "import json, sysconfig; print(json.dumps(sysconfig.get_paths()))"],
                            cwd=tmp_path, env=env).stdout)
    ours = dict.fromkeys([sysconfig.get_path("purelib"), sysconfig.get_path("platlib")])
    (Path(paths["purelib"]) / "_project_dependencies.pth").write_text("\n".join(ours) + "\n")
    _run([sys.executable, "-m", "pip", "--python", python, "install", "--quiet", "--no-deps", "--no-index", wheel],
         env=env)

    where = _run([python, "-c", "import deliberate, deliberate.rules as r, deliberate.cli.demo as d; "
                                "print(deliberate.__file__, r.DEFAULT_RULES, d.DEMO_DATA, sep='\\n')"],
                 cwd=tmp_path, env=env).stdout.splitlines()
    installed = Path(paths["purelib"]).resolve()
    for found in where:
        assert Path(found).resolve().is_relative_to(installed), where

    deliberate = Path(paths["scripts"]) / "deliberate"
    meeting = tmp_path / "meeting"
    _run([deliberate, "--lang", "en", "demo", "--dir", meeting], cwd=tmp_path, env=env)
    assert (meeting / "deliberate.db").is_file() and (meeting / "projects.pb").is_file()
    verified = _run([deliberate, "--lang", "en", "verify", "--db", meeting / "deliberate.db"], cwd=tmp_path, env=env)
    assert "checkpoint" in verified.stdout

    # The user's own rules file, with no chart beside it: the chart comes from inside the wheel.
    own = tmp_path / "own_rules.yaml"
    own.write_text((source / "rules" / "robert.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    council = tmp_path / "council.db"
    _run([deliberate, "--db", council, "init", "Riverside Society", "--rules", own], cwd=tmp_path, env=env)
    state = json.loads(_run([deliberate, "--db", council, "--json", "state"], cwd=tmp_path, env=env)
                       .stdout.strip().splitlines()[-1])
    assert state["rules"]["source"] == "own_rules.yaml" and state["rules"]["name_en"] == "Robert's Rules of Order"
