"""The one typed family of refusals: a rule id, a message in zh and en, and its parameters."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Refusal:
    """An action the rules do not allow; nothing is recorded.

    `rule` names the rule (``ronr.second``, ``luohu.limits``, ``roster.duplicate``);
    `key` names the message in the i18n catalog and `params` fill it.
    `hint_key`, when set, names a message that says what would be in order instead.
    """

    rule: str
    key: str
    params: dict = field(default_factory=dict)
    hint_key: str | None = None

    def message(self, lang: str = "zh") -> str:
        from deliberate.i18n import t

        return t(self.key, lang, **self.params)

    def hint(self, lang: str = "zh") -> str:
        from deliberate.i18n import t

        return t(self.hint_key, lang, **self.params) if self.hint_key else ""


class Refused(Exception):
    """Raised at the edges to carry a Refusal (exit code 1)."""

    def __init__(self, refusal: Refusal):
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
