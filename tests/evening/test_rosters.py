"""Real rosters (issue 14, group 4): extra columns, misspelt ones, updated rosters, Traditional
names and Big5 files, through the real CLI on a real database."""

from __future__ import annotations


def ok(result):
    assert result.exit_code == 0, result.output
    return result


def roster(tmp_path, text: str, encoding: str = "utf-8", name: str = "roster.csv"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return str(path)


def test_columns_the_roster_does_not_use_are_left_out_with_one_line(council, tmp_path):
    council.seat(3)
    file = roster(tmp_path, "姓名,电话,备注,楼栋长,年龄\n新甲,13800000001,腿脚不便,是,70\n新乙,,,,45\n")
    result = ok(council("member", "import", file))
    lines = [line for line in result.output.splitlines() if "备注" in line]
    assert len(lines) == 1 and "楼栋长" in lines[0] and "年龄" in lines[0], result.output
    assert {"新甲", "新乙"} <= {m.name for m in council.state().roster}


def test_a_misspelt_column_is_still_an_error_with_a_suggestion(council, tmp_path):
    council.seat(3)
    result = council("member", "import", roster(tmp_path, "name,phnoe\n新甲,13800000001\n"))
    assert result.exit_code == 2 and "phnoe" in result.output and "'phone'" in result.output, result.output


def test_an_updated_roster_is_merged_with_one_event_per_real_change(council, tmp_path):
    council.seat(3)   # 王芳 陈静 刘洋
    first = roster(tmp_path, "姓名,电话\n新甲,13800000001\n新乙,13800000002\n", name="v1.csv")
    ok(council("member", "import", first))
    size = len(council.events())
    # a plain re-import of the same file changes nothing, and says so
    result = ok(council("member", "import", first))
    assert "Nothing changed" in result.output and len(council.events()) == size
    # the updated roster: 新乙's phone changed, 新丙 joined, 新甲 is not in it
    second = roster(tmp_path, "姓名,电话\n王芳,\n陈静,\n刘洋,\n新乙,13900000002\n新丙,13800000003\n", name="v2.csv")
    code, answer = council.json("member", "import", "--update", second)
    assert code == 0, answer
    assert answer["added"] == ["新丙"] and answer["updated"] == ["新乙"] and answer["not_in_file"] == ["新甲"]
    added = [e for e in council.events()[size:] if e.type == "member_added"]
    assert [e.payload["name"] for e in added] == ["新丙"]
    assert all(e.type in ("member_added", "checkpoint") for e in council.events()[size:])
    private = council.app.store.private()
    assert private[council.member("新乙")]["phone"] == "13900000002"
    # the same update again: nothing changed
    result = ok(council("member", "import", "--update", second))
    assert "Nothing changed" in result.output


def test_a_plain_import_of_members_already_on_the_roster_names_update(council, tmp_path):
    council.seat(3)
    result = council("member", "import", roster(tmp_path, "姓名,电话\n王芳,13800000009\n新丁,\n"))
    assert result.exit_code == 1 and "--update" in result.output, result.output


def test_a_traditional_name_suggests_its_simplified_member(council):
    council.seat(3)
    ok(council("member", "add", "陈晓梅", at=council.clock()))
    result = council("attend", "陳曉梅", at=council.clock())
    assert result.exit_code == 1 and "陈晓梅" in result.output, result.output


def test_a_big5_roster_is_read_as_big5_and_says_so(council, tmp_path):
    council.seat(3)
    result = ok(council("member", "import", roster(tmp_path, "姓名,電話\n陳曉梅,13800000001\n", encoding="big5")))
    assert "Big5" in result.output and "﹎" not in result.output, result.output
    assert "陳曉梅" in {m.name for m in council.state().roster}


def test_a_name_padded_in_a_spreadsheet_is_recorded_and_shown_without_the_padding(council, tmp_path):
    council.seat(3)
    ok(council("member", "import", roster(tmp_path, "姓名\n李　晓\n欧阳　明\nMary 王\n")))
    names = {m.name for m in council.state().roster}
    assert {"李晓", "欧阳明", "Mary 王"} <= names, names  # a space between Latin and Chinese stays
    ok(council("member", "add", "张　强"))
    assert "张强" in {m.name for m in council.state().roster}
    shown = ok(council("member", "list")).output
    assert "李晓" in shown and "李 晓" not in shown and "李　晓" not in shown, shown


def test_a_host_from_outside_the_roster_is_recorded_without_the_padding(council):
    council.seat(3)
    ok(council("meeting", "close", at=council.clock()))
    ok(council("meeting", "open", "第5次会议", "--chair", "赵　老师", "--secretary", "钱　文", at=council.clock()))
    meeting = council.state().meeting
    assert (meeting.chair, meeting.secretary) == ("赵老师", "钱文")


def test_the_built_in_rules_are_found_by_name_from_any_folder(council, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no rules/ folder here, as for a host who installed the wheel
    for name in ("robert", "robert.yaml", "rules/robert.yaml"):
        assert council.json("rules", "check", name)[0] == 0, name
    council.lang = "en"
    ok(council("init", "文华社区", "--rules", "robert"))
    assert council.json("rules", "show")[1]["rules"]["name_en"].startswith("Robert")
    code, answer = council.json("rules", "check", "robrt")
    assert code == 2 and "robert" in answer["hint"] and "luohu_ten" in answer["hint"], answer
