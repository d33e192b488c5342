"""Trust under attack: an attacker who has the database file but not the community key.

The attacker drops the triggers, rewrites rows, and then *re-forges* the log
(`reforge`): every row's record bytes, hash and prev_hash are recomputed and the
Merkle table is rebuilt from scratch, so the hash chain and the tree look whole.
Each test states only its edit; `deliberate verify` must exit 3 and name it
(or, on a public copy without the key file, say what no signature covers).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import sqlite3
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from deliberate.ledger import checkpoint as cp
from deliberate.ledger import keys, manifest, merkle, note, tree_store
from deliberate.record import GENESIS, canonical_json, record_bytes

NAME = "文华社区居民议事会"
ORIGIN = cp.origin_for(NAME)
LATER = "2026-11-21T10:00:00.000+08:00"
TRIGGERS = ("events_no_update", "events_no_delete", "ledger_nodes_no_update", "ledger_nodes_no_delete")


@pytest.fixture
def log(seated):
    """#1 community, #2-#6 members, #7 meeting opened, #8-#11 attended, #12 closed, #13 its checkpoint,
    #14 and #15 two members added the next day (covered only by the signed head)."""
    council = seated
    assert council("attend", "王芳", "陈静", "刘洋", at="2026-11-20T19:01:00+08:00").exit_code == 0
    result = council("meeting", "close", at="2026-11-20T20:00:00+08:00")
    assert result.exit_code == 0, result.output
    assert council("member", "add", "赵丽", at="2026-11-21T09:00:00+08:00").exit_code == 0
    assert council("member", "add", "孙强", at="2026-11-21T09:00:00+08:00").exit_code == 0
    types = [r[1] for r in rows(council.db)]
    assert types[12] == "checkpoint" and len(types) == 15, types
    assert head(council.db)[0] == 15, "the app signs the tree head after every action"
    return council


# -- the attacker's tools -------------------------------------------------------------
def connect(db) -> sqlite3.Connection:
    return sqlite3.connect(str(db), isolation_level=None)


def rows(db):
    conn = connect(db)
    try:
        return conn.execute("SELECT seq, type, at, payload, prev_hash, hash FROM events ORDER BY seq").fetchall()
    finally:
        conn.close()


def sql(db, *statements):
    """Run SQL on the file as an attacker would: triggers dropped, no deliberate."""
    conn = connect(db)
    try:
        for trigger in TRIGGERS:
            conn.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        for statement in statements:
            conn.execute(*statement) if isinstance(statement, tuple) else conn.execute(statement)
    finally:
        conn.close()


def reforge(db) -> None:
    """Make the edited log look whole: recompute every record's hash and prev_hash, rebuild the Merkle table."""
    conn = connect(db)
    try:
        for trigger in TRIGGERS:
            conn.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        conn.execute("BEGIN")
        prev, leaves = GENESIS, []
        for seq, type_, at, payload in conn.execute("SELECT seq, type, at, payload FROM events ORDER BY seq").fetchall():
            record = record_bytes(seq, type_, at, payload, prev)
            digest = hashlib.sha256(record).hexdigest()
            conn.execute("UPDATE events SET prev_hash = ?, hash = ? WHERE seq = ?", (prev, digest, seq))
            leaves.append(merkle.leaf_hash(record))
            prev = digest
        conn.execute("DELETE FROM ledger_nodes")
        tree_store.append_leaves(conn, 0, leaves)
        conn.execute("COMMIT")
    finally:
        conn.close()


def forge(db, *statements) -> None:
    """An edit, then the whole log re-forged."""
    sql(db, *statements)
    reforge(db)


def set_payload(seq: int, payload) -> tuple:
    text = payload if isinstance(payload, str) else canonical_json(payload)
    return ("UPDATE events SET payload = ? WHERE seq = ?", (text, seq))


def append(db, type_: str, payload, at: str = LATER) -> tuple:
    seq = len(rows(db)) + 1
    text = payload if isinstance(payload, str) else canonical_json(payload)
    return ("INSERT INTO events VALUES (?, ?, ?, ?, '', '')", (seq, type_, at, text))


DROP_HEAD = "DELETE FROM signed_head"


def head(db):
    conn = connect(db)
    try:
        return conn.execute("SELECT size, note FROM signed_head").fetchone()
    finally:
        conn.close()


def root_of(db, size: int) -> bytes:
    return merkle.root([merkle.leaf_hash(record_bytes(*r[:5])) for r in rows(db)[:size]])


def write_head(db, key, size: int | None = None, root: bytes | None = None, origin: str = ORIGIN):
    size = len(rows(db)) if size is None else size
    text = note.sign_checkpoint(origin, size, root_of(db, size) if root is None else root, key)
    return ("INSERT OR REPLACE INTO signed_head(id, size, note) VALUES (1, ?, ?)", (size, text))


def rotate(council):
    """`key rotate` as the app does it (a new key in <db>.key.new, moved into place when it signs); the old key."""
    from deliberate.app import open_app
    from deliberate.ledger.events import RotateKey

    old = keys.load_key(council.db)
    new = keys.write_new_key(keys.pending_key_path(council.db))
    app = open_app(council.db)
    try:
        app.execute(RotateKey(LATER, cp.rotation_payload(ORIGIN, old, new)))
    finally:
        app.close()
    assert keys.public_bytes(keys.load_key(council.db)) == keys.public_bytes(new)
    return old


def public_copy(council) -> None:
    """The database without its key file, as published."""
    path = keys.key_path(council.db)
    path.rename(path.with_name(path.name + ".away"))


def message(result) -> str:
    return result.stderr.strip()


def verify(council, *args):
    return council("verify", *args)


# -- the baseline ----------------------------------------------------------------------
def test_the_untouched_log_verifies_and_every_event_is_signed(log):
    code, data = log.json("verify")
    assert code == 0, data
    assert data["events"] == 15 and data["unsigned_events"] == 0
    assert data["signed_head"] == {"size": 15, "root": root_of(log.db, 15).hex()}
    public_copy(log)
    code, data = log.json("verify")
    assert code == 0 and data["unsigned_events"] == 0


def test_reforging_an_untouched_log_changes_nothing(log):
    before = rows(log.db)
    reforge(log.db)
    assert rows(log.db) == before
    assert verify(log).exit_code == 0


# -- 1. the signed head -----------------------------------------------------------------
@pytest.mark.parametrize("public", [False, True], ids=["key_here", "public_copy"])
def test_an_edit_after_the_last_checkpoint_breaks_the_signed_head(log, public):
    if public:
        public_copy(log)
    forge(log.db, set_payload(14, {"id": "m6", "name": "冒名"}))
    result = verify(log)
    assert result.exit_code == 3
    assert "the signed head (signed_head table) does not match the log: the log up to event #15 was changed" in message(result)


def test_an_edit_with_the_signed_head_deleted_is_unsigned_while_the_key_is_here(log):
    forge(log.db, set_payload(14, {"id": "m6", "name": "冒名"}), DROP_HEAD)
    result = verify(log)
    assert result.exit_code == 3
    assert "no signature covers 2 events (from #14 on)" in message(result)
    assert "the key file is beside the database" in message(result)


def test_a_public_copy_says_how_many_events_no_signature_covers(log):
    public_copy(log)
    forge(log.db, set_payload(14, {"id": "m6", "name": "冒名"}), DROP_HEAD)
    result = verify(log)
    assert result.exit_code == 0, result.output
    assert "no signature covers 2 events (from #14 on)" in result.output
    code, data = log.json("verify")
    assert code == 0 and data["unsigned_events"] == 2 and data["signed_head"] is None


def test_an_event_appended_with_the_tree_rebuilt_is_unsigned(log):
    forge(log.db, append(log.db, "member_added", {"id": "m8", "name": "冒名"}))
    result = verify(log)
    assert result.exit_code == 3
    assert "no signature covers 1 event (from #16 on)" in message(result)


def test_two_events_swapped_after_the_last_checkpoint(log):
    a, b = rows(log.db)[13], rows(log.db)[14]
    forge(log.db, set_payload(14, b[3]), set_payload(15, a[3]))
    result = verify(log)
    assert result.exit_code == 3 and "the signed head (signed_head table) does not match the log" in message(result)


def test_an_event_inserted_after_the_last_checkpoint(log):
    forge(
        log.db,
        "UPDATE events SET seq = seq + 100 WHERE seq >= 14",
        "UPDATE events SET seq = seq - 99 WHERE seq >= 114",
        ("INSERT INTO events VALUES (14, 'member_added', ?, ?, '', '')",
         ("2026-11-21T09:00:00.000+08:00", canonical_json({"id": "m9", "name": "冒名"}))),
    )
    assert [r[0] for r in rows(log.db)] == list(range(1, 17))
    result = verify(log)
    assert result.exit_code == 3 and "the signed head (signed_head table) does not match the log" in message(result)


def test_a_signed_head_signed_by_another_key(log):
    stranger = Ed25519PrivateKey.generate()
    forge(log.db, set_payload(14, {"id": "m6", "name": "冒名"}), write_head(log.db, stranger))
    result = verify(log)
    assert result.exit_code == 3
    assert "the signed head (signed_head table) is signed by another key" in message(result)


def test_a_signed_head_beyond_a_cut_tail(log):
    forge(log.db, "DELETE FROM events WHERE seq = 15")
    result = verify(log)
    assert result.exit_code == 3
    assert "the signed head (signed_head table) covers 15 events but the log has only 14" in message(result)


def test_a_garbled_signed_head(log):
    size, text = head(log.db)
    sql(log.db, ("UPDATE signed_head SET note = ?", (text.replace("\n— ", "\n-- "),)))
    result = verify(log)
    assert result.exit_code == 3 and "the signature line of the signed head (signed_head table)" in message(result)


def test_a_signed_head_whose_size_column_disagrees_with_its_note(log):
    sql(log.db, "UPDATE signed_head SET size = 13")
    result = verify(log)
    assert result.exit_code == 3
    assert "the signed head (signed_head table) is malformed" in message(result)


def test_a_log_rekeyed_by_the_attacker_is_refused_while_the_key_file_is_here(log):
    """Every signature re-made with the attacker's own key: only the key file beside the database tells."""
    mine = Ed25519PrivateKey.generate()
    created = json.loads(rows(log.db)[0][3])
    created["public_key"] = keys.public_b64(mine)
    forge(log.db, set_payload(1, created))
    cp_payload = json.loads(rows(log.db)[12][3])
    cp_payload["root"] = root_of(log.db, 12).hex()
    cp_payload["note"] = note.sign_checkpoint(ORIGIN, 12, root_of(log.db, 12), mine)
    forge(log.db, set_payload(13, cp_payload))
    forge(log.db, write_head(log.db, mine))
    result = verify(log)
    assert result.exit_code == 3
    assert "is not a key this log names" in message(result)


def test_a_signed_head_by_the_retired_key(log):
    old = rotate(log)
    assert verify(log).exit_code == 0
    forge(log.db, write_head(log.db, old))
    result = verify(log)
    assert result.exit_code == 3
    assert "the signed head (signed_head table) is signed by the retired key" in message(result)


# -- 2. a checkpoint covers every event before it ------------------------------------------
def test_a_replayed_old_checkpoint_does_not_cover_the_events_before_it(log):
    """An old, genuinely signed checkpoint copied to the end so the edited tail looks signed."""
    old = rows(log.db)[12][3]
    forge(log.db, set_payload(14, {"id": "m6", "name": "冒名"}), append(log.db, "checkpoint", old), DROP_HEAD)
    result = verify(log)
    assert result.exit_code == 3
    assert "the checkpoint in event #16 covers 12 events, not the 15 before it" in message(result)


# -- 3. canonical payloads ----------------------------------------------------------------
@pytest.mark.parametrize("text", [
    '{"id": "m6", "name": "赵丽"}',
    '{"name":"赵丽","id":"m6"}',
    '{"id":"m6","name":"\\u8d75\\u4e3d"}',
    '{"id":"m6","name":"Rene\u0301e"}',
    '{"id":"m6","name":"冒名","name":"赵丽"}',
    '{"id":"m6","name":"赵丽"} ',
    '{"id":"m6","name":"赵丽","n":1e0}',
], ids=["spaces", "key_order", "ascii_escapes", "not_nfc", "duplicate_key", "trailing_space", "exponent"])
def test_a_payload_that_is_not_canonical_json_is_named(log, text):
    public_copy(log)
    forge(log.db, set_payload(14, text), DROP_HEAD)
    result = verify(log)
    assert result.exit_code == 3
    assert "event #14's payload is not in the canonical encoding" in message(result)


def test_a_payload_that_is_not_json_is_named(log):
    public_copy(log)
    forge(log.db, set_payload(14, '{"id":"m6","name":"赵丽"'), DROP_HEAD)
    result = verify(log)
    assert result.exit_code == 3 and "event #14 (member_added) does not hold a JSON object" in message(result)


# -- 4. the whole log folds ---------------------------------------------------------------
def fold_attack(council, *events):
    """Events appended to a public copy whose signed head is gone: only the fold can object."""
    public_copy(council)
    statements = []
    for offset, (type_, payload) in enumerate(events):
        seq = len(rows(council.db)) + 1 + offset
        text = payload if isinstance(payload, str) else canonical_json(payload)
        statements.append(("INSERT INTO events VALUES (?, ?, ?, ?, '', '')", (seq, type_, LATER, text)))
    forge(council.db, *statements, DROP_HEAD)
    return verify(council)


def test_an_unknown_event_type_is_named(log):
    result = fold_attack(log, ("member_promoted", {"id": "m1", "role": "主任"}))
    assert result.exit_code == 3
    assert "event #16 has the type member_promoted, which no version of the record defines" in message(result)


@pytest.mark.parametrize("payload", ["{}", "null", "[]", '"m8"'], ids=["empty", "null", "list", "string"])
def test_a_payload_without_its_fields_does_not_fold(log, payload):
    result = fold_attack(log, ("member_added", payload))
    assert result.exit_code == 3
    assert "event #16 does not fold" in message(result) or "event #16 (member_added) does not hold a JSON object" in message(result)


def test_a_member_removed_who_never_was_does_not_fold(log):
    result = fold_attack(log, ("member_removed", {"id": "m99", "reason": "x"}))
    assert result.exit_code == 3 and "event #16 does not fold" in message(result)


def test_an_unknown_member_attending_is_named(log):
    result = fold_attack(
        log,
        ("meeting_opened", {"chair": "李明", "chair_id": "m4", "number": 2, "secretary": "", "title": "第5次"}),
        ("attended", {"member": "m99"}),
    )
    assert result.exit_code == 3
    assert "event #17 names the member m99, whom no earlier event added" in message(result)


def test_a_departure_of_someone_not_present_does_not_fold(log):
    result = fold_attack(log, ("departed", {"member": "m5"}))
    assert result.exit_code == 3 and "event #16 does not fold" in message(result)


def test_a_second_community_created_with_the_attackers_key_is_named(log):
    mine = Ed25519PrivateKey.generate()
    created = json.loads(rows(log.db)[0][3])
    created["public_key"] = keys.public_b64(mine)
    forge(log.db, append(log.db, "community_created", created), DROP_HEAD)
    size = len(rows(log.db))
    forge(log.db, append(log.db, "checkpoint", {"note": note.sign_checkpoint(ORIGIN, size, root_of(log.db, size), mine),
                                                "size": size, "root": root_of(log.db, size).hex()}))
    forge(log.db, write_head(log.db, mine))
    result = verify(log)
    assert result.exit_code == 3
    assert "event #16 creates the community again" in message(result)


@pytest.mark.parametrize("statement", [
    "UPDATE meta SET value = '9' WHERE key = 'format_version'",
    "DELETE FROM meta WHERE key = 'format_version'",
], ids=["unknown", "missing"])
def test_an_unreadable_format_version_is_named(log, statement):
    sql(log.db, statement)
    result = verify(log)
    assert result.exit_code == 3 and "format version" in message(result)


# -- 5. every stored Merkle node ------------------------------------------------------------
@pytest.mark.parametrize("level, idx", [(1, 0), (0, 3), (2, 1)])
def test_a_rewritten_merkle_node_is_named(log, level, idx):
    sql(log.db, ("UPDATE ledger_nodes SET hash = ? WHERE level = ? AND idx = ?", (bytes(32), level, idx)))
    result = verify(log)
    assert result.exit_code == 3
    assert f"the stored Merkle node at level {level}, index {idx} disagrees" in message(result)


def test_an_extra_merkle_node_is_named(log):
    sql(log.db, ("INSERT INTO ledger_nodes VALUES (2, 9, ?)", (bytes(32),)))
    result = verify(log)
    assert result.exit_code == 3
    assert "the stored Merkle node at level 2, index 9 disagrees" in message(result)


# -- 6. the snapshot cache --------------------------------------------------------------------
def snapshot_text(db, seq: int) -> str:
    from deliberate import domain
    from deliberate import state as state_codec
    from deliberate.app import SNAPSHOT_VERSION
    from deliberate.store import Store

    store = Store.open(db)
    try:
        state = domain.fold(store.read(1, seq + 1))
    finally:
        store.close()
    return SNAPSHOT_VERSION + "\n" + state_codec.dumps(state)


def test_an_edited_snapshot_is_named(log):
    text = snapshot_text(log.db, 10)
    assert '"王芳"' in text
    sql(log.db, ("INSERT INTO snapshots VALUES (10, ?)", (text.replace('"王芳"', '"冒名"'),)))
    result = verify(log)
    assert result.exit_code == 3
    assert "the cached snapshot at event #10 is not the state the log folds to" in message(result)


def test_a_snapshot_beyond_the_log_is_named(log):
    sql(log.db, ("INSERT INTO snapshots VALUES (99, ?)", (snapshot_text(log.db, 15),)))
    result = verify(log)
    assert result.exit_code == 3 and "the cached snapshot at event #99 is not the state the log folds to" in message(result)


def test_a_true_snapshot_passes_and_one_of_another_version_is_ignored(log):
    sql(log.db, ("INSERT INTO snapshots VALUES (10, ?)", (snapshot_text(log.db, 10),)),
        ("INSERT INTO snapshots VALUES (12, ?)", ("0.0.1/1\n{}",)))
    code, data = log.json("verify")
    assert code == 0, data
    assert data["snapshots_checked"] == 1 and data["snapshots_ignored"] == 1
    result = verify(log)
    assert "1 cached snapshots of another version were ignored" in result.output


# -- 7. a sealed site and a forged key rotation -----------------------------------------------------
def make_site(council, folder: Path) -> Path:
    (folder / "meetings").mkdir(parents=True, exist_ok=True)
    (folder / "index.html").write_text("<h1>文华社区</h1>\n", encoding="utf-8")
    (folder / "meetings" / "1.html").write_text("<p>第一次会议纪要</p>\n", encoding="utf-8")
    result = council("seal", str(folder))
    assert result.exit_code == 0, result.output
    return folder


def test_a_site_resealed_with_a_key_from_a_forged_rotation_is_refused(log, tmp_path):
    from deliberate.ledger import seal as sealing

    folder = make_site(log, tmp_path / "site")
    stranger, mine = Ed25519PrivateKey.generate(), Ed25519PrivateKey.generate()
    rotation = cp.rotation_payload(ORIGIN, stranger, mine)
    rotation["previous_key"] = keys.public_b64(keys.load_key(log.db))
    forge(log.db, append(log.db, "key_rotated", rotation), DROP_HEAD)
    (folder / "index.html").write_text("<h1>伪造</h1>\n", encoding="utf-8")
    sealing.seal_directory(folder, mine, ORIGIN, json.loads(rows(log.db)[12][3])["note"])
    result = verify(log, str(folder))
    assert result.exit_code == 3
    assert "event #16 rotates the key without a valid signature by the previous key" in message(result)


# -- 8. what a sealed directory may hold, and an atomic seal -----------------------------------------
def odd_entry(folder: Path, kind: str) -> str:
    if kind == "dir_link":
        (folder / "elsewhere").mkdir()
        os.symlink(folder / "elsewhere", folder / "meetings" / "linked")
        return "meetings/linked"
    if kind == "fifo":
        os.mkfifo(folder / "pipe")
        return "pipe"
    if kind == "dangling":
        os.symlink(folder / "nowhere.html", folder / "gone.html")
        return "gone.html"
    (folder / "a\nb.html").write_text("x", encoding="utf-8")
    return "a\\nb.html"


@pytest.mark.parametrize("kind", ["dir_link", "fifo", "dangling", "newline"])
def test_seal_refuses_what_a_manifest_cannot_hold(log, tmp_path, kind):
    folder = tmp_path / "site"
    (folder / "meetings").mkdir(parents=True)
    (folder / "index.html").write_text("x", encoding="utf-8")
    shown = odd_entry(folder, kind)
    result = log("seal", str(folder))
    assert result.exit_code == 2, result.output
    assert shown in message(result)
    assert not (folder / manifest.FILE_NAME).exists()


@pytest.mark.parametrize("kind", ["dir_link", "fifo", "dangling", "newline"])
def test_verify_reports_what_appeared_in_a_sealed_directory(log, tmp_path, kind):
    folder = make_site(log, tmp_path / "site")
    shown = odd_entry(folder, kind)
    result = verify(log, str(folder))
    assert result.exit_code == 3, result.output
    assert shown in message(result)


def test_seal_refuses_a_directory_holding_the_database(log):
    result = log("seal", str(log.folder))
    assert result.exit_code == 2
    assert "holds the database or its key" in message(result)
    assert not (log.folder / manifest.FILE_NAME).exists()


def test_seal_refuses_a_directory_holding_a_copy_of_the_key(log, tmp_path):
    folder = tmp_path / "site"
    folder.mkdir()
    shutil.copy(keys.key_path(log.db), folder / "backup.pem")
    result = log("seal", str(folder))
    assert result.exit_code == 2
    assert "backup.pem" in message(result) and "private key" in message(result)


class Killed(BaseException):
    pass


def test_a_seal_killed_at_any_step_leaves_the_old_seal_or_the_new(log, tmp_path, monkeypatch):
    from deliberate.ledger import seal as sealing

    sealed = make_site(log, tmp_path / "sealed")
    assert log("checkpoint", at="2026-11-21T10:00:00+08:00").exit_code == 0
    newest = json.loads(rows(log.db)[-1][3])["note"]
    real = {"replace": os.replace, "fsync": os.fsync}
    outcomes = []
    for kill_at in range(8):
        folder = tmp_path / f"site{kill_at}"
        shutil.copytree(sealed, folder)
        calls = []

        def dying(name):
            def call(*args):
                if len(calls) == kill_at:
                    raise Killed()
                calls.append(name)
                return real[name](*args)
            return call

        monkeypatch.setattr(sealing.os, "replace", dying("replace"))
        monkeypatch.setattr(sealing.os, "fsync", dying("fsync"))
        try:
            sealing.seal_directory(folder, keys.load_key(log.db), ORIGIN, newest)
            outcomes.append("done")
        except Killed:
            outcomes.append(calls[-1] if calls else "-")
        monkeypatch.setattr(sealing.os, "replace", real["replace"])
        monkeypatch.setattr(sealing.os, "fsync", real["fsync"])
        result = verify(log, str(folder))
        assert result.exit_code == 0, (kill_at, result.output)
        # the next seal is not troubled by what the killed one left, and verify counts no leftover
        result = log("seal", str(folder))
        assert result.exit_code == 0, result.output
        code, data = log.json("verify", str(folder))
        assert code == 0 and data["checkpoint"]["size"] == 15 and data["files"] == 3, data
    assert "done" in outcomes and outcomes.count("replace") >= 1, outcomes


def test_an_older_genuine_checkpoint_put_back_is_refused(log, tmp_path):
    """Only a newer checkpoint is what an interrupted seal leaves; an older one is a rollback of the published file."""
    folder = make_site(log, tmp_path / "site")
    older = (folder / manifest.CHECKPOINT_FILE).read_text(encoding="utf-8")
    assert log("checkpoint", at="2026-11-21T10:00:00+08:00").exit_code == 0
    assert log("seal", str(folder)).exit_code == 0
    (folder / manifest.CHECKPOINT_FILE).write_text(older, encoding="utf-8")
    result = verify(log, str(folder))
    assert result.exit_code == 3 and "the file checkpoint.txt changed after it was sealed" in message(result)


def test_a_newer_checkpoint_with_a_smuggled_line_is_refused(log, tmp_path):
    folder = make_site(log, tmp_path / "site")
    assert log("checkpoint", at="2026-11-21T10:00:00+08:00").exit_code == 0
    newest = json.loads(rows(log.db)[-1][3])["note"]
    stranger = Ed25519PrivateKey.generate()
    extra = note.sign(note.parse(newest).body, "evil", stranger).split("\n\n")[1]
    (folder / manifest.CHECKPOINT_FILE).write_text(newest + extra, encoding="utf-8")
    result = verify(log, str(folder))
    assert result.exit_code == 3 and "the file checkpoint.txt changed after it was sealed" in message(result)
    (folder / manifest.CHECKPOINT_FILE).write_text(newest, encoding="utf-8")
    code, data = log.json("verify", str(folder))
    assert code == 0 and data["checkpoint_newer"] == 15


def test_a_leftover_temporary_file_is_not_an_unsealed_file(log, tmp_path):
    folder = make_site(log, tmp_path / "site")
    (folder / (manifest.FILE_NAME + ".tmp")).write_text("half a manifest", encoding="utf-8")
    assert verify(log, str(folder)).exit_code == 0
    assert log("seal", str(folder)).exit_code == 0
    assert not (folder / (manifest.FILE_NAME + ".tmp")).exists()


# -- 9. no internal reason code under --lang zh ----------------------------------------------------
REASON_CODE = re.compile(r"\b[a-z]+_[a-z_]+\b")


@pytest.mark.parametrize("content", [
    "", "hello", "hello\n", "a\nb\n\n— x AAAAAAAA\n", "a\x01\nb\nc\n\n— x AAAAAAAAAAAA\n",
    ORIGIN + "\n12\nnot-base64\n\n— " + ORIGIN + " AAAAAAAAAAAA\n",
])
def test_verify_in_chinese_shows_no_reason_code(log, tmp_path, content):
    saved = tmp_path / "saved.txt"
    saved.write_text(content, encoding="utf-8")
    log.lang = "zh"
    result = verify(log, "--since", str(saved))
    assert result.exit_code in (2, 3)
    text = message(result).replace(str(saved), "FILE")
    assert not REASON_CODE.search(text), text
    assert not re.search(r"[A-Za-z]{4,}", text.replace("FILE", "").replace("base64", "")), text  # no English


def test_a_malformed_checkpoint_event_is_said_in_chinese(log):
    payload = json.loads(rows(log.db)[12][3])
    del payload["note"]
    forge(log.db, set_payload(13, payload))
    log.lang = "zh"
    result = verify(log)
    assert result.exit_code == 3
    assert "no note" not in message(result) and "第 13 条" in message(result)


def test_a_manifest_that_cannot_be_read_is_said_in_chinese(log, tmp_path):
    folder = make_site(log, tmp_path / "site")
    path = folder / manifest.FILE_NAME
    parsed = note.parse(path.read_text(encoding="utf-8"))
    body = parsed.body.replace("deliberate-manifest v1", "deliberate-manifest v9")
    path.write_text(note.sign(body, ORIGIN, keys.load_key(log.db)), encoding="utf-8")
    log.lang = "zh"
    result = verify(log, str(folder))
    assert result.exit_code == 2
    text = message(result).replace(str(path), "FILE")
    assert not re.search(r"expected|line \d", text), text


def test_every_note_reason_has_a_sentence_in_both_languages():
    from deliberate.i18n import catalog

    for reason in note.REASONS:
        entry = catalog()[f"ledger.note.{reason}"]
        assert entry["zh"] and entry["en"]
    for reason in manifest.REASONS:
        entry = catalog()[f"ledger.manifest.{reason}"]
        assert entry["zh"] and entry["en"]


@pytest.mark.parametrize("kind", ["missing", "directory", "not_utf8"])
def test_an_unreadable_saved_checkpoint_is_said_in_chinese(log, tmp_path, kind):
    saved = tmp_path / "saved.txt"
    if kind == "directory":
        saved.mkdir()
    elif kind == "not_utf8":
        saved.write_bytes(b"\xff\xfe\x00bad")
    log.lang = "zh"
    result = verify(log, "--since", str(saved))
    assert result.exit_code == 2
    text = message(result).replace(str(saved), "FILE")
    assert not re.search(r"[A-Za-z]{4,}", text.replace("FILE", "")), text


def test_a_payload_nested_too_deep_is_named_not_a_crash(log):
    deep = '{"id":' + "[" * 100_000 + "]" * 100_000 + "}"
    result = fold_attack(log, ("checkpoint", deep))
    assert result.exit_code == 3 and "event #16 (checkpoint) does not hold a JSON object" in message(result)


def test_a_snapshot_keyed_by_text_is_named_not_a_crash(log):
    sql(log.db, "DROP TABLE snapshots", "CREATE TABLE snapshots (seq, state)",
        ("INSERT INTO snapshots VALUES ('ten', ?)", (snapshot_text(log.db, 10),)))
    result = verify(log)
    assert result.exit_code == 3 and "the cached snapshot at event #ten" in message(result)
