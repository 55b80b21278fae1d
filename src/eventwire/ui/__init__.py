"""The web UI: server-rendered pages (Jinja2, autoescaped) and a little local JS and CSS."""

from __future__ import annotations

from fastapi import FastAPI


def mount(app: FastAPI) -> None:
    """Placeholder until the views exist."""
