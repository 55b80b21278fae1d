"""Process settings for long coding runs (``eventwire.runtime``)."""

from __future__ import annotations

import gc

from eventwire.extract import extract_text
from eventwire.runtime import YOUNG_GENERATION, settle_for_coding


def test_coding_settles_the_collector_once_and_keeps_collecting() -> None:
    extract_text("Kim Jong Un traf am Montag Alexander Koslow in Pjöngjang.", lang="de")
    settle_for_coding()  # a second call changes nothing
    assert gc.get_threshold()[0] >= YOUNG_GENERATION
    assert gc.get_freeze_count() > 0
    assert gc.isenabled()
