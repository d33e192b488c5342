"""Whatever the host types, in whatever order: no member exceeds the count limit,
the queue obeys the rules, and speech durations are the same when the log is replayed."""

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from deliberate.floor import (LowerHand, PassChair, RaiseHand, Recognize, ResumeChair, Speak, Yield, floor_of,
                              floor_view, queue)
from deliberate.floor_queue import SIDES
from deliberate.refusal import Refusal
from deliberate.times import seconds_between

from floorkit import NAMES, Desk

MEMBERS = st.sampled_from(NAMES[:5])  # the chair and four members: limits are reached often
STANCES = st.sampled_from(["pro", "con", "question", None])
WAITS = st.sampled_from([0.5, 3, 29.5, 61, 119.999, 120, 121.25, 601])


class FloorMachine(RuleBasedStateMachine):
    @initialize(rules_file=st.sampled_from(["luohu_ten.yaml", "robert.yaml"]),
                new_first=st.booleans(), alternate=st.booleans(), maker_first=st.booleans(),
                speeches=st.integers(min_value=1, max_value=3))
    def open_meeting(self, rules_file, new_first, alternate, maker_first, speeches):
        self.desk = Desk(rules_file, new_speakers_first=new_first, alternate_pro_con=alternate,
                         maker_speaks_first=maker_first, speeches_per_question=speeches)
        self.desk.pending("q1", maker="王芳")
        self.next_question = 2

    # -- the host's actions --------------------------------------------------
    @rule(name=MEMBERS, stance=STANCES, wait=WAITS)
    def raise_hand(self, name, stance, wait):
        self.desk.do(RaiseHand, name, stance, wait=wait)

    @rule(name=MEMBERS, stance=st.sampled_from(["pro", "con"]), wait=WAITS)
    def whole_turn(self, name, stance, wait):
        """A hand, the next recognised, a speech, yield: the common path, so limits are reached."""
        self.desk.do(RaiseHand, name, stance)
        self.recognize_next(1)
        self.desk.do(Speak)
        self.desk.do(Yield, wait=wait)

    @rule(name=MEMBERS)
    def lower_hand(self, name):
        self.desk.do(LowerHand, name)

    @rule(wait=WAITS)
    def recognize_next(self, wait):
        expected = queue(self.desk.state(), self.desk.rules)
        result = self.desk.do(Recognize, wait=wait)
        if not isinstance(result, Refusal):
            assert expected, "recognised someone from an empty queue"
            assert result[0].payload["member"] == expected[0].member

    @rule(name=MEMBERS, wait=WAITS)
    def recognize_by_name(self, name, wait):
        expected = queue(self.desk.state(), self.desk.rules)
        result = self.desk.do(Recognize, name, wait=wait)
        if not isinstance(result, Refusal):
            assert result[0].payload["member"] == expected[0].member == self.desk.member(name)

    @rule(stance=STANCES, wait=WAITS)
    def speak(self, stance, wait):
        self.desk.do(Speak, stance=stance, wait=wait)

    @rule(wait=WAITS, cut=st.booleans())
    def yield_floor(self, wait, cut):
        self.desk.do(Yield, cut=cut, wait=wait)

    @rule(name=MEMBERS)
    def pass_chair(self, name):
        self.desk.do(PassChair, name)

    @rule()
    def resume_chair(self):
        self.desk.do(ResumeChair)

    @rule(debatable=st.booleans())
    def subsidiary_motion(self, debatable):
        if len(self.desk.stack) < 4:
            self.desk.pending(f"q{self.next_question}", maker="刘洋", debatable=debatable, text="附属动议")
            self.next_question += 1

    @rule()
    def dispose(self):
        if len(self.desk.stack) > 1:
            self.desk.dispose()

    # -- what must always hold -------------------------------------------------
    @invariant()
    def no_member_exceeds_the_count_limit(self):
        floor = floor_of(self.desk.state())
        limit = self.desk.rules.floor.speeches_per_question
        for per_member in floor.counts.values():
            assert all(count <= limit for count in per_member.values()), floor.counts

    @invariant()
    def the_queue_obeys_the_rules(self):
        desk, rules = self.desk, self.desk.rules.floor
        floor = floor_of(desk.state())
        stack = desk.stack
        if not stack:
            return
        question = stack[-1]
        places = queue(desk.state(), desk.rules)
        hands = {h.member: h for h in floor.hands if h.question == question.id}
        for place in places:
            assert place.member in hands and place.member in desk.state().meeting.present
            assert place.member != floor.presiding_id
            assert floor.holder is None or place.member != floor.holder.member
        assert len({p.member for p in places}) == len(places)
        rest = places
        if places and places[0].reason == "maker_first":
            assert rules.maker_speaks_first and places[0].member == question.maker and places[0].spoken == 0
            rest = places[1:]
        tier = (lambda p: p.spoken > 0) if rules.new_speakers_first else (lambda p: False)
        if rules.new_speakers_first:
            spoken_flags = [tier(p) for p in rest]
            assert spoken_flags == sorted(spoken_flags), "a member who has spoken is ahead of one who has not"
        # first come first served within a tier and a side
        for i, a in enumerate(rest):
            for b in rest[i + 1:]:
                same_group = tier(a) == tier(b) and (
                    (a.stance if a.stance in SIDES else None) == (b.stance if b.stance in SIDES else None)
                    or not rules.alternate_pro_con)
                if same_group:
                    assert hands[a.member].order < hands[b.member].order, (a, b)
        # pro and con in turn: never the same side again while the other side waits in the tier
        if rules.alternate_pro_con:
            last = floor.last_side.get(question.id)
            if floor.holder and floor.holder.question == question.id and floor.holder.stance in SIDES:
                last = floor.holder.stance
            if places and places[0].reason == "maker_first" and places[0].stance in SIDES:
                last = places[0].stance
            for i, place in enumerate(rest):
                if place.stance in SIDES:
                    if place.stance == last:
                        later = [p for p in rest[i + 1:] if tier(p) == tier(place)]
                        assert not any(p.stance == SIDES[last] for p in later), (place, later)
                    last = place.stance

    @invariant()
    def durations_are_replay_stable(self):
        desk = self.desk
        replayed = desk.refold()
        live, again = floor_of(desk.state()), floor_of(replayed)
        assert [(s.member, s.seconds, s.overrun) for s in live.speeches] == \
               [(s.member, s.seconds, s.overrun) for s in again.speeches]
        starts = {}
        for event in desk.log:
            if event.type == "speech_started":
                starts[event.payload["member"]] = event.at
            elif event.type == "speech_ended":
                measured = seconds_between(starts[event.payload["member"]], event.at)
                assert abs(event.payload["seconds"] - measured) < 0.001
                assert event.payload["overrun"] == round(max(0.0, event.payload["seconds"] - event.payload["limit"]), 3)
        desk.lend_stack(replayed)
        assert floor_view(replayed, desk.rules) == floor_view(desk.state(), desk.rules)


FloorMachine.TestCase.settings = settings(max_examples=150, stateful_step_count=40, deadline=None,
                                          suppress_health_check=[HealthCheck.too_slow])
test_floor_machine = FloorMachine.TestCase
