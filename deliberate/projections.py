"""Projections: the log folded into plain tables a person can read. Pure.

`project(events, motions_final)` turns the events of the log into rows for six
tables (members, meetings, motions, votes, speeches, projects) that the edge
(`deliberate.projections_store`) writes with sqlite-utils as ``view_*`` tables, so
`datasette council.db`, `sqlite-utils tables council.db` and a spreadsheet see a
readable council. They are a cache: rebuilt whole from the log, never read by
`decide`, never part of the record.

Human columns hold names (``maker``, ``speaker``, ``chair``); the id a row is known
by stays in a column of its own (``id``, ``maker_id``, ``seq``) so tables can be joined.
Private details (unit, phone, ID number) live outside the log and never reach here.

Everything comes from the events themselves, in log order, except where a motion
stands at the end (``status``, ``final_text``): how a vote on one motion moves
another (referred, tabled, postponed, rescinded, divided, ...) is the motions
area's appliers' business, so the edge passes what the fold of the log says
(`motions_final`), and without it the status is the motion's own last result.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Mapping

# Bump when a table's shape or meaning changes: stored projections of another
# version are rebuilt.
VERSION = "1"
PREFIX = "view_"
META_TABLE = "view_meta"


@dataclass(frozen=True)
class Table:
    """One public projection table: its columns and keys."""
    name: str                                   # without the prefix: "votes"
    columns: tuple[tuple[str, type], ...]       # (name, python type), in order
    pk: str
    foreign_keys: tuple[tuple[str, str, str], ...] = ()   # (column, other table, other column)

    @property
    def stored(self) -> str:
        return PREFIX + self.name

    @property
    def column_names(self) -> list[str]:
        return [name for name, _ in self.columns]


# In creation order (a table comes after those it refers to).
TABLES: tuple[Table, ...] = (
    Table("members", (
        ("id", str), ("name", str), ("role", str), ("active", int),
        ("added_at", str), ("removed_at", str),
    ), pk="id"),
    Table("meetings", (
        ("number", int), ("title", str), ("opened_at", str), ("closed_at", str),
        ("chair", str), ("secretary", str), ("attendance", int),
    ), pk="number"),
    Table("motions", (
        ("meeting", int), ("id", str), ("kind", str), ("text", str), ("stated_at", str),
        ("maker", str), ("seconder", str), ("target", str), ("made_at", str),
        ("outcome", str), ("status", str), ("final_text", str),
        ("maker_id", str), ("seconder_id", str),
    ), pk="id", foreign_keys=(
        ("meeting", "meetings", "number"), ("maker_id", "members", "id"), ("seconder_id", "members", "id"),
    )),
    Table("votes", (
        ("seq", int), ("meeting", int), ("motion", str), ("kind", str), ("text", str), ("method", str),
        ("yes", int), ("no", int), ("abstain", int), ("chair_vote", str),
        ("threshold", str), ("base", str), ("base_count", int), ("needed", int),
        ("outcome", str), ("adopted", int), ("present", int), ("quorum_required", int),
        ("opened_at", str), ("at", str),
    ), pk="seq", foreign_keys=(("meeting", "meetings", "number"), ("motion", "motions", "id"))),
    Table("speeches", (
        ("seq", int), ("meeting", int), ("motion", str), ("speaker", str), ("stance", str),
        ("number", int), ("started", str), ("ended", str), ("seconds", float), ("limit_seconds", int),
        ("overrun", float), ("ended_by", str), ("speaker_id", str),
    ), pk="seq", foreign_keys=(
        ("meeting", "meetings", "number"), ("motion", "motions", "id"), ("speaker_id", "members", "id"),
    )),
    Table("projects", (
        ("id", str), ("name", str), ("name_en", str), ("category", str), ("cost", int),
        ("status", str), ("added_at", str), ("withdrawn_at", str),
    ), pk="id"),
)
BY_NAME: dict[str, Table] = {table.name: table for table in TABLES}

# Names a Chinese-speaking host may type for a table.
ALIASES = {"成员": "members", "会议": "meetings", "动议": "motions", "表决": "votes",
           "发言": "speeches", "项目": "projects"}


def table_named(name: str) -> Table | None:
    """The table a user means by `name` ("votes", "view_votes" or "表决"), or None."""
    key = name.strip()
    key = ALIASES.get(key, key)
    if key.startswith(PREFIX):
        key = key[len(PREFIX):]
    return BY_NAME.get(key.lower())


def suggestions(name: str) -> list[str]:
    """Table names close to a mistyped `name`, best first."""
    import difflib

    words = [t.name for t in TABLES] + [t.stored for t in TABLES] + list(ALIASES)
    seen: list[str] = []
    for word in difflib.get_close_matches(name.strip().lower(), words, n=3, cutoff=0.5):
        table = table_named(word)
        if table is not None and table.name not in seen:
            seen.append(table.name)
    return seen


# -- the fold ------------------------------------------------------------------------------


def project(events: Iterable[Any], motions_final: Mapping[str, Mapping[str, Any]] | None = None
            ) -> dict[str, list[dict]]:
    """Rows of every table, by table name, from `events` in log order.

    An event needs ``seq``, ``type``, ``at`` and ``payload`` (a `StoredEvent`).
    `motions_final` maps a motion id to what the fold says of it at the end
    (``status``, ``text``); without it a motion's status is its own last result.
    """
    fold = _Fold()
    for event in events:
        handler = HANDLERS.get(event.type)
        if handler is not None:
            handler(fold, event.seq, event.at, event.payload)
    return fold.rows(motions_final or {})


class _Fold:
    def __init__(self) -> None:
        self.members: dict[str, dict] = {}
        self.meetings: dict[int, dict] = {}
        self.present: dict[int, set] = {}
        self.meeting: int | None = None          # the meeting in session
        self.motions: dict[str, dict] = {}
        self.opened: dict[str, str] = {}         # question -> when its vote was opened
        self.votes: list[dict] = []
        self.speeches: list[dict] = []
        self.speaking: dict[tuple, dict] = {}    # (member, question) -> the speech under way
        self.projects: dict[str, dict] = {}

    def name(self, member_id: str | None) -> str | None:
        if member_id is None:
            return None
        member = self.members.get(member_id)
        return member["name"] if member else member_id

    def rows(self, final: Mapping[str, Mapping[str, Any]]) -> dict[str, list[dict]]:
        motions = []
        for row in self.motions.values():
            row = dict(row)
            known = final.get(row["id"])
            if known:
                row["status"] = known.get("status") or row["status"]
                row["final_text"] = known.get("text", row["final_text"])
            motions.append(row)
        out = {
            "members": list(self.members.values()),
            "meetings": list(self.meetings.values()),
            "motions": motions,
            "votes": self.votes,
            "speeches": self.speeches,
            "projects": list(self.projects.values()),
        }
        return {name: [_shaped(BY_NAME[name], row) for row in rows] for name, rows in out.items()}


def _shaped(table: Table, row: dict) -> dict:
    """`row` with exactly the table's columns, in order."""
    return {name: row.get(name) for name in table.column_names}


# -- the events that make rows ---------------------------------------------------------


def _member_added(f: _Fold, seq: int, at: str, p: dict) -> None:
    f.members[p["id"]] = {"id": p["id"], "name": p["name"], "role": p.get("role") or None,
                          "active": 1, "added_at": at, "removed_at": None}


def _member_removed(f: _Fold, seq: int, at: str, p: dict) -> None:
    member = f.members.get(p["id"])
    if member is not None:
        member["active"], member["removed_at"] = 0, at


def _meeting_opened(f: _Fold, seq: int, at: str, p: dict) -> None:
    number = p["number"]
    f.meeting = number
    f.present[number] = set()
    f.meetings[number] = {"number": number, "title": p.get("title"), "opened_at": at, "closed_at": None,
                          "chair": p.get("chair") or f.name(p.get("chair_id")),
                          "secretary": p.get("secretary") or f.name(p.get("secretary_id")) or None,
                          "attendance": 0}


def _attended(f: _Fold, seq: int, at: str, p: dict) -> None:
    if f.meeting is None:
        return
    present = f.present[f.meeting]
    present.add(p["member"])
    f.meetings[f.meeting]["attendance"] = len(present)


def _meeting_closed(f: _Fold, seq: int, at: str, p: dict) -> None:
    number = p.get("number", f.meeting)
    if number in f.meetings:
        f.meetings[number]["closed_at"] = at
    f.meeting = None
    f.speaking.clear()


def _motion_made(f: _Fold, seq: int, at: str, p: dict) -> None:
    maker = p.get("maker")
    f.motions[p["id"]] = {
        "meeting": f.meeting, "id": p["id"], "kind": p.get("motion"), "text": p.get("text"), "stated_at": None,
        "maker": f.name(maker), "seconder": None, "target": p.get("target"), "made_at": at,
        "outcome": None, "status": "pending", "final_text": p.get("text"),
        "maker_id": maker, "seconder_id": None,
    }


def _motion_seconded(f: _Fold, seq: int, at: str, p: dict) -> None:
    motion = f.motions.get(p["id"])
    if motion is not None:
        motion["seconder_id"] = p.get("seconder")
        motion["seconder"] = f.name(p.get("seconder"))


def _question_stated(f: _Fold, seq: int, at: str, p: dict) -> None:
    motion = f.motions.get(p["id"])
    if motion is not None:
        motion["stated_at"] = at  # the words stated are worded at display time, not recorded


def _motion_disposed(f: _Fold, seq: int, at: str, p: dict) -> None:
    motion = f.motions.get(p["id"])
    if motion is not None:
        motion["status"] = p["status"]


def _vote_opened(f: _Fold, seq: int, at: str, p: dict) -> None:
    f.opened[p["question"]] = at


def _vote_closed(f: _Fold, seq: int, at: str, p: dict) -> None:
    question = p["question"]
    quorum = p.get("quorum") or {}
    f.votes.append({
        "seq": seq, "meeting": f.meeting, "motion": question, "kind": p.get("motion"), "text": p.get("text"),
        "method": p.get("method"), "yes": p.get("yes"), "no": p.get("no"), "abstain": p.get("abstain"),
        "chair_vote": p.get("chair_vote"), "threshold": p.get("requirement"), "base": p.get("base"),
        "base_count": p.get("base_count"), "needed": p.get("needed"), "outcome": p.get("outcome"),
        "adopted": None if p.get("adopted") is None else int(bool(p["adopted"])),
        "present": quorum.get("present"), "quorum_required": quorum.get("required"),
        "opened_at": f.opened.pop(question, None), "at": at,
    })
    motion = f.motions.get(question)
    if motion is not None:
        motion["outcome"] = motion["status"] = p.get("outcome")
    main = f.motions.get(p.get("target") or "")
    if main is not None and p.get("text_after") is not None:
        main["final_text"] = p["text_after"]
    for part in p.get("parts") or ():       # a divided question: each part is a motion of its own
        f.motions[part["id"]] = {
            "meeting": f.meeting, "id": part["id"], "kind": main["kind"] if main else None,
            "text": part.get("text"), "stated_at": at,
            "maker": main["maker"] if main else None, "seconder": main["seconder"] if main else None,
            "target": None, "made_at": at, "outcome": None, "status": "pending",
            "final_text": part.get("text"),
            "maker_id": main["maker_id"] if main else None, "seconder_id": main["seconder_id"] if main else None,
        }


def _speech_started(f: _Fold, seq: int, at: str, p: dict) -> None:
    member = p["member"]
    row = {"seq": seq, "meeting": f.meeting, "motion": p.get("question"), "speaker": f.name(member),
           "stance": p.get("stance"), "number": p.get("number"), "started": at, "ended": None,
           "seconds": None, "limit_seconds": p.get("limit"), "overrun": None, "ended_by": None, "speaker_id": member}
    f.speeches.append(row)
    f.speaking[(member, p.get("question"))] = row


def _speech_ended(f: _Fold, seq: int, at: str, p: dict) -> None:
    row = f.speaking.pop((p["member"], p.get("question")), None)
    if row is None:
        return
    row["ended"] = at
    row["seconds"] = p.get("seconds")
    row["overrun"] = p.get("overrun")
    row["ended_by"] = p.get("ended_by")


def _project_added(f: _Fold, seq: int, at: str, p: dict) -> None:
    f.projects[p["id"]] = {"id": p["id"], "name": p["name"], "name_en": p.get("name_en"),
                           "category": p.get("category"), "cost": p.get("cost"), "status": "proposed",
                           "added_at": at, "withdrawn_at": None}


def _project_withdrawn(f: _Fold, seq: int, at: str, p: dict) -> None:
    project = f.projects.get(p["id"])
    if project is not None:
        project["status"], project["withdrawn_at"] = "withdrawn", at


HANDLERS = {
    "member_added": _member_added,
    "member_removed": _member_removed,
    "meeting_opened": _meeting_opened,
    "attended": _attended,
    "meeting_closed": _meeting_closed,
    "motion_made": _motion_made,
    "motion_seconded": _motion_seconded,
    "question_stated": _question_stated,
    "motion_disposed": _motion_disposed,
    "vote_opened": _vote_opened,
    "vote_closed": _vote_closed,
    "speech_started": _speech_started,
    "speech_ended": _speech_ended,
    "project_added": _project_added,
    "project_withdrawn": _project_withdrawn,
}
