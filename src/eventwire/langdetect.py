"""Identify the language of a news text.

With the ``ingest`` extra installed, lingua (Apache-2.0) decides between the languages
eventwire supports and a few languages common in international news, so that a French or
Russian article is recognised as such instead of being forced into the German or English
pack. Restricting lingua to a short list, in its low-accuracy (trigram) mode, keeps it fast
(models load in a tenth of a second instead of two) and is as accurate on article-length text;
the detector is built once per process. Where lingua cannot decide (a short sentence), and
wherever lingua is not installed, the supported packs' function words (listed in each pack's
``segment.yaml``) decide, which is good enough to route German and English news.
"""

from __future__ import annotations

import functools
import importlib
import re
from typing import Any

from eventwire.langpacks import available_languages, load_pack

_WORD = re.compile(r"[^\W\d_]+")
PREFERENCE = ("de", "en")
# Languages lingua may answer besides the supported ones: frequent in world news and easily
# mistaken for German or English by a function-word count (ISO 639-1 codes).
OTHER_LANGUAGES = ("fr", "es", "it", "nl", "pt", "pl", "ru", "uk", "tr", "ar", "sv", "da")
# The opening of an article is enough: on 6,096 texts (the benchmark corpora, the dev sets, the
# fusion corpus) lingua gave the same answer from 600 characters as from 4,000, at a third of
# the time; 1,000 keeps a margin for articles that open with a dateline or a name list.
SAMPLE_CHARS = 1000
MIN_RELATIVE_DISTANCE = 0.1


@functools.cache
def _function_words() -> dict[str, frozenset[str]]:
    return {lang: frozenset(w.casefold() for w in load_pack(lang).segment.function_words)
            for lang in available_languages()}


@functools.cache
def _lingua() -> Any | None:
    """The lingua detector over the supported and common languages, or ``None`` without it."""
    try:
        lingua = importlib.import_module("lingua")
    except ImportError:
        return None
    iso_codes, language = lingua.IsoCode639_1, lingua.Language
    codes = dict.fromkeys((*available_languages(), *OTHER_LANGUAGES))
    languages = []
    for code in codes:
        try:
            languages.append(language.from_iso_code_639_1(getattr(iso_codes, code.upper())))
        except (AttributeError, ValueError):
            continue  # a language pack lingua does not know: the function words still serve
    if len(languages) < 2:
        return None
    return (lingua.LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode()
            .with_minimum_relative_distance(MIN_RELATIVE_DISTANCE).build())


def lingua_available() -> bool:
    return _lingua() is not None


def _by_function_words(text: str) -> dict[str, int]:
    words = [w.casefold() for w in _WORD.findall(text[:SAMPLE_CHARS])]
    return {lang: sum(w in table for w in words) for lang, table in _function_words().items()}


def identify_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or ``None`` when the text does not tell.

    The answer may be a language eventwire has no pack for (``fr``): the pipeline then reports
    the document as unsupported instead of coding it with the wrong lexicon.
    """
    detector = _lingua()
    if detector is not None:
        found = detector.detect_language_of(text[:SAMPLE_CHARS])
        if found is not None:
            return str(found.iso_code_639_1.name).lower()
    scores = _by_function_words(text)
    ranked = _ranked(scores)
    if not ranked or scores[ranked[0]] == 0:
        return None
    if len(ranked) > 1 and scores[ranked[0]] == scores[ranked[1]]:
        return None
    return ranked[0]


def detect_language(text: str, sample: int = SAMPLE_CHARS) -> str:
    """A supported language for the text: the identified one, else the best function-word match.

    Unknown or tied texts fall back to the first pack in preference order.
    """
    found = identify_language(text[:sample])
    if found is not None and found in available_languages():
        return found
    order = _ranked(_by_function_words(text[:sample]))
    return order[0] if order else "de"


def _ranked(scores: dict[str, int]) -> list[str]:
    return sorted(scores, key=lambda lang: (-scores[lang],
                                            PREFERENCE.index(lang) if lang in PREFERENCE else 99))
