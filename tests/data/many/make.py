"""Write the 38-contender fixture beside this file: ``python tests/data/many/make.py``.

Made up for the tests (no real party or list): 38 lists in one election, with ballot numbers
in the reverse of the files' order, names of every length, long proposals and every kind of
gap, so that tables must be cut into column groups and the official order shows.
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
ELECTION = "eu-test-2029"
COUNT = 38
WORDS = [
    "Alpha", "Bravo", "Charlie", "Delta", "Écho", "Foxtrot", "Golf", "Hôtel", "India",
    "Juliett", "Kilo", "Lima", "Mike", "November", "Oscar", "Papa", "Québec", "Roméo",
    "Sierra",
]  # fmt: skip
THEMES = """\
# 38 contenders, three themes (made up for the tests).
themes:
  - id: free-software
    label: {fr: Logiciel libre, en: Free software}
    description: {fr: Logiciel libre., en: Free software.}
  - id: open-government
    label: {fr: Gouvernement ouvert, en: Open government}
    description: {fr: Données ouvertes., en: Open data.}
  - id: net-neutrality
    label: {fr: Neutralité du net, en: Net neutrality}
    description: {fr: Neutralité des réseaux., en: Network neutrality.}
"""


def contender(n: int) -> str:
    word = WORDS[n % len(WORDS)]
    name = f"Liste {word} {n}" if n % 3 else f"Liste de l'Union {word}-{word} pour l'Europe {n}"
    proposals = [
        f"""  - id: p{n}a
    themes: [free-software]
    summary: "Proposition {n} : généraliser l'usage des logiciels libres dans les
      administrations européennes, avec un calendrier et des moyens."
    source: prog"""
    ]
    if n % 2:
        proposals.append(
            f"""  - id: p{n}b
    themes: [open-government, free-software]
    summary: Publier les données publiques ({n}) en format ouvert.
    source: prog
    quote: des données ouvertes par défaut"""
        )
    annotations = ""
    if n % 5 == 0:
        annotations = """annotations:
  - theme: net-neutrality
    kind: declined
    note: N'a pas répondu.
    source: prog
"""
    return f"""id: liste-{n:02d}
name: "{name}"
party: Parti {word} {n:02d}
kind: list
ballot: {COUNT + 1 - n}
election: {ELECTION}
sources:
  - id: prog
    title: Programme de la liste {n:02d}
    url: https://example.org/listes/{n:02d}/programme-complet-pour-les-elections-europeennes
    kind: programme
    date: 2029-05
reviewed: [prog]
proposals:
{chr(10).join(proposals)}
{annotations}"""


def main() -> None:
    (HERE / "themes.yaml").write_text(THEMES, encoding="utf-8")
    folder = HERE / ELECTION
    folder.mkdir(exist_ok=True)
    for n in range(1, COUNT + 1):
        (folder / f"liste-{n:02d}.yaml").write_text(contender(n), encoding="utf-8")


if __name__ == "__main__":
    main()
