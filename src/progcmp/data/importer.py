"""From a spreadsheet (CSV) to a candidate file: a working draft with suggested themes.

``read_table`` reads the CSV (encoding and delimiter detected or given), ``plan_import`` turns its
rows into proposals with sources, ids and themes (from a theme column or suggested), and
``ImportResult.to_yaml`` writes the candidate file, which always passes ``progcmp validate``.

The summaries of an imported file are the source's own words: the file says so in its ``note``
and its header, and is a draft for a person to review, summarise and check, not data to publish.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from ..model import Dataset, SourceKind, Status
from ..model.errors import DataError, Problem, UsageError
from ..text import clean, find_unsafe, fold, show
from ..text.classify import SUGGEST_AT, Suggestion, classifier_for, suggest
from ..text.ids import make_id
from ..text.matching import did_you_mean
from .output import note_read
from .schema import DATE, ID, NAME, URL
from .yamlio import position

MAX_CSV_BYTES = 20 * 1024 * 1024
DELIMITERS = (",", ";", "\t", "|")
ID_WORDS = 6  # a proposal id is made of the first content words of its text...
ID_LENGTH = 48  # ... up to this many characters
SOURCE_ID_LENGTH = 40
SUMMARY_LIMIT = 2000  # the schema's limit on a summary
TITLE_LIMIT = 200
THEME_SEPARATORS = re.compile(r"[,;|\n]")
_BULLETS = ("-", "•", "*", "–", "—", "→")


# --- reading the table ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Table:
    """A CSV file read as text: its header and its records, each with its first line number."""

    path: str
    encoding: str
    header: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]
    note: str | None = None  # e.g. how the encoding was guessed

    def column(self, name: str) -> int | None:
        """The index of a column, by exact name, else ignoring case and accents."""
        if name in self.header:
            return self.header.index(name)
        folded = [fold(h) for h in self.header]
        return folded.index(fold(name)) if fold(name) in folded else None


def read_table(
    path: Path,
    *,
    encoding: str | None = None,
    delimiter: str | None = None,
    text_column: str = "",
    raw: bytes | None = None,
) -> Table:
    """Read a CSV file.

    Args:
        path: the file.
        encoding: its encoding; by default UTF-8 (with or without a byte-order mark), UTF-16 with
            a byte-order mark, else Windows-1252 with a note saying so.
        delimiter: by default the one of ``, ; tab |`` whose header holds ``text_column``, else
            the one that splits the header into the most columns.
        text_column: the column the delimiter guess looks for.
        raw: the file's bytes, when already read (standard input, or a file whose kind was
            sniffed).

    Raises:
        UsageError: for an unknown encoding or a delimiter that is not one character.
        DataError: if the file cannot be read, decoded or parsed, or holds no record.
    """
    shown = os.fspath(path)
    if encoding is not None:
        encoding = _text_encoding(encoding)
    if delimiter is not None and len(delimiter) != 1:
        raise UsageError(f"--delimiter must be one character (got {show(delimiter)})")
    raw = _read_bytes(path, shown) if raw is None else raw
    text, used, note = _decode(raw, shown, encoding)
    text = text.lstrip("\ufeff")
    if delimiter is None:
        delimiter = _guess_delimiter(text, text_column, shown)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    records: list[tuple[int, tuple[str, ...]]] = []
    line = 1
    try:
        for record in reader:
            records.append((line, tuple(record)))
            line = reader.line_num + 1
    except csv.Error as exc:
        raise DataError(
            [Problem(shown, line, 1, f"cannot read as CSV: {_csv_error(exc)}")]
        ) from None
    records = [(n, r) for n, r in records if any(cell.strip() for cell in r)]
    if not records:
        raise DataError([Problem(shown, 1, 1, "file is empty; expected a header row and rows")])
    header = tuple(cell.strip() for cell in records[0][1])
    return Table(shown, used, header, tuple(records[1:]), note)


# Codecs that look up but are not a character set: text to text (idna and punycode encode
# domain names, the escapes encode Python literals, undefined fails on everything). The codecs
# from bytes to bytes (base64, hex, zlib, bz2, uu, quopri) and str to str (rot13) are known by
# the codec registry itself.
_NOT_CHARACTER_SETS = frozenset(
    {"idna", "punycode", "undefined", "unicode-escape", "raw-unicode-escape"}
)


def _url_problem(url: str) -> str | None:
    """What the draft's check would say of a URL, said here at its row of the CSV."""
    if (char := find_unsafe(url, multiline=False)) is not None:
        return f"contains the character {show(char)}, which is not allowed here"
    return URL.problem(url)


def _text_encoding(encoding: str) -> str:
    """The codec's canonical name, if it is a character set that decodes bytes to text."""
    try:
        info = codecs.lookup(encoding)
    except LookupError:
        raise UsageError(f"unknown encoding {show(encoding)}") from None
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_CHARACTER_SETS:
        raise UsageError(
            f"--encoding {show(encoding)} is not a text encoding; give one such as utf-8, "
            "cp1252, latin-1 or utf-16"
        )
    return info.name


def _csv_error(exc: csv.Error) -> str:
    """The csv module's complaint, in words (its cell-size limit is the one it names)."""
    if "field larger than field limit" in str(exc):
        return f"a cell is over {csv.field_size_limit()} characters, the limit"
    return str(exc)


def _read_bytes(path: Path, shown: str) -> bytes:
    try:
        if not path.is_file():
            raise DataError([Problem(shown, 1, 1, "not a regular file")])
        size = path.stat().st_size
        if size > MAX_CSV_BYTES:
            raise DataError(
                [Problem(shown, 1, 1, f"file is {size} bytes, over the limit of {MAX_CSV_BYTES}")]
            )
        with open(path, "rb") as handle:
            note_read(os.fstat(handle.fileno()), shown)  # an output may never replace it
            return handle.read(MAX_CSV_BYTES + 1)
    except OSError as exc:
        raise DataError([Problem(shown, 1, 1, f"cannot read file: {exc.strerror or exc}")]) from exc


def decode(raw: bytes, shown: str, encoding: str | None) -> tuple[str, str, str | None]:
    """The text, the encoding used, and a note when it was a guess: as for a CSV file (the
    Markdown and text readers decode the same way)."""
    return _decode(raw, shown, encoding)


def _decode(raw: bytes, shown: str, encoding: str | None) -> tuple[str, str, str | None]:
    """The text, the encoding used, and a note when it was a guess worth telling."""
    if encoding is not None:
        try:
            return raw.decode(encoding), encoding, None
        except UnicodeDecodeError as exc:
            line, column = position(raw[: exc.start].decode(encoding, "replace"))
            raise DataError(
                [
                    Problem(
                        shown,
                        line,
                        column,
                        f"not valid {encoding} (byte 0x{raw[exc.start]:02X}); check --encoding",
                    )
                ]
            ) from None
        except UnicodeError as exc:  # a codec's other complaints: never an internal error
            problem = Problem(shown, 1, 1, f"not valid {encoding} ({exc}); check --encoding")
            raise DataError([problem]) from None
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16"), "utf-16", None
        except UnicodeDecodeError:
            pass  # not UTF-16 after all: fall through to the usual guesses
    try:
        return raw.decode("utf-8-sig"), "utf-8", None
    except UnicodeDecodeError as exc:
        line, column = position(raw[: exc.start].decode("utf-8", "replace"))
        bad = raw[exc.start]
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError:
        raise DataError(
            [
                Problem(
                    shown,
                    line,
                    column,
                    f"not valid UTF-8 (byte 0x{bad:02X}) nor Windows-1252; "
                    "give the file's encoding with --encoding",
                )
            ]
        ) from None
    note = (
        f"{shown} is not valid UTF-8 (byte 0x{bad:02X} at line {line}); read it as "
        "Windows-1252 (cp1252): check the accents, or give --encoding"
    )
    return text, "cp1252", note


def _guess_delimiter(text: str, text_column: str, shown: str) -> str:
    header_text = text.split("\n", 1)[0]  # a header cell with a line break is too rare to matter
    best, best_count = ",", 0
    for delimiter in DELIMITERS:
        try:
            cells = next(csv.reader(io.StringIO(header_text, newline=""), delimiter=delimiter), [])
        except csv.Error as exc:
            raise DataError(
                [Problem(shown, 1, 1, f"cannot read as CSV: {_csv_error(exc)}")]
            ) from None
        if text_column and fold(text_column) in {fold(c) for c in cells}:
            return delimiter
        if len(cells) > best_count:
            best, best_count = delimiter, len(cells)
    return best


# --- from rows to proposals -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ImportOptions:
    """The candidate's details and how to read the table."""

    id: str
    name: str
    party: str
    election: str
    aliases: tuple[str, ...] = ()
    status: Status | None = None
    text_column: str = "proposition"
    source_column: str = "source"
    theme_column: str | None = None  # None: a column named 'themes' or 'theme', if any
    url: str | None = None  # the source of rows that have none
    source_kind: SourceKind = SourceKind.PROGRAMME
    publisher: str | None = None
    date: str | None = None
    only_matching: bool = False
    lang: str = "fr"  # the text's language: how ids are spelled (text.ids)


@dataclass(slots=True)
class Imported:
    """One proposal taken from the table."""

    id: str
    summary: str
    source: str
    line: int
    themes: tuple[str, ...]
    suggestion: Suggestion | None  # None when the themes came from the theme column
    notes: list[str] = field(default_factory=list)
    also_on: list[str] = field(default_factory=list)  # other sources with the same text
    locator: str | None = None  # where in the source: "p. 12" (documents only)
    context: str | None = None  # for the reviewer: the headings above it, a deep link


@dataclass(frozen=True, slots=True)
class ImportedSource:
    id: str
    url: str
    title: str


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What an import produced, ready to be written as a candidate file."""

    options: ImportOptions
    table: str  # the file imported (as given)
    sources: tuple[ImportedSource, ...]
    proposals: tuple[Imported, ...]
    unmatched: tuple[Imported, ...]  # rows no theme was found for
    rows: int
    empty: int  # rows with no text
    duplicates: int  # rows repeating an earlier row's text and source
    merged: int = 0  # rows repeating an earlier row's text from another source (noted on it)
    unit: str = "row"  # what ``rows`` counts: CSV rows, or a document's measures

    @property
    def flagged(self) -> int:
        return sum(1 for p in self.proposals if p.suggestion is not None and p.suggestion.review)

    def canonical_path(self) -> Path:
        """Where the file belongs in a data folder: ``<election>/<id>.yaml``."""
        return Path(self.options.election) / f"{self.options.id}.yaml"

    def summary_line(self) -> str:
        """What was done, in one line for the terminal."""
        kept = len(self.proposals)
        parts = [
            f"{kept} proposal{'s' * (kept != 1)} from {self.rows} {self.unit}"
            + "s" * (self.rows != 1),
            f"{len(self.sources)} source{'s' * (len(self.sources) != 1)}",
        ]
        if self.flagged:
            parts.append(f"{self.flagged} flagged for review")
        if self.unmatched:
            fate = "left out" if self.options.only_matching else "kept as comments"
            parts.append(f"{len(self.unmatched)} matching no theme ({fate})")
        if self.merged:
            parts.append(f"{self.merged} repeated from another page (merged, with a note)")
        if self.duplicates:
            parts.append(f"{self.duplicates} duplicate row{'s' * (self.duplicates != 1)} skipped")
        if self.empty:
            parts.append(f"{self.empty} empty row{'s' * (self.empty != 1)} skipped")
        return "imported " + ", ".join(parts)

    def checked_yaml(self, dataset: Dataset) -> str:
        """The YAML, after checking that it reads back as :meth:`to_data` and is a valid
        candidate file for the dataset's catalogue.

        Raises:
            DataError: if the file would be invalid (e.g. over the size limit).
        """
        from .loader import check_candidate_text
        from .yamlio import parse

        text = self.to_yaml()
        problems = check_candidate_text(text, self.canonical_path(), dataset.themes)
        if problems:
            raise DataError(problems)
        located = parse(text, str(self.canonical_path()))
        if isinstance(located, Problem) or located.data != self.to_data():
            raise AssertionError("the YAML written does not read back as the data imported")
        return text

    def to_data(self) -> dict[str, Any]:
        """The candidate file as plain data (what the YAML reads back as)."""
        data: dict[str, Any] = _strip(self._document())
        return data

    def to_yaml(self) -> str:
        """The candidate file: a commented YAML document in the project's format."""
        from .yamlwrite import dump

        name = Path(self.table).name
        header = (
            f"Imported by 'progcmp import' from {clean(name)}: a working draft, not data to "
            "publish.",
            "The summaries are the source's own words and the themes are suggestions: review "
            "every proposal, summarise it in your own words and check its themes.",
            "A comment above a proposal gives the suggested themes with their scores (0 to 1) "
            "and the catalogue words behind them; REVIEW marks a low-confidence suggestion.",
        )
        return dump(self._document(), header)

    def _document(self) -> dict[str, Any]:
        from .yamlwrite import Commented, Trailer, item_lines

        o = self.options
        doc: dict[str, Any] = {"id": o.id, "name": o.name, "party": o.party}
        if o.aliases:
            doc["aliases"] = list(o.aliases)
        doc["election"] = o.election
        if o.status is not None:
            doc["status"] = str(o.status)
        doc["note"] = _note(Path(self.table).name, o.only_matching)
        doc["sources"] = [self._source(s) for s in self.sources]
        doc["reviewed"] = [s.id for s in self.sources]
        proposals: list[Any] = [
            Commented(_proposal(p), _comments(p)) if _comments(p) else _proposal(p)
            for p in self.proposals
        ]
        if self.unmatched and not o.only_matching:
            lines = [
                "Rows that match no theme, left out of the file: to keep one, uncomment it "
                "and give it themes."
            ]
            for p in self.unmatched:
                lines.extend(item_lines({**_proposal(p), "themes": []}))
            proposals.append(Trailer(tuple(lines)))
        doc["proposals"] = proposals
        return doc

    def _source(self, source: ImportedSource) -> dict[str, str]:
        o = self.options
        out = {"id": source.id, "title": source.title}
        if o.publisher:
            out["publisher"] = o.publisher
        out["url"] = source.url
        out["kind"] = str(o.source_kind)
        if o.date:
            out["date"] = o.date
        return out


def _note(table: str, only_matching: bool) -> str:
    note = (
        f"Brouillon importé de {clean(table)} par progcmp import : les résumés reprennent mot "
        "pour mot le texte de la source, et les thèmes sont des suggestions automatiques. À "
        "relire proposition par proposition, à résumer avec ses propres mots et à vérifier "
        "avant toute publication. Les sources « examinées » sont les pages citées dans le "
        "fichier importé : un thème sans proposition signifie seulement que la suggestion "
        "automatique n'y a rien trouvé."
    )
    if only_matching:
        note += " Seules les lignes rattachées à un thème ont été gardées."
    return note


def _proposal(p: Imported) -> dict[str, Any]:
    out: dict[str, Any] = {"id": p.id, "themes": list(p.themes), "summary": p.summary}
    out["source"] = p.source
    if p.locator:
        out["locator"] = p.locator
    notes = list(p.notes)
    if p.also_on:
        notes.append("Même texte aussi publié sur : " + ", ".join(p.also_on) + ".")
    if notes:
        out["note"] = " ".join(notes)
    return out


def _comments(p: Imported) -> tuple[str, ...]:
    context = (f"in: {p.context}",) if p.context else ()
    s = p.suggestion
    if s is None:
        return context
    scored = "; ".join(
        f"{t.theme} {t.score:.2f}" + (f" ({', '.join(t.evidence)})" if t.evidence else "")
        for t in s.themes
    )
    chosen = {t.theme for t in s.themes}
    beyond = [t for t in s.scores if t.score >= SUGGEST_AT and t.theme not in chosen]
    if beyond:  # more themes than a proposal is given: name them for the reviewer
        scored += "; also above the threshold: " + "; ".join(
            f"{t.theme} {t.score:.2f}" for t in beyond
        )
    if s.review:
        return (*context, f"REVIEW: low-confidence themes: {scored}")
    return (*context, f"themes: {scored}")


def _strip(value: Any) -> Any:
    """The plain data of a document: comments and trailers dropped."""
    from .yamlwrite import Commented, Trailer

    if isinstance(value, Commented):
        return _strip(value.value)
    if isinstance(value, dict):
        return {k: _strip(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_strip(v) for v in value if not isinstance(v, Trailer)]
    return value


def check_options(options: ImportOptions) -> None:
    """Refuse candidate details that would make an invalid file.

    Raises:
        UsageError: naming the option and what is wrong.
    """
    checks = [
        ("--id", options.id, ID),
        ("--name", options.name, NAME),
        ("--party", options.party, NAME),
        ("--election", options.election, ID),
        *(("--alias", a, NAME) for a in options.aliases),
        *((("--url", options.url, URL),) if options.url is not None else ()),
        *((("--publisher", options.publisher, NAME),) if options.publisher is not None else ()),
        *((("--date", options.date, DATE),) if options.date is not None else ()),
    ]
    for flag, value, spec in checks:
        if not value.strip():
            raise UsageError(f"{flag} is empty")
        if "\n" in value or "\t" in value or clean(value) != value:
            raise UsageError(f"{flag} contains a control character or a line break")
        problem = spec.problem(value)
        if problem is not None:
            raise UsageError(f"{flag} {problem}")


def plan_import(
    table: Table,
    dataset: Dataset,
    options: ImportOptions,
    progress: Callable[[int], None] | None = None,
) -> ImportResult:
    """Turn a table's rows into proposals, sources and themes.

    Args:
        table: the rows (see :func:`read_table`).
        dataset: the data whose catalogue gives the themes.
        options: the candidate's details and the columns to read.
        progress: called with 1 after each row (for a progress bar).

    Raises:
        UsageError: for bad options or a column that does not exist.
        DataError: with every problem of every row (a bad URL, an unknown theme...).
    """
    check_options(options)
    text_at = _require(table, options.text_column, "--text-column")
    source_at = table.column(options.source_column)
    if source_at is None and options.url is None:
        _require(table, options.source_column, "--source-column (or give --url)")
    theme_at = (
        _require(table, options.theme_column, "--theme-column")
        if options.theme_column is not None
        else next((i for n in ("themes", "theme") if (i := table.column(n)) is not None), None)
    )
    classifier = classifier_for(dataset)
    problems: list[Problem] = []
    urls: dict[str, str] = {}  # url -> source id, filled once all urls are known
    rows: list[tuple[int, str, str, str]] = []  # line, text, url, themes cell
    empty = 0
    for line, record in table.rows:
        cell = _cell(record, text_at)
        text = normalise(cell)
        if not text:
            empty += 1
            if progress:
                progress(1)
            continue
        url = _cell(record, source_at).strip() if source_at is not None else ""
        if not url:
            if options.url is None:
                problems.append(
                    Problem(
                        table.path,
                        line,
                        1,
                        f"column {options.source_column!r} is empty; give --url for rows "
                        "without a source",
                    )
                )
                continue
            url = options.url
        elif (problem := _url_problem(url)) is not None:
            problems.append(
                Problem(table.path, line, 1, f"column {options.source_column!r} {problem}")
            )
            continue
        rows.append((line, text, url, _cell(record, theme_at) if theme_at is not None else ""))
        urls.setdefault(url, "")
    sources = _sources(list(urls), options.lang)
    source_ids = {s.url: s.id for s in sources}
    unique = _Ids()
    by_text: dict[str, Imported] = {}
    cited: dict[str, set[str]] = {}  # by text: the sources it was found on (a set: one text on
    # 40,000 pages must not search a list of them at every row)
    kept: list[Imported] = []
    unmatched: list[Imported] = []
    duplicates = merged = 0
    for line, text, url, theme_cell in rows:
        source_id = source_ids[url]
        summary, notes = _fit(text)
        earlier = by_text.get(summary)
        if earlier is not None:
            if source_id in cited[summary]:
                duplicates += 1
            else:
                earlier.also_on.append(source_id)
                cited[summary].add(source_id)
                merged += 1
            if progress:
                progress(1)
            continue
        proposal_id = unique(
            make_id(summary, options.lang, words=ID_WORDS, length=ID_LENGTH) or "proposition"
        )
        given = _themes_from_cell(theme_cell, dataset, table.path, line, problems)
        suggestion = None if given else suggest(classifier, summary)
        themes = given if suggestion is None else tuple(s.theme for s in suggestion.themes)
        imported = Imported(proposal_id, summary, source_id, line, themes, suggestion, notes)
        by_text[summary] = imported
        cited[summary] = {source_id}
        (kept if themes else unmatched).append(imported)
        if progress:
            progress(1)
    if problems:
        raise DataError(problems)
    return ImportResult(
        options=options,
        table=table.path,
        sources=tuple(sources),
        proposals=tuple(kept),
        unmatched=tuple(unmatched),
        rows=len(table.rows),
        empty=empty,
        duplicates=duplicates,
        merged=merged,
    )


def _require(table: Table, name: str, flag: str) -> int:
    at = table.column(name)
    if at is None:
        columns = ", ".join(repr(h) for h in table.header) or "none"
        raise DataError(
            [
                Problem(
                    table.path,
                    1,
                    1,
                    f"no column {name!r} (the columns are {columns}); name it with {flag}",
                )
            ]
        )
    return at


def _cell(record: Sequence[str], at: int | None) -> str:
    return record[at] if at is not None and at < len(record) else ""


def _themes_from_cell(
    cell: str, dataset: Dataset, path: str, line: int, problems: list[Problem]
) -> tuple[str, ...]:
    """Theme ids from a cell of ids or labels (either language), separated by , ; | or lines."""
    found: list[str] = []
    for name in (n.strip() for n in THEME_SEPARATORS.split(cell)):
        if not name:
            continue
        key = fold(name)
        theme = next(
            (
                t
                for t in dataset.themes
                if key in (fold(t.id), *(fold(text) for _, text in t.label.texts))
            ),
            None,
        )
        if theme is None:
            hint = did_you_mean(name, [t.id for t in dataset.themes])
            problems.append(Problem(path, line, 1, f"unknown theme {show(name)}{hint}"))
        elif theme.id not in found:
            found.append(theme.id)
    return tuple(found)


def normalise(cell: str) -> str:
    """A cell's text made readable and safe: line breaks unified, tab-indented sub-items turned
    into ``- `` items, other tabs into spaces, blank edges and repeated blank lines removed,
    control characters dropped."""
    lines: list[str] = []
    for raw in cell.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.strip()
        sub_item = raw[: len(raw) - len(raw.lstrip())].count("\t") > 0 and line
        line = re.sub(r"\s*\t\s*", " ", line)
        if sub_item and not line.startswith(_BULLETS):
            line = "- " + line
        if line or (lines and lines[-1]):
            lines.append(line)
    text = "\n".join(lines).strip()
    return clean(text, multiline=True).strip()


def _fit(text: str) -> tuple[str, list[str]]:
    """The summary within the schema's limit, and a note when it had to be cut."""
    if len(text) <= SUMMARY_LIMIT:
        return text, []
    cut = text[: SUMMARY_LIMIT - 1]
    space = max(cut.rfind(" "), cut.rfind("\n"))
    cut = (cut[:space] if space > SUMMARY_LIMIT // 2 else cut).rstrip() + "…"
    return cut, [f"Texte coupé à {len(cut)} caractères : la source en compte {len(text)}."]


class _Ids:
    """Unique ids: a base, else ``base-2``, ``base-3``... in near-constant time each (a table of
    40,000 rows whose texts all begin alike must not try 40,000 suffixes per row)."""

    def __init__(self) -> None:
        self.used: set[str] = set()
        self.next: dict[str, int] = {}  # per base: the suffix to try first

    def __call__(self, base: str) -> str:
        candidate, n = base, self.next.get(base, 2)
        if candidate in self.used:
            candidate = f"{base}-{n}"
            while candidate in self.used:
                n += 1
                candidate = f"{base}-{n}"
            self.next[base] = n + 1
        self.used.add(candidate)
        return candidate


def _sources(urls: list[str], lang: str = "fr") -> list[ImportedSource]:
    """One source per distinct URL, in order of first use: an id made of the site's name and
    the part of the path that tells its pages apart, and a title spelled out from the URL."""
    parts = {u: urlsplit(u) for u in urls}
    segments = {u: [unquote(s) for s in p.path.split("/") if s] for u, p in parts.items()}
    by_host: dict[str, list[str]] = {}
    for url in urls:
        by_host.setdefault(_host(parts[url].hostname or ""), []).append(url)
    # The path prefix the pages of a site share, once per site (not once per URL: 40,000 URLs
    # of one site made that quadratic).
    prefixes = {host: _common_prefix([segments[u] for u in same]) for host, same in by_host.items()}
    unique = _Ids()
    out = []
    for url in urls:
        host = _host(parts[url].hostname or "")
        siblings = by_host[host]
        shared = prefixes[host] if len(siblings) > 1 else max(len(segments[url]) - 1, 0)
        rest = segments[url][shared:] or segments[url][-1:]
        site = make_id(_site(host), lang, words=4, length=20) or "source"
        tail = make_id(" ".join(rest), lang, words=6, length=SOURCE_ID_LENGTH - len(site) - 1)
        source_id = unique(f"{site}-{tail}" if tail else site)
        out.append(ImportedSource(source_id, url, _title(host, segments[url])))
    return out


def _host(hostname: str) -> str:
    return hostname.lower().removeprefix("www.")


def _site(host: str) -> str:
    labels = host.split(".")
    return " ".join(labels[:-1]) if len(labels) > 1 else host


def _common_prefix(paths: list[list[str]]) -> int:
    n = 0
    while all(len(p) > n + 1 and p[n] == paths[0][n] for p in paths):
        n += 1
    return n


def _title(host: str, segments: list[str]) -> str:
    words = [" ".join(re.split(r"[-_+]+", s)).strip() for s in segments]
    # slugs drop apostrophes: "de l activite" reads better as "de l'activite"
    words = [re.sub(r"\b([cdjlmnst]|qu) (?=\w)", r"\1'", w) for w in words]
    title = " › ".join([host, *(w for w in words if w)])
    title = clean(" ".join(title.split()))
    if len(title) > TITLE_LIMIT:
        title = title[: TITLE_LIMIT - 1].rstrip() + "…"
    return title
