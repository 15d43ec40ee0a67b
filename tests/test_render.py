"""Renderers: golden files for every format, and one contract every renderer keeps."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
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
from progcmp.data.loader import load_agenda
from progcmp.model import (
    Annotation,
    Assessment,
    Candidate,
    GapKind,
    Proposal,
    Source,
    SourceKind,
)
from progcmp.render import BINARY_FORMATS, FORMATS, SUFFIXES, TEXT_FORMATS
from progcmp.render.csv import FORMULA_TRIGGERS, fields, neutralise
from progcmp.render.locale import get_locale
from progcmp.render.markdown import escape
from progcmp.text import clean, fold
from progcmp.text.classify import suggest_themes
from progcmp.views import View
from progcmp.views.agenda import measure_agenda
from progcmp.views.blind import anonymise
from progcmp.views.diff import diff_programmes
from progcmp.views.matrix import salience
from progcmp.views.report import ElectionReport, election_report
from progcmp.views.search import search
from progcmp.views.similar import find_similar
from progcmp.views.tone import load_bundled_lexicon, read_tone

from .conftest import ANALYSIS, REPO, TESTS, VALID, examples

DATA = load_dataset(VALID)
MORE = load_dataset(ANALYSIS)  # with proposals alike across candidates, names inside texts
HISTORY = load_dataset(TESTS / "data" / "history")
AGENDA = load_agenda(TESTS / "data" / "agendas" / "exemple.yaml", DATA.themes)
LEXICON = load_bundled_lexicon()
MARKDOWN = MarkdownIt("commonmark").enable("table")  # made once: each parse has its own state
EXTENSIONS = {
    "terminal": "txt",
    "markdown": "md",
    "json": "json",
    "ndjson": "ndjson",
    "csv": "csv",
    "html": "html",
}

FR = get_locale("fr").blind  # the words of --blind in the default language


def views(data: Dataset = DATA) -> dict[str, View]:
    everyone = data.candidates
    columns = find_candidates(data, ["zoe", "bob", "empty"]) if data is DATA else everyone
    more = MORE if data is DATA else data
    order = find_candidates(more, ["ben", "ana", "cyd"]) if data is DATA else more.candidates
    blind_data, blind = anonymise(more, order, FR)
    return {
        "compare": compare(data, columns),
        "gaps": find_gaps(data, everyone),
        "show": CandidateView(columns[0], data.themes),
        "candidates": CandidateList(everyone, len(data.themes)),
        "themes": ThemeList(data.themes, everyone),
        "report": election_report(data),
        "tone": read_tone(data, everyone, LEXICON),
        "agenda": measure_agenda(data, AGENDA, everyone),
        "diff": diff_programmes(HISTORY, HISTORY.candidates[0], HISTORY.candidates[1])
        if data is DATA
        else diff_programmes(data, everyone[0], everyone[1]),
        "suggest-themes": suggest_themes(data, columns[0]),
        "matrix": salience(more, more.candidates),
        "similar": find_similar(more.candidates, more.themes),
        "search": search(
            more.candidates, more.themes, "logiciel libre" if data is DATA else "script"
        ),
        "blind": compare(blind_data, blind),
    }


def empty_views(data: Dataset = DATA) -> dict[str, View]:
    """Every view with nothing in it: no candidate (or no theme)."""
    (empty,) = find_candidates(data, ["empty"])
    return {
        "compare": compare(data, []),
        "gaps": find_gaps(data, []),
        "show": CandidateView(data.candidates[0], ()),
        "candidates": CandidateList((), 0),
        "themes": ThemeList((), ()),
        "report": ElectionReport("fr-test-2027", compare(data, []), find_gaps(data, [])),
        "tone": read_tone(data, [], LEXICON),
        "agenda": measure_agenda(data, AGENDA, []),
        "diff": diff_programmes(data, empty, empty),
        "matrix": salience(data, []),
        "similar": find_similar([], data.themes),
        "search": search([], data.themes, "libre"),
        "blind": compare(*anonymise(data, [], FR)),
    }


def test_every_format_has_a_golden_extension_and_a_suffix() -> None:
    # a binary format has no golden file: tests/test_xlsx.py reads its content instead
    assert set(EXTENSIONS) == set(TEXT_FORMATS) == set(FORMATS) - BINARY_FORMATS
    assert set(SUFFIXES.values()) == set(FORMATS)


@pytest.mark.parametrize("fmt", sorted(TEXT_FORMATS))
@pytest.mark.parametrize("name", sorted(views()))
def test_golden(fmt: str, name: str, golden: Callable[[str, str], None]) -> None:
    text = render(views()[name], fmt, RenderOptions(width=100))
    golden(f"{name}.{EXTENSIONS[fmt]}", relative_paths(text))


def relative_paths(text: str) -> str:
    """The paths of the files the views were read from (diff, agenda), relative to the
    repository, so that golden files do not depend on where the repository is."""
    for path in (AGENDA.path, *(c.path for c in HISTORY.candidates)):
        relative = Path(path).relative_to(REPO).as_posix()
        text = text.replace(json.dumps(path)[1:-1], relative).replace(path, relative)
    return text


@pytest.mark.parametrize(
    "name", ["compare", "gaps", "show", "report", "tone", "agenda", "similar", "search"]
)
def test_golden_markdown_sections(name: str, golden: Callable[[str, str], None]) -> None:
    text = render(views()[name], "markdown", RenderOptions(layout="sections"))
    golden(f"{name}.sections.md", text)


@pytest.mark.parametrize("fmt", ["terminal", "markdown", "html"])
def test_golden_english(fmt: str, golden: Callable[[str, str], None]) -> None:
    text = render(views()["compare"], fmt, RenderOptions(locale=get_locale("en"), width=100))
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
    "+SUM(A1:A9)",
    "-2+3",
    "@cmd",
    " =1+1 after a space",
    "\t=tab first",
    "\r=carriage return first",
    "</td></tr></table></main><h1>escaped the table",
    '" onmouseover="alert(1)" x=\'',
    "javascript:alert(1)",
    "<!-- comment --> <![CDATA[ x ]]> <style>*{}</style>",
    "{{ 7 * 7 }} {% raw %} ${x}",
]


def hostile_dataset() -> Dataset:
    source = Source(
        id="s",
        title="Title | <b>bold</b> [x]",
        url="https://example.org/a_(b)",
        kind=SourceKind.PROGRAMME,
    )
    # The loader refuses such a URL; a library user might not: it must never become a link.
    bad_url = Source(
        id="js", title="=cmd|' /C calc'!A0", url="javascript:alert(1)", kind=SourceKind.PRESS
    )
    proposals = tuple(
        Proposal(
            id=f"p{i}",
            themes=("free-software",),
            summary=text,
            source="js" if i == 0 else "s",
            quote=text if i % 3 == 0 else None,
            # the verbatim text, where show, tone and search print it (the loader refuses one
            # equal to the summary; a library user might not)
            text=f"{text} | {text}" if i % 2 == 1 else None,
            locator=text if i % 4 == 0 else None,
            note=text if i % 5 == 0 else None,
        )
        for i, text in enumerate(HOSTILE)
    )
    evil = Candidate(
        id="evil",
        name="Evil | <script>x</script> [/]",
        party="P\x1b[31m",
        election="fr-test-2027",
        path="evil.yaml",
        sources=(source, bad_url),
        reviewed=("s", "js"),
        proposals=proposals,
        assessments=(
            Assessment(
                id="a",
                author="<b>Critic</b> | =1",
                source="js",
                themes=("free-software", "net-neutrality"),
                summary="\n".join(HOSTILE),
                quote="-quote | <i>",
            ),
        ),
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


@pytest.mark.parametrize("fmt", sorted(TEXT_FORMATS))
@pytest.mark.parametrize("name", sorted(views()))
def test_contract_every_renderer(fmt: str, name: str) -> None:
    data = hostile_dataset()
    view = views(data)[name]
    text = render(view, fmt, RenderOptions(width=90))
    check_contract(view, fmt, text)
    if fmt == "terminal" and name != "themes":
        assert "[/]" in text and "<script>" in text  # shown literally, not obeyed or dropped
    if fmt == "markdown":
        check_markdown(render(view, fmt, RenderOptions(width=90, layout="sections")))


@pytest.mark.parametrize("fmt", sorted(TEXT_FORMATS))
@pytest.mark.parametrize("name", sorted(empty_views()))
def test_contract_empty_views(fmt: str, name: str) -> None:
    view = empty_views()[name]
    check_contract(view, fmt, render(view, fmt, RenderOptions(width=90)))


def check_contract(view: View, fmt: str, text: str) -> None:
    """What every renderer promises for any view, then what its own format promises."""
    if fmt == "ndjson":  # one record a line: no line for no record
        assert [json.loads(line) for line in text.splitlines()] == view.to_records()
        assert text == "" or (text.endswith("\n") and text.count("\n") == len(view.to_records()))
    else:
        assert text.endswith("\n") and not text.endswith("\n\n")
    assert text == render(view, fmt, RenderOptions(width=90)), "not deterministic"
    if fmt == "json":
        assert json.loads(text) == view.to_dict()
        return
    for bad in ("\x1b", "\x9b", "\u202e", "\u200b", "\x07", "\r"):
        assert bad not in text
    if fmt == "markdown":
        check_markdown(text)
    elif fmt == "csv":
        check_csv(view, text)
    elif fmt == "html":
        check_html(text)


def check_csv(view: View, text: str) -> None:
    """Round-trips through csv.reader: the header, one row per record, the same values made
    safe; no cell a spreadsheet would run as a formula."""
    rows = list(csv.reader(io.StringIO(text, newline="")))
    records = view.to_records()
    header = rows[0]
    assert header == fields(view, records)  # RECORD_FIELDS first, if the view declares it
    assert header[: len(getattr(view, "RECORD_FIELDS", ()))] == list(
        getattr(view, "RECORD_FIELDS", ())
    )
    assert len(rows) == len(records) + 1
    for row, record in zip(rows[1:], records, strict=True):
        assert len(row) == len(header)
        assert row == [neutralise(record[name]) for name in header]
        for value in row:
            assert not value.lstrip(" \n").startswith(FORMULA_TRIGGERS), value


VOID = {"meta", "br", "hr", "img", "input", "link", "area", "base", "col", "wbr", "source"}


class _StrictPage(HTMLParser):
    """Records tags and checks that every element closes in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []
        self.comments: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, (tag, self.stack[-5:])
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def handle_comment(self, data: str) -> None:
        self.comments.append(data)


CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"


SAFE_ID = re.compile(r"[a-z][a-z0-9-]*")


def check_html(text: str, *, embed: bool = False) -> _StrictPage:
    """Well nested; no script, event handler, comment, external resource or link but to the
    web or inside the page; the strict Content-Security-Policy first in the head (a page) or
    one scoped <div> (``embed``); ids unique and safe, every ``#id`` link leads somewhere;
    every table has a caption."""
    page = _StrictPage()
    page.feed(text)
    page.close()
    assert page.stack == []
    assert page.comments == []
    names = [tag for tag, _ in page.tags]
    if embed:
        assert text.startswith('<div class="progcmp" lang="')
        assert "html" not in names and "head" not in names and "meta" not in names
    else:
        assert text.startswith("<!DOCTYPE html>\n")
        assert names[:4] == ["html", "head", "meta", "meta"]
        assert dict(page.tags[3][1]) == {"http-equiv": "Content-Security-Policy", "content": CSP}
    assert names.count("style") == 1
    ids: list[str] = []
    links: list[str] = []
    for n, (tag, attrs) in enumerate(page.tags):
        assert tag not in ("script", "iframe", "object", "embed", "img", "link", "base", "form")
        if tag == "table":
            assert names[n + 1] == "caption", "a table without a caption"
        for name, value in attrs:
            assert not name.startswith("on"), (tag, name)
            assert name not in ("src", "srcset", "style", "action", "formaction"), (tag, name)
            if name == "href":
                assert str(value).startswith(("https://", "http://", "#")), value
                if str(value).startswith("#"):
                    links.append(str(value)[1:])
            if name == "id":
                assert SAFE_ID.fullmatch(str(value)), value
                ids.append(str(value))
            if name == "lang":
                assert value in ("fr", "en"), value
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    assert set(links) <= set(ids), sorted(set(links) - set(ids))
    return page


def check_markdown(text: str) -> None:
    """Every table row has the header's cell count; no raw HTML but our <br>; no data links."""
    tokens = MARKDOWN.parse(text)
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
                assert str(child.attrs["href"]).startswith(("https://", "http://"))
            assert child.type != "image"
        if token.type == "table_open":
            row_sizes = []
        if token.type == "table_close":
            assert len(set(row_sizes)) == 1, row_sizes


@pytest.mark.parametrize("text", HOSTILE)
def test_markdown_escape_round_trips_through_a_parser(text: str) -> None:
    html = MARKDOWN.renderInline(escape(text))
    from html import unescape

    from progcmp.text import clean

    expected = clean(text, multiline=True)
    assert unescape(html.replace("<br>", "\n").replace("<br />", "\n")).replace(
        " \n ", "\n"
    ) == expected.replace(" \n", "\n")


@settings(max_examples=examples(300), deadline=None)
@given(st.text(alphabet=st.sampled_from("ab1é \t\n\\&<>`*~_[]()|#-+.:^!;")))
def test_markdown_escape_skips_only_text_with_no_markup(text: str) -> None:
    """Text with none of the characters markup needs skips the escaping passes: the same
    result as running them all."""
    from progcmp.render.markdown import _escape_markup

    for cell in (False, True):
        assert escape(text, cell=cell) == _escape_markup(clean(text, multiline=True), cell)


def test_colour_only_when_asked() -> None:
    view = views()["compare"]
    assert "\x1b[" not in render(view, "terminal", RenderOptions(color=False))
    assert "\x1b[" in render(view, "terminal", RenderOptions(color=True))


@settings(max_examples=examples(60), deadline=None)
@given(st.text(max_size=80), st.text(max_size=30))
def test_any_text_stays_inert_in_every_export(summary: str, name: str) -> None:
    """Whatever a proposal or a name holds, CSV round-trips and HTML and Markdown stay
    well formed and inert."""
    source = Source(id="s", title=name or "t", url="https://example.org/", kind=SourceKind.PRESS)
    alice = Candidate(
        id="alice",
        name=name or "n",
        party=summary or "p",
        election="fr-test-2027",
        path="alice.yaml",
        sources=(source,),
        reviewed=("s",),
        proposals=(Proposal(id="p", themes=("free-software",), summary=summary, source="s"),),
    )
    data = Dataset(DATA.themes, (alice,))
    bob = replace(alice, id="bob", name=summary or "b")
    for view in (
        compare(data, [alice]),
        election_report(data),
        salience(data, [alice]),
        find_similar([alice, bob], data.themes),
        search([alice], data.themes, summary if fold(summary) else "x"),
        compare(*anonymise(Dataset(DATA.themes, (alice, bob)), [bob, alice], FR)),
    ):
        check_csv(view, render(view, "csv"))
        check_html(render(view, "html"))
        check_markdown(render(view, "markdown"))
        check_markdown(render(view, "markdown", RenderOptions(layout="sections")))


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.tuples(inner, inner)
        | st.dictionaries(st.text(max_size=5), inner, max_size=4)
    ),
    max_leaves=20,
)


@given(json_values)
def test_fast_json_writes_what_json_dumps_writes(value: object) -> None:
    from progcmp.render.json import dumps

    try:
        expected = json.dumps(value, ensure_ascii=False, indent=2, allow_nan=False)
    except ValueError as exc:
        with pytest.raises(ValueError, match=re.escape(str(exc))):
            dumps(value)
        return
    assert dumps(value) == expected
