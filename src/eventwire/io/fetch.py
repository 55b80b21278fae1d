"""Download one http(s) argument (a feed URL) with a deadline and a size cap.

Only URLs named on the command line or passed to ``read_inputs`` are fetched; links inside
feeds and pages never are. The opener knows only http and https (no ``file:`` or ``ftp:``,
also not through a redirect). The timeout applies to each network wait and, checked between
chunks, to the download as a whole, so a server that trickles bytes cannot hold a batch.
"""

from __future__ import annotations

import http.client
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Any

from eventwire.errors import InputError
from eventwire.io.options import ReadOptions

CHUNK = 64 * 1024
ACCEPT = ("application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, "
          "text/html;q=0.8, */*;q=0.5")


@dataclass(frozen=True)
class Fetched:
    url: str
    data: bytes
    content_type: str


def is_url(value: object) -> bool:
    return isinstance(value, str) and value.lower().startswith(("http://", "https://"))


def _opener() -> urllib.request.OpenerDirector:
    opener = urllib.request.OpenerDirector()
    for handler in (urllib.request.ProxyHandler(), urllib.request.HTTPHandler(),
                    urllib.request.HTTPSHandler(), urllib.request.HTTPRedirectHandler(),
                    urllib.request.HTTPDefaultErrorHandler(),
                    urllib.request.HTTPErrorProcessor()):
        opener.add_handler(handler)
    return opener


def open_url(request: urllib.request.Request, timeout: float) -> Any:
    """The response object; a seam for tests, which must not touch the network."""
    return _opener().open(request, timeout=timeout)


def fetch(url: str, options: ReadOptions) -> Fetched:
    """The body of ``url``, or an :class:`InputError` naming the URL and what went wrong."""
    request = urllib.request.Request(url, headers={"User-Agent": options.user_agent,
                                                   "Accept": ACCEPT})
    deadline = time.monotonic() + options.fetch_timeout
    limit = options.max_file_bytes
    try:
        with open_url(request, options.fetch_timeout) as response:
            chunks: list[bytes] = []
            size = 0
            while chunk := response.read(CHUNK):
                size += len(chunk)
                if size > limit:
                    raise InputError(url, f"too large: more than {limit} bytes "
                                          "(ReadOptions.max_file_bytes)")
                if time.monotonic() > deadline:
                    raise InputError(url, f"the download took longer than "
                                          f"{options.fetch_timeout} s (ReadOptions.fetch_timeout)")
                chunks.append(chunk)
            content_type = response.headers.get("Content-Type", "") if response.headers else ""
            final_url = response.geturl() if hasattr(response, "geturl") else url
    except InputError:
        raise
    except urllib.error.HTTPError as exc:
        raise InputError(url, f"the server answered HTTP {exc.code} {exc.reason}") from exc
    except urllib.error.URLError as exc:
        raise InputError(url, f"cannot fetch: {exc.reason}") from exc
    except (TimeoutError, OSError, ValueError, http.client.HTTPException) as exc:
        raise InputError(url, f"cannot fetch: {exc or type(exc).__name__}") from exc
    return Fetched(final_url or url, b"".join(chunks), content_type)
