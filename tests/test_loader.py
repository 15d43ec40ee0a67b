"""The loader: every problem, exactly worded, at its line and column; values never re-typed."""

from __future__ import annotations

from pathlib import Path

import pytest

from progcmp import DataError, load_dataset, validate_paths
from progcmp.data.loader import NO_CATALOGUE
from progcmp.data.yamlio import MAX_FILE_BYTES

from .conftest import INVALID, VALID, write_candidate

BASE = """\
id: alice
name: Alice Martin
party: Parti Exemple
election: fr-test-2027
sources:
  - id: prog
    title: Programme
    url: https://example.org/p
    kind: programme
reviewed: [prog]
proposals:
  - id: p1
    themes: [free-software]
    summary: Une proposition.
    source: prog
"""
base = BASE

CASES = [
    (
        "unterminated",
        base.replace("summary: Une proposition.", 'summary: "Une proposition.'),
        ["14:14: quoted text is never closed (the quote opens here)"],
    ),
    (
        "tab",
        base.replace("  - id: p1", "\t- id: p1"),
        ["12:1: tab character used for indentation; YAML needs spaces"],
    ),
    (
        "flow",
        base.replace("themes: [free-software]", "themes: [free-software"),
        [
            "14:12: YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence at 13:13)"
        ],
    ),
    (
        "two-docs",
        base + "---\nid: bob\n",
        ["16:1: file contains more than one YAML document ('---'); expected exactly one"],
    ),
    ("empty", "", ["1:1: file is empty; expected a mapping of fields"]),
    ("comments", "# nothing\n", ["1:1: file is empty; expected a mapping of fields"]),
    ("list-top", "- id: alice\n", ["1:1: the file must be a mapping (candidate file), got a list"]),
    ("scalar-top", "Alice\n", ["1:1: the file must be a mapping (candidate file), got text"]),
    (
        "nul",
        base.replace("Une proposition.", "Une\x00proposition."),
        ["14:17: control character U+0000 is not allowed"],
    ),
    (
        "null-summary",
        base.replace("summary: Une proposition.", "summary:"),
        ["14:13: 'summary' is empty"],
    ),
    (
        "tilde",
        base.replace("summary: Une proposition.", "summary: ~"),
        ["14:14: 'summary' is empty"],
    ),
    (
        "binary",
        base.replace("summary: Une proposition.", "summary: !!binary aGVsbG8="),
        ["14:14: YAML tags (!!binary) are not allowed"],
    ),
    (
        "python",
        base.replace(
            "summary: Une proposition.", "summary: !!python/object/apply:os.system ['id']"
        ),
        ["14:14: YAML tags (!!python/object/apply:os.system) are not allowed"],
    ),
    (
        "alias",
        base.replace("reviewed: [prog]", "reviewed: &r [prog]\nnote: *r"),
        ["11:1: YAML aliases (*name) are not allowed; repeat the value"],
    ),
    (
        "merge",
        base.replace("  - id: p1\n", "  - <<: {id: p0}\n    id: p1\n"),
        ["12:5: YAML merge keys (<<) are not allowed"],
    ),
    (
        "dup",
        base.replace("summary: Une proposition.", "summary: Une proposition.\n    summary: Autre."),
        ["15:5: duplicate key 'summary' (first defined at line 14)"],
    ),
    (
        "intkey",
        base.replace("summary: Une proposition.", "summary: Une proposition.\n    1: x"),
        ["15:5: unknown field '1' in proposal"],
    ),
    (
        "missing-name",
        base.replace("name: Alice Martin\n", ""),
        ["1:1: missing required field 'name' in candidate file"],
    ),
    (
        "proposals-str",
        base.split("proposals:")[0] + "proposals: cut taxes\n",
        ["11:12: 'proposals' must be a list, got text (write it as a list: [value])"],
    ),
    (
        "themes-scalar",
        base.replace("themes: [free-software]", "themes: free-software"),
        ["13:13: 'themes' must be a list, got text (write it as a list: [value])"],
    ),
    (
        "item-not-map",
        base.split("proposals:")[0] + "proposals:\n  - cut taxes\n",
        ["12:5: item 1 of 'proposals' must be a mapping (proposal), got text"],
    ),
    (
        "unknown-field",
        base.replace("summary: Une", "sumary: Une"),
        ["14:5: unknown field 'sumary' in proposal (did you mean 'summary'?)"],
    ),
    (
        "unknown-theme",
        base.replace("[free-software]", "[free-sofware]"),
        ["13:14: unknown theme 'free-sofware' (did you mean 'free-software'?)"],
    ),
    (
        "dup-id",
        base + "  - id: p1\n    themes: [free-software]\n    summary: Autre.\n    source: prog\n",
        ["16:9: duplicate proposal id 'p1' (first at line 12)"],
    ),
    (
        "bad-url",
        base.replace("https://example.org/p", "javascript:alert(1)"),
        ["8:10: 'url' must be an http(s) URL (got 'javascript:alert(1)')"],
    ),
    (
        "bracket-url",  # urllib raises on an unbalanced '[': a problem, not an internal error
        base.replace("https://example.org/p", "https://exa[mple.org/p"),
        ["8:10: 'url' must be an http(s) URL (got 'https://exa[mple.org/p')"],
    ),
    (
        "file-url",
        base.replace("https://example.org/p", "file:///etc/passwd"),
        ["8:10: 'url' must be an http(s) URL (got 'file:///etc/passwd')"],
    ),
    ("blank", base.replace("name: Alice Martin", 'name: "   "'), ["2:7: 'name' is empty"]),
    (
        "esc",
        base.replace("summary: Une proposition.", 'summary: "a\\e]52;c;x\\a b"'),
        ["14:14: 'summary' contains the character '\\x1b', which is not allowed here"],
    ),
    (
        "bidi",
        base.replace("Une proposition.", "Une \u202eproposition."),
        ["14:18: control character U+202E is not allowed"],
    ),
    (
        "newline-in-name",
        base.replace("name: Alice Martin", 'name: "Alice\\nMartin"'),
        ["2:7: 'name' contains the character '\\n', which is not allowed here"],
    ),
    (
        "id-mismatch",
        base.replace("id: alice", "id: alicia"),
        ["1:5: id 'alicia' does not match the file name 'alice.yaml'; they must be the same"],
    ),
    (
        "election-mismatch",
        base.replace("election: fr-test-2027", "election: fr-2022"),
        ["4:11: election 'fr-2022' does not match the folder 'fr-test-2027'"],
    ),
    (
        "bad-id",
        base.replace("id: p1", "id: P 1"),
        [
            "12:9: 'id' must be lowercase letters, digits and hyphens, starting with a letter or digit (got 'P 1')"
        ],
    ),
    (
        "kind",
        base.replace("kind: programme", "kind: blog"),
        [
            "9:11: 'kind' must be one of programme, booklet, speech, interview, questionnaire, press, commentary (got 'blog')"
        ],
    ),
    (
        "date",
        base.replace("kind: programme", "kind: programme\n    date: 20 mars 2017"),
        ["10:11: 'date' must be a date written YYYY, YYYY-MM or YYYY-MM-DD (got '20 mars 2017')"],
    ),
    (
        "unknown-source",
        base.replace("    source: prog", "    source: prg"),
        ["15:13: unknown source 'prg' (did you mean 'prog'?)"],
    ),
    (
        "reviewed-unknown",
        base.replace("reviewed: [prog]", "reviewed: [prog, other]"),
        ["10:18: unknown source 'other'"],
    ),
    (
        "deep",
        "x: " + "[" * 100 + "]" * 100 + "\n",
        ["1:36: nesting is too deep (more than 32 levels)"],
    ),
    (
        "deep2",
        "x: " + "[" * 2000 + "]" * 2000 + "\n",
        [
            "1:1003: YAML syntax error: exceeded maximum nesting depth (while increasing flow level at 1:1003)"
        ],
    ),
    (
        "long",
        base.replace("Une proposition.", "x" * 3000),
        ["14:14: 'summary' is too long (3000 characters; the limit is 2000)"],
    ),
    (
        "annot-declined-with-proposal",
        base
        + "annotations:\n  - theme: free-software\n    kind: declined\n    note: n\n    source: prog\n",
        [
            "18:11: theme 'free-software' has proposals, so it cannot be 'declined' (only 'contested' can stand beside proposals)"
        ],
    ),
    (
        "annot-no-source",
        base + "annotations:\n  - theme: open-government\n    kind: contested\n    note: n\n",
        ["17:5: annotation of kind 'contested' needs a 'source'"],
    ),
]


def problems_of(tmp_path: Path, text: str) -> list[str]:
    write_candidate(tmp_path, text)
    with pytest.raises(DataError) as caught:
        load_dataset(tmp_path)
    return [f"{p.line}:{p.column}: {p.message}" for p in caught.value.problems]


@pytest.mark.parametrize(("case", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_bad_file_gets_exact_located_problems(
    tmp_path: Path, case: str, text: str, expected: list[str]
) -> None:
    assert problems_of(tmp_path, text) == expected


def test_problems_name_the_file(tmp_path: Path) -> None:
    path = write_candidate(tmp_path, BASE.replace("[free-software]", "[nope]"))
    with pytest.raises(DataError) as caught:
        load_dataset(tmp_path)
    assert str(caught.value) == f"{path}:13:14: unknown theme 'nope'"


def test_the_base_file_is_valid(tmp_path: Path) -> None:
    write_candidate(tmp_path, BASE)
    (candidate,) = load_dataset(tmp_path).candidates
    assert candidate.proposals[0].summary == "Une proposition."


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("NO", "NO"),
        ("no", "no"),
        ("off", "off"),
        ("012", "012"),
        ("1:30", "1:30"),
        ("3.10", "3.10"),
        ("2017-03-20", "2017-03-20"),
        ("1e5", "1e5"),
        (".nan", ".nan"),
        ("'~'", "~"),
    ],
)
def test_plain_scalars_are_never_retyped(tmp_path: Path, written: str, read: str) -> None:
    write_candidate(tmp_path, BASE.replace("party: Parti Exemple", f"party: {written}"))
    assert load_dataset(tmp_path).candidates[0].party == read


@pytest.mark.parametrize(
    "transform",
    [
        lambda t: t.replace("\n", "\r\n"),
        lambda t: "\ufeff" + t,
        lambda t: t.rstrip("\n"),
    ],
    ids=["crlf", "bom", "no-final-newline"],
)
def test_harmless_variants_load(tmp_path: Path, transform: object) -> None:
    assert callable(transform)
    write_candidate(tmp_path, transform(BASE))
    assert load_dataset(tmp_path).candidates[0].name == "Alice Martin"


def test_latin1_file_is_refused_with_position(tmp_path: Path) -> None:
    path = write_candidate(tmp_path, BASE)
    path.write_bytes(BASE.replace("Alice Martin", "Zoé").encode("latin-1"))
    with pytest.raises(DataError) as caught:
        load_dataset(tmp_path)
    assert str(caught.value) == f"{path}:2:9: not valid UTF-8 (byte 0xE9); save the file as UTF-8"


def test_oversized_file_is_refused_before_parsing(tmp_path: Path) -> None:
    path = write_candidate(tmp_path, BASE)
    path.write_bytes(b"# " + b"x" * MAX_FILE_BYTES + b"\n")
    with pytest.raises(DataError) as caught:
        load_dataset(tmp_path)
    assert str(caught.value) == (
        f"{path}:1:1: file is {MAX_FILE_BYTES + 3} bytes, over the limit of {MAX_FILE_BYTES} bytes"
    )


def test_every_problem_of_every_file_in_one_run(tmp_path: Path) -> None:
    write_candidate(tmp_path, BASE.replace("kind: programme", "kind: blog"), name="alice")
    write_candidate(
        tmp_path,
        BASE.replace("id: alice", "id: bob")
        .replace("summary: Une", "sumary: Une")
        .replace("Alice Martin", "Bob"),
        name="bob",
    )
    with pytest.raises(DataError) as caught:
        load_dataset(tmp_path)
    assert [f"{Path(p.path).name}:{p.line}:{p.column}" for p in caught.value.problems] == [
        "alice.yaml:9:11",
        "bob.yaml:14:5",
    ]


def test_missing_catalogue_and_folder(tmp_path: Path) -> None:
    with pytest.raises(DataError) as caught:
        load_dataset(tmp_path / "nope")
    assert str(caught.value) == f"{tmp_path / 'nope'}:1:1: data folder not found"
    (tmp_path / "e").mkdir()
    with pytest.raises(DataError) as caught:
        load_dataset(tmp_path)
    assert str(caught.value) == f"{tmp_path / 'themes.yaml'}:1:1: {NO_CATALOGUE}"


def test_catalogue_problems(tmp_path: Path) -> None:
    themes = tmp_path / "themes.yaml"
    themes.write_text(
        "themes:\n  - id: a\n    label: {en: A}\n    description: {fr: A, en: A}\n"
        "  - id: a\n    label: {fr: B, en: B}\n    description: {fr: B, en: B}\n",
        encoding="utf-8",
    )
    assert [str(p) for p in validate_paths([themes], tmp_path)] == [
        f"{themes}:3:12: label has no text in the catalogue's language 'fr' (set by 'language', "
        "default fr)",
        f"{themes}:5:9: duplicate theme id 'a'",  # in the same run
    ]
    themes.write_text(themes.read_text().replace("{en: A}", "{fr: A, en: A}"), encoding="utf-8")
    assert [str(p) for p in validate_paths([themes], tmp_path)] == [
        f"{themes}:5:9: duplicate theme id 'a'",
    ]


def test_two_candidates_may_not_share_a_name(tmp_path: Path) -> None:
    write_candidate(tmp_path, BASE)
    write_candidate(
        tmp_path,
        BASE.replace("id: alice", "id: bob").replace(
            "name: Alice Martin", "name: Bob\naliases: [alice martin]"
        ),
        name="bob",
    )
    with pytest.raises(DataError) as caught:
        load_dataset(tmp_path)
    assert str(caught.value) == (
        f"{tmp_path / 'fr-test-2027' / 'bob.yaml'}:1:1: name or alias "
        f"'alice martin' is also used by "
        f"{tmp_path / 'fr-test-2027' / 'alice.yaml'}"
    )


def test_three_mistakes_three_lines() -> None:
    path = INVALID / "fr-test-2027" / "three-mistakes.yaml"
    assert [f"{p.line}:{p.column}: {p.message}" for p in validate_paths([path], INVALID)] == [
        "8:10: 'url' must be an http(s) URL (got 'javascript:alert(1)')",
        "13:14: unknown theme 'open-govenment' (did you mean 'open-government'?)",
        "14:5: unknown field 'sumary' in proposal (did you mean 'summary'?)",
    ]


def test_valid_fixture_loads_into_models() -> None:
    data = load_dataset(VALID)
    assert [c.id for c in data.candidates] == ["bob", "empty", "zoe"]
    zoe = data.candidates[2]
    assert zoe.name == "Zoé Lefèvre"
    assert zoe.proposals[1].themes == ("open-government", "free-software")
    assert zoe.annotations[0].kind == "contested"
    assert zoe.assessments[0].author == "Un Commentateur"
    assert [t.id for t in data.themes] == ["free-software", "open-government", "net-neutrality"]


def test_hidden_and_underscore_files_are_not_candidates(tmp_path: Path) -> None:
    write_candidate(tmp_path, BASE)
    (tmp_path / "fr-test-2027" / ".alice.yaml.x1.tmp").write_text("junk", encoding="utf-8")
    (tmp_path / "fr-test-2027" / "_draft.yaml").write_text("junk: [", encoding="utf-8")
    (tmp_path / "fr-test-2027" / "notes.txt").write_text("junk", encoding="utf-8")
    assert [c.id for c in load_dataset(tmp_path).candidates] == ["alice"]


def test_a_fifo_is_refused(tmp_path: Path) -> None:
    path = write_candidate(tmp_path, BASE)
    path.unlink()
    import os

    os.mkfifo(path)
    with pytest.raises(DataError) as caught:
        load_dataset(tmp_path)
    assert str(caught.value) == f"{path}:1:1: not a regular file"


LIST_FILE = """\
id: alice
name: Liste de l'exemple
party: Parti Exemple
kind: list
leader: Alice Martin
ballot: "7"
election: fr-test-2027
sources:
  - id: prog
    title: Programme
    url: https://example.org/p
    kind: programme
    archived: https://web.archive.org/web/2024/https://example.org/p
    accessed: 2024-05-30
    read: partial
reviewed: [prog]
proposals: []
"""


@pytest.mark.parametrize("cache", [False, True])
def test_a_list_with_its_leader_ballot_and_partly_read_source(tmp_path: Path, cache: bool) -> None:
    from progcmp.model import ContenderKind, Reading

    write_candidate(tmp_path / "data", LIST_FILE.replace('ballot: "7"', "ballot: 7"))
    folder = tmp_path / "cache" if cache else None
    for _ in range(2 if cache else 1):  # the second load reads the cache
        (alice,) = load_dataset(tmp_path / "data", cache=folder).candidates
        assert (alice.kind, alice.leader, alice.ballot) == (ContenderKind.LIST, "Alice Martin", 7)
        (source,) = alice.sources
        assert (source.archived, source.accessed, source.read) == (
            "https://web.archive.org/web/2024/https://example.org/p",
            "2024-05-30",
            Reading.PARTIAL,
        )


def test_contender_kind_and_ballot_are_checked(tmp_path: Path) -> None:
    path = write_candidate(
        tmp_path, LIST_FILE.replace("kind: list", "kind: liste").replace('"7"', "0")
    )
    assert [f"{p.line}:{p.column}: {p.message}" for p in validate_paths([path], tmp_path)] == [
        "4:7: 'kind' must be one of candidate, party, list (got 'liste') (did you mean 'list'?)",
        "6:9: 'ballot' must be a whole number from 1 to 9999 (got '0')",
    ]


def test_a_boundary_rule_must_send_to_another_theme(tmp_path: Path) -> None:
    themes = tmp_path / "themes.yaml"
    theme = "  - id: {0}\n    label: {{fr: A, en: A}}\n    description: {{fr: A, en: A}}\n"
    rule = "    not:\n      - keywords: [robots]\n        goes-to: {0}\n"
    themes.write_text(
        "themes:\n" + theme.format("a") + rule.format("b") + theme.format("b") + rule.format("b"),
        encoding="utf-8",
    )
    assert [str(p) for p in validate_paths([themes], tmp_path)] == [
        f"{themes}:13:18: goes-to 'b' is not another theme of the catalogue",
    ]
    themes.write_text(themes.read_text().replace("goes-to: b", "goes-to: nowhere", 1))
    assert [str(p) for p in validate_paths([themes], tmp_path)] == [
        f"{themes}:7:18: goes-to 'nowhere' is not another theme of the catalogue",
        f"{themes}:13:18: goes-to 'b' is not another theme of the catalogue",
    ]
