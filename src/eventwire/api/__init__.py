"""The HTTP API: ``create_app(store, settings)`` builds a FastAPI app over any store.

>>> app = create_app(open_store("eventwire.db"), ApiSettings.from_env())  # doctest: +SKIP
"""

from __future__ import annotations

from eventwire.api.app import create_app
from eventwire.api.settings import ApiSettings

__all__ = ["ApiSettings", "create_app"]
