"""The one entry point: paths, folders, URLs and standard input in, results out.

``read_inputs`` is a generator of :class:`ReadResult` and never raises for a bad input, so a
batch runner can stream ten thousand inputs, store each good document as it comes and list
every rejected one with its reason. It holds one document at a time (plus whatever a JSON
file or a feed needs whole), so memory does not grow with the batch.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urlsplit

from eventwire.errors import InputError
from eventwire.io.dispatch import read_source, sniff, wanted
from eventwire.io.fetch import fetch, is_url
from eventwire.io.options import ReadOptions
from eventwire.io.results import ReadResult
from eventwire.io.source import Source

log = logging.getLogger(__name__)
STDIN = "-"


def expand_paths(paths: Iterable[Path]) -> Iterator[Path]:
    """Files named directly, and files of a known format found recursively in folders.

    Hidden files and folders, and ``*.gold.json`` answer keys, are left out of folders.
    """
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                relative = child.relative_to(path)
                if any(part.startswith(".") for part in relative.parts[:-1]):
                    continue
                if child.is_file() and wanted(child.name):
                    yield child
        else:
            yield path


def read_inputs(paths: Iterable[str | Path], options: ReadOptions | None = None, *,
                stdin: BinaryIO | None = None) -> Iterator[ReadResult]:
    """Every document in ``paths``, and every input that could not be read with the reason.

    A path may be a file of any supported format, a folder (read recursively), ``-`` for
    standard input, or an ``http(s)://`` URL (fetched once, with a timeout).
    """
    opts = options or ReadOptions()
    for raw in paths:
        name = str(raw)
        try:
            yield from _read_one(raw, opts, stdin)
        except InputError as exc:
            yield ReadResult.of(exc)
        except Exception as exc:  # broad on purpose: last guard: one input must not stop a batch
            log.exception("unexpected error reading %s", name)
            yield ReadResult.failed(name, f"unexpected error ({type(exc).__name__}: {exc}); "
                                          "the rest of this input was not read")


def _read_one(raw: str | Path, options: ReadOptions, stdin: BinaryIO | None
              ) -> Iterator[ReadResult]:
    if isinstance(raw, str) and raw == STDIN:
        yield from _read_stdin(options, stdin)
    elif is_url(raw):
        yield from _read_url(str(raw), options)
    else:
        path = Path(raw)
        if not path.exists():
            yield ReadResult.failed(str(raw), "no such file or folder")
        elif path.is_dir():
            for file in expand_paths([path]):
                yield from read_source(Source.from_path(file), options)
        else:
            yield from read_source(Source.from_path(path), options)


def _read_stdin(options: ReadOptions, stdin: BinaryIO | None) -> Iterator[ReadResult]:
    stream = stdin if stdin is not None else sys.stdin.buffer
    data = stream.read(options.max_file_bytes + 1)
    if len(data) > options.max_file_bytes:
        yield ReadResult.failed("stdin", f"too large: more than {options.max_file_bytes} bytes "
                                         "(ReadOptions.max_file_bytes)")
        return
    yield from read_source(Source.from_bytes("stdin", data), options)


def _read_url(url: str, options: ReadOptions) -> Iterator[ReadResult]:
    fetched = fetch(url, options)
    leaf = urlsplit(fetched.url).path.rstrip("/").rsplit("/", 1)[-1]
    source = Source.from_bytes(url, fetched.data, leaf or urlsplit(fetched.url).hostname or "url")
    content_type = fetched.content_type.lower()
    if "html" in content_type:
        kind = "html"
    elif any(t in content_type for t in ("rss", "atom", "xml")):
        kind = "feed"
    else:
        kind = sniff(fetched.data[:2048])
    yield from read_source(source, options, kind)
