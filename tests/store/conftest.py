"""Store test fixtures: a store target per backend (DuckDB file, PostgreSQL schema).

PostgreSQL: see ``factories.pg_server_url`` (``EVENTWIRE_TEST_PG_URL``, else a throwaway
server from ``scripts/pg_start.sh``; skipped locally and FAILED under ``CI=true`` when
no server can be had).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _load_factories() -> None:
    if "store_factories" not in sys.modules:
        spec = importlib.util.spec_from_file_location("store_factories", HERE / "factories.py")
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules["store_factories"] = module
        spec.loader.exec_module(module)


_load_factories()

from store_factories import backend, new_target, pg_server, store, target  # noqa: F401 - fixtures
