"""The state is the fold of the log: replaying gives the live state, snapshots are only a cache."""

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from deliberate import app as app_module
from deliberate.app import App, rebuild
from deliberate.meeting import Attend, CloseMeeting, Depart, OpenMeeting
from deliberate.errors import Refused
from deliberate.roster import AddMembers, CreateCommunity, NewMember, RemoveMember
from deliberate.rules import DEFAULT_RULES, load_rules
from deliberate.store import Store

NAMES = ["王芳", "陈静", "刘洋", "李明", "Zhang Wei", "ＡＢＣ", "e\u0301"]
action = st.one_of(
    st.tuples(st.just("add"), st.sampled_from(NAMES)),
    st.tuples(st.just("remove"), st.sampled_from(NAMES)),
    st.tuples(st.just("open"), st.sampled_from(NAMES)),
    st.tuples(st.just("attend"), st.lists(st.sampled_from(NAMES), min_size=1, max_size=3)),
    st.tuples(st.just("depart"), st.lists(st.sampled_from(NAMES), min_size=1, max_size=2)),
    st.tuples(st.just("close"), st.none()),
)


def command(kind, arg, at):
    if kind == "add":
        return AddMembers(at, (NewMember(arg),))
    if kind == "remove":
        return RemoveMember(at, arg)
    if kind == "open":
        return OpenMeeting(at, "会议", arg)
    if kind == "attend":
        return Attend(at, tuple(arg))
    if kind == "depart":
        return Depart(at, tuple(arg))
    return CloseMeeting(at)


@given(st.lists(action, max_size=40))
@settings(max_examples=60, deadline=None)
def test_replaying_the_log_gives_the_live_state_and_refusals_change_nothing(actions):
    rules, _ = load_rules(DEFAULT_RULES)
    with tempfile.TemporaryDirectory() as folder:
        app = App(Store.create(Path(folder) / "c.db"))
        app.execute(CreateCommunity("2026-11-20T18:00:00.000+08:00", "社区", rules.to_dict(), "luohu_ten.yaml"))
        for i, (kind, arg) in enumerate(actions):
            at = f"2026-11-20T19:{i // 60:02d}:{i % 60:02d}.000+08:00"
            size_before = app.store.size()
            try:
                app.execute(command(kind, arg, at))
            except Refused:
                assert app.store.size() == size_before
            if app.state.in_session():
                present = app.state.meeting.present
                assert len(present) == len(set(present))
                assert all(app.state.members[m].active for m in present)
        assert rebuild(app.store) == app.state
        app.close()


def test_an_edited_snapshot_cache_never_changes_what_the_app_folds(tmp_path):
    """Anyone with the file can write the old `snapshots` cache without the key: the app never reads it."""
    from deliberate.state import dumps

    rules, _ = load_rules(DEFAULT_RULES)
    app = App(Store.create(tmp_path / "c.db"))
    app.execute(CreateCommunity("2026-11-20T18:00:00.000+08:00", "社区", rules.to_dict(), "luohu_ten.yaml"))
    app.execute(AddMembers("2026-11-20T18:00:00.000+08:00", (NewMember("王芳"), NewMember("陈静"))))
    forged = dumps(app.state).replace("王芳", "假名")
    with app.store.transaction():
        app.store.conn.execute("INSERT INTO snapshots(seq, state) VALUES (?, ?)",
                               (app.state.seq, app_module.SNAPSHOT_VERSION + "\n" + forged))
    app.close()
    reopened = app_module.open_app(tmp_path / "c.db")
    assert [m.name for m in reopened.state.roster] == ["王芳", "陈静"]
    reopened.close()


def test_state_rebuild_flag_refolds_from_the_log(seated):
    code, cached = seated.json("state")
    code, refolded = seated.json("state", "--rebuild")
    assert code == 0 and cached == refolded
