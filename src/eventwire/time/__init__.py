"""When events happened: date expressions resolved against the publication date.

from eventwire.time import resolve_event_date
resolve_event_date(clause, date(2020, 11, 3))  # EventDate(date, publication_date, expression, method)
"""

from __future__ import annotations

from eventwire.time.expressions import DateMatch, find_dates
from eventwire.time.resolve import resolve_event_date

__all__ = ["DateMatch", "find_dates", "resolve_event_date"]
