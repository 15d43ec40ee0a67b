"""The one mapping from the model to JSON objects and flat CSV rows, shared by every view.

Each view has ``to_dict()`` (the documented, versioned JSON shape: ``--format json`` prints exactly
that) and ``to_records()`` (flat rows for CSV, every row with the keys of the class's
``RECORD_FIELDS`` in order; a list of values in one cell holds one value per line).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..data.vetted import checked
from ..model import Annotation, Assessment, Candidate, Proposal, Source, Theme
from ..text import clean

JSON_VERSION = 1


def checked_text(view: object) -> bool:
    """Whether every text of a view comes from data the loader checked (see
    :mod:`progcmp.data.vetted`): a view says so with a ``checked_text()`` method, which only a
    view whose output holds nothing but its candidates' and themes' values and fixed words may
    have. JSON and NDJSON then skip their pass for control and invisible characters."""
    method = getattr(view, "checked_text", None)
    return bool(method is not None and method())


def from_checked_data(candidates: Sequence[Candidate], themes: Sequence[Theme]) -> bool:
    """Whether these candidates and themes are all the loader's (see :func:`checked_text`)."""
    return checked(candidates) and checked(themes)


# A theme and its label: in the catalogue's language (which theme_lang names), then the label's
# French and English entries ("" where the catalogue does not give one).
THEME_FIELDS = ("theme", "theme_label", "theme_lang", "theme_label_fr", "theme_label_en")

# The columns every row about one candidate on one theme starts with.
CANDIDATE_THEME_FIELDS = (
    "election",
    "candidate",
    "candidate_name",
    "party",
    *THEME_FIELDS,
)


def candidate_theme_record(candidate: Candidate, theme: Theme) -> dict[str, str]:
    """The values of :data:`CANDIDATE_THEME_FIELDS`."""
    return {
        "election": candidate.election,
        "candidate": candidate.id,
        "candidate_name": candidate.name,
        "party": candidate.party,
        **theme_columns(theme),
    }


def theme_columns(theme: Theme) -> dict[str, str]:
    """The values of :data:`THEME_FIELDS`."""
    return {"theme": theme.id, **theme_label_record(theme)}


def source_columns(sources: Sequence[Source]) -> tuple[str, str, str]:
    """The ``source``, ``source_title`` and ``source_url`` cells of rows resting on these
    sources: one line per source (titles lose their line breaks so the lines stay aligned)."""
    return (
        "\n".join(s.id for s in sources),
        "\n".join(clean(s.title) for s in sources),
        "\n".join(clean(s.url) for s in sources),
    )


# One row per candidate x theme x entry; ``kind`` says what the row is: ``proposal``,
# ``assessment``, or a gap kind (``none-found``, ``declined``, ``not-reviewed``, ``contested``,
# ``no-statement``); ``stance`` is a proposal's or a no-statement answer's stance, if any;
# ``text`` a proposal's verbatim words, if recorded (``summary`` is the project's own words).
ENTRY_FIELDS = (
    *CANDIDATE_THEME_FIELDS,
    "kind",
    "id",
    "author",
    "stance",
    "summary",
    "quote",
    "text",
    "locator",
    "note",
    "source",
    "source_title",
    "source_url",
)
GAP_FIELDS = (
    *CANDIDATE_THEME_FIELDS,
    "kind",
    "stance",
    "proposals",
    "note",
    "source",
    "source_title",
    "source_url",
)


def record(
    fields: tuple[str, ...],
    candidate: Candidate,
    theme: Theme,
    kind: str,
    sources: Sequence[Source] = (),
    **values: str | None,
) -> dict[str, str]:
    """One flat row about a candidate on a theme; several sources give one line each."""
    row = dict.fromkeys(fields, "")
    row.update(candidate_theme_record(candidate, theme))
    source, source_title, source_url = source_columns(sources)
    row.update(kind=kind, source=source, source_title=source_title, source_url=source_url)
    row.update((key, value or "") for key, value in values.items())
    assert row.keys() == set(fields), sorted(row.keys() - set(fields))
    return row


def assessment_records(candidate: Candidate, theme: Theme) -> list[dict[str, str]]:
    return [
        record(
            ENTRY_FIELDS,
            candidate,
            theme,
            "assessment",
            (candidate.source(a.source),),
            id=a.id,
            author=a.author,
            summary=a.summary,
            quote=a.quote,
        )
        for a in candidate.assessments
        if theme.id in a.themes
    ]


def candidate_dict(c: Candidate) -> dict[str, Any]:
    return {
        "id": c.id,
        "name": c.name,
        "party": c.party,
        "election": c.election,
        "status": str(c.status),
        "kind": str(c.kind),
        "leader": c.leader,
        "ballot": c.ballot,
    }


def theme_label_record(theme: Theme) -> dict[str, str]:
    """A theme's label columns: in the catalogue's language (and which), and the French and
    English entries."""
    return {
        "theme_label": theme.label.get(theme.language),
        "theme_lang": theme.language,
        "theme_label_fr": theme.label.exact("fr"),
        "theme_label_en": theme.label.exact("en"),
    }


def theme_dict(t: Theme) -> dict[str, Any]:
    """A theme's label and description per language tag, and the catalogue's language."""
    return {
        "id": t.id,
        "language": t.language,
        "label": t.label.as_dict(),
        "description": t.description.as_dict(),
    }


def source_dict(s: Source) -> dict[str, Any]:
    return {
        "id": s.id,
        "title": s.title,
        "publisher": s.publisher,
        "url": s.url,
        "kind": str(s.kind),
        "date": s.date,
        "note": s.note,
        "archived": s.archived,
        "accessed": s.accessed,
        "read": str(s.read) if s.read else None,
    }


def proposal_dict(p: Proposal) -> dict[str, Any]:
    return {
        "id": p.id,
        "themes": list(p.themes),
        "summary": p.summary,
        "quote": p.quote,
        "text": p.text,
        "source": p.source,
        "locator": p.locator,
        "note": p.note,
        "stance": str(p.stance) if p.stance else None,
    }


def assessment_dict(a: Assessment) -> dict[str, Any]:
    return {
        "id": a.id,
        "author": a.author,
        "source": a.source,
        "themes": list(a.themes),
        "summary": a.summary,
        "quote": a.quote,
    }


def annotation_dict(a: Annotation) -> dict[str, Any]:
    return {
        "theme": a.theme,
        "kind": str(a.kind),
        "note": a.note,
        "source": a.source,
        "stance": str(a.stance) if a.stance else None,
    }


# Flat rows for the tables of a data package (progcmp package): the JSON shapes above, one
# value a cell ("" for nothing; a list one value a line), so that the two never disagree.


def flat(values: dict[str, Any], prefix: str = "") -> dict[str, str]:
    """A JSON object as one flat row: nested objects give ``outer_inner`` columns."""
    row: dict[str, str] = {}
    for key, value in values.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            row.update(flat(value, f"{name}_"))
        elif isinstance(value, list | tuple):
            row[name] = "\n".join(str(v) for v in value)
        elif isinstance(value, bool):
            row[name] = "true" if value else "false"
        else:
            row[name] = "" if value is None else str(value)
    return row


def contender_record(c: Candidate) -> dict[str, str]:
    row = flat(candidate_dict(c))
    return {
        "election": row.pop("election"),
        **row,
        "aliases": "\n".join(c.aliases),
        "note": c.note or "",
    }


def theme_record(t: Theme) -> dict[str, str]:
    return flat(theme_dict(t))


def owned(c: Candidate, values: dict[str, Any]) -> dict[str, str]:
    """A row about something of a candidate's file: its election and candidate first."""
    return {"election": c.election, "candidate": c.id, **flat(values)}


def source_record(c: Candidate, s: Source) -> dict[str, str]:
    return {**owned(c, source_dict(s)), "reviewed": "true" if s.id in c.reviewed else "false"}


def proposal_record(c: Candidate, p: Proposal) -> dict[str, str]:
    values = proposal_dict(p)
    del values["themes"]  # a table of its own: one row per proposal and theme
    return owned(c, values)


def annotation_record(c: Candidate, a: Annotation) -> dict[str, str]:
    return owned(c, annotation_dict(a))


def assessment_record(c: Candidate, a: Assessment) -> dict[str, str]:
    values = assessment_dict(a)
    del values["themes"]
    return owned(c, values)
