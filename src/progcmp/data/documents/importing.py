"""From a document to an import: read the file (or standard input), find its kind and its
measures, and plan the candidate file as the CSV import does (ids, duplicates, suggested
themes), each proposal with its locator and its place in the document's structure."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from ...model import Dataset
from ...model.errors import DataError, Problem, UsageError
from ...text import clean
from ..importer import MAX_CSV_BYTES, ImportOptions, ImportResult, Table, plan_import
from ..output import note_read
from . import MAX_DOCUMENT_BYTES, Document, Kind, fail
from .structure import Found, measures

STDIN = "-"


@dataclass(frozen=True, slots=True)
class Input:
    """A file's bytes, its name as shown, and its kind."""

    raw: bytes
    shown: str
    kind: Kind


def read_input(path: Path) -> Input:
    """Read a file, or standard input for ``-``, and find what kind of document it is.

    Raises:
        DataError: unreadable, empty, over the size limit, or not a kind progcmp reads.
    """
    from .sniff import sniff

    shown = "<stdin>" if str(path) == STDIN else os.fspath(path)
    try:
        if str(path) == STDIN:
            raw = sys.stdin.buffer.read(MAX_DOCUMENT_BYTES + 1)
        else:
            if not path.is_file():
                what = "a folder" if path.is_dir() else "not a regular file"
                raise fail(shown, f"cannot import {what}" if path.exists() else "file not found")
            size = path.stat().st_size
            if size > MAX_DOCUMENT_BYTES:
                raise fail(shown, f"file is {size} bytes, over the limit of {MAX_DOCUMENT_BYTES}")
            with open(path, "rb") as handle:
                note_read(os.fstat(handle.fileno()), shown)  # an output may never replace it
                raw = handle.read(MAX_DOCUMENT_BYTES + 1)
    except OSError as exc:
        raise fail(shown, f"cannot read file: {exc.strerror or exc}") from None
    if len(raw) > MAX_DOCUMENT_BYTES:
        raise fail(shown, f"input is over the limit of {MAX_DOCUMENT_BYTES} bytes")
    if not raw.strip():
        if path.suffix.lower() in (".csv", ".tsv"):
            return Input(raw, shown, Kind.CSV)  # the CSV reader says what it expected
        raise fail(shown, "file is empty")
    kind = sniff(raw, "" if str(path) == STDIN else path.name, shown)
    if kind is Kind.CSV and len(raw) > MAX_CSV_BYTES:
        raise fail(shown, f"file is {len(raw)} bytes, over the limit of {MAX_CSV_BYTES}")
    return Input(raw, shown, kind)


def read_document(
    source: Input,
    *,
    encoding: str | None = None,
    max_pages: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[Document, str | None]:
    """A PDF, HTML, Markdown or text document as blocks (and a note on a guessed encoding)."""
    if source.kind is Kind.PDF:
        from .pdf import MAX_PAGES, read_pdf

        pages = MAX_PAGES if max_pages is None else max_pages
        return read_pdf(source.raw, source.shown, max_pages=pages, progress=progress), None
    if source.kind is Kind.HTML:
        from .html import read_html

        return read_html(source.raw, source.shown, encoding=encoding), None
    from .text import read_text

    return read_text(source.raw, source.shown, source.kind, encoding=encoding)


def plan_document(
    document: Document,
    dataset: Dataset,
    options: ImportOptions,
    progress: Callable[[int], None] | None = None,
) -> ImportResult:
    """The candidate file for a document's measures: one source (``--url``), every proposal
    with its locator (page, anchor or line) and its context (chapter › section) in a comment.

    Raises:
        UsageError: without ``--url`` (the file must cite where the document is published).
        DataError: if no measure is found.
    """
    if options.url is None:
        raise UsageError(
            "give --url: the address where this document is published (the candidate file "
            "cites it as the source of every proposal)"
        )
    found = measures(document)
    if not found:
        raise DataError(
            [
                Problem(
                    document.path,
                    1,
                    1,
                    "no measures found (no list items nor short paragraphs under headings)",
                )
            ]
        )
    table = Table(
        document.path,
        "utf-8",
        ("proposition", "source"),
        tuple((n, (f.text, options.url)) for n, f in enumerate(found, start=1)),
    )
    planned = plan_import(table, dataset, replace(options, text_column="proposition"), progress)
    by_row = dict(enumerate(found, start=1))
    for proposal in (*planned.proposals, *planned.unmatched):
        measure = by_row[proposal.line]
        proposal.locator = measure.place or None
        proposal.context = _context(measure, options.url, document.kind)
    sources = planned.sources
    if document.title:
        sources = tuple(replace(s, title=_title(document.title)) for s in sources)
    return replace(planned, sources=sources, rows=len(found), unit="measure")


def _context(measure: Found, url: str, kind: Kind) -> str:
    parts = []
    if measure.context:
        parts.append(" › ".join(measure.context))
    base = url.split("#", 1)[0]
    if kind is Kind.PDF and measure.page is not None:
        parts.append(f"{base}#page={measure.page}")
    elif kind is Kind.HTML and measure.anchor:
        parts.append(f"{base}#{measure.anchor}")
    if measure.also:
        parts.append("also at " + ", ".join(measure.also))
    return clean(" — ".join(parts))


def _title(title: str) -> str:
    title = " ".join(title.split())
    return title if len(title) <= 200 else title[:199].rstrip() + "…"
