"""``progcmp new election`` and ``progcmp new candidate``: start data for a new election."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from .coercion import Command, Group
from .console import say
from .options import DebugOpt, IdLang, IdLangOpt

app = typer.Typer(
    name="new",
    cls=Group,
    help="Start a new election folder or candidate file (never over an existing one).",
    short_help="Start a new election folder or candidate file (never over an existing one).",
    no_args_is_help=True,
    rich_markup_mode=None,
)

NewDataOpt = Annotated[
    Path | None,
    typer.Option(
        "--data",
        "-d",
        file_okay=False,
        help="The data folder to add to. Default: $PROGCMP_DATA, else ./programmes (never the "
        "bundled data).",
    ),
]


def _root(data: Path | None) -> Path:
    from ..data.output import DATA_ENV

    if data is not None:
        return data
    return Path(os.environ.get(DATA_ENV) or "programmes")


@app.command("election", cls=Command)
def election(
    election_id: Annotated[
        str, typer.Argument(metavar="ID", help="The election id, e.g. fr-pres-2027.")
    ],
    source: Annotated[
        str | None,
        typer.Option(
            "--from",
            help="Copy the catalogue of this election (in the data folder or the bundled "
            "data) when the data folder has none.",
        ),
    ] = None,
    empty: Annotated[
        bool,
        typer.Option("--empty", help="A catalogue skeleton with one example theme instead."),
    ] = False,
    data: NewDataOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Create an election folder, and the data folder's theme catalogue if it has none.

    Without --from or --empty the catalogue is a copy of the bundled one. Nothing that exists
    is overwritten.

    Example: progcmp new election fr-pres-2027 --data programmes
    """
    from ..data.scaffold import new_election

    for line in new_election(_root(data), election_id, source=source, empty=empty):
        say(line)


@app.command("candidate", cls=Command)
def candidate(
    name: Annotated[str, typer.Argument(help="The candidate's display name.")],
    election_id: Annotated[
        str,
        typer.Option(
            "--election", metavar="ELECTION", help="The election id (its folder must exist)."
        ),
    ],
    party: Annotated[str, typer.Option("--party", help="The candidate's party.")],
    candidate_id: Annotated[
        str | None,
        typer.Option(
            "--id",
            metavar="ID",
            help="The candidate id (the file's name). Default: from NAME, spelled by --text-lang.",
        ),
    ] = None,
    text_lang: IdLangOpt = IdLang.FR,
    data: NewDataOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Write a candidate file that validates, with comments saying what to fill in.

    Example: progcmp new candidate "Jeanne Exemple" --party "Parti exemple"
    --election fr-pres-2027
    """
    from ..data.scaffold import new_candidate

    path = new_candidate(
        _root(data), name, election_id, party=party, candidate=candidate_id, lang=text_lang
    )
    say(f"wrote {path}: fill it in, then run progcmp validate {path}")
