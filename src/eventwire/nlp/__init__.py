"""The nlp stage: sentence split, tokens, dependency parse and entities with spaCy.

The spaCy ``Doc`` never leaves ``nlp/`` and ``extract/``.
"""

from eventwire.nlp.model import load_model, parse

__all__ = ["load_model", "parse"]
