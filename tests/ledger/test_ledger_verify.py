"""`deliberate verify --db`: every kind of tampering is found, named, and exits 3 (or 2 for unreadable input).

The logs are made through the real CLI; the tampering is done the way an
attacker with the file would do it: straight SQL, triggers dropped.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3

import pytest

from deliberate.ledger import checkpoint as cp
from deliberate.ledger import keys, merkle, note
from deliberate.store import Event, Store, record_bytes

T0 = "2026-11-20T18:00:00+08:00"


@pytest.fixture
def logged(council):
    """A community of four, a meeting opened and closed (a checkpoint), then more business and a checkpoint."""
    assert council("init", "莲花北社区居民议事会", at=T0).exit_code == 0
    for name in ("王芳", "陈静", "刘洋", "李明"):
        assert council("member", "add", name, at=T0).exit_code == 0
    assert council("meeting", "open", "第一次会议", "--chair", "李明", at="2026-11-20T19:00:00+08:00").exit_code == 0
    assert council("attend", "王芳", "陈静", at="2026-11-20T19:01:00+08:00").exit_code == 0
    result = council("meeting", "close", at="2026-11-20T20:00:00+08:00")
    assert result.exit_code == 0, result.output
    assert council("member", "add", "张伟", at="2026-11-21T09:00:00+08:00").exit_code == 0
    assert council("member", "add", "赵丽", at="2026-11-21T09:00:00+08:00").exit_code == 0
    result = council("checkpoint", at="2026-11-21T09:05:00+08:00")
    assert result.exit_code == 0, result.output
    return council


def rows(db):
    conn = sqlite3.connect(str(db))
    try:
        return conn.execute("SELECT seq, type, at, payload, prev_hash, hash FROM events ORDER BY seq").fetchall()
    finally:
        conn.close()


def checkpoint_seqs(db):
    return [r[0] for r in rows(db) if r[1] == "checkpoint"]


def tamper(db, *statements):
    """Run SQL on the file as an attacker would: no triggers, no deliberate."""
    conn = sqlite3.connect(str(db), isolation_level=None)
    for trigger in ("events_no_update", "events_no_delete", "ledger_nodes_no_update", "ledger_nodes_no_delete"):
        conn.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    for statement in statements:
        if isinstance(statement, tuple):
            conn.execute(*statement)
        else:
            conn.execute(statement)
    conn.close()


def rehash_from(db, start):
    """Recompute every hash and prev_hash from `start` on, so the chain itself looks whole."""
    conn = sqlite3.connect(str(db), isolation_level=None)
    conn.execute("DROP TRIGGER IF EXISTS events_no_update")
    prev = conn.execute("SELECT hash FROM events WHERE seq = ?", (start - 1,)).fetchone()
    prev = prev[0] if prev else "0" * 64
    for seq, type_, at, payload in conn.execute(
        "SELECT seq, type, at, payload FROM events WHERE seq >= ? ORDER BY seq", (start,)
    ).fetchall():
        digest = hashlib.sha256(record_bytes(seq, type_, at, payload, prev)).hexdigest()
        conn.execute("UPDATE events SET prev_hash = ?, hash = ? WHERE seq = ?", (prev, digest, seq))
        prev = digest
    conn.close()


def verify(council, *args):
    return council("verify", *args)


def message(result):
    return (result.stderr if hasattr(result, "stderr") else result.output).strip()


# -- a whole log ------------------------------------------------------------------
def test_an_untouched_log_verifies(logged):
    result = verify(logged)
    assert result.exit_code == 0, result.output
    assert "intact" in result.output and "signed checkpoints (2)" in result.output
    code, data = logged.json("verify")
    assert code == 0 and data["ok"] and data["checkpoints"] == 2
    assert data["events"] == len(rows(logged.db))
    leaves = [merkle.leaf_hash(record_bytes(*r[:5])) for r in rows(logged.db)]
    assert data["root"] == merkle.root(leaves).hex()


def test_closing_a_meeting_signs_a_checkpoint_of_everything_before_it(logged):
    events = rows(logged.db)
    first = checkpoint_seqs(logged.db)[0]
    assert events[first - 2][1] == "meeting_closed"
    payload = json.loads(events[first - 1][3])
    assert payload["size"] == first - 1
    leaves = [merkle.leaf_hash(record_bytes(*r[:5])) for r in events[:first - 1]]
    assert payload["root"] == merkle.root(leaves).hex()
    parsed, body = note.read_checkpoint(payload["note"])
    public = keys.public_bytes(keys.load_key(logged.db))
    assert note.verify(parsed, cp.origin_for("莲花北社区居民议事会"), public)


def test_each_checkpoint_carries_a_consistency_proof_from_the_previous(logged):
    first, second = checkpoint_seqs(logged.db)
    events = rows(logged.db)
    a, b = json.loads(events[first - 1][3]), json.loads(events[second - 1][3])
    assert b["previous"]["size"] == a["size"]
    proof = [bytes.fromhex(x) for x in b["previous"]["consistency"]]
    assert merkle.verify_consistency(a["size"], b["size"], bytes.fromhex(a["root"]), bytes.fromhex(b["root"]), proof)


# -- edited, deleted, inserted, reordered rows --------------------------------------
def test_an_edited_row_is_named(logged):
    tamper(logged.db, ("UPDATE events SET payload = ? WHERE seq = 3", ('{"id":"m2","name":"王小芳"}',)))
    result = verify(logged)
    assert result.exit_code == 3
    assert "event #3 does not match its hash: the row was edited" in message(result)


def test_an_edited_time_is_named(logged):
    tamper(logged.db, "UPDATE events SET at = '2026-11-20T18:30:00.000+08:00' WHERE seq = 7")
    result = verify(logged)
    assert result.exit_code == 3 and "event #7" in message(result)


def test_an_edited_row_with_its_own_hash_recomputed_breaks_the_chain_at_the_next(logged):
    conn = sqlite3.connect(str(logged.db))
    seq, type_, at, _, prev, _ = conn.execute("SELECT * FROM events WHERE seq = 4").fetchone()
    conn.close()
    payload = '{"id":"m3","name":"刘阳"}'
    digest = hashlib.sha256(record_bytes(seq, type_, at, payload, prev)).hexdigest()
    tamper(logged.db, ("UPDATE events SET payload = ?, hash = ? WHERE seq = 4", (payload, digest)))
    result = verify(logged)
    assert result.exit_code == 3
    assert "the hash chain breaks between events #4 and #5" in message(result)


def test_a_rewritten_history_with_the_whole_chain_recomputed_fails_the_signed_checkpoint(logged):
    tamper(logged.db, ("UPDATE events SET payload = ? WHERE seq = 3", ('{"id":"m2","name":"王小芳"}',)))
    rehash_from(logged.db, 3)
    result = verify(logged)
    first = checkpoint_seqs(logged.db)[0]
    assert result.exit_code == 3
    assert f"the checkpoint in event #{first} does not match the log" in message(result)


def test_a_deleted_row_is_named(logged):
    tamper(logged.db, "DELETE FROM events WHERE seq = 5")
    result = verify(logged)
    assert result.exit_code == 3
    assert "event #5 is missing (the next is #6): a row was deleted" in message(result)


def test_an_inserted_row_is_found(logged):
    """Insert a forged member at #3 and renumber the rest, as a careless forger would."""
    total = len(rows(logged.db))
    statements = [f"UPDATE events SET seq = seq + 1 WHERE seq = {s}" for s in range(total, 2, -1)]
    conn = sqlite3.connect(str(logged.db))
    prev = conn.execute("SELECT hash FROM events WHERE seq = 2").fetchone()[0]
    conn.close()
    payload = '{"id":"m9","name":"冒名"}'
    digest = hashlib.sha256(record_bytes(3, "member_added", T0, payload, prev)).hexdigest()
    statements.append(("INSERT INTO events VALUES (3, 'member_added', ?, ?, ?, ?)", (T0, payload, prev, digest)))
    tamper(logged.db, *statements)
    result = verify(logged)
    assert result.exit_code == 3
    assert "event #4" in message(result)


def test_an_event_appended_outside_deliberate_is_found(logged):
    last = rows(logged.db)[-1]
    seq, prev = last[0] + 1, last[5]
    payload = '{"id":"m9","name":"冒名"}'
    digest = hashlib.sha256(record_bytes(seq, "member_added", T0, payload, prev)).hexdigest()
    tamper(logged.db, ("INSERT INTO events VALUES (?, 'member_added', ?, ?, ?, ?)", (seq, T0, payload, prev, digest)))
    result = verify(logged)
    assert result.exit_code == 3
    assert "events were added outside deliberate" in message(result)


def test_reordered_rows_are_named(logged):
    a, b = rows(logged.db)[3], rows(logged.db)[4]
    tamper(
        logged.db,
        ("UPDATE events SET type = ?, at = ?, payload = ?, prev_hash = ?, hash = ? WHERE seq = ?", (*b[1:], a[0])),
        ("UPDATE events SET type = ?, at = ?, payload = ?, prev_hash = ?, hash = ? WHERE seq = ?", (*a[1:], b[0])),
    )
    result = verify(logged)
    assert result.exit_code == 3 and f"event #{a[0]}" in message(result)


def test_a_truncated_tail_is_found(logged):
    total = len(rows(logged.db))
    tamper(logged.db, f"DELETE FROM events WHERE seq > {total - 3}")
    result = verify(logged)
    assert result.exit_code == 3
    assert f"the log's tail was cut off: the Merkle tree holds {total} leaves, the log only {total - 3} events" in message(result)


def test_a_truncated_tail_with_the_tree_cut_too_is_caught_by_a_saved_checkpoint(logged, tmp_path):
    saved = tmp_path / "saved.txt"
    assert logged("checkpoint", "--out", str(saved), at="2026-11-21T10:00:00+08:00").exit_code == 0
    total = len(rows(logged.db))
    size = total - 1
    tamper(logged.db, f"DELETE FROM events WHERE seq > {total - 4}", f"DELETE FROM ledger_nodes WHERE level = 0 AND idx >= {total - 4}")
    # The cut tree still has its upper nodes: rebuild a consistent-looking tree table from the remaining leaves.
    conn = sqlite3.connect(str(logged.db), isolation_level=None)
    conn.execute("DELETE FROM ledger_nodes")
    from deliberate.ledger import tree_store

    leaves = [merkle.leaf_hash(record_bytes(*r[:5])) for r in conn.execute("SELECT * FROM events ORDER BY seq")]
    tree_store.append_leaves(conn, 0, leaves)
    assert verify(logged).exit_code == 3  # the signed head still covers the events that were cut
    conn.execute("DELETE FROM signed_head")
    conn.close()
    assert verify(logged).exit_code == 0  # cut back to a checkpoint, the head gone: invisible from the file alone
    result = verify(logged, "--since", str(saved))
    assert result.exit_code == 3
    assert f"rollback: the saved checkpoint covers {size} events but the log now has only {total - 4}" in message(result)


# -- checkpoints ----------------------------------------------------------------------
def append_checkpoint(db, payload, at="2026-11-21T11:00:00.000+08:00"):
    store = Store.open(db)
    try:
        store.append([Event("checkpoint", at, payload)])
    finally:
        store.close()


def signed_payload(db, size, root, key, name="莲花北社区居民议事会"):
    text = note.sign_checkpoint(cp.origin_for(name), size, root, key)
    return {"note": text, "size": size, "root": root.hex()}


def test_a_checkpoint_signed_by_another_key_is_named(logged):
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    total = len(rows(logged.db))
    leaves = [merkle.leaf_hash(record_bytes(*r[:5])) for r in rows(logged.db)]
    append_checkpoint(logged.db, signed_payload(logged.db, total, merkle.root(leaves), Ed25519PrivateKey.generate()))
    result = verify(logged)
    assert result.exit_code == 3
    assert f"#{total + 1} is signed by another key" in message(result)
    assert keys.fingerprint(keys.public_bytes(keys.load_key(logged.db))) in message(result)


def test_two_checkpoints_of_one_size_with_different_roots_are_a_fork(logged):
    first = checkpoint_seqs(logged.db)[0]
    size = first - 1
    append_checkpoint(logged.db, signed_payload(logged.db, size, hashlib.sha256(b"other history").digest(),
                                                keys.load_key(logged.db)))
    total = len(rows(logged.db))
    result = verify(logged)
    assert result.exit_code == 3
    assert f"fork: checkpoints #{first} and #{total} both cover {size} events but have different roots" in message(result)


def test_a_garbled_signature_line_in_a_checkpoint_is_named(logged):
    first = checkpoint_seqs(logged.db)[0]
    payload = json.loads(rows(logged.db)[first - 1][3])
    payload["note"] = payload["note"].replace("— deliberate/", "-- deliberate/")
    text = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    tamper(logged.db, ("UPDATE events SET payload = ? WHERE seq = ?", (text, first)))
    rehash_from(logged.db, first)
    result = verify(logged)
    assert result.exit_code == 3
    assert f"the signature line of #{first} (line 5) is garbled" in message(result)


def test_a_checkpoint_body_changed_after_signing_is_named(logged):
    first = checkpoint_seqs(logged.db)[0]
    payload = json.loads(rows(logged.db)[first - 1][3])
    lines = payload["note"].split("\n")
    lines[1] = str(int(lines[1]) - 1)
    payload["note"], payload["size"] = "\n".join(lines), int(lines[1])
    text = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    tamper(logged.db, ("UPDATE events SET payload = ? WHERE seq = ?", (text, first)))
    rehash_from(logged.db, first)
    result = verify(logged)
    assert result.exit_code == 3
    assert f"the signature of #{first} does not verify" in message(result)


# -- --since: a resident's saved checkpoint ----------------------------------------------
def test_a_saved_checkpoint_is_a_prefix_of_the_grown_log(logged, tmp_path):
    saved = tmp_path / "mine.txt"
    assert logged("checkpoint", "--out", str(saved), at="2026-11-21T10:00:00+08:00").exit_code == 0
    assert logged("member", "add", "孙强", at="2026-11-22T09:00:00+08:00").exit_code == 0
    code, data = logged.json("verify", "--since", str(saved))
    assert code == 0
    saved_size = note.read_checkpoint(saved.read_text())[1].size
    assert data["since"]["size"] == saved_size
    proof = [bytes.fromhex(h) for h in data["since"]["proof"]]
    assert merkle.verify_consistency(saved_size, data["events"], bytes.fromhex(data["since"]["root"]),
                                     bytes.fromhex(data["root"]), proof)


def test_a_rollback_to_an_older_file_is_found(logged, tmp_path):
    older = tmp_path / "older.db"
    shutil.copy(logged.db, older)
    saved = tmp_path / "mine.txt"
    assert logged("member", "add", "孙强", at="2026-11-22T09:00:00+08:00").exit_code == 0
    assert logged("checkpoint", "--out", str(saved), at="2026-11-22T09:01:00+08:00").exit_code == 0
    shutil.copy(older, logged.db)  # someone puts last week's file back
    result = verify(logged, "--since", str(saved))
    assert result.exit_code == 3
    assert "rollback: the saved checkpoint covers" in message(result)


def test_a_forked_copy_is_reported_as_a_fork(logged, tmp_path):
    other_db = tmp_path / "other" / "council.db"
    other_db.parent.mkdir()
    shutil.copy(logged.db, other_db)
    shutil.copy(keys.key_path(logged.db), keys.key_path(other_db))
    other = type(logged)(other_db.parent)
    assert other("member", "add", "假成员", at="2026-11-22T09:00:00+08:00").exit_code == 0
    saved = tmp_path / "theirs.txt"
    assert other("checkpoint", "--out", str(saved), at="2026-11-22T09:01:00+08:00").exit_code == 0
    assert logged("member", "add", "孙强", at="2026-11-22T09:00:00+08:00").exit_code == 0
    assert logged("checkpoint", at="2026-11-22T09:01:00+08:00").exit_code == 0
    result = verify(logged, "--since", str(saved))
    assert result.exit_code == 3
    assert "fork: checkpoints --since and #" in message(result)


def test_a_saved_checkpoint_from_another_key_is_refused(logged, tmp_path):
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    saved = tmp_path / "forged.txt"
    saved.write_text(note.sign_checkpoint(cp.origin_for("莲花北社区居民议事会"), 3, bytes(32), Ed25519PrivateKey.generate()))
    result = verify(logged, "--since", str(saved))
    assert result.exit_code == 3 and "--since is signed by another key" in message(result)


def test_a_saved_checkpoint_with_a_garbled_signature_line_is_refused(logged, tmp_path):
    saved = tmp_path / "mine.txt"
    assert logged("checkpoint", "--out", str(saved), at="2026-11-21T10:00:00+08:00").exit_code == 0
    text = saved.read_text()
    saved.write_text(text[:-10] + "%%%%\n")
    result = verify(logged, "--since", str(saved))
    assert result.exit_code == 3 and "is garbled" in message(result)


@pytest.mark.parametrize("content", ["", "hello\n", "a\nb\n\n— x AAAAAAAA\n"])
def test_a_saved_file_that_is_not_a_checkpoint_is_bad_input(logged, tmp_path, content):
    saved = tmp_path / "junk.txt"
    saved.write_text(content)
    result = verify(logged, "--since", str(saved))
    assert result.exit_code == 2
    assert "is not a checkpoint" in message(result)


def test_a_missing_saved_file_is_bad_input(logged, tmp_path):
    result = verify(logged, "--since", str(tmp_path / "nope.txt"))
    assert result.exit_code == 2 and "cannot read the checkpoint file" in message(result)


# -- keys -----------------------------------------------------------------------------------
def test_a_rotated_key_signs_the_next_checkpoints(logged):
    old = keys.fingerprint(keys.public_bytes(keys.load_key(logged.db)))
    result = logged("key", "rotate", at="2026-11-21T10:00:00+08:00")
    assert result.exit_code == 0, result.output
    new = keys.fingerprint(keys.public_bytes(keys.load_key(logged.db)))
    assert old != new and old in result.output and new in result.output
    assert logged("checkpoint", at="2026-11-21T10:01:00+08:00").exit_code == 0
    code, data = logged.json("verify")
    assert code == 0 and data["fingerprint"] == new and data["checkpoints"] == 3
    rotation = [r for r in rows(logged.db) if r[1] == "key_rotated"][0]
    payload = json.loads(rotation[3])
    assert cp.rotation_valid(cp.origin_for("莲花北社区居民议事会"), keys.decode_public(payload["previous_key"]), payload)


def test_a_rotation_not_signed_by_the_old_key_is_named(logged):
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    stranger, new = Ed25519PrivateKey.generate(), Ed25519PrivateKey.generate()
    payload = cp.rotation_payload(cp.origin_for("莲花北社区居民议事会"), stranger, new)
    payload["previous_key"] = keys.public_b64(keys.load_key(logged.db))
    store = Store.open(logged.db)
    stored = store.append([Event("key_rotated", "2026-11-21T10:00:00.000+08:00", payload)])
    store.close()
    result = verify(logged)
    assert result.exit_code == 3
    assert f"event #{stored[0].seq} rotates the key without a valid signature by the previous key" in message(result)


def test_a_checkpoint_by_the_retired_key_after_rotation_is_named(logged):
    old_key = keys.load_key(logged.db)
    assert logged("key", "rotate", at="2026-11-21T10:00:00+08:00").exit_code == 0
    total = len(rows(logged.db))
    leaves = [merkle.leaf_hash(record_bytes(*r[:5])) for r in rows(logged.db)]
    append_checkpoint(logged.db, signed_payload(logged.db, total, merkle.root(leaves), old_key))
    result = verify(logged)
    assert result.exit_code == 3 and "is signed by the retired key" in message(result)


def test_checkpoint_refuses_a_key_file_that_is_not_the_community_key(logged):
    keys.key_path(logged.db).unlink()
    keys.create_key(logged.db)
    result = logged("checkpoint", at="2026-11-21T10:00:00+08:00")
    assert result.exit_code == 3
    assert "is not the community key in the log" in message(result)


def test_a_meeting_closes_even_when_the_key_file_is_lost(logged):
    keys.key_path(logged.db).unlink()
    assert logged("meeting", "open", "第二次会议", "--chair", "李明", at="2026-11-22T19:00:00+08:00").exit_code == 0
    result = logged("meeting", "close", at="2026-11-22T20:00:00+08:00")
    assert result.exit_code == 0
    assert "without a signed checkpoint" in result.stderr
    assert rows(logged.db)[-1][1] == "meeting_closed"
    assert verify(logged).exit_code == 0


# -- not our database --------------------------------------------------------------------
def test_a_missing_database_is_bad_input(council):
    result = verify(council)
    assert result.exit_code == 2 and "no database at" in message(result)


def test_a_file_that_is_not_sqlite_is_bad_input(council):
    council.db.write_bytes(b"this is a spreadsheet, honest\n" * 100)
    result = verify(council)
    assert result.exit_code == 2 and "is not a deliberate log database" in message(result)


def test_a_sqlite_file_of_another_program_is_bad_input(council):
    conn = sqlite3.connect(str(council.db))
    conn.execute("CREATE TABLE events (id INTEGER, what TEXT)")
    conn.execute("CREATE TABLE meta (key TEXT, value TEXT)")
    conn.execute("INSERT INTO meta VALUES ('format', 'something-else')")
    conn.commit()
    conn.close()
    result = verify(council)
    assert result.exit_code == 2 and "is not a deliberate log database" in message(result)


def test_json_errors_name_the_rule(logged):
    tamper(logged.db, "DELETE FROM events WHERE seq = 5")
    result = logged("verify", "--json")
    data = json.loads(result.stdout.strip().splitlines()[-1])
    assert result.exit_code == 3 and data["ok"] is False and data["rule"] == "integrity"
    assert "#5" in data["message"]


def test_messages_in_chinese(logged):
    tamper(logged.db, "DELETE FROM events WHERE seq = 5")
    logged.lang = "zh"
    result = verify(logged)
    assert result.exit_code == 3 and "第 5 条事件不见了" in message(result)
