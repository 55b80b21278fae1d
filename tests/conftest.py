"""Shared fixtures: the real pipeline, the shipped KB, and the ../shared folder when present."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eventwire.extract import extract_text
from eventwire.model import Document

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "seed").is_dir():
        pytest.skip(
            "../shared is not beside the checkout (the seed and external suites live there)"
        )
    return SHARED


@pytest.fixture(scope="session")
def code_de():
    """Code a German text with the full default pipeline."""

    def run(text: str, published: str = "2024-11-20") -> Document:
        return extract_text(text, lang="de", published=dt.date.fromisoformat(published))

    return run


def actor_named(doc: Document, actor_id: str) -> str:
    actor = doc.actor(actor_id)
    return actor.name if actor else "?"


def names(doc: Document, ids: list[str]) -> set[str]:
    return {actor_named(doc, i) for i in ids}
