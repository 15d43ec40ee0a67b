"""Write the questionnaire fixture beside this file: ``python tests/data/questionnaire/make.py``.

Made up for the tests (no real party, thesis or answer): a voting-advice questionnaire in
German, 32 parties answering six theses with a stance each (agree, disagree, neutral). Most
answers have a justification, kept verbatim in ``text`` beside a short ``summary`` in the
project's own words (some justifications, with the invented programme sentence, are longer than a
quote may be); some have none (a ``no-statement`` annotation that keeps the stance), some only a
placeholder (``-``, as summary, with no text). The two summaries (and justifications) of a thesis
use the same words for and against, so that ``similar`` must tell stances apart, not words.
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
ELECTION = "de-test-2029"
COUNT = 32
STANCES = ("agree", "disagree", "neutral")
# Added to some justifications, so that they are longer than a quote's 200 characters.
LONGER = (
    " So steht es in unserem erfundenen Testprogramm für 2029, Kapitel {k}, und es gilt für "
    "Bund, Länder und Gemeinden gleichermaßen, ohne Ausnahme und ohne Übergangsfrist."
)
# id: the summaries (the project's words, short) for, against, neutral
SUMMARIES = {
    "these-1": ("Für freie Software in der Verwaltung.",
                "Gegen freie Software als Pflicht der Verwaltung.",
                "Freie Software: von Fall zu Fall."),
    "these-2": ("Für offene Behördendaten.",
                "Gegen eine Pflicht zu offenen Behördendaten.",
                "Offene Behördendaten, mit Vorbehalt."),
    "these-3": ("Für gleiche Behandlung aller Daten im Netz.",
                "Gegen gleiche Behandlung aller Daten im Netz.",
                "Netzneutralität: Sache der EU."),
    "these-4": ("Für Verschlüsselung ohne Hintertüren.",
                "Für Hintertüren in der Verschlüsselung.",
                "Verschlüsselung: Abwägung mit Ermittlungen."),
    "these-5": ("Für Glasfaser in jedem Dorf, vom Bund bezahlt.",
                "Gegen Glasfaser in jedem Dorf, vom Bund bezahlt.",
                "Glasfaser: Sache der Länder."),
    "these-6": ("Für Online-Wahlen mit offener Software.",
                "Gegen Online-Wahlen, auch mit offener Software.",
                "Online-Wahlen erst nach einem Test."),
}  # fmt: skip
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
        summary = SUMMARIES[tid][STANCES.index(said)]
        if n % 3 == 0:
            text += LONGER.format(k=k + 1)
        verbatim = f'\n    text: "{text}"'
        if (n + k) % 11 == 0:
            # a placeholder, as some questionnaires publish a missing justification
            summary, verbatim = "-", ""
        proposals.append(
            f"""  - id: antwort-{k + 1}
    themes: [{tid}]
    stance: {said}
    summary: "{summary}"{verbatim}
    source: fragebogen
    locator: These {k + 1}"""
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
