"""Fixtures of the accuracy tests: the external data folders, skipped with a reason when absent."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SHARED_DATA = REPO.parent / "shared" / "data"


def data_folder(name: str) -> Path:
    """``../shared/data/<name>``, or a skip that says what is missing."""
    folder = SHARED_DATA / name
    if not folder.is_dir():
        pytest.skip(f"{folder} is not there: the external suites need ../shared/data beside "
                    "the checkout")
    return folder


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"{SHARED_DATA} is not there: the external suites need ../shared/data "
                    "beside the checkout")
    return SHARED_DATA
