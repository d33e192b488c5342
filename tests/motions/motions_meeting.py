"""A real meeting in a real SQLite file, for the motions' story tests (helpers; fixtures in conftest)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from deliberate.app import App, rebuild
from deliberate.meeting import Attend, OpenMeeting
from deliberate.refusal import Refusal, Refused
from deliberate.roster import AddMembers, CreateCommunity, NewMember
from deliberate.rules import BUILTIN_DIR, load_rules
from deliberate.store import Store

ROOT = Path(__file__).resolve().parents[2]
NAMES = ["李明", "张伟", "王芳", "陈静", "刘洋", "杨秀英", "赵磊", "黄丽", "周杰", "吴敏", "徐强", "孙悦"]
T0 = "2026-11-20T19:00:00.000+08:00"


def at(minute: int, second: int = 0) -> str:
    return f"2026-11-20T{19 + minute // 60:02d}:{minute % 60:02d}:{second:02d}.000+08:00"


_loaded: dict = {}


def _rules(rules_file: str):
    if rules_file not in _loaded:
        _loaded[rules_file] = load_rules(BUILTIN_DIR / rules_file)[0]
    return _loaded[rules_file]


class Meeting:
    """One community, its roster and a meeting in session; `do` runs a command for real."""

    def __init__(self, path: Path, rules_file: str = "luohu_ten.yaml", present=None, rules_change=None,
                 chair: str = "李明"):
        rules = _rules(rules_file)
        if rules_change:
            rules = rules_change(rules)
        self.rules = rules
        self.app = App(Store.create(path))
        self.minute = 0
        self.run(CreateCommunity(T0, "文华社区居民议事会", rules.to_dict(), rules_file))
        self.run(AddMembers(T0, tuple(NewMember(n) for n in NAMES)))
        self.run(OpenMeeting(T0, "第4次居民议事会", chair, "张伟"))
        names = [n for n in (present if present is not None else NAMES) if n not in (chair, "张伟")]
        if names:
            self.run(Attend(T0, tuple(names)))

    def now(self) -> str:
        self.minute += 1
        return at(self.minute)

    def run(self, command):
        return self.app.execute(command)

    def do(self, make, *args, **kwargs):
        """Execute `make(now, *args, **kwargs)`; return its events, or the Refusal (log unchanged)."""
        command = make(self.now(), *args, **kwargs)
        before = self.app.store.size()
        try:
            stored = self.app.execute(command)
        except Refused as refused:
            assert self.app.store.size() == before, "a refusal recorded something"
            return refused.refusal
        return stored

    def ok(self, make, *args, **kwargs):
        result = self.do(make, *args, **kwargs)
        assert not isinstance(result, Refusal), f"refused: {result.rule} {result.message('en')} {result.params}"
        return result

    def refused(self, rule: str, make, *args, **kwargs) -> Refusal:
        size = self.app.store.size()
        result = self.do(make, *args, **kwargs)
        assert isinstance(result, Refusal), f"expected a refusal {rule}, recorded {[e.type for e in result]}"
        assert result.rule == rule, f"expected {rule}, got {result.rule}: {result.message('en')}"
        assert self.app.store.size() == size
        return result

    # -- shorthands for stories ------------------------------------------------------
    def motion(self, kind: str, by: str, text: str = "", **params):
        from deliberate.motions.engine import MakeMotion

        return self.ok(MakeMotion, kind, by, text, params)

    def moved(self, kind: str, by: str, text: str = "", second: str | None = None, **params) -> str:
        """Make a motion and, when it needs one, second it; return its id."""
        stored = self.motion(kind, by, text, **params)
        motion_id = stored[0].payload["id"]
        if second:
            from deliberate.motions.engine import Second

            self.ok(Second, second)
        return motion_id

    def vote(self, yes: int, no: int, abstain: int = 0, chair_vote=None) -> dict:
        """A show of hands on the immediately pending question; the vote_closed payload."""
        from deliberate.motions.voting import CloseVote, CountVotes, OpenVote

        self.ok(OpenVote, "hands")
        self.ok(CountVotes, yes, no, abstain)
        stored = self.ok(CloseVote, chair_vote)
        return next(e.payload for e in stored if e.type == "vote_closed")

    def attempt(self, kind: str, by: str, text: str = "", **params):
        from deliberate.motions.engine import MakeMotion

        return self.do(MakeMotion, kind, by, text, params)

    def refuse_motion(self, rule: str, kind: str, by: str, text: str = "", **params):
        from deliberate.motions.engine import MakeMotion

        return self.refused(rule, MakeMotion, kind, by, text, params)

    def status(self, motion_id: str) -> str:
        return self.m.items[motion_id].status

    def text(self, motion_id: str) -> str:
        return self.m.items[motion_id].text

    @property
    def state(self):
        return self.app.state

    @property
    def m(self):
        return self.app.state.motions

    def stack_kinds(self) -> list[str]:
        return [self.m.items[i].kind for i in self.m.stack]

    def member(self, name: str) -> str:
        return self.state.keys[name]

    def check_fold(self) -> None:
        from deliberate import state as codec

        folded = rebuild(self.app.store)
        assert folded == self.app.state
        assert codec.loads(codec.dumps(self.app.state)) == folded

    def close(self):
        self.app.close()


def with_rules(section: str, **changes):
    """A `rules_change` that replaces fields of one section (chair, voting, business)."""

    def change(rules):
        return replace(rules, **{section: replace(getattr(rules, section), **changes)})

    return change
