"""A progress bar with documents per second, on a terminal only.

rich when it is installed, else tqdm, else nothing: neither is a dependency of eventwire, and a
batch in a pipeline or under CI writes no bar into its logs.
"""

from __future__ import annotations

import sys
import time
from types import TracebackType
from typing import Any, Protocol


class Progress(Protocol):
    def advance(self, inputs: int, documents: int) -> None: ...
    def __enter__(self) -> Progress: ...
    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None: ...


class NoProgress:
    def advance(self, inputs: int, documents: int) -> None:
        pass

    def __enter__(self) -> NoProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        pass


class _Rate:
    """Documents coded and the rate since the bar started."""

    def __init__(self) -> None:
        self.start = time.perf_counter()
        self.documents = 0

    def add(self, documents: int) -> float:
        self.documents += documents
        return self.documents / max(time.perf_counter() - self.start, 1e-9)


class RichProgress:
    def __init__(self, total: int) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )
        from rich.progress import Progress as Bar

        self._bar = Bar(TextColumn("batch"), BarColumn(), MofNCompleteColumn(),
                        TextColumn("inputs  {task.fields[docs]} docs  {task.fields[rate]} docs/s"),
                        TimeElapsedColumn(), TimeRemainingColumn(),
                        console=Console(file=sys.stderr))
        self._task = self._bar.add_task("batch", total=total, docs=0, rate="-")
        self._rate = _Rate()

    def advance(self, inputs: int, documents: int) -> None:
        rate = self._rate.add(documents)
        self._bar.update(self._task, advance=inputs, docs=self._rate.documents,
                         rate=f"{rate:.1f}")

    def __enter__(self) -> RichProgress:
        self._bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._bar.stop()


class TqdmProgress:
    def __init__(self, total: int) -> None:
        from tqdm import tqdm  # type: ignore[import-untyped]

        self._bar: Any = tqdm(total=total, unit="input", file=sys.stderr, desc="batch")
        self._rate = _Rate()

    def advance(self, inputs: int, documents: int) -> None:
        rate = self._rate.add(documents)
        self._bar.set_postfix(docs=self._rate.documents, docs_per_s=f"{rate:.1f}",
                              refresh=False)
        self._bar.update(inputs)

    def __enter__(self) -> TqdmProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        self._bar.close()


def make_progress(total: int, enabled: bool | None) -> Progress:
    """A bar when asked for, or when ``enabled`` is None and standard error is a terminal."""
    if enabled is False or (enabled is None and not sys.stderr.isatty()):
        return NoProgress()
    for kind in (RichProgress, TqdmProgress):
        try:
            return kind(total)
        except ImportError:
            continue
    return NoProgress()
