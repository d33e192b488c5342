"""Amounts of money as people write them: 8万, 8.5万, 80,000, ８０，０００, 1.2亿, 8万元, ¥80000. Pure.

`normalize(text)` gives the whole number of yuan as plain digits ("80000") when the text is
an amount written in one of these ways; any other text is returned as it was typed, so the
rules still say what is wrong with it (not whole, not positive) in their own words.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

UNITS = {"": 1, "千": 1_000, "k": 1_000, "K": 1_000, "万": 10_000, "w": 10_000, "W": 10_000, "亿": 100_000_000}
_AMOUNT = re.compile(
    r"^[¥￥]?\s*(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(?P<unit>[千kK万wW亿]?)\s*(?:元|块|yuan|RMB)?$")
LONGEST = 40  # characters: an amount is short; longer text is left for the rules to refuse


def normalize(text: str) -> str:
    """The amount in `text` as whole yuan in plain digits, or `text` unchanged when it is not one."""
    if not isinstance(text, str) or len(text) > LONGEST:
        return text
    folded = unicodedata.normalize("NFKC", text).strip().replace("，", ",")
    match = _AMOUNT.match(folded)
    if match is None:
        return text
    try:
        value = Decimal(match.group("number").replace(",", "")) * UNITS[match.group("unit")]
    except InvalidOperation:
        return text
    if value != value.to_integral_value():
        return text  # 8.00005万 is not a whole number of yuan: the rules say so
    return str(int(value))
