"""The web UI: server-rendered pages and a small local script and stylesheet.

Templates autoescape everything (article text, titles, URLs and actor names are untrusted); the
only script is ``static/app.js``, served from here and allowed by the Content-Security-Policy,
which forbids inline scripts. Nothing is loaded from another host.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the pure parts (highlight, charts, cards) import without the api extra
    from fastapi import FastAPI
    from starlette.templating import Jinja2Templates

HERE = Path(__file__).parent


def templates() -> Jinja2Templates:
    from jinja2 import Environment, FileSystemLoader, StrictUndefined
    from starlette.templating import Jinja2Templates

    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=False)
    return Jinja2Templates(env=env)


def mount(app: FastAPI) -> None:
    """Add the pages and ``/static`` to an API app (see ``eventwire.api.create_app``)."""
    from fastapi.staticfiles import StaticFiles

    from eventwire.ui import analysis_views, views

    pages = templates()
    app.include_router(views.router(pages))
    app.include_router(analysis_views.router(pages))
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
