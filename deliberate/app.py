"""Load the state, decide, append: one SQLite transaction per action.

The state is the fold of the log. A snapshot of it is cached in the database
every SNAPSHOT_EVERY events so a one-shot command on a long log stays fast; the
snapshot is only a cache: `rebuild` refolds from the log, and a snapshot written
by another version of deliberate is ignored.
"""

from __future__ import annotations

from pathlib import Path

from deliberate import __version__
from deliberate import domain
from deliberate import state as state_codec
from deliberate.core import Command
from deliberate.refusal import Refusal, Refused
from deliberate.rules import Rules
from deliberate.state import State
from deliberate.record import Event, StoredEvent
from deliberate.store import Store

SNAPSHOT_EVERY = 1000
SNAPSHOT_VERSION = f"{__version__}/1"


class App:
    def __init__(self, store: Store):
        self.store = store
        self.state = load_state(store)
        self._rules_source: dict | None = None
        self._rules: Rules | None = None
        snapshot = store.latest_snapshot()
        self._last_snapshot = snapshot[0] if snapshot else 0
        # Called inside the transaction after the events are appended:
        # `hook(app, stored_events)` may append more (a signed checkpoint).
        self.after_append: list = []

    @classmethod
    def open(cls, path: Path | str) -> "App":
        return cls(Store.open(path))

    def close(self) -> None:
        self.store.close()

    @property
    def rules(self) -> Rules:
        if self.state.rules is None:
            from deliberate.refusal import BadInput

            raise BadInput("record.not_created")
        if self._rules_source is not self.state.rules:
            self._rules = Rules.from_dict(self.state.rules)
            self._rules_source = self.state.rules
        return self._rules

    def check(self, command: Command) -> list[Event] | Refusal:
        """What `command` would record, without recording it."""
        return domain.decide(self.state, command, self.rules if self.state.rules else None)

    def execute(self, command: Command, on_recorded=None) -> list[StoredEvent]:
        """Decide `command` and record its events whole, or raise Refused and record nothing.

        `on_recorded(store, stored)` runs inside the same transaction: the edge uses
        it for data that lives beside the log (members' private details).
        """
        try:
            with self.store.transaction():
                self._catch_up()
                result = domain.decide(self.state, command, self.rules if self.state.rules else None)
                if isinstance(result, Refusal):
                    raise Refused(result)
                stored = self._record(result, on_recorded)
        except Refused:
            raise  # decide changed nothing
        except BaseException:
            # The transaction rolled back: the state in memory may hold events that are not in the log.
            self.state = rebuild(self.store, use_snapshot=True)
            self._last_snapshot = self.state.seq
            raise
        return stored

    def _record(self, events: list[Event], on_recorded) -> list[StoredEvent]:
        stored = self.store.append(events)
        self._apply(stored)
        if on_recorded:
            on_recorded(self.store, stored)
        for hook in self.after_append:
            more = hook(self, stored)
            if more:
                extra = self.store.append(more)
                self._apply(extra)
                stored = stored + extra
        if self.state.seq - self._last_snapshot >= SNAPSHOT_EVERY:
            self.store.save_snapshot(self.state.seq, _snapshot_text(self.state))
            self._last_snapshot = self.state.seq
        return stored

    def _apply(self, stored: list[StoredEvent]) -> None:
        for event in stored:
            domain.apply(self.state, event)

    def _catch_up(self) -> None:
        """Fold events another process appended since we loaded (the ballot server, a second console)."""
        last = self.store.last()
        if last and last[0] > self.state.seq:
            domain.fold(self.store.read(self.state.seq + 1), self.state)


def _snapshot_text(state: State) -> str:
    return SNAPSHOT_VERSION + "\n" + state_codec.dumps(state)


def load_state(store: Store) -> State:
    return rebuild(store, use_snapshot=True)


def rebuild(store: Store, use_snapshot: bool = False) -> State:
    """The state folded from the log; from the cached snapshot onwards if allowed and current."""
    state, start = State(), 1
    if use_snapshot:
        snapshot = store.latest_snapshot()
        if snapshot:
            version, _, text = snapshot[1].partition("\n")
            if version == SNAPSHOT_VERSION:
                try:
                    state, start = state_codec.loads(text), snapshot[0] + 1
                except (ValueError, KeyError, TypeError, AttributeError, ImportError):
                    state, start = State(), 1
    return domain.fold(store.read(start), state)
