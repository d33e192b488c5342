"""The minutes site at district scale: 100 community databases of 20 meetings each, one site.

Run from the repository root: `python bench/site.py`. Targets (issue 13):
  full build of the district site (`deliberate publish --dbs FOLDER`) <= 30 s;
  after one new meeting in one community, the incremental build <= 1 s;
  `deliberate verify SITE` of the whole site <= 5 s.
With `--keep DIR` the generated databases are kept in DIR/dbs and reused (copied) by later runs.
Every figure is the real command in its own process (start-up included).

The district is generated through the real CLI: each community is its own `deliberate run` of
a script made from one template (its own name, members, motion texts and counts, a signed
checkpoint at the end), so each database has its own community key and origin, as in a real
district. The runs are mostly waiting on the disk, so several go at once; their time is shown
but is not a target.
"""

from __future__ import annotations

import datetime
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchkit import prepare, reference  # noqa: E402

ROOT = prepare()
ENV = {**os.environ, "PYTHONPATH": str(ROOT), "DELIBERATE_LANG": "en"}
COMMUNITIES = 100
MEETINGS = 20
MEMBERS = 15
STREETS = ("翠竹", "文华", "水贝", "田贝", "黄贝", "东湖", "莲塘", "笋岗", "清水河", "桂园")
WORKS = ("自行车棚", "路灯", "休息座椅", "垃圾分类亭", "无障碍坡道", "充电桩", "儿童游乐区", "消防通道标识")


def cli(*args: str, check: bool = True) -> tuple[float, str]:
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "deliberate", *args], env=ENV, cwd=ROOT,
                            capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if check and result.returncode != 0:
        raise SystemExit(f"deliberate {' '.join(args)} failed ({result.returncode}): {result.stderr}{result.stdout}")
    return elapsed, result.stdout


def meeting_lines(n: int, day: datetime.date, rng: random.Random, members: list[str]) -> list[str]:
    """One meeting of the template: attendance, a motion debated, amended or not, voted, closed."""
    d = day.isoformat()
    present = members[2:2 + rng.randrange(9, MEMBERS - 2)]
    maker, seconder, con = present[0], present[1], present[2]
    street, work = rng.choice(STREETS), rng.choice(WORKS)
    yes = rng.randrange(len(present) // 2, len(present))
    no = rng.randrange(0, len(present) - yes)
    lines = [f"@ {d}T19:00:00+08:00",
             f'meeting open "第{n}次居民议事会" --chair {members[0]} --secretary {members[1]}',
             "attend " + " ".join(present),
             f"@ {d}T19:05:00+08:00",
             f'move "在{street}路{n}号楼旁增设**{work}**" --by {maker}', f"second --by {seconder}",
             f"hand {maker} --stance 赞成", f"hand {con} --stance 反对", "recognize", "speak",
             f"@ {d}T19:0{6 + rng.randrange(3)}:00+08:00", "yield", "recognize", "speak",
             f"@ {d}T19:10:30+08:00", "yield"]
    if n % 3 == 0:
        lines += [f"@ {d}T19:12:00+08:00", f'amend --by {con} --insert "，并在两个月内完成" --after "{work}**"',
                  f"second --by {present[3]}", "vote open --method hands",
                  f"vote count --yes {yes} --no {no} --abstain 0", "vote close"]
    lines += [f"@ {d}T19:15:00+08:00", "vote open --method hands",
              f"vote count --yes {yes} --no {no} --abstain {len(present) - yes - no}", "vote close",
              f"@ {d}T19:30:00+08:00", "meeting close"]
    return lines


def community_script(i: int) -> str:
    rng = random.Random(i)
    members = [f"{rng.choice('王李张刘陈杨赵黄周吴')}{c}{i:03d}" for c in "甲乙丙丁戊己庚辛壬癸子丑寅卯辰"][:MEMBERS]
    lines = ["@ 2025-01-01T09:00:00+08:00", f"init 第{i:03d}社区居民议事会"]
    lines += [f"member add {name}" for name in members]
    first = datetime.date(2025, 1, 6) + datetime.timedelta(days=i % 7)
    for n in range(1, MEETINGS + 1):
        lines += meeting_lines(n, first + datetime.timedelta(days=14 * (n - 1)), rng, members)
    lines += ["checkpoint"]
    return "\n".join(lines) + "\n"


def make_district(folder: Path) -> list[Path]:
    scripts = folder / "scripts"
    dbs = folder / "dbs"
    scripts.mkdir()
    dbs.mkdir()

    def one(i: int) -> Path:
        script = scripts / f"c{i:03d}.txt"
        script.write_text(community_script(i), encoding="utf-8")
        db = dbs / f"c{i:03d}.db"
        cli("--db", str(db), "run", str(script))
        return db

    with ThreadPoolExecutor(max_workers=8) as pool:
        return list(pool.map(one, range(COMMUNITIES)))


def count_files(site: Path) -> int:
    return sum(len(files) for _, _, files in os.walk(site))


def main() -> None:
    print(reference())
    keep = Path(sys.argv[sys.argv.index("--keep") + 1]) if "--keep" in sys.argv else None
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        start = time.perf_counter()
        if keep is not None and (keep / "dbs").is_dir():   # a district made by an earlier run: copied
            shutil.copytree(keep / "dbs", folder / "dbs")
            dbs = sorted((folder / "dbs").glob("*.db"))
            reused = True
        else:
            dbs, reused = make_district(folder), False
            if keep is not None:
                shutil.copytree(folder / "dbs", keep / "dbs")
        made_s = time.perf_counter() - start
        site, key = folder / "site", folder / "district.key"
        publish = ("--json", "publish", "--out", str(site), "--dbs", str(folder / "dbs"), "--key", str(key))

        full_s, out = cli(*publish)
        full = json.loads(out)
        again_s, out = cli(*publish)
        again = json.loads(out)   # 0 written (1, build.json, if the code or catalog changed meanwhile)

        target = dbs[COMMUNITIES // 2]
        cli("--db", str(target), "--at", "2025-12-01T19:00:00+08:00", "meeting", "open", "临时会议",
            "--chair", community_script(COMMUNITIES // 2).split("member add ")[1].split("\n")[0])
        cli("--db", str(target), "--at", "2025-12-01T19:20:00+08:00", "meeting", "close")
        incremental_s, out = cli(*publish)
        incremental = json.loads(out)

        verify_s, out = cli("--json", "verify", str(site))
        checked = json.loads(out)
        files = count_files(site)
        flipped = site / "c" / f"c{COMMUNITIES // 3:03d}" / "meeting-7.en.html"
        data = bytearray(flipped.read_bytes())
        data[len(data) // 2] ^= 1
        flipped.write_bytes(bytes(data))
        tampered = subprocess.run([sys.executable, "-m", "deliberate", "verify", str(site)], env=ENV, cwd=ROOT,
                                  capture_output=True).returncode
        assert tampered == 3, tampered

    rows = [
        (f"{'copy' if reused else 'generate'} {COMMUNITIES} communities x {MEETINGS} meetings"
         f"{' (--keep)' if reused else ' (`run`, 8 at once)'}", f"{made_s:.1f} s", "-"),
        (f"full build: {full['communities']} communities, {files:,} files", f"{full_s:.2f} s", "<= 30 s"),
        (f"rebuild with nothing changed ({again['written']} written)", f"{again_s:.2f} s", "-"),
        (f"incremental: one new meeting, {incremental['written']} files written", f"{incremental_s:.2f} s", "<= 1 s"),
        (f"verify the whole site ({checked['files']:,} files in its manifest)", f"{verify_s:.2f} s", "<= 5 s"),
        ("a flipped byte in one community's page: verify exits", f"{tampered}", "3"),
    ]
    width = max(len(r[0]) for r in rows)
    print("bench/site.py")
    for what, figure, target in rows:
        print(f"  {what:<{width}}  {figure:>9}   target {target}")


if __name__ == "__main__":
    main()
