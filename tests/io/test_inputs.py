"""The entry point: folders, standard input, URLs, and a mixed batch that never stops."""

from __future__ import annotations

import gzip
import io
import json
import zipfile
from pathlib import Path

import pytest
from io_samples import ENGLISH, GERMAN, article_html, docs_of, errors_of, rss_feed

from eventwire.errors import InputError
from eventwire.io import ReadOptions, expand_paths, read_inputs, read_path
from eventwire.io import fetch as fetch_module

pytest.importorskip("trafilatura", reason="the mixed batch includes HTML pages")


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _write_batch(folder: Path) -> tuple[set[str], dict[str, str]]:
    """Good and broken inputs side by side; the expected ids and the expected reasons."""
    (folder / "sub" / "deeper").mkdir(parents=True)
    (folder / ".hidden").mkdir()
    good = {
        "plain.txt": GERMAN.encode(),
        "sub/page.html": article_html().encode(),
        "sub/deeper/en.txt": ENGLISH.encode(),
        "feed.rss": rss_feed([{"title": "t", "description": GERMAN}]).encode(),
        "records.jsonl": (json.dumps({"id": "rec", "text": ENGLISH}) + "\n").encode(),
        "packed.txt.gz": gzip.compress(GERMAN.encode()),
    }
    bad = {
        "binary.txt": b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 8,
        "cut.txt.gz": gzip.compress(ENGLISH.encode() * 40)[:120],
        "wrong-encoding.txt": ENGLISH.encode("utf-16-le"),
        "empty.txt": b"",
        "huge.txt": b"Wort " * (11 * 1024 * 1024 // 5),
        "broken.html": b"<html><body><p>kaputt",
        "broken.rss": b"<rss><channel><item><title>kaputt",
        "mixed.zip": _zip({"inside.txt": ENGLISH.encode(), "bad.txt": b"\x00\x01\x02"}),
    }
    for name, data in {**good, **bad}.items():
        (folder / name).write_bytes(data)
    (folder / ".hidden" / "skip.txt").write_bytes(GERMAN.encode())
    (folder / "notes.gold.json").write_text("{}", encoding="utf-8")
    (folder / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    ids = {"plain", "page", "en", "feed-1", "rec", "packed", "inside"}
    reasons = {"binary.txt": "binary", "cut.txt.gz!cut.txt": "truncated",
               "wrong-encoding.txt": "UTF-16", "empty.txt": "empty", "huge.txt": "too large",
               "broken.html": "characters", "broken.rss": "malformed",
               "broken.rss#1": "no summary or content text", "mixed.zip!bad.txt": "binary"}
    return ids, reasons


def test_inputs_mixed_batch_keeps_good_and_lists_every_rejected(tmp_path) -> None:
    ids, reasons = _write_batch(tmp_path / "batch")
    results = list(read_inputs([tmp_path / "batch", tmp_path / "missing.txt"]))
    assert {d.id for d in docs_of(results)} == ids
    errors = errors_of(results)
    for name, reason in reasons.items():
        assert reason in errors.pop(str(tmp_path / "batch" / name)), name
    assert errors == {str(tmp_path / "missing.txt"): "no such file or folder"}


def test_inputs_expand_paths_finds_known_formats_only(tmp_path) -> None:
    _write_batch(tmp_path)
    found = {p.relative_to(tmp_path).as_posix() for p in expand_paths([tmp_path])}
    assert "sub/deeper/en.txt" in found and "feed.rss" in found
    assert not {"logo.png", "notes.gold.json", ".hidden/skip.txt"} & found


def test_inputs_a_named_file_of_unknown_suffix_is_sniffed(tmp_path) -> None:
    (tmp_path / "article").write_text(article_html(), encoding="utf-8")
    (tmp_path / "notes.md").write_text(GERMAN, encoding="utf-8")
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.7")
    results = list(read_inputs([tmp_path / "article", tmp_path / "notes.md",
                                tmp_path / "scan.pdf"]))
    page, notes = docs_of(results)
    assert page.title == "G7 einig über Sudan" and notes.text == GERMAN
    assert ".pdf files are not supported" in errors_of(results)[str(tmp_path / "scan.pdf")]


@pytest.mark.parametrize(("data", "expected_id", "title"), [
    (GERMAN.encode(), "stdin", None),
    (article_html().encode(), "stdin", "G7 einig über Sudan"),
    (gzip.compress(ENGLISH.encode()), "stdin", None),
], ids=["text", "html", "gzip"])
def test_inputs_standard_input_is_sniffed(data, expected_id, title) -> None:
    [doc] = docs_of(list(read_inputs(["-"], stdin=io.BytesIO(data))))
    assert (doc.id, doc.title) == (expected_id, title)


def test_inputs_read_path_raises_the_first_problem(tmp_path) -> None:
    (tmp_path / "ok.txt").write_text(GERMAN, encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"")
    assert [d.id for d in read_path(tmp_path / "ok.txt")] == ["ok"]
    with pytest.raises(InputError, match="empty"):
        list(read_path(tmp_path / "bad.txt"))


def test_inputs_cli_read_inputs_reports_problems(tmp_path) -> None:
    from eventwire.cli.main import read_inputs as cli_read_inputs

    (tmp_path / "ok.txt").write_text(GERMAN, encoding="utf-8")
    docs, problems = cli_read_inputs((str(tmp_path / "ok.txt"), str(tmp_path / "no.txt")))
    assert [d.id for d in docs] == ["ok"]
    assert problems == [f"{tmp_path / 'no.txt'}: no such file or folder"]


class _Response(io.BytesIO):
    def __init__(self, data: bytes, content_type: str, url: str) -> None:
        super().__init__(data)
        self.headers = {"Content-Type": content_type}
        self.url = url

    def geturl(self) -> str:
        return self.url


def test_inputs_url_is_fetched_with_the_timeout(monkeypatch) -> None:
    seen = {}

    def fake_open(request, timeout):
        seen.update(url=request.full_url, timeout=timeout, agent=request.get_header("User-agent"))
        return _Response(rss_feed([{"title": "t", "description": GERMAN}]).encode(),
                         "application/rss+xml", request.full_url)

    monkeypatch.setattr(fetch_module, "open_url", fake_open)
    results = list(read_inputs(["https://news.example/politik.rss"],
                               ReadOptions(fetch_timeout=7.5)))
    assert [d.id for d in docs_of(results)] == ["politik-1"]
    assert results[0].name == "https://news.example/politik.rss#1"
    assert seen["timeout"] == 7.5 and seen["url"] == "https://news.example/politik.rss"


@pytest.mark.parametrize(("error", "reason"), [
    (TimeoutError("timed out"), "cannot fetch: timed out"),
    (fetch_module.urllib.error.URLError("no route"), "cannot fetch: no route"),
], ids=["timeout", "unreachable"])
def test_inputs_url_failure_is_a_rejection(monkeypatch, error, reason) -> None:
    def fake_open(request, timeout):
        raise error

    monkeypatch.setattr(fetch_module, "open_url", fake_open)
    results = list(read_inputs(["http://news.example/feed"]))
    assert errors_of(results) == {"http://news.example/feed": reason}


def test_inputs_url_over_the_size_limit(monkeypatch) -> None:
    monkeypatch.setattr(fetch_module, "open_url",
                        lambda request, timeout: _Response(b"x" * 5000, "text/html", "u"))
    results = list(read_inputs(["https://news.example/"], ReadOptions(max_file_bytes=1000)))
    assert "too large" in errors_of(results)["https://news.example/"]


def test_inputs_only_http_urls_are_fetched(tmp_path, monkeypatch) -> None:
    def refuse(request, timeout):
        raise AssertionError("must not fetch")

    monkeypatch.setattr(fetch_module, "open_url", refuse)
    secret = tmp_path / "secret.txt"
    secret.write_text(GERMAN, encoding="utf-8")
    results = list(read_inputs([f"file://{secret}", "ftp://news.example/x"]))
    assert not docs_of(results) and len(errors_of(results)) == 2


def test_inputs_redirect_to_file_scheme_is_not_followed() -> None:
    opener = fetch_module._opener()
    assert not any(type(h).__name__ in {"FileHandler", "FTPHandler", "DataHandler"}
                   for h in opener.handlers)
