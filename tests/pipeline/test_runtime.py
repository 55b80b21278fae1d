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


def test_the_quote_and_event_stages_share_one_view_while_mentions_stay() -> None:
    from eventwire.clauses import SentenceView
    from eventwire.langpacks import load_pack
    from eventwire.model import Mention

    doc = extract_text("Kim Jong Un traf am Montag Alexander Koslow in Pjöngjang.", lang="de")
    pack = load_pack("de")
    view = SentenceView.of(doc, pack)
    assert SentenceView.of(doc, pack) is view
    doc.actors[0].mentions.append(
        Mention(text="Kim", start=0, end=3, kind="short", sentence=0)
    )
    assert SentenceView.of(doc, pack) is not view  # a new mention: a new view
