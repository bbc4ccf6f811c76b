"""Where events happened: a gazetteer and GDELT-style action geography.

    from eventwire.geo import Geocoder
    geo = Geocoder.load(settings)                      # once per process (~1 s)
    context = geo.document_context(doc.text, entities)  # once per document
    place = geo.locate(clause, context, actor_countries=(src, tgt), fallback=is_conflict)

Nothing is loaded at import time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from eventwire.geo.context import GeoContext
from eventwire.geo.geocoder import Geocoder

if TYPE_CHECKING:
    from eventwire.geo.evaluation import GeoScore

__all__ = ["GeoContext", "GeoScore", "Geocoder", "evaluate"]


def evaluate(path: Any, **kwargs: Any) -> GeoScore:
    """Score :meth:`Geocoder.locate` on a gold file (see :mod:`eventwire.geo.evaluation`)."""
    from eventwire.geo.evaluation import evaluate as run

    return run(path, **kwargs)


def __getattr__(name: str) -> Any:
    if name == "GeoScore":
        from eventwire.geo.evaluation import GeoScore

        return GeoScore
    raise AttributeError(name)
