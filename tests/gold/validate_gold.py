"""Check the gold corpus and print its counts.

Run from anywhere: ``python tests/gold/validate_gold.py``. Exits non-zero and lists the
problems when a record breaks the format or the coding rules in ``README.md``; otherwise
prints the counts that the README quotes. Not a pytest module (the quality-gate test lives
elsewhere); stdlib only so annotators can run it without the project installed.
"""

from __future__ import annotations

import collections
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ONTOLOGY = HERE.parents[1] / "src" / "eventwire" / "data" / "ontology"
TAGS = frozenset(
    "positive no-event negation hypothetical question conditional intent reported passive "
    "compound reciprocal nominal light-verb chain phrasal coreference historical".split()
)
ROLES = frozenset(
    "GOV MIL COP JUD LEG PTY OPP ELI REB INS SEP UAF SPY CVL MED BUS EDU REL LAB REF HLH "
    "HRI CRM AGR ENV".split()
)
ACTOR = re.compile(r"^(---|[A-Z]{3})((?:[A-Z]{3})*)$")
DATE = re.compile(r"^(\d{4})-\d{2}-\d{2}$")


def code_table() -> dict[str, str | None]:
    """CAMEO leaf code -> PLOVER-2021 category (02x -> REQUEST, 01x -> None)."""
    table: dict[str, str | None] = {}
    for line in (ONTOLOGY / "CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8").splitlines():
        match = re.match(r"^(\d{3,4}):\s*([A-Z]+)", line)
        if match:
            table[match.group(1)] = match.group(2)
    for line in (ONTOLOGY / "cameo-01-02.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            code = line.split("\t")[0]
            table[code] = "REQUEST" if code.startswith("02") else None
    return table


def ethnic_codes() -> frozenset[str]:
    """Codes of src/eventwire/data/actors/ethnic_groups.tsv (the suffix after the roles)."""
    path = HERE.parents[1] / "src" / "eventwire" / "data" / "actors" / "ethnic_groups.tsv"
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    return frozenset(r[0] for r in rows[1:])


ETHNIC = ethnic_codes()


def actor_ok(code: str) -> bool:
    """Country or ``---``, then roles, then at most one ethnic code ("IRQCVLKUR")."""
    match = ACTOR.match(code)
    if not match:
        return False
    parts = [match.group(2)[i : i + 3] for i in range(0, len(match.group(2)), 3)]
    if parts and parts[-1] not in ROLES and parts[-1] in ETHNIC and len(parts) >= 2:
        parts = parts[:-1]
    return all(p in ROLES for p in parts)


def check_events(events: list[dict], where: str, table: dict, errors: list[str]) -> None:
    for event in events:
        if set(event) != {"source", "target", "cameo", "plover"}:
            errors.append(f"{where}: event keys {sorted(event)}")
            continue
        if event["cameo"] not in table:
            errors.append(f"{where}: unknown CAMEO code {event['cameo']}")
        elif table[event["cameo"]] != event["plover"]:
            errors.append(f"{where}: {event['cameo']} is {table[event['cameo']]}, not {event['plover']}")
        for actor in (event["source"], event["target"]):
            if not actor_ok(actor):
                errors.append(f"{where}: bad actor code {actor!r}")


def check_sentence(rec: dict, table: dict, errors: list[str]) -> None:
    where = rec.get("id", "?")
    if set(rec) != {"id", "text", "date", "tags", "events"}:
        errors.append(f"{where}: keys {sorted(rec)}")
        return
    year = DATE.match(rec["date"])
    if not year or not 1975 <= int(year.group(1)) <= 2026:
        errors.append(f"{where}: date {rec['date']!r}")
    roots = [t for t in rec["tags"] if t.startswith("root:")]
    if len(roots) != 1 or not re.fullmatch(r"root:(0[1-9]|1\d|20)", roots[0]):
        errors.append(f"{where}: needs exactly one root:NN tag")
    errors.extend(f"{where}: unknown tag {t}" for t in rec["tags"] if not t.startswith("root:") and t not in TAGS)
    positive = "positive" in rec["tags"]
    if positive == ("no-event" in rec["tags"]) or positive != bool(rec["events"]):
        errors.append(f"{where}: 'positive' must go with events and 'no-event' with []")
    if rec["events"] and roots and not any(e.get("cameo", "")[:2] == roots[0][5:] for e in rec["events"]):
        errors.append(f"{where}: no event under {roots[0]}")
    check_events(rec["events"], where, table, errors)
    triples = {(e.get("source"), e.get("target"), e.get("cameo")) for e in rec["events"]}
    if any((t, s, c) in triples for s, t, c in triples if s != t) and "reciprocal" not in rec["tags"]:
        errors.append(f"{where}: events in both directions but no 'reciprocal' tag")
    codes = [e.get("cameo", "") for e in rec["events"]]
    if any(c.startswith("01") for c in codes) and not all(c.startswith("01") for c in codes):
        errors.append(f"{where}: a 01x statement coded next to another event")


def check_article(rec: dict, table: dict, errors: list[str]) -> None:
    where = rec.get("id", "?")
    if set(rec) != {"id", "date", "title", "text", "events"}:
        errors.append(f"{where}: keys {sorted(rec)}")
        return
    if not DATE.match(rec["date"]):
        errors.append(f"{where}: date {rec['date']!r}")
    if not rec["text"].startswith(rec["title"] + "\n\n"):
        errors.append(f"{where}: text must start with the headline and a blank line")
    words = len(rec["text"].split())
    if not 150 <= words <= 350:
        errors.append(f"{where}: {words} words (150-350)")
    check_events(rec["events"], where, table, errors)


def load(name: str) -> list[dict]:
    path = HERE / name
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def report(sentences: list[dict], articles: list[dict]) -> None:
    events = [e for r in sentences for e in r["events"]]
    print(f"sentences {len(sentences)} (positive {sum(bool(r['events']) for r in sentences)}, "
          f"no-event {sum(not r['events'] for r in sentences)}), events {len(events)}; "
          f"articles {len(articles)}, events {sum(len(a['events']) for a in articles)}")
    per_root: dict[str, list] = collections.defaultdict(lambda: [0, 0, 0, set()])
    for rec in sentences:
        root = next(t for t in rec["tags"] if t.startswith("root:"))[5:]
        per_root[root][0 if rec["events"] else 1] += 1
    for event in events:
        per_root[event["cameo"][:2]][2] += 1
        per_root[event["cameo"][:2]][3].add(event["cameo"])
    print("root  pos  neg  events  leaf-codes")
    for root in sorted(per_root):
        pos, neg, n, leaves = per_root[root]
        print(f"{root}   {pos:4d} {neg:4d} {n:6d}   {len(leaves):2d}: {' '.join(sorted(leaves))}")
    tags = collections.Counter(t for r in sentences for t in r["tags"] if not t.startswith("root:"))
    print("tags:", ", ".join(f"{k} {v}" for k, v in tags.most_common()))
    plover = collections.Counter(str(e["plover"]) for e in events)
    print("plover:", ", ".join(f"{k} {v}" for k, v in plover.most_common()))
    years = collections.Counter(r["date"][:4] for r in sentences)
    print("years:", " ".join(f"{k}:{v}" for k, v in sorted(years.items())))


def main() -> int:
    table = code_table()
    sentences, articles = load("sentences.jsonl"), load("articles.jsonl")
    errors: list[str] = []
    seen_ids: set[str] = set()
    seen_texts: set[str] = set()
    for rec in sentences + articles:
        if rec.get("id") in seen_ids:
            errors.append(f"duplicate id {rec.get('id')}")
        seen_ids.add(rec.get("id"))
        if rec.get("text") in seen_texts:
            errors.append(f"{rec.get('id')}: duplicate text")
        seen_texts.add(rec.get("text"))
    for rec in sentences:
        check_sentence(rec, table, errors)
    for rec in articles:
        check_article(rec, table, errors)
    for extra in ("wire_dev.jsonl", "heldout.jsonl"):  # checked, not counted below
        for rec in load(extra):
            if rec.get("id") in seen_ids or rec.get("text") in seen_texts:
                errors.append(f"{extra}: {rec.get('id')}: duplicate id or text")
            seen_ids.add(rec.get("id"))
            seen_texts.add(rec.get("text"))
            check_sentence(rec, table, errors)
    if errors:
        print("\n".join(errors), file=sys.stderr)
        return 1
    report(sentences, articles)
    return 0


if __name__ == "__main__":
    sys.exit(main())
