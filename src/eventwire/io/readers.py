"""Read articles from files, folders and standard input into documents.

Plain text is the canonical input. A ``.json`` file holds one article object (or a list) with
``text`` and optional metadata; ``.jsonl`` holds one per line. Every problem raises
:class:`~eventwire.errors.InputError` naming the input, so a batch can report it and go on.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from eventwire.errors import InputError
from eventwire.model import Document

TEXT_SUFFIXES = {".txt", ".text"}
MAX_BYTES = 20 * 1024 * 1024


def decode(data: bytes, source: str) -> str:
    if not data.strip():
        raise InputError(source, "the input is empty")
    if b"\x00" in data[:4096]:
        raise InputError(source, "binary data, not text (a NUL byte in the first 4 KiB)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(source, f"not UTF-8 text ({exc.reason} at byte {exc.start})") from exc


def parse_date(value: Any, source: str) -> dt.date | None:
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError as exc:
        raise InputError(source, f"publication date {value!r} is not an ISO date (YYYY-MM-DD)") from exc


def document_from_record(record: dict[str, Any], source: str, default_id: str) -> Document:
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(source, "the record has no 'text' string")
    published = parse_date(record.get("published") or record.get("publication_date")
                           or record.get("date"), source)
    return Document(
        id=str(record.get("id") or default_id), text=text, lang=record.get("lang"),
        published=published, published_from="metadata" if published else None,
        source=record.get("source"), url=record.get("url"), title=record.get("title"),
    )


def read_path(path: Path) -> Iterator[Document]:
    """Documents in one file (text, .json or .jsonl)."""
    source = str(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(source, f"cannot read: {exc.strerror or exc}") from exc
    if size > MAX_BYTES:
        raise InputError(source, f"file is {size} bytes; the limit is {MAX_BYTES}")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(source, f"cannot read: {exc.strerror or exc}") from exc
    text = decode(data, source)
    if path.suffix == ".jsonl":
        for n, line in enumerate(text.splitlines(), 1):
            if line.strip():
                yield document_from_record(_json(line, f"{source}:{n}"), f"{source}:{n}",
                                           f"{path.stem}-{n}")
    elif path.suffix == ".json":
        data_json = _json(text, source)
        records = data_json if isinstance(data_json, list) else [data_json]
        for n, record in enumerate(records, 1):
            if not isinstance(record, dict):
                raise InputError(source, f"item {n} is not a JSON object")
            yield document_from_record(record, source, path.stem if len(records) == 1 else f"{path.stem}-{n}")
    else:
        yield Document(id=path.stem.removesuffix(".gold"), text=text)


def _json(text: str, source: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(source, f"not valid JSON: {exc.msg} (line {exc.lineno})") from exc


def expand_paths(paths: list[Path]) -> Iterator[Path]:
    """Files named directly, and files with a known suffix found recursively in folders."""
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and (child.suffix in TEXT_SUFFIXES | {".json", ".jsonl"}) \
                        and not child.name.endswith(".gold.json"):
                    yield child
        else:
            yield path
