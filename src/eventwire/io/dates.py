"""Publication dates from metadata values: ISO 8601 first, then RFC 2822 (feeds, e-mail, HTTP).

Only the day is kept: the pipeline resolves relative dates ("on Monday") against it, and a
time zone would move a late-evening article to the wrong day less often than a guess would.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import time
from typing import Any

from eventwire.errors import InputError

# Where Document.published came from; documented in docs/ingest.md.
PROVENANCE = ("cli", "option", "metadata", "html-meta", "feed", "warc")


def parse_date(value: Any, source: str) -> dt.date | None:
    """The day a metadata value names; ``None`` for no value, an error for a non-date."""
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError, OverflowError):
        pass
    shown = text if len(text) <= 60 else text[:57] + "..."
    raise InputError(source, f"publication date {shown!r} is not a date "
                             "(ISO YYYY-MM-DD or RFC 2822)")


def struct_date(value: time.struct_time | None) -> dt.date | None:
    """The day of a parsed ``time.struct_time`` (as feedparser gives), if it is a real day."""
    if value is None:
        return None
    try:
        return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
    except (ValueError, TypeError, AttributeError):
        return None
