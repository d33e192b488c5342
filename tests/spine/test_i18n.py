"""Every message exists in zh-CN and en, with the same placeholders in both."""

import re
import string
from pathlib import Path

from deliberate.i18n import LANGS, catalog, t

PACKAGE = Path(__file__).resolve().parents[2] / "deliberate"


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_message_has_both_languages_with_the_same_placeholders():
    for key, entry in catalog().items():
        assert set(entry) == set(LANGS), key
        assert all(entry[lang].strip() for lang in LANGS), key
        assert placeholders(entry["zh"]) == placeholders(entry["en"]), key


def test_chinese_messages_are_in_chinese():
    han = re.compile(r"[\u4e00-\u9fff]")
    untranslated = [k for k, e in catalog().items() if not han.search(e["zh"]) and e["zh"] == e["en"]
                    and not k.startswith("label.")]
    assert untranslated == []


def test_every_message_file_is_listed_once():
    from deliberate.i18n import AREAS

    files = sorted(p.stem.removeprefix("messages_") for p in (PACKAGE / "i18n").glob("messages_*.py"))
    assert sorted(AREAS) == files


def test_no_two_areas_define_the_same_key():
    import importlib

    from deliberate.i18n import AREAS

    seen: dict[str, str] = {}
    for area in AREAS:
        for key in importlib.import_module(f"deliberate.i18n.messages_{area}").MESSAGES:
            assert key not in seen, f"{key} in {area} and {seen[key]}"
            seen[key] = area


def test_every_message_key_the_spine_uses_exists():
    pattern = re.compile(r'(?:Refusal\(\s*[^,]+,\s*|BadInput\(\s*|IntegrityError\(\s*|hint_key=|\.t\(\s*)"([a-z_]+\.[a-z_.]+)"')
    files = [PACKAGE / n for n in ("roster.py", "meeting.py", "core.py", "store.py", "rules.py", "clock.py",
                                   "roster_csv.py")] + sorted((PACKAGE / "cli").glob("*.py"))
    missing = []
    for path in files:
        for key in pattern.findall(path.read_text(encoding="utf-8")):
            if key not in catalog():
                missing.append(f"{path.name}: {key}")
    assert missing == []


def test_a_message_renders_its_parameters_in_each_language():
    assert "王芳" in t("meeting.already_present", "zh", name="王芳")
    assert t("meeting.already_present", "en", name="Wang Fang") == "Wang Fang is already present."


def test_english_counts_one_in_the_singular_and_leaves_typed_text_alone():
    assert t("poll.cli.closed_motion", "en", poll="v1", ballots=1, yes=1, no=0, abstain=0).startswith(
        "Poll v1 closed: 1 ballot;")
    assert "2 ballots" in t("poll.cli.closed_motion", "en", poll="v1", ballots=2, yes=1, no=1, abstain=0)
    assert t("site.district.lead", "en", communities=1, meetings=1, funded=1, spent=5).startswith(
        "1 community, 1 meeting; 1 project funded")
    assert t("narrate.motion_made", "en", maker="王芳", id="q1", kind="Main motion",
             text="buy 1 ballots").endswith("buy 1 ballots")                     # what was typed stays
    assert "1 张选票" in t("poll.cli.closed_motion", "zh", poll="v1", ballots=1, yes=1, no=0, abstain=0)
