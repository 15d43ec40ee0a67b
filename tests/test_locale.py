"""The interface languages, the document registry and the one numbering of sources."""

from __future__ import annotations

import tomllib
from importlib import import_module

import pytest

from progcmp.cli.options import Format, Lang, Layout
from progcmp.cli.texts import TextLang
from progcmp.data.loader import load_dataset
from progcmp.model import LANGUAGES, GapKind
from progcmp.render import FORMAT_ALIASES, FORMATS, LAYOUTS
from progcmp.render import LANGUAGES as INTERFACE_LANGUAGES
from progcmp.render.document import BUILDERS, References, UnknownViewError, build
from progcmp.render.locale import LOCALES, UnknownLanguageError, get_locale, languages
from progcmp.views import blind

from .conftest import VALID


def _shape(value: object) -> object:
    """The keys of a locale file, nested, without the words."""
    if isinstance(value, dict):
        return {k: _shape(v) for k, v in value.items()}
    return type(value).__name__


def test_every_locale_file_has_the_keys_of_the_default_one() -> None:
    shapes = {
        code: _shape(tomllib.loads((LOCALES / f"{code}.toml").read_text("utf-8")))
        for code in languages()
    }
    assert set(shapes) >= {"fr", "en"}
    for code, shape in shapes.items():
        assert shape == shapes["fr"], code


def test_the_cli_offers_exactly_what_the_renderers_know() -> None:
    assert [f.value for f in Format] == [*FORMATS, *FORMAT_ALIASES]
    assert [layout.value for layout in Layout] == list(LAYOUTS)
    assert [lang.value for lang in Lang] == list(INTERFACE_LANGUAGES)
    assert [lang.value for lang in TextLang] == list(LANGUAGES)  # the data's languages


def test_a_locale_words_gaps_counts_and_punctuation() -> None:
    fr, en = get_locale("fr"), get_locale("en")
    assert get_locale() is fr  # made once
    assert (fr.count(0, "themes"), en.count(0, "themes")) == ("0 thème", "0 themes")
    assert fr.colon("Thème").startswith("Thème") and en.colon("Theme") == "Theme: "
    assert en.gap(GapKind.DECLINED).startswith("declined to answer")
    assert set(fr.gaps) == {str(k) for k in GapKind}
    assert set(fr.blind) == set(blind.PLACEHOLDERS)
    with pytest.raises(UnknownLanguageError):
        get_locale("xx")


def test_build_refuses_a_view_it_does_not_know() -> None:
    with pytest.raises(UnknownViewError, match="str"):
        build("not a view", get_locale())  # type: ignore[arg-type]
    assert len(BUILDERS) == 13


def test_every_builder_entry_names_a_view_and_a_function_that_exist() -> None:
    """The registry is names (so a run imports only what it shows): each must resolve."""
    for view, builder in BUILDERS.items():
        module, name = view.rsplit(".", 1)
        assert isinstance(getattr(import_module(f"progcmp.{module}"), name), type), view
        module, name = builder.rsplit(".", 1)
        assert callable(getattr(import_module(f"progcmp.render.document.{module}"), name)), view


def test_references_number_in_order_of_first_citation_and_list_in_that_order() -> None:
    data = load_dataset(VALID)
    a, b = data.candidates[0], data.candidates[2]
    refs = References()
    first = refs.ref(b, b.sources[0].id)
    again = refs.ref(b, b.sources[0].id, locator="p. 3")
    other = refs.ref(a, a.sources[0].id)
    assert (first.text, again.text, other.text) == (" [1]", " [1, p. 3]", " [2]")
    assert refs.ref(a, None).text == ""
    listed = refs.listing(get_locale()).items
    assert [line[0].text for line in listed] == ["[1] ", "[2] "]
    assert b.name in listed[0][1].text
    # a scope tells apart two sources of one id (two versions of a file in `diff`)
    assert refs.ref(a, a.sources[0].id, scope="old").text == " [3]"


@pytest.mark.parametrize(
    ("code", "iso", "said"),
    [
        ("fr", "2017-04-01", "1er avril 2017"),
        ("fr", "2017-04-12", "12 avril 2017"),
        ("fr", "2017-04", "avril 2017"),
        ("en", "2017-04-01", "1 April 2017"),
        ("fr", "2017-13", "2017-13"),
        ("fr", "vers 2017", "vers 2017"),
    ],
)
def test_dates_as_each_language_writes_them(code: str, iso: str, said: str) -> None:
    assert get_locale(code).date(iso) == said


def test_decimals_as_each_language_writes_them() -> None:
    assert (get_locale("fr").decimal(0.5), get_locale("en").decimal(78.25, 1)) == ("0,5", "78.2")
