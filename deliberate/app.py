"""Load the state, decide, append, sign: one SQLite transaction per action.

`open_app(path)` is the one way every edge (the CLI, the console, `run`, the
demo, the ballot server) gets an App, so every App signs the same way.

The state is the fold of the log, folded afresh whenever an App opens: the
`snapshots` table that older versions kept as a cache is never read, since
anyone with the file could edit it without the key and change what the next
action records (`verify` checks any it finds).

After every action the tree head is signed with the community key and kept in
`signed_head`, so nothing recorded is ever unsigned while the key file is there.
A live action takes its time inside the write lock (`clock.LIVE`), so a second
writer never makes it look out of order.
"""

from __future__ import annotations

from msgspec.structs import replace
from pathlib import Path
from typing import Callable

from deliberate import __version__, clock
from deliberate import domain
from deliberate.core import Command, latest
from deliberate.ledger.events import Checkpoint
from deliberate.record import Event, StoredEvent
from deliberate.errors import BadInput, IntegrityError, Refused
from deliberate.refusal import Refusal
from deliberate.rules import Rules
from deliberate.state import State
from deliberate.store import Store

SNAPSHOT_VERSION = f"{__version__}/2"    # the tag `verify` expects on a snapshot it can check
# A meeting's end is signed: a checkpoint follows these events in the same transaction.
CLOSING_EVENTS = frozenset({"meeting_closed", "adjourned"})


def open_app(path: Path | str, signer=None, on_warning: Callable | None = None, create: bool = False) -> "App":
    """The App over the log at `path` (a new one when `create`), signing with `signer`.

    `signer` defaults to the community key file beside the database;
    `on_warning(problem)` hears of a checkpoint that could not be signed.
    """
    from deliberate.ledger.signing import KeyFileSigner

    store = Store.create(path) if create else Store.open(path)
    return App(store, signer if signer is not None else KeyFileSigner(path), on_warning)


class App:
    def __init__(self, store: Store, signer=None, on_warning: Callable | None = None):
        self.store = store
        self.signer = signer           # None: nothing is signed (tests of the pure fold)
        self.on_warning = on_warning
        self.state = rebuild(store)
        # (message key, params) of each event the last `execute` recorded, worded against the state
        # just before it (deliberate.narrate): the edge shows them without copying the state.
        self.words: list[tuple[str, dict]] = []
        self._rules_source: dict | None = None
        self._rules: Rules | None = None

    def close(self) -> None:
        self.store.close()

    @property
    def rules(self) -> Rules:
        if self.state.rules is None:
            raise BadInput("record.not_created")
        if self._rules_source is not self.state.rules:
            self._rules = Rules.from_dict(self.state.rules)
            self._rules_source = self.state.rules
        return self._rules

    def _rules_or_none(self) -> Rules | None:
        return self.rules if self.state.rules else None

    def check(self, command: Command) -> list[Event] | Refusal:
        """What `command` would record, without recording it."""
        return domain.decide(self.state, _stamped(command), self._rules_or_none())

    def execute(self, command: Command | Callable[[State], Command], on_recorded=None) -> list[StoredEvent]:
        """Decide `command` and record its events whole, or raise Refused and record nothing.

        `command` may be a function of the state, called inside the write lock
        with every other writer's events folded in (a checkpoint is signed there).
        `on_recorded(store, stored)` runs inside the same transaction: the edge uses
        it for data that lives beside the log (members' private details).
        """
        try:
            with self.store.transaction():
                self.catch_up()
                self.words = []
                if not isinstance(command, Command):
                    command = command(self.state)
                command = _stamped(command)
                result = domain.decide(self.state, command, self._rules_or_none())
                if isinstance(result, Refusal):
                    raise Refused(result)
                stored = self._record(result, on_recorded)
        except Refused:
            raise  # decide changed nothing
        except BaseException:
            # The transaction rolled back: the state in memory may hold events that are not in the log.
            self.state = rebuild(self.store)
            raise
        return stored

    def checkpoint(self, at: str) -> list[StoredEvent]:
        """Sign the tree of every event so far and record it (raises when there is no usable key)."""
        if self.signer is None:
            raise BadInput("ledger.no_signer")
        return self.execute(lambda state: Checkpoint(at, self.signer.checkpoint(self.store, state)))

    def _record(self, events: list[Event], on_recorded) -> list[StoredEvent]:
        stored = self._append(events)
        if on_recorded:
            on_recorded(self.store, stored)
        stored += self._sign_if_closing(stored)
        self._sign_head()
        return stored

    def _append(self, events: list[Event]) -> list[StoredEvent]:
        from deliberate.narrate import narrate  # only when something is recorded: read-only commands start sooner

        stored = self.store.append(events)
        for event in stored:
            self.words.append(narrate(event, self.state))
            domain.apply(self.state, event)
        if any(event.type == "corrected" for event in stored):
            self.state = rebuild(self.store)  # the fold without what was taken back
        return stored

    def _sign_if_closing(self, stored: list[StoredEvent]) -> list[StoredEvent]:
        """A meeting that closes is signed; a missing or wrong key warns and never blocks adjournment."""
        if self.signer is None or not self.state.public_key:
            return []
        if not any(event.type in CLOSING_EVENTS for event in stored):
            return []
        try:
            payload = self.signer.checkpoint(self.store, self.state)
        except (BadInput, IntegrityError) as problem:
            if self.on_warning is not None:
                self.on_warning(problem)
            return []
        # Signed when the meeting closes; a meeting entered from paper closes at its own (earlier)
        # time, and the checkpoint then takes the latest time the record had reached.
        at = latest(stored[-1].at, self.state.reached_at)
        result = domain.decide(self.state, Checkpoint(at, payload), self._rules_or_none())
        if isinstance(result, Refusal):
            raise Refused(result)
        return self._append(result)

    def _sign_head(self) -> None:
        """Sign the tree of every event so far; without a usable key, `verify` counts what is unsigned."""
        if self.signer is None or not self.state.public_key:
            return
        try:
            size, note_text = self.signer.head(self.store, self.state)
        except (BadInput, IntegrityError):
            return
        self.store.save_head(size, note_text)

    def catch_up(self) -> None:
        """Fold events another process appended since we loaded (the ballot server, a second console)."""
        last = self.store.last()
        if last and last[0] > self.state.seq:
            new = list(self.store.read(self.state.seq + 1))
            if any(event.type == "corrected" for event in new):
                self.state = rebuild(self.store)
            else:
                domain.fold(new, self.state)


def _stamped(command: Command) -> Command:
    """A live action gets the clock's time now (inside the write lock when executing)."""
    if command.at != clock.LIVE:
        return command
    return replace(command, at=clock.now())


def rebuild(store: Store) -> State:
    """The state folded from the whole log, without the events a correction retracted."""
    return domain.fold(store.read(), skip=retracted_seqs(store))


def retracted_seqs(store: Store) -> set[int]:
    """The seqs every `corrected` event in the log takes back (deliberate.corrections)."""
    import json

    rows = store.conn.execute("SELECT payload FROM events WHERE type = 'corrected'")
    return {seq for (payload,) in rows for seq in json.loads(payload)["retracts"]}
