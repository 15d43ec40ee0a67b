"""Strict, located YAML reading.

Files are read with libyaml's C parser where available. Every plain scalar is read as text (only
an empty value, ``~`` and ``null`` mean "nothing"), so YAML 1.1 never re-types a value behind the
user's back (``no`` stays "no", ``012`` stays "012"). Aliases, merge keys, explicit tags and
duplicate keys are errors. Alongside the plain data we return the 1-based line and column of
every value and key, so that later checks can say where a problem is.

Recording positions costs as much as parsing, and only a file with a problem needs them; so
:func:`parse_plain` reads a regular file without them, and a :class:`Located` built from it
works out its positions only when a problem is reported (by running :func:`parse`).
"""

from __future__ import annotations

import functools
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..model.errors import Problem
from ..text import show
from .output import note_read

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_DEPTH = 32  # the formats need 5 levels; this stops pathological nesting early
# Building the tree of a 5 MiB file of one-letter items takes libyaml some 10 s; counting its
# events stops within a fraction of that. Real files hold a few thousand values; smaller
# texts cannot hold enough values to be slow, so only larger ones are counted first.
MAX_NODES = 200_000
COUNT_NODES_ABOVE = 256 * 1024  # characters

JsonPath = tuple[str | int, ...]
_STR_TAG = "tag:yaml.org,2002:str"
_NULL_TAG = "tag:yaml.org,2002:null"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_MAP_TAG = "tag:yaml.org,2002:map"
_ALLOWED_TAGS = {_STR_TAG, _NULL_TAG, _SEQ_TAG, _MAP_TAG}
_NULL_WORDS = frozenset({"", "~", "null", "Null", "NULL"})


@dataclass(slots=True)
class Located:
    """Plain data from one file, with the position of each value and each mapping key.

    Built from :func:`parse_plain`, it holds the file's ``text`` instead of positions, and
    finds them (by parsing the text again with :func:`parse`) the first time they are asked for.
    """

    path: str
    data: Any
    problems: list[Problem] = field(default_factory=list)  # found while reading, not fatal
    text: str | None = None
    _values: dict[JsonPath, tuple[int, int]] | None = None
    _keys: dict[JsonPath, tuple[int, int]] | None = None

    @property
    def values(self) -> dict[JsonPath, tuple[int, int]]:
        """Where each value starts (1-based line and column), by path."""
        if self._values is None:
            self._locate()
        assert self._values is not None
        return self._values

    @property
    def keys(self) -> dict[JsonPath, tuple[int, int]]:
        """Where each mapping key starts, by the path of its value."""
        if self._keys is None:
            self._locate()
        assert self._keys is not None
        return self._keys

    def _locate(self) -> None:
        self._values, self._keys = {}, {}
        if self.text is not None:
            full = parse(self.text, self.path)
            if isinstance(full, Located):  # always so for a text parse_plain accepted
                self._values, self._keys = full.values, full.keys

    def at(self, where: JsonPath, message: str, *, key: bool = False) -> Problem:
        """A problem at the value (or, with ``key``, the key) found at ``where``."""
        marks = self.keys if key and where in self.keys else self.values
        probe = where
        while probe not in marks and probe:
            probe = probe[:-1]  # fall back to the closest enclosing value
        line, column = marks.get(probe, (1, 1))
        return Problem(self.path, line, column, message)


class _ParseError(Exception):
    def __init__(self, line: int, column: int, message: str) -> None:
        super().__init__(message)
        self.line, self.column, self.message = line, column, message


def read_text(path: Path, shown: str) -> str | Problem:
    """Read a UTF-8 file, refusing non-regular files, oversized files and undecodable bytes."""
    read = read_file(path, shown)
    return read if isinstance(read, Problem) else decode(read[0], shown)


def read_file(path: Path, shown: str) -> tuple[bytes, os.stat_result] | Problem:
    """Read a file's bytes (and its status), refusing non-regular and oversized files.

    A FIFO, a device or a socket is never read (it could block or never end): the path is
    checked first, without opening it, then the opened file again, in case it was swapped.
    """
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return Problem(shown, 1, 1, "not a regular file")
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        with open(os.open(path, flags), "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):
                return Problem(shown, 1, 1, "not a regular file")
            note_read(info, shown)  # an output may never replace it
            if info.st_size > MAX_FILE_BYTES:
                return Problem(
                    shown,
                    1,
                    1,
                    f"file is {info.st_size} bytes, over the limit of {MAX_FILE_BYTES} bytes",
                )
            # Ask for the size known (asking for the limit would allocate that much each time),
            # and read on, bounded, if the file grew meanwhile.
            raw = handle.read(info.st_size + 1)
            if len(raw) > info.st_size:
                raw += handle.read(MAX_FILE_BYTES + 1 - len(raw))
    except OSError as exc:
        return Problem(shown, 1, 1, f"cannot read file: {exc.strerror or exc}")
    if len(raw) > MAX_FILE_BYTES:
        return Problem(shown, 1, 1, f"file is over the limit of {MAX_FILE_BYTES} bytes")
    return raw, info


def decode(raw: bytes, shown: str) -> str | Problem:
    """Decode UTF-8 (a leading BOM is dropped), saying where an invalid byte is."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return Problem(
            shown, 1, 1, "file is UTF-16 (it starts with a UTF-16 mark); save it as UTF-8"
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, column = position(raw[: exc.start].decode("utf-8", "replace"))
        return Problem(
            shown,
            line,
            column,
            f"not valid UTF-8 (byte 0x{raw[exc.start]:02X}); save the file as UTF-8",
        )


def position(prefix: str) -> tuple[int, int]:
    """1-based line and column of the character that follows ``prefix`` (line breaks are
    ``\\n``, ``\\r\\n`` or a lone ``\\r``, as YAML reads them)."""
    prefix = prefix.replace("\r\n", "\n").replace("\r", "\n")
    line = prefix.count("\n") + 1
    return line, len(prefix) - (prefix.rfind("\n") + 1) + 1


# Characters refused anywhere in a file, before parsing: controls (but tab and line breaks),
# bidi embeddings, overrides and isolates (they can make a line read differently from what it
# holds), the separators YAML counts as line breaks and editors do not (so positions would be
# off), and lone surrogates, U+FFFE and U+FFFF (not text). Other invisible characters are
# refused in values, with the field named (see text.find_unsafe).
_REFUSED = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff\ufffe\uffff]"
)


def _refused(char: str) -> str:
    code = f"U+{ord(char):04X}"
    if char in "\u2028\u2029":
        kind = "line" if char == "\u2028" else "paragraph"
        return f"{kind} separator {code} is not allowed; use an ordinary line break"
    if "\ud800" <= char <= "\udfff" or char in "\ufffe\uffff":
        return f"invalid character {code} is not allowed"
    return f"control character {code} is not allowed"


def _too_many_nodes(text: str) -> tuple[int, int] | None:
    """Where the value past :data:`MAX_NODES` starts, if a large text holds that many."""
    import yaml

    if len(text) <= COUNT_NODES_ABOVE:
        return None
    loader = _loader_class()(text)
    nodes = (yaml.ScalarEvent, yaml.SequenceStartEvent, yaml.MappingStartEvent, yaml.AliasEvent)
    count = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, nodes):
                count += 1
                if count > MAX_NODES:
                    return _mark(event.start_mark)
    except yaml.YAMLError:
        return None  # parsing again says what and where
    finally:
        loader.dispose()
    return None


def parse(text: str, shown: str) -> Located | Problem:
    """Parse one YAML document into located plain data (dicts, lists, strings, None)."""
    import yaml

    bad = _REFUSED.search(text)
    if bad:
        line, column = position(text[: bad.start()])
        return Problem(shown, line, column, _refused(bad.group()))
    crowded = _too_many_nodes(text)
    if crowded:
        return Problem(shown, *crowded, f"too many values in one file (the limit is {MAX_NODES})")
    loader = _loader_class()(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        return _syntax_problem(exc, text, shown)
    except yaml.YAMLError as exc:  # ReaderError and friends carry no mark
        return Problem(shown, 1, 1, f"invalid YAML: {str(exc).splitlines()[0]}")
    except RecursionError:  # only without libyaml, which stops at 1000 levels itself
        return Problem(shown, 1, 1, f"nesting is too deep (more than {MAX_DEPTH} levels)")
    finally:
        loader.dispose()
    if node is None:
        return Problem(shown, 1, 1, "file is empty; expected a mapping of fields")
    located = Located(shown, None)
    try:
        located.data = _convert(node, (), located, set(), 0)
    except _ParseError as exc:
        return Problem(shown, exc.line, exc.column, exc.message)
    return located


class _Irregular(Exception):
    """The fast reading met something only the careful reading words well."""


def parse_plain(text: str) -> Any:
    """Plain data of a regular file, without positions; None if anything is unusual.

    "Unusual" is whatever :func:`parse` reports or treats specially: control characters,
    syntax errors, an empty file, tags, anchors used as aliases, merge keys, duplicate keys,
    non-text keys, deep nesting, too many values. For such a file, call :func:`parse`, which says
    what and where.
    For any other file, the data is exactly the ``data`` that :func:`parse` returns.
    """
    import yaml

    if _REFUSED.search(text) or _too_many_nodes(text):
        return None
    loader = _loader_class()(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        # An alias is the anchored node met a second time; without '&' there is no anchor.
        return _plain(node, 0, set() if "&" in text else None)
    except (yaml.YAMLError, _Irregular, RecursionError):
        return None
    finally:
        loader.dispose()


def _plain(node: Any, depth: int, seen: set[int] | None) -> Any:
    import yaml

    if depth >= MAX_DEPTH:
        raise _Irregular
    if seen is not None:
        if id(node) in seen:
            raise _Irregular
        seen.add(id(node))
    kind = node.__class__
    tag = node.tag
    if kind is yaml.ScalarNode:
        if tag == _STR_TAG:
            return node.value
        if tag == _NULL_TAG and not node.style and node.value in _NULL_WORDS:
            return None
        raise _Irregular  # an explicit tag (!!null "text" included)
    if kind is yaml.SequenceNode and tag == _SEQ_TAG:
        return [_plain(item, depth + 1, seen) for item in node.value]
    if kind is not yaml.MappingNode or tag != _MAP_TAG:
        raise _Irregular
    mapping: dict[str, Any] = {}
    for key_node, value_node in node.value:
        if key_node.__class__ is not yaml.ScalarNode or key_node.tag != _STR_TAG:
            raise _Irregular
        key = key_node.value
        if key == "<<" or key in mapping:
            raise _Irregular
        mapping[key] = _plain(value_node, depth + 1, seen)
    return mapping


@functools.cache
def _loader_class() -> Any:
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class StrictLoader(base):  # type: ignore[misc, valid-type]
        """Resolves plain scalars to text, except the null forms."""

        # The same answers as the resolver configured below would give, without its lookups:
        # libyaml calls these for every node, so they are a good part of the parsing time.
        def resolve(self, kind: Any, value: Any, implicit: tuple[bool, bool]) -> str:
            if kind is yaml.ScalarNode:
                return _NULL_TAG if implicit[0] and value in _NULL_WORDS else _STR_TAG
            return _SEQ_TAG if kind is yaml.SequenceNode else _MAP_TAG

        def descend_resolver(self, current_node: Any, current_index: Any) -> None:
            pass  # no path resolvers

        def ascend_resolver(self) -> None:
            pass

    StrictLoader.yaml_implicit_resolvers = {}
    StrictLoader.add_implicit_resolver(
        _NULL_TAG, re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]
    )
    return StrictLoader


def _mark(mark: Any) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def _syntax_problem(exc: Any, text: str, shown: str) -> Problem:
    """Word libyaml's errors for people, at the most useful position."""
    line, column = _mark(exc.problem_mark or exc.context_mark)
    context = str(exc.context or "")
    lines = text.splitlines()
    at = lines[line - 1][column - 1 : column] if 0 < line <= len(lines) else ""
    if at == "\t" or "'\\t'" in str(exc.problem):
        return Problem(shown, line, column, "tab character used for indentation; YAML needs spaces")
    if "expected a single document" in context:
        return Problem(
            shown,
            line,
            column,
            "file contains more than one YAML document ('---'); expected exactly one",
        )
    problem = str(exc.problem or "")
    if "mapping values are not allowed" in problem:
        text_line = lines[line - 1] if 0 < line <= len(lines) else ""
        if re.match(r"\s+[\w-]+$", text_line[: column - 1]):  # "   name:" under a value
            return Problem(shown, line, column, "this field is indented more than the one above it")
        # Mostly French typography ("Objectif : 100 %"): a colon and a space in a plain value.
        return Problem(
            shown,
            line,
            column,
            "a colon followed by a space cannot stand in a value without quotes; "
            "put the whole value in quotes",
        )
    if "quoted scalar" in context and ("escape" in problem or "hexdecimal" in problem):
        return Problem(
            shown,
            line,
            column,
            "unknown escape in double-quoted text (write \\\\ for a backslash, "
            "or use single quotes)",
        )
    if "quoted scalar" in context and exc.context_mark is not None:
        return Problem(
            shown, *_mark(exc.context_mark), "quoted text is never closed (the quote opens here)"
        )
    message = f"YAML syntax error: {exc.problem or context or 'invalid syntax'}"
    if exc.problem and context and exc.context_mark is not None:
        message += f" ({context} at {':'.join(map(str, _mark(exc.context_mark)))})"
    return Problem(shown, line, column, message)


def _convert(node: Any, where: JsonPath, out: Located, seen: set[int], depth: int) -> Any:
    import yaml

    line, column = _mark(node.start_mark)
    if id(node) in seen:  # met again: an alias; say where it is used, not where it is anchored
        at = out.keys.get(where) or out.values.get(where[:-1], (line, column))
        raise _ParseError(*at, "YAML aliases (*name) are not allowed; repeat the value")
    seen.add(id(node))
    if depth > MAX_DEPTH:
        raise _ParseError(line, column, f"nesting is too deep (more than {MAX_DEPTH} levels)")
    if node.tag not in _ALLOWED_TAGS or (
        node.tag == _NULL_TAG and (bool(node.style) or node.value not in _NULL_WORDS)
    ):  # the second: an explicit !!null on a text, which would make it empty
        tag = node.tag.replace("tag:yaml.org,2002:", "!!")
        raise _ParseError(line, column, f"YAML tags ({tag}) are not allowed")
    out.values[where] = (line, column)
    if isinstance(node, yaml.ScalarNode):
        return None if node.tag == _NULL_TAG else node.value
    if isinstance(node, yaml.SequenceNode):
        return [
            _convert(item, (*where, i), out, seen, depth + 1) for i, item in enumerate(node.value)
        ]
    mapping: dict[str, Any] = {}
    for key_node, value_node in node.value:
        key_line, key_column = _mark(key_node.start_mark)
        if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != _STR_TAG:
            raise _ParseError(key_line, key_column, "field names must be plain text")
        key = key_node.value
        if key == "<<":
            raise _ParseError(key_line, key_column, "YAML merge keys (<<) are not allowed")
        if key in mapping:
            first = out.keys[(*where, key)][0]
            out.problems.append(
                Problem(
                    out.path,
                    key_line,
                    key_column,
                    f"duplicate key {show(key)} (first defined at line {first})",
                )
            )
            continue
        out.keys[(*where, key)] = (key_line, key_column)
        mapping[key] = _convert(value_node, (*where, key), out, seen, depth + 1)
    return mapping
