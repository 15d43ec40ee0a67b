"""The files of a data package (``progcmp package``): ``datapackage.json`` and one CSV per
table, written by the CSV rules of :mod:`.csv`."""

from __future__ import annotations

import json

from ..views.package import DataPackage
from .csv import table

DESCRIPTOR = "datapackage.json"


def package_files(package: DataPackage) -> dict[str, str]:
    """Each file's name in the package folder, and its text (deterministic)."""
    files = {DESCRIPTOR: json.dumps(package.to_dict(), ensure_ascii=False, indent=2) + "\n"}
    for t in package.tables:
        files[t.path] = table(t.header, t.rows)
    return files
