"""The reader tests' one fixture: read paths inside the test's temporary folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from eventwire.io import ReadOptions, ReadResult, read_inputs


@pytest.fixture
def read(tmp_path: Path) -> Callable[..., list[ReadResult]]:
    """Read paths (relative to the test's folder) with options; all results as a list."""

    def run(*paths: str | Path, **options: object) -> list[ReadResult]:
        opts = ReadOptions(**options)
        full = [p if str(p) == "-" or str(p).startswith(("http://", "https://")) else tmp_path / p
                for p in paths]
        return list(read_inputs(full, opts))

    return run
