"""The large-data path (issue #16): what was made faster must say and do exactly the same.

Output skips its pass for control and invisible characters only for views built from what the
loader checked; NDJSON is written a record a line as made; cached proposals and sources are
built as drafts given their frozen class; names are folded with an ASCII fast path.
"""

from __future__ import annotations

import dataclasses
import io
import json
import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from progcmp import load_dataset
from progcmp.cli.common import write_stdout_lines
from progcmp.data import vetted
from progcmp.model import Candidate, Dataset, GapKind, Proposal, Source, SourceKind
from progcmp.render import RenderOptions, render
from progcmp.render.ndjson import lines
from progcmp.text import UNSAFE, fold
from progcmp.views.cells import Gap
from progcmp.views.gaps import GapReport, find_gaps
from progcmp.views.matrix import salience
from progcmp.views.records import checked_text

from .conftest import ANALYSIS, VALID

HOSTILE = "note \u202e\x1b[31m\u200b\U000e0041 end"


def test_views_of_loaded_data_are_checked_text() -> None:
    data = load_dataset(VALID)
    assert checked_text(find_gaps(data, data.candidates))
    analysis = load_dataset(ANALYSIS)
    assert checked_text(salience(analysis, analysis.candidates))


def test_a_report_built_by_hand_is_escaped() -> None:
    data = load_dataset(VALID)
    loaded = find_gaps(data, data.candidates)
    # The loader's candidates and themes, but a gap that no loader checked.
    gap = Gap(data.themes[0], GapKind.DECLINED, (), HOSTILE)
    report = GapReport(loaded.candidates[:1], loaded.themes, ((gap,),), ((),))
    assert not checked_text(report)
    for fmt in ("json", "ndjson"):
        text = render(report, fmt, RenderOptions())
        assert not UNSAFE.search(text), fmt
        assert "\\u202e" in text and "\\udb40\\udc41" in text
        decoded = [json.loads(line) for line in text.splitlines()] if fmt == "ndjson" else []
        assert all(row["note"] == HOSTILE for row in decoded)


def test_a_candidate_not_from_the_loader_is_escaped() -> None:
    data = load_dataset(VALID)
    source = Source("s", "Title\u202e", "https://example.org", SourceKind.PROGRAMME)
    evil = Candidate(
        "evil", "Evil\u200b", "P", data.candidates[0].election, "evil.yaml", sources=(source,)
    )
    mixed = Dataset(data.themes, (data.candidates[0], evil))
    report = find_gaps(mixed, mixed.candidates)
    assert not checked_text(report)
    assert not checked_text(salience(mixed, mixed.candidates))
    for fmt in ("json", "ndjson"):
        assert not UNSAFE.search(render(report, fmt, RenderOptions())), fmt


def test_the_registry_keeps_the_last_loads_only() -> None:
    first = load_dataset(VALID)
    assert vetted.checked(first.candidates)
    for _ in range(vetted.LOADS_KEPT):
        load_dataset(VALID)
    assert not vetted.checked(first.candidates)  # let go: merely escaped again
    report = find_gaps(first, first.candidates)
    assert not checked_text(report)
    assert render(report, "json", RenderOptions()) == render(
        find_gaps(load_dataset(VALID), load_dataset(VALID).candidates), "json", RenderOptions()
    )


def test_checked_and_escaped_output_are_the_same_for_clean_data() -> None:
    data = load_dataset(VALID)
    report = find_gaps(data, data.candidates)
    unchecked = dataclasses.replace(report, _checked=False)
    for fmt in ("json", "ndjson", "csv"):
        assert render(report, fmt, RenderOptions()) == render(unchecked, fmt, RenderOptions())


def test_ndjson_lines_come_one_record_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    data = load_dataset(VALID)
    report = find_gaps(data, data.candidates)
    expected = "".join(
        json.dumps(row, ensure_ascii=False, separators=(",", ":")) + "\n"
        for row in report.to_records()
    )

    def whole(self: GapReport) -> list[dict[str, str]]:
        raise AssertionError("the whole list of records was built")

    monkeypatch.setattr(GapReport, "to_records", whole)
    produced = lines(report)
    first = next(produced)
    assert expected.startswith(first) and first.count("\n") == 1
    assert first + "".join(produced) == expected


def test_write_stdout_lines_without_a_byte_stream(monkeypatch: pytest.MonkeyPatch) -> None:
    out = io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    write_stdout_lines(iter(["a\n", "é\n"]))
    assert out.getvalue() == "a\né\n"


def test_ndjson_to_a_reader_that_goes_away(tmp_path: Path) -> None:
    """`progcmp gaps --format ndjson | head -1`: the first line, then a quiet exit."""
    env = {**os.environ, "PROGCMP_CACHE_DIR": str(tmp_path / "cache")}
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "progcmp",
            "gaps",
            "--all",
            "--election",
            "2024",
            "--format",
            "ndjson",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={k: v for k, v in env.items() if k != "PROGCMP_DATA"},
        cwd=Path(__file__).parent.parent,
    )
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.readline()
    process.stdout.close()  # before the rest is written, for this much
    with process.stderr:
        error = process.stderr.read()
    assert process.wait() == 0, error
    assert json.loads(first)["kind"] and not error


def test_cached_candidates_proposals_and_sources_are_the_frozen_classes(tmp_path: Path) -> None:
    plain = load_dataset(VALID)
    load_dataset(VALID, cache=tmp_path)
    cached = load_dataset(VALID, cache=tmp_path)
    assert cached == plain
    for candidate in cached.candidates:
        assert type(candidate) is Candidate
        with pytest.raises(dataclasses.FrozenInstanceError):
            candidate.name = "changed"  # type: ignore[misc]
        items: list[Proposal | Source] = [*candidate.proposals, *candidate.sources]
        for item in items:
            assert type(item) in (Proposal, Source)
            with pytest.raises(dataclasses.FrozenInstanceError):
                item.id = "changed"  # type: ignore[misc]
        assert hash(candidate.proposals) == hash(
            next(c for c in plain.candidates if c.path == candidate.path).proposals
        )


def _slow_fold(text: str) -> str:
    """fold without its ASCII fast path (as it was)."""
    bare = re.sub("[\u0300-\u034e\u0350-\u036f]", "", unicodedata.normalize("NFKD", text))
    return re.sub(r"[\W_]+", " ", bare.lower()).strip()


@given(st.text(alphabet=st.characters(max_codepoint=0x7F)))
def test_folding_ascii_takes_the_short_way_to_the_same_key(text: str) -> None:
    assert fold(text) == _slow_fold(text)


def test_json_chunks_are_the_whole_text(monkeypatch: pytest.MonkeyPatch) -> None:
    from progcmp.render import json as json_format

    monkeypatch.setattr(json_format, "CHUNK_PIECES", 3)  # many pieces, each escaped alone
    data = load_dataset(VALID)
    loaded = find_gaps(data, data.candidates)
    gap = Gap(data.themes[0], GapKind.DECLINED, (), HOSTILE)
    by_hand = GapReport(loaded.candidates[:1], loaded.themes, ((gap,),), ((),))
    for report in (loaded, by_hand):
        pieces = list(json_format.chunks(report))
        assert len(pieces) > 10
        text = "".join(pieces)
        assert not UNSAFE.search(text)
        assert json.loads(text) == json.loads(json.dumps(report.to_dict()))
        # What render() wrote before it came in pieces: the whole text, escaped at once.
        whole = json_format.dumps(report.to_dict())
        assert text == json_format.escape_unsafe(whole) + "\n"


def test_a_cached_header_is_the_candidate_without_its_lists() -> None:
    from progcmp.data import cache

    whole = load_dataset(VALID).candidates[0]
    head = (*cache._names(whole), ("folded",))
    expected = Candidate(
        whole.id,
        whole.name,
        whole.party,
        whole.election,
        "x.yaml",
        whole.aliases,
        whole.status,
        kind=whole.kind,
        leader=whole.leader,
        ballot=whole.ballot,
    )
    header = cache._header(head, "x.yaml")
    assert type(header) is Candidate and header == expected and hash(header) == hash(expected)
