"""How names are shown and compared: one person, however typed. Pure.

`clean` is what is shown and recorded: NFC, invisible characters removed (format
characters such as zero-width spaces, bidirectional controls and soft hyphens,
control characters, variation selectors, Hangul fillers), spaces trimmed and
inner runs made one. `name_key` is what names are compared by: the clean name
with full-width forms folded to half-width, the spaces between two Chinese
characters dropped (a spreadsheet pads 李　明 to line up with 欧阳明), and Latin
case folded. Two names that print the same are the same member.
"""

from __future__ import annotations

import unicodedata

# Default-ignorable characters outside the format (Cf) and control (Cc) categories:
# they print as nothing, so a name with them prints as the name without them.
_IGNORABLE = frozenset(
    [0x034F, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x3164, 0xFFA0]   # grapheme joiner, Hangul and Khmer fillers
    + list(range(0x180B, 0x1810))                               # Mongolian variation selectors
    + list(range(0xFE00, 0xFE10))                               # variation selectors
    + list(range(0xE0100, 0xE01F0))                             # variation selectors supplement
)
_WHITESPACE = frozenset(" \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85")  # what str.split() takes as spaces

# Chinese characters (and kana): a space between two of them is layout, not part of the name.
_HAN = ((0x2E80, 0x2FDF), (0x3005, 0x3007), (0x3021, 0x3029), (0x3040, 0x30FF), (0x3400, 0x4DBF),
        (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x3134F))


def _han(char: str) -> bool:
    code = ord(char)
    return any(low <= code <= high for low, high in _HAN)


def _drop_spaces_between_han(text: str) -> str:
    """`text` (single spaces only) without the spaces that stand between two Chinese characters."""
    if " " not in text:
        return text
    words = text.split(" ")
    kept = words[0]
    for word in words[1:]:
        kept += word if kept and word and _han(kept[-1]) and _han(word[0]) else " " + word
    return kept


def invisible(char: str) -> bool:
    """True for a character that prints as nothing and is not a space."""
    if char in _WHITESPACE:
        return False
    return unicodedata.category(char) in ("Cf", "Cc") or ord(char) in _IGNORABLE


def visible(text: str) -> str:
    """`text` without its invisible characters (spaces kept)."""
    if text.isprintable():  # the common case: nothing to remove (format and control characters are not printable)
        return "".join(c for c in text if ord(c) not in _IGNORABLE) if _has_ignorable(text) else text
    return "".join(c for c in text if not invisible(c))


def _has_ignorable(text: str) -> bool:
    return any(ord(c) in _IGNORABLE for c in text)


def clean(name: str) -> str:
    """The name as it is shown: NFC, invisible characters removed, trimmed, inner runs of spaces made one."""
    return " ".join(visible(unicodedata.normalize("NFC", name)).split())


def person(name: str) -> str:
    """A person's name as recorded and shown: `clean`, without the spaces a spreadsheet puts between
    two Chinese characters to line names up (李　明 is 李明; Mary 王 keeps its space)."""
    return _drop_spaces_between_han(clean(name))


def _fold_width(text: str) -> str:
    """Full-width forms (U+FF01..U+FFEF) and the ideographic space folded as NFKC folds them."""
    if all(c < "\u3000" for c in text):
        return text
    return "".join(
        unicodedata.normalize("NFKC", c) if ("\uff01" <= c <= "\uffef" or c == "\u3000") else c for c in text
    )


def name_key(name: str) -> str:
    """The key two names are compared by: equal keys mean the same member.

    NFC first (so a decomposed 'é' equals the composed one), invisible characters
    removed, full-width digits, letters and spaces folded to half-width, spaces
    between Chinese characters dropped, then Latin case folded. Chinese characters
    are otherwise left as they are.
    """
    folded = " ".join(_fold_width(clean(name)).split())
    folded = _drop_spaces_between_han(folded)
    return unicodedata.normalize("NFC", folded).casefold()


# Traditional characters common in names, and their Simplified forms: a suggestion only
# (陳曉梅 finds 陈晓梅), never a match, so a small table is enough.
_TRADITIONAL = (
    "陳曉梅劉張趙黃楊吳孫週鄭馮蔣韓許鄧蕭葉蘇盧潔麗華偉傑軍東紅輝鵬龍強寧靜麗穎瑩潔燕鳳雲飛濤濱"
    "陸錢顧賈陶嚴魏譚鍾閻戴龔萬湯顏喬賴羅鄒盧範聶鄺樂齊廣長國慶興業學藝書華勝榮權寶貴義禮誠順"
    "劍鋒銳鑫鈺銀錦鐵歡嬌嬋嫻綺繼紀維綠綿紫絲緒經結彥開閔闞蘭藍蔣薛蕭蘆莊萊營夢蓮葦衛豐"
)
_SIMPLIFIED = (
    "陈晓梅刘张赵黄杨吴孙周郑冯蒋韩许邓萧叶苏卢洁丽华伟杰军东红辉鹏龙强宁静丽颖莹洁燕凤云飞涛滨"
    "陆钱顾贾陶严魏谭钟阎戴龚万汤颜乔赖罗邹卢范聂邝乐齐广长国庆兴业学艺书华胜荣权宝贵义礼诚顺"
    "剑锋锐鑫钰银锦铁欢娇婵娴绮继纪维绿绵紫丝绪经结彦开闵阚兰蓝蒋薛萧芦庄莱营梦莲苇卫丰"
)
_TO_SIMPLIFIED = str.maketrans(_TRADITIONAL, _SIMPLIFIED)


def simplified(name: str) -> str:
    """`name` with the Traditional characters of the table above in their Simplified forms."""
    return name.translate(_TO_SIMPLIFIED)
