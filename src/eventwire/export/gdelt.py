"""The GDELT 2.0 Events layout: 61 tab-separated columns, one row per event cluster.

The column names come from ``data/ontology/gdelt2-events-columns.txt``. Each row is one
event cluster (:mod:`eventwire.store.clusters`); actor, event and source-URL columns come
from the cluster's representative event (its earliest report), ActionGeo from the
cluster's place. Columns eventwire has no value for are blank. The full mapping is in
``docs/store.md``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime
from functools import lru_cache
from importlib import resources
from typing import TextIO

from eventwire.actors.codes import ROLE_CODES
from eventwire.errors import ExportError, ResourceError
from eventwire.store import Filters, Store
from eventwire.store.query import where

US_FIPS = "US"


@lru_cache(maxsize=1)
def gdelt_columns() -> tuple[str, ...]:
    """The 61 GDELT 2.0 Events column names, in order."""
    text = resources.files("eventwire").joinpath("data/ontology/gdelt2-events-columns.txt").read_text("utf-8")
    names = tuple(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))
    if len(names) != 61:
        raise ResourceError(f"gdelt2-events-columns.txt lists {len(names)} columns, expected 61")
    return names


def global_event_id(cluster_id: str) -> int:
    """A stable integer id for a cluster: the first 60 bits of its MD5 id."""
    return int(cluster_id[:15], 16)


def geo_type(feature_type: str | None, fips: str | None) -> str:
    """GDELT Geo_Type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state."""
    if feature_type is None:
        return ""
    us = fips == US_FIPS
    if feature_type == "country":
        return "1"
    if feature_type == "city":
        return "3" if us else "4"
    return "2" if us else "5"  # region, conflict_region: first-order divisions and areas


def _country_name(iso3: str | None) -> str | None:
    if not iso3:
        return None
    import pycountry

    found = pycountry.countries.get(alpha_3=iso3.upper())
    return getattr(found, "name", None) if found else None


def _num(value: float | None, digits: int = 4) -> str:
    if value is None:
        return ""
    text = f"{round(float(value), digits):.{digits}f}".rstrip("0").rstrip(".")
    return "0" if text in {"-0", ""} else text


def _action_geo(location: object) -> list[str]:
    if isinstance(location, str):
        location = json.loads(location)
    if not isinstance(location, dict):
        return [""] * 8
    fips = location.get("fips")
    name = str(location.get("name") or "")
    country = _country_name(location.get("country"))
    full = name if location.get("feature_type") == "country" or not country or country == name else f"{name}, {country}"
    adm1 = location.get("adm1") or ""
    if adm1 and fips and not str(adm1).startswith(str(fips)):
        adm1 = f"{fips}{adm1}"
    feature = location.get("geonames_id")
    return [
        geo_type(location.get("feature_type"), fips),
        full,
        fips or "",
        str(adm1),
        "",
        _num(location.get("lat")),
        _num(location.get("lon")),
        "" if feature is None else str(feature),
    ]


def _ethnic(code: str, country: str | None, types: list[str]) -> str:
    """The ethnic suffix of a state actor's code: IRQCVLKUR -> KUR."""
    if not country or not code.startswith(country) or country[:3] in ("IGO", "NGO", "IMG"):
        return ""
    rest = code[len(country) + 3 * len(types):]
    if len(rest) != 3 or code != country + "".join(types) + rest or rest in ROLE_CODES:
        return ""  # "USAGOVMIL" with only GOV stored: a second role, not a people
    return rest


def _actor(code: str | None, name: str | None, text: str | None, country: str | None, roles: str | None) -> list[str]:
    known = bool(code) and code != "---"
    types = (roles or "").split()[:3]
    return [
        (code or "") if known else "",
        (name or text or "").upper() if known else "",
        country or "",
        "",  # KnownGroupCode
        _ethnic(code, country, types) if known and code else "",  # EthnicCode
        "",  # Religion1Code
        "",  # Religion2Code
        *(types + [""] * (3 - len(types))),
    ]


def _clean(value: object) -> str:
    return " ".join(str(value).split()) if value is not None else ""


_SQL = """
    SELECT c.cluster_id, c.date_first, c.first_seen, c.num_mentions, c.num_sources, c.num_articles, c.first_added,
           r.source, r.source_name, r.source_text, r.source_country, r.source_roles,
           r.target, r.target_name, r.target_text, r.target_country, r.target_roles,
           r.cameo, r.quad_class, r.goldstein, r.sentence_index, r.doc_url,
           p.location
    FROM event_clusters c
    JOIN events r ON r.doc_key = c.rep_doc_key AND r.event_id = c.rep_event_id
    LEFT JOIN events p ON p.doc_key = c.place_doc_key AND p.event_id = c.place_event_id
"""


def gdelt_rows(store: Store, filters: Filters | None = None) -> Iterator[list[str]]:
    """One 61-field row per event cluster (clusters with an event matching ``filters``)."""
    sql = _SQL
    params: list[object] = []
    if filters is not None and filters != Filters():
        cond, params = where(filters)
        sql += f" WHERE c.cluster_id IN (SELECT cluster_id FROM events WHERE {cond})"
    sql += " ORDER BY c.date_first NULLS LAST, c.cluster_id"
    for row in store.read(sql, params):
        day = row["date_first"] or row["first_seen"]
        added = row["first_added"]
        cameo = str(row["cameo"])
        out = [str(global_event_id(str(row["cluster_id"])))]
        if isinstance(day, date):
            fraction = min(day.timetuple().tm_yday / 365.0, 0.9999)
            out += [day.strftime("%Y%m%d"), day.strftime("%Y%m"), str(day.year), f"{day.year + fraction:.4f}"]
        else:
            out += ["", "", "", ""]
        out += _actor(row["source"], row["source_name"], row["source_text"], row["source_country"], row["source_roles"])  # type: ignore[arg-type]
        out += _actor(row["target"], row["target_name"], row["target_text"], row["target_country"], row["target_roles"])  # type: ignore[arg-type]
        out += [
            "1" if row["sentence_index"] == 0 else "0",
            cameo,
            cameo[:3],
            cameo[:2],
            str(row["quad_class"]),
            _num(row["goldstein"], 1),  # type: ignore[arg-type]
            str(row["num_mentions"]),
            str(row["num_sources"]),
            str(row["num_articles"]),
            "",  # AvgTone: eventwire measures no tone
        ]
        out += [""] * 16  # Actor1Geo_* and Actor2Geo_*: no actor geography in the flat record
        out += _action_geo(row["location"])
        out += [added.strftime("%Y%m%d%H%M%S") if isinstance(added, datetime) else "", str(row["doc_url"] or "")]
        yield [_clean(v) for v in out]


def write_gdelt(store: Store, out: TextIO, filters: Filters | None = None) -> int:
    n = 0
    width = len(gdelt_columns())
    for fields in gdelt_rows(store, filters):
        if len(fields) != width:
            raise ExportError(f"internal error: GDELT row has {len(fields)} fields, expected {width}")
        out.write("\t".join(fields) + "\n")
        n += 1
    return n
