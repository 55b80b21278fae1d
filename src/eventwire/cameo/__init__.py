"""CAMEO dictionary coding: read PETRARCH/TABARI dictionaries and code English text with them.

Users with existing CAMEO actor, agent, verb and discard dictionaries load them here and code
their own text (``eventwire cameo code``); the result can become eventwire events through the
CAMEO-to-PLOVER table (:mod:`eventwire.cameo.plover`). Independent of eventwire's own coder.
"""

from eventwire.cameo.actors import ActorDictionary, ActorEntry, DatedCode
from eventwire.cameo.agents import Agent, AgentDictionary
from eventwire.cameo.clauses import CommaOptions
from eventwire.cameo.coder import CameoCoder, CodedEvent, CodedSentence, CoderOptions
from eventwire.cameo.discards import Discard, DiscardList
from eventwire.cameo.source import DictionaryError
from eventwire.cameo.verbs import VerbBlock, VerbDictionary, VerbForm

__all__ = [
    "ActorDictionary",
    "ActorEntry",
    "Agent",
    "AgentDictionary",
    "CameoCoder",
    "CodedEvent",
    "CodedSentence",
    "CoderOptions",
    "CommaOptions",
    "DatedCode",
    "DictionaryError",
    "Discard",
    "DiscardList",
    "VerbBlock",
    "VerbDictionary",
    "VerbForm",
]
