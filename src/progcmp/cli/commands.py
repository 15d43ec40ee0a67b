"""The typer app: its own options (``--version``), and every command in the order ``--help``
lists them.

A command is a function in ``tables``, ``texts`` or ``data``, named in :data:`COMMANDS`. A run
builds only the command it invokes (:func:`app_for`): typer reads the signature of every
command it registers, and importing and reading all of them took longer than the rest of a
``compare``.
"""

from __future__ import annotations

import functools
from importlib import import_module
from typing import Annotated

import typer

from .._version import __version__
from . import help
from .coercion import Command, Group

# command name -> (module of this package, function), in the order --help lists them
COMMANDS: dict[str, tuple[str, str]] = {
    "compare": ("tables", "compare"),
    "gaps": ("tables", "gaps"),
    "show": ("tables", "show"),
    "matrix": ("tables", "matrix"),
    "similar": ("texts", "similar"),
    "search": ("texts", "search"),
    "candidates": ("tables", "candidates"),
    "themes": ("tables", "themes"),
    "report": ("tables", "report"),
    "tone": ("texts", "tone"),
    "diff": ("texts", "diff"),
    "validate": ("data", "validate"),
    "schema": ("data", "schema"),
    "package": ("data", "package"),
    "suggest-themes": ("data", "suggest_themes"),
    "import": ("data", "import_"),
    "new": ("new", "app"),  # a group of its own: `progcmp new election`
}


def invoked(args: list[str]) -> str | None:
    """The command a command line names, if it names one of :data:`COMMANDS`: the first
    word that is not an option (the app's own options take no value)."""
    name = next((arg for arg in args if not arg.startswith("-")), None)
    return name if name in COMMANDS else None


@functools.cache
def app_for(name: str | None = None) -> typer.Typer:
    """The app with only the command ``name``, or with every command (for ``--help``, an
    unknown command and its suggestions, shell completion)."""
    help.install()
    app = typer.Typer(
        name="progcmp",
        cls=Group,
        no_args_is_help=True,
        rich_markup_mode=None,
        pretty_exceptions_enable=False,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    app.callback()(_root)
    for command in COMMANDS if name is None else (name,):
        module, attribute = COMMANDS[command]
        function = getattr(import_module(f".{module}", __package__), attribute)
        if isinstance(function, typer.Typer):
            app.add_typer(function)
        else:
            app.command(command, cls=Command, short_help=help.short_help(function))(function)
    return app


def __getattr__(name: str) -> typer.Typer:
    if name == "app":  # every command, as tests and the docs' generator see them
        return app_for()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"progcmp {__version__}")
        raise typer.Exit()


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
