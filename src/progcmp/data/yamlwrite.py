"""A small YAML writer for the project's files: readable output that reads back identically.

Only mappings, lists and text are written (the formats hold nothing else), with comments where
asked. Each string gets the plainest style that reads back exactly, with the project's strict
loader and with any YAML 1.1 or 1.2 reader:

- plain, when nothing in it means something to YAML and no reader would re-type it (``no``,
  ``012``, ``2017-03-20`` and ``~`` are quoted, because PyYAML and others read them as a boolean,
  a number, a date or null);
- a literal block (``|-``) for text of several lines, so sub-items stay one per line;
- a folded block (``>-``) for long single-line text, wrapped at spaces for the editor;
- single quotes otherwise, and double quotes with escapes for characters YAML cannot hold raw
  (control characters, line separators, a byte-order mark).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

WIDTH = 100  # wrap folded text at this column
INDENT = 2

# YAML 1.1 implicit types as PyYAML resolves them (bool, int, float, null, timestamp, merge,
# value), plus YAML 1.2 core forms: a plain scalar matching any of these is quoted.
_RETYPED = re.compile(
    r"""^(?:
        y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF
      | ~|null|Null|NULL
      | [-+]?(?:0b[0-1_]+|0o?[0-7_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*(?::[0-5]?[0-9])*|0|[1-9][0-9_]*)
      | [-+]?(?:[0-9][0-9_]*)?\.[0-9_]*(?:[eE][-+]?[0-9]+)?
      | [-+]?[0-9][0-9_]*(?:\.[0-9_]*)?[eE][-+]?[0-9]+
      | [-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)
      | [0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:(?:[Tt]|[ \t]+)[0-9].*)?
      | <<|=
    )$""",
    re.VERBOSE,
)
_LINE_BREAKS = re.compile("[\r\n\x85\u2028\u2029]")
_INDICATORS = set("-?:,[]{}#&*!|>'\"%@`")
_FLOW_SAFE = re.compile(r"[^\W_][\w.\- ]*")  # ids and words: nothing that means a thing in [ ]
# Characters a YAML file may hold raw (YAML 1.1 printable set, less the line breaks that
# PyYAML reads as newlines, the byte-order mark, and the bidi controls the project's loader
# refuses raw): the others are written as escapes in double quotes.
_NOT_PRINTABLE = re.compile(
    "[^\x09\x0a\x20-\x7e\xa0-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
    "|[\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)


@dataclass(frozen=True, slots=True)
class Commented:
    """A value with comment lines written just before it (before a list item: above its dash)."""

    value: Any
    comments: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Trailer:
    """Comment lines written after the items of a list (e.g. entries left out, shown as YAML)."""

    lines: tuple[str, ...]


def dump(data: dict[str, Any], header: tuple[str, ...] = ()) -> str:
    """Write a mapping as a YAML document, with ``header`` comment lines at the top."""
    lines = [line for c in header for line in _comments(c, 0)]
    lines.extend(_mapping(data, 0))
    return "\n".join(lines) + "\n"


def item_lines(item: Any) -> list[str]:
    """The lines of one list item written at the left margin (e.g. to show it in comments)."""
    return list(_item(item, 0))


def _comments(text: str, indent: int) -> list[str]:
    """A comment, wrapped to the width; continuation lines are indented under its first word."""
    words = _LINE_BREAKS.sub(" ", text).split()
    lines: list[str] = []
    current = ""
    room = max(WIDTH - indent - 2, 20)
    for word in words:
        if current and len(current) + 1 + len(word) > room:
            lines.append(current)
            current = "  " + word
        else:
            current = f"{current} {word}" if current else word
    lines.append(current)
    return [_comment(line, indent) for line in lines]


def _comment(text: str, indent: int) -> str:
    text = _LINE_BREAKS.sub(" ", text).rstrip()  # a comment is one line
    return " " * indent + ("# " + text if text else "#")


def _mapping(data: dict[str, Any], indent: int) -> Iterator[str]:
    pad = " " * indent
    for key, value in data.items():
        comments: tuple[str, ...] = ()
        if isinstance(value, Commented):
            comments, value = value.comments, value.value
        yield from (line for c in comments for line in _comments(c, indent))
        head = f"{pad}{scalar(str(key))}:"
        if isinstance(value, dict):
            if value:
                yield head
                yield from _mapping(value, indent + INDENT)
            else:
                yield head + " {}"
        elif isinstance(value, list):
            yield from _list(head, value, indent)
        else:
            yield from _keyed_scalar(head, str(value), indent)


def _list(head: str, items: list[Any], indent: int) -> Iterator[str]:
    trailer = items[-1] if items and isinstance(items[-1], Trailer) else None
    values = items[:-1] if trailer else items
    flow = _flow(values)
    if flow is not None and len(head) + 1 + len(flow) <= WIDTH:
        yield f"{head} {flow}"
    elif not values:
        yield f"{head} []"
    else:
        yield head
        for item in values:
            yield from _item(item, indent + INDENT)
    if trailer:
        yield from (_comment(line, indent + INDENT) for line in trailer.lines)


def _flow(items: list[Any]) -> str | None:
    """``[a, b]`` when every item is short plain text safe inside brackets; else None."""
    if any(isinstance(i, (dict, list, Commented, Trailer)) for i in items):
        return None
    texts = [str(i) for i in items]
    if any(not _plain_ok(t) or not _FLOW_SAFE.fullmatch(t) or len(t) > 40 for t in texts):
        return None
    return "[" + ", ".join(texts) + "]"


def _item(item: Any, indent: int) -> Iterator[str]:
    """One list item at ``indent``: ``- key: value`` and the other keys aligned under it."""
    if isinstance(item, Commented):
        yield from (line for c in item.comments for line in _comments(c, indent))
        item = item.value
    pad = " " * indent
    if isinstance(item, dict) and item:
        lines = list(_mapping(item, indent + INDENT))
        # the first key goes on the dash's line, unless a comment comes first
        first = next(i for i, line in enumerate(lines) if not line.lstrip().startswith("#"))
        if first == 0:
            yield pad + "- " + lines[0][indent + INDENT :]
            yield from lines[1:]
        else:
            yield pad + "-"
            yield from lines
    elif isinstance(item, list):
        yield from _list(pad + "-", item, indent)
    elif isinstance(item, dict):
        yield pad + "- {}"
    else:
        yield from _keyed_scalar(pad + "-", str(item), indent)


def _keyed_scalar(head: str, text: str, indent: int) -> Iterator[str]:
    """``head value``, or a block scalar under ``head`` for long or multi-line text."""
    body = " " * (indent + INDENT)
    if "\n" in text and _block_ok(text):
        yield head + " |-"
        for line in text.split("\n"):
            yield body + line if line else ""
    elif (
        len(head) + 1 + len(text) > WIDTH
        and _fold_ok(text)
        and len(wrapped := _wrap(text, WIDTH - len(body))) > 1
    ):
        yield head + " >-"
        yield from (body + line for line in wrapped)
    else:
        yield f"{head} {scalar(text)}"


def scalar(text: str) -> str:
    """One string as a single-line YAML scalar: plain if safe, else quoted."""
    if _plain_ok(text):
        return text
    if _NOT_PRINTABLE.search(text) is None and "\n" not in text and "\r" not in text:
        return "'" + text.replace("'", "''") + "'"
    return _double_quoted(text)


def _plain_ok(text: str) -> bool:
    return bool(
        text
        and text[0] not in _INDICATORS
        and text == text.strip()
        and "\n" not in text
        and "\t" not in text
        and ": " not in text
        and " #" not in text
        and not text.endswith(":")
        and _NOT_PRINTABLE.search(text) is None
        and not _RETYPED.match(text)
    )


def _block_ok(text: str) -> bool:
    """A literal block holds the text exactly: no edge spaces or tabs, no odd line breaks."""
    if _NOT_PRINTABLE.search(text) or "\r" in text or text.startswith("\n"):
        return False
    if text.endswith("\n"):
        return False  # `|-` strips final newlines
    return all(line == line.strip(" \t") for line in text.split("\n"))


def _fold_ok(text: str) -> bool:
    return _block_ok(text) and "\n" not in text


def _wrap(text: str, width: int) -> list[str]:
    """Break at single spaces between two non-blank characters: YAML folds each break back into
    exactly one space. Never break inside a word or a run of spaces."""
    lines: list[str] = []
    start = 0
    last_break = -1
    for i, char in enumerate(text):
        if (
            char == " "
            and 0 < i < len(text) - 1
            and text[i - 1] not in " \t"
            and text[i + 1] not in " \t"
        ):
            if i - start > width and last_break > start:
                lines.append(text[start:last_break])
                start = last_break + 1
            last_break = i
    if len(text) - start > width and last_break > start:
        lines.append(text[start:last_break])
        start = last_break + 1
    lines.append(text[start:])
    return lines


_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r", "\0": "\\0"}


def _double_quoted(text: str) -> str:
    out = []
    for char in text:
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif _NOT_PRINTABLE.match(char):
            code = ord(char)
            out.append(
                f"\\x{code:02X}"
                if code <= 0xFF
                else f"\\u{code:04X}"
                if code <= 0xFFFF
                else f"\\U{code:08X}"
            )
        else:
            out.append(char)
    return '"' + "".join(out) + '"'
