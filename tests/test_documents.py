"""``progcmp import`` of documents: the measures found in labelled PDFs, web pages, Markdown and
text (precision and recall guarded), their locators, the repairs, bad documents, and
``progcmp new``."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from progcmp.data.documents import Kind
from progcmp.data.documents.importing import Input, read_document
from progcmp.data.documents.structure import Found, join_lines, measures, repair

from . import docgen
from .conftest import BUNDLED, Run

TARGET = 0.9  # precision and recall of measures, each (issue #15)
URL = "https://example.org/programme.pdf"


@dataclass
class Labelled:
    prog: docgen.Programme
    data: bytes
    lines: dict[str, int] | None = None


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Labelled]:
    """The labelled documents, generated once per session (the PDFs take seconds)."""
    two = docgen.programme(seed=3, chapters=11, sections=10, measures=5, prose=2)
    one = docgen.programme(seed=7, chapters=4, sections=4, measures=5, prose=1)
    page = docgen.programme(seed=11, chapters=5, sections=4, measures=6, prose=1)
    text = docgen.programme(seed=13, chapters=3, sections=3, measures=4, prose=1)
    out = {
        "two-columns": Labelled(two, docgen.pdf(two, columns=2)),
        "one-column": Labelled(one, docgen.pdf(one, columns=1, footer="page-of")),
        "html": Labelled(page, docgen.html_page(page).encode()),
    }
    md, md_lines = docgen.markdown(text)
    txt, txt_lines = docgen.plain_text(text)
    out["markdown"] = Labelled(text, md.encode(), md_lines)
    out["text"] = Labelled(text, txt.encode(), txt_lines)
    folder = tmp_path_factory.mktemp("documents")
    for name, doc in out.items():
        (folder / name).write_bytes(doc.data)
    return out


KINDS = {
    "two-columns": Kind.PDF,
    "one-column": Kind.PDF,
    "html": Kind.HTML,
    "markdown": Kind.MARKDOWN,
    "text": Kind.TEXT,
}


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def score(labelled: Labelled, found: list[Found]) -> tuple[float, float]:
    """Precision and recall of the measures found, a measure matching by its exact text."""
    expected = {_norm(m.text) for m in labelled.prog.measures}
    got = [_norm(f.text) for f in found]
    precision = sum(g in expected for g in got) / len(got) if got else 0.0
    recall = len(expected & set(got)) / len(expected)
    return precision, recall


def found_in(corpus: dict[str, Labelled], name: str) -> list[Found]:
    document, _ = read_document(Input(corpus[name].data, name, KINDS[name]))
    return measures(document)


@pytest.mark.parametrize("name", list(KINDS))
def test_precision_and_recall_of_measures(corpus: dict[str, Labelled], name: str) -> None:
    precision, recall = score(corpus[name], found_in(corpus, name))
    assert precision >= TARGET and recall >= TARGET, (name, precision, recall)


def test_the_two_column_programme_has_40_pages_and_a_right_page_for_every_measure(
    corpus: dict[str, Labelled],
) -> None:
    labelled = corpus["two-columns"]
    document, _ = read_document(Input(labelled.data, "p.pdf", Kind.PDF))
    assert document.pages is not None and document.pages >= 40
    pages = {_norm(m.text): m.page for m in labelled.prog.measures}
    found = measures(document)
    assert all(f.page is not None for f in found)
    right = sum(pages.get(_norm(f.text)) == f.page for f in found)
    assert right / len(found) >= TARGET
    # Running headers and page numbers never reach a measure or a heading.
    assert not any("Ensemble" in f.text or "Ensemble" in " ".join(f.context) for f in found)


def test_html_measures_have_their_section_anchor_and_no_boilerplate(
    corpus: dict[str, Labelled],
) -> None:
    found = found_in(corpus, "html")
    anchors = {_norm(m.text): m.anchor for m in corpus["html"].prog.measures}
    assert all(f.anchor == anchors[_norm(f.text)] for f in found)
    texts = " ".join(f.text for f in found)
    for noise in ("cookies", "Faire un don", "lettre d'information", "Mentions", "iframe"):
        assert noise not in texts
    assert "Mesure factice" not in texts  # a script's text is never read


@pytest.mark.parametrize("name", ["markdown", "text"])
def test_text_measures_have_their_line(corpus: dict[str, Labelled], name: str) -> None:
    lines = corpus[name].lines
    assert lines is not None
    for f in found_in(corpus, name):
        assert f.line == lines[f.text], f.text
        assert f.context and f.context[-1][0].isdigit()  # the section heading


def test_repairs() -> None:
    assert repair("la ﬁbre et l’eﬃcacité\u00ad") == "la fibre et l’efficacité"
    assert join_lines(["le numé-", "rique pour tous"]) == "le numérique pour tous"
    assert join_lines(["la e-", "santé"], {"e-santé"}) == "la e-santé"
    assert join_lines(["fin de phrase -", "Début"]) == "fin de phrase - Début"


# --- the command ------------------------------------------------------------------------------


def args(path: Path | str, *extra: str) -> list[str]:
    return [
        "import",
        str(path),
        "--name",
        "Paul Exemple",
        "--party",
        "Parti exemple",
        "--election",
        "fr-pres-2027",
        "--data",
        str(BUNDLED),
        *extra,
    ]


def test_import_of_a_pdf_writes_a_draft_with_pages(
    corpus: dict[str, Labelled], run: Run, tmp_path: Path
) -> None:
    pdf = tmp_path / "programme.txt"  # the kind comes from the content, not the name
    pdf.write_bytes(corpus["one-column"].data)
    result = run(*args(pdf, "--url", URL))
    assert result.code == 0, result.stderr
    assert "locator: p. 1\n" in result.stdout
    assert f"# in: 1. Une République numérique › 1.1 Nos engagements — {URL}#page=1" in (
        result.stdout
    )
    assert "Brouillon importé de programme.txt" in result.stdout
    assert result.stderr.startswith("imported ")


def test_standard_input(
    corpus: dict[str, Labelled], run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(corpus["markdown"].data), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    result = run(*args("-", "--url", "https://example.org/programme"))
    assert result.code == 0, result.stderr
    assert "locator: l. " in result.stdout


def test_a_document_needs_url(corpus: dict[str, Labelled], run: Run, tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_bytes(corpus["html"].data)
    result = run(*args(page))
    assert (result.code, result.stdout) == (2, "")
    assert "give --url" in result.stderr


def bad(run: Run, tmp_path: Path, data: bytes, name: str = "doc.pdf") -> str:
    path = tmp_path / name
    path.write_bytes(data)
    out = tmp_path / "out.yaml"
    result = run(*args(path, "--url", URL, "-o", str(out)))
    assert (result.code, result.stdout) == (1, ""), result.stderr
    assert not out.exists()
    assert "Traceback" not in result.stderr
    return result.stderr


def test_bad_documents(corpus: dict[str, Labelled], run: Run, tmp_path: Path) -> None:
    prog = corpus["one-column"].prog
    cases = {
        "encrypted": (docgen.encrypted(prog), "this PDF is encrypted (it needs a password)"),
        "scanned": (docgen.scanned(), "no text in this PDF: it needs OCR first"),
        "truncated": (corpus["one-column"].data[:3000], "damaged"),
        "garbage": (b"%PDF-1.7\n" + bytes(range(256)) * 40, "not a readable PDF"),
        "zip": (b"PK\x03\x04" + b"\x00" * 100, "an Office or OpenDocument file?"),
    }
    for what, (data, message) in cases.items():
        assert message in bad(run, tmp_path, data), what


def test_a_1000_page_pdf_is_refused_fast(run: Run, tmp_path: Path) -> None:
    data = docgen.many_pages(1000)
    assert len(data) < 400_000
    start = time.perf_counter()
    stderr = bad(run, tmp_path, data)
    assert time.perf_counter() - start < 10
    assert "this PDF has 1000 pages, over the limit of 500; give --max-pages" in stderr


def test_html_charset_lie_scripts_only_and_inline_data(
    corpus: dict[str, Labelled], run: Run, tmp_path: Path
) -> None:
    lie = docgen.html_page(corpus["html"].prog).encode("cp1252", "replace")
    assert "not valid utf-8 (byte 0xE9), the charset declared by the page" in bad(
        run, tmp_path, lie, "p.html"
    )
    scripts = b"<html><body><script>document.write('<li>Mesure</li>')</script>" + (
        b"<iframe src='https://x.example'></iframe></body></html>"
    )
    assert "no text in this page's content" in bad(run, tmp_path, scripts, "s.html")
    page = docgen.html_page(corpus["html"].prog).replace(
        "<main>", '<main><img src="data:image/png;base64,' + "A" * 10_000_000 + '">'
    )
    path = tmp_path / "big.html"
    path.write_text(page, encoding="utf-8")
    start = time.perf_counter()
    result = run(*args(path, "--url", URL))
    assert result.code == 0, result.stderr
    assert time.perf_counter() - start < 20
    assert "AAAA" not in result.stdout


def test_a_missing_extra_says_what_to_install(
    corpus: dict[str, Labelled], run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pypdf", None)
    stderr = bad(run, tmp_path, corpus["one-column"].data)
    assert stderr == (
        "progcmp: error: reading a PDF needs the package pypdf: install it with "
        "pip install 'progcmp[import]' (or pip install pypdf)\n"
    )


def test_only_the_import_command_loads_the_readers() -> None:
    code = (
        "import sys; from progcmp.cli import main\n"
        "for argv in (['--version'], ['themes']):\n"
        "    try:\n        main(argv)\n    except SystemExit: pass\n"
        "print(sorted(m for m in sys.modules if m.startswith(('pypdf', 'selectolax', "
        "'progcmp.data.documents', 'progcmp.data.scaffold'))))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": "", "NO_COLOR": "1"},
        check=True,
    )
    assert out.stdout.splitlines()[-1] == "[]"


# --- progcmp new, and the whole way through ---------------------------------------------------


def test_new_election_new_candidate_import_validate_compare(
    corpus: dict[str, Labelled], run: Run, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    assert run("new", "election", "fr-pres-2027", "--data", data).code == 0
    assert (data / "themes.yaml").read_bytes() == (BUNDLED / "themes.yaml").read_bytes()
    result = run(
        "new",
        "candidate",
        "Jeanne Exemple",
        "--party",
        "Parti exemple",
        "--election",
        "fr-pres-2027",
        "--data",
        data,
    )
    assert result.code == 0, result.stderr
    assert "# 1. Sources first" in (data / "fr-pres-2027" / "jeanne-exemple.yaml").read_text()
    pdf = tmp_path / "programme.pdf"
    pdf.write_bytes(corpus["two-columns"].data)
    out = data / "fr-pres-2027" / "paul-exemple.yaml"
    command = args(pdf, "--url", URL, "-o", str(out))
    command[command.index("--data") + 1] = str(data)
    imported = run(*command)
    assert imported.code == 0, imported.stderr
    assert run("validate", "--data", data).code == 0
    compared = run("compare", "jeanne-exemple", "paul-exemple", "--data", data, "-f", "json")
    assert compared.code == 0, compared.stderr
    # Never over anything.
    before = out.read_bytes()
    again = run(
        "new",
        "candidate",
        "Paul Exemple",
        "--party",
        "P",
        "--election",
        "fr-pres-2027",
        "--data",
        data,
    )
    assert (again.code, again.stderr) == (
        1,
        f"progcmp: error: {out} exists already; nothing written\n",
    )
    assert out.read_bytes() == before
    assert run("new", "election", "fr-pres-2027", "--data", data).code == 1


def test_new_election_from_and_empty(run: Run, tmp_path: Path) -> None:
    assert (
        run("new", "election", "fr-x-2027", "--from", "fr-pres-2017", "--data", tmp_path / "a").code
        == 0
    )
    assert (tmp_path / "a" / "themes.yaml").read_bytes() == (BUNDLED / "themes.yaml").read_bytes()
    assert run("new", "election", "fr-x-2027", "--empty", "--data", tmp_path / "b").code == 0
    assert (
        run(
            "new",
            "candidate",
            "Zoé",
            "--party",
            "P",
            "--election",
            "fr-x-2027",
            "--data",
            tmp_path / "b",
        ).code
        == 0
    )
    assert run("validate", "--data", tmp_path / "b").code == 0
    missing = run("new", "election", "fr-y-2027", "--from", "fr-nowhere", "--data", tmp_path / "a")
    assert missing.code == 2 and "no election 'fr-nowhere'" in missing.stderr
    no_folder = run(
        "new",
        "candidate",
        "Zoé",
        "--party",
        "P",
        "--election",
        "fr-z-2027",
        "--data",
        tmp_path / "a",
    )
    assert no_folder.code == 2 and "progcmp new election fr-z-2027" in no_folder.stderr


def test_new_candidate_spells_its_id_by_the_text_language(run: Run, tmp_path: Path) -> None:
    """Invented names: a German list, a Russian name, a Greek one."""
    data = tmp_path / "data"
    assert run("new", "election", "de-test-2029", "--empty", "--data", data).code == 0
    for name, lang, expected in [
        ("Bündnis Zölle/Die Beispiele", "de", "buendnis-zoelle-die-beispiele"),
        ("Иван Примеров", "fr", "ivan-primerov"),
        ("Ελένη Παράδειγμα", "fr", "eleni-paradeigma"),
    ]:
        result = run(
            "new", "candidate", name, "--party", "P", "--election", "de-test-2029",
            "--data", data, "--text-lang", lang,
        )  # fmt: skip
        assert result.code == 0, result.stderr
        assert (data / "de-test-2029" / f"{expected}.yaml").is_file()
    assert run("validate", "--data", data).code == 0
