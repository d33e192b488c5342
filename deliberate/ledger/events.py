"""The ledger's own actions as commands: a signed checkpoint and a key rotation. Pure.

Signing needs the key file, so the edge (the app) signs and the signed payload
comes in on the command, as the time does; here it is checked against the state
and recorded like every other action.

Events (the record format):

- ``checkpoint`` {note, size, root, previous?}: a signed tree head of the first
  `size` events; `size` is every event before it.
- ``key_rotated`` {previous_key, public_key, signature, new_signature}: the
  community key changes; both keys sign the change (`verify` checks them).
"""

from __future__ import annotations

from msgspec import Struct

from deliberate.core import Command
from deliberate.record import Event
from deliberate.refusal import Refusal
from deliberate.state import State


class Checkpoint(Command):
    """Record a signed checkpoint of the log."""
    payload: dict          # signed by the edge over the tree of every event so far


class RotateKey(Command):
    """Record a new signing key, signed by the old one."""
    payload: dict          # the new key, signed by the old key and by itself


def _community(state: State) -> Refusal | None:
    if state.community is None:
        return Refusal("record.not_created", "record.not_created")
    if not state.public_key:
        return Refusal("ledger.no_public_key", "ledger.no_public_key")
    return None


def decide_checkpoint(state: State, command: Checkpoint, rules) -> list[Event] | Refusal:
    refusal = _community(state)
    if refusal:
        return refusal
    if command.payload.get("size") != state.seq:
        # A checkpoint covers every event before it, never fewer.
        return Refusal("ledger.checkpoint_stale", "ledger.checkpoint_stale",
                       {"size": command.payload.get("size"), "events": state.seq})
    return [Event("checkpoint", command.at, command.payload)]


def decide_rotate(state: State, command: RotateKey, rules) -> list[Event] | Refusal:
    refusal = _community(state)
    if refusal:
        return refusal
    if command.payload.get("previous_key") != state.public_key:
        return Refusal("ledger.rotation_stale", "ledger.rotation_stale", {})
    return [Event("key_rotated", command.at, command.payload)]


def apply_checkpoint(state: State, event) -> None:
    state.signed_size = event.payload["size"]


def apply_key_rotated(state: State, event) -> None:
    state.public_key = event.payload["public_key"]


# -- this area's tables (merged by deliberate.domain) ----------------------------
DECIDERS = {
    Checkpoint: decide_checkpoint,
    RotateKey: decide_rotate,
}
APPLIERS = {
    "checkpoint": apply_checkpoint,
    "key_rotated": apply_key_rotated,
}
