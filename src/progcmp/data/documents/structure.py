"""From blocks to measures, and the text repairs every reader shares.

A measure is a list item, or a short paragraph under a heading; long paragraphs are the
programme's prose (introductions, diagnoses) and are left out. Each measure keeps the headings
above it (chapter › section) as context and where it starts (page, anchor or line). The same
text found twice is kept once, with the other places noted.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from ...text import clean
from . import BlockKind, Document

PARAGRAPH_WORDS = 60  # a paragraph of more words is prose, not a measure
MIN_WORDS = 3  # fewer words is a label ("Contact"), not a measure
CONTEXT_LEVELS = 3  # headings kept above a measure

# Typographic ligatures (U+FB00-FB06) as the letters they stand for; NFKC does the same but
# would also rewrite superscripts, fractions and full-width forms, which are the author's.
_LIGATURES = str.maketrans(
    {
        "\ufb00": "ff",
        "\ufb01": "fi",
        "\ufb02": "fl",
        "\ufb03": "ffi",
        "\ufb04": "ffl",
        "\ufb05": "st",
        "\ufb06": "st",
    }
)
MARKER = re.compile(
    r"^\s*(?:[-•‣◦▪▫■□●○–—*+→✓✔➢➤►]|\(?\d{1,3}[.)]|\(?[a-z][.)]|[IVX]{1,5}[.)])\s+(?=\S)"
)
_HYPHEN_END = re.compile(r"(\w+)[-\u2010\u00ad]$")
_LOWER_START = re.compile(r"^[a-zàâäçéèêëîïôöùûüÿœæ]")


def repair(text: str) -> str:
    """Ligatures spelled out, soft hyphens and controls removed, spaces collapsed."""
    text = unicodedata.normalize("NFC", text.translate(_LIGATURES))
    return " ".join(clean(text.replace("\u00ad", "")).split())


def join_lines(lines: list[str], keep_hyphen: set[str] | frozenset[str] = frozenset()) -> str:
    """Lines of one paragraph as one text: a word hyphenated at a line's end is joined
    ("numé-" + "rique" → "numérique"), unless the hyphenated form is a word the document spells
    with its hyphen elsewhere (``keep_hyphen``, folded to lowercase: "e-santé")."""
    out = ""
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if not out:
            out = line
            continue
        match = _HYPHEN_END.search(out)
        if match and _LOWER_START.match(line):
            head = match.group(1)
            tail = line.split(" ", 1)[0]
            if f"{head}-{tail}".lower().strip(".,;:!?") in keep_hyphen:
                out = out[:-1] + "-" + line
            else:
                out = out[: match.end(1)] + line
        else:
            out = f"{out} {line}"
    return out


def hyphenated_words(text: str) -> set[str]:
    """The words a text spells with a hyphen inside a line (lowercase)."""
    return {w.lower() for w in re.findall(r"\b\w+-\w+\b", text)}


@dataclass(slots=True)
class Found:
    """A measure found in a document."""

    text: str
    context: tuple[str, ...]  # the headings above it, outermost first
    page: int | None
    line: int | None
    anchor: str | None
    also: list[str] = field(default_factory=list)  # other places the same text was found

    @property
    def place(self) -> str:
        """Where it is, as a locator: ``p. 12``, ``#section`` or ``l. 34``."""
        if self.page is not None:
            return f"p. {self.page}"
        if self.anchor:
            return f"#{self.anchor}"
        if self.line is not None:
            return f"l. {self.line}"
        return f"§ {self.context[-1]}" if self.context else ""


def measures(document: Document) -> list[Found]:
    """The measures of a document, in reading order, duplicates merged."""
    from ...text import fold

    headings: list[tuple[int, str]] = []
    found: list[Found] = []
    seen: dict[str, Found] = {}
    for block in document.blocks:
        text = block.text.strip()
        if not text:
            continue
        if block.kind is BlockKind.HEADING:
            while headings and headings[-1][0] >= block.level:
                headings.pop()
            headings.append((block.level, text))
            continue
        body = MARKER.sub("", text, count=1) if block.kind is BlockKind.ITEM else text
        words = len(body.split())
        if words < MIN_WORDS:
            continue
        if block.kind is BlockKind.PARAGRAPH and (words > PARAGRAPH_WORDS or not headings):
            continue
        measure = Found(
            body,
            tuple(h for _, h in headings[-CONTEXT_LEVELS:]),
            block.page,
            block.line,
            block.anchor,
        )
        key = fold(body).strip(" .;")
        if key in seen:
            if measure.place and measure.place != seen[key].place:
                seen[key].also.append(measure.place)
            continue
        seen[key] = measure
        found.append(measure)
    return found
