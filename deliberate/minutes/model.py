"""The log -> a minutes model per meeting: plain data, no I/O. Pure.

`community_record(events)` folds the whole log once, wording each event with
`deliberate.narrate` against the state just before it, and sorts what happened into
meetings: attendance and absences, every motion (mover, seconder, amendments, the text as
adopted, debate, votes with their counts against threshold and base), rulings and appeals,
calls to order, adjournment, and the checkpoint that covers the meeting. Events of areas
this version does not know (secret ballots, project polls) are kept as worded lines in the
meeting (or the community) they happened in. Members appear by name only.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from deliberate.motions.stack import peek, statement_words
from deliberate import domain
from deliberate.narrate import _chart, _kind, fingerprint, narrate
from deliberate.rules import quorum_count
from deliberate.state import State, member_name

# Event types that belong to the ballots (secret ballots, project polls) as issue 12 lands them.
BALLOT_HINTS = ("ballot", "poll", "receipt", "tally")


@dataclass
class Line:
    """One event of the minutes, worded at the edge."""
    seq: int
    at: str
    type: str
    key: str
    params: dict
    corrected_by: int | None = None   # the seq of the `corrected` event that took this one back


@dataclass
class Speech:
    """A speech as the minutes record it."""
    seq: int
    at: str
    name: str
    stance: str
    question: str
    number: int
    seconds: float
    overrun: float = 0.0
    cut: bool = False


@dataclass
class Vote:
    """A vote as the minutes record it."""
    seq: int
    at: str
    question: str
    kind: str
    method: str
    yes: int
    no: int
    abstain: int
    requirement: str
    base: str
    base_count: int
    needed: int
    adopted: bool
    outcome: str
    present: int
    required: int
    roster: int
    text: str = ""
    text_after: str | None = None
    chair_vote: str | None = None
    roll: dict = field(default_factory=dict)    # name -> yes | no | abstain
    decision: bool = False                       # the vote that disposed of a main question


@dataclass
class MotionRecord:
    """A motion as the minutes record it."""
    id: str
    kind: str
    kind_words: object           # Words (the chart's name) or the code
    text: str                    # the words as made
    statement: object            # Words: the question as the chair states it
    maker: str
    seconder: str
    made_at: str
    meeting: int
    target: str | None = None
    status: str = "pending"
    final_text: str = ""         # the text as it stood at the end (as adopted, if adopted)
    amendments: list = field(default_factory=list)     # ids of motions applied to this one
    votes: list = field(default_factory=list)          # Vote
    speeches: list = field(default_factory=list)       # Speech
    lines: list = field(default_factory=list)          # Line: its history


@dataclass
class RulingRecord:
    """A ruling as the minutes record it."""
    id: str
    at: str
    text: str
    decision: str
    point: str | None
    removed: list
    appeal: str | None = None
    reversed: bool = False


@dataclass
class MeetingMinutes:
    """The minutes of one meeting."""
    number: int
    title: str
    opened_at: str
    chair: str
    secretary: str
    place: str = ""
    quorum_required: int = 0
    closed_at: str | None = None
    paper: bool = False                               # entered afterwards from paper minutes
    roster: list = field(default_factory=list)        # names on the roster when it opened
    present: list = field(default_factory=list)       # names of those who attended, in order of arrival
    absent: list = field(default_factory=list)
    departed: list = field(default_factory=list)
    motions: list = field(default_factory=list)       # MotionRecord, in order made
    votes: list = field(default_factory=list)         # Vote, in order closed
    rulings: list = field(default_factory=list)
    speeches: list = field(default_factory=list)
    calls_to_order: list = field(default_factory=list)   # (at, name, reason)
    agenda: list = field(default_factory=list)         # Line: the agenda kept (deliberate.agenda)
    adjourned_by: str | None = None
    ballots: list = field(default_factory=list)        # Line: secret ballots and polls
    lines: list = field(default_factory=list)          # Line: every event of the meeting
    first_seq: int = 0
    last_seq: int = 0
    checkpoint: dict | None = None                     # {"seq", "size", "root"} covering it
    digest: str = ""                                   # SHA-256 over its events' hashes

    @property
    def decisions(self) -> list:
        return [v for v in self.votes if v.decision]

    @property
    def motion_ids(self) -> list:
        return [m.id for m in self.motions]


@dataclass
class Project:
    """A project as the minutes record it."""
    id: str
    name: str
    name_en: str
    cost: int
    category: str
    withdrawn: bool = False


@dataclass
class CommunityRecord:
    """A community's whole public record, for its minutes site."""
    name: str = ""
    public_key: str = ""
    fingerprint: str = "-"
    size: int = 0
    head: str = ""                 # the hash of the newest event
    meetings: list = field(default_factory=list)
    motions: dict = field(default_factory=dict)     # id -> MotionRecord
    projects: list = field(default_factory=list)
    budget: int | None = None
    checkpoints: list = field(default_factory=list)  # {"seq", "size", "root", "note"}
    ballots: list = field(default_factory=list)      # Line: ballot events outside a meeting
    receipts: list = field(default_factory=list)     # {"seq", "receipt", "line"}: events carrying a receipt
    project_lines: list = field(default_factory=list)  # Line: project and budget events
    polls: list = field(default_factory=list)        # project polls closed: {"seq", "at", "poll", "rule", "selected", "spent", "budget", "votes"}
    digest: str = ""               # SHA-256 over every event's hash

    @property
    def latest_checkpoint(self) -> dict | None:
        return self.checkpoints[-1] if self.checkpoints else None

    def meeting(self, number: int) -> MeetingMinutes | None:
        return next((m for m in self.meetings if m.number == number), None)


def _ballot_event(type_: str) -> bool:
    return any(hint in type_ for hint in BALLOT_HINTS)


class _Builder:
    def __init__(self):
        self.record = CommunityRecord()
        self.meeting: MeetingMinutes | None = None
        self.digest = hashlib.sha256()
        self.meeting_digest = None
        self.stances: dict[str, str] = {}   # member id -> stance of the speech in progress
        self.approvals: dict = {}           # poll -> project id -> ballots approving it

    # -- one event ---------------------------------------------------------------------------
    def take(self, event, key: str, params: dict, before: State) -> None:
        record, p = self.record, event.payload
        line = Line(event.seq, event.at, event.type, key, params)
        self.digest.update(event.hash.encode())
        record.size, record.head = event.seq, event.hash
        handler = getattr(self, "_" + event.type, None)
        if event.type == "meeting_opened":
            self._open(event, before)
        meeting = self.meeting
        if meeting is not None:
            meeting.lines.append(line)
            meeting.last_seq = event.seq
            self.meeting_digest.update(event.hash.encode())
        if handler is not None:
            handler(event, p, before, line)
        elif _ballot_event(event.type) or (isinstance(p, dict) and "receipt" in p):
            (meeting.ballots if meeting is not None else record.ballots).append(line)
        if isinstance(p, dict) and isinstance(p.get("receipt"), str):
            record.receipts.append({"seq": event.seq, "receipt": p["receipt"], "line": line})
        if event.type == "meeting_closed" and meeting is not None:
            meeting.digest = self.meeting_digest.hexdigest()
            self.meeting = None

    def take_corrected(self, event, key: str, params: dict, by: int) -> None:
        """A retracted event: a struck-through line in its meeting, and nothing it did counts."""
        line = Line(event.seq, event.at, event.type, key, params, corrected_by=by)
        self.digest.update(event.hash.encode())
        self.record.size, self.record.head = event.seq, event.hash
        if self.meeting is not None:
            self.meeting.lines.append(line)
            self.meeting.last_seq = event.seq
            self.meeting_digest.update(event.hash.encode())

    def _name(self, state: State, member_id) -> str:
        return member_name(state, member_id) or "-"

    def _motion_line(self, motion_id: str | None, line: Line) -> None:
        motion = self.record.motions.get(motion_id) if motion_id else None
        if motion is not None:
            motion.lines.append(line)

    # -- the spine ---------------------------------------------------------------------------
    def _community_created(self, event, p, before, line):
        self.record.name = p.get("name", "")
        self.record.public_key = p.get("public_key", "")
        self.record.fingerprint = fingerprint(self.record.public_key)

    def _key_rotated(self, event, p, before, line):
        self.record.public_key = p.get("public_key", "")
        self.record.fingerprint = fingerprint(self.record.public_key)

    def _open(self, event, before: State) -> None:
        p = event.payload
        self.meeting = MeetingMinutes(
            number=p["number"], title=p["title"], opened_at=event.at, chair=p.get("chair") or "-",
            secretary=p.get("secretary") or "", place=p.get("place") or "", paper=bool(p.get("paper")),
            roster=[m.name for m in before.roster], first_seq=event.seq,
            quorum_required=quorum_count(str((before.rules or {}).get("quorum", "majority")), len(before.roster)))
        self.meeting_digest = hashlib.sha256()
        self.record.meetings.append(self.meeting)

    def _attended(self, event, p, before, line):
        if self.meeting is not None:
            name = self._name(before, p["member"])
            if name not in self.meeting.present:
                self.meeting.present.append(name)

    def _departed(self, event, p, before, line):
        if self.meeting is not None:
            self.meeting.departed.append(self._name(before, p["member"]))

    def _meeting_closed(self, event, p, before, line):
        meeting = self.meeting
        if meeting is None:
            return
        meeting.closed_at = event.at
        meeting.adjourned_by = p.get("adjourned_by")
        meeting.absent = [name for name in meeting.roster if name not in meeting.present]

    def _checkpoint(self, event, p, before, line):
        entry = {"seq": event.seq, "size": p.get("size", 0), "root": str(p.get("root", "")),
                 "note": p.get("note", "")}
        self.record.checkpoints.append(entry)
        for meeting in self.record.meetings:
            if meeting.checkpoint is None and meeting.closed_at is not None and entry["size"] >= meeting.last_seq:
                meeting.checkpoint = {k: entry[k] for k in ("seq", "size", "root")}

    # -- motions -----------------------------------------------------------------------------
    def _motion_made(self, event, p, before, line):
        meeting = self.meeting
        chart = _chart(before)
        motion = MotionRecord(
            id=p["id"], kind=p["motion"], kind_words=_kind(before, p["motion"]), text=p.get("text", ""),
            statement="", maker=self._name(before, p.get("maker")), seconder="", made_at=event.at,
            meeting=meeting.number if meeting else 0, target=p.get("target"), final_text=p.get("text", ""))
        from deliberate.motions.stack import Motion

        probe = Motion(p["id"], p["motion"], p.get("text", ""), p.get("maker"), event.at, motion.meeting,
                       target=p.get("target"), params=dict(p.get("params") or {}))
        motion.statement = statement_words(probe, chart)
        motion.lines.append(line)
        self.record.motions[motion.id] = motion
        if meeting is not None:
            meeting.motions.append(motion)
        target = self.record.motions.get(p.get("target") or "")
        if target is not None and p["motion"] == "amend":
            target.amendments.append(motion.id)
        if target is not None:
            target.lines.append(line)

    def _motion_seconded(self, event, p, before, line):
        motion = self.record.motions.get(p["id"])
        if motion is not None:
            motion.seconder = self._name(before, p["seconder"])
            motion.lines.append(line)

    def _question_stated(self, event, p, before, line):
        self._motion_line(p["id"], line)

    def _motion_disposed(self, event, p, before, line):
        motion = self.record.motions.get(p["id"])
        if motion is not None:
            motion.status = p.get("status") or motion.status
            motion.lines.append(line)

    def _vote_opened(self, event, p, before, line):
        self._motion_line(p["question"], line)

    _votes_counted = _vote_tallied = _roll_call_recorded = _vote_retaken = _vote_opened

    def _vote_closed(self, event, p, before, line):
        quorum = p.get("quorum") or {}
        roll = {}
        order = {member_id: i for i, member_id in enumerate(before.members)}
        for member_id, choice in sorted((p.get("roll") or {}).items(), key=lambda kv: (order.get(kv[0], 1 << 30), kv[0])):
            roll[self._name(before, member_id)] = choice
        vote = Vote(
            seq=event.seq, at=event.at, question=p["question"], kind=p.get("motion", ""), method=p.get("method", ""),
            yes=p.get("yes", 0), no=p.get("no", 0), abstain=p.get("abstain", 0),
            requirement=p.get("requirement", ""), base=p.get("base", ""), base_count=p.get("base_count", 0),
            needed=p.get("needed", 0), adopted=bool(p.get("adopted")), outcome=p.get("outcome", ""),
            present=quorum.get("present", 0), required=quorum.get("required", 0), roster=quorum.get("roster", 0),
            text=p.get("text", ""), text_after=p.get("text_after"), chair_vote=p.get("chair_vote"), roll=roll,
            decision=p.get("effect") == "adopt_question" or p.get("motion") == "main_motion")
        if self.meeting is not None:
            self.meeting.votes.append(vote)
        motion = self.record.motions.get(p["question"])
        if motion is not None:
            motion.votes.append(vote)
            motion.status = p.get("outcome") or motion.status
            motion.lines.append(line)
            if vote.decision and vote.text:
                motion.final_text = vote.text
        target = self.record.motions.get(p.get("target") or "")
        if target is not None:
            target.lines.append(line)
            if p.get("text_after") is not None:
                target.final_text = p["text_after"]
        if p.get("motion") == "appeal":
            for ruling in (self.meeting.rulings if self.meeting else []):
                if ruling.appeal == p["question"]:
                    ruling.reversed = p.get("outcome") == "reversed"

    def _ruling_made(self, event, p, before, line):
        ruling = RulingRecord(p["id"], event.at, p.get("text", ""), p.get("decision", ""), p.get("point"),
                              list(p.get("removed") or []))
        if self.meeting is not None:
            self.meeting.rulings.append(ruling)
        self._motion_line(p.get("point"), line)

    # -- the floor ---------------------------------------------------------------------------
    def _floor_requested(self, event, p, before, line):
        self._motion_line(p.get("question"), line)

    def _speech_started(self, event, p, before, line):
        self.stances[p["member"]] = p.get("stance") or "none"
        self._motion_line(p.get("question"), line)

    def _speech_ended(self, event, p, before, line):
        speech = Speech(event.seq, event.at, self._name(before, p["member"]),
                        p.get("stance") or self.stances.get(p["member"], "none"), p.get("question") or "",
                        p.get("number") or 0, float(p.get("seconds") or 0), float(p.get("overrun") or 0),
                        p.get("ended_by") == "chair")
        if self.meeting is not None:
            self.meeting.speeches.append(speech)
        motion = self.record.motions.get(speech.question)
        if motion is not None:
            motion.speeches.append(speech)
            motion.lines.append(line)

    def _agenda_item_added(self, event, p, before, line):
        if self.meeting is not None:
            self.meeting.agenda.append(line)

    _agenda_taken_up = _agenda_item_done = _agenda_item_added

    def _called_to_order(self, event, p, before, line):
        if self.meeting is not None:
            self.meeting.calls_to_order.append((event.at, self._name(before, p["member"]), p.get("reason", "")))
        self._motion_line(p.get("question"), line)

    # -- the budget --------------------------------------------------------------------------
    def _project_added(self, event, p, before, line):
        self.record.projects.append(Project(p["id"], p["name"], p.get("name_en", ""), p["cost"],
                                            p.get("category", "")))
        self.record.project_lines.append(line)

    def _project_withdrawn(self, event, p, before, line):
        for project in self.record.projects:
            if project.id == p["id"]:
                project.withdrawn = True
        self.record.project_lines.append(line)

    def _budget_set(self, event, p, before, line):
        self.record.budget = p["amount"]
        self.record.project_lines.append(line)

    # -- secret ballots and project polls (as the ballots area records them) ---------------------
    def _ballot_line(self, line):
        (self.meeting.ballots if self.meeting is not None else self.record.ballots).append(line)

    def _ballot_cast(self, event, p, before, line):
        self._ballot_line(line)
        if isinstance(p.get("projects"), list):
            votes = self.approvals.setdefault(p.get("poll"), {})
            for project_id in p["projects"]:
                votes[project_id] = votes.get(project_id, 0) + 1

    def _poll_closed(self, event, p, before, line):
        self._ballot_line(line)
        outcome = p.get("outcome")
        if isinstance(outcome, dict) and isinstance(outcome.get("selected"), list):
            self.record.polls.append({
                "seq": event.seq, "at": event.at, "poll": p.get("poll"), "rule": outcome.get("rule", ""),
                "selected": list(outcome["selected"]), "spent": outcome.get("spent", 0),
                "budget": outcome.get("budget", 0), "votes": dict(self.approvals.get(p.get("poll"), {})),
                "ballots": p.get("ballots", 0)})

    def finish(self, state: State) -> CommunityRecord:
        record = self.record
        items = peek(state).items
        for motion in record.motions.values():
            held = items.get(motion.id)
            if held is not None:
                if motion.kind == "main_motion":
                    motion.final_text = held.text
                if motion.status in ("pending", "adopted", "lost") and held.status not in ("pending",):
                    motion.status = held.status
        for meeting in record.meetings:
            if meeting.closed_at is None:   # still in session: the digest so far
                meeting.digest = self.meeting_digest.hexdigest() if meeting is self.meeting else meeting.digest
                meeting.absent = [name for name in meeting.roster if name not in meeting.present]
            for ruling in meeting.rulings:
                for motion in meeting.motions:
                    if motion.kind == "appeal" and motion.target == ruling.id:
                        ruling.appeal = motion.id
                        ruling.reversed = any(v.outcome == "reversed" for v in motion.votes)
        record.digest = self.digest.hexdigest()
        return record


def community_record(events, state: State | None = None) -> CommunityRecord:
    """The minutes model of a whole log (its StoredEvents, in order); `state` is the state before them.

    An event a correction took back (deliberate.corrections) stays in the minutes as a line
    marked corrected, as paper minutes strike a line through, and is not folded: what it did
    (a vote, an attendance) does not count."""
    state = state if state is not None else State()
    events = list(events)
    retracted = {seq: e.seq for e in events if e.type == "corrected" for seq in e.payload.get("retracts", ())}
    builder = _Builder()
    for event in events:
        key, params = narrate(event, state)
        if event.seq in retracted:
            builder.take_corrected(event, key, params, retracted[event.seq])
            state.seq, state.last_at = event.seq, event.at
            continue
        builder.take(event, key, params, state)
        domain.apply(state, event)
    return builder.finish(state)
