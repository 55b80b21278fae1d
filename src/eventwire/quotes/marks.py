"""Pair quotation marks of every style into spans of quoted text."""

from __future__ import annotations

from eventwire.langpacks.schema import QuotePair


def quoted_spans(
    text: str, pairs: list[QuotePair], start: int = 0, end: int | None = None, max_len: int = 3000
) -> list[tuple[int, int]]:
    """(open, close) character positions of quoted passages, outermost, left to right.

    A mark opens a quote when a closing mark of its style follows within ``max_len`` characters
    and before the paragraph ends; the closest fitting closer wins.
    """
    end = len(text) if end is None else end
    closers: dict[str, list[str]] = {}
    for p in pairs:
        closers.setdefault(p.open, []).append(p.close)
    spans: list[tuple[int, int]] = []
    i = start
    while i < end:
        ch = text[i]
        if ch in closers and (i == 0 or not text[i - 1].isalnum() or ch != '"'):
            limit = min(end, i + max_len)
            newline = text.find("\n", i + 1, limit)
            if newline != -1:
                limit = newline
            best = -1
            for close in closers[ch]:
                j = text.find(close, i + 1, limit)
                if j != -1 and (best == -1 or j < best):
                    best = j
            if best != -1 and best > i + 1:
                spans.append((i, best))
                i = best + 1
                continue
        i += 1
    return spans
