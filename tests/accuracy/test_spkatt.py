"""Suite ``spkatt``: the token mapping, the adapter, the per-cue counting, and a sample run."""

from __future__ import annotations

import json
import tarfile
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from eventwire.evaluation.base import SuiteOptions, Tally
from eventwire.evaluation.spkatt import (
    ARCHIVE,
    ROLES,
    Speech,
    SpkEvent,
    build_document,
    pair_by_cue,
    score_events,
    speech_date,
    speech_events_to_events,
)
from eventwire.evaluation.suites import run_suite
from eventwire.evaluation.tokens import detokenize
from eventwire.model import Span, SpeechEvent

from .conftest import data_folder


@pytest.mark.parametrize(
    ("tokens", "text"),
    [
        (["Herr", "Präsident", "!"], "Herr Präsident!"),
        (["das", "Wort", "„", "Frieden", "“", ",", "und"], "das Wort „Frieden“, und"),
        (["Bündnis", "90", "/", "Die", "Grünen"], "Bündnis 90/Die Grünen"),
        (["er", "sagte", '"', "nein", '"', "."], 'er sagte "nein".'),
        (["2016", "-", "aus"], "2016 - aus"),
    ],
)
def test_tokens_detokenize_sets_print_spacing_and_keeps_offsets(tokens: list[str],
                                                                text: str) -> None:
    built = detokenize(tokens)
    assert built.text == text
    assert [built.text[a:b] for a, b in built.offsets] == tokens


def test_tokens_tokens_in_maps_character_spans_to_overlapping_tokens() -> None:
    built = detokenize(["Die", "Bundesregierung", "muss", "sagen", "."])
    assert built.tokens_in(0, 19) == [0, 1]
    assert built.tokens_in(5, 6) == [1]
    assert built.tokens_in(3, 4) == []  # the space between tokens
    assert built.token_at(built.text.index("sagen")) == 3


def test_spkatt_speech_date_reads_the_session_date_from_the_file_name() -> None:
    assert str(speech_date("19002_Zusatzpunkt_3_AfD_Hilse_ID19209500_21.11.2017")) == "2017-11-21"
    assert speech_date("no-date") is None


def _event(**roles: set[tuple[int, int]]) -> SpkEvent:
    e = SpkEvent()
    for role, ids in roles.items():
        e.roles[role] = ids
    return e


def test_spkatt_roles_are_counted_per_token_within_cue_pairs() -> None:
    gold = [_event(cue={(0, 3)}, source={(0, 0), (0, 1)}, message={(0, 4), (0, 5), (0, 6)}),
            _event(cue={(1, 2)}, message={(1, 3)})]
    system = [_event(cue={(0, 3)}, source={(0, 1)}, message={(0, 5), (0, 6), (0, 7)}),
              _event(cue={(2, 0)}, source={(2, 1)})]
    counts = {role: Tally() for role in ROLES}
    assert score_events(gold, system, counts) == 1
    assert (counts["cue"].tp, counts["cue"].fp, counts["cue"].fn) == (1, 1, 1)
    assert (counts["source"].tp, counts["source"].fp, counts["source"].fn) == (1, 1, 1)
    # paired: 2 shared, 1 extra, 1 missed; unpaired gold event: its message token is missed
    assert (counts["message"].tp, counts["message"].fp, counts["message"].fn) == (2, 1, 2)


def test_spkatt_pairing_prefers_the_cue_sharing_most_tokens() -> None:
    gold = [_event(cue={(0, 1), (0, 5)})]
    system = [_event(cue={(0, 1)}), _event(cue={(0, 1), (0, 5)})]
    assert pair_by_cue(gold, system) == [(0, 1)]


def _speech(tokens: list[str]) -> Speech:
    return Speech("test_01.02.2019", [(7, tokens)], [])


def _span(text: str, word: str, after: int = 0) -> Span:
    start = text.index(word, after)
    return Span(text=word, start=start, end=start + len(word))


def test_spkatt_adapter_maps_cue_particle_source_and_message_spans_to_tokens() -> None:
    built = build_document(_speech(["Wir", "lehnen", "diese", "Totalüberwachung", "der",
                                    "Bürger", "ab", "."]))
    text = built.doc.text
    start = text.index("diese")
    end = text.index("Bürger") + len("Bürger")
    built.doc.speech_events = [SpeechEvent(
        id="s1", cue=[_span(text, "lehnen")], particle=_span(text, "ab"),
        source=_span(text, "Wir"), message=Span(text=text[start:end], start=start, end=end))]
    skipped: Counter[str] = Counter()
    (event,) = speech_events_to_events(built, skipped)
    assert event.roles["cue"] == {(7, 1)}
    assert event.roles["ptc"] == {(7, 6)}
    assert event.roles["source"] == {(7, 0)}
    assert event.roles["message"] == {(7, 2), (7, 3), (7, 4), (7, 5)}
    assert not skipped


def test_spkatt_adapter_keeps_multiword_cues_and_widens_the_message_to_dass() -> None:
    built = build_document(_speech(["Ich", "stelle", "die", "Frage", ",", "dass", "sie",
                                    "zurückträte", "."]))
    text = built.doc.text
    start, end = text.index("sie "), text.index("zurückträte") + len("zurückträte")
    built.doc.speech_events = [SpeechEvent(
        id="s1", cue=[_span(text, "stelle"), _span(text, "Frage")],
        message=Span(text=text[start:end], start=start, end=end))]
    (event,) = speech_events_to_events(built, Counter())
    assert event.roles["cue"] == {(7, 1), (7, 3)}
    assert event.roles["message"] == {(7, 5), (7, 6), (7, 7)}
    assert event.roles["source"] == set()


def _first_speeches(folder: Path, n: int) -> list[dict[str, Any]]:
    with tarfile.open(folder / ARCHIVE, "r:gz") as tar:
        members = sorted((m for m in tar.getmembers() if m.name.endswith(".json")
                          and "/dev/" in m.name), key=lambda m: m.name)[:n]
        return [json.load(tar.extractfile(m)) for m in members]  # type: ignore[arg-type]


@pytest.mark.shared
def test_spkatt_sample_runs_and_counts_the_sample() -> None:
    folder = data_folder("spkatt-gepade-de")
    result = run_suite("spkatt", folder.parent, SuiteOptions(limit=2))
    speeches = _first_speeches(folder, 2)
    m = result.metrics
    assert m["speeches"] == 2
    assert m["sentences"] == sum(len(s["Sentences"]) for s in speeches)
    assert m["events"] == sum(1 for s in speeches for a in s["Annotations"] if a["Cue"])
    for name in ("cue_f1", "source_f1", "message_f1", "cue_p", "cue_r"):
        assert 0.0 <= float(m[name] or 0.0) <= 1.0, name
    assert int(m["paired"] or 0) <= min(int(m["events"] or 0), int(m["system_events"] or 0))
    cue = result.details["cue"]
    assert cue["tp"] + cue["fn"] >= m["events"]  # every gold event has at least one cue token
    assert any(note.startswith("SAMPLE") for note in result.notes)
