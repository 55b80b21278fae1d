"""JSON and JSON Lines: articles as records with ``text`` and optional metadata.

A ``.json`` file holds one record or a list; a ``.jsonl`` file holds one record per line and is
streamed, so a multi-gigabyte dump (also gzipped) is read line by line in constant memory. A
bad line or record is rejected on its own; the others still come through.

Fields: ``text`` (required), ``id``, ``lang``, ``published`` (or ``publication_date``,
``date``), ``source`` (or ``sitename``, ``domain``), ``url``, ``title``, ``author``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from eventwire.errors import InputError
from eventwire.io.dates import parse_date
from eventwire.io.finish import finished
from eventwire.io.options import ReadOptions
from eventwire.io.results import ReadResult
from eventwire.io.source import STREAM_ERRORS, Source, stream_problem
from eventwire.io.textdecode import decode
from eventwire.model import Document

DATE_FIELDS = ("published", "publication_date", "date")
SOURCE_FIELDS = ("source", "sitename", "domain")
CHUNK = 1024 * 1024


def record_document(record: Any, name: str, default_id: str) -> tuple[Document, str | None]:
    """The document a record describes, and its author; an error when it has no text."""
    if not isinstance(record, dict):
        raise InputError(name, f"a record must be a JSON object, not {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(name, "the record has no 'text' string")
    published = parse_date(_first(record, DATE_FIELDS), name)
    doc = Document(
        id=_string(record.get("id")) or default_id, text=text, lang=_string(record.get("lang")),
        published=published, published_from="metadata" if published else None,
        source=_string(_first(record, SOURCE_FIELDS)), url=_string(record.get("url")),
        title=_string(record.get("title")),
    )
    return doc, _string(record.get("author"))


def document_from_record(record: dict[str, Any], source: str, default_id: str) -> Document:
    """One record as a document (kept for callers of the former ``readers`` module)."""
    return record_document(record, source, default_id)[0]


def parse_json(text: str, name: str) -> Any:
    try:
        return json.loads(text)
    except RecursionError as exc:
        raise InputError(name, "not valid JSON: nested too deeply") from exc
    except json.JSONDecodeError as exc:
        raise InputError(name, f"not valid JSON: {exc.msg} (line {exc.lineno})") from exc
    except ValueError as exc:  # e.g. an integer with more digits than Python converts
        raise InputError(name, f"not valid JSON: {exc}") from exc


def read_json(source: Source, options: ReadOptions) -> Iterator[ReadResult]:
    """A ``.json`` file: one record, or a list of records (``stem-1``, ``stem-2`` ...)."""
    try:
        data = source.read_all(options.max_file_bytes, "max_file_bytes")
        parsed = parse_json(decode(data, source.name, options.fallback_encoding), source.name)
    except InputError as exc:
        yield ReadResult.of(exc)
        return
    records = parsed if isinstance(parsed, list) else [parsed]
    if not records:
        yield ReadResult.failed(source.name, "the JSON list holds no records")
    for n, record in enumerate(records, 1):
        single = len(records) == 1
        name = source.name if single else f"{source.name}#{n}"
        yield _record_result(record, name, source.stem if single else f"{source.stem}-{n}",
                             options)


def read_jsonl(source: Source, options: ReadOptions) -> Iterator[ReadResult]:
    """A ``.jsonl`` file, streamed; line ``n`` is named ``file:n`` and gets the id ``stem-n``."""
    n = 0
    try:
        with source.opener() as stream:
            for n, line in enumerate(_lines(stream, options.max_document_bytes), 1):
                name = f"{source.name}:{n}"
                if line is None:
                    yield ReadResult.failed(name, "the line is longer than the limit of "
                                                  f"{options.max_document_bytes} bytes "
                                                  "(ReadOptions.max_document_bytes)")
                elif line.strip():
                    yield _line_result(line, n, name, f"{source.stem}-{n}", options)
    except STREAM_ERRORS as exc:
        yield ReadResult.failed(f"{source.name}:{n + 1}" if n else source.name,
                                stream_problem(exc))


def _line_result(line: bytes, n: int, name: str, default_id: str,
                 options: ReadOptions) -> ReadResult:
    try:
        text = line.decode("utf-8-sig" if n == 1 else "utf-8")
    except UnicodeDecodeError as exc:
        return ReadResult.failed(name, f"not UTF-8 ({exc.reason} at byte {exc.start}); "
                                       "JSON Lines must be UTF-8")
    try:
        record = parse_json(text, name)
    except InputError as exc:
        return ReadResult.of(exc)
    return _record_result(record, name, default_id, options)


def _record_result(record: Any, name: str, default_id: str, options: ReadOptions) -> ReadResult:
    try:
        doc, author = record_document(record, name, default_id)
    except InputError as exc:
        return ReadResult.of(exc)
    return finished(name, doc, options, author)


def _lines(stream: BinaryIO, limit: int) -> Iterator[bytes | None]:
    """Lines of at most ``limit`` bytes; ``None`` for a longer line, which is skipped."""
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        if len(line) > limit:
            while line and not line.endswith(b"\n"):
                line = stream.readline(CHUNK)
            yield None
        else:
            yield line


def _first(record: dict[str, Any], keys: tuple[str, ...]) -> Any:
    return next((record[k] for k in keys if record.get(k) not in (None, "")), None)


def _string(value: Any) -> str | None:
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None
