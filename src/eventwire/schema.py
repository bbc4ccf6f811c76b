"""The flat event record: the stable output schema of eventwire (README, "Event record").

One function turns an :class:`~eventwire.records.Event` into the dictionary that the CLI
prints as JSON Lines and CSV, and that the store and exporters use. Field names and
meanings are stable; new fields are only ever added at the end.
"""

from __future__ import annotations

from eventwire.records import Actor, Event, Place, Span

#: The flat columns in output order (CSV header, table columns, store columns).
EVENT_FIELDS: tuple[str, ...] = (
    "event_id",
    "doc_id",
    "sentence_index",
    "sentence",
    "date",
    "publication_date",
    "date_expression",
    "date_method",
    "source",
    "source_text",
    "source_country",
    "source_how",
    "target",
    "target_text",
    "target_country",
    "target_how",
    "cameo",
    "cameo_name",
    "plover",
    "plover_mode",
    "plover_context",
    "quad_class",
    "goldstein",
    "negated",
    "intent",
    "conditional",
    "reported",
    "historical",
    "trigger",
    "source_span",
    "target_span",
    "trigger_span",
    "confidence",
    "num_mentions",
    "mentions",
    "location",
    "doc_url",
    "doc_source",
)


def _span(span: Span | None) -> list[int] | None:
    return span.as_list() if span is not None else None


def _place(place: Place | None) -> dict[str, object] | None:
    if place is None:
        return None
    return {
        "name": place.name,
        "feature_type": place.feature_type,
        "country": place.country,
        "fips": place.fips,
        "adm1": place.adm1,
        "lat": place.lat,
        "lon": place.lon,
        "geonames_id": place.geonames_id,
        "method": place.method,
        "text": place.text,
    }


def _actor_fields(prefix: str, actor: Actor) -> dict[str, object]:
    return {
        prefix: actor.code,
        f"{prefix}_text": actor.text,
        f"{prefix}_country": actor.country,
        f"{prefix}_how": actor.how,
    }


def event_to_dict(event: Event) -> dict[str, object]:
    d: dict[str, object] = {
        "event_id": event.event_id,
        "doc_id": event.doc_id,
        "sentence_index": event.sentence_index,
        "sentence": event.sentence,
        "date": event.date.date.isoformat() if event.date.date else None,
        "publication_date": event.date.publication_date.isoformat() if event.date.publication_date else None,
        "date_expression": event.date.expression,
        "date_method": event.date.method,
    }
    d.update(_actor_fields("source", event.source))
    d.update(_actor_fields("target", event.target))
    d.update(
        {
            "cameo": event.cameo,
            "cameo_name": event.cameo_name,
            "plover": event.plover,
            "plover_mode": event.plover_mode,
            "plover_context": event.plover_context,
            "quad_class": event.quad_class,
            "goldstein": event.goldstein,
            "negated": event.modality.negated,
            "intent": event.modality.intent,
            "conditional": event.modality.conditional,
            "reported": event.modality.reported,
            "historical": event.modality.historical,
            "trigger": event.trigger.text,
            "source_span": _span(event.source.span),
            "target_span": _span(event.target.span),
            "trigger_span": _span(event.trigger),
            "confidence": round(event.confidence, 3),
            "num_mentions": event.num_mentions,
            "mentions": [
                {
                    "sentence_index": m.sentence_index,
                    "trigger_span": _span(m.trigger),
                    "source_span": _span(m.source),
                    "target_span": _span(m.target),
                }
                for m in event.mentions
            ],
            "location": _place(event.location),
            "doc_url": event.doc_url,
            "doc_source": event.doc_source,
        }
    )
    return d
