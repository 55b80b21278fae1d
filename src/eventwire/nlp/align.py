"""Map a parser's tokens onto eventwire's tokens by character offsets.

The two tokenisers disagree ("Russia's" is one eventwire token and two parser tokens; "Oct." is
one parser token and two eventwire tokens), so the mapping works on overlaps, never on counts:
each eventwire token takes the syntax of the parser token that heads the pieces it owns, and a
head outside those pieces is followed up to the first parser token another eventwire token owns.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

MERGED = "subtok"  # dependency label for an eventwire token inside a longer parser token


@dataclass(frozen=True, slots=True)
class ParsedToken:
    """A parser token with absolute offsets; ``head`` indexes the same parsed list."""

    start: int
    end: int
    pos: str
    head: int
    dep: str


@dataclass(frozen=True, slots=True)
class Syntax:
    """What one eventwire token learns from the parse; ``head`` is an eventwire index."""

    pos: str
    head: int
    dep: str


def _owners(spans: Sequence[tuple[int, int]], parsed: Sequence[ParsedToken]) -> list[int | None]:
    """For each parsed token, the eventwire token it overlaps most (None when it overlaps none)."""
    owners: list[int | None] = []
    k = 0
    for p in parsed:
        while k < len(spans) and spans[k][1] <= p.start:
            k += 1
        best: int | None = None
        best_overlap = 0
        j = k
        while j < len(spans) and spans[j][0] < p.end:
            overlap = min(spans[j][1], p.end) - max(spans[j][0], p.start)
            if overlap > best_overlap:
                best, best_overlap = j, overlap
            j += 1
        owners.append(best)
    return owners


def _outside_head(
    j: int, mine: int, owners: list[int | None], parsed: Sequence[ParsedToken]
) -> int:
    """Follow heads from parsed token ``j`` to an eventwire token other than ``mine``.

    Returns ``mine`` when the chain ends at the root inside the token's own pieces."""
    seen = {j}
    h = parsed[j].head
    while h not in seen:
        owner = owners[h]
        if owner is not None and owner != mine:
            return owner
        seen.add(h)
        h = parsed[h].head
    return mine


def _depths(parsed: Sequence[ParsedToken]) -> list[int]:
    """Distance of each parsed token from its root (a broken head chain counts as a root)."""
    depths: list[int | None] = [None] * len(parsed)
    for j in range(len(parsed)):
        chain: list[int] = []
        k = j
        while depths[k] is None and k not in chain and parsed[k].head != k:
            chain.append(k)
            k = parsed[k].head
        known = depths[k]
        base = 0 if known is None else known
        depths[k] = base
        for n, c in enumerate(reversed(chain), 1):
            depths[c] = base + n
    return [d or 0 for d in depths]


def align(spans: Sequence[tuple[int, int]], parsed: Sequence[ParsedToken]) -> list[Syntax | None]:
    """Syntax for each eventwire token span (sorted, non-overlapping), None where no parser
    token overlaps it. Indices in the result are positions in ``spans``.

    An eventwire token speaks for its piece nearest the root, so the mapped heads still form
    a tree: following them, the depth of the representative pieces always decreases."""
    owners = _owners(spans, parsed)
    depths = _depths(parsed)
    pieces: list[list[int]] = [[] for _ in spans]
    for j, owner in enumerate(owners):
        if owner is not None:
            pieces[owner].append(j)
    result: list[Syntax | None] = []
    k = 0
    for i, (start, end) in enumerate(spans):
        own = pieces[i]
        if own:
            rep = min(own, key=lambda j: (depths[j], parsed[j].pos == "PUNCT", j))
            head = _outside_head(rep, i, owners, parsed)
            dep = parsed[rep].dep if head != i else "ROOT"
            result.append(Syntax(parsed[rep].pos, head, dep))
            continue
        while k < len(parsed) and parsed[k].end <= start:
            k += 1
        cover = k if k < len(parsed) and parsed[k].start < end else None
        host = owners[cover] if cover is not None else None
        if cover is None or host is None:
            result.append(None)
        else:  # a piece of a longer parser token ("." of "Oct."): attach it to that token's owner
            result.append(Syntax(parsed[cover].pos, host, MERGED))
    return result
