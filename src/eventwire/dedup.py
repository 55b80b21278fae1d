"""Near-duplicate articles: syndicated copies of one wire story found by MinHash/LSH.

A wire story runs on dozens of sites, each with its own headline, byline, intro and links. Coded
separately, every copy would add the same events again. This index finds copies by the
estimated Jaccard similarity of word shingles of the normalised text (datasketch, MIT), so a
store can keep a copy as a further source of the first article, as GDELT's Mentions table does,
instead of counting its events twice. Two different reports of the same event share words and
names but few runs of five words, so they stay apart.

Signatures are deterministic (fixed seed, fixed hash function), so an index can be rebuilt or
extended in another process, and it persists to a file without pickle (``save``/``load``) or
per document as bytes (``signature_bytes``/``add_signature``), for a store that keeps
signatures in its own table.
"""

from __future__ import annotations

import importlib
import io
import json
import re
import unicodedata
import zipfile
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from eventwire.errors import InputError

FORMAT = "eventwire-minhash/1"
LSH_MAX_THRESHOLD = 0.9
_WORD = re.compile(r"[^\W_]+")
Signature = npt.NDArray[np.uint64]


@dataclass(frozen=True)
class DedupOptions:
    """Every setting of the index; the last three must match between index and signatures."""

    threshold: float = 0.5
    """Estimated Jaccard similarity at or above which two texts are copies of one article.
    Syndicated copies with their own intro, byline and outro score 0.6-0.9; different reports
    of one event stay below 0.2."""

    num_perm: int = 128
    """MinHash permutations: more is more precise and slower (error about 1/sqrt(num_perm))."""

    shingle_words: int = 5
    """Words per shingle; shorter shingles make different reports of one event look alike."""

    seed: int = 1


@dataclass(frozen=True)
class Match:
    doc_id: str
    jaccard: float


def words(text: str) -> list[str]:
    """Normalised words: NFKC, case-folded, punctuation and markup spacing ignored."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def shingles(text: str, size: int) -> set[bytes]:
    """Runs of ``size`` consecutive words; a shorter text is one shingle."""
    tokens = words(text)
    if len(tokens) <= size:
        return {" ".join(tokens).encode()} if tokens else set()
    return {" ".join(tokens[i:i + size]).encode() for i in range(len(tokens) - size + 1)}


def _datasketch() -> Any:
    try:
        return importlib.import_module("datasketch")
    except ImportError as exc:
        raise ImportError("near-duplicate detection needs the optional extra 'ingest': "
                          "pip install 'eventwire[ingest]'") from exc


class NearDuplicateIndex:
    """Documents by MinHash signature; ``find`` answers which known documents a text copies."""

    def __init__(self, options: DedupOptions | None = None) -> None:
        self.options = options or DedupOptions()
        if not 0.0 < self.options.threshold <= 1.0:
            raise ValueError(f"threshold must be in (0, 1], not {self.options.threshold}")
        self._ds = _datasketch()
        template = self._ds.MinHash(num_perm=self.options.num_perm, seed=self.options.seed)
        self.scheme: str = getattr(template, "scheme", "legacy")
        self._permutations = template.permutations
        # The LSH only proposes candidates; each is then checked against the threshold, so a
        # lower LSH threshold costs a little time, never precision (and datasketch cannot
        # band for thresholds near 1).
        self._lsh = self._ds.MinHashLSH(threshold=min(self.options.threshold, LSH_MAX_THRESHOLD),
                                        num_perm=self.options.num_perm)
        self._signatures: dict[str, Signature] = {}

    def __len__(self) -> int:
        return len(self._signatures)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._signatures

    def signature(self, text: str) -> Signature | None:
        """The MinHash of the text's shingles; ``None`` for a text without words."""
        grams = shingles(text, self.options.shingle_words)
        if not grams:
            return None
        minhash = self._new_minhash()
        minhash.update_batch(sorted(grams))
        return np.asarray(minhash.hashvalues, dtype=np.uint64)

    def add(self, doc_id: str, text: str) -> None:
        """Index a document (again: a known id is replaced). Texts without words are skipped."""
        signature = self.signature(text)
        if signature is not None:
            self.add_signature(doc_id, signature)

    def add_signature(self, doc_id: str, signature: Signature | bytes) -> None:
        values = self._check(np.frombuffer(signature, dtype="<u8") if isinstance(
            signature, bytes) else np.asarray(signature, dtype=np.uint64))
        self.remove(doc_id)
        self._lsh.insert(doc_id, self._lean(values))
        self._signatures[doc_id] = values

    def remove(self, doc_id: str) -> None:
        if self._signatures.pop(doc_id, None) is not None:
            self._lsh.remove(doc_id)

    def signature_bytes(self, text: str) -> bytes | None:
        """The signature as bytes (little-endian uint64), for a store to keep per document."""
        signature = self.signature(text)
        return None if signature is None else signature.astype("<u8").tobytes()

    def find(self, text: str) -> list[tuple[str, float]]:
        """Known documents the text copies, as (id, estimated Jaccard), most similar first."""
        signature = self.signature(text)
        return [] if signature is None else self.find_signature(signature)

    def find_signature(self, signature: Signature) -> list[tuple[str, float]]:
        values = self._check(np.asarray(signature, dtype=np.uint64))
        found = []
        for doc_id in self._lsh.query(self._lean(values)):
            score = float(np.mean(self._signatures[doc_id] == values))
            if score >= self.options.threshold:
                found.append((str(doc_id), round(score, 4)))
        return sorted(found, key=lambda item: (-item[1], item[0]))

    def match_or_add(self, doc_id: str, text: str) -> Match | None:
        """The article this text copies; when it copies none, the text is indexed as new."""
        signature = self.signature(text)
        if signature is None:
            return None
        found = [m for m in self.find_signature(signature) if m[0] != doc_id]
        if found:
            return Match(*found[0])
        self.add_signature(doc_id, signature)
        return None

    def to_bytes(self) -> bytes:
        """The index as a NumPy ``.npz`` archive: ids, signatures and options, no pickle."""
        ids = sorted(self._signatures)
        meta = {"format": FORMAT, "scheme": self.scheme, **asdict(self.options)}
        hashes = (np.stack([self._signatures[i] for i in ids]) if ids
                  else np.zeros((0, self.options.num_perm), dtype=np.uint64))
        buffer = io.BytesIO()
        np.savez_compressed(buffer, ids=np.array(ids, dtype=str), hashes=hashes,
                            meta=np.array(json.dumps(meta)))
        return buffer.getvalue()

    def save(self, path: Path) -> None:
        Path(path).write_bytes(self.to_bytes())

    @classmethod
    def from_bytes(cls, data: bytes, name: str = "index", threshold: float | None = None
                   ) -> NearDuplicateIndex:
        """An index as saved; ``threshold`` may differ from the saved one, nothing else may."""
        try:
            with np.load(io.BytesIO(data), allow_pickle=False) as archive:
                meta = json.loads(str(archive["meta"]))
                ids = [str(i) for i in archive["ids"]]
                hashes = np.asarray(archive["hashes"], dtype=np.uint64)
        except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile) as exc:
            raise InputError(name, f"not a near-duplicate index ({exc})") from exc
        if not isinstance(meta, dict) or meta.get("format") != FORMAT:
            raise InputError(name, f"not a near-duplicate index in the {FORMAT} format")
        fields = {k: meta[k] for k in ("threshold", "num_perm", "shingle_words", "seed")
                  if k in meta}
        if threshold is not None:
            fields["threshold"] = threshold
        try:
            index = cls(DedupOptions(**fields))
        except (TypeError, ValueError) as exc:
            raise InputError(name, f"the saved options are invalid ({exc})") from exc
        if meta.get("scheme") != index.scheme:
            raise InputError(name, f"signatures made with MinHash scheme {meta.get('scheme')!r}, "
                                   f"this datasketch makes {index.scheme!r}: rebuild the index")
        if hashes.shape != (len(ids), index.options.num_perm):
            raise InputError(name, "ids and signatures do not match")
        for doc_id, values in zip(ids, hashes, strict=True):
            index.add_signature(doc_id, values)
        return index

    @classmethod
    def load(cls, path: Path, threshold: float | None = None) -> NearDuplicateIndex:
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from exc
        return cls.from_bytes(data, str(path), threshold)

    @classmethod
    def build(cls, docs: Iterable[tuple[str, str]], options: DedupOptions | None = None
              ) -> NearDuplicateIndex:
        """An index of (id, text) pairs, for rebuilding from a store's texts."""
        index = cls(options)
        for doc_id, text in docs:
            index.add(doc_id, text)
        return index

    def _new_minhash(self) -> Any:
        kwargs: dict[str, Any] = {"num_perm": self.options.num_perm, "seed": self.options.seed,
                                  "permutations": self._permutations}
        if self.scheme != "legacy":
            kwargs["scheme"] = self.scheme
        return self._ds.MinHash(**kwargs)

    def _lean(self, values: Signature) -> Any:
        """A light MinHash around stored values, as the LSH wants one."""
        if self.scheme == "legacy":
            return self._ds.LeanMinHash(seed=self.options.seed, hashvalues=values)
        return self._ds.LeanMinHash(seed=self.options.seed, hashvalues=values,
                                    scheme=self.scheme)

    def _check(self, values: Signature) -> Signature:
        if values.shape != (self.options.num_perm,):
            raise ValueError(f"a signature has {self.options.num_perm} values, "
                             f"not {values.shape}")
        return values
