"""Readable at any width and any number of contenders, typeset as each language writes, and
Markdown ready to paste (#13: items 1, 3, 4 and 7)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from progcmp.cli.common import terminal_width, use_colour
from progcmp.data.loader import load_dataset
from progcmp.render import RenderOptions, render
from progcmp.render.locale import get_locale
from progcmp.render.markdown import escape
from progcmp.render.terminal import MIN_COLUMN_WIDTH
from progcmp.views.compare import compare
from progcmp.views.names import select_all

from .conftest import REPO, TESTS, VALID, Run

MANY = TESTS / "data" / "many"  # 38 lists, made up (tests/data/many/make.py)
BUNDLED = REPO / "programmes"


def tables(text: str) -> list[list[str]]:
    """The terminal tables of a text, each as its lines (from ╭ to ╰)."""
    found: list[list[str]] = []
    current: list[str] | None = None
    for line in text.splitlines():
        if line.startswith("╭"):
            current = []
        if current is not None:
            current.append(line)
        if line.startswith("╰") and current is not None:
            found.append(current)
            current = None
    return found


def headers(table: list[str]) -> list[str]:
    """The header of each column, its wrapped lines joined."""
    rows = []
    for line in table[1:]:
        if line.startswith("├"):
            break
        rows.append([cell.strip() for cell in line.split("│")[1:-1]])
    return [" ".join(" ".join(parts).split()) for parts in zip(*rows, strict=True)]


def widths(table: list[str]) -> list[int]:
    """Each column's width inside its padding."""
    return [len(segment) - 2 for segment in re.split("[╭┬╮]", table[0])[1:-1]]


@pytest.mark.parametrize(("root", "election", "count"), [(BUNDLED, "2017", 13), (MANY, None, 38)])
def test_every_contender_at_80_columns_in_column_groups(
    root: Path, election: str | None, count: int
) -> None:
    dataset = load_dataset(root)
    chosen = select_all(dataset, election)
    assert len(chosen) == count
    notes: list[str] = []
    text = render(
        compare(dataset, chosen, dataset.themes),
        "terminal",
        RenderOptions(width=80, notify=notes.append),
    )
    found = tables(text)
    shown = [name for table in found for name in headers(table)[1:]]
    assert shown == [c.name for c in chosen]  # everyone, once, in the official order
    for table in found:
        assert headers(table)[0] == "Thème"  # each group repeats the theme column
        assert min(widths(table)) >= MIN_COLUMN_WIDTH, widths(table)
    for line in text.splitlines():  # only a web address may stand past the width, whole
        assert len(line) <= 80 or line.strip().startswith("http"), line
    assert len(notes) == 1 and f"{count} contenders" in notes[0]


def test_the_official_order_is_the_ballot_then_the_data() -> None:
    dataset = load_dataset(MANY)
    chosen = select_all(dataset, "eu-test-2029")
    assert [c.ballot for c in chosen] == list(range(1, 39))
    valid = load_dataset(VALID)  # no ballot: the data's order
    assert select_all(valid, "fr-test-2027") == valid.candidates


def test_compare_all_and_its_usage_errors(run: Run) -> None:
    result = run("compare", "--all", "--data", MANY, "-t", "free-software", "-f", "md")
    assert result.code == 0
    assert "Liste Alpha 38" in result.stdout and "sections" in result.stderr
    assert result.stdout.index("Liste Alpha 38") < result.stdout.index("Liste Alpha 19")
    same = run("compare", "all", "--data", MANY, "-t", "free-software", "-f", "md")
    assert same.stdout == result.stdout
    for args, message in [
        ((), "name the contenders to compare, or give --all"),
        (("zoe", "--all"), "not both"),
        (("zoe", "--election", "fr-test-2027"), "--election goes with --all"),
    ]:
        failed = run("compare", *args, "--data", VALID)
        assert failed.code == 2
        assert failed.stderr.startswith("progcmp: error: "), failed.stderr
        assert message in failed.stderr.splitlines()[0]
        assert "Try 'progcmp compare --help' for help." in failed.stderr


def test_urls_stand_whole_on_their_own_line_and_link_on_a_terminal() -> None:
    dataset = load_dataset(MANY)
    view = compare(dataset, dataset.candidates[:2], dataset.themes)
    url = "https://example.org/listes/01/programme-complet-pour-les-elections-europeennes"
    plain = render(view, "terminal", RenderOptions(width=60))
    assert f"\n  {url}\n" in plain
    coloured = render(view, "terminal", RenderOptions(width=60, color=True))
    assert "\x1b]8;" in coloured and url in coloured  # OSC 8 hyperlink


def test_french_typography_around_the_content_only() -> None:
    dataset = load_dataset(VALID)
    view = compare(dataset, dataset.candidates, dataset.themes)
    fr = render(view, "markdown", RenderOptions())
    en = render(view, "markdown", RenderOptions(locale=get_locale("en")))
    assert "# Comparaison\u202f: " in fr and "février 2027" in fr and "(commentaire)" in fr
    assert "(commentary)" not in fr
    for code in ("(none-found)", "(declined)", "(not-reviewed)", "(contested)"):
        assert code not in fr and code not in en
    assert "# Comparison: " in en and "February 2027" in en
    # the data's own text is never altered: its straight apostrophes and plain spaces stay
    assert "Faire passer l'administration au logiciel libre — « priorité »" in fr
    words = get_locale("fr").words
    assert not [k for k, w in words.items() if "'" in w or re.search(r"[^\s,] [:;!?»]", w)]
    assert "« " not in "".join(words.values())


def test_markdown_escapes_only_what_would_be_markup() -> None:
    assert escape("En Marche ! [1] l_intra_mot 2 < 3 a > b & c") == (
        "En Marche ! [1] l_intra_mot 2 < 3 a > b & c"
    )
    assert escape("*gras* _em_ `code` [x](y) [^1] <b> &amp;") == (
        "\\*gras\\* \\_em\\_ \\`code\\` [x\\](y) \\[^1] &lt;b> &amp;amp;"
    )
    assert escape("# titre") == "\\# titre" and escape("a | b", cell=True) == "a \\| b"


def test_markdown_footnotes_on_request() -> None:
    dataset = load_dataset(VALID)
    view = compare(dataset, dataset.candidates, dataset.themes)
    text = render(view, "markdown", RenderOptions(footnotes=True))
    assert "[^1]" in text and "\n[^1]: **Zoé Lefèvre —** [Programme de Zoé]" in text
    assert "## Sources" not in text  # GitHub heads the footnotes itself
    html = MarkdownIt("commonmark").enable("table").render(text)
    assert "<table>" in html


def test_colour_follows_the_conventions(monkeypatch: pytest.MonkeyPatch) -> None:
    assert use_colour(True, {}) and not use_colour(False, {})
    assert use_colour(True, {"NO_COLOR": ""})  # only a non-empty NO_COLOR turns it off
    assert not use_colour(True, {"NO_COLOR": "1"})
    assert not use_colour(True, {"TERM": "dumb"})
    assert use_colour(False, {"FORCE_COLOR": "1"}) and use_colour(False, {"CLICOLOR_FORCE": "1"})
    assert not use_colour(False, {"FORCE_COLOR": "0"})
    assert terminal_width(False, {}) == 80 and terminal_width(False, {"COLUMNS": "120"}) == 120
    assert terminal_width(False, {"COLUMNS": "wide"}) == 80


def test_help_speaks_human(run: Run) -> None:
    top = run("--help")
    assert "..." not in top.stdout.split("Commands:")[1].replace("NAME...", "")
    helped = run("compare", "--help").stdout
    assert "Usage: progcmp compare [OPTIONS] [NAME...]" in helped
    assert "-t, --theme THEME" in helped and "-o, --output FILE" in helped
    assert not re.search(r"<[a-z]|\{[a-z]", helped)
    assert run("gaps", "--help").stdout.startswith("Usage: progcmp gaps [OPTIONS] [NAME...]")


def test_one_error_style_for_usage_errors(run: Run) -> None:
    result = run("show", "--format", "pdf", "zoe")
    assert result.code == 2
    assert result.stderr.splitlines() == [
        "progcmp: error: invalid value for --format: 'pdf' is not one of 'terminal', "
        "'markdown', 'json', 'ndjson', 'csv', 'html', 'xlsx', 'md'",
        "Usage: progcmp show [OPTIONS] NAME",
        "Try 'progcmp show --help' for help.",
    ]
    assert run("show", "zoe", "--data", VALID, "-f", "md").stdout.startswith("# Zoé Lefèvre")


def test_a_pipe_is_80_columns_or_columns(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COLUMNS", raising=False)
    out = run("compare", "zoe", "bob", "--data", VALID).stdout
    assert max(len(line) for line in out.splitlines()) <= 80
    monkeypatch.setenv("COLUMNS", "120")
    wide = run("compare", "zoe", "bob", "--data", VALID).stdout
    assert max(len(line) for line in wide.splitlines()) > 80
    assert os.environ["COLUMNS"] == "120"


def test_long_output_on_a_terminal_goes_through_the_pager(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import sys

    from progcmp.cli.common import page

    shown = tmp_path / "paged.txt"
    pager = f"{sys.executable} -c \"import sys; open({str(shown)!r}, 'w').write(sys.stdin.read())\""
    monkeypatch.setenv("PAGER", pager)
    text = "line\n" * 500
    assert not page(text)  # pytest's stdout is no terminal: never paged
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert not page("short\n")  # fits the screen
    assert page(text) and shown.read_text() == text
    monkeypatch.setenv("PAGER", "cat")
    assert not page(text)


def test_gaps_answer_first_and_sources_on_request(run: Run) -> None:
    plain = run("gaps", "zoe", "bob", "--data", VALID, "-f", "md").stdout
    assert plain.index("## Par thème") < plain.index("## Zoé Lefèvre")
    assert "Bob Martin — *a refusé de répondre* (1 source)" in plain
    assert "Sources examinées" not in plain
    listed = run("gaps", "zoe", "bob", "--data", VALID, "-f", "md", "--sources").stdout
    assert "### Sources examinées" in listed


def test_show_theme_filters_everything_it_prints(run: Run) -> None:
    whole = run("show", "zoe", "--data", VALID, "-f", "md").stdout
    one = run("show", "zoe", "--data", VALID, "-f", "md", "-t", "net-neutrality").stdout
    assert "Une tribune critique" in whole and "Une tribune critique" not in one
    assert "## Logiciel libre" not in one


def test_an_exclamation_mark_before_a_link_makes_no_image() -> None:
    from progcmp.render.document import Span
    from progcmp.render.markdown import _line

    line = (Span("En Marche !"), Span("site", None, "https://example.org/"))
    html = MarkdownIt("commonmark").renderInline(_line(line))
    assert "<img" not in html and 'href="https://example.org/"' in html


@pytest.mark.parametrize("election", ["2017", "2022", "2024", None])
def test_the_candidate_list_at_80_columns_keeps_headers_and_ids_whole(
    run: Run, election: str | None
) -> None:
    """One table per election, under its id, with no election column; at 80 columns no header
    word is cut, nor any id (what one types) of 16 characters or fewer."""
    args = ["--election", election] if election else []
    result = run("candidates", *args, "--data", BUNDLED, "--width", "80")
    assert (result.code, result.stderr) == (0, "")
    found = tables(result.stdout)
    shown = re.findall(r"^Élection\u202f: (\S+)$", result.stdout, re.M)
    everyone = load_dataset(BUNDLED).candidates
    elections = dict.fromkeys(c.election for c in everyone)
    expected = [e for e in elections if election in (None, e[-4:])]
    assert shown == expected and len(found) == len(expected)
    first_cells = set()
    for table in found:
        assert max(len(line) for line in table) <= 80
        names = headers(table)
        assert names[0] == "Id" and names[-2:] == ["Propositions", "Thèmes"]
        assert names[1:3] in (["Candidat", "Parti"], ["Liste", "Tête de liste"])
        first_cells |= {line.split("│")[1].strip() for line in table[3:-1]}
    ids = [c.id for c in everyone if c.election in expected]
    assert [i for i in ids if len(i) <= 16 and i not in first_cells] == []


def test_lists_are_named_by_their_head(run: Run) -> None:
    result = run("candidates", "--data", MANY, "-f", "markdown")
    assert result.stdout.splitlines()[2] == "| Id | Liste | Tête de liste | Propositions | Thèmes |"


def test_a_title_about_many_contenders_counts_them(run: Run) -> None:
    """Thirty-eight names in a title ran for 21 lines before the table: beyond four, a title
    says how many and of which election (the columns name them)."""
    lists = run("compare", "--all", "--data", MANY, "-t", "free-software", "-f", "markdown")
    assert lists.stdout.splitlines()[0] == "# Comparaison\u202f: 38 listes · eu-test-2029"
    two = run("compare", "melenchon@2017", "macron@2017", "-t", "e-health", "-f", "markdown")
    assert two.stdout.splitlines()[0] == "# Comparaison\u202f: Jean-Luc Mélenchon · Emmanuel Macron"


def test_a_report_on_lists_names_them_as_lists(run: Run) -> None:
    lines = run("report", "--data", MANY, "-f", "markdown").stdout.splitlines()
    assert lines[2].startswith("38 listes · ")
    assert lines[4] == "## Listes"
    assert lines[6].startswith("| Liste | Tête de liste | Propositions |")
    assert any(line.startswith("Nombre de propositions de chaque liste sur") for line in lines)
    similar = run("similar", "--all", "--data", MANY, "-f", "markdown").stdout
    assert "les propositions de listes différentes sur un même thème." in similar


def test_the_matrix_note_names_lists_as_lists(run: Run) -> None:
    lists = run("matrix", "--all", "--data", MANY, "-f", "markdown")
    assert "Pour chaque liste, ses propositions" in lists.stdout
    people = run("matrix", "melenchon@2017", "macron@2017", "-f", "markdown", "--lang", "en")
    assert "For each candidate, the proposals on the theme and their share of all the " in (
        people.stdout
    )


@pytest.mark.parametrize(
    ("name", "line"),
    [
        (
            "lfi@2024",
            "La France insoumise · fr-euro-2024 · liste · Tête de liste\u202f: Manon Aubry",
        ),
        ("jadot@2017", "Europe Écologie Les Verts · fr-pres-2017 · retiré"),
        ("hamon", "Parti socialiste · fr-pres-2017 · candidat"),
    ],
)
def test_show_says_what_kind_of_contender(run: Run, name: str, line: str) -> None:
    result = run("show", name, "--width", "200")
    assert result.stdout.splitlines()[1] == line


def test_a_cell_line_never_starts_with_a_high_mark(run: Run) -> None:
    """French data writes 'réelle : décidons' with plain spaces: the terminal never breaks a
    cell's line before the ':' (nor ';', '»'), unless the word and its mark are wider than the
    column; and the spaces stay what they were."""
    for width in ("80", "100"):
        out = run("report", "--election", "2024", "--width", width).stdout
        assert not re.search(r"│ [:;»]", out), width
        assert "\ufdd0" not in out and "\ufdd1" not in out and "\ufdd2" not in out
    out = run("report", "--election", "2024", "--width", "200").stdout
    assert "Pour une démocratie réelle : décidons nous-mêmes !" in out
