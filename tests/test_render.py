"""Renderers: golden files for every format, and one contract every renderer keeps."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from markdown_it import MarkdownIt

from progcmp import (
    CandidateList,
    CandidateView,
    Dataset,
    RenderOptions,
    ThemeList,
    compare,
    find_candidates,
    find_gaps,
    load_dataset,
    render,
)
from progcmp.analysis import View
from progcmp.models import Annotation, Candidate, GapKind, Proposal, Source, SourceKind
from progcmp.render import FORMATS
from progcmp.render.markdown import escape

from .conftest import VALID

DATA = load_dataset(VALID)
EXTENSIONS = {"terminal": "txt", "markdown": "md", "json": "json"}


def views(data: Dataset = DATA) -> dict[str, View]:
    everyone = data.candidates
    columns = find_candidates(data, ["zoe", "bob", "empty"]) if data is DATA else everyone
    return {
        "compare": compare(data, columns),
        "gaps": find_gaps(data, everyone),
        "show": CandidateView(columns[0], data.themes),
        "candidates": CandidateList(everyone, len(data.themes)),
        "themes": ThemeList(data.themes, everyone),
    }


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@pytest.mark.parametrize("name", sorted(views()))
def test_golden(fmt: str, name: str, golden: Callable[[str, str], None]) -> None:
    golden(f"{name}.{EXTENSIONS[fmt]}", render(views()[name], fmt, RenderOptions(width=100)))


@pytest.mark.parametrize("fmt", ["terminal", "markdown"])
def test_golden_english(fmt: str, golden: Callable[[str, str], None]) -> None:
    text = render(views()["compare"], fmt, RenderOptions(lang="en", width=100))
    golden(f"compare.en.{EXTENSIONS[fmt]}", text)


def test_golden_terminal_at_80_columns(golden: Callable[[str, str], None]) -> None:
    text = render(views()["compare"], "terminal", RenderOptions(width=80))
    assert max(len(line) for line in text.splitlines()) <= 80
    golden("compare.80.txt", text)


HOSTILE = [
    "pipe | in | cell",
    "two\nlines",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[/] closes nothing [bold red]styled[/bold red]",
    "[link=https://evil.example]Officiel[/link]",
    "\x1b]52;c;Y3VybA==\x07 clipboard \x1b[2J clear \x9b31m c1",
    "\u202eevil bidi\u202c and zero\u200bwidth",
    "**not bold** _not em_ `not code` ~~not struck~~ \\ backslash",
    "# not a heading",
    "- not a list",
    "1. not a list",
    "[fake](javascript:alert(1)) ![img](x)",
    '=HYPERLINK("https://evil.example")',
    "accents éèà œ and emoji 🏛️ 健康",
    "&amp; &lt; entity",
]


def hostile_dataset() -> Dataset:
    source = Source(
        id="s",
        title="Title | <b>bold</b> [x]",
        url="https://example.org/a_(b)",
        kind=SourceKind.PROGRAMME,
    )
    proposals = tuple(
        Proposal(id=f"p{i}", themes=("free-software",), summary=text, source="s")
        for i, text in enumerate(HOSTILE)
    )
    evil = Candidate(
        id="evil",
        name="Evil | <script>x</script> [/]",
        party="P\x1b[31m",
        election="fr-test-2027",
        path="evil.yaml",
        sources=(source,),
        reviewed=("s",),
        proposals=proposals,
        annotations=(
            Annotation(
                theme="open-government",
                kind=GapKind.CONTESTED,
                note="note | <i>x</i>\n[/]",
                source="s",
            ),
        ),
    )
    return Dataset(DATA.themes, (evil, DATA.candidates[1]))


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@pytest.mark.parametrize("name", sorted(views()))
def test_contract_every_renderer(fmt: str, name: str) -> None:
    data = hostile_dataset()
    view = views(data)[name]
    text = render(view, fmt, RenderOptions(width=90))
    assert text.endswith("\n") and not text.endswith("\n\n")
    assert text == render(view, fmt, RenderOptions(width=90)), "not deterministic"
    if fmt == "json":
        assert json.loads(text) == view.to_dict()
        return
    for bad in ("\x1b", "\x9b", "\u202e", "\u200b", "\x07"):
        assert bad not in text
    if fmt == "terminal" and name != "themes":
        assert "[/]" in text and "<script>" in text  # shown literally, not obeyed or dropped
    else:
        check_markdown(text)


def check_markdown(text: str) -> None:
    """Every table row has the header's cell count; no raw HTML but our <br>; no data links."""
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    cells = 0
    row_sizes = []
    for token in tokens:
        if token.type == "tr_open":
            cells = 0
        elif token.type in ("th_open", "td_open"):
            cells += 1
        elif token.type == "tr_close":
            row_sizes.append(cells)
        assert token.type != "html_block"
        for child in token.children or []:
            if child.type == "html_inline":
                assert child.content == "<br>"
            if child.type == "link_open":
                assert str(child.attrs["href"]).startswith("https://")
            assert child.type != "image"
        if token.type == "table_open":
            row_sizes = []
        if token.type == "table_close":
            assert len(set(row_sizes)) == 1, row_sizes


@pytest.mark.parametrize("text", HOSTILE)
def test_markdown_escape_round_trips_through_a_parser(text: str) -> None:
    html = MarkdownIt("commonmark").enable("table").renderInline(escape(text))
    from html import unescape

    from progcmp.text import clean

    expected = clean(text, multiline=True)
    assert unescape(html.replace("<br>", "\n").replace("<br />", "\n")).replace(
        " \n ", "\n"
    ) == expected.replace(" \n", "\n")


def test_colour_only_when_asked() -> None:
    view = views()["compare"]
    assert "\x1b[" not in render(view, "terminal", RenderOptions(color=False))
    assert "\x1b[" in render(view, "terminal", RenderOptions(color=True))
