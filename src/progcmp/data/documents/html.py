"""HTML: the page's main content (selectolax's Lexbor parser), without what surrounds it.

Scripts, styles, iframes, forms and embedded objects are dropped unread (nothing is fetched or
run), and so are navigation, headers, footers, asides and boxes whose id or class names a
cookie banner, a menu, a newsletter or sharing buttons. The content is ``<main>``, else
``<article>``, else ``<body>``. Headings give the structure and their ids the anchors; list
items and paragraphs are the blocks.

The charset comes from a byte-order mark, else the page's ``<meta charset>``, else UTF-8; a page
whose bytes do not match its declared charset is refused rather than read as mojibake.
"""

from __future__ import annotations

import codecs
import re

from ..yamlio import position
from . import Block, BlockKind, Document, Kind, fail, require
from .structure import join_lines, repair

DROP = (
    "script, style, noscript, template, iframe, frame, frameset, object, embed, svg, canvas, "
    "form, button, select, nav, header, footer, aside, dialog, [hidden], [aria-hidden=true]"
)
_BOILERPLATE = re.compile(
    r"cookie|consent|gdpr|rgpd|banner|newsletter|share|social|menu|breadcrumb|navbar|"
    r"footer|header|sidebar|popup|modal|skip",
    re.I,
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
BLOCK_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6", "li", "p", "dd", "dt", "blockquote", "td"}


def decode(raw: bytes, shown: str, encoding: str | None) -> tuple[str, str]:
    """The page's text and the charset used.

    Raises:
        DataError: for an unknown charset, or bytes that are not in the charset declared.
    """
    declared = "given with --encoding" if encoding else None
    if encoding is None:
        for bom, name in (
            (codecs.BOM_UTF8, "utf-8-sig"),
            (codecs.BOM_UTF16_LE, "utf-16"),
            (codecs.BOM_UTF16_BE, "utf-16"),
        ):
            if raw.startswith(bom):
                encoding, declared = name, "from its byte-order mark"
                break
    if encoding is None:
        match = _META_CHARSET.search(raw[:4096])
        if match:
            encoding, declared = match.group(1).decode("ascii"), "declared by the page"
    if encoding is None:
        encoding, declared = "utf-8", "the default"
    try:
        codec = codecs.lookup(encoding).name
    except LookupError:
        raise fail(shown, f"unknown charset {encoding!r} ({declared}); give --encoding") from None
    try:
        return raw.decode(codec), codec
    except UnicodeDecodeError as exc:
        line, column = position(raw[: exc.start].decode(codec, "replace"))
        raise fail(
            shown,
            f"not valid {codec} (byte 0x{raw[exc.start]:02X}), the charset {declared}: the "
            "page lies about its charset; give the right one with --encoding",
            line,
            column,
        ) from None


def read_html(raw: bytes, shown: str, *, encoding: str | None = None) -> Document:
    """Read a web page's main content as blocks.

    Raises:
        DataError: bad charset, or no text in the page's content.
    """
    text, _ = decode(raw, shown, encoding)
    selectolax = require("selectolax.lexbor", "selectolax", "HTML")
    tree = selectolax.LexborHTMLParser(text)  # type: ignore[attr-defined]
    title_node = tree.css_first("title")
    title = repair(title_node.text()) if title_node is not None else None
    for node in tree.css(DROP):
        node.decompose()
    for node in tree.css("[id], [class], [role]"):
        if node.parent is None:
            continue
        names = " ".join(str(node.attributes.get(a) or "") for a in ("id", "class", "role"))
        if node.tag not in ("main", "article", "body", "html") and _BOILERPLATE.search(names):
            node.decompose()
    root = tree.css_first("main") or tree.css_first("article") or tree.body
    if root is None:
        raise fail(shown, "no content in this page")
    blocks: list[Block] = []
    anchor: str | None = None
    for node in root.traverse(include_text=False):
        tag = node.tag
        if tag not in BLOCK_TAGS:
            continue
        if tag in ("p", "dd", "dt", "td", "blockquote") and _inside(node, ("li",)):
            continue  # part of an item
        if tag != "li" and _inside(node, ("blockquote",)) and tag != "blockquote":
            continue
        words = _own_text(node) if tag == "li" else node.text(separator=" ")
        content = repair(join_lines([words]))
        if not content:
            continue
        if tag[0] == "h" and tag[1:].isdigit():
            anchor = node.attributes.get("id") or _section_id(node)
            blocks.append(Block(BlockKind.HEADING, content, int(tag[1]), anchor=anchor))
        elif tag == "li":
            blocks.append(Block(BlockKind.ITEM, content, anchor=anchor))
        else:
            blocks.append(Block(BlockKind.PARAGRAPH, content, anchor=anchor))
    if not blocks:
        raise fail(
            shown,
            "no text in this page's content (scripts, frames and menus are not "
            "read): save the page once it shows the programme, or give its PDF",
        )
    return Document(shown, Kind.HTML, title, tuple(blocks))


def _inside(node: object, tags: tuple[str, ...]) -> bool:
    parent = node.parent  # type: ignore[attr-defined]
    while parent is not None:
        if parent.tag in tags:
            return True
        parent = parent.parent
    return False


def _own_text(item: object) -> str:
    """An item's text without its nested lists (their items are blocks of their own)."""
    parts: list[str] = []
    for child in item.iter(include_text=True):  # type: ignore[attr-defined]
        if child.tag in ("ul", "ol"):
            continue
        parts.append(child.text(separator=" "))
    return " ".join(parts)


def _section_id(heading: object) -> str | None:
    parent = heading.parent  # type: ignore[attr-defined]
    if parent is not None and parent.tag == "section":
        value = parent.attributes.get("id")
        return str(value) if value else None
    return None
