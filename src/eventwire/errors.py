"""Exceptions that say what went wrong and what to do about it."""

from __future__ import annotations


class EventwireError(Exception):
    """Base class: every error eventwire raises on purpose."""


class InputError(EventwireError):
    """An input could not be read; the message names the input and the problem."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


class DataFileError(EventwireError):
    """A shipped or user-supplied data file (lexicon, KB) is malformed."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class PipelineError(EventwireError):
    """The pipeline was built wrongly: a stage needs something no earlier stage provides."""


class UnsupportedLanguageError(EventwireError):
    def __init__(self, lang: str, supported: list[str]) -> None:
        super().__init__(
            f"language {lang!r} is not supported; supported: {', '.join(sorted(supported))}"
        )
        self.lang = lang
