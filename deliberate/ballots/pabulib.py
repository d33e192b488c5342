"""Read and write pabulib `.pb` files (https://pabulib.org/format).

A file has three sections, each a line with its name and then `;`-separated rows under
a header row: META (`key;value`), PROJECTS (`project_id;cost;...`) and VOTES
(`voter_id;vote;...`, `vote` a comma-separated list of project ids, `points` a
comma-separated list of integers for cumulative and scoring votes). We accept a UTF-8
byte order mark, CRLF, LF or CR line ends, empty lines, and fields in double quotes
(which may hold `;`, with `""` for a quote; not line breaks). Ids are text: "07" and
"7" are two projects. Money must be whole units ("1500" or "1500.00").

Every refusal is a BadInput naming the line and the field, in zh and en.
`parse_pb(text_or_bytes)` does no I/O; `read_pb(path)` reads a file.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from deliberate.ballots.election import Ballot, Election, Project, no_cycle_collection
from deliberate.errors import BadInput
from deliberate.texts import MONEY_MAX

SECTIONS = ("META", "PROJECTS", "VOTES")
VOTE_TYPES = ("approval", "cumulative", "scoring", "ordinal")
PROJECT_FIELDS = ("project_id", "cost", "name", "name_zh", "name_en", "category")
_MONEY = re.compile(r"^\s*(\d+)(?:\.0*)?\s*$")
_INTEGER = re.compile(r"^\s*-?\d+\s*$")


def read_pb(path: str | Path) -> Election:
    """The election in the pabulib file at `path`."""
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise BadInput("budget.pb.unreadable", path=str(path), reason=error.strerror or str(error)) from None
    return parse_pb(data)


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise BadInput("budget.pb.encoding", line=line, byte=f"0x{data[error.start]:02x}") from None


def _fields(text: str, line: int) -> list[str]:
    if '"' not in text:  # the common case: no quoting, a plain split gives the same fields
        return text.split(";")
    try:
        return next(csv.reader([text], delimiter=";", quotechar='"', strict=True))
    except csv.Error:
        raise BadInput("budget.pb.quote", line=line) from None


def _money(text: str, line: int, field: str) -> int:
    match = _MONEY.match(text)
    if not match:
        raise BadInput("budget.pb.not_money", line=line, field=field, value=text[:40])
    return _bounded(match.group(1), line, field)


def _bounded(digits: str, line: int, field: str) -> int:
    """`digits` as a number no larger than MONEY_MAX (never building a huge int), else BadInput."""
    significant = digits.lstrip("-").lstrip("0")
    if len(significant) > len(str(MONEY_MAX)) or (significant and int(significant) > MONEY_MAX):
        raise BadInput("budget.pb.too_large", line=line, field=field, limit="10^12")
    return int(digits)


def parse_pb(source: str | bytes) -> Election:
    """The election in pabulib text (str, or UTF-8 bytes with or without BOM)."""
    with no_cycle_collection():
        return _parse(source)


def _parse(source: str | bytes) -> Election:
    text = _decode(source) if isinstance(source, bytes) else source.removeprefix("\ufeff")
    lines = re.split(r"\r\n|\n|\r", text)
    sections: dict[str, list[tuple[int, list[str]]]] = {}
    current: str | None = None
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        if raw.strip().upper() in SECTIONS:
            current = raw.strip().upper()
            if current in sections:
                raise BadInput("budget.pb.section_twice", line=number, section=current)
            sections[current] = []
            continue
        if current is None:
            raise BadInput("budget.pb.before_section", line=number)
        sections[current].append((number, _fields(raw, number)))
    for name in SECTIONS:
        if name not in sections:
            raise BadInput("budget.pb.missing_section", section=name)
        if not sections[name]:
            raise BadInput("budget.pb.no_header", section=name)

    meta = _meta(sections["META"])
    budget_line, budget_text = meta.pop("budget", (None, None))
    if budget_text is None:
        raise BadInput("budget.pb.no_budget", line=sections["META"][0][0])
    budget = _money(budget_text, budget_line, "budget")
    type_line, vote_type = meta.pop("vote_type", (budget_line, "approval"))
    vote_type = vote_type.strip() or "approval"
    if vote_type not in VOTE_TYPES:
        raise BadInput("budget.pb.vote_type", line=type_line, value=vote_type, types=", ".join(VOTE_TYPES))
    projects = _projects(sections["PROJECTS"])
    ballots = _ballots(sections["VOTES"], {p.id for p in projects})
    return Election(projects, budget, ballots, vote_type, tuple((k, v) for k, (_, v) in meta.items()))


def _rows(rows, section: str, required: tuple[str, ...]):
    header_line, header = rows[0]
    header = [h.strip() for h in header]
    for name in required:
        if name not in header:
            raise BadInput("budget.pb.missing_column", line=header_line, section=section, column=name)
    for number, fields in rows[1:]:
        if len(fields) != len(header):
            raise BadInput("budget.pb.field_count", line=number, section=section,
                           expected=len(header), found=len(fields))
        yield number, dict(zip(header, fields))


def _meta(rows) -> dict[str, tuple[int, str]]:
    meta: dict[str, tuple[int, str]] = {}
    for number, fields in rows[1:]:
        if len(fields) != 2:
            raise BadInput("budget.pb.field_count", line=number, section="META", expected=2, found=len(fields))
        meta[fields[0].strip()] = (number, fields[1])
    return meta


def _projects(rows) -> list[Project]:
    projects: list[Project] = []
    seen: dict[str, int] = {}
    for number, row in _rows(rows, "PROJECTS", ("project_id", "cost")):
        pid = row["project_id"].strip()
        if not pid:
            raise BadInput("budget.pb.empty_field", line=number, field="project_id")
        if pid in seen:
            raise BadInput("budget.pb.duplicate_project", line=number, project=pid, first=seen[pid])
        seen[pid] = number
        category = tuple(c.strip() for c in row.get("category", "").split(",") if c.strip())
        extra = tuple((k, v) for k, v in row.items() if k not in PROJECT_FIELDS and v != "")
        projects.append(Project(pid, _money(row["cost"], number, "cost"), row.get("name", ""),
                                row.get("name_zh", ""), row.get("name_en", ""), category, extra))
    return projects


def _ballots(rows, known: set[str]) -> list[Ballot]:
    ballots: list[Ballot] = []
    seen: dict[str, int] = {}
    header_line, header = rows[0]
    header = [h.strip() for h in header]
    for name in ("voter_id", "vote"):
        if name not in header:
            raise BadInput("budget.pb.missing_column", line=header_line, section="VOTES", column=name)
    at_voter, at_vote = header.index("voter_id"), header.index("vote")
    at_points = header.index("points") if "points" in header else None
    others = [(k, name) for k, name in enumerate(header) if name not in ("voter_id", "vote", "points")]
    width = len(header)
    for number, fields in rows[1:]:
        if len(fields) != width:
            raise BadInput("budget.pb.field_count", line=number, section="VOTES", expected=width, found=len(fields))
        voter = fields[at_voter].strip()
        if not voter:
            raise BadInput("budget.pb.empty_field", line=number, field="voter_id")
        if voter in seen:
            raise BadInput("budget.pb.duplicate_voter", line=number, voter=voter, first=seen[voter])
        seen[voter] = number
        vote = tuple(p for p in map(str.strip, fields[at_vote].split(",")) if p)
        if not known.issuperset(vote):
            unknown = next(pid for pid in vote if pid not in known)
            raise BadInput("budget.pb.unknown_project", line=number, voter=voter, project=unknown)
        if len(set(vote)) != len(vote):
            twice = next(p for p in vote if vote.count(p) > 1)
            raise BadInput("budget.pb.vote_twice", line=number, voter=voter, project=twice)
        points = None
        if at_points is not None and fields[at_points].strip():
            parts = [p.strip() for p in fields[at_points].split(",")]
            if len(parts) != len(vote) or not all(_INTEGER.match(p) for p in parts):
                raise BadInput("budget.pb.points", line=number, voter=voter)
            points = tuple(_bounded(p, number, "points") for p in parts)
            if any(p < 0 for p in points):
                raise BadInput("budget.pb.points", line=number, voter=voter)
        extra = tuple([(name, fields[k]) for k, name in others if fields[k] != ""])
        ballots.append(Ballot(voter, vote, points, extra))
    return ballots


# -- writing -------------------------------------------------------------------------
def _line(fields) -> str:
    out = []
    for field in fields:
        text = str(field)
        if any(ch in text for ch in ';"\r\n') or text != text.strip():
            text = '"' + text.replace('"', '""') + '"'
        out.append(text)
    return ";".join(out)


def _columns(rows) -> list[str]:
    """The extra columns of all rows, keeping each row's own order where the rows agree.

    A topological order of "comes before" within rows, ties going to the column seen first.
    """
    seen: dict[str, int] = {}
    after: dict[str, set[str]] = {}
    for row in rows:
        keys = [key for key, _ in row]
        for key in keys:
            seen.setdefault(key, len(seen))
            after.setdefault(key, set())
        for a, b in zip(keys, keys[1:]):
            after[a].add(b)
    waiting = {key: 0 for key in seen}
    for key in seen:
        for b in after[key]:
            waiting[b] += 1
    columns: list[str] = []
    ready = sorted((k for k in seen if waiting[k] == 0), key=seen.get)
    while ready:
        key = ready.pop(0)
        columns.append(key)
        for b in after[key]:
            waiting[b] -= 1
            if waiting[b] == 0:
                ready.append(b)
        ready.sort(key=seen.get)
    return columns + [k for k in seen if k not in columns]  # rows that disagree: first seen


def write_pb(election: Election) -> str:
    """The election as pabulib text (LF line ends); `parse_pb(write_pb(e)) == e`."""
    out = ["META", "key;value", _line(["budget", election.budget]), _line(["vote_type", election.vote_type])]
    out += [_line([k, v]) for k, v in election.meta]
    named = [f for f in ("name", "name_zh", "name_en") if any(getattr(p, f) for p in election.projects)]
    categorised = any(p.category for p in election.projects)
    extra = _columns(p.extra for p in election.projects)
    out += ["PROJECTS", _line(["project_id", "cost", *named, *(["category"] if categorised else []), *extra])]
    for p in election.projects:
        row = [p.id, p.cost, *(getattr(p, f) for f in named)]
        if categorised:
            row.append(",".join(p.category))
        values = dict(p.extra)
        out.append(_line(row + [values.get(k, "") for k in extra]))
    pointed = any(b.points is not None for b in election.ballots)
    extra = _columns(b.extra for b in election.ballots)
    out += ["VOTES", _line(["voter_id", "vote", *(["points"] if pointed else []), *extra])]
    for b in election.ballots:
        row = [b.voter, ",".join(b.approved)]
        if pointed:
            row.append(",".join(str(p) for p in b.points) if b.points is not None else "")
        values = dict(b.extra)
        out.append(_line(row + [values.get(k, "") for k in extra]))
    return "\n".join(out) + "\n"


def official_selected(election: Election) -> tuple[str, ...] | None:
    """The projects the file marks `selected` (1), or None when the file has no such column."""
    if not any(k == "selected" for p in election.projects for k, _ in p.extra):
        return None
    return tuple(p.id for p in election.projects if dict(p.extra).get("selected", "").strip() == "1")
