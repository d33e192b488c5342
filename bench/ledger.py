"""Ledger figures: verify a million events, inclusion proofs on a million, appends through `run`.

Run: python bench/ledger.py [EVENTS]      (default 1,000,000)
Targets (issue 7): `verify --db` on 1,000,000 events <= 15 s; an inclusion proof
for any leaf of a 1,000,000-event log <= 20 ms; 10,000 events appended through
`run` (tree maintained, checkpoint signed at close) <= 5 s overall.
"""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchkit import prepare, reference  # noqa: E402

ROOT = prepare()
ENV = {**os.environ, "PYTHONPATH": str(ROOT), "DELIBERATE_LANG": "en"}

from deliberate.ledger import checkpoint as cp  # noqa: E402
from deliberate.ledger import keys, merkle, tree_store  # noqa: E402
from deliberate.ledger.verify import open_log, verify_database  # noqa: E402
from deliberate.store import Event, Store  # noqa: E402

BATCH = 10_000
MEMBERS = 997
CHECKPOINT_EVERY = 100_000
NAME = "基准社区"


def build_log(db: Path, events: int) -> float:
    """A log of `events` events through Store.append (tree kept), signed every CHECKPOINT_EVERY; it folds."""
    store = Store.create(db)
    key = keys.create_key(db)
    start = time.perf_counter()
    store.append([Event("community_created", "2026-11-20T18:00:00.000+08:00",
                        {"name": NAME, "rules": {}, "rules_source": "bench", "public_key": keys.public_b64(key)})])
    # Members, and a meeting they come to and leave: a log that folds (`verify` folds every event).
    opening = "2026-11-20T18:30:00.000+08:00"
    store.append([Event("member_added", opening, {"id": f"m{i}", "name": f"居民{i:03d}"}) for i in range(MEMBERS)]
                 + [Event("meeting_opened", opening, {"chair": "居民000", "chair_id": "m0", "number": 1,
                                                      "secretary": "", "title": "基准会议"})])
    written = 2 + MEMBERS
    present = set()
    while written < events:
        with store.transaction():
            count = min(BATCH, events - written)
            signed = (written + count) // CHECKPOINT_EVERY > written // CHECKPOINT_EVERY or written + count == events
            batch = []
            for i in range(count - 1 if signed else count):
                n = written + i
                member = n % MEMBERS
                present ^= {member}
                batch.append(Event("attended" if member in present else "departed",
                                   f"2026-11-20T19:{n // 600000 % 60:02d}:{n // 10000 % 60:02d}.{n % 1000:03d}+08:00",
                                   {"member": f"m{member}"}))
            if signed:
                store.append(batch)
                payload = cp.make_checkpoint(store, db, NAME)
                store.append([Event("checkpoint", "2026-11-20T20:00:00.000+08:00", payload)])
            else:
                store.append(batch)
            written += count
    elapsed = time.perf_counter() - start
    store.close()
    return elapsed


def proof_times(db: Path, samples: int = 300) -> tuple[float, float, int]:
    conn = open_log(db)
    size = tree_store.size(conn)
    root = tree_store.root_at(conn, size)
    rng = random.Random(7)
    indexes = [0, size - 1, size // 2, (1 << (size.bit_length() - 1)) - 1] + [rng.randrange(size) for _ in range(samples)]
    times = []
    first = True
    for index in indexes:
        t0 = time.perf_counter()
        proof = tree_store.inclusion_proof_at(conn, index, size)
        times.append(time.perf_counter() - t0)
        if first:
            print(f"  first proof on a fresh connection: {times[0] * 1000:.2f} ms")
            first = False
        leaf = conn.execute("SELECT hash FROM ledger_nodes WHERE level = 0 AND idx = ?", (index,)).fetchone()[0]
        assert merkle.verify_inclusion(leaf, index, size, proof, root)
    conn.close()
    return statistics.median(times) * 1000, max(times) * 1000, len(indexes)


def run_script_seconds(folder: Path) -> tuple[float, int]:
    members = 100
    roster = folder / "roster.csv"
    roster.write_text("姓名\n" + "".join(f"居民{i:03d}\n" for i in range(members)), encoding="utf-8")
    db = folder / "run.db"
    # init on its own line first: the community (and its key) exist before the timed script.
    init = subprocess.run([sys.executable, "-m", "deliberate", "--db", str(db), "--at", "2026-11-20T18:00:00+08:00",
                           "init", NAME], env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if init.returncode != 0:
        raise SystemExit(f"init failed: {init.stderr}")
    lines = ["@ 2026-11-20T18:00:00+08:00", f"member import {roster}",
             "meeting open 基准会议 --chair 居民000"]
    events = 1 + members + 2
    i = 0
    while events < 10_000:
        name = f"居民{1 + i % (members - 1):03d}"
        lines.append(f"attend {name}" if (i // (members - 1)) % 2 == 0 else f"depart {name}")
        events += 1
        i += 1
    lines.append("meeting close")
    script = folder / "meeting.txt"
    script.write_text("\n".join(lines) + "\n", encoding="utf-8")
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "deliberate", "--db", str(db), "run", str(script)],
                            env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"run failed: {result.stderr}")
    summary = verify_database(db)
    if summary.checkpoints < 1:
        raise SystemExit("the meeting closed without a checkpoint")
    return elapsed, summary.events


def main() -> None:
    print(reference())
    events = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        run_s, run_events = run_script_seconds(folder)
        print(f"run: {run_events:,} events appended (tree kept, checkpoint at close) in {run_s:.2f} s  (target <= 5 s)")

        db = folder / "million.db"
        build_s = build_log(db, events)
        mb = db.stat().st_size / 1e6
        print(f"build: {events:,} events via Store.append in {build_s:.1f} s "
              f"({events / build_s:,.0f} events/s); file {mb:.0f} MB")

        t0 = time.perf_counter()
        summary = verify_database(db)
        verify_s = time.perf_counter() - t0
        print(f"verify --db: {summary.events:,} events, {summary.checkpoints} checkpoints in {verify_s:.2f} s  (target <= 15 s)")

        median_ms, max_ms, count = proof_times(db)
        print(f"inclusion proof on {summary.events:,} leaves: median {median_ms:.2f} ms, max {max_ms:.2f} ms "
              f"over {count} leaves  (target <= 20 ms)")

        t0 = time.perf_counter()
        result = subprocess.run([sys.executable, "-m", "deliberate", "--db", str(db), "proof", str(events // 3)],
                                env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        cli_ms = (time.perf_counter() - t0) * 1000
        if result.returncode != 0:
            raise SystemExit(f"proof failed: {result.stderr}")
        print(f"`deliberate proof` as a whole process: {cli_ms:.0f} ms")


if __name__ == "__main__":
    main()
