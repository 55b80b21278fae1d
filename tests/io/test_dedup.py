"""Near-duplicates: syndicated copies of one wire story are found, other reports are not.

The wire story and its copies are written for this test: each copy wraps the same text in an
outlet's own dateline, byline, teaser, links and credits, as syndicating sites do.
"""

from __future__ import annotations

import pytest

pytest.importorskip("datasketch", reason="near-duplicate detection needs the 'ingest' extra")

from eventwire.dedup import DedupOptions, NearDuplicateIndex, shingles
from eventwire.errors import InputError

WIRE = (
    "The foreign ministers of the Group of Seven agreed on Tuesday on a joint statement on "
    "the war in Sudan, calling on the army and the Rapid Support Forces to end the fighting "
    "and to open routes for humanitarian aid. Meeting on the island of Capri, the ministers "
    "said they were deeply concerned about reports of mass killings in Darfur and warned that "
    "those responsible would be held to account. The Italian foreign minister, who chaired "
    "the talks, told reporters that the group would increase pressure on both sides and "
    "support mediation efforts by the African Union and regional states. According to the "
    "United Nations, more than eight million people have been driven from their homes since "
    "the fighting began a year ago, and nearly half of the population needs food aid. Aid "
    "agencies have repeatedly complained that convoys are blocked at checkpoints and that "
    "fuel for generators and water pumps is running out in several cities. The ministers "
    "also discussed the situation in the Middle East and the war in Ukraine before the "
    "meeting ended with a press conference on Wednesday afternoon."
)
COPIES = {
    "daily-herald": "CAPRI, Italy (Wire) — " + WIRE + "\n\nCopyright 2024 The Wire. All rights "
                    "reserved. This material may not be published, broadcast or redistributed.",
    "metro-news": "By Wire staff | Published 16 April 2024, 09:14\nRead more: Sudan one year "
                  "on\n" + WIRE + "\nSign up for our world news newsletter. Follow us on "
                  "social media for updates as this story develops.",
    "city-post": "World briefing. G7 ministers press warring Sudan factions. " + WIRE +
                 " Related: What the G7 said about Gaza. Comments are closed for this article.",
}
OTHER_REPORT = (
    "Capri, 16 April. Diplomats from the seven leading industrial nations used their spring "
    "meeting on the Italian island to turn attention to Sudan, where a year of fighting "
    "between the army and the paramilitary RSF has displaced millions. In a communique, the "
    "ministers urged an immediate ceasefire and unhindered access for aid workers, and "
    "threatened further sanctions against commanders accused of atrocities in Darfur. Relief "
    "groups welcomed the statement but said words alone would not feed anyone, pointing to "
    "famine warnings for several regions. Talks on Ukraine and the Middle East dominated the "
    "rest of the three-day gathering, our correspondent reports."
)


@pytest.fixture
def index() -> NearDuplicateIndex:
    idx = NearDuplicateIndex()
    idx.add("wire-original", WIRE)
    return idx


@pytest.mark.parametrize("outlet", sorted(COPIES))
def test_dedup_syndicated_copy_is_a_duplicate(index, outlet) -> None:
    [(doc_id, jaccard)] = index.find(COPIES[outlet])
    assert doc_id == "wire-original" and jaccard >= index.options.threshold


def test_dedup_other_report_of_the_same_event_is_not(index) -> None:
    assert index.find(OTHER_REPORT) == []


def test_dedup_copies_point_to_the_first_article() -> None:
    index = NearDuplicateIndex()
    stream = [("first", COPIES["daily-herald"]), ("other", OTHER_REPORT),
              ("second", COPIES["metro-news"]), ("third", COPIES["city-post"])]
    matches = {doc_id: index.match_or_add(doc_id, text) for doc_id, text in stream}
    assert matches["first"] is None and matches["other"] is None
    assert {m.doc_id for k, m in matches.items() if m is not None} == {"first"}
    assert len(index) == 2


def test_dedup_is_deterministic_across_instances() -> None:
    one, two = NearDuplicateIndex(), NearDuplicateIndex()
    assert one.signature_bytes(WIRE) == two.signature_bytes(WIRE)
    assert NearDuplicateIndex(DedupOptions(seed=2)).signature_bytes(WIRE) != \
        one.signature_bytes(WIRE)


def test_dedup_saved_index_reloads(tmp_path, index) -> None:
    index.add("other", OTHER_REPORT)
    index.save(tmp_path / "minhash.npz")
    loaded = NearDuplicateIndex.load(tmp_path / "minhash.npz")
    assert len(loaded) == 2 and loaded.options == index.options
    assert loaded.find(COPIES["metro-news"]) == index.find(COPIES["metro-news"])
    stricter = NearDuplicateIndex.load(tmp_path / "minhash.npz", threshold=0.99)
    assert stricter.find(COPIES["metro-news"]) == []


def test_dedup_signatures_kept_per_document_rebuild_the_index(index) -> None:
    stored = {"wire-original": index.signature_bytes(WIRE)}
    rebuilt = NearDuplicateIndex()
    for doc_id, signature in stored.items():
        assert signature is not None
        rebuilt.add_signature(doc_id, signature)
    assert rebuilt.find(COPIES["city-post"]) == index.find(COPIES["city-post"])


@pytest.mark.parametrize("data", [b"", b"not an index", b"PK\x03\x04garbage"],
                         ids=["empty", "text", "bad-zip"])
def test_dedup_broken_index_file_is_an_input_error(tmp_path, data) -> None:
    (tmp_path / "broken.npz").write_bytes(data)
    with pytest.raises(InputError, match=r"broken\.npz"):
        NearDuplicateIndex.load(tmp_path / "broken.npz")


def test_dedup_normalisation_ignores_case_punctuation_and_spacing() -> None:
    assert shingles("The  G7, on TUESDAY!", 2) == shingles("the g7 on tuesday", 2)
    assert shingles("", 5) == set() and shingles("two words", 5) == {b"two words"}


def test_dedup_texts_without_words_are_not_indexed(index) -> None:
    index.add("empty", "  ... !!! ")
    assert "empty" not in index and index.find("") == []


def test_dedup_adding_an_id_again_replaces_it(index) -> None:
    index.add("wire-original", OTHER_REPORT)
    assert index.find(COPIES["daily-herald"]) == [] and len(index) == 1


@pytest.mark.parametrize("threshold", [0.0, 1.5, -1])
def test_dedup_threshold_must_be_a_similarity(threshold) -> None:
    with pytest.raises(ValueError, match="threshold"):
        NearDuplicateIndex(DedupOptions(threshold=threshold))
