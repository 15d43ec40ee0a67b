"""The sanitiser's character classes: the fast form matches exactly the plain one."""

from __future__ import annotations

import re
import sys

from progcmp import text


def _plain(extra: str = "") -> re.Pattern[str]:
    """The class as one would write it, slow to search but obviously right."""
    chars = f"{text._CONTROLS}{text._INVISIBLE}{text._NONCHARACTERS}{text._INVISIBLE_ASTRAL}"
    return re.compile(f"[{chars}{extra}]")


def test_fast_classes_hold_exactly_the_plain_ones() -> None:
    for fast, plain in ((text._UNSAFE, _plain()), (text.UNSAFE, _plain("\u2028\u2029"))):
        every = "".join(map(chr, range(sys.maxunicode + 1)))
        assert fast.findall(every) == plain.findall(every)


def test_characters_beyond_the_bmp_are_kept_or_found_exactly() -> None:
    sample = "a\U0001f600b\U000e0041c\U000110bd\U00010000\u2028\x1b"
    assert text.UNSAFE.findall(sample) == ["\U000e0041", "\U000110bd", "\u2028", "\x1b"]
    assert text.clean(sample) == "a\U0001f600bc\U00010000 "


def test_messages_escape_what_looks_blank() -> None:
    """Hangul fillers are printable to Python (repr keeps them) but show as blanks."""
    assert text.show("x\u3164\u115f") == "'x\\u3164\\u115f'"
    assert text.escape_controls("a\u3164b") == "a\\u3164b"
    assert text.show("\ufffe") == "'\\ufffe'"
