"""How well theme suggestion agrees with people: precision and recall against hand-tagged data.

Every proposal of a dataset is classified from its text alone (summary and quote) and the
suggested themes are compared with the themes a person gave it. Run it with::

    python -m progcmp.evaluation            # the bundled dataset
    python -m progcmp.evaluation DATA_DIR   # another data folder

The bundled figures are in docs/methods.md, and ``tests/test_classify.py`` fails if they fall below
the recorded level.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .model import Dataset
from .text.classify import classifier_for, proposal_text, suggest


@dataclass(frozen=True, slots=True)
class ThemeMeasure:
    """Precision and recall of the suggestions for one theme."""

    theme: str
    true_positives: int
    false_positives: int
    false_negatives: int

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 0.0

    @property
    def recall(self) -> float:
        tagged = self.true_positives + self.false_negatives
        return self.true_positives / tagged if tagged else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True, slots=True)
class Evaluation:
    """Suggestions measured against hand-tagged proposals."""

    proposals: int
    unmatched: int  # proposals for which nothing was suggested
    per_theme: tuple[ThemeMeasure, ...]

    @property
    def micro(self) -> ThemeMeasure:
        return ThemeMeasure(
            "micro",
            sum(m.true_positives for m in self.per_theme),
            sum(m.false_positives for m in self.per_theme),
            sum(m.false_negatives for m in self.per_theme),
        )

    @property
    def measured(self) -> tuple[ThemeMeasure, ...]:
        """The themes with anything to measure: a theme nobody tagged and nothing was suggested
        for has no precision or recall, and would drag the macro averages down for nothing."""
        return tuple(
            m for m in self.per_theme if m.true_positives + m.false_positives + m.false_negatives
        )

    @property
    def macro_precision(self) -> float:
        measured = self.measured
        return sum(m.precision for m in measured) / len(measured) if measured else 0.0

    @property
    def macro_recall(self) -> float:
        measured = self.measured
        return sum(m.recall for m in measured) / len(measured) if measured else 0.0

    def markdown(self) -> str:
        """The figures as a Markdown table (as shown in docs/methods.md)."""
        lines = [
            "| theme | tagged | suggested | precision | recall | F1 |",
            "| --- | ---: | ---: | ---: | ---: | ---: |",
        ]
        measured = self.measured
        for m in self.per_theme:
            figures = (
                f"{m.precision:.2f} | {m.recall:.2f} | {m.f1:.2f}"
                if m in measured
                else "— | — | —"  # nothing tagged, nothing suggested: nothing to measure
            )
            lines.append(
                f"| {m.theme} | {m.true_positives + m.false_negatives} | "
                f"{m.true_positives + m.false_positives} | {figures} |"
            )
        micro = self.micro
        lines.append(
            f"| **micro** | {micro.true_positives + micro.false_negatives} | "
            f"{micro.true_positives + micro.false_positives} | {micro.precision:.2f} | "
            f"{micro.recall:.2f} | {micro.f1:.2f} |"
        )
        mp, mr = self.macro_precision, self.macro_recall
        macro_f1 = 2 * mp * mr / (mp + mr) if mp + mr else 0.0
        lines.append(f"| **macro** | | | {mp:.2f} | {mr:.2f} | {macro_f1:.2f} |")
        return "\n".join(lines) + "\n"


def evaluate(dataset: Dataset) -> Evaluation:
    """Measure the suggestions against every hand-tagged proposal of a dataset."""
    classifier = classifier_for(dataset)
    counts = {t.id: [0, 0, 0] for t in dataset.themes}
    total = unmatched = 0
    for candidate in dataset.candidates:
        for proposal in candidate.proposals:
            total += 1
            suggested = {s.theme for s in suggest(classifier, proposal_text(proposal)).themes}
            unmatched += not suggested
            tagged = set(proposal.themes)
            for theme_id in suggested & tagged:
                counts[theme_id][0] += 1
            for theme_id in suggested - tagged:
                counts[theme_id][1] += 1
            for theme_id in tagged - suggested:
                counts[theme_id][2] += 1
    return Evaluation(
        total,
        unmatched,
        tuple(ThemeMeasure(t, *counts[t]) for t in (t.id for t in dataset.themes)),
    )


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m progcmp.evaluation [DATA]``: print the evaluation as Markdown."""
    import argparse
    import sys

    from .data.loader import load_dataset
    from .data.output import bundled_data

    parser = argparse.ArgumentParser(
        prog="python -m progcmp.evaluation",
        description="Measure theme suggestions against a data folder's hand-tagged proposals.",
    )
    parser.add_argument("data", nargs="?", help="data folder (default: the bundled dataset)")
    args = parser.parse_args(argv)
    result = evaluate(load_dataset(args.data or bundled_data()))
    sys.stdout.write(
        f"{result.proposals} proposals, {result.unmatched} with no suggestion\n\n"
        + result.markdown()
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
