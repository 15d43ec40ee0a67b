"""Text helpers: accent folding for matching, and the one sanitiser between data and output."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss"})
_NON_ALNUM = re.compile(r"[^0-9a-z]+")

# C0 and C1 controls (tab and newline are handled apart), DEL, bidi embeddings, overrides and
# isolates (Trojan Source), zero-width characters, and the BOM: none has a place in output text.
UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)
# A whole terminal escape sequence (CSI, OSC, and other ESC forms) is removed, not just its ESC,
# so that no payload text is left behind.
_ESCAPE_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC, terminated by BEL or ST, or unterminated
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS, SOS, PM, APC
    r"|\x1b[@-Z\\-_]"  # other two-byte sequences
)


def fold(text: str) -> str:
    """Return a matching key: lowercase ASCII words separated by single spaces.

    >>> fold("Jean-Luc Mélenchon")
    'jean luc melenchon'
    """
    decomposed = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    ascii_only = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return _NON_ALNUM.sub(" ", ascii_only).strip()


def find_unsafe(text: str, *, multiline: bool) -> str | None:
    """Return the first character that may not appear in a data value, or None."""
    match = UNSAFE.search(text)
    if match:
        return match.group()
    if not multiline and ("\n" in text or "\t" in text):
        return "\n" if "\n" in text else "\t"
    return None


def clean(text: str, *, multiline: bool = False) -> str:
    """Make untrusted text safe for any output: no escape sequence, control or invisible character.

    Tabs become spaces; newlines are kept only when ``multiline`` is true (otherwise they become
    spaces). Idempotent: ``clean(clean(s)) == clean(s)``.
    """
    text = _ESCAPE_SEQUENCE.sub("", text)
    text = UNSAFE.sub("", text).replace("\t", " ")
    if not multiline:
        text = text.replace("\n", " ")
    return text


def show(value: object, limit: int = 60) -> str:
    """Quote a user-supplied value for an error message, with every control character escaped."""
    text = value if isinstance(value, str) else str(value)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return repr(text)


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
