"""Ids and copies for engines without a store: the store's rules, applied in input order.

The local engine gets these decisions from the store (``save_document`` and the writer). The
Spark engine has no store, so its driver walks the coded documents' small metadata in input
order and applies the same rules: the same text or URL again is stored once; a near-duplicate
of a kept article is a copy of it; an id another kept text already has gets a piece of the
text's hash, as ``eventwire.store.writes`` does. Only ids, hashes and 1 KiB signatures travel
to the driver, never texts.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from eventwire.batch.writer import as_array


@dataclass(frozen=True)
class Seen:
    """What the driver needs of one coded document, in input order."""

    name: str
    doc_id: str
    url: str | None
    content_hash: str
    signature: bytes | None


@dataclass(frozen=True)
class Decision:
    name: str
    status: str
    """``inserted``, ``unchanged`` (the same text or URL came earlier) or ``copy``."""
    document_id: str
    similarity: float | None = None


def free_id(wanted: str, digest: str, taken: set[str]) -> str:
    """The store's rule for a taken id: the id plus a piece of the hash, then a number."""
    candidates = [wanted or "document", f"{wanted}-{digest[:8]}"]
    candidates += [f"{wanted}-{digest[:8]}-{n}" for n in range(2, 100)]
    return next(c for c in candidates if c not in taken)


def decide(items: Iterable[Seen], index: Any) -> Iterator[Decision]:
    """One decision per document; ``index`` is a near-duplicate index or None."""
    by_url: dict[str, str] = {}
    by_hash: dict[str, str] = {}
    copies: dict[str, str] = {}
    taken: set[str] = set()
    for item in items:
        known = (by_url.get(item.url) if item.url else None) or by_hash.get(item.content_hash)
        if known is not None:
            yield Decision(item.name, "unchanged", known)
            continue
        copy_of = (copies.get(item.url) if item.url else None) or copies.get(item.content_hash)
        if copy_of is not None:
            yield Decision(item.name, "copy", copy_of)
            continue
        if index is not None and item.signature is not None:
            matches = index.find_signature(as_array(item.signature))
            if matches:
                article, similarity = matches[0]
                copies[item.content_hash] = article
                if item.url:
                    copies[item.url] = article
                yield Decision(item.name, "copy", article, similarity)
                continue
        document_id = free_id(item.doc_id, item.content_hash, taken)
        taken.add(document_id)
        by_hash[item.content_hash] = document_id
        if item.url:
            by_url[item.url] = document_id
        if index is not None and item.signature is not None:
            index.add_signature(document_id, item.signature)
        yield Decision(item.name, "inserted", document_id)
