"""``eventwire serve``: the HTTP API and the web UI over one store.

The write token is read from ``EVENTWIRE_API_TOKEN`` only (a command-line flag would show it in
the process list); without it the server is read-only.
"""

from __future__ import annotations

import click

from eventwire.cli.store_commands import StoreUnavailable, db_option
from eventwire.errors import EventwireError
from eventwire.store import StoreError, open_store


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="address to listen on (0.0.0.0 exposes the server to the network)")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--create", is_flag=True, help="start on an empty store when --db does not exist")
@click.option("--log-level", default="info", show_default=True,
              type=click.Choice(["critical", "error", "warning", "info", "debug"]))
def serve(db: str, host: str, port: int, create: bool, log_level: str) -> None:
    """Serve the web UI at / and the HTTP API at /api (OpenAPI spec: /openapi.json).

    Reads are open. POST /api/ingest needs 'Authorization: Bearer TOKEN' with the token
    from EVENTWIRE_API_TOKEN; without that variable the server accepts no writes.
    """
    try:
        import uvicorn

        from eventwire.api import ApiSettings, create_app
    except ImportError as exc:
        raise click.ClickException(f"the server needs the api extra: pip install "
                                   f"'eventwire[api]' ({exc.name} is missing)") from exc
    try:
        settings = ApiSettings.from_env()
    except EventwireError as exc:
        raise click.UsageError(str(exc)) from exc
    try:
        store = open_store(db, create=create)
    except StoreError as exc:
        hint = "" if create else " (ingest into it first, or pass --create)"
        raise StoreUnavailable(f"{exc}{hint}") from exc
    writes = "on" if settings.token else "off (EVENTWIRE_API_TOKEN is not set)"
    click.echo(f"eventwire: serving {store.url} on http://{host}:{port}/ (writes {writes})",
               err=True)
    try:
        uvicorn.run(create_app(store, settings), host=host, port=port, log_level=log_level,
                    server_header=False, proxy_headers=False)
    finally:
        store.close()
