"""Reading gold files in the shared format (``../shared/eval/README.md``):

    {"id": ..., "text": ..., "date": "YYYY-MM-DD",
     "events": [{"source": "RUSGOV", "target": "TUR", "plover": "REJECT"}, ...]}

``plover`` or ``cameo`` gives the event; a CAMEO code is mapped to its PLOVER-2021
category (CAMEO 01 has none and is left out of PLOVER scoring).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path

from eventwire.errors import EvalError
from eventwire.ontology import plover_of_code


@dataclass(frozen=True, slots=True)
class GoldEvent:
    source: str
    target: str
    plover: str | None
    cameo: str | None


@dataclass(frozen=True, slots=True)
class GoldSentence:
    id: str
    text: str
    date: date | None
    events: tuple[GoldEvent, ...]


@lru_cache(maxsize=1)
def legacy_codes() -> dict[str, str]:
    text = resources.files("eventwire").joinpath("data/ontology/legacy_codes.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return {old: new for old, new in rows[1:]}


def normalize_code(code: str) -> str:
    code = (code or "---").strip().upper()
    legacy = legacy_codes()
    return legacy.get(code[:3], code[:3]) + code[3:]


def _gold_date(value: object) -> date | None:
    """ISO dates, and the compact YYYYMMDD / YYMMDD forms some gold files use."""
    if not value:
        return None
    text = str(value).strip()
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    if text.isdigit() and len(text) == 8:
        return date(int(text[:4]), int(text[4:6]), int(text[6:]))
    if text.isdigit() and len(text) == 6:
        year = int(text[:2])
        return date(2000 + year if year < 70 else 1900 + year, int(text[2:4]), int(text[4:]))
    raise ValueError(f"unreadable date {text!r}")


def read_gold(path: str | Path) -> list[GoldSentence]:
    path = Path(path)
    if not path.exists():
        raise EvalError(f"gold file {path} does not exist")
    out: list[GoldSentence] = []
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
                events = []
                for e in rec.get("events", []):
                    cameo = e.get("cameo")
                    plover = e.get("plover") or (plover_of_code(str(cameo)) if cameo else None)
                    events.append(GoldEvent(normalize_code(e["source"]), normalize_code(e["target"]), plover, cameo))
                out.append(GoldSentence(str(rec["id"]), rec["text"], _gold_date(rec.get("date")), tuple(events)))
            except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
                raise EvalError(f"{path}:{lineno}: not a gold record ({exc}); see the format in the README") from exc
    return out
