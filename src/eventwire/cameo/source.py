"""Reading PETRARCH/TABARI dictionary files: the comment rules every dictionary shares.

The formats inherit from TABARI: ``#`` (or TABARI's ``;``) starts a comment, except inside
``[...]`` where codes such as ``[###]`` live; ``<!-- ... -->`` blocks may span lines, and blank
lines are skipped.
Every line keeps its number so that a malformed entry can be reported as ``file:line``.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from eventwire.errors import DataFileError


class DictionaryError(DataFileError):
    """A dictionary entry cannot be read; the message names the file, the line and the fix."""

    def __init__(self, path: str, line: int, problem: str) -> None:
        super().__init__(f"{path}:{line}", problem)
        self.line = line


@dataclass(frozen=True)
class Line:
    """One meaningful line: comment-free text (leading whitespace kept) and its number."""

    number: int
    text: str
    raw: str


@dataclass
class Issues:
    """Irregularities a reader tolerated (so users can fix their files) instead of failing."""

    items: list[str] = field(default_factory=list)

    def add(self, path: str, line: int, problem: str) -> None:
        self.items.append(f"{path}:{line}: {problem}")


def read_text(path: Path) -> str:
    """The file's text; ``.gz`` files are decompressed, non-UTF-8 files read as Latin-1."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DataFileError(str(path), f"cannot read the dictionary ({exc.strerror})") from None
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def strip_comment(text: str, markers: str = "#;") -> str:
    """Cut the text at the first comment marker that is not inside ``[...]``."""
    depth = 0
    for i, ch in enumerate(text):
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth = max(0, depth - 1)
        elif ch in markers and depth == 0:
            return text[:i]
    return text


def iter_lines(text: str, markers: str = "#;") -> Iterator[Line]:
    """Meaningful lines of a dictionary, without comments and blank lines."""
    in_block = False
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw
        if in_block:
            if "-->" in line:
                in_block = False
            continue
        stripped = line.lstrip()
        if stripped.startswith("<!"):
            in_block = "-->" not in stripped
            continue
        line = strip_comment(line, markers).rstrip()
        if line.strip():
            yield Line(number, line, raw)
