"""The HTML page as a reader gets it, on the bundled data: ids, links inside the page,
captions, languages, no script; the contrast of every colour pair of the style sheet; the
fragment of --embed; the footer's date."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from progcmp.render.html import SCOPE, generated_on, stylesheet

from .conftest import BUNDLED, VALID, Run
from .test_render import check_html

PAGES = {
    "report": ("report", "--election", "2017"),
    "compare": ("compare", "melenchon@2017", "macron@2017"),
    "compare-all": ("compare", "--all", "--election", "2024"),
}


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("name", PAGES)
def test_bundled_pages(run: Run, name: str, lang: str) -> None:
    result = run(*PAGES[name], "--data", BUNDLED, "-f", "html", "--lang", lang)
    assert result.code == 0, result.stderr
    page = check_html(result.stdout)
    text = result.stdout
    assert f'<html lang="{lang}">' in text
    # the data is French: said so on its text when the interface is not
    assert ('lang="fr"' in text.split("<body>")[1]) is (lang == "en")
    assert "•" not in "".join(page.text)  # lists are lists
    assert re.search(r'<li id="proposal-[a-z0-9-]+"', text)
    assert "1er janvier 2026" in text or "1 January 2026" in text  # SOURCE_DATE_EPOCH
    if name == "report":
        assert '<nav class="toc"' in text and "<details" in text
        assert text.count('<a href="#source-') >= 100  # the [n] point to their source
        assert '<a class="back" href="#cite-' in text  # and the source back to the text
        assert not re.search(r'<li id="source-[0-9-]+"><a', text)  # its number is no link
        assert '<ul class="key"' in text
        for mark in "∅✗⚑":
            assert re.search(f'<span class="mark" title="[^"]+" aria-hidden="true">{mark}', text)
    if name == "compare":
        assert 'id="candidate-macron-fr-pres-2017"' in text
        assert 'id="theme-free-software"' in text


def test_report_key_states_the_counts(run: Run) -> None:
    """The shades of the coverage map: quarters of the largest count, said as counts."""
    text = run("report", "--election", "2017", "--data", BUNDLED, "-f", "html").stdout
    key = re.search(r'<ul class="key".*?</ul>', text, re.DOTALL)
    assert key is not None
    steps = re.findall(r'swatch (h\d)"></span>([^<]+)<', key.group(0))
    # 13 proposals at most in a cell in 2017: 1-3, 4-6, 7-9, 10-13 (ceil(4n/13))
    assert steps == [
        ("h0", "aucune proposition"),
        ("h1", "de 1 à 3 propositions"),
        ("h2", "de 4 à 6 propositions"),
        ("h3", "de 7 à 9 propositions"),
        ("h4", "de 10 à 13 propositions"),
    ]


# --- contrast -----------------------------------------------------------------------------------


def _luminance(colour: str) -> float:
    hex_ = colour.lstrip("#")
    if len(hex_) == 3:
        hex_ = "".join(c * 2 for c in hex_)
    channels = [int(hex_[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio of two #rgb or #rrggbb colours."""
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _rules(css: str) -> list[tuple[str, dict[str, str]]]:
    """(selector, declarations) of every rule, @media blocks included (@page left out)."""
    variables = dict(re.findall(r"(--[a-z0-9-]+):\s*([^;]+);", css))
    rules = []
    for selector, body in re.findall(r"([^{}@]+?)\s*\{([^{}]*)\}", css):
        declarations = {}
        for name, value in re.findall(r"([a-z-]+)\s*:\s*([^;]+)", body):
            value = re.sub(r"var\((--[a-z0-9-]+)\)", lambda m: variables[m.group(1)], value)
            declarations[name] = value.strip()
        rules.append((selector.strip(), declarations))
    return rules


def _colour(value: str | None) -> str | None:
    match = re.search(r"#[0-9a-fA-F]{3,6}\b", value or "")
    return match.group(0) if match else None


def test_every_text_colour_reads_on_every_background() -> None:
    """AA (4.5:1) for every pair a reader can meet: a rule's own text on its own background,
    and every text colour on every background that lets its content keep their colours. A heat
    map cell (``td.hN``) makes its content take its own colour (``table.heat td *`` inherits):
    it is checked with that colour only, and the light text of dark cells appears nowhere
    else."""
    rules = _rules(stylesheet())
    merged: dict[str, dict[str, str]] = {}
    for selector, declarations in rules:
        merged.setdefault(selector, {}).update(declarations)
    ink, paper = _colour(merged["body"]["color"]), _colour(merged["body"]["background"])
    assert ink and paper
    assert merged["table.heat td *"]["color"] == "inherit"
    on_dark = _colour(merged[":root"]["--on-dark"])
    pairs: set[tuple[str, str, str]] = set()
    texts, backgrounds = {ink}, {paper}
    for selector, declarations in rules:
        fg, bg = _colour(declarations.get("color")), _colour(declarations.get("background"))
        if fg == on_dark:
            assert bg is not None and selector.startswith("td.h"), selector
        if fg and bg:
            pairs.add((fg, bg, selector))
        if selector.startswith("td.h") or ".swatch" in selector:
            continue  # closed cells; swatches hold no text
        if fg:
            texts.add(fg)
        if bg:
            backgrounds.add(bg)
    pairs |= {(fg, bg, "open") for fg in texts for bg in backgrounds}
    assert len(pairs) >= 12  # the parser found the colours
    failures = [
        f"{fg} on {bg} ({where}): {contrast(fg, bg):.2f}"
        for fg, bg, where in sorted(pairs)
        if contrast(fg, bg) < 4.5
    ]
    assert not failures, failures


def test_contrast_ratio_reference_values() -> None:
    assert round(contrast("#000000", "#ffffff"), 1) == 21.0
    assert round(contrast("#777777", "#ffffff"), 2) == 4.48


# --- --embed ------------------------------------------------------------------------------------


def test_embed_writes_a_scoped_fragment(run: Run) -> None:
    result = run(*PAGES["compare"], "--data", BUNDLED, "-f", "html", "--embed")
    assert result.code == 0, result.stderr
    check_html(result.stdout, embed=True)
    css = re.search(r"<style>(.*?)</style>", result.stdout, re.DOTALL)
    assert css is not None
    for selector, _ in _rules(css.group(1)):
        for part in selector.split(","):
            assert part.strip().startswith(f".{SCOPE}"), part
    assert "@page" not in css.group(1)


def test_two_fragments_on_one_page_share_no_id(run: Run) -> None:
    """Each fragment's ids (and the links to them) carry its own mark, from its content: two
    on one page, or one and its host page (an "overview", a "sources"), never collide."""

    def ids(*args: str) -> set[str]:
        text = run(*args, "--data", BUNDLED, "-f", "html", "--embed").stdout
        found = set(re.findall(r' id="([^"]+)"', text))
        mark = next(iter(found)).split("-")[:2]
        assert all(i.split("-")[:2] == mark for i in found)  # every id, one mark
        assert set(re.findall(r'href="#([^"]+)"', text)) <= found  # links still land
        return found

    first = ids("compare", "melenchon@2017", "macron@2017")
    second = ids("compare", "fillon@2017", "hamon@2017")
    assert first and second and not first & second
    page = run("compare", "melenchon@2017", "--data", BUNDLED, "-f", "html").stdout
    assert 'id="theme-free-software"' in page  # a whole page keeps its plain ids


def test_embed_is_for_html_only(run: Run) -> None:
    result = run(*PAGES["compare"], "--data", BUNDLED, "-f", "markdown", "--embed")
    assert result.code == 2
    assert result.stderr.startswith(
        "progcmp: error: --embed applies to HTML output only, not markdown\n"
    )


def test_generation_day() -> None:
    assert generated_on({"SOURCE_DATE_EPOCH": "0"}) == date(1970, 1, 1)
    assert generated_on({"SOURCE_DATE_EPOCH": "1767225600"}) == date(2026, 1, 1)
    assert generated_on({}) == generated_on({"SOURCE_DATE_EPOCH": "not a number"})


def test_the_footer_credits_the_data_its_catalogue_declares(run: Run, tmp_path: Path) -> None:
    """A page that republishes data credits it: title, version and licence (CC BY asks for
    it), as the catalogue declares them; a catalogue that declares none adds no line."""
    page = run("compare", "melenchon@2017", "macron@2017", "--data", BUNDLED, "-f", "html").stdout
    footer = page.split("<footer>")[1].split("</footer>")[0]
    assert footer.splitlines()[2] == (
        "<p>Données\u202f: progcmp: French candidates&#39; digital programmes (presidential "
        "2017 and 2022, European 2024), version 0.1.0, sous licence CC-BY-4.0.</p>"
    )
    embedded = run(
        *("compare", "melenchon@2017", "--data", BUNDLED, "-f", "html", "--embed", "--lang", "en")
    ).stdout
    assert "<p>Data: progcmp: French candidates&#39;" in embedded
    assert ", licensed CC-BY-4.0.</p>" in embedded
    bare = run("compare", "zoe", "--data", VALID, "-f", "html").stdout
    assert bare.split("<footer>")[1].count("<p>") == 1
    # metadata that looks like markup is shown as text (the loader refuses control characters
    # and a licence that is not an SPDX identifier)
    data = tmp_path / "data"
    shutil.copytree(VALID, data)
    catalogue = data / "themes.yaml"
    catalogue.write_text(
        'title: "<script>x</script> & co"\nlicense: CC0-1.0\n'
        + catalogue.read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    hostile = run("compare", "zoe", "--data", data, "-f", "html")
    assert hostile.code == 0, hostile.stderr
    footer = hostile.stdout.split("<footer>")[1]
    assert "&lt;script&gt;x&lt;/script&gt; &amp; co, sous licence CC0-1.0.</p>" in footer
    assert "<script" not in hostile.stdout
