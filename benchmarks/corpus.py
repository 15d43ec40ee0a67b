"""Synthetic corpora for the benchmark: N candidate files of about 20 proposals each.

Everything is drawn from a seed, so the same seed and the same bundled data give the same
bytes. The text is French-like: a word chain learnt from the bundled programmes' summaries and
notes, so word lengths, accents and punctuation look like the real files. Themes are the bundled
catalogue's; sources are drawn from the sources the bundled files cite. The corpus is for
measuring only: the people, parties and proposals in it do not exist.
"""

from __future__ import annotations

import json
import random
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from progcmp import Dataset, GapKind, Source, bundled_data, load_dataset

ELECTION = "fr-synth-2027"

FIRST_NAMES = (  # noqa: SIM905 - easier to read and extend as words
    "Camille Dominique Claude Sacha Alix Morgan Maxime Lou Charlie Yannick Noa Andréa "
    "Jeanne Louis Hélène Étienne Zoé Loïc Maëlle Benoît Agnès Gaël Inès Jérôme Léa Rémi "
    "Céline François Éloïse Grégoire Anaïs Mathis Nadège Pascal Solène Thibault Ophélie "
    "Joël Mélanie Noël Aurélie Raphaël Chloé Cédric Maïwenn Hervé Clémence Léon Gaëlle "
    "Théo Élise Aymeric Bérénice Anouk Salomé Émile Armelle Rose Baptiste Irène"
).split()
LAST_NAMES = (  # noqa: SIM905 - easier to read and extend as words
    "Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent "
    "Lefèvre Michel Garcia David Bertrand Roux Vincent Fournier Morel Girard André "
    "Mercier Dupont Lambert Bonnet François Martinez Legrand Garnier Faure Rousseau "
    "Blanc Guérin Muller Henry Roussel Nicolas Perrin Morin Mathieu Clément Gauthier "
    "Dumont Lopez Fontaine Chevalier Robin Masson Sanchez Gérard Nguyen Boyer Denis "
    "Lemaire Duval Joly Gautier Roger Roche Roy Noël Meyer Lucas Meunier Jean Pérez "
    "Marchand Dufour Blanchard Marie Barbier Brun Dumas Brunet Schmitt Leroux Colin "
    "Fernandez Pierre Renard Arnaud Rolland Caron Aubert Giraud Leclerc Vidal Bourgeois "
    "Renaud Lemoine Picard Gaillard Philippe Leclercq Lacroix Fabre Dupuis Olivier "
    "Rodriguez Da-Silva Hubert Louis Charles"
).split()


@dataclass(frozen=True)
class Corpus:
    """A generated data folder."""

    root: Path
    files: int
    proposals: int
    bytes: int


class _Chain:
    """A word chain (order 2) over French sentences: plausible text, not real proposals."""

    def __init__(self, texts: list[str]) -> None:
        self.next: dict[tuple[str, str], list[str]] = defaultdict(list)
        self.starts: list[tuple[str, str]] = []
        for text in texts:
            words = text.split()
            for i in range(len(words) - 2):
                if i == 0 or (words[i - 1].endswith(".") and words[i][:1].isupper()):
                    self.starts.append((words[i], words[i + 1]))
                self.next[(words[i], words[i + 1])].append(words[i + 2])
        self.starts = [s for s in self.starts if s in self.next]

    def sentence(self, rng: random.Random, low: int, high: int) -> str:
        target = rng.randint(low, high)
        a, b = rng.choice(self.starts)
        words = [a, b]
        while True:
            choices = self.next.get((a, b))
            if not choices or (len(words) >= target and b.endswith((".", ";"))):
                break
            if len(words) >= high * 2:
                break
            a, b = b, rng.choice(choices)
            words.append(b)
        text = " ".join(words).rstrip(" ;,:")
        return text if text.endswith((".", "!", "?", "»")) else text + "."


def _slug(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.replace("œ", "oe").replace("Œ", "Oe"))
    ascii_only = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    out = "".join(c if c.isascii() and c.isalnum() else "-" for c in ascii_only)
    return "-".join(part for part in out.split("-") if part)


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _names(count: int, rng: random.Random) -> list[tuple[str, str]]:
    """``count`` distinct (first, last) names: simple last names first, then double ones."""
    simple = [(f, n) for f in FIRST_NAMES for n in LAST_NAMES]
    rng.shuffle(simple)
    names = simple[:count]
    seen = {_slug(f"{f} {n}") for f, n in names}
    while len(names) < count:
        first, a, b = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES), rng.choice(LAST_NAMES)
        key = _slug(f"{first} {a}-{b}")
        if a != b and key not in seen:
            seen.add(key)
            names.append((first, f"{a}-{b}"))
    return names


def _source_yaml(source: Source, source_id: str) -> str:
    lines = [
        f"  - id: {source_id}",
        f"    title: {_quoted(source.title)}",
    ]
    if source.publisher:
        lines.append(f"    publisher: {_quoted(source.publisher)}")
    lines += [f"    url: {source.url}", f"    kind: {source.kind}"]
    if source.date:
        lines.append(f"    date: {source.date}")
    if source.note:
        lines.append(f"    note: {_quoted(source.note)}")
    return "\n".join(lines)


def _candidate_yaml(
    rng: random.Random,
    chain: _Chain,
    dataset: Dataset,
    pool: list[Source],
    first: str,
    last: str,
    proposals: int,
) -> tuple[str, str, int]:
    """One candidate file: (id, text, number of proposals)."""
    cid = _slug(f"{first} {last}")
    themes = [t.id for t in dataset.themes]
    chosen = rng.sample(pool, rng.randint(4, 8))
    sources = [(f"s{i + 1}-{_slug(s.title)[:40].rstrip('-')}", s) for i, s in enumerate(chosen)]
    own = [sid for sid, s in sources if s.kind in ("programme", "booklet", "questionnaire")]
    press = [sid for sid, s in sources if s.kind in ("press", "commentary")]
    cited = own or [sources[0][0]]
    count = max(1, proposals + rng.randint(-3, 3))
    focus = rng.sample(themes, rng.randint(5, 12))  # a candidate speaks of some themes only
    out = [
        f"id: {cid}",
        f"name: {first} {last}",
        f"party: Parti synthétique {rng.randint(1, 40)}",
        *(
            [f"aliases: [{_quoted(_slug(first + ' ' + last).replace('-', ' ').title())}]"]
            * (rng.random() < 0.3)
        ),
        f"election: {ELECTION}",
        "status: candidate",
    ]
    if rng.random() < 0.5:
        out.append(f"note: {_quoted(chain.sentence(rng, 15, 40))}")
    out += ["", "sources:", *(_source_yaml(s, sid) for sid, s in sources), ""]
    out.append(f"reviewed: [{', '.join(cited)}]")
    out += ["", "proposals:"]
    used: set[str] = set()
    for i in range(count):
        summary = " ".join(chain.sentence(rng, 10, 30) for _ in range(rng.randint(1, 3)))
        summary = summary[:1900]
        pid = f"p{i + 1:02d}-" + "-".join(_slug(summary).split("-")[:4])[:40].rstrip("-")
        on = rng.sample(focus, 1 if rng.random() < 0.75 else 2)
        used.update(on)
        out += [
            f"  - id: {pid}",
            f"    themes: [{', '.join(on)}]",
            f"    summary: {_quoted(summary)}",
            f"    source: {rng.choice(cited)}",
        ]
        if rng.random() < 0.12:
            words = summary.split()
            start = rng.randint(0, max(0, len(words) - 6))
            out.append(f"    quote: {_quoted(' '.join(words[start : start + 6]))}")
        if rng.random() < 0.1:
            out.append(f"    locator: page {rng.randint(1, 120)}")
        if rng.random() < 0.4:
            out.append(f"    note: {_quoted(chain.sentence(rng, 10, 35))}")
    silent = [t for t in themes if t not in used]
    notes = []
    if silent and rng.random() < 0.3:
        theme = rng.choice(silent)
        if rng.random() < 0.5:
            notes.append((theme, GapKind.NOT_REVIEWED, None))
        else:
            notes.append((theme, GapKind.DECLINED, rng.choice(cited)))
    if press and rng.random() < 0.5:
        notes.append((rng.choice(sorted(used)), GapKind.CONTESTED, rng.choice(press)))
    if notes:
        out += ["", "annotations:"]
        for theme, kind, source in notes:
            out += [
                f"  - theme: {theme}",
                f"    kind: {kind}",
                f"    note: {_quoted(chain.sentence(rng, 15, 40))}",
            ]
            if source:
                out.append(f"    source: {source}")
    if press and rng.random() < 0.3:
        out += [
            "",
            "assessments:",
            "  - id: avis-1",
            f"    author: {rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
            f"    source: {rng.choice(press)}",
            f"    themes: [{', '.join(rng.sample(sorted(used), 1))}]",
            f"    summary: {_quoted(chain.sentence(rng, 15, 40))}",
        ]
    return cid, "\n".join(out) + "\n", count


def generate(root: Path, files: int, seed: int = 2027, proposals: int = 20) -> Corpus:
    """Write a data folder of ``files`` candidate files under ``root`` (which must not exist)."""
    dataset = load_dataset(bundled_data())
    texts = [p.summary for c in dataset.candidates for p in c.proposals]
    texts += [p.note for c in dataset.candidates for p in c.proposals if p.note]
    chain = _Chain(texts)
    by_id = {}
    for candidate in dataset.candidates:
        for source in candidate.sources:
            by_id.setdefault(source.url, source)
    pool = list(by_id.values())
    rng = random.Random(seed)
    folder = root / ELECTION
    folder.mkdir(parents=True)
    (root / "themes.yaml").write_bytes((bundled_data() / "themes.yaml").read_bytes())
    total_bytes = (root / "themes.yaml").stat().st_size
    total = 0
    for first, last in _names(files, rng):
        cid, text, count = _candidate_yaml(rng, chain, dataset, pool, first, last, proposals)
        data = text.encode("utf-8")
        (folder / f"{cid}.yaml").write_bytes(data)
        total_bytes += len(data)
        total += count
    return Corpus(root, files, total, total_bytes)
