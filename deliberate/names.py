"""How names are compared: NFC, full-width digits and Latin letters folded, spaces tidied."""

from __future__ import annotations

import unicodedata

# Full-width ASCII variants (U+FF01..U+FF5E) map to ASCII by a fixed offset.
_FOLD = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FOLD[0x3000] = 0x20  # ideographic space


def clean(name: str) -> str:
    """The name as it is shown: NFC, trimmed, inner runs of spaces made one."""
    return " ".join(unicodedata.normalize("NFC", name).replace("\u3000", " ").split())


def name_key(name: str) -> str:
    """The key two names are compared by: equal keys mean the same member.

    NFC first (so a decomposed 'é' equals the composed one), then full-width
    digits and Latin letters folded to half-width, then Latin case folded.
    Chinese characters are left as they are.
    """
    folded = clean(name).translate(_FOLD)
    return unicodedata.normalize("NFC", folded).casefold()
