"""The table commands: compare, gaps, show, matrix, candidates, themes and report."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..model.errors import ExitCode
from .common import (
    SharedOptions,
    blinded,
    check_selection,
    chosen_contenders,
    contenders,
    shared_options,
)
from .options import AllOpt, BlindOpt, ElectionOpt, NamesArg, ThemeOpt, complete_candidates

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ..model import Candidate, Dataset
    from ..views.agenda import AgendaReport
    from ..views.gaps import GapReport


@shared_options()
def compare(
    names: Annotated[
        list[str] | None,
        typer.Argument(
            help="Candidates, in the order of the columns: id, name, alias or the unique "
            "start of one; NAME@ELECTION to pick an election; 'all' (or --all) for every one.",
            autocompletion=complete_candidates,
            metavar="NAME...",
            show_default=False,
        ),
    ] = None,
    every: AllOpt = False,
    election: ElectionOpt = None,
    theme: ThemeOpt = None,
    blind: BlindOpt = False,
    *,
    shared: SharedOptions,
) -> None:
    """Put candidates side by side: one row per theme, their proposals and typed gaps.

    Example: progcmp compare melenchon macron --theme open-government -o cmp.md;
    progcmp compare --all --theme open-government
    """
    from ..model.errors import UsageError
    from ..views.compare import compare as build_comparison
    from ..views.names import select_themes

    names = names or []
    check_selection(names, every, election)  # before loading, as compare always did

    def resolve(everyone: Dataset, queries: Sequence[str]) -> tuple[Candidate, ...]:
        select_themes(everyone, theme or [])  # an unknown theme is reported first
        return chosen_contenders(everyone, queries, every, election)

    if blind or every or not names:  # blind masks every candidate's names: it needs them all
        dataset = shared.load()  # first, as every command: broken data is said before the rest
        if not every and not names:
            raise UsageError("name the contenders to compare, or give --all for all of them")
        chosen = resolve(dataset, names)
    else:  # only the two or three named are decoded from the cache
        dataset, chosen = shared.load_named(names, resolve)
    themes = select_themes(dataset, theme or [])
    dataset, chosen = blinded(dataset, chosen, blind, shared.lang)
    view = build_comparison(dataset, chosen, themes)
    shared.emit(view)


@shared_options()
def gaps(
    names: NamesArg = None,
    every: AllOpt = False,
    election: ElectionOpt = None,
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
    sources: Annotated[
        bool,
        typer.Option(
            "--sources", help="Also list, per candidate, every source reviewed (numbered)."
        ),
    ] = False,
    *,
    shared: SharedOptions,
) -> None:
    """List who proposes nothing on which theme, why, and how many sources each gap rests on.

    A gap means "nothing found in the reviewed sources", unless the data says the candidate
    declined, the sources were not reviewed, or the matter is contested.

    With --agenda FILE, each item of the agenda is covered by some proposals, or is a gap.

    Example: progcmp gaps melenchon; progcmp gaps --agenda asks.yaml melenchon macron
    """
    from ..views.gaps import find_gaps
    from ..views.names import select_themes

    dataset = shared.load()
    themes = select_themes(dataset, theme or [])
    chosen = chosen_contenders(dataset, names or [], every, election)
    dataset, chosen = blinded(dataset, chosen, blind, shared.lang)
    report: GapReport | AgendaReport
    if agenda is not None:
        from ..data.loader import load_agenda
        from ..views.agenda import measure_agenda

        report = measure_agenda(
            dataset, load_agenda(agenda, dataset.themes), chosen, themes if theme else None
        )
    else:
        report = replace(find_gaps(dataset, chosen, themes), list_sources=sources)
    shared.emit(report)
    if fail_on_gaps and report.count:
        raise typer.Exit(ExitCode.GAPS_FOUND)


@shared_options()
def show(
    name: Annotated[str, typer.Argument(help="The candidate.", autocompletion=complete_candidates)],
    theme: ThemeOpt = None,
    blind: BlindOpt = False,
    *,
    shared: SharedOptions,
) -> None:
    """Show one candidate's proposals by theme, annotations, assessments and sources.

    Example: progcmp show le-pen --lang en
    """
    from ..views.names import select_themes
    from ..views.show import CandidateView

    dataset = shared.load()
    themes = select_themes(dataset, theme or [])
    _, (candidate,) = blinded(dataset, (contenders(dataset, [name])[0],), blind, shared.lang)
    view = CandidateView(candidate, themes, filtered=bool(theme))
    shared.emit(view)


@shared_options()
def matrix(
    names: NamesArg = None,
    every: AllOpt = False,
    election: ElectionOpt = None,
    theme: ThemeOpt = None,
    blind: BlindOpt = False,
    *,
    shared: SharedOptions,
) -> None:
    """Salience: how many proposals each candidate makes on each theme, and what share of the
    candidate's digital programme that is.

    A proposal on several themes counts once for each, so a candidate's shares can add up to
    more than 100%. On a colour terminal, cells darken as the share grows (under 10%, 10%,
    20%, 30% and more).

    Example: progcmp matrix melenchon macron fillon le-pen
    """
    from ..views.matrix import salience
    from ..views.names import select_themes

    dataset = shared.load()
    themes = select_themes(dataset, theme or [])
    chosen = chosen_contenders(dataset, names or [], every, election)
    dataset, chosen = blinded(dataset, chosen, blind, shared.lang)
    shared.emit(salience(dataset, chosen, themes))


@shared_options()
def candidates(
    election: Annotated[
        str | None,
        typer.Option(
            "--election",
            "-e",
            metavar="ELECTION",
            help="Only this election (id, or a part of it such as 2017), in its official "
            "order. Default: every election.",
        ),
    ] = None,
    *,
    shared: SharedOptions,
) -> None:
    """List the candidates in the data, with their number of proposals and themes covered.

    Example: progcmp candidates --election 2024
    """
    from ..views.candidates import CandidateList
    from ..views.names import select_all

    dataset = shared.load()
    chosen = select_all(dataset, election) if election else dataset.candidates
    view = CandidateList(chosen, len(dataset.themes))
    shared.emit(view)


@shared_options()
def themes(
    *,
    shared: SharedOptions,
) -> None:
    """List the theme catalogue, with how many candidates and proposals cover each theme."""
    from ..views.themes import ThemeList

    dataset = shared.load()
    view = ThemeList(dataset.themes, dataset.candidates)
    shared.emit(view)


@shared_options()
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
    *,
    shared: SharedOptions,
) -> None:
    """Report on a whole election: every candidate, coverage matrix, gaps, proposals by theme,
    assessments and sources; made to be published as an HTML page or Markdown.

    Example: progcmp report -o report.html
    """
    from ..views.names import select_themes
    from ..views.report import election_report

    dataset = shared.load()
    view = election_report(dataset, election, select_themes(dataset, theme or []))
    shared.emit(view)
