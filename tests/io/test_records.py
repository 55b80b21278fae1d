"""JSON and JSON Lines records: text with metadata; each bad line rejected on its own."""

from __future__ import annotations

import datetime as dt
import gzip
import json

import pytest
from io_samples import ENGLISH, GERMAN, docs_of, errors_of


def test_records_jsonl_lines_with_metadata(tmp_path, read) -> None:
    lines = [
        {"id": "dpa-1", "text": GERMAN, "published": "2024-04-16T09:00:00+02:00",
         "source": "dpa", "url": "https://news.example/1", "title": "G7", "author": "E. B.",
         "lang": "de-DE"},
        {"text": ENGLISH, "date": "Tue, 16 Apr 2024 08:00:00 GMT", "domain": "wire.example"},
    ]
    (tmp_path / "dump.jsonl").write_text("\n".join(json.dumps(r) for r in lines) + "\n",
                                         encoding="utf-8")
    results = read("dump.jsonl")
    first, second = docs_of(results)
    assert (first.id, first.lang, first.source, first.published_from) == (
        "dpa-1", "de", "dpa", "metadata")
    assert results[0].author == "E. B." and results[0].name.endswith("dump.jsonl:1")
    assert (second.id, second.source, second.lang) == ("dump-2", "wire.example", "en")
    assert second.published == dt.date(2024, 4, 16)


@pytest.mark.parametrize(("line", "reason"), [
    ("{not json", "not valid JSON"),
    ('{"title": "no text"}', "no 'text' string"),
    ('{"text": "   "}', "no 'text' string"),
    ('["a", "list"]', "must be a JSON object"),
    ('{"text": "Ein Text.", "published": "gestern"}', "is not a date"),
    ("[" * 100000 + "]" * 100000, "not valid JSON"),
    ('{"text": "x", "n": ' + "1" * 5000 + "}", "not valid JSON"),
], ids=["syntax", "no-text", "blank-text", "not-object", "bad-date", "deep", "huge-int"])
def test_records_bad_line_rejected_others_kept(tmp_path, read, line, reason) -> None:
    good = json.dumps({"text": GERMAN})
    (tmp_path / "mixed.jsonl").write_text(f"{good}\n{line}\n{good}\n", encoding="utf-8")
    results = read("mixed.jsonl")
    assert [d.id for d in docs_of(results)] == ["mixed-1", "mixed-3"]
    assert reason in errors_of(results)[f"{tmp_path / 'mixed.jsonl'}:2"]


def test_records_jsonl_line_over_the_limit(tmp_path, read) -> None:
    huge = json.dumps({"text": "Wort " * 3000})
    good = json.dumps({"text": GERMAN})
    (tmp_path / "long.jsonl").write_text(f"{huge}\n{good}\n", encoding="utf-8")
    results = read("long.jsonl", max_document_bytes=5000)
    assert "longer than the limit" in errors_of(results)[f"{tmp_path / 'long.jsonl'}:1"]
    assert [d.id for d in docs_of(results)] == ["long-2"]


def test_records_json_object_and_list(tmp_path, read) -> None:
    (tmp_path / "one.json").write_text(json.dumps({"text": GERMAN, "title": "G7"}), "utf-8")
    (tmp_path / "many.json").write_text(json.dumps([{"text": GERMAN}, {"text": ENGLISH}, 7]),
                                        "utf-8")
    results = read("one.json", "many.json")
    assert [d.id for d in docs_of(results)] == ["one", "many-1", "many-2"]
    assert "must be a JSON object" in errors_of(results)[f"{tmp_path / 'many.json'}#3"]


def test_records_gzipped_jsonl_is_streamed(tmp_path, read) -> None:
    with gzip.open(tmp_path / "dump.jsonl.gz", "wt", encoding="utf-8") as out:
        for n in range(50):
            out.write(json.dumps({"id": f"n{n}", "text": ENGLISH}) + "\n")
    docs = docs_of(read("dump.jsonl.gz"))
    assert [d.id for d in docs][:2] == ["n0", "n1"] and len(docs) == 50


def test_records_truncated_gzip_keeps_the_lines_before(tmp_path, read) -> None:
    data = gzip.compress("".join(json.dumps({"text": f"{ENGLISH} {n}"}) + "\n"
                                 for n in range(200)).encode())
    (tmp_path / "cut.jsonl.gz").write_bytes(data[: len(data) // 2])
    results = read("cut.jsonl.gz")
    errors = errors_of(results)
    assert len(errors) == 1 and "truncated" in next(iter(errors.values()))
    assert 0 < len(docs_of(results)) < 200
