"""Load and validate a language pack folder once per process."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from eventwire.errors import DataFileError, UnsupportedLanguageError
from eventwire.langpacks.schema import (
    ActorPack,
    AttributionPack,
    EventPack,
    LanguagePackFiles,
    ModalityPack,
    SegmentPack,
    SpeechEventPack,
)

PACK_ROOT = Path(__file__).parent
_PARTS: dict[str, type[BaseModel]] = {
    "segment": SegmentPack,
    "actors": ActorPack,
    "attribution": AttributionPack,
    "events": EventPack,
    "modality": ModalityPack,
}
# Parts a language may leave out; its pack then has the part's empty default.
_OPTIONAL: dict[str, type[BaseModel]] = {"speech_events": SpeechEventPack}
M = TypeVar("M", bound=BaseModel)


def available_languages() -> list[str]:
    return sorted(p.name for p in PACK_ROOT.iterdir() if (p / "events.yaml").is_file())


def read_yaml(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except OSError as exc:
        raise DataFileError(str(path), f"cannot read: {exc}") from exc
    except yaml.YAMLError as exc:
        raise DataFileError(str(path), f"not valid YAML: {exc}") from exc


def validate_file(path: Path, model: type[M]) -> M:
    try:
        return model.model_validate(read_yaml(path))
    except ValidationError as exc:
        raise DataFileError(str(path), f"does not match {model.__name__}: {exc}") from exc


@functools.cache
def load_pack(lang: str) -> LanguagePackFiles:
    folder = PACK_ROOT / lang
    if lang not in available_languages():
        raise UnsupportedLanguageError(lang, available_languages())
    parts = {name: validate_file(folder / f"{name}.yaml", model) for name, model in _PARTS.items()}
    for name, model in _OPTIONAL.items():
        if (folder / f"{name}.yaml").is_file():
            parts[name] = validate_file(folder / f"{name}.yaml", model)
    return LanguagePackFiles(code=lang, **parts)
