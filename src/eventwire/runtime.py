"""Process settings for coding many documents in one process.

Coding allocates a few hundred small objects per document (tokens, mentions, spans) that live
as long as the document. With CPython's default collector threshold (700 allocations) the
cyclic garbage collector runs every few sentences and walks, besides them, everything the
process holds for good: the knowledge base, the lexicons, the gazetteer. Measured with
``benchmarks/bench_throughput.py`` that was about a sixth of the coding time. The fix is the
usual one for long-running Python services: move what is loaded out of the collector's view
(``gc.freeze``) and let the youngest generation grow larger before a pass. Garbage is still
collected; cycles are rare in eventwire's documents.
"""

from __future__ import annotations

import gc

YOUNG_GENERATION = 50_000
_settled = False


def settle_for_coding() -> None:
    """Call once the pipeline's resources are loaded, before coding a stream of documents;
    later calls in the same process do nothing."""
    global _settled
    if _settled:
        return
    _settled = True
    gc.collect()
    gc.freeze()
    young, middle, old = gc.get_threshold()
    gc.set_threshold(max(YOUNG_GENERATION, young), middle, old)
