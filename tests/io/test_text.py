"""Plain text: encodings in the documented order, and the reasons for refusing bytes."""

from __future__ import annotations

import codecs

import pytest
from io_samples import GERMAN, docs_of, errors_of

from eventwire.errors import InputError
from eventwire.io import decode

UMLAUTS = "Außenminister Baerbock traf ihren Amtskollegen in Ankara; Gespräche über Flüchtlinge."


@pytest.mark.parametrize(("data", "expected"), [
    (UMLAUTS.encode("utf-8"), UMLAUTS),
    (codecs.BOM_UTF8 + UMLAUTS.encode("utf-8"), UMLAUTS),
    (UMLAUTS.encode("utf-16"), UMLAUTS),  # with byte-order mark (little-endian here)
    (codecs.BOM_UTF16_BE + UMLAUTS.encode("utf-16-be"), UMLAUTS),
    (UMLAUTS.encode("utf-32"), UMLAUTS),
    (UMLAUTS.encode("cp1252"), UMLAUTS),  # the documented fallback
    ("Preis: 20 € – „Zitat“".encode("cp1252"), "Preis: 20 € – „Zitat“"),
], ids=["utf8", "utf8-bom", "utf16-le-bom", "utf16-be-bom", "utf32-bom", "latin1", "cp1252"])
def test_textdecode_reads_supported_encodings(data: bytes, expected: str) -> None:
    assert decode(data, "a.txt") == expected


@pytest.mark.parametrize(("data", "fallback", "reason"), [
    (b"", "cp1252", "empty"),
    (b"  \n\t ", "cp1252", "empty"),
    (codecs.BOM_UTF8 + b"   ", "cp1252", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "cp1252", "binary"),
    (bytes(range(1, 32)) * 20, "cp1252", "binary"),
    (UMLAUTS.encode("utf-16-le"), "cp1252", "UTF-16 text without a byte-order mark"),
    (UMLAUTS.encode("cp1252"), None, "fallback_encoding"),
    (b"Text \x81\x8d\x90 mit Bytes, die cp1252 nicht kennt", "cp1252", "wrong or unknown"),
    (codecs.BOM_UTF16_LE + b"\x00\xd8", "cp1252", "not valid UTF-16"),
], ids=["empty", "blank", "bom-only", "png", "controls", "utf16-no-bom", "no-fallback",
        "undecodable", "bad-utf16"])
def test_textdecode_refuses_with_reason(data: bytes, fallback: str | None, reason: str) -> None:
    with pytest.raises(InputError) as caught:
        decode(data, "dir/a.txt", fallback)
    assert caught.value.source == "dir/a.txt"
    assert reason in caught.value.problem


def test_textdecode_prefers_valid_utf8_over_a_wrong_declaration() -> None:
    assert decode(UMLAUTS.encode("utf-8"), "a.html", declared="iso8859-1") == UMLAUTS


def test_textdecode_uses_a_declared_legacy_charset() -> None:
    russian = "Министр иностранных дел России посетил Анкару."
    assert decode(russian.encode("cp1251"), "a.html", declared="cp1251") == russian


def test_text_reads_one_document_named_after_the_file(tmp_path, read) -> None:
    (tmp_path / "g7-sudan.gold.txt").write_text(GERMAN, encoding="utf-8")
    [doc] = docs_of(read("g7-sudan.gold.txt"))
    assert (doc.id, doc.text, doc.lang) == ("g7-sudan", GERMAN, "de")
    assert doc.published is None and doc.published_from is None


def test_text_default_date_is_recorded_as_cli(tmp_path, read) -> None:
    import datetime as dt

    (tmp_path / "a.txt").write_text(GERMAN, encoding="utf-8")
    [doc] = docs_of(read("a.txt", default_published=dt.date(2024, 4, 17)))
    assert (doc.published, doc.published_from) == (dt.date(2024, 4, 17), "cli")


def test_text_refuses_a_file_over_the_limit_without_reading_it(tmp_path, read) -> None:
    (tmp_path / "big.txt").write_bytes(b"Wort " * (11 * 1024 * 1024 // 5))
    assert "too large" in errors_of(read("big.txt"))[str(tmp_path / "big.txt")]
    assert docs_of(read("big.txt", max_document_bytes=12 * 1024 * 1024))


def test_text_keeps_language_from_options_off(tmp_path, read) -> None:
    (tmp_path / "a.txt").write_text(GERMAN, encoding="utf-8")
    [doc] = docs_of(read("a.txt", identify_language=False))
    assert doc.lang is None
