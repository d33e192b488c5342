"""The one typed family of refusals: a rule id, a message in zh and en, and its parameters."""

from __future__ import annotations

from msgspec import Struct, field

# The edges' exceptions moved to deliberate.errors; code written against this module still finds them.
from deliberate.errors import BadInput, IntegrityError, Refused  # noqa: F401


class Refusal(Struct, frozen=True):
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

    def causes(self) -> tuple["Refusal", ...]:
        """The other rules the same action breaks (`also`), each said on a line of its own."""
        return tuple(self.params.get("also", ()))

    def hint(self, lang: str = "zh") -> str:
        from deliberate.i18n import t

        return t(self.hint_key, lang, **self.params) if self.hint_key else ""


def with_causes(first: "Refusal", *others: "Refusal | None") -> "Refusal":
    """`first`, carrying every other refusal in `others` as a further cause (a decider that checks
    several independent rules says all that are broken, not only the first)."""
    more = tuple(o for o in others if isinstance(o, Refusal) and o.key != first.key)
    if not more:
        return first
    return Refusal(first.rule, first.key, {**first.params, "also": first.causes() + more}, first.hint_key)
