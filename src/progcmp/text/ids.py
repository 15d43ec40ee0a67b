"""Ids from names and texts: ASCII words joined by hyphens, spelled by the text's language.

- Every language: Latin letters lose their accents, and letters Unicode does not decompose are
  spelled out (ø o, ł l, đ and ð d, þ th, ı i, æ ae, œ oe, ß ss: see :func:`..fold`).
- German (``de``): ä, ö, ü are written ae, oe, ue first (*Grünen* ``gruenen``), as Germans
  write them without umlauts. Any other language drops the accent (French *é* ``e``): the rule
  when nothing says which language a text is in.
- Other scripts (Cyrillic, Greek, CJK, Arabic...) are transliterated by ``anyascii`` (ISC,
  pure Python; imported only when a character is still not ASCII after folding, about 25 ms).
- A text's slug drops its stop words (:data:`STOP_WORDS` of its language) but never down to
  nothing; a name keeps them (particles belong to names: *Le Pen*, *von der Leyen*).
- The id is cut at a word boundary, and always matches the schema's id pattern.
"""

from __future__ import annotations

import re
import unicodedata

from ..model import primary_language
from . import fold
from .classify import STOPWORDS

_ENGLISH = """
    a an and are as at be by for from in into is it its of on or our that the their this to with
"""
# German, folded as German is (fuer for für, and fur for a text said to be French): the
# articles, the commonest prepositions and conjunctions, the reflexive sich; never nicht, which
# would turn a proposal into its opposite.
_GERMAN_WORDS = """
    der die das den dem des ein eine einen einem einer eines und oder fuer fur zu zum zur im in
    von vom mit bei auf aus an am als auch sich ist sind wird werden
"""
# A text's language decides these; any other language uses the French list (which also holds
# the commonest English words, as the bundled texts mix them).
STOP_WORDS: dict[str, frozenset[str]] = {
    "fr": STOPWORDS,
    "en": frozenset(_ENGLISH.split()),
    "de": STOPWORDS | frozenset(_GERMAN_WORDS.split()),
}
_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})
_UMLAUT = re.compile("[äöüÄÖÜ]")
_ASCII_WORD = re.compile(r"[a-z0-9]+")


def id_words(text: str, lang: str = "fr") -> list[str]:
    """The words of an id made from ``text``: lowercase ASCII letters and digits."""
    if lang == "de":
        text = unicodedata.normalize("NFC", text)  # a decomposed ü is u + a mark
        if _UMLAUT.search(text):
            text = text.translate(_GERMAN)
    folded = fold(text)
    if not folded.isascii():  # another script: transliterated, then folded again
        from anyascii import anyascii

        folded = fold(anyascii(folded))
    # anyascii may leave signs (apostrophes of transliteration) that are not id letters
    return _ASCII_WORD.findall(folded)


def make_id(
    text: str,
    lang: str = "fr",
    *,
    length: int = 64,
    words: int | None = None,
    stop_words: bool = True,
) -> str:
    """An id from ``text``: its words (its content words, with ``stop_words``), at most
    ``words`` of them, joined by hyphens within ``length`` characters, cut at a word boundary
    (a single word longer than that is cut). Empty only if ``text`` has no letter or digit.

    >>> make_id("Garantir la neutralité du net, sans exception", words=6, length=48)
    'garantir-neutralite-net-exception'
    >>> make_id("Bündnis 90/Die Grünen", "de")
    'buendnis-90-gruenen'
    >>> make_id("Wahl-O-Mat")
    'wahl-o-mat'
    """
    every = id_words(text, lang)
    dropped = STOP_WORDS.get(primary_language(lang), STOPWORDS) if stop_words else frozenset()
    kept = [w for w in every if w not in dropped] or every  # never down to nothing
    chosen: list[str] = []
    for word in kept[:words]:
        if len("-".join([*chosen, word])) > length:
            break
        chosen.append(word)
    if not chosen and kept:  # one word longer than the limit
        chosen = [kept[0][:length]]
    return "-".join(chosen)
