"""The standard pipeline, in the order the stages need each other."""

from __future__ import annotations

import functools

from eventwire.pipeline.actors import ActorRecogniser
from eventwire.pipeline.analyse import Analyser
from eventwire.pipeline.base import Pipeline
from eventwire.pipeline.dates import DateNormaliser
from eventwire.pipeline.events import EventCoder
from eventwire.pipeline.places import PlaceResolver
from eventwire.pipeline.prune import GenericActorPruner
from eventwire.pipeline.quotes import QuoteExtractor
from eventwire.pipeline.relays import RelayResolver
from eventwire.pipeline.segment import Segmenter


@functools.cache
def default_pipeline() -> Pipeline:
    """segment -> analyse -> actors -> dates -> places -> quotes -> events -> relays -> prune."""
    return Pipeline(
        [
            Segmenter(),
            Analyser(),
            ActorRecogniser(),
            DateNormaliser(),
            PlaceResolver(),
            QuoteExtractor(),
            EventCoder(),
            RelayResolver(),
            GenericActorPruner(),
        ]
    )
