"""Fusion: reports of one real-world event, across articles and languages, as one fused event.

>>> result = service.fuse(store)                        # doctest: +SKIP
>>> rows, total = service.fused_events(store)           # doctest: +SKIP
>>> service.claims(store, rows[0]["id"]).disagreements  # doctest: +SKIP

``service`` holds the functions for the CLI, the API and the UI; ``docs/fusion.md`` explains
matching, claims and dyads. Submodules are imported on use, so importing this package stays
cheap.
"""

from __future__ import annotations

from eventwire.fusion.options import FusionOptions

__all__ = ["FusionOptions"]
