"""A time limit for coding one document in a batch.

A pathological text (a table of ten thousand names, a regex worst case) must not stall a worker
and with it every chunk queued behind it. The limit uses the process's interval timer, so it
applies where batches code: in the main thread of a worker or runner process on a Unix system.
Elsewhere (threads, platforms without ``SIGALRM``) documents are coded without a limit.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any


class DocumentTimeout(BaseException):
    """Coding one document took longer than the batch allows. A ``BaseException``, like
    ``KeyboardInterrupt``: it interrupts, and the pipeline's per-stage error handling (which
    records a stage's exception and keeps the document) must not take it for a stage error."""


def _raise_timeout(signum: int, frame: Any) -> None:
    raise DocumentTimeout


def _available() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise ``DocumentTimeout`` in the block once ``seconds`` have passed (0: no limit)."""
    if seconds <= 0 or not _available():
        yield
        return
    previous: Callable[..., Any] | int | None = signal.signal(signal.SIGALRM, _raise_timeout)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous if previous is not None else signal.SIG_DFL)
