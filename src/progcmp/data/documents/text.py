"""Markdown and plain text: headings, list items and paragraphs, each with its first line.

Markdown headings are ``#`` lines or underlined ones; in plain text a heading is a short line
standing alone between blank lines, in capitals or numbered ("2.1 Nos engagements") and not
ending a sentence. Items start with a marker (``-``, ``•``, ``1.``, ``a)``...); a paragraph runs
to the next blank line.
"""

from __future__ import annotations

import re

from ..importer import decode
from . import Block, BlockKind, Document, Kind
from .structure import MARKER, hyphenated_words, join_lines, repair

_ATX = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_NUMBERED_HEADING = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\.?\s+\S")
_MD_NOISE = re.compile(r"(\*\*|__|`|\[([^\]]*)\]\([^)]*\))")


def read_text(
    raw: bytes, shown: str, kind: Kind, *, encoding: str | None = None
) -> tuple[Document, str | None]:
    """Read Markdown or plain text as blocks; also the note on a guessed encoding, if any.

    Raises:
        DataError: if the bytes cannot be decoded.
    """
    text, _, note = decode(raw, shown, encoding)
    lines = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    markdown = kind is Kind.MARKDOWN
    keep = hyphenated_words(text)
    blocks: list[Block] = []
    current: list[str] = []
    start = 0
    block_kind = BlockKind.PARAGRAPH

    def flush() -> None:
        if current:
            joined = repair(join_lines(current, keep))
            if markdown:
                joined = _MD_NOISE.sub(lambda m: m.group(2) or "", joined)
            blocks.append(Block(block_kind, joined, line=start))
            current.clear()

    for number, raw_line in enumerate(lines, start=1):
        line = raw_line.rstrip()
        stripped = line.strip()
        after = lines[number].strip() if number < len(lines) else ""
        before = lines[number - 2].strip() if number >= 2 else ""
        if not stripped:
            flush()
            continue
        if markdown and (m := _ATX.match(line)):
            flush()
            blocks.append(
                Block(BlockKind.HEADING, repair(m.group(2)), len(m.group(1)), line=number)
            )
            continue
        if markdown and after and _SETEXT.match(after) and not current and not MARKER.match(line):
            level = 1 if after.lstrip().startswith("=") else 2
            blocks.append(Block(BlockKind.HEADING, repair(stripped), level, line=number))
            lines[number] = ""  # the underline
            continue
        if not markdown and not before and not after and not current and _plain_heading(stripped):
            blocks.append(
                Block(BlockKind.HEADING, repair(stripped), _plain_level(stripped), line=number)
            )
            continue
        if MARKER.match(line) and not (markdown and _SETEXT.match(line)):
            flush()
            block_kind, start = BlockKind.ITEM, number
            current.append(stripped)
            continue
        if not current:
            block_kind, start = BlockKind.PARAGRAPH, number
        current.append(stripped)
    flush()
    title = next((b.text for b in blocks if b.kind is BlockKind.HEADING and b.level == 1), None)
    return Document(shown, kind, title, tuple(blocks)), note


def _plain_heading(line: str) -> bool:
    if (
        len(line) > 80
        or line.endswith((".", ",", ";", ":", "!", "?"))
        or (MARKER.match(line) and not _NUMBERED_HEADING.match(line))
    ):
        return False
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and (
        all(c.isupper() for c in letters) or bool(_NUMBERED_HEADING.match(line))
    )


def _plain_level(line: str) -> int:
    match = re.match(r"^(\d{1,2}(?:\.\d{1,2})*)", line)
    if match:
        return match.group(1).rstrip(".").count(".") + 1
    return 1
