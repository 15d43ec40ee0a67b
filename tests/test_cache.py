"""The cache of parsed files, the loader's fast path, the progress bar, and the benchmark's corpus."""

from __future__ import annotations

import importlib
import io
import json
import os
import shutil
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from progcmp import DataError, load_dataset
from progcmp.data import cache as cache_module
from progcmp.data import yamlio
from progcmp.data.loader import _check, _sound, candidate_files
from progcmp.data.schema import CANDIDATE_FILE, THEMES_FILE

from .conftest import BUNDLED, INVALID, REPO, VALID, Run, examples


@pytest.fixture
def data(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(VALID, root)
    return root


@pytest.fixture
def cache(tmp_path: Path) -> Path:
    return tmp_path / "cache"


def _no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(text: str) -> object:
        raise AssertionError(f"parsed a file the cache holds:\n{text[:200]}")

    monkeypatch.setattr(yamlio, "parse_plain", refuse)
    monkeypatch.setattr("progcmp.data.loader.parse_plain", refuse)


def test_a_second_load_comes_from_the_cache_and_is_equal(
    data: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    uncached = load_dataset(data)
    first = load_dataset(data, cache=cache)
    assert [p.name for p in cache.iterdir()] == [Store_name(data)]
    _no_parsing(monkeypatch)
    second = load_dataset(data, cache=cache)
    assert second == first == uncached
    assert [c.path for c in second.candidates] == [c.path for c in first.candidates]


def Store_name(root: Path) -> str:
    return cache_module.Store(Path("/nonexistent"), root).path.name


def test_any_change_to_a_file_is_seen_even_with_the_same_size_and_time(
    data: Path, cache: Path
) -> None:
    load_dataset(data, cache=cache)
    path = data / "fr-test-2027" / "zoe.yaml"
    before = path.stat()
    text = path.read_text(encoding="utf-8")
    assert "Zoé Lefèvre" in text
    path.write_text(text.replace("Zoé Lefèvre", "Zoé Lefèbre"), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size
    names = [c.name for c in load_dataset(data, cache=cache).candidates]
    assert "Zoé Lefèbre" in names and "Zoé Lefèvre" not in names


def test_a_new_catalogue_voids_the_candidates_entries(data: Path, cache: Path) -> None:
    load_dataset(data, cache=cache)
    themes = data / "themes.yaml"
    text = themes.read_text(encoding="utf-8")
    themes.write_text(text.replace("id: open-government", "id: open-gov"), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_dataset(data, cache=cache)
    assert any("unknown theme 'open-government'" in p.message for p in caught.value.problems)


def test_files_with_problems_are_never_cached(tmp_path: Path, cache: Path) -> None:
    root = tmp_path / "invalid"
    shutil.copytree(INVALID, root)
    with pytest.raises(DataError) as first:
        load_dataset(root, cache=cache)
    with pytest.raises(DataError) as second:
        load_dataset(root, cache=cache)
    assert second.value.problems == first.value.problems
    assert len(first.value.problems) == 3


@pytest.mark.parametrize(
    "content",
    [b"", b"not json", b"[1, 2]", b'{"format": 1}', b"\xff\xfe garbage", b'{"format": 999}'],
)
def test_a_corrupt_or_foreign_cache_file_is_ignored_and_rewritten(
    data: Path, cache: Path, content: bytes
) -> None:
    expected = load_dataset(data)
    cache.mkdir()
    path = cache / Store_name(data)
    path.write_bytes(content)
    assert load_dataset(data, cache=cache) == expected
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["format"] == cache_module.FORMAT and len(saved["files"]) == 3


def test_entries_of_another_code_version_are_not_used(
    data: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_dataset(data, cache=cache)
    path = cache / Store_name(data)
    saved = json.loads(path.read_text(encoding="utf-8"))
    for entry in saved["files"].values():
        entry[3][1] = "Tampered Name"  # same key, other data ...
    saved["code"] = "0" * 64  # ... written by other code: not trusted
    path.write_text(json.dumps(saved), encoding="utf-8")
    assert "Tampered Name" not in {c.name for c in load_dataset(data, cache=cache).candidates}


def test_a_malformed_entry_is_read_from_the_file_instead(data: Path, cache: Path) -> None:
    load_dataset(data, cache=cache)
    path = cache / Store_name(data)
    saved = json.loads(path.read_text(encoding="utf-8"))
    for entry in saved["files"].values():
        entry[3] = ["too short"]
    path.write_text(json.dumps(saved), encoding="utf-8")
    assert load_dataset(data, cache=cache) == load_dataset(data)


def test_the_cache_is_never_written_inside_the_data_folder(data: Path) -> None:
    inside = data / "fr-test-2027" / ".cache"
    load_dataset(data, cache=inside)
    load_dataset(data, cache=data)
    assert not inside.exists()
    assert sorted(p.name for p in data.iterdir()) == ["fr-test-2027", "themes.yaml"]


def test_where_the_cache_goes(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PROGCMP_CACHE_DIR", str(tmp_path / "here"))
    assert cache_module.default_dir() == tmp_path / "here"
    monkeypatch.setenv("PROGCMP_NO_CACHE", "1")
    assert cache_module.default_dir() is None
    monkeypatch.setenv("PROGCMP_NO_CACHE", "0")
    monkeypatch.delenv("PROGCMP_CACHE_DIR")
    if sys.platform.startswith("linux"):
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
        assert cache_module.default_dir() == tmp_path / "xdg" / "progcmp"
        monkeypatch.setenv("XDG_CACHE_HOME", "relative/is/ignored")
        assert cache_module.default_dir() == Path.home() / ".cache" / "progcmp"


def test_the_command_line_uses_the_cache_unless_told_not_to(
    run: Run, data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "cli-cache"
    monkeypatch.setenv("PROGCMP_CACHE_DIR", str(folder))
    assert run("candidates", "--data", data, "--no-cache").code == 0
    assert not folder.exists()
    monkeypatch.setenv("PROGCMP_NO_CACHE", "1")
    assert run("candidates", "--data", data).code == 0
    assert not folder.exists()
    monkeypatch.delenv("PROGCMP_NO_CACHE")
    first = run("candidates", "--data", data, "--format", "json")
    assert [p.name for p in folder.iterdir()] == [Store_name(data)]
    assert run("candidates", "--data", data, "--format", "json") == first


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_long_load_shows_a_progress_bar_on_a_terminal_only(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("progcmp.cli.common.MIN_FILES_FOR_PROGRESS", 2)
    piped = run("candidates", "--data", VALID, "--no-cache")
    assert (piped.code, piped.stderr) == (0, "")  # piped: nothing at all
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    result = run("candidates", "--data", VALID, "--no-cache")
    assert result.code == 0
    assert "loading" in terminal.getvalue() and "3/3" in terminal.getvalue()


# --- the fast path reads exactly what the careful one reads -------------------------------------


def _files() -> list[Path]:
    roots = [VALID, INVALID, BUNDLED]
    return [
        *(r / "themes.yaml" for r in roots),
        *(f for r in roots for f in candidate_files(r)),
    ]


def _agree(text: str) -> None:
    """parse_plain + _sound accept only what parse + _check accept, with the same data."""
    careful = yamlio.parse(text, "f.yaml")
    plain = yamlio.parse_plain(text)
    if plain is None:
        return
    assert isinstance(careful, yamlio.Located), careful
    assert not careful.problems
    assert plain == careful.data
    for spec in (CANDIDATE_FILE, THEMES_FILE):
        found: list[object] = []
        _check(careful.data, spec, (), careful, found)  # type: ignore[arg-type]
        assert _sound(plain, spec) == (not found)


@pytest.mark.parametrize("path", _files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_fast_and_careful_readings_agree_on_every_test_file(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    _agree(text)
    if "valid" in path.parts or "programmes" in path.parts:
        assert yamlio.parse_plain(text) is not None


@settings(max_examples=examples(300), deadline=None)
@given(
    st.sampled_from([p.read_text(encoding="utf-8") for p in _files() if p.stat().st_size < 20_000]),
    st.integers(min_value=0, max_value=10**9),
    st.sampled_from(
        [
            "&a ",
            "*a",
            "<<: ",
            "!!str ",
            "!!binary ",
            "\t",
            "\n",
            ": x\n",
            "- ",
            "~",
            "\x07",
            "\u202e",
            "\u200b",
            "'",
            '"',
            "[",
            "{",
            "id: x\n",
            "  ",
            "\\t",
            "#",
            "---\n",
        ]
    ),
)
def test_fast_and_careful_readings_agree_on_damaged_files(
    text: str, where: int, insert: str
) -> None:
    at = where % (len(text) + 1)
    _agree(text[:at] + insert + text[at:])


# --- the benchmark's corpus (the benchmark itself does not run in the tests) --------------------


def test_the_benchmark_corpus_is_valid_and_deterministic(tmp_path: Path) -> None:
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:  # scripts, not a package: imported by name from their folder
        corpus = importlib.import_module("corpus")
        importlib.import_module("run")  # the benchmark script at least imports
    finally:
        sys.path.remove(str(REPO / "benchmarks"))
    one = corpus.generate(tmp_path / "one", 12, seed=7)
    two = corpus.generate(tmp_path / "two", 12, seed=7)
    other = corpus.generate(tmp_path / "other", 12, seed=8)
    files = sorted(p.relative_to(one.root) for p in one.root.rglob("*.yaml"))
    assert len(files) == 13 and one.proposals > 12 * 15
    assert all((one.root / f).read_bytes() == (two.root / f).read_bytes() for f in files)
    assert files != sorted(p.relative_to(other.root) for p in other.root.rglob("*.yaml"))
    dataset = load_dataset(one.root)
    assert len(dataset.candidates) == 12
    assert {t for c in dataset.candidates for p in c.proposals for t in p.themes} <= {
        t.id for t in dataset.themes
    }
