"""Write the questionnaire fixture beside this file: ``python tests/data/questionnaire/make.py``.

Made up for the tests (no real party, thesis or answer): a voting-advice questionnaire in
German, 32 parties answering six theses with a stance each (agree, disagree, neutral). Most
answers have a justification; some have none (a ``no-statement`` annotation that keeps the
stance), some only a placeholder (``-``). The two justifications of a thesis use the same words
for and against, so that ``similar`` must tell stances apart, not words.
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
ELECTION = "de-test-2029"
COUNT = 32
STANCES = ("agree", "disagree", "neutral")
# id, label fr, label en, justification for, against, neutral (in German: the questionnaire's)
THESES = [
    ("these-1", "Thèse 1 : logiciels libres", "Thesis 1: free software",
     "Die Verwaltung soll freie Software einsetzen, weil offene Programme Kosten senken.",
     "Die Verwaltung soll keine Pflicht zu freier Software haben, weil offene Programme Kosten "
     "nicht senken.",
     "Freie Software in der Verwaltung prüfen wir von Fall zu Fall."),
    ("these-2", "Thèse 2 : données ouvertes", "Thesis 2: open data",
     "Behörden sollen ihre Daten offen veröffentlichen, damit alle sie nutzen können.",
     "Behörden sollen ihre Daten nicht offen veröffentlichen müssen, damit nicht alle sie "
     "nutzen können.",
     "Offene Behördendaten sind gut, aber nicht um jeden Preis."),
    ("these-3", "Thèse 3 : neutralité du net", "Thesis 3: net neutrality",
     "Alle Daten im Netz sollen gleich behandelt werden, ohne Überholspur für Konzerne.",
     "Nicht alle Daten im Netz sollen gleich behandelt werden, eine Überholspur ist erlaubt.",
     "Netzneutralität regelt am besten die europäische Ebene."),
    ("these-4", "Thèse 4 : chiffrement", "Thesis 4: encryption",
     "Verschlüsselte Kommunikation soll geschützt bleiben, ohne Hintertüren für Behörden.",
     "Verschlüsselte Kommunikation soll Hintertüren für Behörden haben.",
     "Beim Verschlüsseln wägen wir Sicherheit und Ermittlungen ab."),
    ("these-5", "Thèse 5 : fibre partout", "Thesis 5: fibre everywhere",
     "Jedes Dorf soll bis 2035 einen Glasfaseranschluss bekommen, bezahlt vom Bund.",
     "Nicht jedes Dorf soll einen Glasfaseranschluss vom Bund bezahlt bekommen.",
     "Der Ausbau der Glasfaser ist Sache der Länder."),
    ("these-6", "Thèse 6 : vote électronique", "Thesis 6: online voting",
     "Wahlen sollen auch online möglich sein, mit geprüfter offener Software.",
     "Wahlen sollen nicht online möglich sein, auch nicht mit geprüfter offener Software.",
     "Online-Wahlen erst nach einem langen Test."),
]  # fmt: skip
NAMES = [
    "Amsel", "Buche", "Dachs", "Eiche", "Fuchs", "Gämse", "Hase", "Igel", "Kranich",
    "Linde", "Marder", "Nelke", "Otter", "Pappel", "Rabe", "Specht", "Tanne", "Ulme",
    "Wiesel", "Zeisig",
]  # fmt: skip


def themes() -> str:
    lines = [
        "# Six invented theses of an invented questionnaire (made up for the tests).",
        "themes:",
    ]
    for tid, fr, en, *_ in THESES:
        lines += [
            f"  - id: {tid}",
            f'    label: {{fr: "{fr}", en: "{en}"}}',
            f'    description: {{fr: "{fr}.", en: "{en}."}}',
        ]
    return "\n".join(lines) + "\n"


def stance(n: int, k: int) -> str:
    return STANCES[(n * 7 + k * 5 + n // 4) % 3]


def party(n: int) -> str:
    word = NAMES[n % len(NAMES)]
    proposals: list[str] = []
    annotations: list[str] = []
    for k, (tid, _, _, agree, disagree, neutral) in enumerate(THESES):
        said = stance(n, k)
        if (n + k) % 7 == 0:  # answered, but gave no justification
            annotations.append(
                f"""  - theme: {tid}
    kind: no-statement
    stance: {said}
    note: Die Partei hat geantwortet, aber keine Begründung geschrieben.
    source: fragebogen"""
            )
            continue
        text = {"agree": agree, "disagree": disagree, "neutral": neutral}[said]
        if (n + k) % 11 == 0:
            text = "-"  # a placeholder, as some questionnaires publish a missing justification
        proposals.append(
            f"""  - id: antwort-{k + 1}
    themes: [{tid}]
    stance: {said}
    summary: "{text}"
    source: fragebogen"""
        )
    body = "\n".join(proposals) if proposals else ""
    notes = "annotations:\n" + "\n".join(annotations) + "\n" if annotations else ""
    return f"""id: partei-{n:02d}
name: Partei {word} {n:02d}
party: Partei {word} {n:02d}
kind: party
election: {ELECTION}
sources:
  - id: fragebogen
    title: Antworten der Partei {n:02d} auf den Testfragebogen
    url: https://example.org/fragebogen/2029/partei-{n:02d}
    kind: questionnaire
    date: 2029-03
reviewed: [fragebogen]
proposals:
{body}
{notes}"""


def main() -> None:
    (HERE / "themes.yaml").write_text(themes(), encoding="utf-8")
    folder = HERE / ELECTION
    folder.mkdir(exist_ok=True)
    for old in folder.glob("*.yaml"):
        old.unlink()
    for n in range(1, COUNT + 1):
        (folder / f"partei-{n:02d}.yaml").write_text(party(n), encoding="utf-8")


if __name__ == "__main__":
    main()
