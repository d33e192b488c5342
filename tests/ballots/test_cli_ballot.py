"""`deliberate ballot select` through the real root command."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from deliberate.cli.main import root

DATA = Path(__file__).resolve().parent.parent / "data" / "pabulib"
ROOT = Path(__file__).resolve().parent.parent.parent
ASSEN = str(DATA / "Netherlands_Assen_2024.pb")


def test_select_answers_in_json_for_every_rule():
    runner = CliRunner()
    for rule in ("greedy", "equalshares", "equalshares/add1", "equalshares/add1-comparison"):
        result = runner.invoke(root, ["ballot", "select", ASSEN, "--rule", rule, "--json"])
        assert result.exit_code == 0, result.output
        data = json.loads(result.output)
        assert data["ok"] is True and data["rule"] == rule and data["budget"] == 100000
        assert data["spent"] <= data["budget"] and isinstance(data["ties"], list)


def test_select_prints_a_table_in_chinese_and_in_english():
    runner = CliRunner()
    zh = runner.invoke(root, ["--lang", "zh", "ballot", "select", ASSEN])
    assert zh.exit_code == 0 and "已用 76700，预算 100000" in zh.output and "PopUp Podium" in zh.output
    en = runner.invoke(root, ["--lang", "en", "ballot", "select", ASSEN, "--rule", "greedy"])
    assert en.exit_code == 0 and "spent 99200 of budget 100000" in en.output


def test_a_bad_file_is_exit_2_with_the_line_in_json(tmp_path):
    bad = tmp_path / "bad.pb"
    bad.write_text("META\nkey;value\nbudget;10\nPROJECTS\nproject_id;cost\np1;ten\nVOTES\nvoter_id;vote\n")
    result = CliRunner().invoke(root, ["ballot", "select", str(bad), "--json"])
    assert result.exit_code == 2
    data = json.loads(result.output)
    assert data["ok"] is False and "line 6" in data["message"] or "第6行" in data["message"]


def test_importing_the_cli_does_not_import_numpy():
    code = "import sys, deliberate, deliberate.cli.main, deliberate.cli.ballot; print('numpy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "False"
