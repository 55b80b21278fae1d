"""Language identification: lingua over a short list, function words as the fallback."""

from __future__ import annotations

import pytest
from io_samples import ENGLISH, GERMAN

from eventwire import langdetect
from eventwire.langdetect import detect_language, identify_language

FRENCH = ("Les ministres des Affaires étrangères du G7 se sont mis d'accord mardi à Rome sur "
          "une déclaration commune concernant le Soudan et ont appelé à un cessez-le-feu.")
RUSSIAN = ("Министры иностранных дел стран G7 во вторник в Риме согласовали совместное "
           "заявление по Судану и призвали стороны прекратить огонь.")


@pytest.mark.parametrize(("text", "identified", "supported"), [
    (GERMAN, "de", "de"),
    (ENGLISH, "en", "en"),
    (FRENCH, "fr", "de"),
    (RUSSIAN, "ru", "de"),
    ("12345 67890", None, "de"),
    ("The minister visited Kyiv on Monday.", "en", "en"),
    ("Der Minister besuchte am Montag Kiew.", "de", "de"),
], ids=["german", "english", "french", "russian", "no-words", "short-en", "short-de"])
def test_langdetect_identifies_news_languages(text, identified, supported) -> None:
    if identified not in ("de", "en", None) and not langdetect.lingua_available():
        pytest.skip("other languages than the packs' need lingua (the 'ingest' extra)")
    assert identify_language(text) == identified
    assert detect_language(text) == supported


def test_langdetect_detector_is_built_once() -> None:
    assert langdetect._lingua() is langdetect._lingua()
