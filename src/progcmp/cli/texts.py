"""The commands that read the proposals' wording: similar, search, tone and diff."""

from __future__ import annotations

import os
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..model.errors import UsageError
from .common import SharedOptions, blinded, chosen_contenders, contenders, shared_options
from .console import say
from .options import AllOpt, BlindOpt, ElectionOpt, NamesArg, ThemeOpt, complete_candidates

if TYPE_CHECKING:
    from ..model import Candidate, Dataset

SIMILAR_THRESHOLD = 75  # consensus.DEFAULT_THRESHOLD, not imported at start-up (a test checks)


@shared_options()
def similar(
    names: NamesArg = None,
    every: AllOpt = False,
    election: ElectionOpt = None,
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
    *,
    shared: SharedOptions,
) -> None:
    """Proposals several candidates make alike (consensus), and those only one makes
    (distinctive), theme by theme.

    Summaries are compared without accents and stop words, with rapidfuzz's token_set_ratio:
    100 when every word of one summary is in the other. It measures shared words, not
    agreement on meaning. Only proposals of different candidates on a same theme are compared.

    Example: progcmp similar melenchon hamon jadot --threshold 80
    """
    from dataclasses import replace

    from ..views.names import select_themes
    from ..views.similar import find_similar

    dataset = shared.load()
    themes = select_themes(dataset, theme or [])
    chosen = chosen_contenders(dataset, names or [], every, election)
    if len(chosen) == 1:
        raise UsageError("give at least two candidates to compare, or none for all of them")
    report = find_similar(chosen, themes, threshold)
    if blind:  # scored on the original texts, so that blind mode finds the same pairs
        report = replace(report, candidates=blinded(dataset, chosen, blind, shared.lang)[1])
    shared.emit(report)


@shared_options()
def search(
    query: Annotated[list[str], typer.Argument(help="Words to look for (quotes are not needed).")],
    candidate: Annotated[
        list[str] | None,
        typer.Option(
            "--candidate",
            "-c",
            help="Only this candidate; repeat for several.",
            autocompletion=complete_candidates,
        ),
    ] = None,
    theme: ThemeOpt = None,
    limit: Annotated[
        int, typer.Option("--limit", "-n", min=1, help="Show at most this many proposals.")
    ] = 20,
    blind: BlindOpt = False,
    *,
    shared: SharedOptions,
) -> None:
    """Find proposals by words, in summaries, quotes, verbatim texts and theme labels (French
    and English), best match first.

    Case, accents and plurals do not matter; every word must be found. A word of four
    letters or more also finds the words it starts ('cyber' finds 'cybersécurité'). Typos
    are forgiven from five letters (one letter more or less; from nine, one edit per five
    letters); exact and stem matches rank before them.

    Example: progcmp search logiciel libre --candidate melenchon
    """
    from ..views.names import select_themes
    from ..views.search import search as run_search

    dataset = shared.load()
    themes = select_themes(dataset, theme or [])
    chosen = contenders(dataset, candidate) if candidate else dataset.candidates
    dataset, chosen = blinded(dataset, chosen, blind, shared.lang)
    shared.emit(run_search(chosen, themes, " ".join(query), limit))


class TextLang(StrEnum):
    FR = "fr"
    EN = "en"


@shared_options()
def tone(
    names: NamesArg = None,
    every: AllOpt = False,
    election: ElectionOpt = None,
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
        TextLang | None,
        typer.Option(
            "--text-lang",
            case_sensitive=False,
            help="Language the texts are written in: which of the lexicon's lists to use. "
            "Default: each candidate's, as its catalogue declares it ('language:', default fr).",
        ),
    ] = None,
    theme: ThemeOpt = None,
    *,
    shared: SharedOptions,
) -> None:
    """Read each proposal's wording as defensive / restrictive or constructive / enabling.

    A lexical heuristic, never a verdict: each summary and quote is read, and a proposal's
    verbatim text when it has one; every label shows the words that triggered it and where,
    and the lexicon is a file you can read and replace (--lexicon).

    Example: progcmp tone melenchon macron --theme free-software
    """
    from ..views.names import select_themes
    from ..views.tone import load_bundled_lexicon, read_tone

    dataset = shared.load()
    chosen = chosen_contenders(dataset, names or [], every, election)
    if lexicon is None:
        words = load_bundled_lexicon()
    else:
        from ..data.loader import load_lexicon

        words = load_lexicon(lexicon)
    view = read_tone(
        dataset,
        chosen,
        words,
        select_themes(dataset, theme or []),
        text_lang=text_lang.value if text_lang is not None else None,
    )
    for lang in view.unread:
        say(
            f"progcmp: note: the tone lexicon has no words in {lang!r}: proposals in that "
            "language are not read (see --text-lang, --lexicon)"
        )
    shared.emit(view)


def _programme(dataset: Dataset, reference: str) -> Candidate:
    """A candidate named in the data (NAME or NAME@ELECTION), or a candidate file's path."""
    if reference.endswith((".yaml", ".yml")) or "/" in reference or os.sep in reference:
        from ..data.loader import load_candidate_file

        return load_candidate_file(Path(reference), dataset.themes)
    return contenders(dataset, [reference])[0]


@shared_options()
def diff(
    old: Annotated[
        str,
        typer.Argument(
            help="The old version: NAME@ELECTION, or a candidate file's path.",
            autocompletion=complete_candidates,
        ),
    ],
    new: Annotated[
        str,
        typer.Argument(
            help="The new version: NAME@ELECTION, or a candidate file's path.",
            autocompletion=complete_candidates,
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
    *,
    shared: SharedOptions,
) -> None:
    """Show how a programme changed: proposals added, removed and reworded, by theme.

    Proposals are paired by id, then by the similarity of their summaries.

    Example: progcmp diff melenchon@2017 melenchon@2022; progcmp diff old/alice.yaml alice
    """
    from ..text import show
    from ..views.diff import diff_programmes
    from ..views.names import select_themes

    dataset = shared.load()
    before, after = _programme(dataset, old), _programme(dataset, new)
    if before == after:
        raise UsageError(f"{show(old)} and {show(new)} are the same programme")
    view = diff_programmes(
        dataset, before, after, select_themes(dataset, theme or []), threshold=threshold
    )
    shared.emit(view)
