"""Pipeline construction: the stages in their order, per language."""

from eventwire.pipeline.base import Pipeline, Stage

__all__ = ["Pipeline", "Stage"]
