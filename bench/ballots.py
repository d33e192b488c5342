"""Secret ballots: 300 phones casting at once over loopback, close and tally of 500 ballots, 500 slips.

Run from the repository root: `python bench/ballots.py`. Targets (issue 12):
  300 concurrent clients (300 present members): every accepted ballot recorded exactly once, p99 <= 200 ms;
  a poll of 500 ballots closes and tallies (equalshares/add1 over 20 projects) in <= 1 s;
  `slips` for 500 codes <= 3 s.
The server runs as its own process (`deliberate serve`); the clients are plain asyncio sockets
(HTTP/1.1, one request per connection), all started together.
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchkit import prepare, reference  # noqa: E402

ROOT = prepare()

from deliberate.app import open_app  # noqa: E402
from deliberate.ballots import box, polls  # noqa: E402
from deliberate.ballots.projects import AddProject, SetBudget  # noqa: E402
from deliberate.meeting import Attend, OpenMeeting  # noqa: E402
from deliberate.roster import AddMembers, NewMember  # noqa: E402

EVE = "2026-11-20T18:00:00+08:00"


def community(folder: Path, members: int, projects: int):
    """A community of `members`, all present, `projects` projects and a budget, made through the CLI's App."""
    db = folder / "bench.db"
    subprocess.run([sys.executable, "-m", "deliberate", "--db", str(db), "--at", EVE, "init", "基准社区"],
                   cwd=ROOT, check=True, capture_output=True)
    app = open_app(db)
    names = [f"居民{i:03d}" for i in range(members)]
    app.execute(AddMembers(EVE, tuple(NewMember(name) for name in names)))
    app.execute(SetBudget(EVE, 1_000_000))
    rng = random.Random(12)
    for i in range(projects):
        app.execute(AddProject(EVE, f"项目{i:02d}", rng.randrange(20_000, 200_000)))
    app.execute(OpenMeeting("2026-11-20T19:00:00+08:00", "基准会议", names[0]))
    app.execute(Attend("2026-11-20T19:00:00+08:00", tuple(names[1:])))
    return db, app


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def one(port: int, body: bytes) -> tuple[float, int, dict]:
    start = time.perf_counter()
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"POST /api/ballot HTTP/1.1\r\nHost: bench\r\nContent-Type: application/json\r\n"
                 b"Connection: close\r\nContent-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body)
    await writer.drain()
    data = await reader.read()
    writer.close()
    took = time.perf_counter() - start
    head, _, payload = data.partition(b"\r\n\r\n")
    return took, int(head.split()[1]), json.loads(payload)


async def crowd(port: int, bodies: list[bytes]):
    return await asyncio.gather(*(one(port, b) for b in bodies))


def phones(folder: Path) -> None:
    db, app = community(folder, 301, 8)                       # 300 voters and the chair
    app.execute(polls.OpenProjectPoll("2026-11-20T19:10:00+08:00", 3))
    _, codes = box.issue(app, 300, False, "2026-11-20T19:10:00+08:00")
    app.close()
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "deliberate", "--db", str(db), "serve", "--host", "127.0.0.1",
                               "--port", str(port)], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.02)
        rng = random.Random(3)
        bodies = [json.dumps({"code": c, "projects": rng.sample([f"p{i}" for i in range(1, 9)], rng.randint(0, 3))})
                  .encode() for c in codes]
        asyncio.run(crowd(port, bodies[:2]))                  # warm the server up (two ballots)
        start = time.perf_counter()
        results = asyncio.run(crowd(port, bodies[2:]))
        wall = time.perf_counter() - start
    finally:
        server.terminate()
        server.wait(10)
    latencies = sorted(r[0] for r in results)
    accepted = [r[2]["receipt"] for r in results if r[1] == 200]
    p99 = latencies[int(len(latencies) * 0.99) - 1]
    app = open_app(db)
    closing = box.close(app, "2026-11-20T19:30:00+08:00")
    recorded = [e.payload["receipt"] for e in app.store.read() if e.type == "ballot_cast"]
    app.close()
    lost = len(set(accepted) - set(recorded))
    print(f"300 phones at once: {len(accepted)} + 2 accepted, {closing['ballots']} recorded, {lost} lost, "
          f"{len(recorded) - len(set(recorded))} twice; latency median {statistics.median(latencies) * 1000:.0f} ms, "
          f"p99 {p99 * 1000:.0f} ms, max {latencies[-1] * 1000:.0f} ms (target p99 <= 200 ms); "
          f"{len(results) / wall:.0f} ballots/s")


def close_500(folder: Path) -> None:
    db, app = community(folder, 501, 20)
    app.execute(polls.OpenProjectPoll("2026-11-20T19:10:00+08:00", 6))
    _, codes = box.issue(app, 500, False, "2026-11-20T19:10:00+08:00")
    rng = random.Random(5)
    for code in codes:
        box.cast(app, code, None, rng.sample([f"p{i}" for i in range(1, 21)], rng.randint(1, 6)))
    start = time.perf_counter()
    closing = box.close(app, "2026-11-20T19:30:00+08:00")
    took = time.perf_counter() - start
    outcome = closing["outcome"]
    print(f"close and tally of {closing['ballots']} ballots ({outcome['rule']}, 20 projects, "
          f"{outcome['mes_runs']} MES runs): {took:.3f} s (target <= 1 s)")
    app.close()


def slips_500(folder: Path) -> None:
    db, app = community(folder, 501, 4)
    app.execute(polls.OpenProjectPoll("2026-11-20T19:10:00+08:00", 2))
    app.close()
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "deliberate", "--db", str(db), "slips", "--out", str(folder / "s.html"),
                    "--url", "http://192.168.1.20:8000/"], cwd=ROOT, check=True, capture_output=True)
    took = time.perf_counter() - start
    size = (folder / "s.html").stat().st_size
    print(f"slips for 500 codes (the whole CLI process, QR codes included): {took:.2f} s, {size // 1024} KB "
          f"(target <= 3 s)")


def main() -> int:
    print(reference())
    print(f"load average (1, 5, 15 min): {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    for step in (phones, close_500, slips_500):
        with tempfile.TemporaryDirectory() as folder:
            step(Path(folder))
    return 0


if __name__ == "__main__":
    sys.exit(main())
