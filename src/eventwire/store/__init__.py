"""Where coded documents are kept and queried: :func:`open_store` and the :class:`Store` interface.

>>> store = open_store("eventwire.db")            # doctest: +SKIP
>>> store.save(doc).status                       # doctest: +SKIP
'inserted'
>>> rows, total = store.events(EventFilter(actor="Scholz", types=("CONSULT",)))  # doctest: +SKIP
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from eventwire.store.base import (
    ActorFilter,
    ActorRow,
    CountOptions,
    CountRow,
    DocumentFilter,
    DocumentNotFoundError,
    DocumentRow,
    EventFilter,
    EventRow,
    FilterError,
    Page,
    SaveResult,
    Store,
    StoreError,
)
from eventwire.store.engine import make_engine
from eventwire.store.migrate import upgrade
from eventwire.store.sql import SqlStore, reason

DEFAULT_DB = "eventwire.db"

__all__ = [
    "DEFAULT_DB", "ActorFilter", "ActorRow", "CountOptions", "CountRow", "DocumentFilter",
    "DocumentNotFoundError", "DocumentRow", "EventFilter", "EventRow", "FilterError", "Page",
    "SaveResult", "SqlStore", "Store", "StoreError", "open_store",
]


def open_store(target: str | Path = DEFAULT_DB, *, create: bool = True) -> SqlStore:
    """Open (and migrate) the store at a file path or a ``sqlite://``/``postgresql://`` URL.

    With ``create=False`` a missing SQLite file is an error rather than a new empty database,
    which is what commands that only read want. Every failure is a :class:`StoreError` that
    names the database.
    """
    engine, where = make_engine(target, create=create)
    try:
        upgrade(engine, where)
    except StoreError:
        engine.dispose()
        raise
    except SQLAlchemyError as exc:
        engine.dispose()
        raise StoreError(f"cannot open database {where}: {reason(exc)}") from exc
    return SqlStore(engine, where)
