"""Labelled test documents for ``progcmp import``: programmes whose measures are known, written
as PDF (one or two columns, with running headers, page numbers, numbered and bulleted lists and
words hyphenated across lines), HTML (with navigation, a cookie banner, a footer and scripts),
Markdown and plain text.

Each generator returns the document and its labels: every measure's text (as a reader should
give it: markers removed, lines and hyphenated words joined), its chapter and section, and its
page (PDF) or anchor (HTML). The texts are made from a seed, so a document is the same on every
run. Used by tests/test_documents.py and benchmarks/run.py.
"""

from __future__ import annotations

import html
import random
from dataclasses import dataclass, field
from typing import Literal

Style = Literal["bullet", "numbered", "paragraph"]

VERBS = [
    "Garantir",
    "Créer",
    "Financer",
    "Développer",
    "Imposer",
    "Renforcer",
    "Généraliser",
    "Soutenir",
    "Protéger",
    "Encadrer",
    "Interdire",
    "Rendre obligatoire",
    "Étendre",
    "Simplifier",
    "Publier",
    "Former",
    "Accompagner",
    "Réguler",
    "Ouvrir",
    "Moderniser",
]
OBJECTS = [
    "le logiciel libre dans les administrations",
    "l'accès au très haut débit dans les zones rurales",
    "la neutralité du net",
    "la protection des données personnelles",
    "la cybersécurité des hôpitaux et des collectivités",
    "l'interopérabilité des services numériques",
    "l'enseignement de l'informatique au collège",
    "la dématérialisation des démarches administratives",
    "les plateformes de livraison et leurs travailleurs",
    "l'intelligence artificielle dans les services publics",
    "l'hébergement des données de santé en France",
    "la transparence des algorithmes publics",
    "l'accessibilité numérique pour les personnes handicapées",
    "les réseaux sociaux et la modération des contenus",
    "la fibre optique dans chaque commune",
    "les données ouvertes des collectivités territoriales",
    "un cloud souverain européen",
    "la lutte contre le harcèlement en ligne",
    "la réparabilité des téléphones et ordinateurs",
    "la consommation énergétique des centres de données",
    "le vote électronique et la démocratie participative",
    "la télémédecine dans les déserts médicaux",
    "le droit d'auteur sur les plateformes de partage",
    "la formation continue aux métiers du numérique",
    "l'inclusion numérique des personnes âgées",
    "le chiffrement des communications privées",
    "les start-up et l'investissement dans l'innovation",
    "la fiscalité des géants du numérique",
    "la souveraineté technologique européenne",
    "l'identité numérique des citoyens",
]
COMPLEMENTS = [
    "d'ici la fin du quinquennat",
    "avec un budget dédié de deux milliards d'euros",
    "en concertation avec les associations et les collectivités",
    "par une loi votée dans la première année",
    "grâce à une agence nationale indépendante",
    "dans le respect du règlement européen sur la protection des données",
    "en priorité dans les territoires les moins bien desservis",
    "avec une évaluation publique chaque année",
    "sous le contrôle du Parlement et de la Commission nationale de l'informatique",
    "en associant les entreprises, les chercheurs et les citoyens",
    "",
    "",
]
PROSE = (
    "Notre pays a besoin d'une vision claire et ambitieuse pour les années qui viennent. "
    "Les transformations technologiques bouleversent nos vies quotidiennes, nos emplois et "
    "notre démocratie, et chacun doit pouvoir en maîtriser les usages. Depuis trop longtemps, "
    "les décisions ont été prises sans débat public et sans évaluation sérieuse des effets "
    "produits. Nous proposons une autre méthode, fondée sur la transparence, la concertation "
    "et la responsabilité de chacun devant les citoyens qui nous ont fait confiance."
)
CHAPTERS = [
    "Une République numérique",
    "Souveraineté et sécurité",
    "Éducation et formation",
    "Économie et travail",
    "Santé et solidarités",
    "Démocratie et libertés",
    "Territoires connectés",
    "Culture et création",
    "Environnement et sobriété",
    "Europe et international",
    "Recherche et innovation",
    "Services publics",
]
SECTIONS = [
    "Nos engagements",
    "Protéger les citoyens",
    "Investir dans l'avenir",
    "Mieux réguler",
    "Accompagner chacun",
    "Agir au quotidien",
    "Ouvrir les données",
    "Simplifier la vie",
    "Former et informer",
    "Contrôler et évaluer",
]


@dataclass
class Measure:
    text: str
    chapter: str
    section: str
    style: Style
    page: int = 0  # the PDF page it starts on, once laid out
    anchor: str = ""  # the HTML anchor of its section


@dataclass
class Section:
    title: str
    intro: str
    measures: list[Measure]
    anchor: str = ""


@dataclass
class Chapter:
    title: str
    intro: str
    sections: list[Section]


@dataclass
class Programme:
    title: str
    chapters: list[Chapter] = field(default_factory=list)

    @property
    def measures(self) -> list[Measure]:
        return [m for c in self.chapters for s in c.sections for m in s.measures]


def programme(
    seed: int = 1, chapters: int = 4, sections: int = 3, measures: int = 5, prose: int = 1
) -> Programme:
    """A programme: ``chapters`` × ``sections`` × ``measures``, each section led by ``prose``
    paragraphs of introduction (not measures). Measure texts are all different."""
    rnd = random.Random(seed)
    combos = [(v, o, c) for v in VERBS for o in OBJECTS for c in COMPLEMENTS]
    rnd.shuffle(combos)
    seen: set[str] = set()
    out = Programme("Un programme pour 2027")
    n = 0
    for ci in range(chapters):
        chapter_title = f"{ci + 1}. {CHAPTERS[ci % len(CHAPTERS)]}"
        chapter = Chapter(chapter_title, PROSE if prose else "", [])
        for si in range(sections):
            title = f"{ci + 1}.{si + 1} {SECTIONS[(ci + si) % len(SECTIONS)]}"
            style: Style = ("bullet", "numbered", "paragraph")[(ci + si) % 3]
            section = Section(title, " ".join([PROSE] * prose), [], anchor=f"s-{ci + 1}-{si + 1}")
            for _ in range(measures):
                while True:
                    verb, obj, comp = combos[n]
                    n += 1
                    text = f"{verb} {obj}{' ' + comp if comp else ''}."
                    if text not in seen:
                        break
                seen.add(text)
                section.measures.append(
                    Measure(text, chapter_title, title, style, anchor=section.anchor)
                )
            chapter.sections.append(section)
        out.chapters.append(chapter)
    return out


# --- PDF ----------------------------------------------------------------------------------------

PAGE_W, PAGE_H = 595.0, 842.0
MARGIN = 56.0
TOP, BOTTOM = 70.0, 780.0
GUTTER = 22.0
BODY, LEADING = 10.0, 13.0
SIZES = {"chapter": 16.0, "section": 12.5}


@dataclass
class _Line:
    text: str
    size: float
    bold: bool
    indent: float
    gap_before: float
    measure: Measure | None = None  # the first line of a measure


def _wrap(pdf: object, text: str, width: float, size: float, bold: bool) -> list[str]:
    """Greedy line breaking; a long word that does not fit is hyphenated, as typesetters do."""
    pdf.set_font("helvetica", "B" if bold else "", size)  # type: ignore[attr-defined]

    def fits(s: str) -> bool:
        return bool(pdf.get_string_width(s) <= width)  # type: ignore[attr-defined]

    lines: list[str] = []
    current = ""
    for word in text.split():
        trial = f"{current} {word}".strip()
        if fits(trial):
            current = trial
            continue
        if len(word) >= 9 and word.isalpha():
            for cut in range(len(word) - 4, 3, -1):
                head = f"{current} {word[:cut]}-".strip()
                if fits(head):
                    lines.append(head)
                    current = word[cut:]
                    break
            else:
                lines.append(current)
                current = word
            continue
        lines.append(current)
        current = word
    if current:
        lines.append(current)
    return [line for line in lines if line]


def _lines(pdf: object, prog: Programme, width: float) -> list[_Line]:
    out: list[_Line] = []
    for chapter in prog.chapters:
        for i, text in enumerate(_wrap(pdf, chapter.title, width, SIZES["chapter"], True)):
            out.append(_Line(text, SIZES["chapter"], True, 0, 18 if i == 0 else 0))
        if chapter.intro:
            for i, text in enumerate(_wrap(pdf, chapter.intro, width, BODY, False)):
                out.append(_Line(text, BODY, False, 0, 8 if i == 0 else 0))
        for section in chapter.sections:
            for i, text in enumerate(_wrap(pdf, section.title, width, SIZES["section"], True)):
                out.append(_Line(text, SIZES["section"], True, 0, 12 if i == 0 else 0))
            if section.intro:
                for i, text in enumerate(_wrap(pdf, section.intro, width, BODY, False)):
                    out.append(_Line(text, BODY, False, 0, 6 if i == 0 else 0))
            for k, m in enumerate(section.measures):
                marker = {"bullet": "-", "numbered": f"{k + 1}.", "paragraph": ""}[m.style]
                indent = 14.0 if marker else 0.0
                wrapped = _wrap(pdf, m.text, width - indent, BODY, False)
                for i, text in enumerate(wrapped):
                    first = i == 0
                    shown = f"{marker} {text}" if first and marker else text
                    out.append(
                        _Line(
                            shown,
                            BODY,
                            False,
                            0 if first and marker else indent,
                            (6 if not marker else 3) if first else 0,
                            m if first else None,
                        )
                    )
    return out


def pdf(
    prog: Programme,
    *,
    columns: int = 1,
    header: str = "Un programme pour 2027 - Ensemble",
    footer: Literal["number", "page-of"] = "number",
    interleave: bool = True,
) -> bytes:
    """The programme as a PDF; the measures' ``page`` is filled in.

    With two columns and ``interleave``, each page's text is written row by row across both
    columns (left line, right line, ...), as some layout programs do: a reader that follows the
    content stream mixes the columns; one that reads by position does not.
    """
    from fpdf import FPDF

    doc = FPDF(unit="pt", format="A4")
    doc.set_auto_page_break(False)
    doc.set_title(prog.title)
    width = (PAGE_W - 2 * MARGIN - GUTTER * (columns - 1)) / columns
    lines = _lines(doc, prog, width)
    pages: list[list[tuple[float, float, _Line]]] = [[]]
    column, y = 0, TOP
    for line in lines:
        step = line.gap_before + (LEADING if line.size == BODY else line.size * 1.3)
        if y + step > BOTTOM:
            column += 1
            if column == columns:
                pages.append([])
                column = 0
            y = TOP
            step = LEADING if line.size == BODY else line.size * 1.3
        y += step
        x = MARGIN + column * (width + GUTTER) + line.indent
        pages[-1].append((x, y, line))
        if line.measure is not None:
            line.measure.page = len(pages)
    total = len(pages)
    for number, placed in enumerate(pages, start=1):
        doc.add_page()
        doc.set_font("helvetica", "", 8)
        doc.text(MARGIN, 40, header)
        order = sorted(placed, key=lambda p: (p[1], p[0])) if interleave else placed
        for x, y, line in order:
            doc.set_font("helvetica", "B" if line.bold else "", line.size)
            doc.text(x, y, line.text)
        doc.set_font("helvetica", "", 8)
        foot = str(number) if footer == "number" else f"Page {number} / {total}"
        doc.text(PAGE_W / 2 - doc.get_string_width(foot) / 2, 815, foot)
    return bytes(doc.output())


def many_pages(count: int) -> bytes:
    """A PDF of ``count`` pages, one short line each: small in bytes."""
    from fpdf import FPDF

    doc = FPDF(unit="pt", format=(300, 420))
    doc.set_font("helvetica", "", 9)
    for n in range(count):
        doc.add_page()
        doc.text(20, 40, f"- Mesure {n + 1}.")
    return bytes(doc.output())


def scanned() -> bytes:
    """A PDF whose pages are pictures with no text layer (a scan)."""
    from fpdf import FPDF
    from PIL import Image

    doc = FPDF(unit="pt", format="A4")
    for _ in range(2):
        doc.add_page()
        doc.image(Image.new("L", (60, 80), 200), x=50, y=50, w=400)
    return bytes(doc.output())


def encrypted(prog: Programme) -> bytes:
    """A PDF that needs a password to open."""
    from fpdf import FPDF

    doc = FPDF(unit="pt", format="A4")
    doc.set_encryption(owner_password="owner", user_password="secret")
    doc.add_page()
    doc.set_font("helvetica", "", 10)
    for i, m in enumerate(prog.measures[:5]):
        doc.text(MARGIN, TOP + 20 * i, f"- {m.text}")
    return bytes(doc.output())


# --- HTML, Markdown, text -----------------------------------------------------------------------


def html_page(prog: Programme, *, charset: str = "utf-8") -> str:
    """The programme as a campaign web page: navigation, a cookie banner, scripts, an iframe,
    a newsletter box and a footer around the main content."""
    e = html.escape
    out = [
        "<!DOCTYPE html>",
        f'<html lang="fr"><head><meta charset="{charset}"><title>{e(prog.title)}</title>',
        "<script>window.dataLayer=[];function track(){console.log('- Mesure factice')}</script>",
        "<style>.cookie{position:fixed} li{margin:0}</style></head><body>",
        '<div id="cookie-banner" class="cookie"><p>Nous utilisons des cookies pour mesurer '
        "l'audience.</p><ul><li>Accepter tous les cookies</li><li>Refuser</li></ul></div>",
        '<header><nav class="menu"><ul><li><a href="/">Accueil</a></li>'
        '<li><a href="/programme">Le programme</a></li><li><a href="/don">Faire un don</a></li>'
        "</ul></nav></header>",
        f'<main><article><h1 id="top">{e(prog.title)}</h1>',
    ]
    for chapter in prog.chapters:
        out.append(f"<section><h2>{e(chapter.title)}</h2><p>{e(chapter.intro)}</p>")
        for section in chapter.sections:
            out.append(f'<h3 id="{section.anchor}">{e(section.title)}</h3>')
            if section.intro:
                out.append(f"<p>{e(section.intro)}</p>")
            style = section.measures[0].style if section.measures else "bullet"
            if style == "paragraph":
                out.extend(f"<p>{e(m.text)}</p>" for m in section.measures)
            else:
                tag = "ol" if style == "numbered" else "ul"
                items = "".join(f"<li>{e(m.text)}</li>" for m in section.measures)
                out.append(f"<{tag}>{items}</{tag}>")
        out.append("</section>")
    out += [
        "</article>",
        '<aside class="newsletter"><h2>Restons en contact</h2><ul><li>Inscrivez-vous à la '
        "lettre d'information</li></ul></aside>",
        '<iframe src="https://video.example/embed/1"><p>- Mesure dans une iframe.</p></iframe>',
        "</main>",
        "<footer><ul><li>Mentions légales</li><li>Contact</li><li>Plan du site</li></ul>"
        "<p>Site officiel de la campagne. Tous droits réservés.</p></footer>",
        "<script>track()</script></body></html>",
    ]
    return "\n".join(out) + "\n"


def markdown(prog: Programme) -> tuple[str, dict[str, int]]:
    """The programme in Markdown, and the line each measure starts on."""
    out: list[str] = [f"# {prog.title}", ""]
    lines: dict[str, int] = {}
    for chapter in prog.chapters:
        out += [f"## {chapter.title}", "", chapter.intro, ""]
        for section in chapter.sections:
            out += [f"### {section.title}", ""]
            if section.intro:
                out += [section.intro, ""]
            for k, m in enumerate(section.measures):
                marker = {"bullet": "- ", "numbered": f"{k + 1}. ", "paragraph": ""}[m.style]
                lines[m.text] = len(out) + 1
                out.append(marker + m.text)
                if m.style == "paragraph":
                    out.append("")
            out.append("")
    return "\n".join(out) + "\n", lines


def plain_text(prog: Programme) -> tuple[str, dict[str, int]]:
    """The programme as plain text (headings in capitals, items with dashes), and the line
    each measure starts on."""
    out: list[str] = [prog.title.upper(), ""]
    lines: dict[str, int] = {}
    for chapter in prog.chapters:
        out += [chapter.title.upper(), "", chapter.intro, ""]
        for section in chapter.sections:
            out += [section.title, ""]
            if section.intro:
                out += [section.intro, ""]
            for k, m in enumerate(section.measures):
                marker = {"bullet": "- ", "numbered": f"{k + 1}) ", "paragraph": ""}[m.style]
                lines[m.text] = len(out) + 1
                out.append(marker + m.text)
                if m.style == "paragraph":
                    out.append("")
            out.append("")
    return "\n".join(out) + "\n", lines
