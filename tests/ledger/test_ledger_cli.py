"""The ledger commands through the CLI: proof receipts, key show, help, messages, and the real program."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from deliberate.i18n import catalog
from deliberate.ledger import keys, merkle, note
from deliberate.ledger.checkpoint import origin_for


ROOT = Path(__file__).resolve().parent.parent.parent


def run_cli(*args: str) -> subprocess.CompletedProcess:
    """The real program, `python -m deliberate`, in a subprocess."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "deliberate", *args], env=env,
                          capture_output=True, text=True, timeout=120)


@pytest.fixture
def community(council):
    assert council("init", "莲花北社区", at="2026-11-20T18:00:00+08:00").exit_code == 0
    for name in ("王芳", "陈静", "刘洋"):
        assert council("member", "add", name, at="2026-11-20T18:00:00+08:00").exit_code == 0
    assert council("checkpoint", at="2026-11-20T18:01:00+08:00").exit_code == 0
    return council


def test_a_proof_is_a_receipt_anyone_can_check_with_the_pure_tree(community):
    result = community("proof", "3")
    assert result.exit_code == 0, result.output
    receipt = json.loads(result.output)
    leaf = merkle.leaf_hash(receipt["record"].encode("utf-8"))
    assert leaf.hex() == receipt["leaf_hash"]
    assert json.loads(receipt["record"])["payload"]["name"] == "陈静"
    parsed, body = note.read_checkpoint(receipt["checkpoint"])
    assert body.size == receipt["tree_size"] == 4
    public = keys.public_bytes(keys.load_key(community.db))
    assert note.verify(parsed, origin_for("莲花北社区"), public)
    proof = [bytes.fromhex(h) for h in receipt["proof"]]
    assert merkle.verify_inclusion(leaf, receipt["leaf_index"], body.size, proof, body.root)
    assert not merkle.verify_inclusion(leaf, receipt["leaf_index"] + 1, body.size, proof, body.root)


def test_proof_of_an_event_after_the_latest_checkpoint_says_to_sign_one(community):
    assert community("member", "add", "李明", at="2026-11-20T18:02:00+08:00").exit_code == 0
    result = community("proof", "6")
    assert result.exit_code == 2
    assert "not yet covered by a signed checkpoint" in result.stderr
    assert "deliberate checkpoint" in result.stderr
    assert community("proof", "99").exit_code == 2


def test_proof_json(community):
    code, data = community.json("proof", "1")
    assert code == 0 and data["ok"] and data["event"] == 1 and data["tree_size"] == 4


def test_key_show_prints_the_fingerprint(community):
    fpr = keys.fingerprint(keys.public_bytes(keys.load_key(community.db)))
    result = community("key", "show")
    assert result.exit_code == 0 and fpr in result.output and "matches" in result.output
    code, data = community.json("key", "show")
    assert data["fingerprint"] == fpr and data["key_file"] == "ok"
    keys.key_path(community.db).unlink()
    result = community("key", "show")
    assert result.exit_code == 0 and fpr in result.output and "you can verify, not sign" in result.output


def test_checkpoint_out_saves_the_note(community, tmp_path):
    out = tmp_path / "keep.txt"
    result = community("checkpoint", "--out", str(out), at="2026-11-20T18:05:00+08:00")
    assert result.exit_code == 0
    parsed, body = note.read_checkpoint(out.read_text(encoding="utf-8"))
    assert body.size == 5 and body.origin == "deliberate/莲花北社区"
    assert "verify --since" in result.output


def test_init_refuses_to_overwrite_an_existing_key(council):
    keys.create_key(council.db)
    before = keys.key_path(council.db).read_bytes()
    result = council("init", "莲花北社区", at="2026-11-20T18:00:00+08:00")
    assert result.exit_code == 2
    assert keys.key_path(council.db).read_bytes() == before


def test_every_ledger_command_has_help_in_both_languages():
    from deliberate.cli.ledger import COMMANDS

    def walk(command):
        yield command
        for sub in getattr(command, "commands", {}).values():
            yield from walk(sub)

    for top in COMMANDS:
        for command in walk(top):
            first = (command.help or "").splitlines()[0]
            chinese, _, english = first.partition(" / ")
            assert chinese and english, command.name
            assert any("\u4e00" <= ch <= "\u9fff" for ch in chinese), command.name


def test_every_ledger_message_has_both_languages():
    ledger = {k: v for k, v in catalog().items() if k.startswith("ledger.")}
    assert len(ledger) > 40
    for key, entry in ledger.items():
        assert entry.get("zh") and entry.get("en"), key


def test_the_real_program_verifies_and_fails_on_a_deleted_row(community):
    ok = run_cli("--db", str(community.db), "--lang", "en", "verify")
    assert ok.returncode == 0, ok.stderr
    assert "The log is intact" in ok.stdout
    import sqlite3

    conn = sqlite3.connect(str(community.db), isolation_level=None)
    conn.execute("DROP TRIGGER events_no_delete")
    conn.execute("DELETE FROM events WHERE seq = 2")
    conn.close()
    broken = run_cli("--db", str(community.db), "--lang", "zh", "verify")
    assert broken.returncode == 3
    assert "第 2 条事件不见了" in broken.stderr
    as_json = run_cli("--db", str(community.db), "--json", "verify")
    assert as_json.returncode == 3 and json.loads(as_json.stdout)["ok"] is False
