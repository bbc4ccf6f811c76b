"""Debris rules: the reviewed patterns in ``data/clean/debris.yaml``, loaded once.

Two kinds of rule: *line* rules remove a whole line or paragraph (cookie prompts,
"Share this article", bylines, photo credits), either when the whole line matches or
when a short line contains a tell-tale phrase; *prefix* rules cut a dateline or kicker
off the start of a paragraph ("MOSCOW (Reuters) -"). See the data file for the format.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from eventwire.errors import ResourceError

DATA_FILE = "debris.yaml"


@dataclass(frozen=True, slots=True)
class ContainsRule:
    """A short line that contains ``pattern`` anywhere is debris."""

    pattern: re.Pattern[str]
    max_chars: int
    needs: tuple[str, ...] = ()  # lower-case words, one of which must occur (pre-check)


@dataclass(frozen=True, slots=True)
class PrefixRule:
    pattern: re.Pattern[str]
    lead_only: bool
    comment: str


@dataclass(frozen=True, slots=True)
class DebrisRules:
    """Compiled debris rules. Use :func:`load_rules` to get the packaged set."""

    line_patterns: tuple[re.Pattern[str], ...]
    contains: tuple[ContainsRule, ...]
    prefixes: tuple[PrefixRule, ...]
    max_line_chars: int
    lead_paragraphs: int
    #: all whole-line patterns as one alternation (one regex call per line).
    combined: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        parts = "|".join(f"(?{_scoped_flags(p)}:{p.pattern})" for p in self.line_patterns) or "(?!)"
        object.__setattr__(self, "combined", re.compile(parts))

    def is_debris(self, line: str) -> bool:
        """True when the whole (stripped) ``line`` is debris."""
        if not line or len(line) > self.max_line_chars:
            return False
        if self.combined.fullmatch(line):
            return True
        lowered = line.lower()
        for rule in self.contains:
            if len(line) > rule.max_chars or (rule.needs and not any(w in lowered for w in rule.needs)):
                continue
            if rule.pattern.search(line):
                return True
        return False

    def strip_prefix(self, paragraph: str, index: int) -> tuple[str, str | None]:
        """``paragraph`` without a leading dateline/kicker, and what was cut (or None)."""
        for rule in self.prefixes:
            if rule.lead_only and index >= self.lead_paragraphs:
                continue
            match = rule.pattern.match(paragraph)
            if match and match.end() > 0:
                return paragraph[match.end() :], match.group(0).strip()
        return paragraph, None


@cache
def load_rules() -> DebrisRules:
    """The packaged debris rules (read and compiled once per process)."""
    source = resources.files("eventwire").joinpath("data").joinpath("clean").joinpath(DATA_FILE)
    try:
        text = source.read_text(encoding="utf-8")
    except OSError as exc:
        raise ResourceError(f"cannot read the debris rules {DATA_FILE}: {exc}; reinstall eventwire") from exc
    return parse_rules(text, origin=DATA_FILE)


def parse_rules(text: str, *, origin: str = "<rules>") -> DebrisRules:
    """Validate and compile debris rules from YAML text (the format of ``debris.yaml``)."""
    import yaml

    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ResourceError(f"{origin}: not valid YAML ({exc})") from exc
    if not isinstance(data, dict):
        raise ResourceError(f"{origin}: expected a mapping with 'line' and 'prefix' lists")
    try:
        max_chars = int(data.get("max_line_chars", 400))
        lead = int(data.get("lead_paragraphs", 3))
    except (TypeError, ValueError) as exc:
        raise ResourceError(f"{origin}: max_line_chars and lead_paragraphs must be integers") from exc
    whole: list[re.Pattern[str]] = []
    contains: list[ContainsRule] = []
    for i, entry in enumerate(data.get("line") or []):
        if isinstance(entry, dict) and "contains" in entry:
            contains.append(_contains_rule(entry, origin, i, max_chars))
        else:
            whole.append(_compile(entry, origin, "line", i))
    prefixes = []
    for i, entry in enumerate(data.get("prefix") or []):
        scope = entry.get("scope", "any") if isinstance(entry, dict) else None
        if scope not in {"any", "lead"}:
            raise ResourceError(f"{origin}: prefix rule {i}: scope must be 'any' or 'lead', not {scope!r}")
        prefixes.append(PrefixRule(_compile(entry, origin, "prefix", i), scope == "lead", entry["comment"]))
    return DebrisRules(tuple(whole), tuple(contains), tuple(prefixes), max_chars, lead)


def _contains_rule(entry: dict[str, Any], origin: str, index: int, default_max: int) -> ContainsRule:
    try:
        limit = int(entry.get("max_chars", default_max))
    except (TypeError, ValueError) as exc:
        raise ResourceError(f"{origin}: line rule {index}: max_chars must be an integer") from exc
    needs = entry.get("needs") or []
    if not isinstance(needs, list) or not all(isinstance(w, str) and w == w.lower() for w in needs):
        raise ResourceError(f"{origin}: line rule {index}: needs must be a list of lower-case strings")
    return ContainsRule(_compile(entry, origin, "line", index, key="contains"), limit, tuple(needs))


def _compile(entry: object, origin: str, kind: str, index: int, *, key: str = "pattern") -> re.Pattern[str]:
    where = f"{origin}: {kind} rule {index}"
    if not isinstance(entry, dict) or not isinstance(entry.get(key), str):
        raise ResourceError(f"{where}: each rule needs a {key!r} string")
    if not str(entry.get("comment") or "").strip():
        raise ResourceError(f"{where}: each rule needs a 'comment' saying what it removes")
    case = entry.get("case", "insensitive")
    if case not in {"sensitive", "insensitive"}:
        raise ResourceError(f"{where}: case must be 'sensitive' or 'insensitive', not {case!r}")
    flags = 0 if case == "sensitive" else re.IGNORECASE
    try:
        return re.compile(entry[key], flags)
    except re.error as exc:
        raise ResourceError(f"{where}: bad regular expression ({exc})") from exc


def _scoped_flags(pattern: re.Pattern[str]) -> str:
    return "i" if pattern.flags & re.IGNORECASE else "-i"
