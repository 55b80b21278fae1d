"""Compressed files and zip archives: members read as files, named archive!member."""

from __future__ import annotations

import gzip
import io
import json
import zipfile

import pytest
from io_samples import ENGLISH, GERMAN, docs_of, errors_of


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_archives_gz_single_file(tmp_path, read) -> None:
    (tmp_path / "g7.txt.gz").write_bytes(gzip.compress(GERMAN.encode()))
    [result] = read("g7.txt.gz")
    assert result.name == f"{tmp_path / 'g7.txt.gz'}!g7.txt"
    assert result.document is not None and result.document.id == "g7"


def test_archives_gz_without_inner_suffix_is_sniffed(tmp_path, read) -> None:
    (tmp_path / "dump.gz").write_bytes(gzip.compress(ENGLISH.encode()))
    [doc] = docs_of(read("dump.gz"))
    assert doc.text == ENGLISH


def test_archives_zip_members_recursively(tmp_path, read) -> None:
    inner = _zip({"deep/en.txt": ENGLISH.encode()})
    (tmp_path / "batch.zip").write_bytes(_zip({
        "de/g7.txt": GERMAN.encode(),
        "records.jsonl": (json.dumps({"id": "r1", "text": ENGLISH}) + "\n").encode(),
        "nested.zip": inner,
        "compressed.txt.gz": gzip.compress(GERMAN.encode()),
        "logo.png": b"\x89PNG\r\n\x1a\n",  # not a news format: passed over
        "__MACOSX/._g7.txt": b"\x00\x05",
        "de/": b"",
    }))
    results = read("batch.zip")
    assert not errors_of(results)
    base = str(tmp_path / "batch.zip")
    assert [r.name for r in results] == [
        f"{base}!de/g7.txt", f"{base}!records.jsonl:1", f"{base}!nested.zip!deep/en.txt",
        f"{base}!compressed.txt.gz!compressed.txt"]
    assert [d.id for d in docs_of(results)] == ["g7", "r1", "en", "compressed"]


def test_archives_zip_with_a_bad_member(tmp_path, read) -> None:
    (tmp_path / "mixed.zip").write_bytes(_zip({
        "good.txt": GERMAN.encode(), "binary.txt": bytes(range(256)) * 4,
        "cut.txt.gz": gzip.compress(ENGLISH.encode() * 20)[:100], "empty.txt": b"",
        "also-good.txt": ENGLISH.encode(),
    }))
    results = read("mixed.zip")
    base = str(tmp_path / "mixed.zip")
    assert [d.id for d in docs_of(results)] == ["good", "also-good"]
    errors = errors_of(results)
    assert "binary" in errors[f"{base}!binary.txt"]
    assert "truncated" in errors[f"{base}!cut.txt.gz!cut.txt"]
    assert "empty" in errors[f"{base}!empty.txt"]


@pytest.mark.parametrize(("name", "content", "reason"), [
    ("cut.txt.gz", gzip.compress(GERMAN.encode() * 50)[:200], "truncated"),
    ("bad.txt.gz", b"\x1f\x8b\x08\x00" + b"\xff" * 50, "corrupt"),
    ("notgz.txt.gz", b"plain text, not gzip", "corrupt"),
    ("bad.zip", b"PK\x03\x04 broken", "not a readable zip archive"),
    ("cut.zip", _zip({"a.txt": GERMAN.encode()})[:-30], "not a readable zip archive"),
], ids=["truncated-gz", "corrupt-gz", "not-gz", "bad-zip", "truncated-zip"])
def test_archives_broken_archives_are_rejected(tmp_path, read, name, content, reason) -> None:
    (tmp_path / name).write_bytes(content)
    errors = errors_of(read(name))
    assert len(errors) == 1 and reason in next(iter(errors.values()))
    assert str(tmp_path / name) in next(iter(errors))


def test_archives_decompression_bomb_is_refused_at_the_limit(tmp_path, read) -> None:
    (tmp_path / "bomb.txt.gz").write_bytes(gzip.compress(b"a" * (20 * 1024 * 1024)))
    (tmp_path / "bomb.zip").write_bytes(_zip({"bomb.txt": b"a " * (6 * 1024 * 1024)}))
    errors = errors_of(read("bomb.txt.gz", "bomb.zip"))
    assert all("too large" in problem for problem in errors.values()) and len(errors) == 2


def test_archives_nesting_deeper_than_the_limit(tmp_path, read) -> None:
    data = GERMAN.encode()
    for level in range(4):
        data = _zip({f"level{level}.zip" if level else "a.txt": data})
    (tmp_path / "deep.zip").write_bytes(data)
    assert "nested deeper" in next(iter(errors_of(read("deep.zip", max_depth=2)).values()))
    assert docs_of(read("deep.zip", max_depth=5))


def test_archives_member_limit(tmp_path, read) -> None:
    (tmp_path / "many.zip").write_bytes(_zip({f"{n}.txt": GERMAN.encode() for n in range(5)}))
    results = read("many.zip", max_archive_members=3)
    assert len(docs_of(results)) == 3
    assert "more than 3 members" in errors_of(results)[str(tmp_path / "many.zip")]


def test_archives_encrypted_member_is_rejected(tmp_path, read) -> None:
    data = bytearray(_zip({"secret.txt": GERMAN.encode()}))
    # set the "encrypted" flag in the local and central headers, as an encrypted zip has it
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.find(signature) + offset
        data[at] |= 1
    (tmp_path / "locked.zip").write_bytes(bytes(data))
    errors = errors_of(read("locked.zip"))
    assert "encrypted" in errors[f"{tmp_path / 'locked.zip'}!secret.txt"]
