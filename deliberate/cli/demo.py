"""`demo --dir DIR`: the sample meeting, from a GB18030 roster to the closing of the meeting."""

from __future__ import annotations

import shutil
from pathlib import Path

import click

from deliberate.cli.context import DONE, Session, current

DEMO_DATA = Path(__file__).resolve().parent.parent / "demo"
COMMUNITY = "文华社区居民议事会"


def setup_lines(roster_csv: Path) -> list[str]:
    """The community and its roster, two days before the meeting."""
    return ["@ 2026-11-18T10:00:00+08:00", f"init {COMMUNITY}", f"member import '{roster_csv}'"]


@click.command()
@click.option("--dir", "directory", default="demo", type=click.Path(file_okay=False),
              help="示例输出目录 / where the sample goes (default ./demo)")
def demo(directory):
    """示例会议 / Run the sample meeting into DIR/deliberate.db (replacing an earlier demo)."""
    from deliberate.cli.script import run_lines

    outer = current()
    target = Path(directory)
    target.mkdir(parents=True, exist_ok=True)
    db = target / "deliberate.db"
    for suffix in ("", "-wal", "-shm", ".key", ".history"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    roster = target / "residents_gb18030.csv"
    shutil.copyfile(DEMO_DATA / "residents.csv", roster)
    session = Session(db_path=db, lang=outer.lang, json=outer.json, out=outer.out)
    meeting = DEMO_DATA / "meeting.txt"
    # the community, the meeting, then the council's project list for researchers (pabulib format)
    parts = [(setup_lines(roster), "demo"),
             (meeting.read_text(encoding="utf-8").splitlines(), meeting.name),
             ([f"ballot export '{target / 'projects.pb'}'"], "demo")]
    code, ran = DONE, 0
    try:
        for lines, source in parts:
            code, more, _ = run_lines(session, lines, source)
            ran += more
            if code != DONE:
                break
    finally:
        session.close()
    if code != DONE:
        raise click.exceptions.Exit(code)
    outer.emit({"db": str(db), "lines": ran},
               outer.t("demo.done", db=db, lines=ran))
