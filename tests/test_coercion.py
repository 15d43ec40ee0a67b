"""Options convert without pydantic (``progcmp.cli.coercion``), to the same values and messages
as typer's own pydantic adapters."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any

import pytest

from .conftest import VALID

# Each run prints the modules it imported, after the command's own output.
_CHILD = (
    "import json, sys; from progcmp.cli import main\n"
    "try:\n    main(sys.argv[1:])\nexcept SystemExit: pass\n"
    "print(json.dumps(sorted(sys.modules)), file=sys.stderr)"
)


@pytest.mark.parametrize(
    "args",
    [
        ("compare", "zoe", "--width", "60"),
        ("gaps", "--format", "json", "--lang", "en", "--theme", "open-government"),
        ("matrix", "--format", "csv", "--output", "-"),
        ("compare", "--help"),
        ("--help",),
        ("compare", "zoe", "--width", "5"),  # a usage error
        ("similar", "--threshold", "90", "--format", "ndjson"),
    ],
)
def test_no_command_imports_pydantic(args: tuple[str, ...]) -> None:
    data = ("--data", str(VALID)) if args[0] != "--help" and "--help" not in args else ()
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, *args, *data],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": ""},
        check=True,
    )
    modules = json.loads(done.stderr.splitlines()[-1])
    assert "typer" in modules
    assert [m for m in modules if m.split(".")[0] in ("pydantic", "pydantic_core")] == []


def _parameters() -> list[Any]:
    from typer.main import get_command

    from progcmp.cli import app

    found: list[Any] = []

    def walk(command: Any) -> None:
        found.extend(command.params)
        for sub in getattr(command, "commands", {}).values():
            walk(sub)

    walk(get_command(app))
    return found


VALUES = [
    "42", " 42 ", "1_000", "40.0", "40.5", "1e2", "abc", "", "+50", "-5", "\u0664\u0662", "nan",
    "inf", "100.0000001", "0", "1" * 30, "FR", "en", "json", "Markdown", "pdf", "x\x1b[31m",
    "true", "no", "README.md", ".", "./tests", "tests//", "/nonexistent/place",
]  # fmt: skip


def _outcome(convert: Any, value: Any, param: Any, ctx: Any) -> tuple[str, Any]:
    import typer

    try:
        return "value", convert(value, param, ctx)
    except typer.BadParameter as exc:
        return "error", exc.message.removeprefix("Value error, ")


def test_our_converters_match_typers() -> None:
    """Every parameter of every command: the same value, or the same message, for each input."""
    from typer._coercion import build_runtime_param

    from progcmp.cli.coercion import convert

    checked = set()
    for param in _parameters():
        param._runtime_param = None
        ours_param = param
        convert([ours_param])
        ours = ours_param._runtime_param
        assert ours is not None, param.name  # every parameter progcmp has gets one of ours
        theirs = build_runtime_param(param.type_descriptor)
        key = (repr(param.type_descriptor.annotation), param.type_descriptor.parameter_info)
        if key in checked:
            continue
        checked.add(key)
        multiple = param.multiple or param.nargs == -1
        for value in VALUES:
            given: Any = (value,) if multiple else value
            mine = _outcome(ours._coerce_value, given, param, None)
            want = _outcome(theirs._coerce_value, given, param, None)
            if want[0] == "error":
                want = ("error", want[1].removeprefix("Value error, "))
            assert mine == want, (param.name, value)
