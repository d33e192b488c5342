"""The event log: append-only, canonical, hash-chained, and whole or nothing."""

from __future__ import annotations

import hashlib
import json
import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from deliberate.errors import BadInput
from deliberate.store import GENESIS, Event, Store, canonical_json, record_bytes


def test_append_chains_each_event_to_the_one_before(tmp_path):
    store = Store.create(tmp_path / "log.db")
    stored = store.append([Event("a", "2026-01-01T00:00:00.000+08:00", {"x": 1}),
                           Event("b", "2026-01-01T00:00:01.000+08:00", {"y": "王芳"})])
    assert [e.seq for e in stored] == [1, 2]
    assert stored[0].prev_hash == GENESIS
    assert stored[1].prev_hash == stored[0].hash
    for seq, type_, at, payload, prev, digest in store.rows():
        assert hashlib.sha256(record_bytes(seq, type_, at, payload, prev)).hexdigest() == digest


def test_record_bytes_are_the_canonical_json_of_the_row():
    record = record_bytes(7, "attended", "2026-11-20T19:00:00.000+08:00", '{"member":"m1"}', "ab" * 32)
    parsed = json.loads(record)
    assert record.decode() == canonical_json(parsed)
    assert parsed["seq"] == 7 and parsed["payload"] == {"member": "m1"}


def test_payload_is_stored_canonical_and_nfc(tmp_path):
    store = Store.create(tmp_path / "log.db")
    store.append([Event("member_added", "2026-01-01T00:00:00.000+08:00",
                        {"name": "Re\u0301ne", "b": 1, "a": [2, 1]})])
    payload = next(store.rows())[3]
    assert payload == '{"a":[2,1],"b":1,"name":"Réne"}'


def test_the_log_refuses_updates_and_deletes(tmp_path):
    store = Store.create(tmp_path / "log.db")
    store.append([Event("a", "2026-01-01T00:00:00.000+08:00", {})])
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        store.conn.execute("UPDATE events SET type = 'x'")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        store.conn.execute("DELETE FROM events")
    assert store.size() == 1


def test_a_failed_action_leaves_nothing(tmp_path):
    store = Store.create(tmp_path / "log.db")
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.append([Event("a", "2026-01-01T00:00:00.000+08:00", {})])
            raise RuntimeError("crash in the middle of an action")
    assert store.size() == 0


def test_a_file_that_is_not_ours_is_refused(tmp_path):
    other = tmp_path / "notes.db"
    other.write_text("这不是数据库 / not a database")
    with pytest.raises(BadInput) as caught:
        Store.open(other)
    assert caught.value.key == "store.not_ours"
    foreign = tmp_path / "foreign.db"
    sqlite3.connect(foreign).execute("CREATE TABLE t (x)").connection.commit()
    with pytest.raises(BadInput) as caught:
        Store.open(foreign)
    assert caught.value.key == "store.not_ours"


def test_creating_over_an_existing_file_is_refused(tmp_path):
    Store.create(tmp_path / "log.db").close()
    with pytest.raises(BadInput) as caught:
        Store.create(tmp_path / "log.db")
    assert caught.value.key == "store.exists"


names = st.text(st.characters(blacklist_categories=("Cs",)), min_size=0, max_size=30)


@given(name=names)
@settings(max_examples=200, deadline=None)
def test_any_unicode_name_round_trips_through_the_canonical_encoding(name):
    import unicodedata

    text = canonical_json({"name": name})
    assert json.loads(text)["name"] == unicodedata.normalize("NFC", name)
    assert canonical_json(json.loads(text)) == text


@given(name=names)
@settings(max_examples=200, deadline=None)
def test_nfc_equal_names_encode_identically(name):
    import unicodedata

    assert canonical_json(unicodedata.normalize("NFD", name)) == canonical_json(unicodedata.normalize("NFC", name))
