"""`progcmp import`: CSV in, a valid candidate file out, with suggested themes and honest notes."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from progcmp import DataError, UsageError, load_dataset
from progcmp.data.importer import ImportOptions, normalise, plan_import, read_table
from progcmp.text.ids import make_id

from .conftest import REPO, TESTS, Run

IMPORT = TESTS / "data" / "import"
CSV = IMPORT / "programme.csv"
SHARED = REPO.parent / "shared" / "data" / "presidentielles2017"
WHO = ("--name", "Zoé Test", "--party", "Parti Test", "--election", "fr-test-2027")
D = ("--data", str(IMPORT))
SUMMARY = (
    "imported 4 proposals from 9 rows, 6 sources, 1 flagged for review, 2 matching no theme "
    "(kept as comments), 1 repeated from another page (merged, with a note), 1 duplicate row "
    "skipped, 1 empty row skipped\n"
)


def data_folder(root: Path) -> Path:
    """A data folder with the import catalogue and an empty election folder."""
    (root / "fr-test-2027").mkdir(parents=True)
    shutil.copy(IMPORT / "themes.yaml", root / "themes.yaml")
    return root


def options(**changes: object) -> ImportOptions:
    base: dict[str, object] = {
        "id": "zoe",
        "name": "Zoé",
        "party": "P",
        "election": "fr-test-2027",
    }
    return ImportOptions(**{**base, **changes})  # type: ignore[arg-type]


def test_import_to_stdout_is_the_golden_file(run: Run, golden: Callable[[str, str], None]) -> None:
    result = run("import", CSV, *WHO, *D)
    assert (result.code, result.stderr) == (0, SUMMARY)
    golden("import.yaml", result.stdout)


def test_the_written_file_is_valid_and_honest(run: Run, tmp_path: Path) -> None:
    root = data_folder(tmp_path / "data")
    target = root / "fr-test-2027" / "zoe.yaml"
    result = run("import", CSV, *WHO, "--id", "zoe", *D, "-o", target)
    assert (result.code, result.stdout, result.stderr) == (0, "", SUMMARY)
    assert run("validate", target, "--data", root).code == 0
    zoe = load_dataset(root).candidates[0]
    assert zoe.note is not None and "mot pour mot" in zoe.note and "relire" in zoe.note
    assert set(zoe.reviewed) == {s.id for s in zoe.sources}
    assert [(p.id, p.themes) for p in zoe.proposals] == [
        ("publier-donnees-ouvertes-budget-commune", ("open-government",)),
        ("generaliser-logiciel-libre-ecoles-former", ("free-software",)),
        ("installer-videosurveillance-gares", ("privacy",)),
        ("inscrire-loi-egalite-traitement-flux-exception", ("net-neutrality",)),  # from the column
    ]
    assert zoe.proposals[1].summary == (
        "Généraliser le logiciel libre dans les écoles :\n"
        "- former les enseignants\n- migrer les postes de travail"
    )
    assert zoe.proposals[0].note == "Même texte aussi publié sur : example-budget."
    text = target.read_text(encoding="utf-8")
    assert "  # REVIEW: low-confidence themes: privacy 0.55 (vidéosurveillance)\n" in text
    assert "  # - id: construire-logements-sociaux-quartier\n" in text


def test_only_matching_drops_the_rest_and_says_so(run: Run) -> None:
    result = run("import", CSV, *WHO, *D, "--only-matching")
    assert result.code == 0
    assert "# - id:" not in result.stdout
    note = yaml.safe_load(result.stdout)["note"]
    assert note.endswith(" Seules les lignes rattachées à un thème ont été gardées.")
    assert "2 matching no theme (left out)" in result.stderr


def test_never_overwrites_without_force(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "zoe.yaml"
    target.write_text("mine", encoding="utf-8")
    refused = run("import", CSV, *WHO, *D, "-o", target)
    assert (refused.code, refused.stderr) == (
        1,
        f"progcmp: error: {target} already exists; use --force to replace it\n",
    )
    assert target.read_text(encoding="utf-8") == "mine"
    forced = run("import", CSV, *WHO, *D, "-o", target, "--force")
    assert forced.code == 0
    assert forced.stderr.startswith(
        "note: progcmp reads this file only as fr-test-2027/zoe-test.yaml in a data folder\n"
    )
    named = run("import", CSV, "--name", "Marie de La Tour", *WHO[2:], *D)
    assert "\nid: marie-de-la-tour\n" in named.stdout  # the default id keeps every word


@pytest.mark.parametrize(
    ("raw", "args", "note"),
    [
        ("proposition,source\nNeutralité du net,https://e.org/a\n".encode(), (), ""),
        (
            "proposition,source\nNeutralité du net,https://e.org/a\n".encode("utf-8-sig"),
            (),
            "",
        ),
        ("proposition,source\nNeutralité du net,https://e.org/a\n".encode("utf-16"), (), ""),
        (
            "proposition;source\r\nNeutralité du net;https://e.org/a\r\n".encode("cp1252"),
            (),
            "note: {path} is not valid UTF-8 (byte 0xE9 at line 2); read it as Windows-1252 "
            "(cp1252): check the accents, or give --encoding\n",
        ),
        (
            "proposition\tsource\nNeutralité du net\thttps://e.org/a\n".encode("latin-1"),
            ("--encoding", "latin-1", "--delimiter", "tab"),
            "",
        ),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16", "cp1252-semicolon", "latin-1-tab"],
)
def test_encodings_and_delimiters(
    run: Run, tmp_path: Path, raw: bytes, args: tuple[str, ...], note: str
) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes(raw)
    result = run("import", path, *WHO, *D, *args)
    assert result.code == 0, result.stderr
    assert result.stderr.startswith(note.format(path=path))
    assert "    summary: Neutralité du net\n" in result.stdout


@pytest.mark.parametrize(
    ("raw", "args", "code", "stderr"),
    [
        (
            b"proposition,source\nx\x81y,https://e.org/a\n",
            (),
            1,
            "{path}:2:2: not valid UTF-8 (byte 0x81) nor Windows-1252; give the file's "
            "encoding with --encoding\n",
        ),
        (b"a,b\n", ("--encoding", "klingon"), 2, "unknown encoding 'klingon'\n"),
        (
            b"texte,url\nx,https://e.org/a\n",
            (),
            1,
            "{path}:1:1: no column 'proposition' (the columns are 'texte', 'url'); name it "
            "with --text-column\n",
        ),
        (
            b"proposition,source\nx,ftp://e.org/a\ny,\n",
            (),
            1,
            "{path}:2:1: column 'source' must be an http(s) URL (got 'ftp://e.org/a')\n"
            "{path}:3:1: column 'source' is empty; give --url for rows without a source\n",
        ),
        (
            b"proposition,source,themes\nx,https://e.org/a,open-govenment\n",
            (),
            1,
            "{path}:2:1: unknown theme 'open-govenment' (did you mean 'open-government'?)\n",
        ),
        (b"", (), 1, "{path}:1:1: file is empty; expected a header row and rows\n"),
        (
            b'proposition\n"open\n',
            (),
            1,
            "{path}:2:1: cannot read as CSV: unexpected end of data\n",
        ),
        (b"proposition,source\n", ("--id", "Not An Id"), 2, "--id must be lowercase"),
        (b"proposition,source\n", ("--date", "2017-13"), 2, "--date must be a date written"),
        (b"proposition,source\n", ("--delimiter", ";;"), 2, "--delimiter must be one character"),
    ],
)
def test_bad_input_is_reported_where_it_is(
    run: Run, tmp_path: Path, raw: bytes, args: tuple[str, ...], code: int, stderr: str
) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes(raw)
    result = run("import", path, *WHO, *D, *args)
    assert (result.code, result.stdout) == (code, "")
    expected = stderr.format(path=path)
    if code == 2:
        assert result.stderr.startswith("progcmp: error: " + expected)
    else:
        problems = expected.count("\n")
        plural = "s" if problems > 1 else ""
        assert result.stderr == expected + f"progcmp: error: {problems} problem{plural} in 1 file\n"


def test_url_option_gives_rows_a_source(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_text("texte\nGarantir la neutralité du net\n", encoding="utf-8")
    result = run("import", path, *WHO, *D, "--text-column", "Texte", "--url", "https://e.org/p")
    assert result.code == 0, result.stderr
    assert "    url: https://e.org/p\n" in result.stdout


def test_library_reads_multiline_cells_and_makes_unique_ids(tmp_path: Path) -> None:
    long = "Garantir la neutralité du net " + "et encore " * 400
    path = tmp_path / "in.csv"
    path.write_text(
        "proposition,source\n"
        f'"Garantir la neutralité du net",https://e.org/a\n'
        f'"Garantir la neutralité du net !",https://e.org/a\n'
        f'"{long}",https://e.org/b\n',
        encoding="utf-8",
    )
    data = load_dataset(IMPORT)
    result = plan_import(read_table(path, text_column="proposition"), data, options())
    ids = [p.id for p in result.proposals]
    assert ids == [
        "garantir-neutralite-net",
        "garantir-neutralite-net-2",
        "garantir-neutralite-net-3",  # 'et encore' are stop words
    ]
    cut = result.proposals[2]
    assert len(cut.summary) <= 2000 and cut.summary.endswith("…")
    assert cut.notes == [f"Texte coupé à {len(cut.summary)} caractères : la source en compte 4029."]
    assert result.checked_yaml(data)


def test_normalise_cells() -> None:
    assert normalise("  Faire :\r\n\tceci\t\r\n\t- cela\n\n\n\tet →\t encore\x1b[31m ") == (
        "Faire :\n- ceci\n- cela\n\n- et → encore"
    )
    assert normalise(" \t \n ") == ""


def test_slugs() -> None:
    assert make_id("L'État d'abord : 100 % des démarches", words=6, length=48) == (
        "etat-abord-100-demarches"
    )
    assert make_id("de la", words=6, length=48) == "de-la"  # all stop words: all kept
    assert len(make_id("mot " * 40, words=30, length=48)) <= 48


def test_options_are_checked_before_anything_is_read() -> None:
    with pytest.raises(UsageError, match="--name is empty"):
        plan_import(
            read_table(CSV, text_column="proposition"), load_dataset(IMPORT), options(name=" ")
        )
    with pytest.raises(UsageError, match="--party contains a control character"):
        plan_import(
            read_table(CSV, text_column="proposition"), load_dataset(IMPORT), options(party="a\nb")
        )


def test_a_file_over_the_size_limit_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    import progcmp.data.loader

    monkeypatch.setattr(progcmp.data.loader, "MAX_FILE_BYTES", 1000)
    data = load_dataset(IMPORT)
    result = plan_import(read_table(CSV, text_column="proposition"), data, options())
    with pytest.raises(DataError, match="file would be over the limit of 1000 bytes"):
        result.checked_yaml(data)


# --- the 2017 corpus, when ../shared is there ---------------------------------------------------

needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/data is not present")


@needs_shared
@pytest.mark.parametrize("csv_file", sorted(SHARED.glob("*.csv")) if SHARED.is_dir() else [])
def test_every_2017_programme_imports_into_a_valid_file(csv_file: Path, tmp_path: Path) -> None:
    from progcmp.data.output import bundled_data

    data = load_dataset(bundled_data())
    table = read_table(csv_file, text_column="proposition")
    result = plan_import(table, data, options(id="x", election="fr-pres-2017"))
    assert result.checked_yaml(data)
    assert result.rows == len(table.rows) > 50
    assert result.proposals  # every 2017 programme says something on digital matters


@needs_shared
def test_melenchon_digital_part(run: Run, tmp_path: Path) -> None:
    """The issue's acceptance command: the digital part of a whole programme, themes suggested."""
    target = tmp_path / "fr-pres-2017" / "melenchon.yaml"
    target.parent.mkdir()
    result = run(
        "import",
        SHARED / "jean_luc_melenchon.csv",
        "--only-matching",
        "--id",
        "melenchon",
        "--name",
        "Jean-Luc Mélenchon",
        "--party",
        "La France insoumise",
        "--election",
        "fr-pres-2017",
        "-o",
        target,
    )
    assert result.code == 0, result.stderr
    assert run("validate", target).code == 0
    shutil.copy(REPO / "programmes" / "themes.yaml", tmp_path / "themes.yaml")
    melenchon = load_dataset(tmp_path).candidates[0]
    assert 8 <= len(melenchon.proposals) <= 30  # the digital part of 362 rows
    assert len(melenchon.sources) == 79 and set(melenchon.reviewed) == {
        s.id for s in melenchon.sources
    }
    by_source = {(p.source, t) for p in melenchon.proposals for t in p.themes}
    section = next(s.id for s in melenchon.sources if "/section/77/" in s.url)
    assert (section, "copyright-culture") in by_source  # the Hadopi measure
    section = next(s.id for s in melenchon.sources if "/section/25/" in s.url)
    assert (section, "platform-work") in by_source  # requalifying platform workers


def test_themes_beyond_the_three_given_are_named_for_the_reviewer(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_text(
        "proposition,source\n"
        '"Logiciel libre, données ouvertes, neutralité du net et chiffrement",https://e.org/a\n',
        encoding="utf-8",
    )
    result = run("import", path, *WHO, *D)
    assert result.code == 0, result.stderr
    assert "    themes: [free-software, open-government, net-neutrality]\n" in result.stdout
    assert "also above the threshold: privacy 0.80" in " ".join(
        line.strip(" #") for line in result.stdout.splitlines()
    )


NOT_TEXT = ("base64", "rot13", "hex", "zlib", "bz2", "uu", "quopri", "idna", "punycode")


@pytest.mark.parametrize(
    "encoding", [*NOT_TEXT, "undefined", "unicode_escape", "raw_unicode_escape"]
)
def test_only_text_encodings_are_accepted(encoding: str) -> None:
    """Codecs that turn bytes into bytes, or that are not a character set, are usage errors."""
    with pytest.raises(UsageError, match=f"--encoding '{encoding}' is not a text encoding"):
        read_table(CSV, encoding=encoding, text_column="proposition")


@pytest.mark.parametrize("encoding", ["utf-8", "latin-1", "cp1252", "utf-16", "mac-roman"])
def test_text_encodings_are_accepted(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "p.csv"
    path.write_text("proposition,source\nAccès libre,https://example.org/p\n", encoding=encoding)
    table = read_table(path, encoding=encoding, text_column="proposition")
    assert table.rows[0][1][0] == "Accès libre"


def test_a_header_cell_over_the_csv_limit_is_a_data_error(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text("proposition,source," + "x" * 140_000 + "\na,b,c\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        read_table(path, text_column="proposition")
    assert [p.message for p in caught.value.problems] == [
        "cannot read as CSV: a cell is over 131072 characters, the limit"
    ]


def test_source_ids_take_linear_work(monkeypatch: pytest.MonkeyPatch) -> None:
    """The path prefix a site's pages share is worked out once per site, not once per URL
    (40,000 URLs of one site took 53 s), and ids stay those of the plain definition."""
    import progcmp.data.importer as importer

    calls: list[int] = []
    common_prefix = importer._common_prefix

    def counted(paths: list[list[str]]) -> int:
        calls.append(len(paths))
        return common_prefix(paths)

    monkeypatch.setattr(importer, "_common_prefix", counted)
    urls = [f"https://example.org/programme/{i % 50}/page" for i in range(2_000)]
    urls += ["https://other.example/a", "https://other.example/b"]
    sources = importer._sources(urls)
    assert len(calls) <= 2  # one per site with several pages
    ids = [s.id for s in sources]
    assert len(set(ids)) == len(ids)
    assert ids[:2] == ["example-0-page", "example-1-page"]
    assert ids[50:52] == ["example-0-page-2", "example-1-page-2"]


def test_unique_ids_are_the_first_free_suffix() -> None:
    from progcmp.data.importer import _Ids

    unique = _Ids()
    made = [unique(base) for base in ["a", "a", "a-3", "a", "a", "b", "a-2-2", "a-2"]]
    assert made == ["a", "a-2", "a-3", "a-4", "a-5", "b", "a-2-2", "a-2-3"]
