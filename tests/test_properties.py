"""Properties that hold for any input (hypothesis, a few hundred examples each).

- The loader, given any bytes or text, returns a dataset or raises DataError: nothing else.
- The sanitiser is idempotent and leaves no control, escape or invisible character.
- Every renderer of the registry, given data holding anything, writes inert text: Markdown
  tables keep their column count, CSV round-trips, HTML has no script, event handler or
  non-web link, JSON reads back as the view, the terminal gets no escape sequence.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from progcmp import DataError, load_dataset
from progcmp.data.yamlio import Located, parse
from progcmp.model import (
    Annotation,
    Assessment,
    Candidate,
    Dataset,
    GapKind,
    Localized,
    Proposal,
    Source,
    SourceKind,
    Theme,
)
from progcmp.model.errors import Problem
from progcmp.render import BINARY_FORMATS, FORMATS, RenderOptions, render, render_bytes
from progcmp.text import UNSAFE, clean, escape_controls
from progcmp.views import View

from .conftest import VALID, examples
from .test_bad_inputs import BASE as CORPUS_BASE
from .test_render import DATA, HOSTILE, check_csv, check_html, check_markdown, views
from .test_xlsx import workbook_text

# One setting for every property: enough examples to find the odd case, few enough that the
# whole suite stays fast. These are the "ci" profile's counts; "dev" runs a fifth of them
# (tests/conftest.py).
EXAMPLES = examples(300)
RENDER_EXAMPLES = examples(200)  # each renders every view of the suite (views() in test_render)

FILE = CORPUS_BASE / "fr-test-2027" / "alice.yaml"
BASE_TEXT = FILE.read_text(encoding="utf-8")
LOADER = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture(scope="module")
def data_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("data")
    (root / "fr-test-2027").mkdir()
    (root / "themes.yaml").write_bytes((VALID / "themes.yaml").read_bytes())
    return root


def load_bytes(root: Path, data: bytes) -> None:
    """Load a data folder whose one candidate file holds ``data``: a dataset or DataError."""
    (root / "fr-test-2027" / "alice.yaml").write_bytes(data)
    try:
        load_dataset(root)
    except DataError as exc:
        assert exc.problems, "a DataError always says what is wrong"
        for problem in exc.problems:
            line = escape_controls(str(problem))
            assert "\n" not in line and not UNSAFE.search(line)


# --- the loader ---------------------------------------------------------------------------------

YAMLISH = st.sampled_from(
    [
        *list("-:[]{}&*!|>'\"#%@?,` \n\t\r\\~"),
        "\x00",
        "\x1b",
        "\x85",
        "\u2028",
        "\ufeff",
        "\ufffe",
        "é",
        "<<",
        "---",
        "...",
        "!!",
        "0x",
        "  - ",
        ": ",
        "id: ",
        "themes: ",
        "proposals:\n",
        "'",
        "\\x41",
        "\\e",
        "&a ",
        "*a",
        "!!str ",
    ]
)


@st.composite
def mutations(draw: st.DrawFn) -> bytes:
    """The valid base file with a few random insertions, deletions and replacements."""
    text = BASE_TEXT
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["insert", "delete", "replace"]))
        piece = draw(st.one_of(YAMLISH, st.text(max_size=5)))
        if action == "insert":
            text = text[:at] + piece + text[at:]
        elif action == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 20)) :]
        else:
            text = text[:at] + piece + text[at + len(piece) :]
    raw = text.encode("utf-8", "surrogatepass")
    if draw(st.booleans()) and raw:  # now and then, a byte that is not UTF-8
        at = draw(st.integers(0, len(raw) - 1))
        raw = raw[:at] + bytes([draw(st.integers(0x80, 0xFF))]) + raw[at + 1 :]
    return raw


@LOADER
@given(st.binary(max_size=3000))
def test_any_bytes_load_or_raise_data_error(data_folder: Path, data: bytes) -> None:
    load_bytes(data_folder, data)


@LOADER
@given(st.text(max_size=2000))
def test_any_text_loads_or_raises_data_error(data_folder: Path, text: str) -> None:
    load_bytes(data_folder, text.encode("utf-8"))


@LOADER
@given(mutations())
def test_any_damaged_file_loads_or_raises_data_error(data_folder: Path, data: bytes) -> None:
    load_bytes(data_folder, data)


PLAIN = st.recursive(
    st.none() | st.text(max_size=20) | st.booleans() | st.integers() | st.floats(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=12,
)
FIELDS = ["id", "name", "party", "election", "sources", "reviewed", "proposals", "note", "status"]


@LOADER
@given(st.dictionaries(st.sampled_from(FIELDS), PLAIN, max_size=8))
def test_any_structure_loads_or_raises_data_error(
    data_folder: Path, fields: dict[str, object]
) -> None:
    """Well-formed YAML of any shape: what the schema check has to survive."""
    text = yaml.safe_dump(yaml.safe_load(BASE_TEXT) | fields, allow_unicode=True)
    load_bytes(data_folder, text.encode("utf-8", "surrogatepass"))


@LOADER
@given(st.text(max_size=300))
def test_a_loaded_value_is_shown_exactly_as_written(data_folder: Path, summary: str) -> None:
    """Whatever the loader accepts in a text field, the sanitiser leaves as it is (but for
    tabs): outputs show what the data says."""
    text = BASE_TEXT.replace("summary: Une proposition.", f"summary: {json.dumps(summary)}")
    (data_folder / "fr-test-2027" / "alice.yaml").write_text(text, encoding="utf-8")
    try:
        dataset = load_dataset(data_folder)
    except DataError:
        return
    loaded = dataset.candidates[0].proposals[0].summary
    assert loaded == summary
    assert clean(loaded, multiline=True) == loaded.replace("\t", " ")


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.text(max_size=500))
def test_parse_returns_data_or_a_problem(text: str) -> None:
    assert isinstance(parse(text, "x.yaml"), (Located, Problem))


# --- the sanitiser ---------------------------------------------------------------------------------

NASTY = st.sampled_from(
    [
        "\x1b",
        "[",
        "]",
        "\x07",
        "\x1b\\",
        "\x9b",
        "\x9d",
        "\x90",
        "\x1b]8;;",
        "\x1b]52;c;",
        "\u202e",
        "\u2066",
        "\u200b",
        "\u200d",
        "\ufeff",
        "\u2028",
        "\u2029",
        "\xad",
        "\U000e0041",
        "\r",
        "\n",
        "\t",
        "\x00",
        "\x7f",
        "\x85",
        "a",
        "é",
        " ",
        "0",
        ";",
        "m",
        "P",
        "\\",
        "_",
        "^",
    ]
)
ANY_TEXT = st.one_of(st.text(), st.lists(NASTY, max_size=30).map("".join))


@settings(max_examples=EXAMPLES * 2, deadline=None)
@given(ANY_TEXT, st.booleans())
def test_clean_is_idempotent_and_leaves_no_control(text: str, multiline: bool) -> None:
    once = clean(text, multiline=multiline)
    assert clean(once, multiline=multiline) == once
    assert not UNSAFE.search(once), ascii(once)
    assert "\t" not in once and ("\n" not in once or multiline)
    for char in once:
        assert unicodedata.category(char) not in ("Cc", "Cf") or char == "\n", ascii(char)


@settings(max_examples=EXAMPLES, deadline=None)
@given(ANY_TEXT)
def test_escape_controls_gives_one_inert_line(text: str) -> None:
    line = escape_controls(text)
    assert "\n" not in line and "\t" not in line and not UNSAFE.search(line)


def test_clean_removes_every_format_and_control_character_this_python_knows() -> None:
    """The sanitiser's list is Unicode's: a Python with newer tables shows any addition here."""
    for code in range(0x110000):
        char = chr(code)
        if unicodedata.category(char) in ("Cc", "Cf") and char not in "\n\t":
            assert clean(char, multiline=True) == "", f"U+{code:04X}"


# --- every renderer ------------------------------------------------------------------------------

TEXT = st.one_of(
    st.text(max_size=40),
    st.lists(st.one_of(NASTY, st.sampled_from(HOSTILE)), max_size=6).map("".join),
)
URLS = st.one_of(
    st.just("https://example.org/"),
    st.text(max_size=20),
    st.sampled_from(["javascript:alert(1)", "JAVASCRIPT:x", "//evil.example", "data:text/html,x"]),
    TEXT.map(lambda s: "https://example.org/" + s),
)


@st.composite
def datasets(draw: st.DrawFn) -> Dataset:
    """Two candidates and the test catalogue, every text field holding anything."""

    def text() -> str:
        return draw(TEXT)

    def some() -> str:
        return draw(TEXT) or "x"

    themes = tuple(
        Theme(
            t.id,
            Localized((("fr", some()), ("en", some()))),
            Localized((("fr", text()), ("en", text()))),
            (("fr", (text(),)), ("en", (text(),))),
        )
        for t in DATA.themes
    )
    ids = [t.id for t in themes]
    candidates = []
    for key in ("alice", "bob"):
        source = Source("s", some(), draw(URLS), SourceKind.PRESS, text() or None, text() or None)
        proposals = tuple(
            Proposal(f"p{i}", (draw(st.sampled_from(ids)),), some(), "s", text() or None)
            for i in range(draw(st.integers(0, 3)))
        )
        covered = {t for p in proposals for t in p.themes}
        free = [t for t in ids if t not in covered]
        annotations = (
            (Annotation(free[0], draw(st.sampled_from(list(GapKind)[1:])), some(), "s"),)
            if len(free) > 0 and draw(st.booleans())
            else ()
        )
        assessments = (
            (Assessment("a", some(), "s", (ids[0],), some(), text() or None),)
            if draw(st.booleans())
            else ()
        )
        candidates.append(
            Candidate(
                id=key,
                name=some(),
                party=some(),
                election="fr-test-2027",
                path=f"{key}.yaml",
                aliases=(text(),),
                note=text() or None,
                sources=(source,),
                reviewed=("s",),
                proposals=proposals,
                annotations=annotations,
                assessments=assessments,
            )
        )
    return Dataset(themes, tuple(candidates))


RENDER = settings(max_examples=RENDER_EXAMPLES, deadline=None)


def every_view(data: Dataset) -> list[View]:
    return list(views(data).values())


@RENDER
@given(datasets())
def test_markdown_tables_keep_their_column_count(data: Dataset) -> None:
    for view in every_view(data):
        check_markdown(render(view, "markdown"))
        check_markdown(render(view, "markdown", RenderOptions(layout="sections")))


# CSV, HTML and JSON share one test, so that each dataset drawn, and its views (tone reading
# included), serves all three: every property still holds over RENDER_EXAMPLES datasets, in
# about half the time of three tests. Markdown keeps its own: parsing it is most of its time,
# and it takes about as long alone as these three together (so the two run side by side).
@RENDER
@given(datasets())
def test_csv_round_trips_html_is_inert_and_json_reads_back(data: Dataset) -> None:
    """CSV reads back as the view's records; HTML has no script, event handler or non-web
    link; JSON reads back as the view and holds no raw control character."""
    for view in every_view(data):
        check_csv(view, render(view, "csv"))
        check_html(render(view, "html"))
        text = render(view, "json")
        assert json.loads(text) == view.to_dict()
        assert not UNSAFE.search(text.replace("\n", ""))


@settings(max_examples=RENDER_EXAMPLES // 3, deadline=None)
@given(datasets(), st.sampled_from(sorted(FORMATS)))
def test_every_renderer_writes_inert_text(data: Dataset, fmt: str) -> None:
    """Whatever formats the registry holds (new ones included): deterministic, one final
    newline, and no control, escape or invisible character but line breaks."""
    for view in every_view(data):
        if fmt in BINARY_FORMATS:  # a workbook: the same bytes, and its text checked as text
            raw = render_bytes(view, fmt, RenderOptions(width=80))
            assert raw == render_bytes(view, fmt, RenderOptions(width=80))
            text = workbook_text(raw)
        else:
            text = render(view, fmt, RenderOptions(width=80))
            assert text == render(view, fmt, RenderOptions(width=80))
        assert text.endswith("\n") or (fmt == "ndjson" and not view.to_records())
        assert not UNSAFE.search(text.replace("\n", "")), (fmt, ascii(text)[:500])


# --- without libyaml -------------------------------------------------------------------------------


@pytest.fixture
def pure_python_yaml(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Parse with PyYAML's pure-Python loader, as where libyaml is missing."""
    from progcmp.data import yamlio

    forget = getattr(yamlio._loader_class, "cache_clear", lambda: None)
    monkeypatch.delattr(yaml, "CSafeLoader", raising=False)
    forget()
    yield
    monkeypatch.undo()
    forget()


DEEP = [
    "x: " + "[" * 5000 + "]" * 5000,
    "x: " + "{a: " * 3000 + "}" * 3000,
    "- " * 5000 + "x",
    "".join(" " * i + "a:\n" for i in range(1500)),
]


@pytest.mark.parametrize("text", DEEP, ids=["flow-lists", "flow-maps", "block-lists", "block-maps"])
def test_deep_nesting_is_a_problem_with_either_parser(pure_python_yaml: None, text: str) -> None:
    assert isinstance(parse(text, "x.yaml"), Problem)


@settings(
    max_examples=EXAMPLES // 2,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(mutations())
def test_pure_python_parser_returns_data_or_a_problem(pure_python_yaml: None, data: bytes) -> None:
    text = data.decode("utf-8", "replace")
    assert isinstance(parse(text, "x.yaml"), (Located, Problem))
