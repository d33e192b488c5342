"""A process killed at any instant leaves each action whole or absent, never half."""

import hashlib
import os
import random
import signal
import subprocess
import sys
import time

from deliberate.store import GENESIS, Store, record_bytes
from tests.conftest import ROOT, run_cli

BATCH = 150  # members per import: one action, BATCH events and BATCH private rows


def test_kill_9_during_imports_never_leaves_half_an_action(tmp_path):
    db = tmp_path / "c.db"
    assert run_cli("--db", str(db), "init", "社区").returncode == 0
    script = tmp_path / "imports.txt"
    lines = []
    for batch in range(40):
        csv = tmp_path / f"r{batch}.csv"
        csv.write_text("姓名,电话\n" + "".join(f"居民{batch}-{i},1380000{i:04d}\n" for i in range(BATCH)),
                       encoding="utf-8")
        lines.append(f"member import {csv}")
    script.write_text("\n".join(lines), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    rng = random.Random(9)
    for attempt in range(8):
        process = subprocess.Popen([sys.executable, "-m", "deliberate", "--db", str(db), "run", str(script),
                                    "--keep-going"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.3, 1.2))
        process.send_signal(signal.SIGKILL)
        process.wait()
        store = Store.open(db)
        rows = list(store.rows())
        members = [r for r in rows if r[1] == "member_added"]
        assert len(members) % BATCH == 0, f"half an import after kill {attempt}: {len(members)}"
        assert len(store.private()) == len(members)
        prev = GENESIS
        for seq, type_, at, payload, prev_hash, digest in rows:
            assert prev_hash == prev
            assert hashlib.sha256(record_bytes(seq, type_, at, payload, prev_hash)).hexdigest() == digest
            prev = digest
        store.close()
    # the database still takes actions after all the kills
    assert run_cli("--db", str(db), "member", "add", "最后一人").returncode == 0
