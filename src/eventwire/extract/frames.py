"""Frames: how a control verb or a modality changes the code of the event under it.

"declined to endorse" puts the inner SUPPORT event (051) in the ``reject`` frame (120);
"agreed to withdraw" puts RETREAT (0872) in the ``intent`` frame (0356); "urged Iran to
release" puts 0841 in the ``appeal`` frame (0253). The tables are data:
``data/lexicon/frames.yaml``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Literal

import yaml

from eventwire.errors import ResourceError
from eventwire.ontology import load_ontology

FrameName = Literal["reject", "intent", "threaten", "appeal", "demand", "through", "negate", "cancel", "fail", "prepare"]
_FRAMES = ("reject", "intent", "threaten", "appeal", "demand", "through", "negate", "cancel", "fail", "prepare")
_KEEP = "="


@dataclass(frozen=True, slots=True)
class ControlVerb:
    lemma: str
    frame: FrameName
    object_is_target: bool = False
    prep: str | None = None  # "call on X to", "appeal to X to"


@dataclass(frozen=True, slots=True)
class Frames:
    control_verbs: dict[str, ControlVerb]
    control_nouns: dict[str, ControlVerb]
    tables: dict[str, dict[str, str | None]]
    negation_frame: FrameName
    negation_rejects_roots: frozenset[str]
    future_markers: frozenset[str]
    hypothetical_markers: frozenset[str]
    support_verbs: frozenset[str]
    non_agents: frozenset[str]
    cancel_verbs: frozenset[str]
    content_nouns: frozenset[str]
    partitive_nouns: frozenset[str]
    mutual_codes: frozenset[str]
    mutual_lemmas: frozenset[str]
    converse_codes: dict[str, str]
    target_required_roots: frozenset[str]
    fallback_target_preps: tuple[str, ...]
    obligation_markers: dict[str, FrameName]
    recipient_verbs: frozenset[str]
    experiencer_verbs: frozenset[str]
    political_roles: frozenset[str]
    crowd_nouns: frozenset[str]
    riot_codes: frozenset[str]
    riot_code: str
    outlook_words: frozenset[str]
    desire_verbs: frozenset[str]
    claim_verbs: frozenset[str]
    claim_accuses_roots: frozenset[str]
    claim_code: str
    broker_verbs: dict[str, str]
    broker_nouns: frozenset[str]
    dispatch_verbs: frozenset[str]
    help_verbs: frozenset[str]
    help_code: str
    undergo_verbs: frozenset[str]
    armed_units: frozenset[str]
    received_objects: dict[str, str]

    def apply(self, frame: str, inner: str | None) -> str | None:
        """The code of ``inner`` (a CAMEO code, or None when unknown) seen through ``frame``."""
        table = self.tables[frame]
        if inner is not None:
            for n in range(len(inner), 1, -1):
                key = inner[:n]
                if key in table:
                    value = table[key]
                    return inner if value == _KEEP else value
        value = table.get("*")
        if value == _KEEP:
            return inner
        return value

    def negate(self, code: str) -> str | None:
        """A negated predicate: cooperation becomes rejection, anything else no event."""
        if code[:2] in self.negation_rejects_roots:
            return self.apply(self.negation_frame, code)
        return None


@lru_cache(maxsize=1)
def load_frames() -> Frames:
    path = resources.files("eventwire").joinpath("data/lexicon/frames.yaml")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ResourceError(f"frames.yaml cannot be parsed: {exc}") from exc
    ontology = load_ontology()
    tables: dict[str, dict[str, str | None]] = {}
    for name, table in data["frames"].items():
        if name not in _FRAMES:
            raise ResourceError(f"frames.yaml: unknown frame {name!r}")
        clean: dict[str, str | None] = {}
        for key, value in table.items():
            key = str(key)
            if value is not None and value != _KEEP and str(value) not in ontology:
                raise ResourceError(f"frames.yaml: frame {name}: {key} -> unknown CAMEO code {value!r}")
            clean[key] = None if value is None else str(value)
        tables[name] = clean
    for noun, code in data["received_objects"].items():
        if str(code) not in ontology:
            raise ResourceError(f"frames.yaml: received object {noun!r} -> unknown CAMEO code {code!r}")
    verbs: dict[str, ControlVerb] = {}
    for lemma, spec in data["control_verbs"].items():
        frame = spec["frame"]
        if frame not in tables:
            raise ResourceError(f"frames.yaml: control verb {lemma!r} uses unknown frame {frame!r}")
        verbs[lemma] = ControlVerb(lemma, frame, bool(spec.get("object_is_target")), spec.get("prep"))
    nouns: dict[str, ControlVerb] = {}
    for lemma, spec in data["control_nouns"].items():
        if spec["frame"] not in tables:
            raise ResourceError(f"frames.yaml: control noun {lemma!r} uses unknown frame {spec['frame']!r}")
        nouns[lemma] = ControlVerb(lemma, spec["frame"], False, None)
    return Frames(
        control_verbs=verbs,
        control_nouns=nouns,
        tables=tables,
        negation_frame=data["negation_frame"],
        negation_rejects_roots=frozenset(data["negation_rejects_roots"]),
        future_markers=frozenset(data["future_markers"]),
        hypothetical_markers=frozenset(data["hypothetical_markers"]),
        support_verbs=frozenset(data["support_verbs"]),
        non_agents=frozenset(data["non_agents"]),
        cancel_verbs=frozenset(data["cancel_verbs"]),
        content_nouns=frozenset(data["content_nouns"]),
        partitive_nouns=frozenset(data["partitive_nouns"]),
        mutual_codes=frozenset(str(c) for c in data["mutual_codes"]),
        mutual_lemmas=frozenset(data["mutual_lemmas"]),
        converse_codes={str(k): str(v) for k, v in data["converse_codes"].items()},
        target_required_roots=frozenset(str(c) for c in data["target_required_roots"]),
        fallback_target_preps=tuple(data["fallback_target_preps"]),
        obligation_markers=_obligations(data["obligation_markers"], tables),
        recipient_verbs=frozenset(data["recipient_verbs"]),
        experiencer_verbs=frozenset(data["experiencer_verbs"]),
        political_roles=frozenset(data["political_roles"]),
        crowd_nouns=frozenset(data["crowd_nouns"]),
        riot_codes=frozenset(str(c) for c in data["riot_codes"]),
        riot_code=str(data["riot_code"]),
        outlook_words=frozenset(data["outlook_words"]),
        desire_verbs=frozenset(data["desire_verbs"]),
        claim_verbs=frozenset(data["claim_verbs"]),
        claim_accuses_roots=frozenset(data["claim_accuses_roots"]),
        claim_code=str(data["claim_code"]),
        broker_verbs={str(k): str(v) for k, v in data["broker_verbs"].items()},
        broker_nouns=frozenset(data["broker_nouns"]),
        dispatch_verbs=frozenset(data["dispatch_verbs"]),
        help_verbs=frozenset(data["help_verbs"]),
        help_code=str(data["help_code"]),
        undergo_verbs=frozenset(data["undergo_verbs"]),
        armed_units=frozenset(data["armed_units"]),
        received_objects={str(k): str(v) for k, v in data["received_objects"].items()},
    )


def _obligations(spec: dict[str, str], tables: dict[str, dict[str, str | None]]) -> dict[str, FrameName]:
    for marker, frame in spec.items():
        if frame not in tables:
            raise ResourceError(f"frames.yaml: obligation marker {marker!r} uses unknown frame {frame!r}")
    return dict(spec)  # type: ignore[arg-type]
