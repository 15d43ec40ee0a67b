"""The command-line package's own wiring: start-up, and the options table commands share."""

from __future__ import annotations

import pytest
import typer

from progcmp.cli import app
from progcmp.cli.common import SharedOptions, shared_options

from .conftest import Started

SHARED = [
    "format",
    "output",
    "force",
    "layout",
    "footnotes",
    "csv_bom",
    "embed",
    "data",
    "lang",
    "width",
    "no_cache",
    "no_pager",
]


def test_version_answers_before_typer_and_the_commands_are_imported(
    version_child: Started,
) -> None:
    assert version_child.stdout == "progcmp 0.1.0\n"
    loaded = sorted(m for m in version_child.modules if m.startswith(("typer", "progcmp.cli.")))
    assert loaded == ["progcmp.cli.boundary", "progcmp.cli.console"]


def test_every_command_that_shows_a_view_ends_with_the_shared_options_in_one_order() -> None:
    commands = typer.main.get_command(app).commands  # type: ignore[attr-defined]
    with_format = {
        name: [p.name for p in command.params]
        for name, command in commands.items()
        if any("--format" in p.opts for p in command.params)
    }
    assert len(with_format) == 12
    for name, params in with_format.items():
        expected = SHARED if name != "suggest-themes" else [*SHARED[:3], *SHARED[6:]]
        assert params[-len(expected) - 1 :] == [*expected, "debug"], name


def test_shared_options_need_a_last_keyword_only_shared_options_parameter() -> None:
    def bare(names: list[str], shared: SharedOptions) -> None:
        """Not keyword-only."""

    with pytest.raises(TypeError) as caught:
        shared_options()(bare)
    assert str(caught.value) == "bare: the last parameter must be '*, NAME: SharedOptions'"
