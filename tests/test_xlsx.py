"""Excel workbooks: read back with openpyxl and as the XML inside the zip, since binary output
has no golden file. Sheets, frozen bold header, every text a string (never a formula), links
only for http(s), the same bytes every time; and the CLI's rules for binary output."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet

from progcmp import election_report, load_dataset
from progcmp.render import RenderOptions, render_bytes
from progcmp.render.csv import fields
from progcmp.render.locale import get_locale
from progcmp.render.xlsx import MAX_WIDTH, MIN_WIDTH, creation_date, sheet_names, sheets
from progcmp.text import clean
from progcmp.views import View
from progcmp.views.compare import compare

from .conftest import VALID, Run
from .test_bad_inputs import cases, make_workspace
from .test_render import HOSTILE, empty_views, hostile_dataset, views

D = ("--data", str(VALID))
FR = get_locale("fr")
TRIGGERS = ("=", "+", "-", "@")


def workbook(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def workbook_text(data: bytes) -> str:
    """Every sheet name and cell of a workbook, one a line (for checks made on text)."""
    book = workbook(data)
    cells = [str(c.value) for s in book for row in s.iter_rows() for c in row if c.value]
    return "\n".join([*book.sheetnames, *cells]) + "\n"


def check_workbook(view: View, data: bytes) -> openpyxl.Workbook:
    """What every workbook promises, whatever the view."""
    assert data == render_bytes(view, "xlsx"), "not deterministic"
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        for name in archive.namelist():
            if name.startswith("xl/worksheets/sheet"):
                xml = archive.read(name).decode("utf-8")
                assert not re.search(r"<f[ >]", xml), f"a formula in {name}"
    book = workbook(data)
    expected = sheets(view, RenderOptions())
    assert len(book.worksheets) == len(expected) >= 1
    names = book.sheetnames
    assert len({n.casefold() for n in names}) == len(names)
    for name in names:
        assert 1 <= len(name) <= 31 and not set(name) & set("[]:*?/\\"), name
    for sheet, table in zip(book.worksheets, expected, strict=True):
        check_sheet(sheet, table.header)
    # The first table of every view but the report, the third of the report: the CSV's rows.
    records = view.to_records()
    header = fields(view, records)
    rows = [h for h in book.worksheets if [c.value for c in h[1]] == header]
    assert rows, "no sheet holds the CSV's rows"
    got = [[c.value or "" for c in row] for row in rows[0].iter_rows(min_row=2)]
    assert got == [[clean(r.get(k, ""), multiline=True) for k in header] for r in records]
    return book


def check_sheet(sheet: Worksheet, header: list[str]) -> None:
    assert sheet.freeze_panes == "A2"
    top = list(sheet[1]) if header else []
    assert [c.value for c in top] == header
    assert all(c.font.b for c in top)
    for row in sheet.iter_rows():
        for c in row:
            assert c.data_type != "f", (c.coordinate, c.value)
            if isinstance(c.value, str):
                assert c.data_type == "s"
            if c.hyperlink is not None:
                assert c.hyperlink.target is not None
                assert c.hyperlink.target.startswith(("http://", "https://")), c.hyperlink.target
                assert c.value == c.hyperlink.target
    for letter, dimension in sheet.column_dimensions.items():
        if letter and dimension.width:
            assert MIN_WIDTH <= dimension.width <= MAX_WIDTH + 1


@pytest.mark.parametrize("name", sorted(views()))
def test_every_view(name: str) -> None:
    view = views()[name]
    check_workbook(view, render_bytes(view, "xlsx"))


@pytest.mark.parametrize("name", sorted(empty_views()))
def test_every_empty_view(name: str) -> None:
    view = empty_views()[name]
    check_workbook(view, render_bytes(view, "xlsx"))


@pytest.mark.parametrize("name", sorted(views()))
def test_hostile_text_stays_text(name: str) -> None:
    view = views(hostile_dataset())[name]
    book = check_workbook(view, render_bytes(view, "xlsx"))
    values = [
        c.value for sheet in book.worksheets for row in sheet.iter_rows() for c in row if c.value
    ]
    for value in values:
        assert isinstance(value, int | str)
        if isinstance(value, str):
            for bad in ("\x1b", "\x9b", "\u202e", "\u200b", "\x07", "\r"):
                assert bad not in value
    if name in ("compare", "report", "show"):
        # the formula-like summaries are there, as they are, as strings
        for text in HOSTILE:
            if text.startswith(TRIGGERS):
                assert text in values, text


def test_comparison_and_report_sheets() -> None:
    book = workbook(render_bytes(views()["compare"], "xlsx"))
    assert book.sheetnames == ["Comparaison", "Sources"]
    book = workbook(render_bytes(views()["report"], "xlsx"))
    assert book.sheetnames == [
        "Couverture des thèmes",
        "Thèmes sans proposition",
        "Propositions",
        "Sources",
    ]
    english = render_bytes(views()["report"], "xlsx", RenderOptions(locale=get_locale("en")))
    assert workbook(english).sheetnames == [
        "Theme coverage",
        "Themes without a proposal",
        "Proposals",
        "Sources",
    ]
    coverage = book.worksheets[0]
    header = [c.value for c in coverage[1]]
    assert header[:5] == ["theme", "theme_label", "theme_lang", "theme_label_fr", "theme_label_en"]
    values = [c.value for row in coverage.iter_rows(min_row=2) for c in row[5:]]
    assert values and all(isinstance(v, int) or v in ("none-found", "declined",
        "not-reviewed", "contested") for v in values)  # fmt: skip


def test_links_only_for_http_urls() -> None:
    data = hostile_dataset()
    book = workbook(render_bytes(compare(data, data.candidates), "xlsx"))
    sources = book["Sources"]
    url = [c.value for c in sources[1]].index("url") + 1
    by_url = {row[url - 1].value: row[url - 1] for row in sources.iter_rows(min_row=2)}
    assert by_url["https://example.org/a_(b)"].hyperlink is not None
    assert by_url["javascript:alert(1)"].hyperlink is None
    title = [c.value for c in sources[1]].index("title")
    titles = [row[title].value for row in sources.iter_rows(min_row=2)]
    assert "=cmd|' /C calc'!A0" in titles  # a string, not a DDE formula


def test_formula_cases_of_the_bad_input_corpus(tmp_path: Path) -> None:
    """The CSV-* cases' data, as a workbook: formula-like text is kept whole, as strings."""
    chosen = [case for case in cases() if case.id.startswith("CSV-")]
    assert chosen
    texts: list[str] = []
    for case in chosen:
        make_workspace(case, tmp_path / case.id)
        data = load_dataset(tmp_path / case.id / "data")
        view = compare(data, data.candidates)
        book = check_workbook(view, render_bytes(view, "xlsx"))
        texts += [
            c.value for s in book for row in s.iter_rows() for c in row if isinstance(c.value, str)
        ]
    assert any(t.startswith("=HYPERLINK") for t in texts)
    assert any(t.startswith("   =1+1") for t in texts)
    assert any(t.startswith("\u00a0=1+2") for t in texts)


def test_sheet_names_are_valid_and_unique() -> None:
    names = sheet_names(
        ["Sources", "sources", "a[b]:c*d?e/f\\g", "'quoted'", "", "x" * 40, "x" * 40, "Sources"]
    )
    assert names == [
        "Sources",
        "sources (2)",
        "a b  c d e f g",
        "quoted",
        "Sheet",
        "x" * 31,
        "x" * 27 + " (2)",
        "Sources (3)",
    ]


def test_creation_date_is_fixed_or_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    view = views()["candidates"]
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    with zipfile.ZipFile(io.BytesIO(render_bytes(view, "xlsx"))) as archive:
        assert "2000-01-01T00:00:00Z" in archive.read("docProps/core.xml").decode()
        assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert creation_date().year == 2023
    with zipfile.ZipFile(io.BytesIO(render_bytes(view, "xlsx"))) as archive:
        assert "2023-11-14T22:13:20Z" in archive.read("docProps/core.xml").decode()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "soon")
    assert creation_date().year == 2000


def test_cli_writes_a_workbook_to_a_file(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "out.xlsx"
    result = run("compare", "zoe", "bob", *D, "-o", out)
    assert (result.code, result.stdout, result.stderr) == (0, "", "")
    assert workbook(out.read_bytes()).sheetnames == ["Comparaison", "Sources"]
    again = run("compare", "zoe", *D, "-o", out)
    assert again.code == 1 and "already exists; use --force" in again.stderr
    assert workbook(out.read_bytes()).sheetnames == ["Comparaison", "Sources"]  # untouched
    assert run("compare", "zoe", *D, "-o", out, "--force").code == 0
    assert list(tmp_path.iterdir()) == [out]  # no temporary file left
    named = tmp_path / "report.data"
    assert run("report", *D, "-f", "xlsx", "-o", named).code == 0
    assert len(workbook(named.read_bytes()).sheetnames) == 4


def test_cli_pipes_a_workbook_but_refuses_a_terminal() -> None:
    command = [sys.executable, "-m", "progcmp", "report", *D, "-f", "xlsx"]
    piped = subprocess.run(command, capture_output=True, check=False)
    assert (piped.returncode, piped.stderr) == (0, b"")
    expected = render_bytes(election_report(load_dataset(VALID)), "xlsx")
    if piped.stdout != expected:  # say which part differs
        with (
            zipfile.ZipFile(io.BytesIO(piped.stdout)) as a,
            zipfile.ZipFile(io.BytesIO(expected)) as b,
        ):
            assert a.namelist() == b.namelist()
            for name in a.namelist():
                assert a.read(name).decode() == b.read(name).decode(), name
    assert piped.stdout == expected
    pty = pytest.importorskip("pty")
    leader, follower = pty.openpty()
    try:
        tty = subprocess.run(command, stdout=follower, stderr=subprocess.PIPE, check=False)
    finally:
        os.close(follower)
        os.close(leader)
    assert tty.returncode == 2
    assert tty.stderr.decode().startswith(
        "progcmp: error: xlsx is a binary format, not for a terminal: "
        "write it to a file with --output FILE.xlsx (or pipe it)\n"
    )


def test_cli_without_xlsxwriter_says_how_to_install_it(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "xlsxwriter", None)  # import fails as if not installed
    out = tmp_path / "out.xlsx"
    result = run("compare", "zoe", *D, "-o", out)
    assert result.code == 1
    assert result.stderr == (
        "progcmp: error: writing xlsx needs the package xlsxwriter: install it with "
        "pip install 'progcmp[xlsx]' (or pip install xlsxwriter)\n"
    )
    assert not out.exists()


def test_too_many_rows_for_a_sheet_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from progcmp.model.errors import ProgcmpError
    from progcmp.render import xlsx

    monkeypatch.setattr(xlsx, "MAX_ROWS", 2)  # the header and one row
    with pytest.raises(ProgcmpError, match="over the 1 a workbook sheet holds; use --format csv"):
        render_bytes(views()["candidates"], "xlsx")
