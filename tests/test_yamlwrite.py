"""The YAML writer: every string reads back identically, in the plainest readable form."""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from progcmp.data.yamlio import Located, parse
from progcmp.data.yamlwrite import Commented, Trailer, dump, item_lines, scalar

from .conftest import examples


def read_back(text: str) -> Any:
    located = parse(text, "t.yaml")
    assert isinstance(located, Located), located
    assert yaml.safe_load(text) == located.data, "another YAML reader would read it otherwise"
    return located.data


TRICKY = [
    "no",
    "No",
    "off",
    "y",
    "012",
    "0x1F",
    "1e3",
    ".5",
    "-1",
    "2017-03-20",
    "2017-03-20 10:00",
    "12:30",
    "~",
    "null",
    "",
    " ",
    "- x",
    "? x",
    ": x",
    "a: b",
    "a #b",
    "a:",
    "#x",
    "[x]",
    "{x}",
    "x, y",
    "'quoted'",
    '"double"',
    "@x",
    "`x`",
    "%x",
    "!x",
    "&x",
    "*x",
    "|x",
    ">x",
    "=",
    "<<",
    "...",
    "---",
    "tab\tinside",
    "trailing ",
    " leading",
    "line\nbreak",
    "two\n\nparagraphs",
    "ends with newline\n",
    "\nstarts with newline",
    "crlf\r\nline",
    "nel\x85line",
    "ls\u2028line",
    "bell\x07",
    "bom\ufeff",
    "nbsp\xa0and\u202fnarrow",
    "accents éèà œ « guillemets » et emoji 🏛️",
    "https://example.org/a-b?x=1#frag",
    "a  double  space " * 12,
    "mot " * 60 + "fin",
    "x" * 150,
    "- item one\n- item two\n\tindented by tab",
]


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_strings_read_back_identically_everywhere(text: str) -> None:
    data = {"value": text, "items": [text, {"id": "p", "summary": text}], "list": [text]}
    assert read_back(dump(data)) == data


def test_forms_are_the_plainest_that_are_safe() -> None:
    assert scalar("Garantir la neutralité du net") == "Garantir la neutralité du net"
    assert scalar("no") == "'no'" and scalar("012") == "'012'" and scalar("- x") == "'- x'"
    assert scalar("l'État: oui") == "'l''État: oui'"
    assert scalar("bell\x07") == '"bell\\x07"'
    text = dump({"summary": "Faire :\n- ceci\n- cela", "note": "mot " * 40 + "fin"})
    assert text.splitlines()[:4] == ["summary: |-", "  Faire :", "  - ceci", "  - cela"]
    assert text.splitlines()[4] == "note: >-"
    assert all(len(line) <= 100 for line in text.splitlines())


def test_short_lists_of_ids_are_written_inline() -> None:
    assert dump({"themes": ["a", "b-c"]}) == "themes: [a, b-c]\n"
    assert dump({"themes": ["a, b", "c"]}) == "themes:\n  - a, b\n  - c\n"
    assert dump({"themes": []}) == "themes: []\n"


def test_comments_and_trailers() -> None:
    data = {
        "proposals": [
            Commented({"id": "p1", "themes": ["a"]}, ("first: " + "long " * 30,)),
            {"id": "p2", "themes": ["b"]},
            Trailer(tuple(item_lines({"id": "p3", "summary": "a: b"}))),
        ]
    }
    text = dump(data, ("header line",))
    assert text.startswith("# header line\nproposals:\n  # first: long")
    assert "\n  #   long" in text  # wrapped comment
    assert text.endswith("  # - id: p3\n  #   summary: 'a: b'\n")
    assert read_back(text) == {
        "proposals": [{"id": "p1", "themes": ["a"]}, {"id": "p2", "themes": ["b"]}]
    }
    uncommented = text.replace("  # - id: p3", "  - id: p3").replace("  #   summary", "    summary")
    assert read_back(uncommented)["proposals"][2] == {"id": "p3", "summary": "a: b"}


@settings(max_examples=examples(300), deadline=None)
@given(st.text(), st.text(alphabet=st.sampled_from(" \t\n-:#'\"aé«»\xa0\u2028\r"), max_size=30))
def test_any_text_reads_back(text: str, odd: str) -> None:
    data = {"a": text, "b": odd, "c": [text, odd], "d": [{"x": odd, "y": text}]}
    assert read_back(dump(data)) == data
