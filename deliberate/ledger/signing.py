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

    def checkpoint(self, store, state) -> dict:
        """The signed payload of a ``checkpoint`` over every event in `store` (raises BadInput / IntegrityError)."""
        from deliberate.ledger.checkpoint import make_checkpoint

        return make_checkpoint(store, self.db_path, state.community or "")
