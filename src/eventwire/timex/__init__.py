"""Deterministic time-expression finder and normaliser (German, English; TIMEX3 values).

    >>> from datetime import date
    >>> tagger = TimexTagger.for_language("de")
    >>> [(m.text, m.value) for m in tagger.find("Am Montag traf er Putin.", date(2024, 11, 20))]
    [('Am Montag', '2024-11-18')]

Language knowledge is in ``eventwire/langpacks/<lang>/time.yaml`` (see ``lexicon`` for what
such a file must provide); matches include a leading preposition ("am", "im", "um", "on") so the
surface reads as written, and ranges ("vom 3. bis 5. März") yield two matches, the first one
completed from the second.
"""

from eventwire.timex.finder import Mode, TimexMatch, TimexTagger
from eventwire.timex.lexicon import LexiconError, available_languages

__all__ = ["LexiconError", "Mode", "TimexMatch", "TimexTagger", "available_languages"]
