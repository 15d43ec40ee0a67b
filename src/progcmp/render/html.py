"""HTML: one self-contained page (no script, no external asset) for any view.

The page is laid out from the same document as the terminal and Markdown (see
:mod:`progcmp.render.document`), through a Jinja2 template shipped in ``templates/`` with
autoescaping on: data is never written into the page unescaped. A strict Content-Security-Policy
forbids scripts, frames, images and any network access; only http(s) URLs become links, besides
links inside the page. What the page adds to the document, for a reader:

- ids made of data ids on candidates, themes and proposals (unique: a repeat gets ``-2``);
- every ``[n]`` linked to its source, each cited source linked back to its first citation;
- a table of contents on long pages, candidates folded (``<details>``) where they repeat;
- captions on tables, lists as lists, text for the symbols ∅ ✗ ? ⚑, ``lang`` on the data's
  text when the interface speaks another language;
- a colour key under heat maps (``Table.key``: what each shade stands for);
- print rules (A4, rows kept whole) and a footer: date (``SOURCE_DATE_EPOCH`` when set, for
  reproducible output), progcmp's version.

``embed`` writes a fragment for a CMS instead of a page: one ``<div class="progcmp">``, its
style sheet scoped under that class.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import lru_cache
from importlib.resources import files
from typing import TYPE_CHECKING, Any

from .._version import __version__
from ..model import GapKind
from ..text import clean, web_url
from ..views import View
from . import RenderOptions
from .document import (
    COVERAGE_MARKS,
    Block,
    Heading,
    Items,
    Line,
    Paragraph,
    Span,
    Table,
    build,
    plain,
    sections,
)
from .locale import Locale

if TYPE_CHECKING:
    from collections.abc import Mapping

    from jinja2 import Environment

TEMPLATE = "page.html.j2"
STYLESHEET = "page.css"
SCOPE = "progcmp"  # the class of an embedded fragment, which scopes its CSS
STYLES = frozenset({"bold", "dim", "gap", "ref", "quote", "bullet"})  # CSS classes we define
HEAT_LEVELS = 4  # shades h1..h4; h0 is none
# The language of the data's own text (summaries, quotes, notes, titles) when the view does not
# say: a catalogue that declares none is in French. Marked with lang= when the interface speaks
# another.
DATA_LANG = "fr"
# Prose tables wider than this many contenders read as sections (a heading per row), as in
# Markdown's auto layout.
MAX_PROSE_CONTENDERS = 4
WIDE_COLUMNS = 6  # a table of more columns scrolls in its own box
LONG_TITLE = 160  # a heading longer than this (38 lists' names) is set smaller
TOC_MIN = 4  # headings with an id that make a page long enough for a table of contents

_REF = re.compile(r"\s*\[(\d+)(?:, [^\]]*)?\]\s*")
_MARKS = {mark: kind for kind, mark in COVERAGE_MARKS.items()}
# ∅ ✗ ⚑ standing alone as a word; "?" only as a whole cell (it ends French questions)
_MARK = re.compile(r"(?<!\S)([∅✗⚑])(?!\S)")


@lru_cache(maxsize=1)
def _environment() -> Environment:
    from jinja2 import Environment, PackageLoader, StrictUndefined

    return Environment(
        loader=PackageLoader("progcmp.render", "templates"),
        autoescape=True,  # every {{ value }} is escaped, in text and in attributes
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


@lru_cache(maxsize=2)
def stylesheet(scope: str | None = None) -> str:
    """The page's CSS; with a ``scope``, every rule applies only under ``.scope`` (``@page``,
    which a fragment cannot set, is left out)."""
    css = files("progcmp.render").joinpath("templates", STYLESHEET).read_text(encoding="utf-8")
    css = re.sub(r"/\*.*?\*/\s*", "", css, flags=re.DOTALL)
    css = css.strip()
    return css if scope is None else scope_css(css, f".{scope}")


def scope_css(css: str, scope: str) -> str:
    """Prefix every selector with ``scope`` (``:root``, ``html`` and ``body`` become it)."""
    out: list[str] = []
    for line in css.splitlines():
        rule = re.fullmatch(r"(\s*)([^@{}][^{}]*?)\s*\{(.*)", line)
        if line.lstrip().startswith("@page"):
            continue
        if rule is None:
            out.append(line)
            continue
        indent, selectors, rest = rule.groups()
        scoped = []
        for selector in selectors.split(","):
            selector = selector.strip()
            if selector in (":root", "html", "body"):
                scoped.append(scope)
            elif selector.startswith(("html ", "body ")):
                scoped.append(scope + selector[4:])
            else:
                scoped.append(f"{scope} {selector}")
        out.append(f"{indent}{', '.join(scoped)} {{{rest}")
    return "\n".join(out)


def _credit(credit: Mapping[str, str] | None, loc: Locale) -> str | None:
    """The footer's line on the data: its title, version and licence, those it declares."""
    if not credit or not credit.get("title"):
        return None
    line = loc.word("credit", title=clean(credit["title"]))
    for key in ("version", "license"):
        if credit.get(key):
            line += loc.word(f"credit_{key}", **{key: clean(credit[key])})
    return line + "."


def generated_on(environ: os._Environ[str] | dict[str, str] | None = None) -> date:
    """The day the page says it was made: ``SOURCE_DATE_EPOCH`` (seconds since 1970, UTC)
    when set, so that a build can be reproduced; else today."""
    value = (os.environ if environ is None else environ).get("SOURCE_DATE_EPOCH", "").strip()
    if value.isdigit():
        return datetime.fromtimestamp(int(value), tz=UTC).date()
    return datetime.now(tz=UTC).date()


@dataclass
class _Page:
    """What laying out one page remembers: the ids given, the source lists and citations."""

    loc: Locale
    taken: set[str] = field(default_factory=set)
    known: set[str] = field(default_factory=set)  # every id some element will carry
    listing: dict[int, int] = field(default_factory=dict)  # block index -> its source list
    cites: dict[tuple[int, int], list[str]] = field(default_factory=dict)
    current: int = 0  # index of the block being laid out

    def take(self, base: str | None) -> str | None:
        """A unique id from ``base`` (already safe: see :func:`~.document.blocks.anchor`)."""
        if not base:
            return None
        candidate, n = base, 1
        while candidate in self.taken:
            n += 1
            candidate = f"{base}-{n}"
        self.taken.add(candidate)
        return candidate

    def source_id(self, listing: int, number: int) -> str:
        return f"source-{number}" if listing == 1 else f"source-{listing}-{number}"

    def cite(self, number: int) -> tuple[str, str] | None:
        """(href, id) of a ``[n]``: it points to the next list of sources."""
        listing = self.listing.get(self.current)
        if listing is None or self.source_id(listing, number) not in self.known:
            return None
        seen = self.cites.setdefault((listing, number), [])
        base = "cite-" + self.source_id(listing, number).removeprefix("source-")
        ident = base if not seen else f"{base}-{len(seen) + 1}"
        seen.append(ident)
        self.taken.add(ident)
        return "#" + self.source_id(listing, number), ident


def _is_listing(block: Block) -> bool:
    return (
        isinstance(block, Items)
        and bool(block.items)
        and all(
            item and item[0].style == "ref" and _REF.fullmatch(item[0].text) for item in block.items
        )
    )


def _mark_tokens(text: str, style: str | None, loc: Locale) -> list[dict[str, Any]]:
    """Text split at line breaks and at the coverage symbols, which get words: said aloud
    (visually hidden) unless the span says them already, and shown on hover."""
    whole = style == "gap" and text.strip() == "?"
    pieces = ["", "?", ""] if whole else _MARK.split(text)
    tokens: list[dict[str, Any]] = []
    for i, piece in enumerate(pieces):
        if i % 2:
            words = loc.gap(_MARKS.get(piece, GapKind.NOT_REVIEWED))
            said = words.casefold() in text.casefold()
            tokens.append({"kind": "mark", "text": piece, "alt": words, "spoken": not said})
            continue
        for n, part in enumerate(piece.split("\n")):
            if n:
                tokens.append({"kind": "br"})
            if part:
                tokens.append({"kind": "text", "text": part})
    return tokens


def _line(line: Line, page: _Page, lang: str | None, *, cite: bool = True) -> dict[str, Any]:
    """A line for the template: its spans (text, class, link, language) and its id. A ``[n]``
    links to its source (unless ``cite`` is false: the number that heads a source's item)."""
    spans = []
    for span in line:
        text = clean(span.text, multiline=True)
        cls = span.style if span.style in STYLES else ""
        href = web_url(span.url) if span.url else None
        ident = None
        ref = _REF.fullmatch(text) if cite and span.style == "ref" else None
        if ref and not href:
            cited = page.cite(int(ref.group(1)))
            if cited:
                href, ident = cited
        if span.target and not href and span.target in page.known:
            href = "#" + span.target
        spans.append(
            {
                "tokens": _mark_tokens(text, span.style, page.loc),
                "cls": cls,
                "href": href,
                "id": ident,
                "lang": lang if span.data else None,
            }
        )
    anchor = next((s.anchor for s in line if s.anchor), None)
    return {"spans": spans, "id": page.take(anchor)}


def _cell(lines: tuple[Line, ...], page: _Page, lang: str | None) -> list[dict[str, Any]]:
    """A cell's lines, bulleted runs as a list: ``[{"list": bool, "lines": [...]}]``."""
    groups: list[dict[str, Any]] = []
    for line in lines:
        bulleted = bool(line) and line[0].style == "bullet"
        if bulleted:
            line = line[1:]
        if not groups or groups[-1]["list"] != bulleted:
            groups.append({"list": bulleted, "lines": []})
        groups[-1]["lines"].append(_line(line, page, lang))
    return groups


def _table(block: Table, caption: str, page: _Page, lang: str | None) -> dict[str, Any]:
    rows = []
    for r, row in enumerate(block.rows):
        cells = []
        for c, cell in enumerate(row):
            level = block.levels[r][c - 1] if block.levels and c else None
            cells.append(
                {
                    "groups": _cell(cell, page, lang),
                    "label": clean(block.headers[c]) if c < len(block.headers) else "",
                    "heat": f"h{min(max(level, 0), HEAT_LEVELS)}" if level is not None else "",
                }
            )
        rows.append(cells)
    columns = block.columns
    return {
        "type": "table",
        "caption": clean(caption),
        "headers": [
            {
                "text": clean(h),
                "id": page.take(columns[i]) if i < len(columns) else None,
            }
            for i, h in enumerate(block.headers)
        ],
        "rows": rows,
        "prose": block.prose,
        "heat": bool(block.levels),
        "wide": bool(block.levels) or len(block.headers) > WIDE_COLUMNS,
        "key": [{"level": f"h{level}", "text": clean(words)} for level, words in block.key],
    }


def _items(block: Items, page: _Page, lang: str | None) -> dict[str, Any]:
    if not _is_listing(block):
        return {"type": "items", "items": [_line(item, page, lang) for item in block.items]}
    listing = page.listing[page.current]
    items = []
    for item in block.items:
        number = int(_REF.fullmatch(item[0].text).group(1))  # type: ignore[union-attr]
        line = _line(item, page, lang, cite=False)
        line["id"] = page.take(page.source_id(listing, number))
        cites = page.cites.get((listing, number), [])
        line["back"] = "#" + cites[0] if cites else None
        items.append(line)
    return {"type": "sources", "items": items}


def _prepare(blocks: list[Block]) -> list[Block]:
    """Very wide prose tables become sections (a heading per row, a fold per column)."""
    out: list[Block] = []
    for block in blocks:
        if (
            isinstance(block, Table)
            and block.prose
            and len(block.headers) > MAX_PROSE_CONTENDERS + 1
        ):
            out += sections([block])
        else:
            out.append(block)
    return out


def _scan(blocks: list[Block], page: _Page) -> None:
    """Know beforehand every id the page will hold, and which source list each block cites."""
    listings = [i for i, b in enumerate(blocks) if _is_listing(b)]
    for i in range(len(blocks)):
        following = next((k for k, at in enumerate(listings, 1) if at >= i), None)
        if following is not None:
            page.listing[i] = following
    for k, at in enumerate(listings, 1):
        block = blocks[at]
        assert isinstance(block, Items)
        for item in block.items:
            match = _REF.fullmatch(item[0].text)
            assert match is not None
            page.known.add(page.source_id(k, int(match.group(1))))
    for block in blocks:
        if isinstance(block, Heading) and block.anchor:
            page.known.add(block.anchor)
        lines: list[Line] = []
        if isinstance(block, Paragraph):
            lines = [block.line]
        elif isinstance(block, Items):
            lines = list(block.items)
        elif isinstance(block, Table):
            lines = [line for row in block.rows for c in row for line in c]
            page.known.update(c for c in block.columns if c)
        for line in lines:
            page.known.update(s.anchor for s in line if s.anchor)


def _toc(blocks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Headings of level 2 with an id, each with its level-3 headings with an id."""
    toc: list[dict[str, Any]] = []
    for b in blocks:
        if b["type"] != "heading" or not b["id"] or b["level"] not in (2, 3):
            continue
        if b["level"] == 2:
            toc.append({"text": b["text"], "id": b["id"], "children": []})
        elif toc:
            toc[-1]["children"].append({"text": b["text"], "id": b["id"]})
    return toc if len(toc) + sum(len(t["children"]) for t in toc) >= TOC_MIN else []


def _lay_out(blocks: list[Block], page: _Page, lang: str | None) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    caption = ""
    folded = False
    skip: set[int] = set()
    for i, block in enumerate(blocks):
        page.current = i
        if i in skip:
            continue
        if folded and (isinstance(block, Heading) or (isinstance(block, Paragraph) and block.fold)):
            out.append({"type": "fold_end"})
            folded = False
        if isinstance(block, Heading):
            caption = block.text
            out.append(
                {
                    "type": "heading",
                    "level": min(max(block.level, 1), 6),
                    "text": clean(block.text),
                    "id": page.take(block.anchor),
                    "long": len(block.text) > LONG_TITLE,
                }
            )
        elif isinstance(block, Paragraph):
            following = blocks[i + 1] if i + 1 < len(blocks) else None
            if (
                not block.fold
                and block.line
                and block.line[-1].style == "bold"
                and isinstance(following, Items)
                and len(following.items) == 1
                and not _is_listing(following)
            ):
                # a label over a one-line list ("Name" / "∅ nothing found") reads as one line
                joined = (*block.line, Span(" — "), *following.items[0])
                out.append({"type": "paragraph", "line": _line(joined, page, lang)})
                skip.add(i + 1)
                continue
            spans = block.line
            if block.fold and isinstance(following, Items):  # a closed fold says what it holds
                count = page.loc.count(len(following.items), "proposals")
                spans = (*spans, Span(f" — {count}", "dim"))
            line = _line(spans, page, lang)
            if block.fold:
                out.append({"type": "fold", "summary": line})
                folded = True
            else:
                if block.line and block.line[0].style == "bold":
                    caption = plain(block.line)
                out.append({"type": "paragraph", "line": line})
        elif isinstance(block, Items):
            out.append(_items(block, page, lang))
        else:
            out.append(_table(block, block.caption or caption, page, lang))
    if folded:
        out.append({"type": "fold_end"})
    return out


def _content_language(view: View) -> str:
    """The language the view's contenders' texts are written in (their catalogue's), if they
    share one; else the default."""
    people = getattr(view, "candidates", None) or (getattr(view, "candidate", None),)
    found = {getattr(getattr(p, "candidate", p), "language", None) for p in people}
    found.discard(None)
    return str(found.pop()) if len(found) == 1 else DATA_LANG


def render(view: View, options: RenderOptions) -> str:
    loc = options.locale
    blocks = _prepare(build(view, loc))
    title = next((clean(b.text) for b in blocks if isinstance(b, Heading)), "progcmp")
    page = _Page(loc)
    _scan(blocks, page)
    content = _content_language(view)
    lang = content if loc.code != content else None
    laid = _lay_out(blocks, page, lang)
    toc = _toc(laid)
    # the contents go after the title and the paragraphs that introduce the page
    toc_at = next((n for n, b in enumerate(laid) if n and b["type"] != "paragraph"), len(laid))
    from markupsafe import Markup

    text = (
        _environment()
        .get_template(TEMPLATE)
        .render(
            lang=loc.code,
            title=title,
            blocks=laid,
            toc=toc,
            toc_at=toc_at,
            embed=options.embed,
            scope=SCOPE,
            version=__version__,
            css=Markup(stylesheet(SCOPE if options.embed else None)),  # ours, not data
            words={
                k: loc.word(k) for k in ("contents", "scroll_cue", "back_to_text", "colour_key")
            },
            footer=loc.word(
                "generated", date=loc.date(generated_on().isoformat()), version=__version__
            ),
            credit=_credit(options.credit, loc),
        )
    )
    text = text.rstrip("\n") + "\n"
    return _prefixed(text) if options.embed else text


# Where a fragment's ids are set or pointed to. (Data never holds a bare '"': it is escaped.)
_ID_REFS = re.compile(r'( id="| aria-labelledby="| href="#)(?=[^"]+")')


def _prefixed(fragment: str) -> str:
    """A fragment's ids, and every reference to them, prefixed with its own mark (from its
    content): two fragments on one page, or a fragment and its host page, never share an id
    (``theme-free-software`` becomes ``progcmp-3fa9c1-theme-free-software``)."""
    import hashlib

    mark = f"{SCOPE}-{hashlib.sha256(fragment.encode('utf-8', 'replace')).hexdigest()[:6]}-"
    return _ID_REFS.sub(lambda m: m.group(1) + mark, fragment)
