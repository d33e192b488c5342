"""The exceptions the edges raise and map to exit codes: refused (1), bad input (2), integrity (3).

Plain Python, so a command that never touches the record (`--help`) loads nothing more.
"""

from __future__ import annotations


class Refused(Exception):
    """Raised at the edges to carry a `deliberate.refusal.Refusal` (exit code 1)."""

    def __init__(self, refusal):
        super().__init__(refusal.rule)
        self.refusal = refusal


class BadInput(Exception):
    """Bad usage or unreadable input (exit code 2): a message key and parameters."""

    def __init__(self, key: str, /, hint_key: str | None = None, **params: object):
        super().__init__(key)
        self.key = key
        self.hint_key = hint_key
        self.params = params


class IntegrityError(Exception):
    """The record failed an integrity check (exit code 3)."""

    def __init__(self, key: str, /, **params: object):
        super().__init__(key)
        self.key = key
        self.params = params
