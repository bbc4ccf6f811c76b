"""Export tests reuse the store tests' factories and fixtures."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

STORE_TESTS = Path(__file__).resolve().parents[1] / "store"

if "store_factories" not in sys.modules:
    spec = importlib.util.spec_from_file_location("store_factories", STORE_TESTS / "factories.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["store_factories"] = module
    spec.loader.exec_module(module)

from store_factories import backend, new_target, pg_server, store, target  # noqa: F401 - fixtures
