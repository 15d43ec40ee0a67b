"""One way to number the sources a document cites, for every view.

A :class:`References` gives each (candidate, source) a number the first time it is cited or
registered, writes the ``[n]`` that points to it and lists the sources in number order. A view
that numbers its sources in a set order (the order of a comparison's columns, or every source
of a candidate) registers them first; one that numbers them as they appear just cites.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from ...model import Candidate, Source
from ..locale import Locale
from .blocks import Items, Line, Span


@dataclass(frozen=True, slots=True)
class Reference:
    """A numbered source: ``scope`` tells apart two sources of the same id (two versions of
    a programme in ``diff``); it is the candidate's key unless given."""

    number: int
    candidate: Candidate
    source: Source
    scope: str


@dataclass(slots=True)
class References:
    """The sources of one document, numbered from 1 in order of first citation."""

    _numbers: dict[tuple[str, str], Reference] = field(default_factory=dict)
    _cited: set[int] = field(default_factory=set)  # the numbers a [n] points to

    def number(self, candidate: Candidate, source_id: str, *, scope: str | None = None) -> int:
        """The number of a source, given it now if it has none yet."""
        key = (scope or candidate.key, source_id)
        if key not in self._numbers:
            self._numbers[key] = Reference(
                len(self._numbers) + 1, candidate, candidate.source(source_id), key[0]
            )
        return self._numbers[key].number

    def register(self, candidate: Candidate, source_ids: Iterable[str]) -> References:
        """Number these sources now, in this order (those already numbered keep theirs)."""
        for source_id in source_ids:
            self.number(candidate, source_id)
        return self

    def ref(
        self,
        candidate: Candidate,
        source_id: str | None,
        *,
        locator: str | None = None,
        scope: str | None = None,
    ) -> Span:
        """`` [n]`` (or `` [n, locator]``) pointing to a source; an empty span for none."""
        if not source_id:
            return Span("", "ref")
        n = self.number(candidate, source_id, scope=scope)
        self._cited.add(n)
        return Span(f" [{n}{', ' + locator if locator else ''}]", "ref")

    def __len__(self) -> int:
        return len(self._numbers)

    def __iter__(self) -> Iterator[Reference]:
        return iter(self._numbers.values())

    def listing(
        self, locale: Locale, *, names: bool = True, labels: Mapping[str, str] | None = None
    ) -> Items:
        """The sources in number order, one line each (see :func:`source_line`): with the
        candidate's name when ``names``, and a label per scope when ``labels`` is given."""
        return Items(
            tuple(
                source_line(
                    str(r.number),
                    r.candidate if names else None,
                    r.source,
                    locale,
                    label=labels[r.scope] if labels else None,
                )
                for r in self._numbers.values()
            ),
            frozenset(self._cited),
        )


def source_line(
    number: str,
    candidate: Candidate | None,
    source: Source,
    locale: Locale,
    *,
    label: str | None = None,
) -> Line:
    """``[n] Name — title, publisher, date (kind)``, the title linking to the source; a
    ``label`` goes just after the number. The date and kind are said in the locale's words."""
    details = ", ".join(x for x in (source.publisher, locale.date(source.date)) if x)
    spans = [Span(f"[{number}] ", "ref")]
    if label is not None:
        spans.append(Span(label, "dim"))
    if candidate is not None:
        spans.append(Span(f"{candidate.name} — ", "bold"))
    spans.append(Span(source.title, None, source.url, data=True))
    spans.append(Span(f"{', ' + details if details else ''} ({locale.kind(source.kind)})", "dim"))
    return tuple(spans)
