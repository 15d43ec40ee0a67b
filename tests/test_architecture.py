"""The package's shape: layers that point one way, no import circle, no private name borrowed."""

from __future__ import annotations

import ast
from pathlib import Path

import grimp
from importlinter.cli import lint_imports

SRC = Path(__file__).resolve().parent.parent / "src" / "progcmp"


def test_the_layer_contract_holds() -> None:
    # The contract is in pyproject.toml; `lint-imports` runs the same check from a shell.
    assert lint_imports(config_filename=str(SRC.parent.parent / "pyproject.toml")) == 0


def test_no_module_imports_its_own_importers() -> None:
    graph = grimp.build_graph("progcmp", include_external_packages=False, cache_dir=None)
    circles = sorted(
        (importer, imported)
        for importer in graph.modules
        for imported in graph.find_modules_directly_imported_by(importer)
        if importer < imported
        and not imported.startswith(f"{importer}.")  # a package importing its own submodule
        and not importer.startswith(f"{imported}.")
        and graph.chain_exists(imported=importer, importer=imported)
    )
    assert circles == []


def test_no_private_name_is_imported_from_another_module() -> None:
    borrowed = []
    for path in sorted(SRC.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (
                node.level or "progcmp" in (node.module or "")
            ):
                borrowed += [
                    f"{path.relative_to(SRC)}: {alias.name}"
                    for alias in node.names
                    if alias.name.startswith("_")
                    and not alias.name.startswith("__")
                    and alias.name != "_version"
                ]
    assert borrowed == []
