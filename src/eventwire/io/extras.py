"""Optional libraries: imported when a format needs them, with an error that says what to install.

The core package reads plain text and JSON with the standard library alone; HTML, feeds and WARC
need the ``ingest`` extra. A missing library rejects only the inputs that need it, so a batch of
mixed formats still reads the rest.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from eventwire.errors import InputError

EXTRA = "ingest"


def require(module: str, source: str, what: str) -> ModuleType:
    """Import ``module`` or reject ``source`` naming the extra that provides it."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise InputError(source, f"reading {what} needs the optional extra '{EXTRA}' "
                                 f"(module {module!r} is missing): "
                                 f"pip install 'eventwire[{EXTRA}]'") from exc


def available(module: str) -> bool:
    try:
        importlib.import_module(module)
    except ImportError:
        return False
    return True
