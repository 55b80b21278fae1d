"""Syndicated copies: which documents reprint one wire story, so it counts once as a source.

Uses :mod:`eventwire.dedup` (MinHash over word 5-shingles, datasketch) when it is installed,
and otherwise an exact Jaccard index of the same shingles, which is slower on large stores but
needs nothing. Each document is compared with the documents seen before it (first published
first) and points at the first document of its story; MinHash signatures are returned as bytes
so a store can keep them and an incremental run does not hash old texts again.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

_WORD = re.compile(r"[^\W_]+")
SHINGLE_WORDS = 5
LSH_SLACK = 0.2


@dataclass(frozen=True)
class CopyRecord:
    """What fusion remembers about one document."""

    document_id: str
    content_hash: str
    copy_of: str | None
    """The first document of the wire story this one copies; None for an original."""
    similarity: float | None
    signature: bytes | None
    scheme: str


class _Index(Protocol):
    scheme: str

    def sign(self, text: str) -> Any: ...
    def find(self, signature: Any) -> list[tuple[str, float]]: ...
    def add(self, doc_id: str, signature: Any) -> None: ...
    def to_bytes(self, signature: Any) -> bytes | None: ...
    def from_bytes(self, data: bytes) -> Any: ...


class MinHashIndex:
    """:class:`eventwire.dedup.NearDuplicateIndex` behind the small interface used here."""

    def __init__(self, threshold: float) -> None:
        # Imported here: eventwire.dedup needs numpy and datasketch (the 'ingest' extra).
        from eventwire.dedup import DedupOptions, NearDuplicateIndex

        # LSH finds a pair just above its threshold only with some probability; asking it at
        # a lower threshold and filtering by the estimated similarity keeps those pairs.
        self.threshold = threshold
        self._index = NearDuplicateIndex(DedupOptions(threshold=max(0.05, threshold - LSH_SLACK),
                                                      shingle_words=SHINGLE_WORDS))
        o = self._index.options
        self.scheme = f"minhash/{self._index.scheme}/{o.num_perm}/{o.shingle_words}/{o.seed}"

    def sign(self, text: str) -> Any:
        return self._index.signature(text)

    def find(self, signature: Any) -> list[tuple[str, float]]:
        if signature is None:
            return []
        return [m for m in self._index.find_signature(signature) if m[1] >= self.threshold]

    def add(self, doc_id: str, signature: Any) -> None:
        if signature is not None:
            self._index.add_signature(doc_id, signature)

    def to_bytes(self, signature: Any) -> bytes | None:
        return None if signature is None else bytes(signature.astype("<u8").tobytes())

    def from_bytes(self, data: bytes) -> Any:
        import numpy as np

        return np.frombuffer(data, dtype="<u8").astype(np.uint64)


def shingles(text: str, size: int = SHINGLE_WORDS) -> frozenset[str]:
    """Runs of ``size`` normalised words (NFKC, case-folded); a shorter text is one shingle."""
    words = _WORD.findall(unicodedata.normalize("NFKC", text).casefold())
    if len(words) <= size:
        return frozenset({" ".join(words)} if words else ())
    return frozenset(" ".join(words[i:i + size]) for i in range(len(words) - size + 1))


class ShingleIndex:
    """Exact Jaccard of word 5-shingles through an inverted index; nothing to store."""

    scheme = f"shingles/{SHINGLE_WORDS}"

    def __init__(self, threshold: float) -> None:
        self.threshold = threshold
        self._sets: dict[str, frozenset[str]] = {}
        self._postings: dict[str, set[str]] = defaultdict(set)

    def sign(self, text: str) -> frozenset[str]:
        return shingles(text)

    def find(self, signature: frozenset[str]) -> list[tuple[str, float]]:
        shared: dict[str, int] = defaultdict(int)
        for gram in signature:
            for doc_id in self._postings.get(gram, ()):
                shared[doc_id] += 1
        found = []
        for doc_id, n in shared.items():
            score = n / len(signature | self._sets[doc_id])
            if score >= self.threshold:
                found.append((doc_id, round(score, 4)))
        return sorted(found, key=lambda item: (-item[1], item[0]))

    def add(self, doc_id: str, signature: frozenset[str]) -> None:
        if signature:
            self._sets[doc_id] = signature
            for gram in signature:
                self._postings[gram].add(doc_id)

    def to_bytes(self, signature: Any) -> bytes | None:
        return None

    def from_bytes(self, data: bytes) -> Any:
        raise ValueError("shingle sets are not stored")


def new_index(threshold: float, *, exact: bool = False) -> _Index:
    """MinHash when datasketch is installed (or exact shingles when asked for)."""
    if not exact:
        try:
            return MinHashIndex(threshold)
        except ImportError:
            pass
    return ShingleIndex(threshold)


def detect_copies(new: Iterable[tuple[str, str, str]], known: Iterable[CopyRecord],
                  texts: Callable[[list[str]], Mapping[str, str]],
                  threshold: float = 0.5, *, exact: bool = False) -> list[CopyRecord]:
    """Records for ``new`` documents, given as (id, content hash, text) in canonical order.

    ``known`` are the records of documents seen in earlier runs; ``texts`` returns the text of
    those whose stored signature this index cannot use, so it can hash them again.
    """
    index = new_index(threshold, exact=exact)
    root: dict[str, str] = {}
    stale: list[str] = []
    for record in known:
        root[record.document_id] = record.copy_of or record.document_id
        if record.signature is not None and record.scheme == index.scheme:
            index.add(record.document_id, index.from_bytes(record.signature))
        else:
            stale.append(record.document_id)
    for doc_id, text in sorted(texts(stale).items()) if stale else ():
        index.add(doc_id, index.sign(text))
    records = []
    for doc_id, digest, text in new:
        signature = index.sign(text)
        matches = [m for m in index.find(signature) if m[0] != doc_id]
        copy_of = similarity = None
        if matches:
            first, similarity = matches[0]
            copy_of = root.get(first, first)
        root[doc_id] = copy_of or doc_id
        index.add(doc_id, signature)
        records.append(CopyRecord(doc_id, digest, copy_of, similarity,
                                  index.to_bytes(signature), index.scheme))
    return records
