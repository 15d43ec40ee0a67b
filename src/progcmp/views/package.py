"""``progcmp package``: the data as a Frictionless Data Package, tables of flat rows described
by Table Schemas (types, keys between the tables, a description of every field).

The rows come from :mod:`.records` (the one mapping from the model), the field descriptions from
the file specs of :mod:`progcmp.data.schema` wherever the field is one of a data file, so the
package says what the files say.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from .._version import __version__
from ..data.schema import (
    ANNOTATION,
    ASSESSMENT,
    CANDIDATE_FILE,
    ID,
    PROPOSAL,
    SOURCE,
    THEME,
    URL_PATTERN,
    Record,
    Spec,
    Text,
)
from ..model import Candidate, Dataset, GapKind
from .gaps import find_gaps
from .records import (
    annotation_record,
    assessment_record,
    contender_record,
    proposal_record,
    source_record,
    theme_record,
)

PACKAGE_VERSION = 1  # of this package's layout: the tables, their fields and keys

# What each gap kind means, for the `kind` field of the gaps table (its enum constraint).
GAP_KINDS = {
    GapKind.NONE_FOUND: "no proposal and no annotation: nothing on the theme was found in the "
    "candidate's reviewed sources (which may have been read only in part: see sources.read); "
    "not evidence that the candidate has no view",
    GapKind.DECLINED: "an annotation, with a source, records that the candidate declined to "
    "answer on the theme",
    GapKind.NOT_REVIEWED: "an annotation records that the sources on the theme were not gone "
    "through",
    GapKind.CONTESTED: "an annotation records that the candidate's position on the theme is "
    "disputed; may stand beside proposals (see the proposals field)",
    GapKind.NO_STATEMENT: "the candidate answered (a questionnaire's thesis) without a statement "
    "to summarise; stance says what was answered",
}

# Licences the package can point to by address; any other SPDX id is given by name only.
LICENCES = {
    "CC-BY-4.0": (
        "Creative Commons Attribution 4.0 International",
        "https://creativecommons.org/licenses/by/4.0/",
    ),
    "CC-BY-SA-4.0": (
        "Creative Commons Attribution-ShareAlike 4.0 International",
        "https://creativecommons.org/licenses/by-sa/4.0/",
    ),
    "CC0-1.0": (
        "Creative Commons Zero v1.0 Universal",
        "https://creativecommons.org/publicdomain/zero/1.0/",
    ),
    "ODbL-1.0": (
        "Open Data Commons Open Database License v1.0",
        "https://opendatacommons.org/licenses/odbl/1-0/",
    ),
}

CSV_NOTE = (
    " Every cell is quoted; a list holds one value a line; a cell that a spreadsheet would run "
    "as a formula (starting with = + - @, also after a , ; or tab inside it) has a ' put "
    "before that character."
)


@dataclass(frozen=True, slots=True)
class Field:
    """One column of a table, as a Table Schema field."""

    name: str
    description: str
    type: str = "string"
    required: bool = False
    enum: tuple[str, ...] = ()
    pattern: str | None = None
    format: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name, "type": self.type}
        if self.format:
            out["format"] = self.format
        out["description"] = self.description
        constraints: dict[str, Any] = {}
        if self.required:
            constraints["required"] = True
        if self.enum:
            constraints["enum"] = list(self.enum)
        if self.pattern:
            constraints["pattern"] = self.pattern
        if constraints:
            out["constraints"] = constraints
        return out


def spec_field(name: str, record: Record, key: str | None = None) -> Field:
    """A field of a data file, described as the schema describes it."""
    spec: Spec = record.fields[key or name]
    required = (key or name) in record.required
    assert isinstance(spec, Text), name
    pattern = _bare(spec)
    if spec.pattern == URL_PATTERN:
        return Field(name, spec.description, format="uri", required=required)
    if spec.multiline:  # several lines: a pattern would be matched against each
        pattern = None
    return Field(name, spec.description, required=required, enum=spec.choices, pattern=pattern)


def ref(name: str, description: str) -> Field:
    """A required id column that refers to another table."""
    return Field(name, description, required=True, pattern=_bare(ID))


def _bare(spec: Text) -> str | None:
    return spec.pattern.removeprefix("^").removesuffix("$") if spec.pattern else None


ELECTION = ref("election", "The election's id (its data folder).")
CANDIDATE = ref("candidate", "The contender's id, within the election (contenders.id).")
THEME_REF = ref("theme", "A theme's id (themes.id).")
OF_CONTENDER = {
    "fields": ["election", "candidate"],
    "reference": ("contenders", ["election", "id"]),
}
OF_THEME = {"fields": ["theme"], "reference": ("themes", ["id"])}


def _source_key(column: str) -> dict[str, Any]:
    return {
        "fields": ["election", "candidate", column],
        "reference": ("sources", ["election", "candidate", "id"]),
    }


@dataclass(frozen=True, slots=True)
class Table:
    """One resource of the package: a CSV file of rows, and its Table Schema."""

    name: str
    description: str
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[dict[str, Any], ...]
    rows: tuple[dict[str, str], ...]

    @property
    def path(self) -> str:
        return f"{self.name}.csv"

    @property
    def header(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    def resource(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "path": self.path,
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "description": self.description + CSV_NOTE,
            "schema": {
                "fields": [f.to_dict() for f in self.fields],
                "primaryKey": list(self.primary_key),
                "foreignKeys": [
                    {
                        "fields": fk["fields"],
                        "reference": {"resource": fk["reference"][0], "fields": fk["reference"][1]},
                    }
                    for fk in self.foreign_keys
                ],
                "missingValues": [""],
            },
        }


@dataclass(frozen=True, slots=True)
class DataPackage:
    """The whole dataset as tables, with the package's metadata."""

    name: str
    title: str
    version: str
    license: str | None
    tables: tuple[Table, ...]
    sources: tuple[tuple[str, str], ...]  # (title, url) of every document cited, by url

    def to_dict(self) -> dict[str, Any]:
        """The ``datapackage.json`` descriptor."""
        descriptor: dict[str, Any] = {
            "profile": "tabular-data-package",
            "name": self.name,
            "title": self.title,
            "version": self.version,
            "description": "Candidates' programmes sorted by theme, every proposal tied to a "
            f"cited source. Written by progcmp {__version__} (package layout "
            f"{PACKAGE_VERSION}).",
        }
        if self.license:
            title, path = LICENCES.get(self.license, (None, None))
            licence: dict[str, str] = {"name": self.license}
            if path and title:
                licence |= {"path": path, "title": title}
            descriptor["licenses"] = [licence]
        descriptor["sources"] = [{"title": t, "path": url} for t, url in self.sources]
        descriptor["resources"] = [t.resource() for t in self.tables]
        return descriptor


def build_package(dataset: Dataset, metadata: dict[str, str], folder_name: str) -> DataPackage:
    """The data package of a dataset; ``metadata`` is what its catalogue declares (title,
    license, version), ``folder_name`` the data folder's name (the package's default name)."""
    candidates = dataset.candidates
    name = re.sub(r"[^a-z0-9._-]+", "-", folder_name.lower()).strip("-._") or "progcmp-data"
    cited: dict[str, str] = {}
    for c in candidates:
        for s in c.sources:
            cited.setdefault(s.url, s.title)
    return DataPackage(
        name=name,
        title=metadata.get("title", name),
        version=metadata.get("version", "0.0.0"),
        license=metadata.get("license"),
        tables=tables(dataset),
        sources=tuple((cited[url], url) for url in sorted(cited)),
    )


def tables(dataset: Dataset) -> tuple[Table, ...]:
    candidates = dataset.candidates
    report = find_gaps(dataset, candidates)
    gaps = tuple(
        {
            "election": row["election"],
            "candidate": row["candidate"],
            "theme": row["theme"],
            "kind": row["kind"],
            "stance": row["stance"],
            "proposals": row["proposals"],
            "note": row["note"],
            "sources": row["source"],
        }
        for row in report.to_records()
    )
    kinds = "; ".join(f"{kind}: {meaning}" for kind, meaning in GAP_KINDS.items())
    return (
        Table(
            "contenders",
            "One row per contender (a candidate, party or list) in one election.",
            (
                ELECTION,
                spec_field("id", CANDIDATE_FILE),
                spec_field("name", CANDIDATE_FILE),
                spec_field("party", CANDIDATE_FILE),
                replace(spec_field("status", CANDIDATE_FILE), required=True),
                replace(spec_field("kind", CANDIDATE_FILE), required=True),
                spec_field("leader", CANDIDATE_FILE),
                Field("ballot", CANDIDATE_FILE.fields["ballot"].description, "integer"),
                Field("aliases", "Other names users may type, one a line."),
                Field("note", "Free notes on the file: caveats, scope."),
            ),
            ("election", "id"),
            (),
            tuple(contender_record(c) for c in candidates),
        ),
        Table(
            "themes",
            "The theme catalogue.",
            (
                spec_field("id", THEME),
                Field("label_fr", "The theme's label in French.", required=True),
                Field("label_en", "The theme's label in English.", required=True),
                Field("description_fr", "What the theme covers, in French.", required=True),
                Field("description_en", "What the theme covers, in English.", required=True),
            ),
            ("id",),
            (),
            tuple(theme_record(t) for t in dataset.all_themes),
        ),
        Table(
            "sources",
            "One row per source a contender's file cites.",
            (
                ELECTION,
                CANDIDATE,
                *(
                    spec_field(n, SOURCE)
                    for n in (
                        "id",
                        "title",
                        "publisher",
                        "url",
                        "kind",
                        "date",
                        "note",
                        "archived",
                        "accessed",
                        "read",
                    )
                ),
                Field(
                    "reviewed",
                    "Whether the source is among those read for the file: a theme with no "
                    "proposal means nothing was found in the reviewed sources.",
                    "boolean",
                    required=True,
                ),
            ),
            ("election", "candidate", "id"),
            (OF_CONTENDER,),
            tuple(source_record(c, s) for c in candidates for s in c.sources),
        ),
        Table(
            "proposals",
            "One row per proposal; its themes are in proposal_themes.",
            (
                ELECTION,
                CANDIDATE,
                *(
                    spec_field(n, PROPOSAL)
                    for n in (
                        "id",
                        "summary",
                        "quote",
                        "text",
                        "source",
                        "locator",
                        "note",
                        "stance",
                    )
                ),
            ),
            ("election", "candidate", "id"),
            (OF_CONTENDER, _source_key("source")),
            tuple(proposal_record(c, p) for c in candidates for p in c.proposals),
        ),
        Table(
            "proposal_themes",
            "The themes of each proposal, one row each, in the order the file gives them.",
            (ELECTION, CANDIDATE, ref("proposal", "The proposal's id (proposals.id)."), THEME_REF),
            ("election", "candidate", "proposal", "theme"),
            (
                {
                    "fields": ["election", "candidate", "proposal"],
                    "reference": ("proposals", ["election", "candidate", "id"]),
                },
                OF_THEME,
            ),
            _links(candidates, "proposal"),
        ),
        Table(
            "annotations",
            "One row per annotation: a theme declined, not reviewed, contested or answered "
            "without a statement.",
            (
                ELECTION,
                CANDIDATE,
                *(spec_field(n, ANNOTATION) for n in ("theme", "kind", "note")),
                # No foreign key: a key with an empty part is refused by validators.
                replace(
                    spec_field("source", ANNOTATION),
                    description="The source it rests on, if any (sources.id, for the same "
                    "election and candidate).",
                ),
                spec_field("stance", ANNOTATION),
            ),
            ("election", "candidate", "theme"),
            (OF_CONTENDER, OF_THEME),
            tuple(annotation_record(c, a) for c in candidates for a in c.annotations),
        ),
        Table(
            "assessments",
            "One row per third-party verdict on a programme (never the contender's own words); "
            "its themes are in assessment_themes.",
            (
                ELECTION,
                CANDIDATE,
                *(
                    spec_field(n, ASSESSMENT)
                    for n in ("id", "author", "source", "summary", "quote")
                ),
            ),
            ("election", "candidate", "id"),
            (OF_CONTENDER, _source_key("source")),
            tuple(assessment_record(c, a) for c in candidates for a in c.assessments),
        ),
        Table(
            "assessment_themes",
            "The themes of each assessment, one row each.",
            (
                ELECTION,
                CANDIDATE,
                ref("assessment", "The assessment's id (assessments.id)."),
                THEME_REF,
            ),
            ("election", "candidate", "assessment", "theme"),
            (
                {
                    "fields": ["election", "candidate", "assessment"],
                    "reference": ("assessments", ["election", "candidate", "id"]),
                },
                OF_THEME,
            ),
            _links(candidates, "assessment"),
        ),
        Table(
            "gaps",
            "One row per contender and theme of its election's catalogue with no proposal, and "
            "per contested theme that has proposals, as progcmp gaps reports them.",
            (
                ELECTION,
                CANDIDATE,
                THEME_REF,
                Field(
                    "kind",
                    f"Why there is no proposal, or that it is disputed: {kinds}.",
                    required=True,
                    enum=tuple(GAP_KINDS),
                ),
                spec_field("stance", ANNOTATION),
                Field(
                    "proposals",
                    "How many proposals the contender has on the theme (0 but for contested).",
                    "integer",
                    required=True,
                ),
                Field("note", "The annotation's note, if any."),
                Field(
                    "sources",
                    "The ids of the sources the gap rests on (sources.id), one a line: the "
                    "reviewed sources for none-found, the annotation's source otherwise.",
                ),
            ),
            ("election", "candidate", "theme"),
            (OF_CONTENDER, OF_THEME),
            gaps,
        ),
    )


def _links(candidates: Sequence[Candidate], what: str) -> tuple[dict[str, str], ...]:
    """The rows of a ``<what>_themes`` table: one per proposal (or assessment) and theme."""
    return tuple(
        {"election": c.election, "candidate": c.id, what: item.id, "theme": theme}
        for c in candidates
        for item in (c.proposals if what == "proposal" else c.assessments)
        for theme in item.themes
    )
