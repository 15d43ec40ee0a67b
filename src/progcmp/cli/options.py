"""The choices and the ``Annotated`` options that commands share, so that ``--format``,
``--output``, ``--data``, ``--lang``, ``--debug``... mean the same in every command."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ..render.locale import languages

DEFAULT_WIDTH = 80  # when the output is not a terminal and COLUMNS does not say
MIN_WIDTH, MAX_WIDTH = 40, 1000  # of --width and COLUMNS


class Format(StrEnum):
    TERMINAL = "terminal"
    MARKDOWN = "markdown"
    JSON = "json"
    NDJSON = "ndjson"
    CSV = "csv"
    HTML = "html"
    XLSX = "xlsx"
    MD = "md"  # short for markdown, as the .md suffix


class Layout(StrEnum):
    AUTO = "auto"
    TABLE = "table"
    SECTIONS = "sections"


# The interface languages: one per locale file (render/locales/<code>.toml), so adding a
# language is adding a file. (Typer needs an enum for its choices; its members are made here.)
Lang = StrEnum(  # type: ignore[misc]
    "Lang", [(code.replace("-", "_").upper(), code) for code in languages()]
)


class IdLang(StrEnum):
    """The languages whose ids have rules of their own (text.ids); any other: fr."""

    FR = "fr"
    EN = "en"
    DE = "de"


IdLangOpt = Annotated[
    IdLang,
    typer.Option(
        "--text-lang",
        case_sensitive=False,
        help="Language of the text, for the ids made from it: de writes ä ö ü as ae oe ue "
        "(others drop accents), and each language has its stop words. Any other language: fr.",
    ),
]


def complete_candidates(incomplete: str) -> list[str]:
    """Candidate ids for shell completion, read from file names only (no parsing: fast)."""
    from ..data.loader import candidate_files
    from ..data.output import data_root

    try:
        ids = sorted({path.stem for path in candidate_files(data_root())})
    except OSError:
        return []
    return [i for i in ids if i.startswith(incomplete.lower())]


DataOpt = Annotated[
    Path | None,
    typer.Option(
        "--data",
        "-d",
        metavar="DIR",
        envvar="PROGCMP_DATA",
        show_envvar=True,
        file_okay=False,
        help="Data folder (themes.yaml + one folder per election). "
        "Default: ./programmes if present, else the bundled dataset.",
    ),
]
FormatOpt = Annotated[
    Format | None,
    typer.Option(
        "--format",
        "-f",
        case_sensitive=False,
        help="Output format. Default: from the --output extension (.md, .csv, .json, "
        ".ndjson, .html, .xlsx, .txt), else terminal. ndjson: one record per line (the CSV "
        "rows as JSON). xlsx (a workbook) goes to a file or a pipe.",
    ),
]
OutputOpt = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        dir_okay=False,
        metavar="FILE",
        help="Write to this file ('-' for stdout).",
    ),
]
ForceOpt = Annotated[bool, typer.Option("--force", help="Replace an existing --output file.")]
LayoutOpt = Annotated[
    Layout,
    typer.Option(
        "--layout",
        case_sensitive=False,
        help="Markdown layout: 'table' (compact), 'sections' (a heading per theme, a list per "
        "candidate: better for long text) or 'auto': sections beyond 4 contenders side by side.",
    ),
]
FootnotesOpt = Annotated[
    bool,
    typer.Option(
        "--footnotes",
        help="Markdown: sources as footnotes ([^1]) that GitHub and most editors link, rather "
        "than a numbered list.",
    ),
]
EmbedOpt = Annotated[
    bool,
    typer.Option(
        "--embed",
        help="HTML: a fragment to paste into a page of one's own (a CMS): no html or head "
        "element, its style sheet scoped to the class 'progcmp'.",
    ),
]
CsvBomOpt = Annotated[
    bool,
    typer.Option(
        "--csv-bom", help="Start CSV output with a byte-order mark, so Excel reads accents right."
    ),
]
LangOpt = Annotated[
    Lang,
    typer.Option(
        "--lang", "-l", case_sensitive=False, help="Language of theme labels and headers."
    ),
]
WidthOpt = Annotated[
    int | None,
    typer.Option(
        "--width",
        min=MIN_WIDTH,
        max=MAX_WIDTH,
        metavar="COLUMNS",
        help="Width of terminal tables. Default: the terminal's; when piped, COLUMNS or "
        f"{DEFAULT_WIDTH}.",
    ),
]
DebugOpt = Annotated[bool, typer.Option("--debug", help="Show a traceback on errors.")]
NoCacheOpt = Annotated[
    bool,
    typer.Option(
        "--no-cache",
        help="Read and check every file, without the cache of unchanged files "
        "(also: PROGCMP_NO_CACHE=1; PROGCMP_CACHE_DIR moves the cache).",
    ),
]
NoPagerOpt = Annotated[
    bool,
    typer.Option(
        "--no-pager",
        help="On a terminal, print long output at once rather than through the pager "
        "(PAGER, else 'less -FRX'; never used when piped).",
    ),
]
ThemeOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--theme",
        "-t",
        metavar="THEME",
        help="Only this theme (id or label); repeat for several.",
    ),
]
BlindOpt = Annotated[
    bool,
    typer.Option(
        "--blind",
        help="Blind reading: candidates become Candidat A, B... in the order given; parties, "
        "sources' titles, publishers and URLs, and names inside texts are hidden.",
    ),
]
AllOpt = Annotated[
    bool,
    typer.Option(
        "--all",
        help="Every contender of the election, in the official (ballot) order, else in the "
        "data's order.",
    ),
]
ElectionOpt = Annotated[
    str | None,
    typer.Option(
        "--election",
        "-e",
        metavar="ELECTION",
        help="With --all: the election (id, or a part of it such as 2017). Default: the only "
        "one in the data.",
    ),
]
NamesArg = Annotated[
    list[str] | None,
    typer.Argument(
        help="Candidates, in the order to show them (default: every contender of the only "
        "election; NAME@ELECTION to pick an election).",
        autocompletion=complete_candidates,
        metavar="NAME...",
        show_default=False,
    ),
]
