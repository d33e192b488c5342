"""`demo --dir DIR`: the sample meeting, from a GB18030 roster to the closing of the meeting.

The demo replaces only a database it made itself: its `init` writes the meta row
``made_by = demo`` into the database before the file appears (see `create_community`),
and a `DIR/deliberate.db` without that mark is left as it is (exit 2). The roster
is imported straight from the package data, so no copy of its phones and ID numbers
is left in DIR: they live in the database's member_private table only.
"""

from __future__ import annotations

import importlib.resources
import sqlite3
from pathlib import Path

import click

from deliberate.cli.context import DONE, Session, current

DEMO_DATA = importlib.resources.files("deliberate") / "demo"  # package data: in a wheel as in the checkout
COMMUNITY = "文华社区居民议事会"
MADE_BY = ("made_by", "demo")          # the meta row that marks a demo's database
LEGACY_ROSTER = "residents_gb18030.csv"  # the copy earlier demos left beside their database
DEMO_FILES = ("", "-wal", "-shm", ".key", ".history")


def setup_lines(roster_csv: Path) -> list[str]:
    """The community and its roster, two days before the meeting."""
    return ["@ 2026-11-18T10:00:00+08:00", f"init {COMMUNITY}", f"member import '{roster_csv}'"]


@click.command()
@click.option("--dir", "directory", default="demo", type=click.Path(file_okay=False),
              help="示例输出目录 / where the sample goes (default ./demo)")
def demo(directory):
    """示例会议 / Run the sample meeting into DIR/deliberate.db (replacing only an earlier demo)."""
    from deliberate.cli.demo_ballots import run_with_phones  # run_lines, with the secret ballots

    outer = current()
    target = Path(directory)
    target.mkdir(parents=True, exist_ok=True)
    db = target / "deliberate.db"
    clear_earlier_demo(db)
    session = Session(db_path=db, lang=outer.lang, json=outer.json, out=outer.out)
    session.extras["meta"] = dict([MADE_BY])
    meeting = DEMO_DATA / "meeting.txt"
    code, ran = DONE, 0
    try:
        # a real path to the packaged roster (a temporary copy, removed on leaving, only from a zipped install)
        with importlib.resources.as_file(DEMO_DATA / "residents.csv") as roster:
            # the community, the meeting, then the council's project list for researchers (pabulib format)
            parts = [(setup_lines(roster), "demo", False),
                     (meeting.read_text(encoding="utf-8").splitlines(), meeting.name, True),  # each line shown
                     ([f"ballot export '{target / 'projects.pb'}'"], "demo", False)]
            for lines, source, echo in parts:
                code, more, _ = run_with_phones(session, lines, source, echo=echo)
                ran += more
                if code != DONE:
                    break
    finally:
        session.close()
    if code != DONE:
        raise click.exceptions.Exit(code)
    show_summary(outer, db, target)
    from deliberate.site.writer import build   # the minutes site, sealed: DIR/site/index.html

    site = build([db], target / "site")
    outer.emit({"db": str(db), "lines": ran, "site": site["path"]},
               outer.t("demo.done", db=db, lines=ran) + "\n" + outer.t(
                   "site.published.one", path=site["path"], communities=1, written=site["written"],
                   unchanged=site["unchanged"], fingerprint=site["fingerprint"]))


def show_summary(outer, db: Path, target: Path) -> None:
    """What a host reads at the end: the meeting, who attended, each decision with its counts, the
    checkpoint and the key's fingerprint; the sample script copied to DIR/meeting.txt, and where to read on."""
    from deliberate.minutes.model import community_record
    from deliberate.minutes.words import when
    from deliberate.store import Store

    script = target / "meeting.txt"
    script.write_bytes((DEMO_DATA / "meeting.txt").read_bytes())
    store = Store.open(db)
    try:
        record = community_record(store.read())
    finally:
        store.close()
    t, sep = outer.t, "、" if outer.lang == "zh" else ", "
    lines = ["", t("demo.summary.title")]
    for meeting in record.meetings:
        lines.append(t("demo.summary.meeting" if meeting.secretary else "demo.summary.meeting.no_secretary",
                       number=meeting.number, title=meeting.title, opened=when(meeting.opened_at),
                       closed=when(meeting.closed_at)[11:], chair=meeting.chair, secretary=meeting.secretary))
        lines.append(t("demo.summary.present", present=len(meeting.present), roster=len(meeting.roster),
                       names=sep.join(meeting.present)))
        lines.append(t("demo.summary.decisions"))
        for vote in meeting.decisions:
            motion = record.motions.get(vote.question)
            text = motion.final_text if motion is not None and motion.final_text else vote.text
            lines.append("  " + t("demo.summary.decision", id=vote.question, text=text,
                                  outcome=t(f"minutes.status.{vote.outcome}"),
                                  yes=vote.yes, no=vote.no, abstain=vote.abstain))
    checkpoint = record.latest_checkpoint
    if checkpoint:
        lines.append(t("demo.summary.checkpoint", size=checkpoint["size"], root=checkpoint["root"][:16]))
    lines.append(t("demo.summary.fingerprint", fingerprint=record.fingerprint))
    lines.append(t("demo.summary.script", path=script, db=db))
    lines.append(t("demo.summary.guide"))
    if not outer.json:
        outer.echo("\n".join(lines))


def clear_earlier_demo(db: Path) -> None:
    """Remove an earlier demo's database and files; refuse (BadInput) if `db` is anything else."""
    from deliberate.errors import BadInput

    if not db.exists():
        return  # stray files beside no database are left to `init`, which refuses to build over them
    legacy = db.with_name(LEGACY_ROSTER)
    if not (_marked(db) or _legacy_demo(db, legacy)):
        raise BadInput("demo.not_a_demo", path=str(db))
    for suffix in DEMO_FILES:
        Path(str(db) + suffix).unlink(missing_ok=True)
    legacy.unlink(missing_ok=True)


def _read(db: Path, sql: str) -> tuple | None:
    """One row from a deliberate database, read only: no byte of it or beside it is written."""
    from deliberate.errors import BadInput
    from deliberate.store import check_ours

    try:
        check_ours(db)
    except BadInput:
        return None
    live = Path(str(db) + "-wal").exists()
    mode = "mode=ro" if live else "mode=ro&immutable=1"
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?{mode}", uri=True)
    try:
        return conn.execute(sql).fetchone()
    except sqlite3.DatabaseError:
        return None
    finally:
        conn.close()


def _marked(db: Path) -> bool:
    return _read(db, f"SELECT value FROM meta WHERE key = '{MADE_BY[0]}'") == (MADE_BY[1],)


def _legacy_demo(db: Path, roster: Path) -> bool:
    """A demo made before the mark: the sample community, with the sample roster's copy beside it."""
    import json

    try:
        same_roster = roster.read_bytes() == (DEMO_DATA / "residents.csv").read_bytes()
    except OSError:
        return False
    first = _read(db, "SELECT payload FROM events WHERE seq = 1 AND type = 'community_created'")
    return same_roster and first is not None and json.loads(first[0]).get("name") == COMMUNITY
