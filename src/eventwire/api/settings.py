"""The HTTP API's settings: every default in one place, overridable from the environment.

Reads need no token; writes (``POST /api/ingest``) need the token in ``EVENTWIRE_API_TOKEN``
and are switched off when it is unset. CORS is off unless origins are listed.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field

from eventwire.errors import EventwireError

ENV_PREFIX = "EVENTWIRE_API_"


class SettingsError(EventwireError):
    """An environment variable holds a value the API cannot use."""


@dataclass(frozen=True)
class ApiSettings:
    token: str | None = field(default=None, repr=False)
    """Bearer token for writes; None disables them."""
    default_limit: int = 50
    max_limit: int = 500
    """The largest page ``limit`` accepted; larger asks are a 422 error, not a silent cut."""
    max_body_bytes: int = 2_000_000
    """Largest request body (an ingest of a few long articles), else 413."""
    max_url_bytes: int = 4096
    max_export_rows: int = 100_000
    max_graph_nodes: int = 200
    cors_origins: tuple[str, ...] = ()
    ui: bool = True

    def __post_init__(self) -> None:
        if self.default_limit > self.max_limit:  # a small MAX_LIMIT also caps the default
            object.__setattr__(self, "default_limit", self.max_limit)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> ApiSettings:
        """Settings from ``EVENTWIRE_API_*`` variables (TOKEN, MAX_LIMIT, MAX_BODY_BYTES,
        MAX_EXPORT_ROWS, CORS_ORIGINS as a comma list)."""
        env = os.environ if environ is None else environ
        values: dict[str, object] = {}
        if token := env.get(f"{ENV_PREFIX}TOKEN", "").strip():
            values["token"] = token
        for name in ("max_limit", "max_body_bytes", "max_export_rows"):
            raw = env.get(f"{ENV_PREFIX}{name.upper()}")
            if raw is not None:
                values[name] = _positive(f"{ENV_PREFIX}{name.upper()}", raw)
        origins = env.get(f"{ENV_PREFIX}CORS_ORIGINS", "")
        values["cors_origins"] = tuple(o.strip() for o in origins.split(",") if o.strip())
        return cls(**values)  # type: ignore[arg-type]


def _positive(name: str, raw: str) -> int:
    try:
        value = int(raw)
    except ValueError:
        raise SettingsError(f"{name}={raw!r} is not a whole number") from None
    if value < 1:
        raise SettingsError(f"{name}={raw!r} must be at least 1")
    return value
