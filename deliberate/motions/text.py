"""Amendments applied to the exact words of a question (RONR §12). Pure.

An amendment is one of four forms, each read against the words it amends:

- insert: `insert` words, `after` or `before` an anchor, or at the end when neither is given;
- strike: strike the words `strike`;
- strike_insert: strike the words `strike` and insert `insert` in their place;
- substitute: replace the whole text by `insert`.

An anchor or the words struck must occur exactly once in the text, so the amendment
means one thing; when they occur more often, the mover quotes more of the text.
"""

from __future__ import annotations

OPS = ("insert", "strike", "strike_insert", "substitute")


class AmendmentError(ValueError):
    """The amendment cannot be read against the text: `key` names the message, `params` fill it."""

    def __init__(self, key: str, **params: str):
        super().__init__(key)
        self.key = key
        self.params = params


def amendment(insert: str = "", strike: str = "", after: str = "", before: str = "",
              substitute: str = "") -> dict:
    """The amendment's form and words from the options given (no text read yet)."""
    if substitute:
        if insert or strike or after or before:
            raise AmendmentError("motions.amend.substitute_alone")
        return {"op": "substitute", "insert": substitute}
    if after and before:
        raise AmendmentError("motions.amend.one_anchor")
    if strike and insert:
        if after or before:
            raise AmendmentError("motions.amend.anchor_with_strike")
        return {"op": "strike_insert", "strike": strike, "insert": insert}
    if strike:
        if after or before:
            raise AmendmentError("motions.amend.anchor_with_strike")
        return {"op": "strike", "strike": strike}
    if insert:
        op = {"op": "insert", "insert": insert}
        if after:
            op["after"] = after
        if before:
            op["before"] = before
        return op
    raise AmendmentError("motions.amend.nothing")


def _once(text: str, words: str) -> int:
    count = text.count(words)
    if count == 0:
        raise AmendmentError("motions.amend.not_found", words=words, text=text)
    if count > 1:
        raise AmendmentError("motions.amend.ambiguous", words=words, count=str(count))
    return text.index(words)


def apply_amendment(text: str, op: dict) -> str:
    """`text` as it reads if the amendment `op` is adopted."""
    kind = op["op"]
    if kind == "substitute":
        return op["insert"]
    if kind == "insert":
        if op.get("after"):
            at = _once(text, op["after"]) + len(op["after"])
        elif op.get("before"):
            at = _once(text, op["before"])
        else:
            at = len(text)
        return text[:at] + op["insert"] + text[at:]
    at = _once(text, op["strike"])
    replacement = op.get("insert", "") if kind == "strike_insert" else ""
    return text[:at] + replacement + text[at + len(op["strike"]):]


def operand(op: dict) -> str:
    """The words a secondary amendment amends: the words the primary inserts, or strikes."""
    return op["strike"] if op["op"] == "strike" else op["insert"]


def with_operand(op: dict, words: str) -> dict:
    """The primary amendment `op` with its words replaced by `words` (a secondary adopted)."""
    changed = dict(op)
    changed["strike" if op["op"] == "strike" else "insert"] = words
    return changed
