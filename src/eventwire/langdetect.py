"""Tell the supported languages apart by their function words.

Good enough to route a news article to a language pack; each pack lists its function words in
``segment.yaml``. Unknown or tied texts fall back to the first pack in preference order.
"""

from __future__ import annotations

import functools
import re

from eventwire.langpacks import available_languages, load_pack

_WORD = re.compile(r"[^\W\d_]+")
PREFERENCE = ("de", "en")


@functools.cache
def _function_words() -> dict[str, frozenset[str]]:
    return {lang: frozenset(w.casefold() for w in load_pack(lang).segment.function_words)
            for lang in available_languages()}


def detect_language(text: str, sample: int = 4000) -> str:
    words = [w.casefold() for w in _WORD.findall(text[:sample])]
    tables = _function_words()
    scores = {lang: sum(w in table for w in words) for lang, table in tables.items()}
    order = sorted(scores, key=lambda lang: (-scores[lang],
                                             PREFERENCE.index(lang) if lang in PREFERENCE else 99))
    return order[0] if order else "de"
