"""Actors: who the noun phrases of a text are, as CAMEO-style codes.

The knowledge base (:mod:`eventwire.actors.knowledge`) says what names, places, groups,
persons and role words stand for; user dictionaries (:mod:`eventwire.actors.dictionaries`)
extend it; the resolver (:mod:`eventwire.actors.resolve`) applies it to parsed text, reading
role words and peoples with :mod:`eventwire.actors.roles`, references to actors named
elsewhere with :mod:`eventwire.actors.references`, and the word lists of
:mod:`eventwire.actors.vocabulary`.
"""

from eventwire.actors.dictionaries import load_dictionary
from eventwire.actors.knowledge import ActorKB, KBEntry, RoleWord

__all__ = ["ActorKB", "KBEntry", "RoleWord", "load_dictionary"]
