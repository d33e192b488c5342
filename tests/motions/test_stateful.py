"""Thousands of random meetings: any sequence of commands, valid or not, keeps the invariants.

After every step: the stack is ordered by rank (a motion outranks what lies between it and the
motion it applies to), a refused command changed nothing (neither the log nor the state), the
state folded from the log equals the live state, and an open vote is always on the pending,
stated question at the top of the stack.
"""

from __future__ import annotations

import shutil
from msgspec.structs import replace
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from deliberate import state as codec
from deliberate.app import rebuild
from deliberate.meeting import Attend, CloseMeeting, Depart, OpenMeeting
from deliberate.motions.chart import MOTION_IDS
from deliberate.motions.engine import Lapse, MakeMotion, Second, Withdraw
from deliberate.motions.order import effective_rank, in_order_during_a_vote
from deliberate.motions.rulings import DECISIONS, MakeRuling
from deliberate.motions.stack import chart_of
from deliberate.motions.voting import CloseVote, CountVotes, OpenVote, RecordTally, RollCall
from deliberate.refusal import Refusal
from tests.conftest import MEETING, ROSTER, Council

names = st.sampled_from(ROSTER)
words = st.sampled_from(["在水贝公园增设临时公厕", "增设路灯；开放共享车位", "临时", "公厕", "一、甲\n二、乙", ""])
amendments = st.fixed_dictionaries({}, optional={
    "insert": st.sampled_from(["，并在一个月内完成", "两座", "x"]),
    "after": st.sampled_from(["临时公厕", "公园", "路灯"]),
    "strike": st.sampled_from(["临时", "公厕", "增设", "一个月"]),
    "substitute": st.sampled_from(["新的全文"]),
})
params = st.fixed_dictionaries({}, optional={
    "to": st.sampled_from(["环境小组", "下次会议"]),
    "question": st.sampled_from([f"q{i}" for i in range(1, 12)]),
    "seconds": st.sampled_from([60, 0]),
    "parts": st.sampled_from([["甲", "乙"], ["甲"]]),
    "flags": st.sampled_from([["notice"], ["special_order"], ["overdue"], []]),
    "voted": st.sampled_from(["yes", "no"]),
    "amendment": amendments,
    "answer": st.sampled_from(["可以"]),
})


STATS: list = []


def _picture(state) -> str:
    """The state as text, without the rules (which no command here changes)."""
    return codec.dumps(replace(state, rules=None))


class RandomMeeting(RuleBasedStateMachine):
    def __init__(self):
        super().__init__()
        self.dir = Path(tempfile.mkdtemp())  # on a RAM disk where there is one (tests/conftest.py)
        self.meeting = Council(self.dir).seat(**MEETING)
        self.refusals = 0

    def teardown(self):
        STATS.append((self.meeting.app.store.size(), self.refusals))
        self.meeting.close()
        shutil.rmtree(self.dir, ignore_errors=True)

    def run(self, make, *args):
        mt = self.meeting
        size, before = mt.app.store.size(), _picture(mt.app.state)
        result = mt.do(make, *args)
        if isinstance(result, Refusal):
            self.refusals += 1
            assert mt.app.store.size() == size
            assert _picture(mt.app.state) == before, "a refusal changed the state"
            assert result.message("zh") != result.key and result.message("en") != result.key
            if result.hint_key:
                assert result.hint("zh") and result.hint("en")

    # -- commands ------------------------------------------------------------------
    @rule(kind=st.sampled_from(MOTION_IDS), by=names, text=words, extra=params)
    def make(self, kind, by, text, extra):
        self.run(MakeMotion, kind, by, text, extra)

    @rule(kind=st.sampled_from(["main_motion", "amend", "previous_question", "adjourn", "commit_or_refer"]),
          by=names, text=words, extra=params)
    def make_common(self, kind, by, text, extra):
        self.run(MakeMotion, kind, by, text, extra)

    @rule(by=names)
    def second(self, by):
        self.run(Second, by)

    @rule()
    def lapse(self):
        self.run(Lapse)

    @rule(by=names, objected=st.booleans())
    def withdraw(self, by, objected):
        self.run(Withdraw, by, objected)

    @rule(method=st.sampled_from(["hands", "roll", "secret"]))
    def open_vote(self, method):
        self.run(OpenVote, method)

    @rule(yes=st.integers(0, 9), no=st.integers(0, 9), abstain=st.integers(0, 3))
    def count(self, yes, no, abstain):
        self.run(CountVotes, yes, no, abstain)

    @rule(yes=st.lists(names, max_size=4), no=st.lists(names, max_size=4))
    def roll(self, yes, no):
        self.run(RollCall, tuple(yes), tuple(no), ())

    @rule(yes=st.integers(0, 9), no=st.integers(0, 9))
    def tally(self, yes, no):
        self.run(RecordTally, yes, no, 0, "ballots")

    @rule(chair=st.sampled_from([None, None, "yes", "no"]))
    def close_vote(self, chair):
        self.run(CloseVote, chair)

    @rule(decision=st.sampled_from(DECISIONS))
    def ruling(self, decision):
        self.run(MakeRuling, "裁决", decision)

    @rule(who=st.lists(names, min_size=1, max_size=3, unique=True), arrive=st.booleans())
    def attendance(self, who, arrive):
        self.run(Attend if arrive else Depart, tuple(who))

    @rule()
    def close_or_reopen(self):
        if self.meeting.state().in_session():
            self.run(CloseMeeting)
        else:
            self.run(OpenMeeting, "续会", "李明", "张伟")

    # -- invariants ----------------------------------------------------------------------
    @invariant()
    def stack_is_ordered_by_rank(self):
        state, m = self.meeting.state(), self.meeting.state().motions
        if m is None:
            return
        chart = chart_of(self.meeting.app.rules)
        for position, motion_id in enumerate(m.stack):
            motion = m.items[motion_id]
            assert motion.status == "pending"
            spec = chart[motion.kind]
            below = m.stack[:position]
            if motion.target in below:
                between = below[below.index(motion.target) + 1:]
            else:
                between = below
            rank = effective_rank(spec)
            for other_id in between:
                other = effective_rank(chart[m.items[other_id].kind])
                if rank is not None and other is not None and motion.kind not in ("main_motion",):
                    assert other < rank or spec.rank is None, (m.stack, motion_id)
            if motion.kind == "main_motion":
                assert all(m.items[i].kind == "main_motion" for i in below), m.stack

    @invariant()
    def vote_only_on_the_stated_top(self):
        m = self.meeting.state().motions
        if m is not None and m.vote is not None:
            assert m.vote.question in m.stack and m.items[m.vote.question].stated
            # above the question being voted only what concerns the vote itself (a point of order)
            above = m.stack[m.stack.index(m.vote.question) + 1:]
            allowed = in_order_during_a_vote(chart_of(self.meeting.app.rules))
            assert all(m.items[i].kind in allowed for i in above), m.stack

    @invariant()
    def fold_equals_live_state(self):
        assert rebuild(self.meeting.app.store) == self.meeting.app.state


RandomMeeting.TestCase.settings = settings(
    max_examples=100, stateful_step_count=40, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
test_random_meetings = RandomMeeting.TestCase
