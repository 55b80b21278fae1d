"""Offline city gazetteer: surface form in, ranked GeoNames cities out.

The shipped table (``data/cities.tsv.gz``, built by ``tools/build_gazetteer.py``) holds every
GeoNames city over 15,000 inhabitants with its Latin-script alternate names. Loading turns it
into a single dict from normalised key to a pre-ranked tuple of candidates, so a lookup is one
normalisation plus at most three dict probes, and a recogniser can scan token n-grams against
:meth:`Gazetteer.names_for_matching` without touching the candidates at all.

Ranking is a score, not a lexicographic order: ``log10(population)``, plus 0.7 when the
surface is the city's own name rather than one of its alternates, plus, for own-name matches
only, a bonus for national capitals (+2, so Washington DC beats every other Washington), seats
of government and admin seats. Alternate names earn no status bonus because they include
historical names: "Philadelphia" must not go to Amman nor "Victoria" to Hong Kong. The own-name
bonus is worth a factor of 5 in population, so "Odessa" still goes to Odesa, Ukraine
(alternate name, 1M) rather than Odessa, Texas (own name, 114k).
"""

from __future__ import annotations

import gzip
import math
import threading
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Final, Literal, cast

import yaml

from eventwire.places.normalize import NORMALIZATION_VERSION, normalize

StopKind = Literal["never", "ambiguous_common_word", "ambiguous_name"]
STOP_KINDS: Final[frozenset[str]] = frozenset({"never", "ambiguous_common_word", "ambiguous_name"})

FORMAT_VERSION: Final = 1
_ALT_SEPARATOR: Final = "|"
_N_COLUMNS: Final = 9

# Score components; see the module docstring for why these sizes.
_CANONICAL_BONUS: Final = 0.7
_FEATURE_BONUS: Final[Mapping[str, float]] = {
    "PPLC": 2.0,   # capital of a country
    "PPLG": 1.0,   # seat of government (The Hague, La Paz)
    "PPLA": 0.3,   # first-order admin seat
    "PPLA2": 0.1,
    "PPLX": -0.5,  # section of a city: should not shadow a city of the same name
    "PPLH": -1.0,  # historical, abandoned, destroyed
    "PPLQ": -1.0,
    "PPLW": -1.0,
}
_MIN_GENITIVE_STEM: Final = 3


@dataclass(frozen=True, slots=True)
class PlaceCandidate:
    """One city a surface form may refer to."""

    geonameid: int
    name: str
    country: str
    """ISO 3166-1 alpha-3."""
    lat: float
    lon: float
    population: int
    feature_code: str
    """GeoNames feature code: PPLC capital, PPLA admin seat, PPL ordinary place, ..."""
    is_capital: bool
    admin1: str = ""
    """GeoNames first-order admin code within the country (e.g. 'DC', '16')."""


@dataclass(frozen=True, slots=True)
class StopName:
    """A place name that is also a word, a person or a region, from ``data/stopnames.yaml``."""

    name: str
    kind: StopKind
    """``never``: not a place when it stands alone (lookup returns nothing);
    ``ambiguous_common_word`` / ``ambiguous_name``: a newsworthy city whose name is also an
    everyday word ("Essen") or a person, country or region ("Austin", "Panama"), so a
    recogniser should want context before taking it as the city."""
    reason: str
    lang: str = ""
    """Where the clash matters: "de", "en" or "de en"."""

    @property
    def blocks(self) -> bool:
        """True when the name never stands for a place on its own."""
        return self.kind == "never"


@dataclass(frozen=True, slots=True)
class MatchNames:
    """Everything an n-gram scanner needs, without the candidates.

    ``keys`` holds every normalised name that :meth:`Gazetteer.lookup` can answer (blocked
    stop names removed); ``max_tokens`` bounds the n-gram length, and ``max_tokens_by_first``
    bounds it per first token so most start positions need one probe.
    """

    keys: frozenset[str] = field(repr=False)
    max_tokens: int
    max_tokens_by_first: Mapping[str, int] = field(repr=False)

    def __contains__(self, key: object) -> bool:
        return key in self.keys

    def span_limit(self, first: str) -> int:
        """Longest n-gram worth trying from a normalised token; 0 when nothing can start there.

        A one-word genitive ("moskaus") is allowed for, so a scanner that tries spans from
        this limit down to 1 and hands each span to :meth:`Gazetteer.resolve_key` misses no
        name the gazetteer knows; multi-word genitives ("den haags") start with a known token.
        """
        limit = self.max_tokens_by_first.get(first, 0)
        if limit == 0 and first.endswith("s") and first[:-1] in self.keys:
            return 1
        return limit


def _score(population: int, feature_code: str, canonical: bool) -> float:
    """Ranking score; higher is better. See the module docstring for the weights."""
    status = _FEATURE_BONUS.get(feature_code, 0.0)
    if canonical:
        return math.log10(population + 1) + status + _CANONICAL_BONUS
    return math.log10(population + 1) + min(status, 0.0)


def _read_text(path: Path | None) -> str:
    if path is not None:
        data = path.read_bytes()
    else:
        data = resources.files("eventwire.places").joinpath("data/cities.tsv.gz").read_bytes()
    return gzip.decompress(data).decode("utf-8")


def _read_rows(path: Path | None) -> tuple[str, Iterator[list[str]]]:
    """Header line and rows of the shipped TSV, after checking the format version.

    The whole file is read at once: it is a few MB decompressed, and one ``split`` is much
    faster than iterating a text wrapper line by line.
    """
    header, _columns, body = _read_text(path).split("\n", 2)
    if f"format={FORMAT_VERSION} " not in header:
        raise ValueError(f"unsupported gazetteer file header: {header.strip()!r}")

    def rows() -> Iterator[list[str]]:
        for line in body.split("\n"):
            if not line:
                continue
            cols = line.split("\t")
            if len(cols) != _N_COLUMNS:
                raise ValueError(f"gazetteer row has {len(cols)} columns: {line[:80]!r}")
            yield cols

    return header, rows()


def load_stopnames(path: Path | None = None) -> dict[str, StopName]:
    """Stop names by normalised key; rejects unknown kinds, missing reasons and duplicates."""
    if path is not None:
        text = path.read_text(encoding="utf-8")
    else:
        ref = resources.files("eventwire.places").joinpath("data/stopnames.yaml")
        text = ref.read_text(encoding="utf-8")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    doc = yaml.load(text, Loader=loader)
    entries = doc.get("entries") if isinstance(doc, dict) else None
    if not isinstance(entries, list):
        raise ValueError("stopnames.yaml must be a mapping with an 'entries' list")
    out: dict[str, StopName] = {}
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict):
            raise ValueError(f"stopnames.yaml entry {i} is not a mapping")
        name, kind, reason = entry.get("name"), entry.get("kind"), entry.get("reason")
        if not isinstance(name, str) or not name.strip():
            raise ValueError(f"stopnames.yaml entry {i}: missing name")
        if kind not in STOP_KINDS:
            raise ValueError(f"stopnames.yaml entry {name!r}: kind must be one of {STOP_KINDS}")
        if not isinstance(reason, str) or not reason.strip():
            raise ValueError(f"stopnames.yaml entry {name!r}: a reason is required")
        key = normalize(name)
        if key in out:
            raise ValueError(f"stopnames.yaml: duplicate entry {name!r}")
        out[key] = StopName(name, cast(StopKind, kind), reason.strip(), str(entry.get("lang", "")))
    return out


class Gazetteer:
    """Normalised-key index over the shipped cities, with stop-name guards."""

    __slots__ = ("_capitals", "_index", "_match_names", "_stop")

    def __init__(
        self,
        cities: Iterable[tuple[PlaceCandidate, Iterable[str]]],
        stopnames: Mapping[str, StopName] | None = None,
        *,
        keys_normalized: bool = False,
    ) -> None:
        """Index ``(candidate, alternate names)`` pairs; the candidate's own name counts too.

        ``keys_normalized`` says the alternates are already keys (as in the shipped file),
        which saves normalising ~90,000 strings at start-up.
        """
        cands: list[PlaceCandidate] = []
        own_keys: list[str] = []
        first: dict[str, int] = {}  # key -> position of the first candidate seen
        shared: dict[str, list[int]] = {}  # keys with several candidates, the rarer case
        capitals: dict[str, PlaceCandidate] = {}
        setdefault = first.setdefault
        for cand, alternates in cities:
            i = len(cands)
            cands.append(cand)
            own = normalize(cand.name)
            own_keys.append(own)
            keys = set(alternates) if keys_normalized else {normalize(a) for a in alternates}
            keys.add(own)
            keys.discard("")
            for key in keys:
                got = setdefault(key, i)
                if got != i:
                    more = shared.get(key)
                    if more is None:
                        shared[key] = [got, i]
                    else:
                        more.append(i)
            if cand.is_capital:
                best = capitals.get(cand.country)
                if best is None or cand.population > best.population:
                    capitals[cand.country] = cand

        singles = [(c,) for c in cands]
        index: dict[str, tuple[PlaceCandidate, ...]] = {k: singles[i] for k, i in first.items()}
        for key, positions in shared.items():

            def rank(i: int, key: str = key) -> tuple[float, int, int]:
                c = cands[i]
                score = _score(c.population, c.feature_code, canonical=own_keys[i] == key)
                return (-score, -c.population, c.geonameid)

            index[key] = tuple(cands[i] for i in sorted(positions, key=rank))
        self._stop: dict[str, StopName] = dict(stopnames or {})
        for key, stop in self._stop.items():
            if stop.blocks:
                index.pop(key, None)
        self._index = index
        self._capitals = capitals
        self._match_names: MatchNames | None = None

    @classmethod
    def from_file(
        cls, path: Path | None = None, stopnames_path: Path | None = None
    ) -> Gazetteer:
        """Load a table written by ``tools/build_gazetteer.py`` (default: the shipped one)."""
        header, rows = _read_rows(path)
        current = f"normalization={NORMALIZATION_VERSION} " in header
        return cls(_parse(rows), load_stopnames(stopnames_path), keys_normalized=current)

    @classmethod
    def default(cls) -> Gazetteer:
        """The shipped gazetteer, loaded on first use and shared afterwards (thread-safe)."""
        global _DEFAULT
        if _DEFAULT is None:
            with _DEFAULT_LOCK:
                if _DEFAULT is None:
                    _DEFAULT = cls.from_file()
        return _DEFAULT

    def __len__(self) -> int:
        """Number of distinct lookup keys."""
        return len(self._index)

    def resolve_key(self, surface: str) -> str | None:
        """The index key ``surface`` stands for, allowing a genitive or possessive -s.

        "Moskaus", "Berlins" and "Moscow's" resolve to the bare name only when the -s form is
        not itself a name, and never onto a stop name ("Essens" is the noun's genitive).
        """
        key = normalize(surface)
        if key in self._index:
            return key
        if key in self._stop:
            return None
        for stem in (key[:-2] if key.endswith(" s") else "", key[:-1] if key.endswith("s") else ""):
            if len(stem) >= _MIN_GENITIVE_STEM and stem in self._index and stem not in self._stop:
                return stem
        return None

    def lookup(self, surface: str, *, allow_ambiguous: bool = True) -> list[PlaceCandidate]:
        """Cities ``surface`` may name, best first; empty for unknown or blocked names.

        Names in the stop list's ``never`` section give nothing. The ambiguous kinds
        ("Essen", "Nice", "Austin") are answered only when ``allow_ambiguous`` is true and the
        surface has a capital letter: "nice" and "essen" in lower case are the adjective and the
        verb. Pass the text as written, not a pre-normalised key, or that case signal is lost;
        use :meth:`stopname` to see why a name is flagged.
        """
        key = self.resolve_key(surface)
        if key is None:
            return []
        stop = self._stop.get(key)
        if stop is not None and (not allow_ambiguous or surface == surface.lower()):
            return []
        return list(self._index[key])

    def stopname(self, surface: str) -> StopName | None:
        """The stop-name entry for ``surface``, if any, so callers can demand context."""
        return self._stop.get(normalize(surface))

    def capital_of(self, iso3: str) -> PlaceCandidate | None:
        """The national capital (GeoNames PPLC) of an ISO 3166-1 alpha-3 country."""
        return self._capitals.get(iso3.upper())

    def names_for_matching(self) -> MatchNames:
        """Normalised keys plus n-gram length bounds, computed once."""
        if self._match_names is None:
            by_first: dict[str, int] = {}
            longest = 0
            for key in self._index:
                tokens = key.split(" ")
                n = len(tokens)
                longest = max(longest, n)
                if by_first.get(tokens[0], 0) < n:
                    by_first[tokens[0]] = n
            self._match_names = MatchNames(frozenset(self._index), longest, by_first)
        return self._match_names


def _parse(rows: Iterable[list[str]]) -> Iterator[tuple[PlaceCandidate, list[str]]]:
    for gid, name, country, lat, lon, pop, fcode, admin1, alts in rows:
        cand = PlaceCandidate(
            int(gid), name, country, float(lat), float(lon), int(pop), fcode,
            fcode == "PPLC", admin1,
        )
        yield cand, alts.split(_ALT_SEPARATOR) if alts else []


_DEFAULT: Gazetteer | None = None
_DEFAULT_LOCK = threading.Lock()
