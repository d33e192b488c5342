"""The motions' slice of the state: every motion made, the stack of pending questions,
the vote in progress, the results and the chair's rulings. Plain data. Pure.

The stack lists the ids of pending motions, the one made first at the bottom; the
immediately pending question is the topmost motion the chair has stated. Motions are
voted in the reverse order of being stated, so a vote is only ever taken on the top.
"""

from __future__ import annotations

from msgspec import Struct, field

from deliberate.motions.chart import Chart, MotionSpec
from deliberate.question import Question, question_source
from deliberate.state import State


class Motion(Struct):
    """A motion made in a meeting, pending or decided."""
    id: str                   # "q7": unique for the life of the record
    kind: str                 # its id in the chart
    text: str                 # its words as amended so far (for amend: the words it inserts or strikes)
    maker: str | None         # member id
    made_at: str
    meeting: int
    target: str | None = None  # the motion (or ruling) it applies to
    params: dict = field(default_factory=dict)
    seconder: str | None = None
    stated: bool = False
    status: str = "pending"   # pending, adopted, lost, withdrawn, lapsed, tabled, referred, ...
    debate_closed: bool = False
    limits: dict = field(default_factory=dict)
    result: int | None = None  # index in Motions.results of its last vote


class OpenVote(Struct):
    """The vote under way, with its counts or roll."""
    question: str
    method: str               # hands | roll | secret | rising
    opened_at: str
    counts: dict | None = None            # {"yes", "no", "abstain"} once counted or tallied
    roll: dict = field(default_factory=dict)  # member id -> yes | no | abstain (roll call)


class Result(Struct):
    """How a question was decided."""
    question: str
    kind: str
    text: str
    meeting: int
    at: str
    method: str
    yes: int
    no: int
    abstain: int
    requirement: str          # majority | two_thirds | majority_of_entire_membership | ...
    base: str                 # votes_cast | present | entitled
    base_count: int
    needed: int               # the fewest votes (yes, or no for an appeal) that carry it
    adopted: bool
    outcome: str              # adopted | lost | sustained | reversed | considered | not_considered
    quorum_present: int
    quorum_required: int
    chair_vote: str | None = None
    roll: dict = field(default_factory=dict)


class Ruling(Struct):
    """A ruling of the chair."""
    id: str                   # "r3"
    text: str
    at: str
    meeting: int
    point: str | None         # the point of order or question of privilege it answers
    decision: str             # well_taken | not_well_taken | out_of_order | admitted | refused | ruling
    removed: list = field(default_factory=list)  # motions ruled out of order (back if reversed)
    appeal: str | None = None
    reversed: bool = False


class Motions(Struct):
    """The motions' slice of the state: the stack, every motion, the vote, results and rulings."""
    next_motion: int = 1
    next_ruling: int = 1
    stack: list = field(default_factory=list)
    items: dict = field(default_factory=dict)       # id -> Motion
    vote: OpenVote | None = None
    results: list = field(default_factory=list)     # Result, in order
    rulings: dict = field(default_factory=dict)     # id -> Ruling
    appealable: str | None = None                    # the ruling just made, until other business
    tabled: list = field(default_factory=list)      # segments of the stack laid on the table
    adjourn_to: str | None = None
    suspended: list = field(default_factory=list)
    last_closed: int | None = None                  # index of the result just announced


def motions_of(state: State) -> Motions:
    """The slice, created on first use (so a log from before motions folds the same)."""
    if state.motions is None:
        state.motions = Motions()
    return state.motions


def peek(state: State) -> Motions:
    """The slice for reading: an empty one when nothing has happened yet (never stored)."""
    return state.motions if state.motions is not None else Motions()


def presiding_id(state: State) -> str | None:
    """The member presiding now: the floor's record of a passed chair, else the chair."""
    if state.meeting is None:
        return None
    floor = state.floor
    if floor is not None and getattr(floor, "meeting", state.meeting.number) == state.meeting.number:
        passed = getattr(floor, "presiding_id", None)
        if passed:
            return passed
    return state.meeting.chair_id


# -- the chart as the rules in force carry it -------------------------------------

_charts: dict[int, tuple[dict, Chart]] = {}


def chart_of(rules) -> Chart:
    """The `Chart` of the rules in force (rebuilt from the plain dict the log carries)."""
    motions = rules.motions
    cached = _charts.get(id(motions))
    if cached is not None and cached[0] is motions:
        return cached[1]
    specs = []
    for data in motions.values():
        values = dict(data)
        values["applies_to"] = tuple(values["applies_to"])
        values["in_order_when"] = tuple(values["in_order_when"])
        specs.append(MotionSpec(**values))
    chart = Chart(specs)
    _charts[id(motions)] = (motions, chart)
    return chart


# -- the stack ----------------------------------------------------------------------


def pending(state: State) -> list[Motion]:
    m = peek(state)
    return [m.items[i] for i in m.stack]


def top(state: State) -> Motion | None:
    m = peek(state)
    return m.items[m.stack[-1]] if m.stack else None


def immediately_pending(state: State) -> Motion | None:
    """The topmost stated motion: the question before the meeting."""
    m = peek(state)
    for motion_id in reversed(m.stack):
        motion = m.items[motion_id]
        if motion.stated:
            return motion
    return None


def chain(state: State, motion: Motion) -> list[str]:
    """The kinds from the motion at the root of `motion`'s targets up to `motion`."""
    items = peek(state).items
    kinds = [motion.kind]
    current = motion
    while current.target in items:
        current = items[current.target]
        kinds.append(current.kind)
    kinds.reverse()
    return kinds


def debatable(state: State, chart: Chart | None, motion: Motion) -> bool | str:
    if motion.debate_closed:
        return False
    if chart is None:
        return True
    return chart.is_debatable(chain(state, motion))


def statement(motion: Motion, chart: Chart | None, lang: str = "zh") -> str:
    """The question as the chair states it, in `lang`: worded at the edge, never recorded
    (a ``question_stated`` event holds only the motion's id)."""
    from deliberate.i18n import t

    if motion.kind == "main_motion":
        return motion.text
    if motion.kind == "amend":
        return describe_amendment(motion, lang)
    if motion.kind == "appeal":
        return t("motions.q.appeal", lang)
    name = chart[motion.kind].name(lang) if chart is not None and motion.kind in chart else motion.kind
    return f"{name}：{motion.text}" if motion.text and lang == "zh" else (
        f"{name}: {motion.text}" if motion.text else name)


def statement_words(motion: Motion, chart: Chart | None):
    """The statement in both languages, shown in the language of the message around it."""
    from deliberate.i18n import Words

    return Words(statement(motion, chart, "zh"), statement(motion, chart, "en"))


def describe_amendment(motion: Motion, lang: str = "zh") -> str:
    from deliberate.i18n import t

    p = motion.params.get("op") or {}
    op = p.get("op", "insert")
    where = p.get("after") or p.get("before") or ""
    key = f"motions.q.amend.{op}" + ("_at" if op == "insert" and where else "")
    return t(key, lang, words=motion.text, strike=p.get("strike", ""), where=where,
             side=t("motions.q.after" if p.get("after") else "motions.q.before", lang))


# -- the seam to the floor ------------------------------------------------------------


def _pending_question(state: State) -> Question | None:
    motion = immediately_pending(state)
    if motion is None:
        return None
    chart = _chart_in_state(state)
    return Question(
        id=motion.id,
        motion=motion.kind,
        text=statement_words(motion, chart),
        maker=motion.maker,
        debatable=debatable(state, chart, motion),
        stated=True,
        limits=dict(motion.limits),
    )


def _pending_ids(state: State) -> list[str]:
    return [motion.id for motion in pending(state) if motion.stated]


def _chart_in_state(state: State) -> Chart | None:
    rules = state.rules
    if not rules or not rules.get("motions"):
        return None

    class _Holder:  # chart_of reads `.motions`
        motions = rules["motions"]

    return chart_of(_Holder)


question_source(_pending_question, _pending_ids)
