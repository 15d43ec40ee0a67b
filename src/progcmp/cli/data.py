"""The commands about data files: validate, schema, package, suggest-themes and import."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..model import SourceKind, Status
from ..model.errors import DataError, Problem, UsageError
from .common import (
    STDOUT_NAMES,
    ProgressBar,
    SharedOptions,
    check_output,
    check_output_folder,
    contenders,
    load,
    shared_options,
    write_output,
    write_output_folder,
    write_stdout,
)
from .console import say
from .options import (
    DataOpt,
    DebugOpt,
    ForceOpt,
    IdLang,
    IdLangOpt,
    NoCacheOpt,
    OutputOpt,
    complete_candidates,
)


def validate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Data folders, themes.yaml files or candidate files (default: the data "
            "folder); '-' for a candidate file read from standard input.",
        ),
    ] = None,
    data: DataOpt = None,
    no_cache: NoCacheOpt = False,  # accepted, as on every command; validate never uses the cache
    debug: DebugOpt = False,
) -> None:
    """Check data files and report every problem as path:line:col: message (exit 1 if any).

    Example: progcmp validate programmes/fr-pres-2017/melenchon.yaml
    """
    from ..data.loader import STDIN, STDIN_SHOWN, validate_paths
    from ..data.output import data_root

    if sum(str(p) == STDIN for p in paths or ()) > 1:
        raise UsageError("'-' (standard input) can be given only once")
    root = data_root(data)
    problems = validate_paths(paths or [root], root)  # never the cache: the files themselves
    if problems:
        raise DataError(problems)
    from ..text import escape_controls

    checked = ", ".join(STDIN_SHOWN if str(p) == STDIN else str(p) for p in paths or [root])
    say(f"ok: {escape_controls(checked)}")


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

    from ..data.schema import (
        AGENDA_FILE,
        CANDIDATE_FILE,
        THEMES_FILE,
        TONE_LEXICON_FILE,
        json_schema,
    )

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
        write_stdout(text)
    else:
        write_output(output, text, force=force)


def package(
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            metavar="FOLDER",
            file_okay=False,
            help="The folder to write (made; an existing non-empty one only with --force, and "
            "only if it holds a datapackage.json).",
        ),
    ],
    force: ForceOpt = False,
    data: DataOpt = None,
    no_cache: NoCacheOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Write the data as a Frictionless Data Package: datapackage.json and one CSV per table.

    Tables: contenders, themes, sources, proposals, proposal_themes, annotations, assessments,
    assessment_themes and gaps, each with a Table Schema (types, keys, a description of every
    field). The title, licence and version come from themes.yaml (title, license, version);
    a LICENSE file of the data folder is copied. See docs/dataset.md.

    Example: progcmp package -o progcmp-data
    """
    from ..data.loader import catalogue_metadata
    from ..data.output import data_root
    from ..render.package import package_files
    from ..views.package import build_package

    dataset = load(data, no_cache)
    check_output_folder(output, force=force)  # before the work of building the tables
    root = data_root(data)
    built = build_package(dataset, catalogue_metadata(root), root.resolve().name)
    files: dict[str, str | bytes] = dict(package_files(built))
    licence = root / "LICENSE"
    if licence.is_file():
        try:
            files["LICENSE"] = licence.read_bytes()
        except OSError as exc:
            problem = Problem(str(licence), 1, 1, f"cannot read: {exc.strerror or exc}")
            raise DataError([problem]) from exc
    write_output_folder(output, files, force=force)
    from ..text import escape_controls

    say(f"ok: {escape_controls(str(output))}: {len(built.tables)} tables")


@shared_options(layout=False)
def suggest_themes(
    name: Annotated[str, typer.Argument(help="The candidate.", autocompletion=complete_candidates)],
    only_review: Annotated[
        bool,
        typer.Option(
            "--only-review", help="Only the proposals whose tags disagree with their text."
        ),
    ] = False,
    *,
    shared: SharedOptions,
) -> None:
    """Suggest themes for each proposal of a candidate and audit its tags.

    A tag the text gives no evidence for is "not supported"; a theme the text clearly touches
    but that is not tagged is "missing". Suggestions come from the catalogue's keywords, labels
    and descriptions, with a score from 0 to 1.

    Example: progcmp suggest-themes melenchon --only-review
    """
    from ..text.classify import suggest_themes as audit

    dataset = shared.load()
    view = audit(dataset, contenders(dataset, [name])[0], only_review=only_review)
    if not view.has_keywords:
        say(
            f"progcmp: note: the catalogue has no keywords in {view.text_lang!r} (the "
            "candidate's language): suggestions rest on labels, descriptions and other languages"
        )
    shared.emit(view)


def import_(
    file: Annotated[
        Path,
        typer.Argument(
            help="The programme: a PDF, a web page (HTML), Markdown or text, or a CSV file "
            "with one proposal a row; its kind is found from its content. - reads standard "
            "input.",
            dir_okay=False,
        ),
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
        str | None,
        typer.Option(
            "--url",
            help="Where the document is published (needed for PDF, HTML and text: every "
            "proposal cites it; pages and anchors are added in comments). For a CSV: the "
            "source of rows with no URL of their own.",
        ),
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
            "BOM, else Windows-1252 (with a note); for HTML, the charset the page declares.",
        ),
    ] = None,
    delimiter: Annotated[
        str | None,
        typer.Option(
            "--delimiter", help="The column separator ('tab' for a tab). Default: guessed."
        ),
    ] = None,
    text_lang: IdLangOpt = IdLang.FR,
    only_matching: Annotated[
        bool,
        typer.Option(
            "--only-matching",
            help="Leave out the rows that match no theme (e.g. the non-digital part of a "
            "whole programme). Without it they are kept as comments at the end of the file.",
        ),
    ] = False,
    max_pages: Annotated[
        int,
        typer.Option("--max-pages", min=1, help="Refuse a PDF of more pages (time, memory)."),
    ] = 500,
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
    """Turn a programme (PDF, web page, Markdown, text or CSV) into a draft candidate file.

    From a document, the measures are its list items and short paragraphs under headings; each
    gets its locator (p. 12 in a PDF, #anchor in a page, l. 34 in text) and, in a comment, its
    chapter and section and a link to its page. Broken extraction is repaired: words
    hyphenated across lines, ligatures, running headers and page numbers, two columns. From a
    CSV, each row is a proposal citing its source URL. Themes come from a theme column or are
    suggested from the catalogue (a comment gives the scores; REVIEW marks low confidence).
    The file is a draft: its summaries are the source's own words, to review and rewrite
    before publishing. It always passes 'progcmp validate'. PDF and HTML need the
    progcmp[import] extra.

    Example: progcmp import programme.pdf --url https://example.org/programme.pdf
    --name "Jeanne Exemple" --party "Parti exemple" --election fr-pres-2027
    -o programmes/fr-pres-2027/jeanne-exemple.yaml
    """
    from ..data.documents import Kind
    from ..data.documents.importing import plan_document, read_document, read_input
    from ..data.importer import ImportOptions, check_options, plan_import, read_table
    from ..text import clean, escape_controls
    from ..text.ids import make_id

    options = ImportOptions(
        # a name keeps its particles (Le Pen, von der Leyen): no stop word dropped
        id=id if id is not None else make_id(name, text_lang, stop_words=False),
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
        lang=text_lang,
    )
    check_options(options)
    dataset = load(data, no_cache)  # data problems first, as for every command with --data
    to_stdout = output is None or str(output) in STDOUT_NAMES
    source = read_input(file)
    if source.kind is not Kind.CSV and url is None:
        raise UsageError(
            f"give --url: the address where this {source.kind} document is published "
            "(the candidate file cites it as the source of every proposal)"
        )
    if not to_stdout:
        assert output is not None
        check_output(output, new_data=True)  # before the work of reading and classifying
    if source.kind is Kind.CSV:
        table = read_table(
            file,
            encoding=encoding,
            delimiter="\t" if delimiter in ("tab", "\\t") else delimiter,
            text_column=text_column,
            raw=source.raw,
        )
        if table.note:
            typer.echo(f"note: {escape_controls(table.note)}", err=True)
        with ProgressBar("classifying") as bar:
            advance = bar.steps(len(table.rows)) if bar.enabled else None
            result = plan_import(table, dataset, options, progress=advance)
    else:
        with ProgressBar("reading pages", threshold=20) as pages:
            document, note = read_document(
                source, encoding=encoding, max_pages=max_pages, progress=pages
            )
        if note:
            typer.echo(f"note: {escape_controls(note)}", err=True)
        result = plan_document(document, dataset, options)
    text = result.checked_yaml(dataset)
    if to_stdout:
        write_stdout(text)
    else:
        assert output is not None
        write_output(output, text, force=force, new_data=True)
        expected = result.canonical_path()
        if output.name != expected.name or output.parent.name != expected.parent.name:
            typer.echo(
                f"note: progcmp reads this file only as {expected} in a data folder",
                err=True,
            )
    typer.echo(clean(result.summary_line()), err=True)
