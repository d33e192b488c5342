"""Nothing is lost or leaked by accident: the demo, the console's history, file modes,
erasing a member's private details, the public copy, and an init killed at any instant."""

from __future__ import annotations

import csv
import io
import json
import os
import random
import signal
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from deliberate.roster import _ID_CHECK, _ID_WEIGHTS
from tests.conftest import ROOT, run_cli

PACKAGE = ROOT / "deliberate"


# -- helpers ---------------------------------------------------------------------


def roster_secrets() -> list[str]:
    """Every phone and ID number of the demo's roster."""
    text = (PACKAGE / "demo" / "residents.csv").read_bytes().decode("gb18030")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 24
    return [r["手机"] for r in rows] + [r["身份证号"] for r in rows]


def id_number(serial: int) -> str:
    """A valid 18-character resident ID number (GB 11643 check character)."""
    body = f"440303198001{serial:05d}"
    return body + _ID_CHECK[sum(int(d) * w for d, w in zip(body, _ID_WEIGHTS)) % 11]


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def raw(path: Path) -> bytes:
    """The bytes of a database file and of its WAL, if any."""
    data = path.read_bytes()
    wal = Path(str(path) + "-wal")
    return data + (wal.read_bytes() if wal.exists() else b"")


def table_text(db: Path, skip: set[str]) -> dict[str, str]:
    conn = sqlite3.connect(db)
    try:
        names = [n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {n: repr(conn.execute(f"SELECT * FROM [{n}]").fetchall()) for n in names if n not in skip}
    finally:
        conn.close()


def tables(db: Path) -> set[str]:
    conn = sqlite3.connect(db)
    try:
        return {n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        conn.close()


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("demo")
    result = run_cli("--lang", "en", "demo", "--dir", str(folder))
    assert result.returncode == 0, result.stderr
    return folder, result


# -- 1. the demo replaces only a demo ------------------------------------------------


def test_demo_refuses_to_replace_a_council_it_did_not_make(tmp_path):
    db = tmp_path / "deliberate.db"
    assert run_cli("--db", str(db), "init", "真实的议事会").returncode == 0
    assert run_cli("--db", str(db), "member", "add", "王芳", "--phone", "13912345678").returncode == 0
    key = Path(str(db) + ".key")
    before = db.read_bytes(), key.read_bytes()
    result = run_cli("--lang", "en", "demo", "--dir", str(tmp_path))
    assert result.returncode == 2, result.stderr
    assert str(db) in result.stderr and "not made by the demo" in result.stderr
    assert (db.read_bytes(), key.read_bytes()) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deliberate.db", "deliberate.db.key"]


def test_demo_refuses_to_replace_a_file_that_is_not_a_deliberate_database(tmp_path):
    db = tmp_path / "deliberate.db"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE notes (text TEXT)")
    conn.execute("INSERT INTO notes VALUES ('居民的笔记')")
    conn.commit()
    conn.close()
    before = db.read_bytes()
    result = run_cli("--lang", "zh", "demo", "--dir", str(tmp_path))
    assert result.returncode == 2 and str(db) in result.stderr
    assert db.read_bytes() == before


def test_demo_replaces_its_own_earlier_demo(demo_dir, tmp_path):
    folder, _ = demo_dir
    again = tmp_path / "again"
    assert run_cli("--lang", "en", "demo", "--dir", str(again)).returncode == 0
    first = (again / "deliberate.db.key").read_bytes()
    assert run_cli("--lang", "en", "demo", "--dir", str(again)).returncode == 0
    assert (again / "deliberate.db.key").read_bytes() != first  # a new demo, a new key
    assert run_cli("--db", str(again / "deliberate.db"), "verify").returncode == 0


def test_a_demo_made_before_the_mark_is_known_by_the_roster_copy_beside_it_and_replaced(tmp_path):
    assert run_cli("--lang", "en", "demo", "--dir", str(tmp_path)).returncode == 0
    db = tmp_path / "deliberate.db"
    conn = sqlite3.connect(db)
    conn.execute("DELETE FROM meta WHERE key = 'made_by'")  # as an earlier version left it
    conn.commit()
    conn.close()
    before = db.read_bytes()
    refused = run_cli("--lang", "en", "demo", "--dir", str(tmp_path))
    assert refused.returncode == 2 and db.read_bytes() == before  # no mark, no roster copy: not known as a demo
    (tmp_path / "residents_gb18030.csv").write_bytes((PACKAGE / "demo" / "residents.csv").read_bytes())
    assert run_cli("--lang", "en", "demo", "--dir", str(tmp_path)).returncode == 0
    assert not (tmp_path / "residents_gb18030.csv").exists()  # the old copy of the roster goes too


# -- 2. the demo's folder holds no copy of the private roster --------------------------


def test_the_demo_folder_holds_no_phone_or_id_number_outside_member_private(demo_dir):
    folder, result = demo_dir
    secrets = roster_secrets()
    exempt = {"deliberate.db", "deliberate.db.key"}
    leaks = {str(p.relative_to(folder)): s for p in folder.rglob("*") if p.is_file() and p.name not in exempt
             for s in secrets if s.encode() in p.read_bytes()}
    assert leaks == {}
    assert not any(s in result.stdout + result.stderr for s in secrets)
    db = folder / "deliberate.db"
    leaks = {t: s for t, text in table_text(db, {"member_private"}).items() for s in secrets if s in text}
    assert leaks == {}
    private = table_text(db, set())["member_private"]
    assert all(s in private for s in secrets)  # the roster was imported, privately


# -- 3. console history and file modes ------------------------------------------------


def test_console_history_keeps_no_private_values_and_every_file_is_private(seated):
    import pexpect

    env = {**os.environ, "PYTHONPATH": str(ROOT), "TERM": "xterm", "PROMPT_TOOLKIT_NO_CPR": "1"}
    child = pexpect.spawn(sys.executable, ["-m", "deliberate", "--db", str(seated.db), "--lang", "en", "console"],
                          env=env, encoding="utf-8", timeout=60, dimensions=(30, 200))
    wal, shm = Path(str(seated.db) + "-wal"), Path(str(seated.db) + "-shm")
    try:
        child.expect("deliberate>")
        child.send(f"member add 赵六 --phone 13912345678 --id-number {id_number(1)} --unit '9栋 909'\r")
        child.expect("Added")
        child.expect("deliberate>")
        child.send("member add 钱七 --unit=8栋808\r")
        child.expect("Added")
        child.expect("deliberate>")
        child.send("attend 王芳\r")
        child.expect("Present: 王芳")
        child.expect("deliberate>")
        assert wal.exists() and shm.exists()
        modes = {p.name: mode(p) for p in (seated.db, wal, shm)}
        child.send("exit\r")
        child.expect(pexpect.EOF)
    finally:
        child.close()
    history = Path(str(seated.db) + ".history")
    text = history.read_text(encoding="utf-8")
    assert "attend 王芳" in text
    for value in ("13912345678", id_number(1), "9栋 909", "8栋808", "--phone", "--unit"):
        assert value not in text
    modes[history.name] = mode(history)
    modes["key"] = mode(Path(str(seated.db) + ".key"))
    assert {name: m & 0o077 for name, m in modes.items()} == {name: 0 for name in modes}


def test_a_history_written_before_keeps_no_private_values_once_the_console_opens(seated):
    import pexpect

    history = Path(str(seated.db) + ".history")
    history.write_text("\n# 2026-01-01 10:00:00\n+member add 赵六 --phone 13912345678\n"
                       "\n# 2026-01-01 10:01:00\n+attend 王芳\n", encoding="utf-8")
    history.chmod(0o644)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TERM": "xterm", "PROMPT_TOOLKIT_NO_CPR": "1"}
    child = pexpect.spawn(sys.executable, ["-m", "deliberate", "--db", str(seated.db), "--lang", "en", "console"],
                          env=env, encoding="utf-8", timeout=60, dimensions=(30, 200))
    try:
        child.expect("deliberate>")
        child.send("exit\r")
        child.expect(pexpect.EOF)
    finally:
        child.close()
    text = history.read_text(encoding="utf-8")
    assert "13912345678" not in text and "attend 王芳" in text
    assert mode(history) & 0o077 == 0


def test_a_piped_console_writes_no_history(seated):
    result = run_cli("--db", str(seated.db), "--lang", "en", "console",
                     stdin="member add 赵六 --phone 13912345678\nexit\n")
    assert result.returncode == 0, result.stderr
    history = Path(str(seated.db) + ".history")
    assert not history.exists() or "13912345678" not in history.read_text(encoding="utf-8")


def test_a_new_database_is_private_to_its_owner_whatever_the_umask(tmp_path):
    db = tmp_path / "c.db"
    result = subprocess.run([sys.executable, "-c",
                             "import os, sys; os.umask(0o002); from deliberate.cli.main import main; "
                             "sys.exit(main(sys.argv[1:]))", "--db", str(db), "init", "社区"],
                            env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert mode(db) == 0o600 and mode(Path(str(db) + ".key")) == 0o600


# -- 4. member remove erases the private details ---------------------------------------


def big_roster(tmp_path: Path, count: int = 300) -> tuple[Path, list[tuple[str, str, str, str]]]:
    people = [(f"居民{i:03d}", f"{i % 30 + 1}栋 {100 + i}", f"139{i:08d}", id_number(i)) for i in range(count)]
    path = tmp_path / "roster.csv"
    path.write_text("姓名,单元,电话,身份证号\n" + "".join(",".join(p) + "\n" for p in people), encoding="utf-8")
    return path, people


def test_member_remove_erases_the_private_details_from_the_file(council, tmp_path):
    assert council("init", "文华社区").exit_code == 0
    roster, people = big_roster(tmp_path)
    assert council("member", "import", str(roster)).exit_code == 0
    name, unit, phone, id_no = people[137]
    assert phone.encode() in raw(council.db)
    result = council("member", "remove", name, "--reason", "搬走")
    assert result.exit_code == 0, result.output
    assert "private details erased" in result.output
    conn = sqlite3.connect(council.db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = raw(council.db)
    assert [v for v in (phone, id_no, unit) if v.encode() in data] == []
    keep = people[138]
    assert keep[2].encode() in data and keep[3].encode() in data  # the others are untouched
    assert len(council.events()) == 1 + len(people) + 1
    assert run_cli("--db", str(council.db), "verify").returncode == 0


def test_a_refused_removal_erases_nothing(seated):
    assert seated("member", "add", "赵六", "--phone", "13912345678").exit_code == 0
    assert seated("attend", "赵六").exit_code == 0
    result = seated("member", "remove", "赵六")
    assert result.exit_code == 1
    code, answer = seated.json("member", "list", "--show-private")
    assert [m["phone"] for m in answer["members"] if m["name"] == "赵六"] == ["13912345678"]


# -- 5. the public copy ----------------------------------------------------------------


def test_the_public_copy_holds_the_log_and_no_private_detail(demo_dir, tmp_path):
    folder, _ = demo_dir
    source = folder / "deliberate.db"
    out = tmp_path / "public.db"
    result = run_cli("--db", str(source), "--lang", "en", "public-copy", str(out))
    assert result.returncode == 0, result.stderr
    copied = tables(out)
    assert "member_private" not in copied and "snapshots" not in copied
    assert not any(t.startswith("view_") for t in copied)
    assert {"meta", "events", "ledger_nodes"} <= copied
    if "signed_head" in tables(source):
        assert "signed_head" in copied
        assert table_text(out, set())["signed_head"] == table_text(source, set())["signed_head"]
    assert table_text(out, set())["events"] == table_text(source, set())["events"]
    data = raw(out)
    assert [s for s in roster_secrets() if s.encode() in data] == []
    verified = run_cli("--db", str(out), "verify", "--json")
    assert verified.returncode == 0, verified.stderr
    assert json.loads(verified.stdout)["checkpoints"] >= 1
    listed = run_cli("--db", str(out), "--json", "member", "list", "--show-private")
    assert listed.returncode == 0, listed.stderr  # the roster's names, and nothing private to show
    members = json.loads(listed.stdout)["members"]
    assert len(members) == 24 and {m["phone"] for m in members} == {""}



def test_the_public_copy_refuses_to_overwrite(seated, tmp_path):
    out = tmp_path / "public.db"
    out.write_bytes(b"someone's file")
    result = run_cli("--db", str(seated.db), "--lang", "zh", "public-copy", str(out))
    assert result.returncode == 2 and str(out) in result.stderr
    assert out.read_bytes() == b"someone's file"
    assert sorted(p.name for p in tmp_path.iterdir() if "public" in p.name) == ["public.db"]


def test_the_public_copy_of_a_log_being_written_is_consistent(seated, tmp_path):
    assert seated("member", "add", "赵六", "--phone", "13912345678", "--id-number", id_number(7)).exit_code == 0
    out = tmp_path / "public.db"
    code, answer = seated.json("public-copy", str(out))
    assert code == 0 and answer["events"] == len(seated.events())
    assert b"13912345678" not in raw(out) and id_number(7).encode() not in raw(out)
    assert run_cli("--db", str(out), "verify").returncode == 0


# -- 6. init is atomic -------------------------------------------------------------------


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".init-" in p.name)


def test_init_killed_at_any_instant_leaves_nothing_or_a_usable_database(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    started = time.monotonic()
    assert run_cli("--db", str(tmp_path / "timing.db"), "init", "社区").returncode == 0
    normal = time.monotonic() - started
    rng = random.Random(os.environ.get("PRIVACY_SEED", 6))
    survived = 0
    for attempt in range(15):
        folder = tmp_path / f"run{attempt}"
        folder.mkdir()
        db = folder / "deliberate.db"
        process = subprocess.Popen([sys.executable, "-m", "deliberate", "--db", str(db), "init", "社区"],
                                   env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            process.wait(timeout=rng.uniform(0, normal))  # the random instant is the point of the test
        except subprocess.TimeoutExpired:
            process.send_signal(signal.SIGKILL)
            process.wait()
        if db.exists():
            assert run_cli("--db", str(db), "state").returncode == 0, attempt
            assert run_cli("--db", str(db), "verify").returncode == 0, attempt
            # killed after the database was in place, before its folder went: only second names of the same files
            placed = (db, Path(str(db) + ".key"))
            for name in leftovers(folder):
                assert all(any(os.path.samefile(f, p) for p in placed) for f in (folder / name).iterdir())
        else:
            again = run_cli("--db", str(db), "init", "社区")
            assert again.returncode == 0, (attempt, again.stderr)
            assert run_cli("--db", str(db), "verify").returncode == 0
            assert leftovers(folder) == [], attempt
        survived += 1
    assert survived == 15


def dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_init_starts_again_after_a_kill_between_the_key_and_the_database(tmp_path):
    """The one instant where a key is in place and its database is not: the next init undoes it."""
    db = tmp_path / "deliberate.db"
    work = tmp_path / f".deliberate.db.init-{dead_pid()}"
    work.mkdir()
    assert run_cli("--db", str(work / "deliberate.db"), "init", "社区").returncode == 0
    os.link(work / "deliberate.db.key", tmp_path / "deliberate.db.key")
    result = run_cli("--db", str(db), "init", "社区")
    assert result.returncode == 0, result.stderr
    assert leftovers(tmp_path) == []
    assert run_cli("--db", str(db), "verify").returncode == 0
    assert run_cli("--db", str(db), "checkpoint").returncode == 0  # the key in place is the database's own


def test_init_never_takes_a_key_it_did_not_make(tmp_path):
    db = tmp_path / "deliberate.db"
    other = tmp_path / "other" / "deliberate.db"
    other.parent.mkdir()
    assert run_cli("--db", str(other), "init", "社区").returncode == 0
    key = tmp_path / "deliberate.db.key"
    key.write_bytes(Path(str(other) + ".key").read_bytes())
    work = tmp_path / f".deliberate.db.init-{dead_pid()}"  # a leftover, but not the key's maker
    work.mkdir()
    result = run_cli("--db", str(db), "--lang", "en", "init", "社区")
    assert result.returncode == 2 and str(key) in result.stderr
    assert key.read_bytes() == Path(str(other) + ".key").read_bytes()
    assert not db.exists()
