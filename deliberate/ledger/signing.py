"""Who signs the app's checkpoints: the community key file beside the database.

`open_app` gives every App a signer, so whatever opened it (the CLI, the
console, a script, the demo, the ballot server) signs the same way.
cryptography is imported only when something is signed.
"""

from __future__ import annotations

from pathlib import Path


class KeyFileSigner:
    """Signs tree heads with ``<db>.key``, the key the log names as the community's."""

    def __init__(self, db_path: Path | str):
        self.db_path = Path(db_path)
        self._cached = None

    def checkpoint(self, store, state) -> dict:
        """The signed payload of a ``checkpoint`` over every event in `store` (raises BadInput / IntegrityError)."""
        from deliberate.ledger.checkpoint import make_checkpoint

        return make_checkpoint(store, self.db_path, state.community or "")

    def head(self, store, state) -> tuple[int, str]:
        """(size, note): the tree of every event so far, signed (raises BadInput / IntegrityError)."""
        from deliberate.ledger import checkpoint, note

        key = self._key(store, state)
        size = state.seq
        return size, note.sign_checkpoint(checkpoint.origin_for(state.community or ""), size, store.root_at(size), key)

    def _key(self, store, state):
        """The key file's key, when it is the one the log names (read once, checked on every use)."""
        from deliberate.ledger import checkpoint, keys

        if self._cached is None or self._cached[0] != state.public_key:
            # The state already knows the current public key: no pass over the log to find it.
            key = checkpoint.signing_key(store, self.db_path, keys.decode_public(state.public_key))
            self._cached = (keys.public_b64(key), key)
        return self._cached[1]
