"""The typer app: its own options (``--version``), and every command in the order ``--help``
lists them.

A command is a function in ``tables``, ``texts`` or ``data``, registered here.
"""

from __future__ import annotations

from typing import Annotated

import typer

from .._version import __version__
from . import data, help, new, tables, texts
from .coercion import Command, Group

help.install()

app = typer.Typer(
    name="progcmp",
    cls=Group,
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


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

    Data: --data DIR, else $PROGCMP_DATA, else ./programmes, else the bundled data (the
    French presidential elections of 2017 and 2022, the European election of 2024).
    Exit codes: 0 ok, 1 data or I/O error, 2 usage error, 3 gaps found (gaps --fail-on-gaps),
    130 interrupted, 143 terminated.
    """


for command in (
    tables.compare,
    tables.gaps,
    tables.show,
    tables.matrix,
    texts.similar,
    texts.search,
    tables.candidates,
    tables.themes,
    tables.report,
    texts.tone,
    texts.diff,
    data.validate,
    data.schema,
    data.package,
    data.suggest_themes,
):
    app.command(cls=Command, short_help=help.short_help(command))(command)
app.command("import", cls=Command, short_help=help.short_help(data.import_))(data.import_)
app.add_typer(new.app)
