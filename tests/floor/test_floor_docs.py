"""The host's guide names every rule id the floor refuses under, and every event it records."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCE = (ROOT / "deliberate" / "floor.py").read_text(encoding="utf-8")
GUIDES = [(ROOT / "docs" / lang / "floor.md").read_text(encoding="utf-8") for lang in ("zh", "en")]


def test_every_rule_id_of_the_floor_is_in_both_guides():
    rules = set(re.findall(r'_rule\(rules, "(\w+)"\)', SOURCE)) - {"override"}
    assert {"neutral_chair", "equal_opportunity", "stance", "limits", "no_interrupting"} <= rules
    for guide in GUIDES:
        missing = {r for r in rules if f"luohu.{r}" not in guide}
        assert not missing, missing


def test_every_event_of_the_floor_is_in_both_guides():
    from deliberate import floor

    events = set(floor.APPLIERS) - {"meeting_opened"}  # the spine's event
    assert "speech_ended" in events
    for guide in GUIDES:
        assert not {e for e in events if f"`{e}`" not in guide}


def test_the_guides_show_the_rules_file_keys_as_they_are():
    from msgspec.structs import fields

    from deliberate.rules import FloorRules

    for guide in GUIDES:
        assert {f.name for f in fields(FloorRules)} <= set(re.findall(r"^  (\w+):", guide, re.M))
