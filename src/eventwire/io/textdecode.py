"""Bytes to text: byte-order marks, UTF-8, a declared charset, then one documented fallback.

The order matters. A byte-order mark is proof of the encoding; valid UTF-8 is almost never
anything else by accident; only then is the legacy fallback (cp1252 by default, see
:class:`~eventwire.io.options.ReadOptions`) tried. Binary data is refused before any of this,
because cp1252 decodes nearly every byte sequence and would turn an image into "text".
"""

from __future__ import annotations

import codecs
import re

from eventwire.errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_CHARSET = re.compile(rb"""charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.IGNORECASE)
SNIFF_BYTES = 4096
MAX_CONTROL_SHARE = 0.02


def bom_encoding(data: bytes) -> str | None:
    return next((enc for bom, enc in _BOMS if data.startswith(bom)), None)


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML or XML head declares, if Python knows it."""
    match = _CHARSET.search(data[:SNIFF_BYTES])
    if not match:
        return None
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name
    except LookupError:
        return None


def looks_like_utf16(data: bytes) -> bool:
    """Many NUL bytes in odd or in even positions: UTF-16 text without a byte-order mark."""
    head = data[:SNIFF_BYTES]
    pairs = len(head) // 2
    if pairs < 2:
        return False
    even = head[0::2].count(0)
    odd = head[1::2].count(0)
    return max(even, odd) >= 0.3 * pairs and min(even, odd) <= 0.05 * pairs


def decode(data: bytes, source: str, fallback: str | None = "cp1252",
           declared: str | None = None) -> str:
    """Text of ``data``, or an :class:`InputError` that says why it is not text."""
    bom = bom_encoding(data)
    if bom is None:
        _refuse_binary(data, source)
    if declared and declared.startswith(("utf-16", "utf-32")):
        declared = None  # without a byte-order mark (checked above) the declaration is wrong
    candidates = [bom] if bom else _unique(["utf-8", declared, fallback])
    text: str | None = None
    for encoding in candidates:
        try:
            text = data.decode(encoding)
            break
        except (UnicodeError, LookupError, ValueError):
            continue
    if text is None:
        raise InputError(source, _undecodable(data, bom, fallback))
    if not text.strip():
        raise InputError(source, "the input is empty")
    sample = text[:SNIFF_BYTES]
    if len(_CONTROL.findall(sample)) > MAX_CONTROL_SHARE * len(sample):
        raise InputError(source, "binary data, not text (many control characters)")
    return text.removeprefix("\ufeff")


def _refuse_binary(data: bytes, source: str) -> None:
    if not data.strip():
        raise InputError(source, "the input is empty")
    if b"\x00" in data[:SNIFF_BYTES]:
        if looks_like_utf16(data):
            raise InputError(source, "UTF-16 text without a byte-order mark: save it as UTF-8 "
                                     "or as UTF-16 with a byte-order mark")
        raise InputError(source, "binary data, not text (a NUL byte in the first 4 KiB)")


def _undecodable(data: bytes, bom: str | None, fallback: str | None) -> str:
    if bom:
        return f"starts with a {bom.upper()} byte-order mark but is not valid {bom.upper()}"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        where = f"{exc.reason} at byte {exc.start}"
    else:  # pragma: no cover - decode() only calls this after UTF-8 failed
        where = "?"
    if fallback:
        return f"not UTF-8 text ({where}) and not {fallback} either: wrong or unknown encoding"
    return (f"not UTF-8 text ({where}); set ReadOptions.fallback_encoding (e.g. 'cp1252') "
            "to read legacy Latin-1 / Windows text")


def _unique(items: list[str | None]) -> list[str]:
    result: list[str] = []
    seen: set[str] = set()
    for item in items:
        if item and _canonical(item) not in seen:
            seen.add(_canonical(item))
            result.append(item)
    return result


def _canonical(encoding: str) -> str:
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        return encoding
