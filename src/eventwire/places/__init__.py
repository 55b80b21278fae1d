"""Places: offline gazetteer of GeoNames cities for resolving place names to coordinates."""

from eventwire.places.gazetteer import Gazetteer, MatchNames, PlaceCandidate, StopName
from eventwire.places.normalize import normalize

__all__ = ["Gazetteer", "MatchNames", "PlaceCandidate", "StopName", "normalize"]
