"""Text helpers: accent folding for matching, and the one sanitiser between data and output."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

# Latin letters that Unicode does not decompose into a base letter and an accent.
_LIGATURES = str.maketrans(
    {
        **{"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss", "þ": "th", "Þ": "TH"},
        **{"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D"},
        **{"ı": "i", "ħ": "h", "Ħ": "H", "ŧ": "t", "Ŧ": "T"},
    }
)
# Letters and digits of every script are kept (a Cyrillic or Greek name is a name too).
_NON_ALNUM = re.compile(r"[\W_]+")
# The combining marks of Latin accents, removed in one pass (U+034F, the grapheme joiner, is not
# a combining mark to `unicodedata.combining`); any other mark is found character by character.
_DIACRITICS = re.compile("[\u0300-\u034e\u0350-\u036f]")
_LIGATURE = re.compile("[œŒæÆßþÞøØłŁđĐðÐıħĦŧŦ]")
_NON_ASCII = re.compile("[^\x00-\x7f]")

# What no output may hold: C0 and C1 controls (tab and newline are handled apart) and DEL; every
# "format" character (Unicode category Cf: bidi embeddings, overrides, isolates and marks, which
# make Trojan Source; zero-width spaces and joiners; the BOM; soft hyphens; invisible "tag"
# characters that can smuggle text); and the Hangul fillers, which show as blanks. The Cf list is
# Unicode 15.1's (tests check it against the running Python's tables).
_INVISIBLE = (
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\u115f\u1160\u3164\uffa0"
)
_INVISIBLE_ASTRAL = (
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0001\U000e0020-\U000e007f"
)


def _charset(bmp: str, astral: str) -> re.Pattern[str]:
    """``[bmp astral]``: the same characters, in a form the regex engine searches ~4x faster.

    CPython's engine searches a class that lists characters beyond U+FFFF one by one far more
    slowly than one with a single range there (1.15 s against 0.27 s over a 70 MB JSON report).
    So every character beyond U+FFFF is a candidate, and a one-character lookbehind keeps only
    those of the exact class: rare characters (emoji, say) pay for the exact test, text does not.
    """
    return re.compile(f"[{bmp}\U00010000-\U0010ffff](?<=[{bmp}{astral}])")


_CONTROLS = "\x00-\x08\x0b-\x1f\x7f-\x9f"
# Noncharacters: not text (U+FFFE is a byte-swapped BOM). Raw, the reader refuses them; written
# as YAML escapes ("\uFFFE") they reach values, and are refused there.
_NONCHARACTERS = "\ufdd0-\ufdef\ufffe\uffff"
_UNSAFE = _charset(_CONTROLS + _INVISIBLE + _NONCHARACTERS, _INVISIBLE_ASTRAL)
# Line and paragraph separators: line breaks to some programs and not to others.
_SEPARATOR = re.compile("[\u2028\u2029]")
# Any of the above: what the loader refuses in a value, and what a format that can escape
# characters (JSON) escapes rather than drops.
UNSAFE = _charset(_CONTROLS + _INVISIBLE + _NONCHARACTERS + "\u2028\u2029", _INVISIBLE_ASTRAL)
# A whole terminal escape sequence (CSI, OSC, and other ESC forms) is removed, not just its ESC,
# so that no payload text is left behind. (8-bit C1 forms are removed as controls.)
_ESCAPE_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC, terminated by BEL or ST, or unterminated
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS, SOS, PM, APC
    r"|\x1b[@-Z\\-_]"  # other two-byte sequences
)


def fold(text: str) -> str:
    """Return a matching key: lowercase words without accents, separated by single spaces.

    Latin letters lose their accents; letters of other scripts are kept as they are.

    >>> fold("Jean-Luc Mélenchon")
    'jean luc melenchon'
    >>> fold("Иван Петров")
    'иван петров'
    """
    if text.isascii():  # ids and most names: no accent, ligature nor mark to remove
        return _NON_ALNUM.sub(" ", text.lower()).strip()
    if _LIGATURE.search(text):  # translate() looks up every character: only when needed
        text = text.translate(_LIGATURES)
    bare = _DIACRITICS.sub("", unicodedata.normalize("NFKD", text))
    if not bare.isascii():  # other combining marks, typographic signs, other scripts
        bare = _NON_ASCII.sub(_drop_mark, bare)
    return _NON_ALNUM.sub(" ", bare.lower()).strip()


def _drop_mark(match: re.Match[str]) -> str:
    return "" if unicodedata.combining(match.group()) else match.group()


def find_unsafe(text: str, *, multiline: bool) -> str | None:
    """Return the first character that may not appear in a data value, or None.

    A value without such a character goes through :func:`clean` unchanged (but for tabs,
    which become spaces), so what the data says is what every output shows.
    """
    match = UNSAFE.search(text)
    if match:
        return match.group()
    if not multiline and ("\n" in text or "\t" in text):
        return "\n" if "\n" in text else "\t"
    return None


def clean(text: str, *, multiline: bool = False) -> str:
    """Make untrusted text safe for any output: no escape sequence, control or invisible character.

    Escape sequences are removed whole, other controls and invisible characters one by one;
    tabs become spaces; line and paragraph separators become newlines; newlines are kept only
    when ``multiline`` is true (otherwise they become spaces). Rich markup needs no escaping
    here: the renderers never let rich parse data. Idempotent: ``clean(clean(s)) == clean(s)``.
    """
    text = _ESCAPE_SEQUENCE.sub("", text)
    text = _UNSAFE.sub("", text).replace("\t", " ")
    text = _SEPARATOR.sub("\n", text)
    if not multiline:
        text = text.replace("\n", " ")
    return text


def escape_controls(text: str) -> str:
    r"""Write every control or invisible character (newline and tab too) as its escape,
    ``\x1b`` or ``\u202e``: for one-line messages that must show, not obey, what they quote
    (a file name with an escape sequence in it, say)."""
    return UNSAFE.sub(_escaped, text.replace("\t", "\\t").replace("\n", "\\n"))


def _escaped(match: re.Match[str]) -> str:
    char = match.group()
    shown = repr(char)[1:-1]
    if shown == char:  # printable to Python, blank to a reader: the Hangul fillers
        shown = f"\\u{ord(char):04x}" if ord(char) <= 0xFFFF else f"\\U{ord(char):08x}"
    return shown


def show(value: object, limit: int = 60, *, ascii_only: bool = False) -> str:
    """Quote a user-supplied value for an error message, with every control character escaped
    (and, with ``ascii_only``, every non-ASCII one: for identifiers, where a Cyrillic "а" or a
    no-break space would otherwise look like what was expected)."""
    text = value if isinstance(value, str) else str(value)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return ascii(text) if ascii_only else UNSAFE.sub(_escaped, repr(text))


def web_url(url: str) -> str | None:
    """Return ``url`` if it is safe to link to (http or https, no space or control
    character), else None: anything else is shown as text, never made a link."""
    if url != clean(url) or any(c.isspace() for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:  # e.g. an unbalanced IPv6 bracket
        return None
    return url if parts.scheme.lower() in ("http", "https") and parts.netloc else None
