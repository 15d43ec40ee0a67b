"""The command line: a thin typer layer over the library, with one error boundary (``main``)."""

from __future__ import annotations

import contextlib
import gc
import io
import os
import shutil
import signal
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from ._version import __version__
from .errors import DataError, ExitCode, ProgcmpError, UsageError
from .models import SourceKind, Status

if TYPE_CHECKING:
    from .agenda import AgendaReport
    from .analysis import GapReport, View
    from .models import Candidate, Dataset

MAX_PROBLEMS_SHOWN = 50
SIMILAR_THRESHOLD = 75  # consensus.DEFAULT_THRESHOLD, not imported at start-up (a test checks)
DEFAULT_WIDTH = 100  # when the output is not a terminal
STDOUT_NAMES = ("-", "/dev/stdout")  # --output values that mean the standard output
DATA_SUFFIXES = (".yaml", ".yml")  # what the loader reads: never written into a data folder

# The data folders this run read (set by _load, reset by main): --output may not land there.
_read_roots: list[Path] = []

app = typer.Typer(
    name="progcmp",
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Format(StrEnum):
    TERMINAL = "terminal"
    MARKDOWN = "markdown"
    JSON = "json"
    CSV = "csv"
    HTML = "html"


class Layout(StrEnum):
    TABLE = "table"
    SECTIONS = "sections"


class Lang(StrEnum):
    FR = "fr"
    EN = "en"


def _complete_candidates(incomplete: str) -> list[str]:
    """Candidate ids for shell completion, read from file names only (no parsing: fast)."""
    from .loader import candidate_files
    from .output import data_root

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
        help="Output format. Default: from the --output extension (.md, .csv, .json, .html, "
        ".txt), else terminal.",
    ),
]
OutputOpt = Annotated[
    Path | None,
    typer.Option("--output", "-o", dir_okay=False, help="Write to this file ('-' for stdout)."),
]
ForceOpt = Annotated[bool, typer.Option("--force", help="Replace an existing --output file.")]
LayoutOpt = Annotated[
    Layout,
    typer.Option(
        "--layout",
        case_sensitive=False,
        help="Markdown layout: 'table' (compact) or 'sections' (a heading per theme, a list per "
        "candidate: better for long text).",
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
        min=40,
        max=1000,
        help=f"Width of terminal tables. Default: the terminal's, or {DEFAULT_WIDTH} when piped.",
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
ThemeOpt = Annotated[
    list[str] | None,
    typer.Option("--theme", "-t", help="Only this theme (id or label); repeat for several."),
]
BlindOpt = Annotated[
    bool,
    typer.Option(
        "--blind",
        help="Blind reading: candidates become Candidat A, B... in the order given; parties, "
        "sources' titles, publishers and URLs, and names inside texts are hidden.",
    ),
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"progcmp {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Compare candidates' digital programmes, theme by theme, with every proposal sourced.

    Data: --data DIR, else $PROGCMP_DATA, else ./programmes, else the bundled 2017 dataset.
    Exit codes: 0 ok, 1 data or I/O error, 2 usage error, 3 gaps found (gaps --fail-on-gaps),
    130 interrupted, 143 terminated.
    """


MIN_FILES_FOR_PROGRESS = 500  # below this, loading takes well under a second


def _load(data: Path | None, no_cache: bool = False) -> Dataset:
    from .loader import load_dataset
    from .output import data_root

    root = data_root(data)
    _read_roots.append(root)
    cache = None if no_cache else _cache_dir()
    # The data lives until the process ends and holds no reference cycles: the cyclic garbage
    # collector is off while it loads, then the data is frozen out of its sight, so that it is
    # not walked again, millions of objects at a time, at every later collection.
    gc.disable()
    try:
        if not sys.stderr.isatty():  # a progress bar on a terminal only, never piped
            dataset = load_dataset(root, cache=cache)
        else:
            with _ProgressBar(MIN_FILES_FOR_PROGRESS) as bar:
                dataset = load_dataset(root, cache=cache, progress=bar)
        gc.freeze()
    finally:
        gc.enable()
    return dataset


def _cache_dir() -> Path | None:
    from .cache import default_dir

    return default_dir()


class _ProgressBar:
    """A transient progress bar on stderr, shown once a load has ``threshold`` files or more."""

    def __init__(self, threshold: int) -> None:
        self.threshold = threshold
        self.bar: Any = None
        self.task: Any = None
        self.shown = 0

    def __call__(self, done: int, total: int) -> None:
        if total < self.threshold:
            return
        if self.bar is None:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

            self.bar = Progress(
                TextColumn("loading"),
                BarColumn(),
                MofNCompleteColumn(),
                console=Console(stderr=True),
                transient=True,
                auto_refresh=False,
            )
            self.bar.start()
            self.task = self.bar.add_task("loading", total=total)
        if done - self.shown >= max(1, total // 100) or done == total:
            self.bar.update(self.task, completed=done, refresh=True)
            self.shown = done

    def __enter__(self) -> _ProgressBar:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()


def _blind(
    dataset: Dataset, chosen: tuple[Candidate, ...], blind: bool, lang: Lang
) -> tuple[Dataset, tuple[Candidate, ...]]:
    """The dataset and candidates to show: anonymised copies with --blind."""
    if not blind:
        return dataset, chosen
    from .blind import anonymise

    return anonymise(dataset, chosen, lang.value)


def _check_output(output: Path, roots: list[Path]) -> None:
    """Refuse an output file that is, or would be read as, data: a .yaml file in a data folder
    (``-o programmes/fr-pres-2017/melenchon.yaml --force`` would destroy the programme)."""
    from .errors import OutputError

    if output.suffix.lower() not in DATA_SUFFIXES:
        return
    try:
        inside = [r for r in roots if _within(output, r)]
    except (OSError, RuntimeError):
        return  # writing reports what is wrong with the path
    if inside:
        what = "is a data file" if output.exists() else "would be read as data"
        raise OutputError(
            f"{output} {what} (it is in the data folder {inside[0]}); "
            "progcmp never writes there: choose another name"
        )


def _within(path: Path, folder: Path) -> bool:
    """Whether ``path`` is in ``folder``, by name or, for a case-insensitive file system or
    another mount of the same folder, by identity."""
    target = path.resolve()
    if target.is_relative_to(folder.resolve()):
        return True
    if not folder.is_dir():
        return False
    identity = folder.stat()
    return any(p.is_dir() and os.path.samestat(p.stat(), identity) for p in target.parents)


def _write_stdout(text: str) -> None:
    """Write to stdout; a closed or failing stdout is an error, not a crash. Characters the
    stream's encoding cannot show become '?', rather than failing half-way."""
    from .errors import OutputError

    stream = sys.stdout
    if stream is None:  # started with stdout closed
        raise OutputError("cannot write to the standard output: it is closed")
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        text = text.encode(encoding, "replace").decode(encoding)
    except LookupError:
        pass
    try:
        stream.write(text)
        stream.flush()
    except BrokenPipeError:
        # The reader went away (`progcmp report | head`): not an error. Point stdout at
        # devnull so that the interpreter's final flush does not fail too.
        os.dup2(os.open(os.devnull, os.O_WRONLY), stream.fileno())
        raise typer.Exit(ExitCode.OK) from None
    except (OSError, ValueError) as exc:  # ENOSPC, EIO; ValueError: closed meanwhile
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "it is closed"
        raise OutputError(f"cannot write to the standard output: {reason}") from exc


def _emit(
    view: View,
    fmt: Format | None,
    output: Path | None,
    force: bool,
    lang: Lang,
    width: int | None,
    *,
    layout: Layout = Layout.TABLE,
    csv_bom: bool = False,
) -> None:
    """Render a view and send it to stdout or, atomically, to --output.

    Every option is checked and the whole text rendered before anything is written.
    """
    from .output import write_file
    from .render import RenderOptions, format_for, render

    to_stdout = output is None or str(output) in STDOUT_NAMES
    if fmt is None and not to_stdout:
        assert output is not None
        implied = format_for(output)
        if implied is None:
            raise UsageError(f"cannot tell the format from the name {str(output)!r}; add --format")
        fmt = Format(implied)
    fmt = fmt or Format.TERMINAL
    if layout is not Layout.TABLE and fmt is not Format.MARKDOWN:
        raise UsageError(f"--layout applies to Markdown output only, not {fmt.value}")
    if csv_bom and fmt is not Format.CSV:
        raise UsageError(f"--csv-bom applies to CSV output only, not {fmt.value}")
    tty = to_stdout and sys.stdout is not None and sys.stdout.isatty()
    color = tty and fmt is Format.TERMINAL and "NO_COLOR" not in os.environ
    if width is None:
        width = (
            shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns
            if tty
            else int(os.environ.get("COLUMNS", DEFAULT_WIDTH))
        )
    options = RenderOptions(
        lang=lang.value, width=width, color=color, layout=layout.value, csv_bom=csv_bom
    )
    if not to_stdout:
        assert output is not None
        _check_output(output, _read_roots)
    text = render(view, fmt.value, options)
    if to_stdout:
        _write_stdout(text)
    else:
        assert output is not None
        write_file(output, text, force=force)


@app.command()
def compare(
    names: Annotated[
        list[str],
        typer.Argument(
            help="Candidates, in the order of the columns: id, name, alias or near miss; "
            "NAME@ELECTION to pick an election.",
            autocompletion=_complete_candidates,
        ),
    ],
    theme: ThemeOpt = None,
    blind: BlindOpt = False,
    format: FormatOpt = None,
    output: OutputOpt = None,
    force: ForceOpt = False,
    layout: LayoutOpt = Layout.TABLE,
    csv_bom: CsvBomOpt = False,
    data: DataOpt = None,
    lang: LangOpt = Lang.FR,
    width: WidthOpt = None,
    no_cache: NoCacheOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Put candidates side by side: one row per theme, their proposals and typed gaps.

    Example: progcmp compare melenchon macron --theme open-government -o cmp.md
    """
    from .analysis import compare as build_comparison
    from .analysis import find_candidates, select_themes

    dataset = _load(data, no_cache)
    themes = select_themes(dataset, theme or [])
    dataset, chosen = _blind(dataset, find_candidates(dataset, names), blind, lang)
    view = build_comparison(dataset, chosen, themes)
    _emit(view, format, output, force, lang, width, layout=layout, csv_bom=csv_bom)


@app.command()
def gaps(
    names: Annotated[
        list[str] | None,
        typer.Argument(help="Candidates (default: all).", autocompletion=_complete_candidates),
    ] = None,
    theme: ThemeOpt = None,
    fail_on_gaps: Annotated[
        bool,
        typer.Option(
            "--fail-on-gaps", help="Exit with 3 if any gap is found (for a data repository's CI)."
        ),
    ] = False,
    agenda: Annotated[
        Path | None,
        typer.Option(
            "--agenda",
            dir_okay=False,
            help="Measure the candidates against this agenda file (a list of asks mapped to "
            "themes; see 'progcmp schema --agenda') instead of the theme catalogue.",
        ),
    ] = None,
    blind: BlindOpt = False,
    format: FormatOpt = None,
    output: OutputOpt = None,
    force: ForceOpt = False,
    layout: LayoutOpt = Layout.TABLE,
    csv_bom: CsvBomOpt = False,
    data: DataOpt = None,
    lang: LangOpt = Lang.FR,
    width: WidthOpt = None,
    no_cache: NoCacheOpt = False,
    debug: DebugOpt = False,
) -> None:
    """List the themes each candidate has no proposal on, why, and the sources that rests on.

    A gap means "nothing found in the reviewed sources", unless the data says the candidate
    declined, the sources were not reviewed, or the matter is contested.

    With --agenda FILE, each item of the agenda is covered by some proposals, or is a gap.

    Example: progcmp gaps melenchon; progcmp gaps --agenda asks.yaml melenchon macron
    """
    from .analysis import find_candidates, find_gaps, select_themes

    dataset = _load(data, no_cache)
    themes = select_themes(dataset, theme or [])
    chosen = find_candidates(dataset, names) if names else dataset.candidates
    themes = select_themes(dataset, theme or [])
    dataset, chosen = _blind(dataset, chosen, blind, lang)
    report: GapReport | AgendaReport
    if agenda is not None:
        from .agenda import measure_agenda
        from .loader import load_agenda

        report = measure_agenda(
            dataset, load_agenda(agenda, dataset.themes), chosen, themes if theme else None
        )
    else:
        report = find_gaps(dataset, chosen, themes)
    _emit(report, format, output, force, lang, width, layout=layout, csv_bom=csv_bom)
    if fail_on_gaps and report.count:
        raise typer.Exit(ExitCode.GAPS_FOUND)


@app.command()
def show(
    name: Annotated[
        str, typer.Argument(help="The candidate.", autocompletion=_complete_candidates)
    ],
    theme: ThemeOpt = None,
    blind: BlindOpt = False,
    format: FormatOpt = None,
    output: OutputOpt = None,
    force: ForceOpt = False,
    layout: LayoutOpt = Layout.TABLE,
    csv_bom: CsvBomOpt = False,
    data: DataOpt = None,
    lang: LangOpt = Lang.FR,
    width: WidthOpt = None,
    no_cache: NoCacheOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Show one candidate's proposals by theme, annotations, assessments and sources.

    Example: progcmp show le-pen --lang en
    """
    from .analysis import CandidateView, find_candidate, select_themes

    dataset = _load(data, no_cache)
    themes = select_themes(dataset, theme or [])
    _, (candidate,) = _blind(dataset, (find_candidate(dataset, name),), blind, lang)
    view = CandidateView(candidate, themes)
    _emit(view, format, output, force, lang, width, layout=layout, csv_bom=csv_bom)


NamesArg = Annotated[
    list[str] | None,
    typer.Argument(
        help="Candidates, in the order to show them (default: all).",
        autocompletion=_complete_candidates,
    ),
]


@app.command()
def matrix(
    names: NamesArg = None,
    theme: ThemeOpt = None,
    blind: BlindOpt = False,
    format: FormatOpt = None,
    output: OutputOpt = None,
    force: ForceOpt = False,
    layout: LayoutOpt = Layout.TABLE,
    csv_bom: CsvBomOpt = False,
    data: DataOpt = None,
    lang: LangOpt = Lang.FR,
    width: WidthOpt = None,
    no_cache: NoCacheOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Salience: how many proposals each candidate makes on each theme, and what share of the
    candidate's digital programme that is.

    A proposal on several themes counts once for each, so a candidate's shares can add up to
    more than 100%. On a colour terminal, cells darken as the share grows (under 10%, 10%,
    20%, 30% and more).

    Example: progcmp matrix melenchon macron fillon le-pen
    """
    from .analysis import find_candidates, select_themes
    from .salience import salience

    dataset = _load(data, no_cache)
    themes = select_themes(dataset, theme or [])
    chosen = find_candidates(dataset, names) if names else dataset.candidates
    dataset, chosen = _blind(dataset, chosen, blind, lang)
    _emit(
        salience(dataset, chosen, themes),
        format,
        output,
        force,
        lang,
        width,
        layout=layout,
        csv_bom=csv_bom,
    )


@app.command()
def similar(
    names: NamesArg = None,
    threshold: Annotated[
        int,
        typer.Option(
            "--threshold",
            min=1,
            max=100,
            help="Lowest score (1-100) for two proposals to count as alike.",
        ),
    ] = SIMILAR_THRESHOLD,
    theme: ThemeOpt = None,
    blind: BlindOpt = False,
    format: FormatOpt = None,
    output: OutputOpt = None,
    force: ForceOpt = False,
    layout: LayoutOpt = Layout.TABLE,
    csv_bom: CsvBomOpt = False,
    data: DataOpt = None,
    lang: LangOpt = Lang.FR,
    width: WidthOpt = None,
    no_cache: NoCacheOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Proposals several candidates make alike (consensus), and those only one makes
    (distinctive), theme by theme.

    Summaries are compared without accents and stop words, with rapidfuzz's token_set_ratio:
    100 when every word of one summary is in the other. It measures shared words, not
    agreement on meaning. Only proposals of different candidates on a same theme are compared.

    Example: progcmp similar melenchon hamon jadot --threshold 80
    """
    from dataclasses import replace

    from .analysis import find_candidates, select_themes
    from .consensus import find_similar

    dataset = _load(data, no_cache)
    themes = select_themes(dataset, theme or [])
    if names is not None and len(names) == 1:
        raise UsageError("give at least two candidates to compare, or none for all of them")
    chosen = find_candidates(dataset, names) if names else dataset.candidates
    report = find_similar(chosen, themes, threshold)
    if blind:  # scored on the original texts, so that blind mode finds the same pairs
        report = replace(report, candidates=_blind(dataset, chosen, blind, lang)[1])
    _emit(report, format, output, force, lang, width, layout=layout, csv_bom=csv_bom)


@app.command()
def search(
    query: Annotated[list[str], typer.Argument(help="Words to look for (quotes are not needed).")],
    candidate: Annotated[
        list[str] | None,
        typer.Option(
            "--candidate",
            "-c",
            help="Only this candidate; repeat for several.",
            autocompletion=_complete_candidates,
        ),
    ] = None,
    theme: ThemeOpt = None,
    limit: Annotated[
        int, typer.Option("--limit", "-n", min=1, help="Show at most this many proposals.")
    ] = 20,
    blind: BlindOpt = False,
    format: FormatOpt = None,
    output: OutputOpt = None,
    force: ForceOpt = False,
    layout: LayoutOpt = Layout.TABLE,
    csv_bom: CsvBomOpt = False,
    data: DataOpt = None,
    lang: LangOpt = Lang.FR,
    width: WidthOpt = None,
    no_cache: NoCacheOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Find proposals by words, in summaries, quotes and theme labels (French and English),
    best match first.

    Case, accents, typos and plurals do not matter; every word must be found. A word of four
    letters or more also finds the words it starts ('cyber' finds 'cybersécurité').

    Example: progcmp search logiciel libre --candidate melenchon
    """
    from .analysis import find_candidates, select_themes
    from .search import search as run_search

    dataset = _load(data, no_cache)
    themes = select_themes(dataset, theme or [])
    chosen = find_candidates(dataset, candidate) if candidate else dataset.candidates
    dataset, chosen = _blind(dataset, chosen, blind, lang)
    _emit(
        run_search(chosen, themes, " ".join(query), limit),
        format,
        output,
        force,
        lang,
        width,
        layout=layout,
        csv_bom=csv_bom,
    )


@app.command()
def candidates(
    format: FormatOpt = None,
    output: OutputOpt = None,
    force: ForceOpt = False,
    layout: LayoutOpt = Layout.TABLE,
    csv_bom: CsvBomOpt = False,
    data: DataOpt = None,
    lang: LangOpt = Lang.FR,
    width: WidthOpt = None,
    no_cache: NoCacheOpt = False,
    debug: DebugOpt = False,
) -> None:
    """List the candidates in the data, with their number of proposals and themes covered."""
    from .analysis import CandidateList

    dataset = _load(data, no_cache)
    view = CandidateList(dataset.candidates, len(dataset.themes))
    _emit(view, format, output, force, lang, width, layout=layout, csv_bom=csv_bom)


@app.command()
def themes(
    format: FormatOpt = None,
    output: OutputOpt = None,
    force: ForceOpt = False,
    layout: LayoutOpt = Layout.TABLE,
    csv_bom: CsvBomOpt = False,
    data: DataOpt = None,
    lang: LangOpt = Lang.FR,
    width: WidthOpt = None,
    no_cache: NoCacheOpt = False,
    debug: DebugOpt = False,
) -> None:
    """List the theme catalogue, with how many candidates and proposals cover each theme."""
    from .analysis import ThemeList

    dataset = _load(data, no_cache)
    view = ThemeList(dataset.themes, dataset.candidates)
    _emit(view, format, output, force, lang, width, layout=layout, csv_bom=csv_bom)


@app.command()
def report(
    election: Annotated[
        str | None,
        typer.Option(
            "--election",
            "-e",
            help="The election (id, or a part of it such as 2017). Default: the only one "
            "in the data.",
        ),
    ] = None,
    theme: ThemeOpt = None,
    format: FormatOpt = None,
    output: OutputOpt = None,
    force: ForceOpt = False,
    layout: LayoutOpt = Layout.TABLE,
    csv_bom: CsvBomOpt = False,
    data: DataOpt = None,
    lang: LangOpt = Lang.FR,
    width: WidthOpt = None,
    no_cache: NoCacheOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Report on a whole election: every candidate, coverage matrix, gaps, proposals by theme,
    assessments and sources; made to be published as an HTML page or Markdown.

    Example: progcmp report -o report.html
    """
    from .analysis import election_report, select_themes

    dataset = _load(data, no_cache)
    view = election_report(dataset, election, select_themes(dataset, theme or []))
    _emit(view, format, output, force, lang, width, layout=layout, csv_bom=csv_bom)


class TextLang(StrEnum):
    FR = "fr"
    EN = "en"


@app.command()
def tone(
    names: Annotated[
        list[str] | None,
        typer.Argument(help="Candidates (default: all).", autocompletion=_complete_candidates),
    ] = None,
    lexicon: Annotated[
        Path | None,
        typer.Option(
            "--lexicon",
            dir_okay=False,
            help="A tone lexicon file to use instead of the bundled one "
            "(format: 'progcmp schema --lexicon').",
        ),
    ] = None,
    text_lang: Annotated[
        TextLang,
        typer.Option(
            "--text-lang",
            case_sensitive=False,
            help="Language the summaries are written in: which of the lexicon's lists to use.",
        ),
    ] = TextLang.FR,
    theme: ThemeOpt = None,
    format: FormatOpt = None,
    output: OutputOpt = None,
    force: ForceOpt = False,
    layout: LayoutOpt = Layout.TABLE,
    csv_bom: CsvBomOpt = False,
    data: DataOpt = None,
    lang: LangOpt = Lang.FR,
    width: WidthOpt = None,
    no_cache: NoCacheOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Read each proposal's wording as defensive / restrictive or constructive / enabling.

    A lexical heuristic, never a verdict: every label shows the words that triggered it, and the
    lexicon is a file you can read and replace (--lexicon).

    Example: progcmp tone melenchon macron --theme free-software
    """
    from .analysis import find_candidates, select_themes
    from .tone import load_bundled_lexicon, read_tone

    dataset = _load(data, no_cache)
    chosen = find_candidates(dataset, names) if names else dataset.candidates
    if lexicon is None:
        words = load_bundled_lexicon()
    else:
        from .loader import load_lexicon

        words = load_lexicon(lexicon)
    view = read_tone(
        dataset, chosen, words, select_themes(dataset, theme or []), text_lang=text_lang.value
    )
    _emit(view, format, output, force, lang, width, layout=layout, csv_bom=csv_bom)


def _programme(dataset: Dataset, reference: str) -> Candidate:
    """A candidate named in the data (NAME or NAME@ELECTION), or a candidate file's path."""
    if reference.endswith((".yaml", ".yml")) or "/" in reference or os.sep in reference:
        from .loader import load_candidate_file

        return load_candidate_file(Path(reference), dataset.themes)
    from .analysis import find_candidate

    return find_candidate(dataset, reference)


@app.command()
def diff(
    old: Annotated[
        str,
        typer.Argument(
            help="The old version: NAME@ELECTION, or a candidate file's path.",
            autocompletion=_complete_candidates,
        ),
    ],
    new: Annotated[
        str,
        typer.Argument(
            help="The new version: NAME@ELECTION, or a candidate file's path.",
            autocompletion=_complete_candidates,
        ),
    ],
    threshold: Annotated[
        float,
        typer.Option(
            "--threshold",
            min=0,
            max=100,
            help="Similarity (0-100) from which two summaries with different ids are taken as "
            "one proposal reworded.",
        ),
    ] = 70,
    theme: ThemeOpt = None,
    format: FormatOpt = None,
    output: OutputOpt = None,
    force: ForceOpt = False,
    layout: LayoutOpt = Layout.TABLE,
    csv_bom: CsvBomOpt = False,
    data: DataOpt = None,
    lang: LangOpt = Lang.FR,
    width: WidthOpt = None,
    no_cache: NoCacheOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Show how a programme changed: proposals added, removed and reworded, by theme.

    Proposals are paired by id, then by the similarity of their summaries.

    Example: progcmp diff melenchon@2017 melenchon@2022; progcmp diff old/alice.yaml alice
    """
    from .analysis import select_themes
    from .diff import diff_programmes
    from .text import show

    dataset = _load(data, no_cache)
    before, after = _programme(dataset, old), _programme(dataset, new)
    if before == after:
        raise UsageError(f"{show(old)} and {show(new)} are the same programme")
    view = diff_programmes(
        dataset, before, after, select_themes(dataset, theme or []), threshold=threshold
    )
    _emit(view, format, output, force, lang, width, layout=layout, csv_bom=csv_bom)


@app.command()
def validate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Data folders, themes.yaml files or candidate files (default: the data folder)."
        ),
    ] = None,
    data: DataOpt = None,
    no_cache: NoCacheOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Check data files and report every problem as path:line:col: message (exit 1 if any).

    Example: progcmp validate programmes/fr-pres-2017/melenchon.yaml
    """
    from .loader import validate_paths
    from .output import data_root

    root = data_root(data)
    problems = validate_paths(paths or [root], root, cache=None if no_cache else _cache_dir())
    if problems:
        raise DataError(problems)
    from .text import escape_controls

    checked = ", ".join(str(p) for p in paths or [root])
    _say(f"ok: {escape_controls(checked)}")


@app.command()
def schema(
    themes_file: Annotated[
        bool,
        typer.Option("--themes", help="The schema of themes.yaml instead of a candidate file."),
    ] = False,
    agenda_file: Annotated[
        bool, typer.Option("--agenda", help="The schema of agenda files (gaps --agenda).")
    ] = False,
    lexicon_file: Annotated[
        bool, typer.Option("--lexicon", help="The schema of tone lexicons (tone --lexicon).")
    ] = False,
    output: OutputOpt = None,
    force: ForceOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Print the JSON Schema of candidate files (or of themes.yaml, agendas, lexicons).

    Use it with yaml-language-server: progcmp schema -o candidate.schema.json, then put
    '# yaml-language-server: $schema=candidate.schema.json' at the top of a candidate file.
    """
    import json

    from .output import data_root, write_file
    from .schema import AGENDA_FILE, CANDIDATE_FILE, THEMES_FILE, TONE_LEXICON_FILE, json_schema

    chosen = [
        spec
        for flag, spec in (
            (themes_file, THEMES_FILE),
            (agenda_file, AGENDA_FILE),
            (lexicon_file, TONE_LEXICON_FILE),
        )
        if flag
    ]
    if len(chosen) > 1:
        raise UsageError("give at most one of --themes, --agenda and --lexicon")
    text = (
        json.dumps(
            json_schema(chosen[0] if chosen else CANDIDATE_FILE), ensure_ascii=False, indent=2
        )
        + "\n"
    )
    if output is None or str(output) in STDOUT_NAMES:
        _write_stdout(text)
    else:
        _check_output(output, [data_root()])
        write_file(output, text, force=force)


@app.command("suggest-themes")
def suggest_themes(
    name: Annotated[
        str, typer.Argument(help="The candidate.", autocompletion=_complete_candidates)
    ],
    only_review: Annotated[
        bool,
        typer.Option(
            "--only-review", help="Only the proposals whose tags disagree with their text."
        ),
    ] = False,
    format: FormatOpt = None,
    output: OutputOpt = None,
    force: ForceOpt = False,
    data: DataOpt = None,
    lang: LangOpt = Lang.FR,
    width: WidthOpt = None,
    no_cache: NoCacheOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Suggest themes for each proposal of a candidate and audit its tags.

    A tag the text gives no evidence for is "not supported"; a theme the text clearly touches
    but that is not tagged is "missing". Suggestions come from the catalogue's keywords, labels
    and descriptions, with a score from 0 to 1.

    Example: progcmp suggest-themes melenchon --only-review
    """
    from .analysis import find_candidate
    from .classify import suggest_themes as audit

    dataset = _load(data, no_cache)
    view = audit(dataset, find_candidate(dataset, name), only_review=only_review)
    _emit(view, format, output, force, lang, width)


@app.command("import")
def import_(
    file: Annotated[
        Path,
        typer.Argument(help="A CSV file, one proposal a row, with a header row.", dir_okay=False),
    ],
    name: Annotated[str, typer.Option("--name", help="The candidate's display name.")],
    party: Annotated[str, typer.Option("--party", help="The candidate's party.")],
    election: Annotated[
        str,
        typer.Option("--election", help="The election id (its data folder), e.g. fr-pres-2017."),
    ],
    id: Annotated[
        str | None,
        typer.Option("--id", help="The candidate id (the file's name). Default: from --name."),
    ] = None,
    alias: Annotated[
        list[str] | None, typer.Option("--alias", help="Another name users type; repeatable.")
    ] = None,
    status: Annotated[
        Status | None, typer.Option("--status", case_sensitive=False, help="Default: candidate.")
    ] = None,
    text_column: Annotated[
        str, typer.Option("--text-column", help="The column holding the proposal's text.")
    ] = "proposition",
    source_column: Annotated[
        str, typer.Option("--source-column", help="The column holding the source URL.")
    ] = "source",
    theme_column: Annotated[
        str | None,
        typer.Option(
            "--theme-column",
            help="A column of theme ids or labels (separated by , ; or |); rows with themes "
            "are not classified. Default: a column named 'themes' or 'theme', if any.",
        ),
    ] = None,
    url: Annotated[
        str | None, typer.Option("--url", help="The source of rows with no URL of their own.")
    ] = None,
    source_kind: Annotated[
        SourceKind,
        typer.Option("--source-kind", case_sensitive=False, help="The kind of every source."),
    ] = SourceKind.PROGRAMME,
    publisher: Annotated[
        str | None, typer.Option("--publisher", help="The publisher of every source.")
    ] = None,
    date: Annotated[
        str | None,
        typer.Option("--date", help="The date of every source: YYYY, YYYY-MM or YYYY-MM-DD."),
    ] = None,
    encoding: Annotated[
        str | None,
        typer.Option(
            "--encoding",
            help="The file's encoding. Default: UTF-8 (with or without BOM), UTF-16 with a "
            "BOM, else Windows-1252 (with a note).",
        ),
    ] = None,
    delimiter: Annotated[
        str | None,
        typer.Option(
            "--delimiter", help="The column separator ('tab' for a tab). Default: guessed."
        ),
    ] = None,
    only_matching: Annotated[
        bool,
        typer.Option(
            "--only-matching",
            help="Leave out the rows that match no theme (e.g. the non-digital part of a "
            "whole programme). Without it they are kept as comments at the end of the file.",
        ),
    ] = False,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            dir_okay=False,
            help="Write the candidate file here (best: DATA/ELECTION/ID.yaml); default stdout.",
        ),
    ] = None,
    force: ForceOpt = False,
    data: DataOpt = None,
    no_cache: NoCacheOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Turn a spreadsheet of proposals (CSV) into a candidate file, with suggested themes.

    Each row becomes a proposal citing its source URL; themes come from a theme column or are
    suggested from the catalogue (a comment above each proposal gives the scores; REVIEW marks
    low confidence). The file is a draft: its summaries are the source's own words, to review
    and rewrite before publishing. It always passes 'progcmp validate'.

    Example: progcmp import jean_luc_melenchon.csv --only-matching --id melenchon
    --name "Jean-Luc Mélenchon" --party "La France insoumise" --election fr-pres-2017
    -o drafts/fr-pres-2017/melenchon.yaml
    """
    from .importer import ImportOptions, plan_import, read_table
    from .output import write_file
    from .text import clean, fold

    options = ImportOptions(
        id=id if id is not None else "-".join(fold(name).split())[:64].strip("-"),
        name=name,
        party=party,
        election=election,
        aliases=tuple(alias or ()),
        status=status,
        text_column=text_column,
        source_column=source_column,
        theme_column=theme_column,
        url=url,
        source_kind=source_kind,
        publisher=publisher,
        date=date,
        only_matching=only_matching,
    )
    dataset = _load(data, no_cache)
    table = read_table(
        file,
        encoding=encoding,
        delimiter="\t" if delimiter in ("tab", "\\t") else delimiter,
        text_column=text_column,
    )
    if table.note:
        typer.echo(f"note: {clean(table.note)}", err=True)
    with _progress(len(table.rows), "classifying") as advance:
        result = plan_import(table, dataset, options, progress=advance)
    text = result.checked_yaml(dataset)
    if output is None or str(output) in STDOUT_NAMES:
        _write_stdout(text)
    else:
        write_file(output, text, force=force)
        expected = result.canonical_path()
        if output.name != expected.name or output.parent.name != expected.parent.name:
            typer.echo(
                f"note: progcmp reads this file only as {expected} in a data folder",
                err=True,
            )
    typer.echo(clean(result.summary_line()), err=True)


class _progress:
    """A transient progress bar on stderr when it is a terminal; nothing otherwise."""

    def __init__(self, total: int, what: str) -> None:
        self.total, self.what = total, what
        self.bar: Any = None

    def __enter__(self) -> Callable[[int], None]:
        if not sys.stderr.isatty():
            return lambda n: None
        from rich.console import Console
        from rich.progress import Progress

        self.bar = Progress(console=Console(stderr=True), transient=True)
        self.bar.start()
        task = self.bar.add_task(self.what, total=self.total)
        return lambda n: self.bar.advance(task, n)

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()


def _say(line: str) -> None:
    """One line on stderr (if there is a stderr: it may have been closed)."""
    if sys.stderr is not None:
        with contextlib.suppress(OSError, ValueError):
            sys.stderr.write(line + "\n")
            sys.stderr.flush()


def _fail(message: str, code: int) -> NoReturn:
    from .text import escape_controls

    _say(f"progcmp: error: {escape_controls(message)}")
    raise SystemExit(code)


def _report(exc: ProgcmpError) -> NoReturn:
    """Print a known error: each data problem on its own line, capped; else one line.

    What a message quotes (a file name, a value) is shown, never obeyed: control and invisible
    characters appear as escapes, so a line stays one line and the terminal stays untouched.
    """
    from .text import escape_controls

    if isinstance(exc, DataError):
        shown = exc.problems[:MAX_PROBLEMS_SHOWN]
        for problem in shown:
            _say(escape_controls(str(problem)))
        more = len(exc.problems) - len(shown)
        files = len({p.path for p in exc.problems})
        summary = (
            f"{len(exc.problems)} problem{'s' * (len(exc.problems) != 1)} in {files} "
            f"file{'s' * (files != 1)}"
        )
        _fail(summary + (f" (and {more} more not shown)" if more else ""), exc.exit_code)
    _fail(str(exc), exc.exit_code)


class _Terminated(BaseException):
    """SIGTERM, turned into an exception so that temporary files are removed on the way out."""


def _on_sigterm(signum: int, frame: object) -> NoReturn:
    raise _Terminated


def main(argv: list[str] | None = None) -> None:
    """Run the CLI: the one place where errors become messages and exit codes."""
    args = sys.argv[1:] if argv is None else argv
    if args == ["--version"]:  # the option's answer, without building every command first
        sys.stdout.write(f"progcmp {__version__}\n")
        raise SystemExit(ExitCode.OK)
    debug = "--debug" in args
    _read_roots.clear()
    try:
        previous = signal.signal(signal.SIGTERM, _on_sigterm)
    except ValueError:  # not the main thread: leave signals alone
        previous = None
    try:
        _run(args, debug)
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _run(args: list[str], debug: bool) -> NoReturn:
    command = typer.main.get_command(app)
    try:
        code = command.main(args=args, prog_name="progcmp", standalone_mode=False)
    except ProgcmpError as exc:
        if debug:
            raise
        _report(exc)
    except typer.Abort:  # click's translation of Ctrl-C
        _fail("interrupted", ExitCode.INTERRUPTED)
    except KeyboardInterrupt:
        _fail("interrupted", ExitCode.INTERRUPTED)
    except _Terminated:
        _fail("terminated", ExitCode.TERMINATED)
    except typer.TyperException as exc:  # usage errors, worded by click
        # They quote what was typed: escape what a terminal would obey, as in our messages.
        from .text import escape_controls

        buffer = io.StringIO()
        exc.show(file=buffer)  # type: ignore[attr-defined]
        for line in buffer.getvalue().rstrip("\n").split("\n"):
            _say(escape_controls(line))
        raise SystemExit(getattr(exc, "exit_code", ExitCode.USAGE)) from None
    except Exception as exc:
        if debug:
            raise
        _fail(
            f"internal error ({type(exc).__name__}); re-run with --debug and report it",
            ExitCode.DATA_ERROR,
        )
    if code == ExitCode.INTERRUPTED:  # typer's translation of Ctrl-C in a command
        _fail("interrupted", ExitCode.INTERRUPTED)
    raise SystemExit(code if isinstance(code, int) else ExitCode.OK)
