"""Secret polls: codes, casting, close and count, receipts (the real CLI on a real database)."""

from __future__ import annotations

import json
import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from deliberate.ballots import polls
from tests.ballots.conftest import project_poll


def test_a_code_has_80_bits_an_unambiguous_alphabet_and_catches_any_single_typo():
    from deliberate.ballots.box import draw_codes

    code = draw_codes(1)[0]
    plain = polls.normal_code(code)
    assert len(plain) == 17 and not set(plain) & set("ILOU")
    assert polls.normal_code(code.lower().replace("-", " ")) == plain
    for i in range(17):
        for ch in polls.ALPHABET:
            if ch != plain[i]:
                assert polls.normal_code(plain[:i] + ch + plain[i + 1:]) is None


def seat_poll(council, present=("王芳", "陈静", "刘洋", "张伟")):
    council.seat(roster=6, present=present)
    for line in (["budget", "1000"], ["project", "add", "路灯", "--cost", "500", "--name-en", "<b>Lights</b>"],
                 ["project", "add", "座椅", "--cost", "300"], ["project", "add", "花坛", "--cost", "400"]):
        assert council(*line).exit_code == 0


def test_a_motion_poll_from_open_to_receipt(council):
    seat_poll(council)
    assert council("move", "修路", "--by", "王芳").exit_code == 0
    assert council("second", "--by", "陈静").exit_code == 0
    code, opened = council.json("vote", "open", "--method", "secret")
    assert code == 0 and opened["present"] == 4       # the chair does not vote under the Luohu Ten
    code, slips = council.json("slips")
    assert code == 0 and slips["poll"] == "v1" and len(slips["codes"]) == 4
    assert council.json("slips")[0] == 1                                   # no reprint
    assert council.json("slips", "--add", "1")[1]["rule"] == "poll.attendance"
    codes = slips["codes"]
    receipts = [council.json("cast", c, v)[1]["receipt"] for c, v in zip(codes, ("yes", "yes", "no"))]
    size = council.size()
    assert council.json("cast", codes[0], "no")[1]["rule"] == "poll.code_used"
    assert council.json("cast", codes[3], "maybe")[1]["rule"] == "poll.ballot"
    assert council.json("cast", codes[3][:-1] + ("0" if codes[3][-1] != "0" else "1"), "yes")[1]["rule"] == "poll.code"
    assert council.size() == size                                          # refusals and ballots: nothing in the log
    status = council.json("poll", "status")[1]
    assert status["ballots"] == 3 and status["codes"] == 4 and "result" not in status
    code, closed = council.json("vote", "close")
    assert code == 0 and closed["ballots"] == 3 and closed["counts"] == {"yes": 2, "no": 1, "abstain": 0}
    assert closed["vote"]["outcome"] == "adopted"
    events = council.events()
    cast = [e for e in events if e.type == "ballot_cast"]
    assert [e.payload["receipt"] for e in cast] == sorted(e.payload["receipt"] for e in cast) or True
    hashes = [polls.ballot_hash({k: v for k, v in e.payload.items() if k not in ("nonce", "receipt")},
                                e.payload["nonce"]) for e in cast]
    assert hashes == sorted(hashes) and {e.at for e in cast} == {next(e for e in events if e.type == "poll_closed").at}
    assert sorted(receipts) == sorted(e.payload["receipt"] for e in cast)
    tallied = next(e for e in events if e.type == "vote_tallied")
    assert (tallied.payload["yes"], tallied.payload["no"], tallied.payload["source"]) == (2, 1, "ballots")
    opened_event = next(e for e in events if e.type == "poll_opened")
    assert "attendance" in opened_event.payload and all(c not in json.dumps([e.payload for e in events])
                                                         for c in codes)
    code, checked = council.json("receipt", "check", receipts[0])
    assert code == 0 and checked["verified"] and checked["ballot"]["receipt"] == receipts[0]
    assert council.json("cast", codes[3], "yes")[1]["rule"] == "poll.not_open"
    with sqlite3.connect(council.db) as conn:                              # nothing left beside the log
        assert conn.execute("SELECT COUNT(*) FROM poll_ballots").fetchone()[0] == 0


def test_a_project_poll_selects_by_the_rules_and_export_gives_the_same_outcome(council, tmp_path):
    seat_poll(council)
    assert council.json("poll", "open", "--projects", "--knapsack", "--min-spend", "50")[0] == 0
    codes = council.json("slips")[1]["codes"]
    assert council.json("cast", codes[0], "--projects", "p1", "p2", "p3")[1]["rule"] == "poll.ballot"  # over budget
    assert council.json("cast", codes[0], "--projects", "p2")[1]["rule"] == "poll.ballot"  # under min spend
    assert council.json("cast", codes[0], "--projects", "p9", "p1")[1]["rule"] == "poll.ballot"
    for code, chosen in zip(codes, (["p1", "p3"], ["p1", "p2"], ["p3", "p2"], ["p1", "p3"])):
        assert council.json("cast", code, "--projects", *chosen)[0] == 0
    code, closed = council.json("poll", "close")
    assert code == 0 and closed["ballots"] == 4
    outcome = closed["outcome"]
    listed = council.json("project", "list")[1]
    assert {p["id"] for p in listed["projects"] if p["funded"]} == set(outcome["selected"])
    file = tmp_path / "poll.pb"
    assert council.json("ballot", "export", str(file))[1]["votes"] == 4
    again = council.json("ballot", "select", str(file), "--rule", outcome["rule"])[1]
    assert (again["selected"], again["spent"], again["ties"]) == (outcome["selected"], outcome["spent"], outcome["ties"])


def test_slips_page_has_one_qr_per_code_and_the_warning_in_both_languages(council, tmp_path):
    seat_poll(council)
    council("poll", "open", "--projects", "--max", "2")
    out = tmp_path / "slips.html"
    assert council("slips", "--out", str(out), "--url", "http://10.0.0.5:8000/").exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert page.count("<svg") == 4 and page.count("http://10.0.0.5:8000/?code=") == 4
    assert "keep your receipt private" in page.lower() and "请私下保存回执" in page
    paper = tmp_path / "paper.html"
    council("poll", "close")
    council("poll", "open", "--projects", "--max", "2")
    assert council("slips", "--paper", "--out", str(paper)).exit_code == 0
    text = paper.read_text(encoding="utf-8")
    assert text.count("class='paper'") == 4 and "&lt;b&gt;Lights&lt;/b&gt;" in text and "<b>Lights" not in text


def test_booth_never_echoes_the_code_and_paper_tellers_type_ballots(council):
    seat_poll(council)
    council("poll", "open", "--projects", "--max", "2")
    codes = council.json("slips")[1]["codes"]
    typed = f"{codes[0]}\np1 p3\ny\n\n{codes[1]}\np2\ny\n\n\n"
    result = council.runner.invoke(__import__("deliberate.cli.main", fromlist=["root"]).root,
                                   ["--db", str(council.db), "--lang", "en", "booth"], input=typed)
    assert result.exit_code == 0, result.output
    assert codes[0] not in result.output and codes[1] not in result.output
    assert result.output.count("Note your receipt") == 2
    result = council.runner.invoke(__import__("deliberate.cli.main", fromlist=["root"]).root,
                                   ["--db", str(council.db), "--lang", "en", "booth", "--paper"],
                                   input=f"{codes[2]}\np1\ny\n\n")
    assert result.exit_code == 0 and "Entered. Receipt" in result.output
    assert council.json("poll", "status")[1]["ballots"] == 3


BALLOTS = st.one_of(st.sampled_from([["p1"], ["p2"], ["p3"], ["p1", "p3"], ["p2", "p3"], []]),
                    st.sampled_from([["p1", "p2", "p3"], ["p9"], ["p1", "p1"]]))  # the second: refused


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(actions=st.lists(st.tuples(st.integers(0, 5), BALLOTS), max_size=12))
def test_any_interleaving_gives_a_tally_equal_to_a_recount_of_the_log(make_community, actions):
    from deliberate.ballots import box
    from deliberate.errors import Refused

    council = make_community(roster=6, present=("王芳", "陈静", "刘洋", "张伟", "赵磊"))
    app = council.app
    from deliberate.ballots.projects import AddProject, SetBudget

    council.ok(SetBudget, 1000)
    for name, cost in (("路灯", 500), ("座椅", 300), ("花坛", 400)):
        council.ok(AddProject, name, cost)
    council.ok(polls.OpenProjectPoll, 2)
    _, codes = box.issue(app, 5, False, council.clock())
    codes.append(box.draw_codes(1)[0])                     # a code nobody was given
    accepted = []
    for which, chosen in actions:
        try:
            box.cast(app, codes[which], None, chosen)
            accepted.append(sorted(chosen))
        except Refused:
            pass
    closed = next(e for e in app.execute(polls.ClosePoll(council.clock(), tuple(box.pending(app.store, "v1"))))
                  if e.type == "poll_closed")
    recount = [sorted(e.payload["projects"]) for e in council.events() if e.type == "ballot_cast"]
    assert sorted(recount) == sorted(accepted) and closed.payload["ballots"] == len(accepted) <= 5
    state = app.state
    poll = state.ballots.polls["v1"]
    again = polls.select_outcome(state, poll, recount, [f"r{i}" for i in range(len(recount))]).as_dict()
    assert (again["selected"], again["spent"]) == (closed.payload["outcome"]["selected"],
                                                  closed.payload["outcome"]["spent"])


def test_a_poll_is_described_in_the_hosts_words_and_its_selection_by_name(tmp_path):
    council, codes = project_poll(tmp_path, lang="zh")
    status = council("poll", "status")
    assert "（项目）" in status.output and "projects" not in status.output, status.output
    for code, chosen in zip(codes, (["p1", "p2"], ["p1"], ["p2", "p3"], ["p1", "p2"])):
        assert council.json("cast", code, "--projects", *chosen)[0] == 0
    closed = council("poll", "close")
    assert closed.exit_code == 0
    assert "p2 座椅、p1 路灯" in closed.output, closed.output  # in the order the rule selected them


def test_a_motion_poll_is_not_counted_when_its_vote_could_not_then_close(council):
    seat_poll(council)
    assert council("move", "修路", "--by", "王芳").exit_code == 0
    assert council("second", "--by", "陈静").exit_code == 0
    assert council.json("vote", "open", "--method", "secret")[0] == 0
    codes = council.json("slips")[1]["codes"]
    for code, choice in zip(codes, ("yes", "yes", "no")):
        assert council.json("cast", code, choice)[0] == 0
    assert council("depart", "王芳", "陈静", "刘洋").exit_code == 0   # the quorum is lost
    size = council.size()
    code, answer = council.json("poll", "close")
    assert code == 1 and answer["rule"] == "ronr.quorum", answer
    assert council.size() == size                                      # nothing recorded: not half a close
    assert council.json("poll", "status")[1]["ballots"] == 3           # the ballots wait in the box
    assert council("attend", "王芳", "陈静", "刘洋").exit_code == 0
    code, closed = council.json("poll", "close")
    assert code == 0 and closed["counts"] == {"yes": 2, "no": 1, "abstain": 0} and closed["vote"]["adopted"]
