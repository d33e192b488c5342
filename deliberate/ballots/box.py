"""The ballot box: codes drawn, ballots kept beside the log until close, receipts checked (an edge).

Every way of casting (the CLI's `cast`, the `booth`, the phone server) comes here, so a
ballot is checked and kept the same way. An accepted ballot is written to the table
``poll_ballots`` in the transaction that marks its code used (the row *is* the mark: its
key is the code's verifier), so a killed process loses no accepted ballot and never
accepts a code twice. The table has no rowid: its rows are kept in the order of their
verifiers, which says nothing about when they arrived. At close the rows become
``ballot_cast`` events (see `deliberate.ballots.polls`) and are erased in the same
transaction.
"""

from __future__ import annotations

import json
import secrets

from deliberate.ballots import polls
from deliberate.record import canonical_json
from deliberate.errors import BadInput, Refused
from deliberate.refusal import Refusal

SCHEMA = ("CREATE TABLE IF NOT EXISTS poll_ballots (verifier TEXT PRIMARY KEY, poll TEXT NOT NULL, "
          "ballot TEXT NOT NULL) WITHOUT ROWID")


def ensure_schema(store) -> None:
    """The table beside the log (made once, outside any transaction a refusal could roll back)."""
    if not getattr(store, "_poll_ballots", False):
        store.conn.execute(SCHEMA)
        store._poll_ballots = not store.conn.in_transaction


def draw_codes(count: int) -> list[str]:
    """`count` fresh codes of 80 random bits each (shown with dashes), in random order."""
    return [polls.code_from_bits(secrets.randbits(5 * polls.CODE_SYMBOLS)) for _ in range(count)]


def issue(app, count: int, add: bool, at: str) -> tuple[str, list[str]]:
    """Draw `count` codes for the open poll and record their verifiers: (poll id, codes)."""
    if count < 1:
        raise BadInput("poll.bad_count", value=count)
    codes = draw_codes(count)
    chosen: dict = {}

    def command(state):
        poll = polls.open_poll(state)
        chosen["poll"] = poll.id if poll else None
        verifiers = tuple(polls.verifier(poll.id, polls.normal_code(c)) for c in codes) if poll else ("-",)
        return polls.IssueCodes(at, verifiers, add)

    app.execute(command)
    secrets.SystemRandom().shuffle(codes)
    return chosen["poll"], codes


def _refuse(rule: str, key: str, params: dict | None = None, hint: bool = True):
    raise Refused(Refusal(rule, key, params or {}, hint_key=f"{key}.hint" if hint else None))


def cast(app, code_text: str, choice: str | None = None, projects=None) -> str:
    """Check and keep one ballot; its receipt. Raises Refused (nothing kept) when it is not in order."""
    store = app.store
    ensure_schema(store)
    with store.transaction():
        app.catch_up()
        poll = polls.open_poll(app.state)
        if poll is None:
            _refuse("poll.not_open", "poll.not_open")
        code = polls.normal_code(code_text)
        if code is None:
            _refuse("poll.code", "poll.code_typo", {"code": str(code_text)[:30]})
        verifier = polls.verifier(poll.id, code)
        if verifier not in poll.verifiers:
            other = next((p.id for p in polls.polls_of(app.state).values()
                          if p.id != poll.id and polls.verifier(p.id, code) in p.verifiers), None)
            if other:
                _refuse("poll.code", "poll.other_poll", {"poll": other}, hint=False)
            _refuse("poll.code", "poll.unknown_code")
        if store.conn.execute("SELECT 1 FROM poll_ballots WHERE verifier = ?", (verifier,)).fetchone():
            _refuse("poll.code_used", "poll.code_used")
        content = polls.check_ballot(app.state, poll, choice, projects)
        if isinstance(content, Refusal):
            raise Refused(content)
        nonce = secrets.token_hex(16)
        store.conn.execute("INSERT INTO poll_ballots(verifier, poll, ballot) VALUES (?, ?, ?)",
                           (verifier, poll.id, canonical_json({**content, "nonce": nonce})))
    return polls.receipt_of(content, nonce)


def pending(store, poll_id: str) -> list[dict]:
    ensure_schema(store)
    return [json.loads(row[0]) for row in
            store.conn.execute("SELECT ballot FROM poll_ballots WHERE poll = ?", (poll_id,))]


def counted(store, poll_id: str) -> int:
    ensure_schema(store)
    return store.conn.execute("SELECT COUNT(*) FROM poll_ballots WHERE poll = ?", (poll_id,)).fetchone()[0]


def close(app, at: str) -> dict:
    """Close the open poll: its ballots into the log in one transaction (a motion's vote is then
    closed as any vote, and the tree signed). What was recorded, for the edge to show."""
    closing: dict = {}

    def command(state):
        poll = polls.open_poll(state)
        closing["poll"] = poll
        return polls.ClosePoll(at, tuple(pending(app.store, poll.id)) if poll else ())

    def erase(store, stored):
        store.conn.execute("PRAGMA secure_delete=ON")
        store.conn.execute("DELETE FROM poll_ballots WHERE poll = ?", (closing["poll"].id,))

    ensure_schema(app.store)
    stored = app.execute(command, on_recorded=erase)
    closed = next(e for e in stored if e.type == "poll_closed")
    result = {"poll": closed.payload["poll"], "kind": closed.payload["kind"], "ballots": closed.payload["ballots"],
              "codes": closed.payload["codes"], "events": len(stored)}
    if "counts" in closed.payload:
        result["counts"] = closed.payload["counts"]
    else:
        result["outcome"] = closed.payload["outcome"]
    return result


def close_vote(app, at: str):
    """The motion's vote, closed as today (decided by its threshold): the events recorded, or the
    Refusal when the vote cannot be closed now (`poll close` refuses a close without a quorum first;
    what is left, a chair's vote to decide, is done by `vote close`)."""
    from deliberate.motions.voting import CloseVote

    try:
        return app.execute(CloseVote(at))
    except Refused as refused:
        return refused.refusal


# -- receipts -------------------------------------------------------------------------
def find_receipt(store, receipt: str):
    """The ``ballot_cast`` event with this receipt (the first 16 hex digits), or None."""
    wanted = "".join(ch for ch in str(receipt).lower() if ch in "0123456789abcdef")
    if len(wanted) != polls.RECEIPT_HEX:
        return None
    pattern = f'%"receipt":"{wanted}"%'
    row = store.conn.execute("SELECT seq FROM events WHERE type = 'ballot_cast' AND payload LIKE ? LIMIT 1",
                             (pattern,)).fetchone()
    if row is None:
        return None
    return next(store.read(row[0], row[0] + 1))


def receipt_proof(store, state, receipt: str) -> dict:
    """The ballot and its RFC 9162 inclusion proof against the newest signed checkpoint, checked here."""
    from deliberate.ledger import checkpoint, keys, merkle, note, tree_store
    from deliberate.record import record_bytes

    event = find_receipt(store, receipt)
    if event is None:
        _refuse("receipt.unknown", "receipt.unknown", {"receipt": str(receipt)[:40]})
    latest = checkpoint.latest(store)
    if latest is None or not isinstance(latest[1].get("size"), int) or latest[1]["size"] < event.seq:
        _refuse("receipt.unsigned", "receipt.unsigned")
    payload = latest[1]
    size, root = payload["size"], bytes.fromhex(payload["root"])
    index = event.seq - 1
    proof = tree_store.inclusion_proof_at(store.conn, index, size)
    leaf = merkle.leaf_hash(record_bytes(event.seq, event.type, event.at, canonical_json(event.payload),
                                         event.prev_hash))
    included = merkle.verify_inclusion(leaf, index, size, proof, root)
    signed = False
    try:
        parsed, body = note.read_checkpoint(payload["note"])
        public = keys.decode_public(state.public_key or "")
        signed = (public is not None and body.size == size and body.root == root
                  and note.verify(parsed, checkpoint.origin_for(state.community or ""), public))
    except Exception:  # a malformed note: not signed, as far as a reader can tell
        signed = False
    ballot = {k: v for k, v in event.payload.items()}
    return {"ballot": ballot, "seq": event.seq, "at": event.at, "leaf_index": index, "tree_size": size,
            "proof": [h.hex() for h in proof], "root": root.hex(), "checkpoint": payload["note"],
            "verified": bool(included and signed)}
