"""Wire the ledger into the app: sign a checkpoint when a meeting closes.

`install(app, session)` is called by the CLI session when it opens the app; it
adds an ``after_append`` hook that, inside the same transaction, appends a
``checkpoint`` event right after a ``meeting_closed`` (or ``adjourned``) event.
A community without a recorded key gets no checkpoint; a key file that is
missing or does not match the log leaves the meeting closed without one and
says so on stderr, so a lost key never blocks adjournment.
"""

from __future__ import annotations

from deliberate.refusal import BadInput, IntegrityError
from deliberate.record import Event

CLOSING_EVENTS = frozenset({"meeting_closed", "adjourned"})


def checkpoint_after_close(app, stored, warn=None) -> list[Event]:
    if not any(event.type in CLOSING_EVENTS for event in stored):
        return []
    if any(event.type == "checkpoint" for event in stored):
        return []
    if not getattr(app.state, "public_key", None):
        return []
    from deliberate.ledger.checkpoint import make_checkpoint  # cryptography: only when a meeting closes

    try:
        payload = make_checkpoint(app.store, app.store.path, app.state.community or "")
    except (BadInput, IntegrityError) as problem:
        if warn is not None:
            warn(problem)
        return []
    return [Event("checkpoint", stored[-1].at, payload)]


def install(app, session) -> None:
    def warn(problem) -> None:
        from deliberate.i18n import t

        session.echo(t("ledger.checkpoint_skipped", session.lang, why=t(problem.key, session.lang, **problem.params)), err=True)

    def hook(app_, stored):
        return checkpoint_after_close(app_, stored, warn)

    if not any(getattr(h, "__name__", "") == "hook" and getattr(h, "__module__", "") == __name__ for h in app.after_append):
        app.after_append.append(hook)
