"""Compressed files and archives: ``.gz`` (one file inside) and ``.zip`` (many).

Nothing is unpacked to disk and no archive is read into memory whole: members are opened as
streams and read by the same readers as plain files, with the same caps, so a decompression
bomb is refused at the limit. Members are named ``archive.zip!dir/member.html``; archives nest
up to ``ReadOptions.max_depth``.
"""

from __future__ import annotations

import gzip
import io
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from typing import IO, BinaryIO, cast

from eventwire.io.options import MB, ReadOptions
from eventwire.io.results import ReadResult
from eventwire.io.source import STREAM_ERRORS, Source, stream_problem

Reader = Callable[[Source, ReadOptions], Iterator[ReadResult]]
SPOOL_IN_MEMORY = 8 * MB
OPEN_ERRORS: tuple[type[BaseException], ...] = (*STREAM_ERRORS, ValueError)


class _GzipStream(gzip.GzipFile):
    """A gzip stream that also closes the stream it decompresses."""

    def __init__(self, raw: BinaryIO) -> None:
        super().__init__(fileobj=raw, mode="rb")
        self._raw = raw

    def close(self) -> None:
        try:
            super().close()
        finally:
            self._raw.close()


def read_gzip(source: Source, options: ReadOptions, read: Reader) -> Iterator[ReadResult]:
    """The one file inside: ``x.html.gz`` is read as ``x.html.gz!x.html``."""
    leaf = source.leaf
    inner = leaf[:-3] if leaf.lower().endswith(".gz") else leaf.removesuffix(".gzip")
    yield from read(source.inner(inner, lambda: cast(BinaryIO, _GzipStream(source.opener()))),
                    options)


def read_zip(source: Source, options: ReadOptions, read: Reader,
             wanted: Callable[[str], bool]) -> Iterator[ReadResult]:
    """Every member with a known format (see ``wanted``), in archive order."""
    try:
        stream = _seekable(source, options)
    except STREAM_ERRORS as exc:
        yield ReadResult.failed(source.name, stream_problem(exc))
        return
    with stream:
        try:
            archive = zipfile.ZipFile(stream)
        except OPEN_ERRORS as exc:
            yield ReadResult.failed(source.name, f"not a readable zip archive ({exc})")
            return
        with archive:
            count = 0
            for info in archive.infolist():
                if info.is_dir() or not wanted(info.filename):
                    continue
                count += 1
                if count > options.max_archive_members:
                    yield ReadResult.failed(source.name, "more than "
                                            f"{options.max_archive_members} members; the rest "
                                            "were not read (ReadOptions.max_archive_members)")
                    return
                member = source.inner(info.filename, _member_opener(archive, info),
                                      info.file_size)
                yield from read(member, options)


def _member_opener(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Callable[[], BinaryIO]:
    def opener() -> BinaryIO:
        try:
            return cast(BinaryIO, archive.open(info))
        except (RuntimeError, NotImplementedError, ValueError) as exc:
            # encrypted members and unsupported compression methods
            raise OSError(str(exc)) from exc
    return opener


def _seekable(source: Source, options: ReadOptions) -> BinaryIO:
    """A stream zipfile can seek in cheaply: the file itself, or a spooled copy of a stream.

    Seeking backwards in a decompressing stream (a zip inside a zip or a ``.zip.gz``)
    decompresses from the start again, so such streams are copied once, to memory when small
    and to a temporary file beyond that, up to ``max_file_bytes``.
    """
    stream = source.opener()
    if isinstance(stream, io.BufferedReader | io.BytesIO | io.FileIO):
        return stream
    spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_IN_MEMORY)  # noqa: SIM115 - returned
    try:
        with stream:
            _copy_capped(stream, cast(IO[bytes], spool), options.max_file_bytes)
    except BaseException:
        spool.close()
        raise
    spool.seek(0)
    return cast(BinaryIO, spool)


def _copy_capped(src: BinaryIO, dst: IO[bytes], limit: int) -> None:
    copied = 0
    while chunk := src.read(MB):
        copied += len(chunk)
        if copied > limit:
            raise OSError(f"the nested archive is larger than {limit} bytes "
                          "(ReadOptions.max_file_bytes)")
        dst.write(chunk)
