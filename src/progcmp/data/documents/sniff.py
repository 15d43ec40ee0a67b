"""Which kind of document a file is, from its first bytes, the file name only breaking ties."""

from __future__ import annotations

import csv
import io
import re

from . import Kind, fail

HEAD = 8192  # bytes looked at
_HTML = re.compile(
    rb"<\s*(!doctype\s+html|html|head|body|meta|title|div|p|h[1-6]|ul|article)\b", re.I
)
_MARKDOWN = re.compile(r"^(#{1,6} \S|\s{0,3}([-*+]|\d{1,3}[.)]) \S|.+\n(=+|-+)\s*$)", re.M)
_SIGNATURES = {
    b"PK\x03\x04": "a ZIP archive (an Office or OpenDocument file?): save it as PDF first",
    b"\xd0\xcf\x11\xe0": "an old Office document: save it as PDF first",
    b"\x89PNG": "a PNG image: it needs OCR first",
    b"\xff\xd8\xff": "a JPEG image: it needs OCR first",
    b"GIF8": "a GIF image",
    b"\x1f\x8b": "a gzip archive: uncompress it first",
    b"{\\rtf": "an RTF document: save it as PDF or text first",
}


def sniff(raw: bytes, name: str, shown: str) -> Kind:
    """The kind of a document.

    PDF by its ``%PDF-`` signature (anywhere in the first KiB, as readers allow), HTML by its
    first tag, CSV by its extension or by a header row whose separator splits every line of
    the head alike, Markdown by headings or list items, else plain text.

    Raises:
        DataError: for binary content that is none of these (with what it looks like).
    """
    head = raw[:HEAD]
    if b"%PDF-" in head[:1024]:
        return Kind.PDF
    for signature, what in _SIGNATURES.items():
        if head.startswith(signature):
            raise fail(shown, f"not a document progcmp reads: {what}")
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise fail(
            shown,
            "not a document progcmp reads (binary content); give a PDF, HTML, "
            "Markdown, text or CSV file",
        )
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"<") and _HTML.search(stripped[:2048]):
        return Kind.HTML
    suffix = name.lower().rsplit(".", 1)[-1] if "." in name else ""
    if suffix in ("html", "htm", "xhtml") and _HTML.search(head):
        return Kind.HTML
    text = head.decode("utf-8", "replace")
    if suffix in ("csv", "tsv") or _looks_like_csv(text):
        return Kind.CSV
    if suffix in ("md", "markdown") or _MARKDOWN.search(text):
        return Kind.MARKDOWN
    return Kind.TEXT


def _looks_like_csv(text: str) -> bool:
    """A header and rows that one separator splits into the same 2+ cells (quotes allowed)."""
    lines = [line for line in text.splitlines()[:20] if line.strip()]
    if len(lines) < 2:
        return False
    if not HEAD_OK.match(lines[0]):
        return False
    for delimiter in (",", ";", "\t", "|"):
        try:
            rows = list(
                csv.reader(io.StringIO("\n".join(lines[:-1] or lines)), delimiter=delimiter)
            )
        except csv.Error:
            continue
        widths = {len(r) for r in rows}
        if len(widths) == 1 and widths.pop() >= 2 and delimiter in lines[0]:
            return True
    return False


HEAD_OK = re.compile(r"^[^#\-*+>].*")
