"""The PLOVER ontology as data: quad classes and type/mode scores."""

from __future__ import annotations

import functools
from pathlib import Path

from pydantic import BaseModel, ConfigDict, TypeAdapter

from eventwire.langpacks.loader import read_yaml

PLOVER_FILE = Path(__file__).parent / "plover.yaml"


class PloverType(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    quad: int
    score: float
    modes: dict[str, float]


@functools.cache
def plover() -> dict[str, PloverType]:
    return TypeAdapter(dict[str, PloverType]).validate_python(read_yaml(PLOVER_FILE))


def quad_and_score(event_type: str, mode: str | None) -> tuple[int | None, float | None]:
    """The PLOVER quad class and the type/mode score ("intensity") of an event."""
    info = plover().get(event_type)
    if info is None:
        return None, None
    return info.quad, info.modes.get(mode or "", info.score)
