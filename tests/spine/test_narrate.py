"""Facts in the record, words at the edge.

The record holds no sentence in one language; `deliberate.narrate` words each event, in the
reader's language, for `log` and for the lines printed after a command. These tests read two
real logs: the sample meeting (run under --lang en) and a meeting that records every other
kind of event the domain folds.
"""

import json
import re

import pytest

from tests.conftest import ROOT, run_cli

HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
DEMO = ROOT / "deliberate" / "demo"

# Every event type the sample meeting does not record, through the one grammar (Robert's rules:
# the chair may break a tie).
EVERY_OTHER_KIND = f"""
@ 2026-12-01T18:00:00+08:00
init 测试社区议事会
member add 赵一
member add 钱二 --role 楼长
member add 孙三
member add 李四
member add 周五
member add 吴六
member remove 吴六 --reason 搬离本社区
rules adopt '{ROOT / "rules" / "robert.yaml"}'
budget 1000
project add 路灯 --cost 500 --name-en "Street lights"
project add 座椅 --cost 300
project withdraw 座椅
meeting open "测试会议" --chair 赵一 --secretary 钱二
attend 孙三 李四 周五
depart 周五
undo --reason 记错了
agenda add 修路 --minutes 10 --motion 修路
agenda next
agenda done
move "修路" --by 钱二
motions lapse
move "修路" --by 钱二
second --by 孙三
chair pass 周五
hand 李四 --stance 赞成
hand 李四 --lower
hand 孙三 --stance 反对
recognize
yield
withdraw --by 钱二
chair resume
move "种树" --by 孙三
second --by 李四
vote open --method secret
vote tally --yes 3 --no 1 --source paper
vote close
move "装灯" --by 李四
second --by 周五
vote open
vote count --yes 2 --no 2
motion division_of_the_assembly --by 孙三
vote count --yes 2 --no 2
vote close --chair-vote yes
motion point_of_order "发言超时" --by 周五
ruling "秩序问题成立" --decision well_taken
appeal --by 孙三
second --by 李四
vote open
vote count --yes 3 --no 0
vote close
key rotate
motion adjourn --by 孙三
second --by 李四
vote open
vote count --yes 3 --no 0
vote close
"""


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The sample meeting, run once for this module under --lang en."""
    folder = tmp_path_factory.mktemp("narrate_demo")
    result = run_cli("--lang", "en", "demo", "--dir", str(folder))
    assert result.returncode == 0, result.stderr
    return folder / "deliberate.db"


@pytest.fixture(scope="module")
def every_kind(tmp_path_factory):
    folder = tmp_path_factory.mktemp("narrate_every_kind")
    script = folder / "meeting.txt"
    script.write_text(EVERY_OTHER_KIND, encoding="utf-8")
    db = folder / "council.db"
    result = run_cli("--db", str(db), "--lang", "en", "run", str(script))
    assert result.returncode == 0 and "0 refused" in result.stderr, result.stdout + result.stderr
    return db


def read_all(db) -> list:
    from deliberate.store import Store

    store = Store.open(db)
    try:
        return list(store.read())
    finally:
        store.close()


def narrations(db, lang: str) -> list[tuple[object, str, str]]:
    """(event, key, text) of every event of the log at `db`, folded from the start."""
    from deliberate.i18n import t
    from deliberate.narrate import narrated
    from deliberate.state import State

    return [(event, key, t(key, lang, **params)) for event, key, params in narrated(read_all(db), State())]


def typed_words(script_text: str, extra: tuple[str, ...] = ()) -> list[str]:
    """Every word typed in a script of the grammar (the values of --stance excepted: those are
    parsed into codes, and are no fact of the record), longest first."""
    from deliberate.cli.script import split_line

    words: set[str] = set(extra)
    for line in script_text.splitlines():
        line = line.strip().lstrip("!").strip()
        if not line or line.startswith(("#", "@")):
            continue
        tokens = split_line(line)
        words.update(w for i, w in enumerate(tokens) if not (i and tokens[i - 1] == "--stance"))
    return sorted((w for w in words if HAN.search(w)), key=len, reverse=True)


def demo_typed() -> list[str]:
    from deliberate.cli.demo import COMMUNITY

    cells = []
    for row in (DEMO / "residents.csv").read_bytes().decode("gb18030").splitlines()[1:]:
        cells.extend(cell.strip() for cell in row.split(","))
    return typed_words((DEMO / "meeting.txt").read_text(encoding="utf-8"), (COMMUNITY, *cells))


def composed_chinese(text: str, typed: list[str]) -> str:
    """What is left of `text` once every typed word is taken out (a text as amended is typed words
    spliced together, so words are taken out until none is found); Han characters left in it are
    Chinese the tool composed."""
    while True:
        for word in typed:          # longest first, and from the longest again after each cut
            if word in text:
                text = text.replace(word, "")
                break
        else:
            return "".join(HAN.findall(text))


def strings(value, path=()):
    """(path, string) of every string in a payload."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from strings(item, path + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from strings(item, path + (i,))
    elif isinstance(value, str):
        yield path, value


# -- the record holds facts -----------------------------------------------------------------------


def test_the_checker_finds_the_sentences_format_1_composed(demo):
    """The check below would have failed on the record before format 2."""
    typed = demo_typed()
    assert composed_chinese("在水贝公园增设临时公厕，并在一个月内完成", typed) == ""        # spliced, typed
    assert composed_chinese("在“临时公厕”之后插入“，并在一个月内完成”", typed) == "在之后插入"
    assert composed_chinese("委托：环境小组", typed) == "委托"
    assert composed_chinese("秩序问题：费用分摊不属于议事会决定范围", typed) == "秩序问题"


def test_the_record_of_the_demo_holds_no_chinese_the_tool_composed(demo):
    typed = demo_typed()
    found = []
    for event in read_all(demo):
        for path, value in strings(event.payload):
            if path[:1] == ("rules",) and path[-1] == "name_zh":
                continue   # the rules file's bilingual names (name_en beside each), copied as they are
            left = composed_chinese(value, typed)
            if left:
                found.append((event.seq, event.type, path, value))
    assert found == []
    stated = [e.payload for e in read_all(demo) if e.type == "question_stated"]
    assert len(stated) == 10 and all(set(p) == {"id"} for p in stated)


def test_a_question_stated_holds_only_the_motions_id(council):
    assert council("init", "文华社区居民议事会").exit_code == 0
    for name in ("李明", "王芳", "陈静"):
        assert council("member", "add", name).exit_code == 0
    assert council("meeting", "open", "第一次会议", "--chair", "李明").exit_code == 0
    assert council("attend", "王芳", "陈静").exit_code == 0
    assert council("move", "修缮路灯", "--by", "王芳").exit_code == 0
    assert council("second", "--by", "陈静").exit_code == 0
    assert council("amend", "--by", "王芳", "--insert", "并更换灯泡", "--after", "路灯").exit_code == 0
    assert council("second", "--by", "陈静").exit_code == 0
    assert council("motion", "previous_question", "--by", "陈静").exit_code == 0   # stated at second
    assert council("second", "--by", "王芳").exit_code == 0
    stated = [e.payload for e in council.events() if e.type == "question_stated"]
    assert stated == [{"id": "q1"}, {"id": "q2"}, {"id": "q3"}]


# -- every event in words -------------------------------------------------------------------------


def test_narrate_has_words_for_every_event_type_the_domain_folds():
    from deliberate import domain
    from deliberate.narrate import worded_types

    assert {"checkpoint", "key_rotated"} <= domain.known_event_types()
    assert worded_types() == domain.known_event_types()


def test_the_two_logs_hold_every_event_type_the_domain_folds(demo, every_kind):
    from deliberate import domain

    seen = {e.type for e in read_all(demo)} | {e.type for e in read_all(every_kind)}
    assert seen == domain.known_event_types()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_event_is_worded_with_names_and_no_placeholder(demo, every_kind, lang):
    from deliberate.i18n import catalog

    for db in (demo, every_kind):
        ids = {e.payload["id"] for e in read_all(db) if e.type == "member_added"}
        raw_id = re.compile(r"(?<![A-Za-z0-9_])(" + "|".join(sorted(ids, key=len, reverse=True)) + r")(?![0-9])")
        for event, key, text in narrations(db, lang):
            assert key in catalog() and key.startswith("narrate.") and key != "narrate.unknown", event.type
            assert text and "\n" not in text, (event.seq, text)
            assert "{" not in text and "}" not in text, (event.seq, text)
            assert not raw_id.search(text), (event.seq, text)
            assert "narrate." not in text and "motions." not in text and "floor." not in text, (event.seq, text)


def test_in_english_no_chinese_is_composed_by_the_tool(demo, every_kind):
    checks = [(demo, demo_typed()), (every_kind, typed_words(EVERY_OTHER_KIND, ("测试社区议事会",)))]
    for db, typed in checks:
        found = [(event.seq, text) for event, _, text in narrations(db, "en") if composed_chinese(text, typed)]
        assert found == []
    lines = [text for _, _, text in narrations(demo, "en")]
    assert "The chair states the question q3: Previous question" in lines
    assert "The chair states the question q5: Commit or refer: 环境小组" in lines
    assert "The chair states the question q2: insert '，并在一个月内完成' after '临时公厕'" in lines


def test_in_chinese_a_question_is_stated_as_the_chair_says_it(demo):
    lines = [text for _, _, text in narrations(demo, "zh")]
    assert "主持人宣布议题 q2：在“临时公厕”之后插入“，并在一个月内完成”" in lines
    assert "主持人宣布议题 q9：秩序问题：费用分摊不属于议事会决定范围" in lines
    assert any(line.startswith("q6 点名表决：赞成 王芳、陈静、刘洋") for line in lines)


def test_each_event_is_worded_against_the_state_just_before_it(demo):
    """q1 is stated with its words as moved, and voted with its words as amended."""
    lines = [text for _, _, text in narrations(demo, "en")]
    assert "The chair states the question q1: 在水贝公园增设临时公厕" in lines
    assert "q1 is put to a vote (show of hands): 在水贝公园增设临时公厕，并在一个月内完成" in lines


def test_a_rotated_key_is_shown_by_the_fingerprint_people_compare(every_kind):
    from deliberate.ledger import keys

    rotated = [(e, text) for e, _, text in narrations(every_kind, "en") if e.type == "key_rotated"]
    assert len(rotated) == 1
    event, text = rotated[0]
    assert keys.fingerprint(keys.decode_public(event.payload["public_key"])) in text


# -- one wording for every edge ------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_log_prints_each_event_as_narrate_words_it(demo, lang):
    expected = narrations(demo, lang)
    shown = run_cli("--db", str(demo), "--lang", lang, "log", "--limit", "1000")
    assert shown.returncode == 0, shown.stderr
    lines = shown.stdout.splitlines()
    assert len(lines) == len(expected)
    for line, (event, _, text) in zip(lines, expected):
        assert line == f"{event.seq:>6}  {event.at}  {text}"
    as_json = run_cli("--db", str(demo), "--lang", lang, "--json", "log", "--limit", "1000")
    rows = json.loads(as_json.stdout)["events"]
    assert [r["text"] for r in rows] == [text for _, _, text in expected]
    assert [r["payload"] for r in rows] == [event.payload for event, _, _ in expected]   # raw, as recorded
    assert all(r["hash"] == event.hash for r, (event, _, _) in zip(rows, expected))


def test_log_from_the_middle_words_events_against_the_state_before_them(demo):
    expected = [text for event, _, text in narrations(demo, "en") if 141 <= event.seq <= 144]
    shown = run_cli("--db", str(demo), "--lang", "en", "log", "--since", "141", "--limit", "4")
    assert [line.strip().split("  ", 2)[2] for line in shown.stdout.splitlines()] == expected
    assert "Roll call on q6: for 王芳, 陈静, 刘洋" in expected[1]


def test_a_motions_command_prints_the_words_log_gives_its_events(council):
    """describe_events words the recorded events against the state before the command."""
    assert council("init", "文华社区居民议事会").exit_code == 0
    for name in ("李明", "王芳", "陈静", "刘洋"):
        assert council("member", "add", name).exit_code == 0
    assert council("meeting", "open", "第一次会议", "--chair", "李明").exit_code == 0
    assert council("attend", "王芳", "陈静", "刘洋").exit_code == 0
    lines = [
        ("move", "修缮路灯", "--by", "王芳"),
        ("second", "--by", "陈静"),
        ("amend", "--by", "刘洋", "--insert", "并更换灯泡", "--after", "路灯"),
        ("second", "--by", "王芳"),
        ("vote", "open"),
        ("vote", "count", "--yes", "2", "--no", "1"),
        ("vote", "close"),
    ]
    for line in lines:
        size = len(council.events())
        result = council(*line)
        assert result.exit_code == 0, result.output
        logged = council("log", "--since", str(size + 1))
        words = [row.strip().split("  ", 2)[2] for row in logged.stdout.splitlines()]
        assert words and result.stdout.splitlines()[:len(words)] == words
    assert "q2: 2 for, 1 against, 0 abstaining" in result.stdout
    assert "The text now reads: 修缮路灯并更换灯泡" in result.stdout
    assert council.events()[-1].payload["text_after"] == "修缮路灯并更换灯泡"


def test_a_refusal_names_the_pending_question_in_the_readers_language(council):
    assert council("init", "文华社区居民议事会").exit_code == 0
    for name in ("李明", "王芳", "陈静"):
        assert council("member", "add", name).exit_code == 0
    assert council("meeting", "open", "第一次会议", "--chair", "李明").exit_code == 0
    assert council("attend", "王芳", "陈静").exit_code == 0
    assert council("move", "修缮路灯", "--by", "王芳").exit_code == 0
    assert council("second", "--by", "陈静").exit_code == 0
    assert council("motion", "previous_question", "--by", "陈静").exit_code == 0
    assert council("second", "--by", "王芳").exit_code == 0
    refused = council("hand", "王芳", "--stance", "pro")
    assert refused.exit_code == 1
    assert "'Previous question' is not debatable" in refused.output and "结束辩论" not in refused.output
    council.lang = "zh"
    refused = council("hand", "王芳", "--stance", "pro")
    assert refused.exit_code == 1 and "“结束辩论”不可辩论" in refused.output


# -- narrate itself ---------------------------------------------------------------------------------


def test_words_and_localized_parameters_render_in_the_outer_messages_language():
    from deliberate.i18n import Localized, Words, t

    text = Words("结束辩论", "Previous question")
    assert t("narrate.question_stated", "zh", id="q3", text=text) == "主持人宣布议题 q3：结束辩论"
    assert t("narrate.question_stated", "en", id="q3", text=text) == "The chair states the question q3: Previous question"
    method = Localized("motions.method.hands")
    assert t("narrate.vote_opened", "zh", id="q1", method=method, text=text) == "q1 付表决（举手）：结束辩论"
    assert text == "结束辩论" and json.dumps(text, ensure_ascii=False) == '"结束辩论"'


def test_narrate_changes_nothing_in_the_state_it_reads(demo):
    from deliberate import domain
    from deliberate.narrate import narrate
    from deliberate.state import State, dumps

    events = read_all(demo)
    state = State()
    for event in events:
        before = dumps(state)
        narrate(event, state)
        assert dumps(state) == before, event.type
        domain.apply(state, event)


def test_narrate_is_pure(tmp_path):
    import ast

    from tests.spine.test_purity import FORBIDDEN_MODULES, NOT_IN_THE_CORE, imported, loaded_by

    tree = ast.parse((ROOT / "deliberate" / "narrate.py").read_text(encoding="utf-8"))
    assert not {m for m in imported(tree) if m.split(".")[0] in FORBIDDEN_MODULES or m in FORBIDDEN_MODULES}
    loaded = loaded_by("deliberate.narrate")
    assert not [m for m in loaded if any(m == f or m.startswith(f + ".") for f in NOT_IN_THE_CORE)]


def test_an_event_of_a_later_version_is_worded_as_unknown_not_dropped():
    from deliberate.i18n import t
    from deliberate.narrate import narrate
    from deliberate.record import StoredEvent
    from deliberate.state import State

    key, params = narrate(StoredEvent(1, "ballot_recounted", "2026-01-01T00:00:00.000+08:00", {}, "0" * 64, "0" * 64),
                          State())
    assert key == "narrate.unknown" and "ballot_recounted" in t(key, "en", **params)
